# The listing workflow end to end, through the front door only: every step is the form a person
# posts (the people themselves are made in the database). An agency writes a course, a teacher
# and an offering and submits; a reviewer rejects it with reasons; the agency reads the reasons in
# its console (and by SMS), revises and resubmits; the reviewer approves and the course is in the
# catalog at once. Then a material change (the price) is saved and submitted: the approved price
# stays on sale and the reviewer's diff shows both, until approval makes the new one live; a
# cosmetic change (the title) goes live at once. Another agency, guessing ids in the URL and in form
# fields, can neither see nor change nor submit any of it, nor use its teacher.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use CM;
use Test::More;
CM::tap_utf8();

sub text_has { my ($r, $words, $name) = @_; ok(index(CM::text($r->{content}), $words) >= 0, $name) or diag CM::brief($r) }
sub text_hasnt { my ($r, $words, $name) = @_; ok(index(CM::text($r->{content}), $words) < 0, $name) or diag CM::brief($r) }
# The offering form's pairs with some fields' values replaced (a field named twice would be sent twice).
sub form_with {
	my ($pairs, %over) = @_;
	my @out = @$pairs;
	for (my $i = 0; $i < @out; $i += 2) { $out[$i + 1] = $over{ $out[$i] } if exists $over{ $out[$i] } }
	return @out;
}
sub csrf_of { my ($jar, $path) = @_; return CM::form_value(CM::get($path // '/agency', jar => $jar)->{content}, 'csrf') }

my $site = CM::psql("SELECT id FROM sites ORDER BY id LIMIT 1");
my $cat = CM::psql("SELECT id FROM categories WHERE slug = 'culture-arts'");
sub agency {    # an approved agency with a mobile contact: (id, member's jar, contact phone)
	my ($name) = @_;
	my $contact = CM::fresh_phone();
	my ($id, undef, $jar) = CM::approved_agency(name => $name, contact_name => '赵联系', contact_phone => $contact);
	return ($id, $jar, $contact);
}
my ($agency, $ja, $contact) = agency("流程测试艺术学校$$");
my (undef, $jb) = agency("另一家培训学校$$");
my $reviewer = CM::jar();
CM::login_as(CM::make_user(roles => 10, name => '流程审核员'), $reviewer);

my $csrf = csrf_of($ja);
my $csrf_b = csrf_of($jb);
my $csrf_r = csrf_of($reviewer, '/review');
ok($csrf && $csrf_b && $csrf_r, 'every form carries a CSRF token');

# --- 1. the agency writes a teacher, a course and an offering, then submits ---------------------
my $r = CM::post('/agency/teachers/new', { csrf => $csrf, name => '周书华', kind => 'part_time',
	subjects => '书法', qualifications => '中国书法家协会会员；小学美术教师资格证 20183300122000456' }, jar => $ja);
is($r->{status}, 303, 'a teacher is added') or diag CM::brief($r);
my $teacher = CM::psql("SELECT id FROM teachers WHERE agency_id = $agency AND name = '周书华'");

my $title = "社区书法入门$$";
$r = CM::post_multipart('/agency/courses/new', [csrf => $csrf, title => $title,
	summary => '从握笔和基本笔画学起，临写楷书名帖。', description => "## 课程安排\n\n每周一次，**循序渐进**。",
	category => $cat, audience => 'seniors', mode => 'offline', credits => '1', hours => '10',
	outcomes => "掌握基本笔画\n能临写一幅楷书作品"], [], jar => $ja);
is($r->{status}, 303, 'a draft course is created') or diag CM::brief($r);
my ($course) = ($r->{headers}{location} // '') =~ m{/agency/courses/(\d+)};
ok($course, "the answer leads to the course's overview ($course)");
is(CM::psql("SELECT status FROM courses WHERE id = $course"), 'draft', 'it is a draft');
is(CM::get("/courses/$course", jar => CM::jar())->{status}, 404, 'a draft is not public');

my @offering_fields = (name => '2027年春季第1期', starts_on => CM::psql("SELECT current_date + 30"),
	ends_on => CM::psql("SELECT current_date + 100"), weekday => 2, weekday => 4, time_from => '09:00',
	time_to => '11:00', site => $site, capacity => '25', price => '150', free_seats => '5',
	opens_at => CM::psql("SELECT to_char(current_date - 1, 'YYYY-MM-DD') || 'T09:00'"),
	closes_at => CM::psql("SELECT to_char(current_date + 28, 'YYYY-MM-DD') || 'T18:00'"),
	cancel_until => '', min_age => '60', region => '', teacher => $teacher);
$r = CM::post("/agency/courses/$course/offerings/new", [csrf => $csrf, @offering_fields], jar => $ja);
is($r->{status}, 303, 'an offering is added') or diag CM::brief($r);
my ($offering) = ($r->{headers}{location} // '') =~ m{/agency/offerings/(\d+)};
ok($offering, "the answer leads to the offering ($offering)");
is(CM::psql("SELECT status || ' ' || price_fen || ' ' || free_seats FROM offerings WHERE id = $offering"),
	'draft 15000 5', 'the offering is a draft at ¥150.00 with 5 free seats');

# Another agency, guessing: the course and offering ids in URLs and in form fields, the teacher.
is(CM::get("/agency/courses/$course", jar => $jb)->{status}, 404, 'another agency: the overview is 404');
is(CM::post("/agency/courses/$course/submit", { csrf => $csrf_b }, jar => $jb)->{status}, 404,
	'another agency: submitting it is 404');
is(CM::post("/agency/courses/$course/offerings/new", [csrf => $csrf_b, @offering_fields], jar => $jb)->{status}, 404,
	'another agency: adding an offering to it is 404');
is(CM::get("/agency/offerings/$offering", jar => $jb)->{status}, 404, 'another agency: the offering is 404');
is(CM::post("/agency/offerings/$offering", [csrf => $csrf_b, form_with(\@offering_fields, price => '1')], jar => $jb)->{status}, 404,
	'another agency: editing the offering is 404');
is(CM::get("/agency/teachers/$teacher", jar => $jb)->{status}, 404, 'another agency: the teacher is 404');
my $b_course_r = CM::post_multipart('/agency/courses/new', [csrf => $csrf_b, title => "冒名课程$$",
	summary => '另一家机构的课程。', description => '', category => $cat, audience => 'all', mode => 'offline',
	credits => '1', hours => '4', outcomes => ''], [], jar => $jb);
my ($b_course) = ($b_course_r->{headers}{location} // '') =~ m{/agency/courses/(\d+)};
ok($b_course, 'the other agency has a course of its own');
$r = CM::post("/agency/courses/$b_course/offerings/new", [csrf => $csrf_b, @offering_fields], jar => $jb);
ok($r->{status} == 400 || $r->{status} == 404, "another agency's teacher id in a form field is refused ($r->{status})");
is(CM::psql("SELECT count(*) FROM offerings WHERE course_id = $b_course"), 0, '… and nothing was written');
is(CM::psql("SELECT price_fen FROM offerings WHERE id = $offering"), 15000, "the agency's offering is untouched");

$r = CM::post("/agency/courses/$course/submit", { csrf => $csrf, note => '首次提交，请审核。' }, jar => $ja);
is($r->{status}, 303, 'the agency submits') or diag CM::brief($r);
my $rid = CM::psql("SELECT id FROM listing_reviews WHERE course_id = $course AND state = 'submitted'");
ok($rid, 'a review waits');

# --- 2. the reviewer rejects with reasons --------------------------------------------------------
$r = CM::get('/review', jar => $reviewer);
text_has($r, $title, 'the queue lists it');
is(CM::post("/review/$rid/claim", { csrf => $csrf_r }, jar => $reviewer)->{status}, 303, 'the reviewer claims it');
$r = CM::get("/review/$rid", jar => $reviewer);
my @items = $r->{content} =~ /name="v_(\d+)"/g;
my %seen;
@items = grep { !$seen{$_}++ } @items;
ok(@items >= 5, 'the decision form asks for a verdict on every item of the standard');
my $reasons = '教师资质证书编号无法核实，请补充证书扫描件。';
$r = CM::post("/review/$rid/decide", [csrf => $csrf_r, decision => 'reject', reasons => $reasons,
	(map { ("v_$_" => $_ == $items[1] ? 'fail' : 'pass') } @items), "n_$items[1]" => '证书编号查询不到'], jar => $reviewer);
is($r->{status}, 303, 'the reviewer rejects it') or diag CM::brief($r);
is(CM::psql("SELECT count(*) FROM review_verdicts WHERE review_id = $rid"), scalar @items, 'a verdict per item is kept');
is(CM::psql("SELECT count(*) FROM audit_log WHERE action = 'listing.reject' AND object_id = $course"), 1, 'the decision is audited');
$r = CM::get("/agency/courses/$course", jar => $ja);
text_has($r, $reasons, "the agency reads the reviewer's reasons in its console");
text_has($r, '证书编号查询不到', "… and the failed item's note");
my $sms = CM::eventually(sub { [CM::sim_messages($contact)] }, sub { grep { $_->{text} =~ /未通过/ } @{ $_[0] } }, 20);
ok((grep { $_->{text} =~ /未通过/ } @$sms), 'the agency is told by SMS');
is(CM::get("/courses/$course", jar => CM::jar())->{status}, 404, 'a rejected course is not public');

# --- 3. revise, resubmit, approve ----------------------------------------------------------------
$r = CM::post("/agency/teachers/$teacher", { csrf => $csrf, name => '周书华', kind => 'part_time', subjects => '书法',
	qualifications => '小学美术教师资格证 20183300122000457（已附扫描件）' }, jar => $ja);
is($r->{status}, 303, 'the agency corrects the qualification') or diag CM::brief($r);
is(CM::post("/agency/courses/$course/submit", { csrf => $csrf, note => '已补充证书。' }, jar => $ja)->{status}, 303,
	'and resubmits');
$rid = CM::psql("SELECT id FROM listing_reviews WHERE course_id = $course AND state = 'submitted'");
CM::post("/review/$rid/claim", { csrf => $csrf_r }, jar => $reviewer);
$r = CM::post("/review/$rid/decide", [csrf => $csrf_r, decision => 'approve', map { ("v_$_" => 'pass') } @items], jar => $reviewer);
is($r->{status}, 303, 'the reviewer approves') or diag CM::brief($r);
$r = CM::eventually(sub { CM::get("/courses/$course", jar => CM::jar()) }, sub { $_[0]{status} == 200 });
is($r->{status}, 200, 'the course is public at once');
text_has($r, '¥150.00', 'at its approved price');
text_has($r, '周书华', 'with its teacher');
$r = CM::get('/courses?' . CM::urlencode({ q => "社区书法入门$$" }), jar => CM::jar());
is_deeply([CM::card_ids($r->{content})], [$course], 'the catalog search finds it');

# --- 4. a material change stays aside until approved; a cosmetic one goes live at once ---------
my $versions = CM::psql("SELECT count(*) FROM course_versions WHERE course_id = $course");
$r = CM::post("/agency/offerings/$offering", [csrf => $csrf, form_with(\@offering_fields, price => '180', name => '2027年春季第1期（书法）')], jar => $ja);
is($r->{status}, 303, 'the agency raises the price and renames the offering') or diag CM::brief($r);
is(CM::psql("SELECT price_fen || ' ' || (pending->>'price_fen') FROM offerings WHERE id = $offering"), '15000 18000',
	'the price waits in pending');
is(CM::psql("SELECT count(*) FROM course_versions WHERE course_id = $course"), $versions + 1,
	'the rename is a new version');
$r = CM::eventually(sub { CM::get("/courses/$course", jar => CM::jar()) }, sub { index(CM::text($_[0]{content}), '（书法）') >= 0 });
text_has($r, '2027年春季第1期（书法）', 'the cosmetic change is public at once');
text_has($r, '¥150.00', 'the approved price stays on sale');
text_hasnt($r, '¥180.00', 'the new price is not shown yet');
is(CM::post("/agency/courses/$course/submit", { csrf => $csrf }, jar => $ja)->{status}, 303, 'the change is submitted');
$rid = CM::psql("SELECT id FROM listing_reviews WHERE course_id = $course AND state = 'submitted'");
is(CM::psql("SELECT kind FROM listing_reviews WHERE id = $rid"), 'change', 'as a change');
CM::post("/review/$rid/claim", { csrf => $csrf_r }, jar => $reviewer);
$r = CM::get("/review/$rid", jar => $reviewer);
my $diff = CM::section($r->{content}, 'id="diff"');
ok(index(CM::text($diff), '¥150.00') >= 0 && index(CM::text($diff), '¥180.00') >= 0, 'the diff shows the old and the new price');
text_has(CM::get("/courses/$course", jar => CM::jar()), '¥150.00', 'still the approved price while under review');
is(CM::post("/agency/offerings/$offering", [csrf => $csrf, form_with(\@offering_fields, price => '200')], jar => $ja)->{status}, 409,
	'the agency cannot edit while the review is open');
$r = CM::post("/review/$rid/decide", [csrf => $csrf_r, decision => 'approve', map { ("v_$_" => 'pass') } @items], jar => $reviewer);
is($r->{status}, 303, 'the change is approved') or diag CM::brief($r);
$r = CM::eventually(sub { CM::get("/courses/$course", jar => CM::jar()) }, sub { index(CM::text($_[0]{content}), '¥180.00') >= 0 });
text_has($r, '¥180.00', 'the new price is live');
is(CM::psql("SELECT pending IS NULL FROM offerings WHERE id = $offering"), 't', 'nothing is left pending');
is(CM::psql("SELECT count(*) FROM audit_log WHERE action = 'listing.approve' AND object_id = $course"), 2,
	'both approvals are audited');

# --- 5. unlisting hides it, the offering (and its learners' places) stays -----------------------
is(CM::post("/agency/courses/$course/unlist", { csrf => $csrf, reason => '暂停招生' }, jar => $ja)->{status}, 303,
	'the agency unlists it');
is(CM::eventually(sub { CM::get("/courses/$course", jar => CM::jar()) }, sub { $_[0]{status} == 404 })->{status}, 404,
	'it leaves the catalog at once');
is(CM::psql("SELECT status FROM offerings WHERE id = $offering"), 'open', 'its offering is kept as it was');

done_testing();
