# The course page, GET /courses/{id}, and the agency page, GET /agencies/{id}: every class (班次) of
# the course with its seats left (capacity − seats_taken, from SQL), its price as ¥x.yy or 免费, its
# site link, classes still to come before ended ones, cancelled ones hidden; "已满" for a full class
# (made full with SQL for the test and put back); English prices; unknown ids → a Chinese 404 page
# with one <h1>; malformed ids → 400/404, never 500; an unlisted course or a suspended agency →
# 404, and gone from the catalog and the agency page too; the agency page with its listed courses;
# similar courses from the same category. Every row the test changes is put back at the end.
# After a change, pages are asked for until they show it (the page cache drops its copies when it
# hears NOTIFY) or with CM::nocache, which no cache holds.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use CM;
use Test::More;
CM::tap_utf8();

my @restore;    # SQL that puts back what the test changed, run at the end whatever happens
sub restore { CM::psql(join "\n", reverse splice @restore) if @restore }
END { eval { restore() }; diag "restore failed: $@" if $@ }

sub money {
	my ($fen, $lang) = @_;
	return CM::lang_str($lang // 'zh-CN', 'money.free') if $fen == 0;
	return sprintf '¥%d.%02d', int($fen / 100), $fen % 100;
}
sub rows_of {    # <tr id="offering-N"> … </tr> of a course page: id => text
	my ($html) = @_;
	my (%rows, @order);
	while ($html =~ m{<tr id="offering-(\d+)">(.*?)</tr>}gs) { $rows{$1} = $2; push @order, $1 }
	return (\%rows, \@order);
}

# A listed course of an approved agency with several classes, some paid, some at a site.
my $course = CM::psql(<<'SQL');
SELECT c.id FROM courses c JOIN agencies a ON a.id = c.agency_id
  JOIN offerings o ON o.course_id = c.id AND o.status IN ('open', 'closed')
 WHERE c.status = 'listed' AND a.status = 'approved'
 GROUP BY c.id
 ORDER BY count(*) FILTER (WHERE o.price_fen > 0) > 0 DESC,
          count(*) FILTER (WHERE o.site_id IS NOT NULL AND o.ends_on >= current_date
                             AND o.seats_taken < o.capacity) > 0 DESC,
          count(*) DESC, c.id
 LIMIT 1
SQL
ok($course, "picked course $course");
my ($title, $agency, $cat_id, $slug) = split /\|/, CM::psql(
	"SELECT c.title, c.agency_id, c.category_id, k.slug FROM courses c JOIN categories k ON k.id = c.category_id WHERE c.id = $course");

my $r = CM::get("/courses/$course", jar => CM::jar());
is($r->{status}, 200, "GET /courses/$course is 200") or diag CM::brief($r);
my $html = $r->{content};
CM::has($html, qr{<html lang="zh-CN"}, 'in Chinese');
is(scalar(() = CM::h1s($html)), 1, 'one <h1>');
is(CM::text((CM::h1s($html))[0]), $title, 'the <h1> is the course title');
CM::has($html, qr{<title>\Q$title\E}, '<title> starts with it');
CM::has($html, qr{href="/agencies/$agency"}, 'links to its agency');
CM::has($html, qr{href="/courses\?cat=\Q$slug\E"}, 'links to its category in the catalog');

# --- the classes ----------------------------------------------------------------------------------
my @offerings = map { [split /\|/] } CM::psql(<<"SQL");
SELECT o.id, o.name, o.capacity, o.capacity - o.seats_taken, o.price_fen, coalesce(o.site_id, 0),
       (o.ends_on < current_date)::int, o.status
  FROM offerings o WHERE o.course_id = $course
 ORDER BY o.ends_on < current_date, o.starts_on, o.id
SQL
my ($rows, $order) = rows_of($html);
my @shown_expected = map { $_->[0] } grep { $_->[7] ne 'cancelled' } @offerings;
is_deeply($order, \@shown_expected, 'every class not cancelled is listed, classes to come first, then by start date');
for my $o (@offerings) {
	my ($id, $name, $cap, $left, $fen, $site, $ended, $status) = @$o;
	next if $status eq 'cancelled';
	my $row = $rows->{$id} // '';
	my $t = CM::text($row);
	ok(index($t, $name) >= 0, "class $id: its name");
	ok(index($t, money($fen)) >= 0, "class $id: its price " . money($fen));
	like($t, qr/(?<!\d)$cap(?!\d)/, "class $id: its capacity $cap");
	unless ($ended) {
		if ($left <= 0) {
			ok(index($t, CM::lang_str('zh-CN', 'common.full')) >= 0, "class $id: 已满");
		} else {
			like($t, qr/(?<!\d)$left(?!\d)\s*\Q@{[ $left <= 5 ? CM::lang_str('zh-CN', 'common.seats_left_post') : CM::lang_str('zh-CN', 'course.seats_free_post') ]}\E/,
			     "class $id: $left seats left (capacity − seats taken)");
		}
	}
	if ($site) { like($row, qr{<a href="/sites/$site">}, "class $id: links to site $site") }
}
my @paid = grep { $_->[4] > 0 } @offerings;
ok(!@paid || $html =~ /¥\d+\.\d\d/, 'paid classes show ¥x.yy');

# A full class says so.
my ($open) = grep { !$_->[6] && $_->[7] eq 'open' && $_->[3] > 0 } @offerings;
SKIP: {
	skip 'no open class with seats to fill', 3 unless $open;
	my ($id, $cap, $left) = @$open[0, 2, 3];
	push @restore, "UPDATE offerings SET seats_taken = " . ($cap - $left) . " WHERE id = $id;";
	CM::psql("UPDATE offerings SET seats_taken = capacity WHERE id = $id");
	my $t = CM::text((rows_of(CM::get(CM::nocache("/courses/$course"), jar => CM::jar())->{content}))[0]{$id});
	ok(index($t, CM::lang_str('zh-CN', 'common.full')) >= 0, "class $id made full shows 已满");
	unlike($t, qr/\Q@{[CM::lang_str('zh-CN', 'course.status.open')]}\E/, '… and is no longer open for enrollment');
	restore();
	$t = CM::text((rows_of(CM::get(CM::nocache("/courses/$course"), jar => CM::jar())->{content}))[0]{$id});
	like($t, qr/(?<!\d)$left(?!\d)/, "… and shows $left seats again once put back");
}

# A cancelled class is not shown.
my ($to_cancel) = grep { $_->[7] ne 'cancelled' } @offerings;
push @restore, "UPDATE offerings SET status = '$to_cancel->[7]' WHERE id = $to_cancel->[0];";
CM::psql("UPDATE offerings SET status = 'cancelled' WHERE id = $to_cancel->[0]");
$r = CM::eventually(sub { CM::get("/courses/$course", jar => CM::jar()) },
	sub { !exists((rows_of($_[0]{content}))[0]->{ $to_cancel->[0] }) });
($rows) = rows_of($r->{content});
ok(!exists $rows->{ $to_cancel->[0] }, 'a cancelled class is not listed (the page cache hears of it)');
restore();

# English.
$r = CM::get("/courses/$course", headers => { Cookie => 'lang=en' }, jar => CM::jar());
CM::has($r->{content}, qr{<html lang="en"}, 'the course page in English');
my ($free) = grep { $_->[4] == 0 && $_->[7] ne 'cancelled' } @offerings;
if ($free) {
	my ($en_rows) = rows_of($r->{content});
	ok(index(CM::text($en_rows->{ $free->[0] } // ''), CM::lang_str('en', 'money.free')) >= 0,
	   'a free class says ' . CM::lang_str('en', 'money.free') . ' in English');
}

# --- similar courses ------------------------------------------------------------------------------
my $similar = CM::section($html, qr{<section[^>]*aria-labelledby="course-similar"});
my @sim = CM::card_ids($similar);
my $n_same = CM::psql("SELECT count(*) FROM courses WHERE category_id = $cat_id AND id <> $course AND " . CM::shown());
is(scalar @sim, $n_same > 4 ? 4 : $n_same, 'up to 4 similar courses');
if (@sim) {
	is(CM::psql("SELECT count(*) FROM courses WHERE id IN (" . join(',', @sim) . ") AND category_id = $cat_id"
		. " AND " . CM::shown() . " AND id <> $course"), scalar @sim, 'all listed, of the same category, not the course itself');
}

# --- 404 and bad ids ------------------------------------------------------------------------------
my $missing = CM::psql('SELECT max(id) + 1000 FROM courses');
$r = CM::get("/courses/$missing", jar => CM::jar());
is($r->{status}, 404, "an unknown course id ($missing) is 404");
CM::has($r->{content}, qr{<html lang="zh-CN"}, '… a Chinese page');
is(scalar(() = CM::h1s($r->{content})), 1, '… with one <h1>');
is(CM::text((CM::h1s($r->{content}))[0]), CM::lang_str('zh-CN', 'error.not_found.title'), '… saying the page was not found');
CM::has($r->{content}, qr{<form[^>]*action="/courses"}, '… and offering a search');
like($r->{headers}{'cache-control'} // '', qr/no-store/, '… not cached');
$r = CM::get("/courses/$missing", headers => { Cookie => 'lang=en' }, jar => CM::jar());
is(CM::text((CM::h1s($r->{content}))[0]), CM::lang_str('en', 'error.not_found.title'), 'in English with the en cookie');

for my $id ('0', 'abc', '99999999999', '-1', '1.5', '1e3', '%20', '0x10', '%EF%BC%91', '2147483648', "$course%00") {
	$r = CM::get("/courses/$id", jar => CM::jar());
	ok($r->{status} == 400 || $r->{status} == 404, "/courses/$id is 400 or 404") or diag CM::brief($r);
	is(scalar(() = CM::h1s($r->{content})), 1, "/courses/$id: a page with one <h1>");
}
is(CM::get("/courses/$course/", jar => CM::jar())->{status}, 404, 'a trailing slash is 404');
is(CM::get("/courses/0$course", jar => CM::jar())->{status}, 200, 'a leading zero names the same course');

# --- unlisted course, suspended agency ------------------------------------------------------------
push @restore, "UPDATE courses SET status = 'listed', unlisted_by = NULL, unlisted_at = NULL WHERE id = $course;";
CM::psql("UPDATE courses SET status = 'unlisted', unlisted_by = 'agency', unlisted_at = now() WHERE id = $course");
is(CM::eventually(sub { CM::get("/courses/$course", jar => CM::jar()) }, sub { $_[0]{status} == 404 })->{status},
   404, 'an unlisted course is 404 (the page cache hears of it)');
my @found = map { CM::card_ids(CM::get(CM::nocache('/courses'), query => [q => $title, page => $_], jar => CM::jar())->{content}) } 1 .. 3;
ok(!grep({ $_ == $course } @found), 'an unlisted course is not in the catalog');
ok(!grep({ $_ == $course } CM::card_ids(CM::get(CM::nocache("/agencies/$agency"), jar => CM::jar())->{content})),
   'nor on its agency page');
restore();
is(CM::eventually(sub { CM::get("/courses/$course", jar => CM::jar()) }, sub { $_[0]{status} == 200 })->{status},
   200, 'listed again, it is back');

push @restore, "UPDATE agencies SET status = 'approved' WHERE id = $agency;";
CM::psql("UPDATE agencies SET status = 'suspended' WHERE id = $agency");
is(CM::eventually(sub { CM::get("/courses/$course", jar => CM::jar()) }, sub { $_[0]{status} == 404 })->{status},
   404, "a suspended agency's course is 404");
is(CM::get(CM::nocache("/agencies/$agency"), jar => CM::jar())->{status}, 404, 'a suspended agency is 404');
@found = map { CM::card_ids(CM::get(CM::nocache('/courses'), query => [q => $title, page => $_], jar => CM::jar())->{content}) } 1 .. 3;
ok(!grep({ $_ == $course } @found), "a suspended agency's course is not in the catalog (it would be a link to a 404)");
restore();

# --- the agency page ------------------------------------------------------------------------------
my ($aname, $n_listed) = split /\|/, CM::psql(
	"SELECT a.name, (SELECT count(*) FROM courses c WHERE c.agency_id = a.id AND c.status = 'listed') FROM agencies a WHERE a.id = $agency");
$r = CM::get(CM::nocache("/agencies/$agency"), jar => CM::jar());
is($r->{status}, 200, "GET /agencies/$agency is 200");
is(scalar(() = CM::h1s($r->{content})), 1, 'one <h1>');
is(CM::text((CM::h1s($r->{content}))[0]), $aname, 'the <h1> is the agency name');
my @acards = CM::card_ids($r->{content});
is_deeply([sort { $a <=> $b } @acards],
	[CM::psql("SELECT id FROM courses WHERE agency_id = $agency AND status = 'listed' ORDER BY id")],
	"it lists its $n_listed listed courses");
my $amissing = CM::psql('SELECT max(id) + 1000 FROM agencies');
$r = CM::get("/agencies/$amissing", jar => CM::jar());
is($r->{status}, 404, 'an unknown agency is 404');
is(CM::text((CM::h1s($r->{content}))[0]), CM::lang_str('zh-CN', 'error.not_found.title'), '… with the Chinese 404 page');
for my $id ('0', 'abc', '-5', '99999999999') {
	$r = CM::get("/agencies/$id", jar => CM::jar());
	ok($r->{status} == 400 || $r->{status} == 404, "/agencies/$id is 400 or 404");
}
my $pending = CM::psql("SELECT id FROM agencies WHERE status <> 'approved' ORDER BY id LIMIT 1");
SKIP: {
	skip 'no agency that is not approved in the demo data', 1 unless $pending;
	is(CM::get("/agencies/$pending", jar => CM::jar())->{status}, 404, "a $pending (not approved) agency is 404");
}

done_testing();
