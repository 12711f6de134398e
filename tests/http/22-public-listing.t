# The public pages show what the listing workflow approved, and nothing else (docs/listings.md):
# a draft offering (inserted by SQL into a listed course, with a site, a price and dates that would
# stand out) shows on no page: not on the course page, the site page, the map, the agency page, nor
# in the catalog's count and price range; pending changes of a course and an offering show nowhere;
# a course unlisted by its agency, and a draft course, are 404 at /courses/{id} and gone from
# /courses, /agencies/{id}, /sites/{id} and the home page at once (each page is cached on every
# worker first, so only the NOTIFY can clear it in time). The course page's listing facts: the cover
# (decorative: alt="", with its size), the learning outcomes as an escaped list, and for an
# offering the weekly hours, free public-interest seats, the cancellation deadline (or "until
# enrollment closes"), eligibility in words and the teachers with their kind and the first line of
# their qualifications, in Chinese and in English; and the thumbnail on the catalog's card. Every
# row the test changes is put back at the end.
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

my $dir = CM::instance_dir();
my $workers = 1;
if (open my $l, '<', "$dir/log/coursemart.log") {
	while (<$l>) { $workers = $1 if /serving with (\d+) workers/ }
}
my $tries = 2 * $workers + 2;    # enough requests for every worker to have a copy
sub anon {    # an anonymous GET: anon(path, query => [...], headers => {...})
	my ($path, %o) = @_;
	return CM::get($path, jar => CM::jar(), headers => $o{headers} // {}, ($o{query} ? (query => $o{query}) : ()));
}
sub warm { my ($path) = @_; anon($path) for 1 .. $tries; return }
# Asks for path until check accepts it (2 s at most: the NOTIFY, not the cache's expiry), then asks
# every worker once more; true if all of them agree.
sub soon_everywhere {
	my ($path, $check) = @_;
	CM::eventually(sub { anon($path) }, $check, 2);
	return !grep { !$check->(anon($path)) } 1 .. $tries;
}
sub row_of {    # the <tr> of offering id on a course page, as HTML
	my ($html, $id) = @_;
	return $html =~ m{<tr id="offering-$id">(.*?)</tr>}s ? $1 : '';
}
sub card_of {    # the course card of course id on a page, as text
	my ($html, $id) = @_;
	return $html =~ m{(<article class="card course-card">(?:(?!</article>).)*?href="/courses/$id".*?</article>)}s
		? CM::text($1) : '';
}
sub map_links {    # the course ids linked from site sid's entry on a map page
	my ($html, $sid) = @_;
	my ($li) = $html =~ m{<li data-lat="[^"]*" data-lng="[^"]*" data-name="[^"]*" data-href="/sites/$sid">(.*?)</li>}s;
	return ($li // '') =~ m{href="/courses/(\d+)"}g;
}

# --- a draft offering shows nowhere -----------------------------------------------------------------
# A listed course of an approved agency with an open class, and a site none of its public classes
# uses (where a draft class would be its only one there).
my ($course, $title, $agency) = split /\|/, CM::psql(<<'SQL');
SELECT c.id, c.title, c.agency_id FROM courses c JOIN agencies a ON a.id = c.agency_id
 WHERE c.status = 'listed' AND a.status = 'approved' AND c.min_price_fen > 0
   AND EXISTS (SELECT 1 FROM offerings o WHERE o.course_id = c.id AND o.status = 'open'
                  AND o.ends_on >= current_date)
 ORDER BY c.id LIMIT 1
SQL
ok($course, "picked course $course");
my ($site, $lat, $lng) = split /\|/, CM::psql(<<"SQL");
SELECT s.id, s.lat, s.lng FROM sites s
 WHERE NOT EXISTS (SELECT 1 FROM offerings o WHERE o.site_id = s.id AND o.course_id = $course)
 ORDER BY s.id LIMIT 1
SQL
my ($min_before, $max_before) = split /\|/, CM::psql("SELECT min_price_fen, max_price_fen FROM courses WHERE id = $course");
my $q = substr($title, 0, 20);
my %before = (
	course  => anon("/courses/$course")->{content},
	catalog => anon(CM::nocache('/courses'), query => [q => $q])->{content},
	agency  => CM::text(CM::main_html(anon(CM::nocache("/agencies/$agency"))->{content})),
);
$before{card} = card_of($before{catalog}, $course);
ok($before{card}, 'the course has a card in the catalog');
warm("/courses/$course");
warm("/sites/$site");

my $DRAFT = "草稿班次$$";
push @restore, "DELETE FROM offerings WHERE name = " . CM::sql_str($DRAFT) . ';';
my ($draft) = CM::psql(
	"INSERT INTO offerings (course_id, site_id, name, starts_on, ends_on, schedule, capacity, seats_taken,"
	. " price_fen, enroll_opens_at, enroll_closes_at, status, free_seats, min_age)"
	. " VALUES ($course, $site, " . CM::sql_str($DRAFT) . ", current_date + 3, current_date + 60,"
	. " '每周六 9:00–11:00', 40, 0, 9999900, now() - interval '1 day', now() + interval '2 days', 'draft', 4, 18)"
	. ' RETURNING id');
ok($draft, "inserted draft offering $draft at site $site");

# Neither a fresh page nor a cached copy may show it.
my $html = anon(CM::nocache("/courses/$course"))->{content};
my $stale = grep { anon("/courses/$course")->{content} =~ /\Q$DRAFT\E/ } 1 .. $tries;
is($stale, 0, 'no copy of the course page shows the draft');
is(row_of($html, $draft), '', 'the draft offering has no row on the course page');
CM::hasnt($html, qr/\Q$DRAFT\E/, '… its name is nowhere on it');
CM::hasnt($html, qr/¥99,?999\.00/, '… nor its price');
is(CM::text(($html =~ m{<table class="table table-stack">(.*?)</table>}s)[0] // ''),
   CM::text(($before{course} =~ m{<table class="table table-stack">(.*?)</table>}s)[0] // ''),
   'the offerings table is as before');
my $site_html = anon(CM::nocache("/sites/$site"))->{content};
CM::hasnt($site_html, qr{href="/courses/$course"}, "the site page of $site does not link to the course");
CM::hasnt($site_html, qr/\Q$DRAFT\E/, '… nor name the draft');
my $warm_site = anon("/sites/$site")->{content};
CM::hasnt($warm_site, qr{href="/courses/$course"}, '… nor does its cached copy');
is_deeply([split /\|/, CM::psql("SELECT min_price_fen, max_price_fen FROM courses WHERE id = $course")],
	[$min_before, $max_before], "the course's price range in SQL (refresh_course_facts) ignores the draft");
my $catalog = anon(CM::nocache('/courses'), query => [q => $q])->{content};
is(CM::catalog_total($catalog), CM::catalog_total($before{catalog}), 'the catalog counts the same courses');
is(card_of($catalog, $course), $before{card}, "the course's card (price range, seats) is as before");
is(CM::text(CM::main_html(anon(CM::nocache("/agencies/$agency"))->{content})), $before{agency},
   'the agency page (courses, classes counted) is as before');
my @m = map_links(anon(CM::nocache('/map'), query => [lat => $lat, lng => $lng, r => 1000])->{content}, $site);
ok(!grep({ $_ == $course } @m), "the map does not link site $site to the course");
is(row_of(anon(CM::nocache("/courses/$course"), headers => { Cookie => 'lang=en' })->{content}, $draft), '',
   'nor does the English course page show the draft');
CM::psql("DELETE FROM offerings WHERE id = $draft");

# --- pending changes show nowhere -------------------------------------------------------------------
my ($oid, $price) = split /\|/, CM::psql("SELECT id, price_fen FROM offerings WHERE course_id = $course"
	. " AND status = 'open' AND ends_on >= current_date ORDER BY starts_on, id LIMIT 1");
my ($mode) = CM::psql("SELECT mode FROM courses WHERE id = $course");
my $other_mode = $mode eq 'online' ? 'offline' : 'online';
push @restore, "UPDATE offerings SET pending = NULL WHERE id = $oid;", "UPDATE courses SET pending = NULL WHERE id = $course;";
CM::psql("UPDATE offerings SET pending = '{\"price_fen\": 1234567, \"capacity\": 1}' WHERE id = $oid;"
	. " UPDATE courses SET pending = '{\"mode\": \"$other_mode\"}' WHERE id = $course");
ok(soon_everywhere("/courses/$course", sub { $html = $_[0]{content}; 1 }), 'the course page answers with changes pending');
CM::hasnt($html, qr/¥12,?345\.67/, 'a pending price is not shown');
CM::has(row_of($html, $oid), qr/\Q@{[sprintf '¥%d.%02d', int($price \/ 100), $price % 100]}\E/, '… the approved one is');
my $mode_word = CM::lang_str('zh-CN', "mode.$mode");
CM::has($html, qr{<span class="badge badge-mode">\Q$mode_word\E</span>}, 'the approved mode is shown, not the pending one');
restore();

# --- unlisted and draft courses vanish at once ----------------------------------------------------
# A course on the home page with an open class at a site.
my @home = CM::card_ids(anon(CM::nocache('/'))->{content});
my ($u, $u_title, $u_agency, $u_site) = split /\|/, CM::psql(
	"SELECT c.id, c.title, c.agency_id, o.site_id FROM courses c JOIN offerings o ON o.course_id = c.id"
	. " WHERE c.id IN (" . join(',', @home, 0) . ") AND o.status = 'open' AND o.ends_on >= current_date"
	. " AND o.site_id IS NOT NULL ORDER BY array_position(ARRAY[" . join(',', @home, 0) . "], c.id), o.id LIMIT 1");
ok($u, "picked course $u from the home page (at site $u_site)");
my $uq = substr($u_title, 0, 20);
my %pages = (
	catalog => ['/courses?' . CM::urlencode([q => $uq]), sub { grep { $_ == $u } CM::card_ids($_[0]{content}) }],
	agency  => ["/agencies/$u_agency", sub { grep { $_ == $u } CM::card_ids($_[0]{content}) }],
	site    => ["/sites/$u_site", sub { $_[0]{content} =~ m{href="/courses/$u"} }],
	home    => ['/', sub { grep { $_ == $u } CM::card_ids($_[0]{content}) }],
);
is(anon("/courses/$u")->{status}, 200, "/courses/$u is 200 while listed");
for my $k (sort keys %pages) {
	ok($pages{$k}[1]->(anon($pages{$k}[0])), "the $k page shows it while listed");
}
for my $case (['unlisted', "status = 'unlisted', unlisted_by = 'agency', unlisted_at = now()"],
	['draft', "status = 'draft', unlisted_by = NULL, unlisted_at = NULL"])
{
	my ($state, $set) = @$case;
	warm("/courses/$u");
	warm($pages{$_}[0]) for keys %pages;
	push @restore, "UPDATE courses SET status = 'listed', unlisted_by = NULL, unlisted_at = NULL WHERE id = $u;";
	CM::psql("UPDATE courses SET $set WHERE id = $u");
	ok(soon_everywhere("/courses/$u", sub { $_[0]{status} == 404 }), "a $state course is 404 at once, on every worker");
	my $r = anon("/courses/$u");
	is(scalar(() = CM::h1s($r->{content})), 1, '… a page with one <h1>');
	for my $k (sort keys %pages) {
		my ($path, $shows) = @{ $pages{$k} };
		ok(soon_everywhere($path, sub { !$shows->($_[0]) }), "… gone from the $k page ($path) at once");
	}
	restore();
	ok(soon_everywhere("/courses/$u", sub { $_[0]{status} == 200 }), '… and back once listed again');
}

# --- the course page's listing facts ----------------------------------------------------------------
my ($f, $f_title, $f_agency) = split /\|/, CM::psql(<<'SQL');
SELECT c.id, c.title, c.agency_id FROM courses c JOIN agencies a ON a.id = c.agency_id
 WHERE c.status = 'listed' AND a.status = 'approved'
   AND (SELECT count(*) FROM offerings o WHERE o.course_id = c.id AND o.status = 'open'
          AND o.ends_on >= current_date AND o.capacity >= 10) >= 2
 ORDER BY c.id DESC LIMIT 1
SQL
ok($f, "picked course $f for the facts");
my ($o1, $o2) = CM::psql("SELECT id FROM offerings WHERE course_id = $f AND status = 'open'"
	. " AND ends_on >= current_date AND capacity >= 10 ORDER BY starts_on, id LIMIT 2");
my ($district, $district_en, $district_id) = split /\|/, CM::psql(
	"SELECT name, name_en, id FROM regions WHERE level = 'district' ORDER BY id LIMIT 1");
my $cover = 'ab' x 16;
my $OUTCOMES = "说出<b>三种</b>常见的 & 方法\n\n   完成一份作品  \n看懂\"说明书\"";
push @restore,
	'UPDATE courses SET cover = ' . (CM::psql("SELECT coalesce(quote_literal(cover), 'NULL') FROM courses WHERE id = $f"))[0]
	. ', outcomes = ' . CM::sql_str(scalar CM::psql("SELECT outcomes FROM courses WHERE id = $f")) . " WHERE id = $f;";
for my $o ($o1, $o2) {
	my ($row) = CM::psql("SELECT concat_ws(', ', 'weekdays = ' || coalesce(weekdays::text, 'NULL'),"
		. " 'time_from = ' || coalesce(quote_literal(time_from), 'NULL'), 'time_to = ' || coalesce(quote_literal(time_to), 'NULL'),"
		. " 'free_seats = ' || free_seats, 'cancel_until = ' || coalesce(quote_literal(cancel_until), 'NULL'),"
		. " 'min_age = ' || coalesce(min_age::text, 'NULL'),"
		. " 'residence_region_id = ' || coalesce(residence_region_id::text, 'NULL')) FROM offerings WHERE id = $o");
	push @restore, "UPDATE offerings SET $row WHERE id = $o;";
}
my $T1 = "测试教师甲$$";
my $T2 = "测试教师乙$$";
push @restore, "DELETE FROM teachers WHERE name IN (" . CM::sql_str($T1) . ', ' . CM::sql_str($T2) . ');';
push @restore, "DELETE FROM offering_teachers WHERE teacher_id IN (SELECT id FROM teachers WHERE name IN ("
	. CM::sql_str($T1) . ', ' . CM::sql_str($T2) . '));';
CM::psql(<<"SQL");
UPDATE courses SET cover = '$cover', outcomes = @{[CM::sql_str($OUTCOMES)]} WHERE id = $f;
UPDATE offerings SET weekdays = 10, time_from = '09:00', time_to = '11:30', free_seats = 2,
       cancel_until = (starts_on - 2) + time '12:00', min_age = 60, residence_region_id = $district_id
 WHERE id = $o1;
UPDATE offerings SET weekdays = NULL, time_from = NULL, time_to = NULL, free_seats = 0,
       cancel_until = NULL, min_age = NULL, residence_region_id = NULL
 WHERE id = $o2;
INSERT INTO teachers (agency_id, name, kind, qualifications) VALUES
    ($f_agency, @{[CM::sql_str($T1)]}, 'part_time', E'国家二级心理咨询师\\n第二行不显示'),
    ($f_agency, @{[CM::sql_str($T2)]}, 'volunteer', '中式烹调师（三级）<i>x</i>');
INSERT INTO offering_teachers (offering_id, teacher_id, agency_id)
SELECT $o1, id, agency_id FROM teachers WHERE name IN (@{[CM::sql_str($T1)]}, @{[CM::sql_str($T2)]});
SQL
my ($cancel_date) = CM::psql("SELECT starts_on - 2 FROM offerings WHERE id = $o1");
ok(soon_everywhere("/courses/$f", sub { $_[0]{content} =~ /\Q$T2\E/ }), 'the course page shows the new facts at once');
my $r = anon("/courses/$f");
$html = $r->{content};
is(scalar(() = CM::h1s($html)), 1, 'one <h1>');
CM::has($html, qr{<img class="course-cover" src="/media/covers/$cover\.jpg" alt="" width="1200" height="675">},
	'the cover: decorative (alt=""), with its size');
my ($outcomes) = CM::section($html, qr{<section[^>]*aria-labelledby="course-outcomes"});
my @li = map { CM::text($_) } $outcomes =~ m{<li>(.*?)</li>}gs;
is_deeply(\@li, ['说出<b>三种</b>常见的 & 方法', '完成一份作品', '看懂"说明书"'], 'the outcomes: one item a line, blank lines left out, trimmed');
CM::has($outcomes, qr{说出&lt;b&gt;三种&lt;/b&gt;常见的 &amp; 方法}, '… printed as text, escaped');
my $row = CM::text(row_of($html, $o1));
like($row, qr/每周二、周四 9:00–11:30/, 'the weekly hours in words');
like($row, qr/其中公益免费名额 2 个/, 'the free public-interest seats');
my ($cy, $cm, $cd) = $cancel_date =~ /(\d+)-(\d+)-(\d+)/;
like($row, qr/取消截止： ?${cy}年@{[$cm + 0]}月@{[$cd + 0]}日 12:00/, 'the cancellation deadline');
like($row, qr/限60岁及以上/, 'the minimum age in words');
like($row, qr/限\Q$district\E居民/, 'the residence in words');
like($row, qr/\Q$T1\E · 兼职 国家二级心理咨询师/, 'a part-time teacher with the first line of the qualifications');
unlike($row, qr/第二行不显示/, '… and only the first line');
like($row, qr/\Q$T2\E · 志愿者 中式烹调师（三级）<i>x<\/i>/, 'a volunteer teacher');
CM::hasnt(row_of($html, $o1), qr{<i>x</i>}, '… the qualifications escaped');
my $row2 = CM::text(row_of($html, $o2));
like($row2, qr/报名截止前可取消/, 'no deadline: cancel until enrollment closes');
unlike($row2, qr/公益免费名额|岁及以上|居民/, '… no free seats or eligibility where there are none');

my $en = anon(CM::nocache("/courses/$f"), headers => { Cookie => 'lang=en' })->{content};
my $en_row = CM::text(row_of($en, $o1));
like($en_row, qr/Tue, Thu 9:00–11:30/, 'English: the weekly hours');
like($en_row, qr/including 2 free public-interest places/, 'English: the free seats');
like($en_row, qr/Aged 60 or over only/, 'English: the minimum age');
like($en_row, qr/Residents of \Q$district_en\E only/, 'English: the residence');
like($en_row, qr/\Q$T1\E · part-time/, 'English: the teacher kind');
like(CM::text(row_of($en, $o2)), qr/Can be cancelled until enrollment closes/, 'English: no deadline');

my $cat = anon(CM::nocache('/courses'), query => [q => substr($f_title, 0, 20)])->{content};
CM::has($cat, qr{<img class="card-thumb" src="/media/covers/$cover-t\.jpg" alt="" width="480" height="270" loading="lazy">},
	'the catalog card shows the thumbnail, lazily, alt="" beside its title');
my $nocover = CM::psql("SELECT id FROM courses WHERE cover IS NULL AND " . CM::shown() . ' ORDER BY id LIMIT 1');
CM::hasnt(anon(CM::nocache("/courses/$nocover"))->{content}, qr{class="course-cover"}, 'a course without a cover has no image');

restore();
done_testing();
