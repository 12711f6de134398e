# The agency console: registration (GET,POST /agency/register) with its documents in the same
# multipart form, the console home (GET /agency), more documents (POST /agency/documents) and the
# download (GET /agency/documents/{id}). Covers: a citizen without an agency is sent to the form,
# whose contact phone starts as their own; a bad credit code is a 400 page with the form still
# filled in and the message in words; a script or an HTML page renamed .pdf, a PDF without %%EOF
# and a 6 MiB file are refused with their message and nothing is stored (no row, no file); a good
# registration makes a pending agency, the member's agency_id and argon2id password, the document
# row and its file in the uploads folder (not under static/), byte for byte, and an audit row; the
# console says what happens next; a duplicate credit code is refused; the download goes with the
# right headers to the agency's members, reviewers and admins, and is a 404 for a citizen,
# another agency's member and a made-up id; a POST without the CSRF token is 403; the public
# agency page keeps a pending agency hidden.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use CM;
use Test::More;
use Digest::SHA qw(sha256_hex);
CM::tap_utf8();

my $uploads = CM::instance_dir() . '/uploads';
ok(-d $uploads, "the instance has an uploads folder ($uploads)");

# GB 32100 credit codes (CM::credit_code) and one with a wrong check character.
sub wrong_code {
	my $good = CM::credit_code();
	my $last = substr $good, -1;
	return substr($good, 0, 17) . ($last eq '1' ? '2' : '1');
}

sub pdf { my ($text) = @_; return "%PDF-1.4\n1 0 obj\n<< /Title ($text) >>\nendobj\ntrailer\n<< >>\n%%EOF\n" }
my $png = "\x89PNG\r\n\x1a\n" . "\0\0\0\rIHDR" . ("\0" x 17);
sub files_in_uploads { opendir my $d, $uploads or return -1; my @f = grep { !/\A\./ } readdir $d; return scalar @f }

my $district = CM::psql("SELECT id FROM regions WHERE level = 'district' ORDER BY code LIMIT 1");
ok($district, 'there is a district');

my $u1_phone = CM::fresh_phone();
my $u1 = CM::make_user(phone => $u1_phone, name => '王老师');
my $jar1 = CM::jar();
CM::login_as($u1, $jar1);

my $r = CM::get('/agency', jar => $jar1);
is($r->{status}, 303, 'a citizen without an agency is sent on from /agency');
is($r->{headers}{location}, '/agency/register', '… to the registration form');

$r = CM::get('/agency/register', jar => $jar1);
is($r->{status}, 200, 'GET /agency/register is 200') or diag CM::brief($r);
is(CM::form_value($r->{content}, 'contact_phone'), $u1_phone, 'the contact phone starts as the user\'s own');
like($r->{headers}{'cache-control'} // '', qr/no-store/, 'the form is not cached');
CM::has($r->{content}, qr/enctype="multipart\/form-data"/, 'the form is multipart');
my $csrf = CM::form_value($r->{content}, 'csrf');
ok($csrf, 'the form carries a CSRF token');

my %good = (
	csrf => $csrf, agency_name => "明湖测试培训学校$$", district => $district,
	address => '明湖市湖滨区学府路 88 号', contact_name => '王老师', contact_phone => $u1_phone,
	intro => "我们是一家面向社区居民的培训学校，开设书法、智能手机等课程。",
	password => 'correct horse battery', password2 => 'correct horse battery',
);
my $licence = pdf('licence');
sub register {
	my ($fields, $files, %o) = @_;
	return CM::post_multipart('/agency/register', { %good, %$fields }, $files, jar => $o{jar} // $jar1);
}
my $before = files_in_uploads();

# --- refusals ------------------------------------------------------------------------------------
my $bad_code = wrong_code();
$r = register({ credit_code => $bad_code },
	[{ name => 'document', filename => '营业执照.pdf', content => $licence, type => 'application/pdf' }]);
is($r->{status}, 400, 'a credit code with a wrong check character is a 400') or diag CM::brief($r);
ok(index(CM::text($r->{content}), CM::lang_str('zh-CN', 'agency_console.err_credit_code')) >= 0,
	'… saying so in words');
is(CM::form_value($r->{content}, 'agency_name'), $good{agency_name}, '… with the name still filled in');
is(CM::form_value($r->{content}, 'credit_code'), $bad_code, '… and the code as typed');
is(CM::form_value($r->{content}, 'address'), $good{address}, '… and the address');
CM::has($r->{content}, qr/id="credit_code"[^>]*aria-invalid="true"/, '… the field marked invalid');
CM::hasnt($r->{content}, qr/correct horse/, '… and never the password');
is(CM::psql("SELECT count(*) FROM agencies WHERE name = " . CM::sql_str($good{agency_name})), 0, '… no agency');
is(files_in_uploads(), $before, '… and no file stored');

my $code = CM::credit_code();
for my $case (
	['a shell script renamed .pdf', "#!/bin/sh\nrm -rf /\n", 'evil.pdf', 'err_doc_type'],
	['an HTML page renamed .pdf', "<html><script>alert(1)</script></html>\n%%EOF\n", 'page.pdf', 'err_doc_type'],
	['a PDF without %%EOF', "%PDF-1.4\n" . ('x' x 2000), 'cut.pdf', 'err_doc_type'],
	['a 6 MiB PDF', "%PDF-1.4\n" . ('x' x (6 * 1024 * 1024)) . "\n%%EOF\n", 'big.pdf', 'err_doc_size'],
) {
	my ($what, $bytes, $name, $key) = @$case;
	$r = register({ credit_code => $code },
		[{ name => 'document', filename => $name, content => $bytes, type => 'application/pdf' }]);
	is($r->{status}, 400, "$what is refused with 400") or diag CM::brief($r);
	ok(index(CM::text($r->{content}), CM::lang_str('zh-CN', "agency_console.$key")) >= 0, '… saying why in words');
	CM::has($r->{content}, qr/\Q$name\E/, '… naming the file');
	is(CM::psql("SELECT count(*) FROM agencies WHERE credit_code = '$code'"), 0, '… no agency');
	is(files_in_uploads(), $before, '… no file stored');
}
$r = register({ credit_code => $code }, []);
is($r->{status}, 400, 'no document at all is refused');
ok(index(CM::text($r->{content}), CM::lang_str('zh-CN', 'agency_console.err_doc_missing')) >= 0, '… saying a licence is needed');
$r = register({ credit_code => $code, password => 'short', password2 => 'short' },
	[{ name => 'document', filename => 'a.pdf', content => $licence }]);
is($r->{status}, 400, 'a short password is refused');
ok(index(CM::text($r->{content}), CM::lang_str('zh-CN', 'agency_console.err_password')) >= 0, '… in words');
is(files_in_uploads(), $before, '… and nothing stored');

$r = CM::post_multipart('/agency/register', { %good, csrf => '', credit_code => $code },
	[{ name => 'document', filename => 'a.pdf', content => $licence }], jar => $jar1);
is($r->{status}, 403, 'a registration without the CSRF token is 403');

# --- a transaction that fails after the files were written leaves neither rows nor files -----------
# A trigger makes the document insert fail for one file name, after the agency row and the
# user's update went through in the same transaction.
CM::psql(q{CREATE FUNCTION pg_temp_boom() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.filename LIKE 'boom-%' THEN RAISE EXCEPTION 'boom for the test'; END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER test_boom BEFORE INSERT ON agency_documents FOR EACH ROW EXECUTE FUNCTION pg_temp_boom();});
END { eval { CM::psql('DROP TRIGGER IF EXISTS test_boom ON agency_documents; DROP FUNCTION IF EXISTS pg_temp_boom()') } }
$r = register({ credit_code => $code },
	[{ name => 'document', filename => 'ok.pdf', content => $licence },
	 { name => 'document', filename => "boom-$$.pdf", content => pdf('boom') }]);
is($r->{status}, 503, 'a registration whose transaction fails is a 503') or diag CM::brief($r);
is(CM::psql("SELECT count(*) FROM agencies WHERE credit_code = '$code'"), 0, '… no agency');
is(CM::psql("SELECT coalesce(agency_id::text, 'none') || '|' || (password_hash IS NULL) FROM users WHERE id = $u1"),
	'none|true', '… the user unchanged');
is(CM::psql("SELECT count(*) FROM audit_log WHERE action = 'agency.register' AND actor_id = $u1"), 0, '… no audit row');
is(files_in_uploads(), $before, '… and the files written before it are removed');

# --- a good registration --------------------------------------------------------------------------
$r = register({ credit_code => lc $code },
	[{ name => 'document', filename => '../../营业执照.pdf', content => $licence, type => 'text/html' }]);
is($r->{status}, 303, 'a good registration is a 303') or diag CM::brief($r);
is($r->{headers}{location}, '/agency?done=registered', '… to the console');
my ($agency, $status, $cc, $contact) = split /\|/,
	CM::psql("SELECT id, status, credit_code, contact_phone FROM agencies WHERE name = " . CM::sql_str($good{agency_name}));
ok($agency, 'the agency exists');
is($status, 'pending', '… pending');
is($cc, $code, '… with the credit code normalized to capitals');
is($contact, $u1_phone, '… and the contact phone');
my ($agency_of_u1, $pw, $pw_at, $roles) = split /\|/,
	CM::psql("SELECT agency_id, password_hash, password_set_at IS NOT NULL, roles FROM users WHERE id = $u1");
is($agency_of_u1, $agency, 'the user belongs to the agency');
like($pw, qr/\A\$argon2id\$/, '… with an argon2id console password');
is($pw_at, 't', '… and its time');
is($roles & 4, 0, '… but no agency role before the approval');
my ($doc, $fname, $type, $size, $sum, $stored, $kind) = split /\|/,
	CM::psql("SELECT id, filename, media_type, size_bytes, encode(sha256, 'hex'), storage_name, kind"
		. " FROM agency_documents WHERE agency_id = $agency");
ok($doc, 'the document row exists');
is($fname, '营业执照.pdf', '… named without the folder part');
is($type, 'application/pdf', '… with the sniffed type, not the browser\'s');
is($size, length $licence, '… its size');
is($sum, sha256_hex($licence), '… and its SHA-256');
is($kind, 'license', '… as the licence');
like($stored, qr/\A[0-9a-f]{32}\z/, 'it is stored under a random 32-hex name');
ok(-f "$uploads/$stored", '… in the uploads folder');
unlike($uploads, qr{/static(/|\z)}, '… which is not under static/');
ok(!-e "$ENV{CM_ROOT}/static/$stored", '… and nothing under static/');
my $disk = do { local $/; open my $fh, '<:raw', "$uploads/$stored" or die; <$fh> };
is($disk, $licence, '… byte for byte');
is(files_in_uploads(), $before + 1, 'exactly one file more in the folder');
is(CM::psql("SELECT count(*) FROM audit_log WHERE action = 'agency.register' AND object_type = 'agency'"
	. " AND object_id = $agency AND actor_id = $u1"), 1, 'an agency.register audit row');

$r = CM::get('/agency?done=registered', jar => $jar1);
is($r->{status}, 200, 'the console answers') or diag CM::brief($r);
my $text = CM::text($r->{content});
ok(index($text, CM::lang_str('zh-CN', 'agency_console.done_registered')) >= 0, '… confirming the application');
ok(index($text, CM::lang_str('zh-CN', 'agency_console.pending_next')) >= 0, '… saying what happens next');
ok(index($text, '营业执照.pdf') >= 0, '… listing the document');
CM::has($r->{content}, qr{href="/agency/documents/$doc"}, '… with its download link');
ok(index($text, $u1_phone) >= 0, '… and the member\'s own phone unmasked to them');

my $colleague = CM::make_user(agency_id => $agency, name => '赵同事');
my $jarc = CM::jar();
CM::login_as($colleague, $jarc);
$r = CM::get('/agency', jar => $jarc);
is($r->{status}, 200, 'another member of the agency sees the console');
ok(index($r->{content}, $u1_phone) < 0, '… without the contact\'s and the first member\'s phone in full');
ok(index(CM::text($r->{content}), substr($u1_phone, 0, 3) . '****' . substr($u1_phone, 7)) >= 0, '… only masked');

$r = CM::get('/agency/register', jar => $jar1);
is($r->{status}, 303, 'a member cannot register a second agency');

$r = CM::get(CM::nocache("/agencies/$agency"));
is($r->{status}, 404, 'the public page of a pending agency is a 404');

# --- a duplicate credit code ----------------------------------------------------------------------
my $u2 = CM::make_user();
my $jar2 = CM::jar();
CM::login_as($u2, $jar2);
my $csrf2 = CM::form_value(CM::get('/agency/register', jar => $jar2)->{content}, 'csrf');
$r = CM::post_multipart('/agency/register',
	{ %good, csrf => $csrf2, agency_name => "另一所学校$$", credit_code => $code },
	[{ name => 'document', filename => 'b.pdf', content => pdf('b') }], jar => $jar2);
is($r->{status}, 400, 'a credit code already registered is refused');
ok(index(CM::text($r->{content}), CM::lang_str('zh-CN', 'agency_console.err_credit_code_taken')) >= 0, '… in words');
is(files_in_uploads(), $before + 1, '… and its file is not kept');

# --- more documents --------------------------------------------------------------------------------
$r = CM::post_multipart('/agency/documents', { csrf => $csrf, kind => 'qualification' },
	[{ name => 'document', filename => 'permit.png', content => $png, type => 'image/png' }], jar => $jar1);
is($r->{status}, 303, 'POST /agency/documents adds a PNG') or diag CM::brief($r);
is(CM::psql("SELECT count(*) FROM agency_documents WHERE agency_id = $agency AND kind = 'qualification'"
	. " AND media_type = 'image/png'"), 1, '… as a qualification');
is(CM::psql("SELECT count(*) FROM audit_log WHERE action = 'agency.document_add' AND object_id = $agency"), 1,
	'… audited');
$r = CM::post_multipart('/agency/documents', { csrf => $csrf, kind => 'other' },
	[{ name => 'document', filename => 'x.pdf', content => "<!doctype html><p>hi", type => 'application/pdf' }], jar => $jar1);
is($r->{status}, 400, 'an HTML file renamed .pdf is refused on the console');
ok(index(CM::text($r->{content}), CM::lang_str('zh-CN', 'agency_console.err_doc_type')) >= 0, '… saying why');
is(CM::psql("SELECT count(*) FROM agency_documents WHERE agency_id = $agency"), 2, '… no row');
is(files_in_uploads(), $before + 2, '… no file');
$r = CM::post_multipart('/agency/documents', { csrf => $csrf, kind => 'other' },
	[{ name => 'document', filename => 'fine.png', content => $png }, { name => 'document', filename => "boom-$$.png", content => $png }],
	jar => $jar1);
is($r->{status}, 503, 'adding documents in a transaction that fails is a 503');
is(CM::psql("SELECT count(*) FROM agency_documents WHERE agency_id = $agency"), 2, '… no row');
is(files_in_uploads(), $before + 2, '… no file');
$r = CM::post_multipart('/agency/documents', { kind => 'other' },
	[{ name => 'document', filename => 'p.png', content => $png }], jar => $jar1);
is($r->{status}, 403, 'adding documents without the CSRF token is 403');

# --- who may download ------------------------------------------------------------------------------
sub download { my ($id, $jar) = @_; return CM::get("/agency/documents/$id", jar => $jar) }
$r = download($doc, $jar1);
is($r->{status}, 200, 'a member downloads the document');
is($r->{raw}, $licence, '… byte for byte');
is($r->{headers}{'content-type'}, 'application/pdf', '… as application/pdf');
like($r->{headers}{'content-disposition'} // '', qr/\Aattachment; filename="document-$doc\.pdf"; filename\*=UTF-8''%E8%90%A5/,
	'… as an attachment with a safe name');
is($r->{headers}{'x-content-type-options'}, 'nosniff', '… nosniff');
is($r->{headers}{'cache-control'}, 'private, no-store', '… private, no-store');

my (undef, undef, $other_jar) = CM::approved_agency(name => "别家机构$$");
my $citizen = CM::make_user();
my $reviewer = CM::make_user(roles => 8);
my $admin = CM::make_user(roles => 66);
my %jars = ((other => $other_jar), map { $_ => CM::jar() } qw(citizen reviewer admin));
CM::login_as($citizen, $jars{citizen});
CM::login_as($reviewer, $jars{reviewer});
CM::login_as($admin, $jars{admin});
is(download($doc, $jars{other})->{status}, 404, 'another agency\'s member gets 404');
is(download($doc, $jars{citizen})->{status}, 404, 'a citizen gets 404');
$r = download($doc, $jars{reviewer});
is($r->{status}, 200, 'a reviewer gets the document');
is($r->{raw}, $licence, '… the same bytes');
$r = download($doc, $jars{admin});
is($r->{status}, 200, 'an admin gets the document');
is($r->{headers}{'cache-control'}, 'private, no-store', '… not cached');
my $max = CM::psql('SELECT coalesce(max(id), 0) + 1000 FROM agency_documents');
is(download($max, $jars{admin})->{status}, 404, 'a made-up id is a 404, for an admin too');
is(download($doc, CM::jar())->{status}, 303, 'someone not logged in is sent to log in');

done_testing();
