# Offerings (班次) and the teacher pool in the agency console (/agency/teachers…,
# /agency/courses/{id}/offerings/new, /agency/offerings/{id}…). Covers: teacher add, edit, retire
# and reactivate, with bad input re-shown in words; an offering on a draft course with every field,
# stored right (fen, weekday bits, Shanghai timestamps, schedule words, teachers); bad input
# (end before start, closes before opens, free seats over capacity, price 12.345, an unknown site,
# an offline course without a site) re-shown with errors and nothing written; on a listed course:
# a price change waits in pending while the public page keeps the old price, capacity up applies at
# once with a course version, capacity down waits, pending values have the types listing_apply
# reads, a new offering is a draft the public does not see, nothing changes while a review is open;
# a draft is deleted, a live offering is not; and another agency gets 404 for everything of
# this one, and cannot put this agency's teacher on its own offering.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use CM;
use Test::More;
CM::tap_utf8();

my $district = CM::psql("SELECT id FROM regions WHERE level = 'district' ORDER BY code LIMIT 1");
my $street = CM::psql("SELECT id FROM regions WHERE level = 'street' ORDER BY code LIMIT 1");
my $site = CM::psql("SELECT id FROM sites ORDER BY id LIMIT 1");
my $category = CM::psql("SELECT id FROM categories ORDER BY id LIMIT 1");

sub course {
	my ($agency, $title, $mode) = @_;
	return CM::psql("INSERT INTO courses (agency_id, category_id, title, summary, audience, mode, status)"
		. " VALUES ($agency, $category, " . CM::sql_str($title) . ", '班次测试用的课程', 'all', '$mode', 'draft')"
		. " RETURNING id");
}
sub msg { my ($key) = @_; return CM::lang_str('zh-CN', "agency_offerings.$key") }
sub says { my ($r, $key) = @_; return index(CM::text($r->{content}), msg($key)) >= 0 }

my ($A, $ma, $ja) = CM::approved_agency(name => "班次机构甲$$");
my ($B, $mb, $jb) = CM::approved_agency(name => "班次机构乙$$");

# --- the teacher pool -------------------------------------------------------------------------------
my $r = CM::get('/agency/teachers', jar => $ja);
is($r->{status}, 200, 'a member gets the teacher pool') or diag CM::brief($r);
like($r->{headers}{'cache-control'} // '', qr/no-store/, '… not cached');
my $csrf = CM::form_value($r->{content}, 'csrf');
$r = CM::get('/agency/teachers', jar => CM::jar());
is($r->{status}, 303, 'someone not logged in is sent to log in');
my $citizen = CM::make_user();
my $cj = CM::jar();
CM::login_as($citizen, $cj);
is(CM::get('/agency/teachers', jar => $cj)->{status}, 403, 'a citizen gets 403');

my %teacher = (name => '张老师', kind => 'full_time', subjects => '智能手机使用',
	qualifications => '高级中学教师资格证 20193300142000123', bio => '退休教师，耐心细致。');
$r = CM::post('/agency/teachers/new', \%teacher, jar => $ja);
is($r->{status}, 403, 'adding a teacher without the CSRF token is 403');
$r = CM::post('/agency/teachers/new', { csrf => $csrf, name => '张', kind => 'boss', qualifications => '' }, jar => $ja);
is($r->{status}, 400, 'a bad teacher is refused');
ok(says($r, 'err_teacher_name'), '… the name too short, in words');
ok(says($r, 'err_teacher_kind'), '… the kind unknown');
ok(says($r, 'err_teacher_qualifications'), '… qualifications missing');
is(CM::form_value($r->{content}, 'name'), '张', '… the form filled in again');
is(CM::psql("SELECT count(*) FROM teachers WHERE agency_id = $A"), 0, '… nothing written');

$r = CM::post('/agency/teachers/new', { csrf => $csrf, %teacher }, jar => $ja);
is($r->{status}, 303, 'a teacher is added') or diag CM::brief($r);
my $t1 = CM::psql("SELECT id FROM teachers WHERE agency_id = $A AND name = '张老师'");
ok($t1, '… stored for the agency');
is(CM::psql("SELECT kind || '|' || subjects || '|' || active FROM teachers WHERE id = $t1"),
	'full_time|智能手机使用|true', '… with kind and subjects, active');
CM::post('/agency/teachers/new', { csrf => $csrf, %teacher, name => '李老师', kind => 'volunteer' }, jar => $ja);
my $t2 = CM::psql("SELECT id FROM teachers WHERE agency_id = $A AND name = '李老师'");
$r = CM::get('/agency/teachers', jar => $ja);
ok(index(CM::text($r->{content}), '张老师 ' . msg('kind_full_time')) >= 0, 'the list gives the kind in words');
ok(index(CM::text($r->{content}), msg('kind_volunteer')) >= 0, '… volunteer too');

$r = CM::get("/agency/teachers/$t1", jar => $ja);
is($r->{status}, 200, 'the edit form');
is(CM::form_value($r->{content}, 'name'), '张老师', '… filled in');
CM::psql("UPDATE teachers SET updated_at = now() - interval '1 day' WHERE id = $t1");
$r = CM::post("/agency/teachers/$t1", { csrf => $csrf, %teacher, subjects => '智能手机、平板电脑' }, jar => $ja);
is($r->{status}, 303, 'an edit is saved') or diag CM::brief($r);
is(CM::psql("SELECT subjects || '|' || (updated_at > now() - interval '1 minute') FROM teachers WHERE id = $t1"),
	'智能手机、平板电脑|true', '… with updated_at');
$r = CM::post("/agency/teachers/$t1", { csrf => $csrf, %teacher, qualifications => 'x' }, jar => $ja);
is($r->{status}, 400, 'a bad edit is refused');
is(CM::psql("SELECT subjects FROM teachers WHERE id = $t1"), '智能手机、平板电脑', '… nothing written');

$r = CM::post("/agency/teachers/$t2/retire", { csrf => $csrf }, jar => $ja);
is($r->{status}, 303, 'a teacher is retired');
is(CM::psql("SELECT active FROM teachers WHERE id = $t2"), 'f', '… inactive');
ok(index(CM::text(CM::get('/agency/teachers', jar => $ja)->{content}), msg('state_retired')) >= 0, '… shown retired');
$r = CM::post("/agency/teachers/$t2/reactivate", { csrf => $csrf }, jar => $ja);
is(CM::psql("SELECT active FROM teachers WHERE id = $t2"), 't', 'and reactivated');
CM::post("/agency/teachers/$t2/retire", { csrf => $csrf }, jar => $ja);

# --- an offering on a draft course --------------------------------------------------------------------
my $c1 = course($A, "线下课程$$", 'offline');
$r = CM::get("/agency/courses/$c1/offerings/new", jar => $ja);
is($r->{status}, 200, 'the new-offering form') or diag CM::brief($r);
CM::has($r->{content}, qr/name="teacher" value="$t1"/, '… offers the active teacher');
CM::hasnt($r->{content}, qr/name="teacher" value="$t2"/, '… not the retired one');

my %good = (csrf => $csrf, name => '2027年春季第1期', starts_on => '2027-03-02', ends_on => '2027-06-29',
	weekday => [2, 4], time_from => '09:00', time_to => '11:00', site => $site, capacity => '30',
	price => '120.50', free_seats => '5', opens_at => '2027-02-01T09:00', closes_at => '2027-03-01T18:00',
	cancel_until => '2027-02-25T12:00', min_age => '60', region => $street, teacher => [$t1]);
sub offerings_of { my ($c) = @_; return CM::psql("SELECT count(*) FROM offerings WHERE course_id = $c") }
$r = CM::post("/agency/courses/$c1/offerings/new", \%good, jar => $ja);
is($r->{status}, 303, 'an offering is added') or diag CM::brief($r);
my ($o1) = ($r->{headers}{location} // '') =~ m{\A/agency/offerings/(\d+)\?done=created\z};
ok($o1, '… and we are sent to its form');
is(CM::psql("SELECT concat_ws('|', status, name, price_fen, weekdays, time_from, time_to, schedule, capacity,"
	. " free_seats, min_age, residence_region_id = $street, site_id = $site, starts_on, ends_on)"
	. " FROM offerings WHERE id = $o1"),
	"draft|2027年春季第1期|12050|10|09:00:00|11:00:00|每周二、四 09:00–11:00|30|5|60|t|t|2027-03-02|2027-06-29",
	'… a draft, the price in fen, Tue+Thu as bits 2|8, the schedule in words');
is(CM::psql("SELECT concat_ws('|', to_char(enroll_opens_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI'),"
	. " to_char(enroll_closes_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI'),"
	. " to_char(cancel_until AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI'),"
	. " enroll_opens_at = '2027-02-01 01:00:00+00') FROM offerings WHERE id = $o1"),
	'2027-02-01 09:00|2027-03-01 18:00|2027-02-25 12:00|t', '… the times in Beijing time (+08:00)');
is(CM::psql("SELECT string_agg(teacher_id::text, ',') FROM offering_teachers WHERE offering_id = $o1"), $t1,
	'… with its teacher');
$r = CM::get("/agency/offerings/$o1?done=created", jar => $ja);
is($r->{status}, 200, 'the edit form');
is(CM::form_value($r->{content}, 'price'), '120.50', '… shows the price in yuan');
is(CM::form_value($r->{content}, 'opens_at'), '2027-02-01T09:00', '… the window as datetime-local values');
CM::has($r->{content}, qr/id="weekday-2"[^>]*checked/, '… Tuesday ticked');
CM::hasnt($r->{content}, qr/id="weekday-3"[^>]*checked/, '… Wednesday not');

# bad input, one thing at a time
my $before = offerings_of($c1);
for my $case (
	[{ ends_on => '2027-03-01' }, 'err_ends_before', 'the end before the start'],
	[{ closes_at => '2027-01-31T09:00' }, 'err_closes_before', 'enrollment closing before it opens'],
	[{ free_seats => '31' }, 'err_free_over', 'more free seats than places'],
	[{ price => '12.345' }, 'err_price', 'a price with three decimals'],
	[{ site => '999999' }, 'err_site_unknown', 'an unknown site'],
	[{ site => 'online' }, 'err_site_needed', 'an offline course without a site'],
	[{ site => '' }, 'err_site_needed', '… or with none chosen'],
	[{ weekday => [] }, 'err_weekdays', 'no weekday'],
	[{ time_to => '08:00' }, 'err_time_order', 'a class ending before it starts'],
	[{ starts_on => '2027-02-30' }, 'err_date', 'a date that does not exist'],
	[{ min_age => '0' }, 'err_min_age', 'a minimum age of 0'],
	[{ capacity => '0' }, 'err_capacity', 'no places'],
	[{ region => $district + 100000 }, 'err_region', 'an unknown region'],
	[{ teacher => [$t2] }, 'err_teacher', 'a retired teacher'],
	) {
	my ($change, $key, $what) = @$case;
	$r = CM::post("/agency/courses/$c1/offerings/new", { %good, %$change }, jar => $ja);
	is($r->{status}, 400, "refused: $what");
	ok(says($r, $key), '… saying why in words') or diag CM::text($r->{content});
}
is(CM::form_value($r->{content}, 'name'), '2027年春季第1期', 'the form comes back filled in');
is(offerings_of($c1), $before, 'and nothing was written');

# a draft offering is edited in place, every field
$r = CM::post("/agency/offerings/$o1", { %good, price => '99', capacity => '25', site => $site }, jar => $ja);
is($r->{status}, 303, 'a draft offering is edited') or diag CM::brief($r);
is(CM::psql("SELECT price_fen || '|' || capacity || '|' || (pending IS NULL) FROM offerings WHERE id = $o1"),
	'9900|25|true', '… written directly, nothing pending');

# free
$r = CM::post("/agency/courses/$c1/offerings/new", { %good, name => '免费班', price => '', free => 1 }, jar => $ja);
is($r->{status}, 303, 'a free offering');
is(CM::psql("SELECT price_fen FROM offerings WHERE course_id = $c1 AND name = '免费班'"), 0, '… costs 0 fen');
my $o_free = CM::psql("SELECT id FROM offerings WHERE course_id = $c1 AND name = '免费班'");

# an online course: no site
my $c_on = course($A, "线上课程$$", 'online');
$r = CM::post("/agency/courses/$c_on/offerings/new", { %good, site => $site }, jar => $ja);
is($r->{status}, 400, 'an online course refuses a site');
ok(says($r, 'err_site_online'), '… in words');
$r = CM::post("/agency/courses/$c_on/offerings/new", { %good, site => 'online' }, jar => $ja);
is($r->{status}, 303, '… and takes online');
is(CM::psql("SELECT count(*) FROM offerings WHERE course_id = $c_on AND site_id IS NULL"), 1, '… with no site');

# delete a draft
$r = CM::post("/agency/offerings/$o_free/delete", { csrf => $csrf }, jar => $ja);
is($r->{status}, 303, 'a draft offering is deleted');
like($r->{headers}{location} // '', qr{\A/agency/courses/$c1\b}, '… back to its course');
is(CM::psql("SELECT count(*) FROM offerings WHERE id = $o_free"), 0, '… gone');

# --- another agency -----------------------------------------------------------------------------------
my $csrf_b = CM::form_value(CM::get('/agency/teachers', jar => $jb)->{content}, 'csrf');
is(CM::get("/agency/offerings/$o1", jar => $jb)->{status}, 404, "another agency gets 404 for this offering");
$r = CM::post("/agency/offerings/$o1", { %good, csrf => $csrf_b, price => '1' }, jar => $jb);
is($r->{status}, 404, '… and for an edit');
is(CM::post("/agency/offerings/$o1/delete", { csrf => $csrf_b }, jar => $jb)->{status}, 404, '… and for a delete');
is(CM::psql("SELECT price_fen FROM offerings WHERE id = $o1"), 9900, '… nothing changed');
is(CM::get("/agency/courses/$c1/offerings/new", jar => $jb)->{status}, 404, '… 404 for adding to this course');
is(CM::post("/agency/courses/$c1/offerings/new", { %good, csrf => $csrf_b, teacher => [] }, jar => $jb)->{status},
	404, '… also by POST');
is(offerings_of($c1), 1, '… nothing added');
is(CM::get("/agency/teachers/$t1", jar => $jb)->{status}, 404, '… 404 for this teacher');
is(CM::post("/agency/teachers/$t1", { csrf => $csrf_b, %teacher, name => '冒名' }, jar => $jb)->{status}, 404,
	'… and for editing them');
is(CM::post("/agency/teachers/$t1/retire", { csrf => $csrf_b }, jar => $jb)->{status}, 404, '… and retiring them');
is(CM::psql("SELECT name || '|' || active FROM teachers WHERE id = $t1"), '张老师|true', '… who is unchanged');
ok(index(CM::text(CM::get('/agency/teachers', jar => $jb)->{content}), '张老师') < 0, "… nor listed for them");

my $cb = course($B, "乙的课程$$", 'offline');
$r = CM::post("/agency/courses/$cb/offerings/new", { %good, csrf => $csrf_b, teacher => [$t1] }, jar => $jb);
is($r->{status}, 400, "this agency's teacher on another agency's offering is refused");
ok(says($r, 'err_teacher'), '… in words');
is(offerings_of($cb), 0, '… nothing written');
$r = CM::post("/agency/courses/$cb/offerings/new", { %good, csrf => $csrf_b, teacher => [] }, jar => $jb);
is($r->{status}, 303, 'without teachers a draft is fine');
my $ob = CM::psql("SELECT id FROM offerings WHERE course_id = $cb");
$r = CM::post("/agency/offerings/$ob", { %good, csrf => $csrf_b, teacher => [], id => $o1, name => '改名' }, jar => $jb);
is($r->{status}, 303, "an offering id in a form field is not taken for the URL's");
is(CM::psql("SELECT name FROM offerings WHERE id = $o1"), '2027年春季第1期', "… this agency's offering untouched");
is(CM::psql("SELECT name FROM offerings WHERE id = $ob"), '改名', '… the own one edited');

# --- a listed course ----------------------------------------------------------------------------------
my $c2 = course($A, "已上架课程$$", 'offline');
$r = CM::post("/agency/courses/$c2/offerings/new", { %good, price => '120.50', capacity => '30', free_seats => '5' }, jar => $ja);
my $o2 = CM::psql("SELECT id FROM offerings WHERE course_id = $c2");
my $reviewer = CM::make_user(roles => 8);
sub list_course {
	my ($c) = @_;
	my $rid = CM::psql("SELECT listing_submit($c, $ma, NULL)");
	CM::psql("SELECT listing_apply($c)");
	CM::psql("UPDATE listing_reviews SET state = 'approved', decided_by = $reviewer, decided_at = now() WHERE id = $rid");
	CM::psql("SELECT listing_record_version($c, 'approved', $rid, $reviewer)");
}
list_course($c2);
is(CM::psql("SELECT status FROM offerings WHERE id = $o2"), 'open', 'the listed course has an open offering');
sub public_price {
	my $p = CM::eventually(sub { CM::get("/courses/$c2") }, sub { $_[0]{status} == 200 });
	return CM::text($p->{content});
}
ok(index(public_price(), '¥120.50') >= 0, 'the public page shows ¥120.50');
my $versions = CM::psql("SELECT count(*) FROM course_versions WHERE course_id = $c2");

my %live = (%good, price => '120.50', capacity => '30', free_seats => '5');
$r = CM::post("/agency/offerings/$o2", { %live, price => '150' }, jar => $ja);
is($r->{status}, 303, 'a price change on a live offering is saved') or diag CM::brief($r);
like($r->{headers}{location}, qr/held=price\b/, '… as waiting for review');
is(CM::psql("SELECT price_fen || '|' || pending::text FROM offerings WHERE id = $o2"), '12050|{"price_fen": 15000}',
	'… the live price unchanged, the new one pending as a number');
is(CM::psql("SELECT count(*) FROM course_versions WHERE course_id = $c2"), $versions, '… no version for it');
$r = CM::get($r->{headers}{location}, jar => $ja);
is(CM::form_value($r->{content}, 'price'), '150.00', 'the form shows the price as it will be');
ok(index(CM::text($r->{content}), msg('pending_mark')) >= 0, '… marked as waiting for review');
ok(index(CM::text(CM::section($r->{content}, qr/id="held"/) // ''), msg('f_price')) >= 0, '… and says the price waits');
sleep 1;
my $pub = public_price();
ok(index($pub, '¥120.50') >= 0 && index($pub, '¥150.00') < 0, 'the public page still shows the old price');

$r = CM::post("/agency/offerings/$o2", { %live, price => '150', capacity => '40', name => '春季第1期（加开）' }, jar => $ja);
is($r->{status}, 303, 'capacity up and a new name') or diag CM::brief($r);
like($r->{headers}{location}, qr/live=[^&]*capacity/, '… said to be live');
is(CM::psql("SELECT capacity || '|' || name FROM offerings WHERE id = $o2"), '40|春季第1期（加开）', '… applied at once');
is(CM::psql("SELECT count(*) FROM course_versions WHERE course_id = $c2"), $versions + 1, '… recorded as a course version');
is(CM::psql("SELECT cause FROM course_versions WHERE course_id = $c2 ORDER BY no DESC LIMIT 1"), 'cosmetic', '… a cosmetic one');
is(CM::psql("SELECT pending::text FROM offerings WHERE id = $o2"), '{"price_fen": 15000}', '… the price still pending');

$r = CM::post("/agency/offerings/$o2", { %live, price => '150', capacity => '20', name => '春季第1期（加开）',
	closes_at => '2027-02-28T18:00', cancel_until => '', site => $site, teacher => [$t1] }, jar => $ja);
is($r->{status}, 303, 'capacity down, closing and cancellation changed');
is(CM::psql("SELECT capacity FROM offerings WHERE id = $o2"), 40, '… the live capacity unchanged');
is(CM::psql("SELECT concat_ws('|', jsonb_typeof(pending->'capacity'), pending->>'capacity',"
	. " jsonb_typeof(pending->'enroll_closes_at'), jsonb_typeof(pending->'cancel_until'),"
	. " pending ? 'site_id', pending ? 'teacher_ids') FROM offerings WHERE id = $o2"),
	'number|20|string|null|f|f', '… capacity, closing and cancellation pending with their types, unchanged keys not');
CM::psql("UPDATE offerings SET seats_taken = 25 WHERE id = $o2");
$r = CM::post("/agency/offerings/$o2", { %live, price => '150', capacity => '20' }, jar => $ja);
is($r->{status}, 400, 'capacity below the seats taken is refused');
ok(says($r, 'err_capacity_taken'), '… saying so');
CM::psql("UPDATE offerings SET seats_taken = 0 WHERE id = $o2");

$r = CM::post("/agency/offerings/$o2", { %live, price => '120.50', capacity => '20', name => '春季第1期（加开）',
	closes_at => '2027-02-28T18:00', cancel_until => '' }, jar => $ja);
is($r->{status}, 303, 'the price changed back to the live one');
is(CM::psql("SELECT (pending ? 'price_fen')::text FROM offerings WHERE id = $o2"), 'false', '… its pending key removed');

# a new offering on a live course is a draft nobody sees
$r = CM::post("/agency/courses/$c2/offerings/new", { %good, name => '2027年秋季第2期' }, jar => $ja);
is($r->{status}, 303, 'a new offering on a listed course');
is(CM::psql("SELECT status FROM offerings WHERE course_id = $c2 AND name = '2027年秋季第2期'"), 'draft', '… is a draft');
sleep 1;
ok(index(public_price(), '2027年秋季第2期') < 0, '… not on the public page');

# what listing_apply makes of the pending values
CM::psql("SELECT listing_apply($c2)");
is(CM::psql("SELECT concat_ws('|', capacity, price_fen, cancel_until IS NULL,"
	. " to_char(enroll_closes_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI'), pending IS NULL)"
	. " FROM offerings WHERE id = $o2"), '20|12050|t|2027-02-28 18:00|t', 'approval applies the pending values');

# the live one cannot be deleted
$r = CM::post("/agency/offerings/$o2/delete", { csrf => $csrf }, jar => $ja);
is($r->{status}, 409, 'a live offering cannot be deleted');
is(CM::psql("SELECT count(*) FROM offerings WHERE id = $o2"), 1, '… still there');

# a review open: nothing can change
my $rid = CM::psql("SELECT listing_submit($c2, $ma, NULL)");
$r = CM::post("/agency/offerings/$o2", { %live, price => '200', capacity => '20' }, jar => $ja);
is($r->{status}, 409, 'no edits while the review is open');
ok(index(CM::text($r->{content}), CM::lang_str('zh-CN', 'error.offering_locked.title')) >= 0, '… saying why');
is(CM::psql("SELECT coalesce(pending::text, '') FROM offerings WHERE id = $o2"), '', '… nothing written');
is(CM::post("/agency/courses/$c2/offerings/new", { %good }, jar => $ja)->{status}, 409, '… no new offerings either');
CM::psql("UPDATE listing_reviews SET state = 'withdrawn' WHERE id = $rid");
is(CM::post("/agency/offerings/$o2", { %live, price => '200', capacity => '20', closes_at => '2027-02-28T18:00', cancel_until => '' },
	jar => $ja)->{status}, 303, 'withdrawn, it can be edited again');

# and in English
$r = CM::post("/agency/courses/$c1/offerings/new", { %good, price => '12.345' }, jar => $ja,
	headers => { 'Accept-Language' => 'en' });
ok(index(CM::text($r->{content}), CM::lang_str('en', 'agency_offerings.err_price')) >= 0, 'errors in English too');

done_testing;
