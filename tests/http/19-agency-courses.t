# The agency's courses in its console (/agency/courses…, cgi-bin/pages/agency_courses.c) and
# course covers (/media/covers/…, cgi-bin/pages/cover.c). Covers: a draft with every field and a
# real PNG cover (stored re-encoded, served as a 1200×675 JPEG and a thumbnail); bad input shown
# again, filled in, with the errors in Chinese and in English; a description with <script>, a
# javascript: link and raw HTML renders inert; a shell script or an HTML page named cover.jpg is
# refused with 400 and nothing is stored; another agency gets 404 for every page and action of
# the course and never sees it in its list; submitting needs an offering, and a site for an
# in-person course; after the first listing (approved here by SQL: the review desk is elsewhere) a
# cosmetic edit is live at once with a version, a material edit (credits) waits in pending while
# the public page keeps the live value; submit freezes both sides into listing_reviews; a review
# makes the course read-only until withdrawn; discard; unlist hides the course from /courses and
# /courses/{id}; relist brings it back.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use CM;
use Test::More;
use Compress::Zlib ();
CM::tap_utf8();

sub zh { CM::lang_str('zh-CN', "agency_courses.$_[0]") }
sub en { CM::lang_str('en', "agency_courses.$_[0]") }
sub has_words { my ($r, $words, $name) = @_; ok(index(CM::text($r->{content}), $words) >= 0, $name) or diag CM::brief($r) }

# A real PNG, written here: width × height, a gradient (zlib and a CRC are all it needs).
sub png {
	my ($w, $h) = @_;
	my $raw = '';
	for my $y (0 .. $h - 1) {
		$raw .= "\0" . join '', map { pack 'C3', $_ % 256, $y % 256, 128 } 0 .. $w - 1;
	}
	my $chunk = sub {
		my ($type, $data) = @_;
		return pack('N', length $data) . $type . $data . pack('N', Compress::Zlib::crc32($type . $data));
	};
	return "\x89PNG\r\n\x1a\n" . $chunk->('IHDR', pack 'NNCCCCC', $w, $h, 8, 2, 0, 0, 0)
		. $chunk->('IDAT', Compress::Zlib::compress($raw)) . $chunk->('IEND', '');
}
# A JPEG's size from its SOF marker.
sub jpeg_size {
	my ($b) = @_;
	my $i = 2;
	while ($i + 9 < length $b) {
		my ($ff, $m, $len) = unpack 'CCn', substr $b, $i, 4;
		return () unless $ff == 0xFF;
		if ($m >= 0xC0 && $m <= 0xCF && $m != 0xC4 && $m != 0xC8 && $m != 0xCC) {
			my ($h, $w) = unpack 'nn', substr $b, $i + 5, 4;
			return ($w, $h);
		}
		$i += 2 + $len;
	}
	return ();
}
my $covers = CM::instance_dir() . '/uploads/covers';
sub cover_files { return () unless -d $covers; opendir my $d, $covers or die; return grep { !/^\./ } readdir $d }

my ($a1, $m1, $j1) = CM::approved_agency(name => "课程测试机构甲$$");
my ($a2, $m2, $j2) = CM::approved_agency(name => "课程测试机构乙$$");
my $reviewer = CM::make_user(roles => 8);
my $cat = CM::psql("SELECT id FROM categories ORDER BY sort, id LIMIT 1");
my $cat2 = CM::psql("SELECT id FROM categories ORDER BY sort, id OFFSET 1 LIMIT 1");

# --- who may come in ------------------------------------------------------------------------------
my $citizen = CM::make_user();
my $cj = CM::jar();
CM::login_as($citizen, $cj);
is(CM::get('/agency/courses', jar => $cj)->{status}, 403, 'a citizen gets 403 at /agency/courses');
is(CM::get('/agency/courses', jar => CM::jar())->{status}, 303, 'someone not logged in is sent to log in');

my $r = CM::get('/agency', jar => $j1);
CM::has($r->{content}, qr{href="/agency/courses"}, 'the console home links to the courses');
CM::has($r->{content}, qr{href="/agency/teachers"}, '… and to the teachers');

$r = CM::get('/agency/courses', jar => $j1);
is($r->{status}, 200, 'the course list') or diag CM::brief($r);
has_words($r, zh('list_none'), '… empty at first, saying so');

# --- a new draft ----------------------------------------------------------------------------------
$r = CM::get('/agency/courses/new', jar => $j1);
is($r->{status}, 200, 'the new-course form') or diag CM::brief($r);
like($r->{headers}{'cache-control'} // '', qr/no-store/, '… not cached');
my $csrf = CM::form_value($r->{content}, 'csrf');
ok($csrf, '… with a CSRF token');
CM::has($r->{content}, qr{enctype="multipart/form-data"}, '… a multipart form');
CM::has($r->{content}, qr{<label for="title">}, '… labelled fields');
is(scalar(() = CM::h1s($r->{content})), 1, '… one <h1>');

my %bad = (csrf => $csrf, title => 'x', summary => '简介', category => $cat, audience => 'all',
	mode => 'offline', credits => '100', hours => 'abc', description => '', outcomes => '');
$r = CM::post_multipart('/agency/courses/new', \%bad, [], jar => $j1);
is($r->{status}, 400, 'bad input: 400') or diag CM::brief($r);
has_words($r, zh('err_title'), '… the title error in words');
has_words($r, zh('err_credits'), '… the credits error');
has_words($r, zh('err_hours'), '… the hours error');
is(CM::form_value($r->{content}, 'title'), 'x', '… the form filled in');
is(CM::form_value($r->{content}, 'credits'), '100', '… credits too');
$r = CM::post_multipart('/agency/courses/new', \%bad, [], jar => $j1, headers => { 'Accept-Language' => 'en' });
is($r->{status}, 400, 'bad input in English: 400');
has_words($r, en('err_title'), '… the title error in English');
has_words($r, en('err_credits'), '… the credits error in English');
is(CM::psql("SELECT count(*) FROM courses WHERE agency_id = $a1"), 0, '… nothing written');

my $evil = "# 课程介绍\n\n<script>alert(1)</script>\n\n点这里 [x](javascript:alert(1)) 看看\n\n<img src=x onerror=alert(2)>\n\n**加粗**";
my %good = (csrf => $csrf, title => "书法入门$$", summary => '从握笔开始学写楷书。', category => $cat,
	audience => 'seniors', mode => 'offline', credits => '2', hours => '24', description => $evil,
	outcomes => "能写楷书基本笔画\n能临摹一幅作品");

$r = CM::post_multipart('/agency/courses/new', { %good, preview => 1 }, [], jar => $j1);
is($r->{status}, 200, 'a preview shows the form again');
CM::has($r->{content}, qr{<strong>加粗</strong>}, '… with the description rendered');
is(CM::psql("SELECT count(*) FROM courses WHERE agency_id = $a1"), 0, '… and writes nothing');

my $png = png(1600, 1000);
my @before = cover_files();
$r = CM::post_multipart('/agency/courses/new', \%good,
	[{ name => 'cover', filename => 'cover.png', content => $png, type => 'image/png' }], jar => $j1);
is($r->{status}, 303, 'a good draft: 303') or diag CM::brief($r);
my ($cid) = ($r->{headers}{location} // '') =~ m{^/agency/courses/(\d+)\?done=created$};
ok($cid, '… to the course page') or diag $r->{headers}{location};
my ($status, $credits, $hours, $aud, $cover, $outcomes) = split /\|/,
	CM::psql("SELECT status, credits, hours, audience, cover, outcomes FROM courses WHERE id = $cid AND agency_id = $a1");
is($status, 'draft', '… a draft');
is($credits, '2.0', '… credits');
is($hours, 24, '… hours');
is($aud, 'seniors', '… audience');
like($cover // '', qr/^[0-9a-f]{32}$/, '… a cover name');
is(CM::psql("SELECT count(*) FROM audit_log WHERE action = 'course.create' AND object_id = $cid"), 1, '… audited');
ok(-f "$covers/$cover.jpg" && -f "$covers/$cover-t.jpg", '… both files stored');

$r = CM::get("/media/covers/$cover.jpg");
is($r->{status}, 200, 'the cover is served publicly');
is($r->{headers}{'content-type'}, 'image/jpeg', '… as image/jpeg');
is($r->{headers}{'x-content-type-options'}, 'nosniff', '… nosniff');
like($r->{headers}{'cache-control'} // '', qr/max-age=31536000/, '… cached for long');
is(join('×', jpeg_size($r->{raw})), '1200×675', '… 1200×675');
$r = CM::get("/media/covers/$cover-t.jpg");
is(join('×', jpeg_size($r->{raw})), '480×270', 'the thumbnail is 480×270');
is(CM::get("/media/covers/../$cover.jpg")->{status}, 404, 'a path with .. is 404') ;
is(CM::get('/media/covers/' . ('0' x 32) . '.jpg')->{status}, 404, 'a missing cover is 404');

$r = CM::get("/agency/courses/$cid?done=created", jar => $j1);
is($r->{status}, 200, 'the overview') or diag CM::brief($r);
has_words($r, zh('done_created'), '… confirms the draft');
has_words($r, zh('stage_draft'), '… the stage in words');
CM::has($r->{content}, qr{<img src="/media/covers/$cover-t\.jpg"}, '… the cover thumbnail');
my $desc = CM::section($r->{content}, qr/<section[^>]*id="fields"/);
CM::has($desc, qr{<h3>课程介绍</h3>}, '… the description rendered (headings demoted)');
CM::hasnt($desc, qr{<script}i, '… no <script> from the description');
CM::hasnt($desc, qr{href="\s*javascript:}i, '… no javascript: link');
CM::hasnt($desc, qr{<img[^>]*onerror}i, '… no raw HTML');
CM::has($desc, qr{&lt;script&gt;}, '… the script shown as text');
CM::has($desc, qr{<li>能临摹一幅作品</li>}, '… the outcomes, one per line');
CM::has($r->{content}, qr{href="/agency/courses/$cid/offerings/new"}, '… a link to add an offering');

# --- covers that are not pictures ------------------------------------------------------------------
@before = cover_files();
my $n_courses = CM::psql("SELECT count(*) FROM courses WHERE agency_id = $a1");
for my $fake (["#!/bin/sh\nrm -rf / --no-preserve-root\n", 'a shell script'],
	["<!DOCTYPE html><html><script>alert(1)</script></html>", 'an HTML page']) {
	$r = CM::post_multipart('/agency/courses/new', { %good, title => "假封面$$" },
		[{ name => 'cover', filename => 'cover.jpg', content => $fake->[0], type => 'image/jpeg' }], jar => $j1);
	is($r->{status}, 400, "$fake->[1] named cover.jpg: 400") or diag CM::brief($r);
	has_words($r, zh('err_cover_not_image'), '… saying it is not a picture');
	is(CM::psql("SELECT count(*) FROM courses WHERE agency_id = $a1"), $n_courses, '… no course written');
	is_deeply([sort(cover_files())], [sort @before], '… no file stored');
}
$r = CM::post_multipart("/agency/courses/$cid/edit", \%good,
	[{ name => 'cover', filename => 'cover.jpg', content => "<html>x</html>", type => 'image/jpeg' }], jar => $j1,
	headers => { 'Accept-Language' => 'en' });
is($r->{status}, 400, 'the same on the edit form');
has_words($r, en('err_cover_not_image'), '… in English');
is(CM::psql("SELECT cover FROM courses WHERE id = $cid"), $cover, '… the cover unchanged');

# --- another agency ------------------------------------------------------------------------------
$r = CM::get('/agency/courses/new', jar => $j2);
my $csrf2 = CM::form_value($r->{content}, 'csrf');
is(CM::get("/agency/courses/$cid", jar => $j2)->{status}, 404, "another agency: the overview is 404");
is(CM::get("/agency/courses/$cid/edit", jar => $j2)->{status}, 404, '… the edit form is 404');
is(CM::post_multipart("/agency/courses/$cid/edit", { %good, csrf => $csrf2, title => '改名了' }, [], jar => $j2)->{status},
	404, '… editing is 404');
for my $action (qw(submit withdraw unlist relist discard)) {
	is(CM::post("/agency/courses/$cid/$action", { csrf => $csrf2 }, jar => $j2)->{status}, 404, "… $action is 404");
}
is(CM::psql("SELECT title FROM courses WHERE id = $cid"), "书法入门$$", '… and nothing changed');
$r = CM::get('/agency/courses', jar => $j2);
ok(index(CM::text($r->{content}), "书法入门$$") < 0, "… its list does not show the course");
is(CM::get('/agency/courses/999999999', jar => $j1)->{status}, 404, 'a missing course is 404 too');

$r = CM::get('/agency/courses', jar => $j1);
CM::has($r->{content}, qr{href="/agency/courses/$cid"}, 'the owner\'s list links to the course');

# --- editing a draft writes the row ----------------------------------------------------------------
$r = CM::get("/agency/courses/$cid/edit", jar => $j1);
is($r->{status}, 200, 'the edit form of a draft');
is(CM::form_value($r->{content}, 'title'), "书法入门$$", '… filled in');
CM::has($r->{content}, qr{<img src="/media/covers/$cover-t\.jpg"}, '… showing the cover');
$r = CM::post_multipart("/agency/courses/$cid/edit", { %good, category => $cat2, credits => '1.5' }, [], jar => $j1);
is($r->{status}, 303, 'a draft edit: 303') or diag CM::brief($r);
like($r->{headers}{location} // '', qr{done=saved$}, '… nothing listed as live or held');
is(CM::psql("SELECT category_id || '|' || credits || '|' || (pending IS NULL) FROM courses WHERE id = $cid"),
	"$cat2|1.5|true", '… category and credits written directly');
is(CM::psql("SELECT count(*) FROM course_versions WHERE course_id = $cid"), 0, '… no version');
CM::post_multipart("/agency/courses/$cid/edit", { %good }, [], jar => $j1);
is(CM::psql("SELECT cover FROM courses WHERE id = $cid"), $cover, '… the cover kept when no file is chosen');

# --- submitting: what a course needs --------------------------------------------------------------
$r = CM::post("/agency/courses/$cid/submit", { csrf => $csrf }, jar => $j1);
is($r->{status}, 409, 'submitting without an offering: 409') or diag CM::brief($r);
has_words($r, zh('refuse_no_offering'), '… saying an offering is needed');
my $oid = CM::psql("INSERT INTO offerings (course_id, name, starts_on, ends_on, schedule, capacity, price_fen,"
	. " enroll_opens_at, enroll_closes_at, status) VALUES ($cid, '春季班$$', current_date + 30, current_date + 90,"
	. " '每周二 09:00–11:00', 20, 12000, now() - interval '1 day', now() + interval '20 days', 'draft') RETURNING id");
$r = CM::post("/agency/courses/$cid/submit", { csrf => $csrf }, jar => $j1);
is($r->{status}, 409, 'an in-person course with an offering without a site: 409');
has_words($r, zh('refuse_no_site'), '… saying a site is needed');
has_words($r, "春季班$$", '… naming the offering');
my $site = CM::psql("SELECT id FROM sites ORDER BY id LIMIT 1");
CM::psql("UPDATE offerings SET site_id = $site WHERE id = $oid");
is(CM::psql("SELECT count(*) FROM listing_reviews WHERE course_id = $cid"), 0, '… no review yet');

$r = CM::post("/agency/courses/$cid/submit", { csrf => $csrf, note => '请审核' }, jar => $j1);
is($r->{status}, 303, 'submit: 303') or diag CM::brief($r);
like($r->{headers}{location} // '', qr{^/agency/courses/$cid\?done=submitted$}, '… to the overview');
my ($rid, $kind, $note) = split /\|/, CM::psql("SELECT id, kind, note FROM listing_reviews WHERE course_id = $cid AND state = 'submitted'");
is($kind, 'new', '… a review of kind new');
is($note, '请审核', '… with the note');
is(CM::psql("SELECT count(*) FROM audit_log WHERE action = 'listing.submit' AND object_id = $cid"), 1, '… audited');
$r = CM::get("/agency/courses/$cid", jar => $j1);
has_words($r, zh('stage_submitted'), '… the stage is "submitted"');
$r = CM::get("/agency/courses/$cid/edit", jar => $j1);
is($r->{status}, 409, 'while the review is open, editing is refused with 409');
has_words($r, zh('refuse_review_open'), '… in words');

# The reviewer approves (the review desk is another page; here by SQL, as it would).
CM::psql("UPDATE listing_reviews SET state = 'approved', decided_by = $reviewer, decided_at = now() WHERE id = $rid;"
	. " SELECT listing_apply($cid); SELECT listing_record_version($cid, 'approved', $rid, $reviewer);");
CM::psql("INSERT INTO review_verdicts (review_id, item_id, item_title, verdict, note)"
	. " SELECT $rid, id, title, 'pass', '证书齐全$$' FROM admission_items WHERE active");
is(CM::psql("SELECT status FROM courses WHERE id = $cid"), 'listed', 'approved by SQL: listed');
$r = CM::get("/agency/courses/$cid", jar => $j1);
my $history = CM::section($r->{content}, qr/<section[^>]*id="reviews"/);
ok(index(CM::text($history), '机构资质齐全') >= 0, 'the overview shows the verdicts by item');
ok(index(CM::text($history), "证书齐全$$") >= 0, '… with the reviewer\'s notes');
ok(index(CM::text($history), zh('verdict_pass')) >= 0, '… and the verdict in words');
my $vers = CM::section($r->{content}, qr/<section[^>]*id="versions"/);
ok(index(CM::text($vers), zh('cause_approved')) >= 0, '… and the approved version');
is(CM::get(CM::nocache("/courses/$cid"))->{status}, 200, '… on the public page');

$r = CM::post("/agency/courses/$cid/submit", { csrf => $csrf }, jar => $j1);
is($r->{status}, 409, 'submitting a listed course with nothing changed: 409');
has_words($r, zh('refuse_nothing_to_review'), '… nothing to review');

# --- editing a live course -------------------------------------------------------------------------
my $versions = CM::psql("SELECT count(*) FROM course_versions WHERE course_id = $cid");
$r = CM::get("/agency/courses/$cid/edit", jar => $j1);
is($r->{status}, 200, 'the edit form of a listed course');
is(CM::form_value($r->{content}, 'credits'), '2.0', '… filled in');
$r = CM::post_multipart("/agency/courses/$cid/edit", { %good, title => "书法入门新$$" }, [], jar => $j1);
is($r->{status}, 303, 'a cosmetic edit: 303') or diag CM::brief($r);
like($r->{headers}{location} // '', qr{done=saved&live=title$}, '… the title went live, nothing held');
is(CM::psql("SELECT title FROM courses WHERE id = $cid"), "书法入门新$$", '… applied at once');
is(CM::psql("SELECT count(*) FROM course_versions WHERE course_id = $cid"), $versions + 1, '… a new version');
is(CM::psql("SELECT cause FROM course_versions WHERE course_id = $cid ORDER BY no DESC LIMIT 1"), 'cosmetic', '… cosmetic');
is(CM::psql("SELECT pending IS NULL FROM courses WHERE id = $cid"), 't', '… nothing pending');
$r = CM::get($r->{headers}{location}, jar => $j1);
has_words($r, zh('done_live') . ' ' . zh('f_title'), '… the page says the title is live');

$r = CM::post_multipart("/agency/courses/$cid/edit", { %good, title => "书法入门新$$", credits => '3.5' }, [], jar => $j1);
is($r->{status}, 303, 'a material edit (credits): 303') or diag CM::brief($r);
like($r->{headers}{location} // '', qr{done=saved&held=credits$}, '… held for review');
is(CM::psql("SELECT credits FROM courses WHERE id = $cid"), '2.0', '… the live credits unchanged');
is(CM::psql("SELECT pending::text FROM courses WHERE id = $cid"), '{"credits": 3.5}', '… pending holds only credits');
is(CM::psql("SELECT count(*) FROM course_versions WHERE course_id = $cid"), $versions + 1, '… no version for it');
$r = CM::get($r->{headers}{location}, jar => $j1);
has_words($r, zh('stage_listed_changes'), '… stage: listed with changes');
has_words($r, zh('done_held') . ' ' . zh('f_credits'), '… the page says the credits wait');
my $live = CM::section($r->{content}, qr/<section[^>]*id="fields"/);
CM::has($live, qr{id="credits-live">2\.0 <span class="badge badge-info">[^<]*</span> 3\.5}, '… live 2.0 with 3.5 awaiting review');
$r = CM::get(CM::nocache("/courses/$cid"));
is($r->{status}, 200, 'the public page still shows the course');
ok(index(CM::text($r->{content}), "书法入门新$$") >= 0, '… with the new title');

# A value changed back removes its key; pending becomes NULL.
$r = CM::post_multipart("/agency/courses/$cid/edit", { %good, title => "书法入门新$$", credits => '2' }, [], jar => $j1);
is(CM::psql("SELECT pending IS NULL FROM courses WHERE id = $cid"), 't', 'credits changed back: nothing pending');
$r = CM::post_multipart("/agency/courses/$cid/edit", { %good, title => "书法入门新$$", credits => '3.5' }, [], jar => $j1);

$r = CM::post("/agency/courses/$cid/submit", { csrf => $csrf }, jar => $j1);
is($r->{status}, 303, 'submitting the change: 303') or diag CM::brief($r);
my ($kind2, $before_c, $proposed_c) = split /\|/, CM::psql("SELECT kind, approved_before ->> 'credits',"
	. " proposed ->> 'credits' FROM listing_reviews WHERE course_id = $cid AND state = 'submitted'");
is($kind2, 'change', '… a review of kind change');
is($before_c, '2.0', '… approved_before has the live credits');
is($proposed_c, '3.5', '… proposed has the new credits');
is(CM::post_multipart("/agency/courses/$cid/edit", \%good, [], jar => $j1)->{status}, 409, '… editing is refused meanwhile');

$r = CM::post("/agency/courses/$cid/withdraw", { csrf => $csrf }, jar => $j1);
is($r->{status}, 303, 'withdraw: 303') or diag CM::brief($r);
is(CM::psql("SELECT state FROM listing_reviews WHERE course_id = $cid ORDER BY id DESC LIMIT 1"), 'withdrawn', '… withdrawn');
is(CM::psql("SELECT count(*) FROM audit_log WHERE action = 'listing.withdraw' AND object_id = $cid"), 1, '… audited');
$r = CM::post("/agency/courses/$cid/withdraw", { csrf => $csrf }, jar => $j1);
is($r->{status}, 409, 'withdrawing again: 409');

# discard: pending dropped, draft offerings deleted
my $draft_o = CM::psql("INSERT INTO offerings (course_id, site_id, name, starts_on, ends_on, schedule, capacity, price_fen,"
	. " enroll_opens_at, enroll_closes_at, status) VALUES ($cid, $site, '秋季班$$', current_date + 120, current_date + 180,"
	. " '每周四 09:00–11:00', 20, 12000, now(), now() + interval '100 days', 'draft') RETURNING id");
$r = CM::post("/agency/courses/$cid/discard", { csrf => $csrf }, jar => $j1);
is($r->{status}, 303, 'discard: 303') or diag CM::brief($r);
is(CM::psql("SELECT pending IS NULL FROM courses WHERE id = $cid"), 't', '… the pending credits dropped');
is(CM::psql("SELECT count(*) FROM offerings WHERE id = $draft_o"), 0, '… the draft offering deleted');
is(CM::psql("SELECT count(*) FROM offerings WHERE id = $oid"), 1, '… the live offering kept');
is(CM::psql("SELECT credits FROM courses WHERE id = $cid"), '2.0', '… the live credits as they were');

# --- unlist and relist ----------------------------------------------------------------------------
my $title = "书法入门新$$";
$r = CM::post("/agency/courses/$cid/unlist", { csrf => $csrf, reason => '老师休假' }, jar => $j1);
is($r->{status}, 303, 'unlist: 303') or diag CM::brief($r);
is(CM::psql("SELECT status || '|' || unlisted_by || '|' || unlisted_reason FROM courses WHERE id = $cid"),
	'unlisted|agency|老师休假', '… unlisted by the agency, with the reason');
is(CM::psql("SELECT status FROM offerings WHERE id = $oid"), 'open', '… the offering untouched');
is(CM::get(CM::nocache("/courses/$cid"))->{status}, 404, '… the public page is 404');
$r = CM::get(CM::nocache('/courses'), query => { q => $title });
ok(index($r->{content}, "/courses/$cid\"") < 0, '… and the catalog does not list it');
$r = CM::get("/agency/courses/$cid", jar => $j1);
has_words($r, zh('stage_unlisted'), '… the overview says off sale');

$r = CM::post("/agency/courses/$cid/submit", { csrf => $csrf }, jar => $j1);
is($r->{status}, 409, 'submitting an own unlisting with nothing changed: 409, relist instead');
$r = CM::post("/agency/courses/$cid/relist", { csrf => $csrf }, jar => $j1);
is($r->{status}, 303, 'relist: 303') or diag CM::brief($r);
is(CM::psql("SELECT status FROM courses WHERE id = $cid"), 'listed', '… listed again');
is(CM::get(CM::nocache("/courses/$cid"))->{status}, 200, '… the public page is back');
is(CM::psql("SELECT count(*) FROM audit_log WHERE action IN ('listing.unlist', 'listing.relist') AND object_id = $cid"), 2,
	'… both audited');
$r = CM::post("/agency/courses/$cid/relist", { csrf => $csrf }, jar => $j1);
is($r->{status}, 409, 'relisting a listed course: 409');

# staff unlisted: relist refused, submit allowed (kind relist)
CM::psql("UPDATE courses SET status = 'unlisted', unlisted_by = 'staff', unlisted_at = now(), unlisted_reason = '投诉核查' WHERE id = $cid");
$r = CM::post("/agency/courses/$cid/relist", { csrf => $csrf }, jar => $j1);
is($r->{status}, 409, 'unlisted by staff: relist refused');
has_words($r, zh('refuse_relist_review'), '… asking for a review');
$r = CM::post("/agency/courses/$cid/submit", { csrf => $csrf }, jar => $j1);
is($r->{status}, 303, '… submitting is allowed');
is(CM::psql("SELECT kind FROM listing_reviews WHERE course_id = $cid AND state = 'submitted'"), 'relist', '… a relist review');

# --- a POST without CSRF --------------------------------------------------------------------------
is(CM::post("/agency/courses/$cid/withdraw", {}, jar => $j1)->{status}, 403, 'a POST without the CSRF token is 403');

# --- a cover replaced: the old files go -----------------------------------------------------------
$r = CM::post("/agency/courses/$cid/withdraw", { csrf => $csrf }, jar => $j1);
$r = CM::post_multipart("/agency/courses/$cid/edit", { %good, title => $title },
	[{ name => 'cover', filename => 'new.png', content => png(800, 450), type => 'image/png' }], jar => $j1);
is($r->{status}, 303, 'a new cover: 303') or diag CM::brief($r);
my $cover2 = CM::psql("SELECT cover FROM courses WHERE id = $cid");
isnt($cover2, $cover, '… a new name');
ok(!-e "$covers/$cover.jpg" && !-e "$covers/$cover-t.jpg", '… the old files removed');
ok(-f "$covers/$cover2.jpg", '… the new one stored');

done_testing();
