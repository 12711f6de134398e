# The issue's journey, by following the links the pages offer (never building URLs by hand): from the
# home page search for 手机 and find the smartphone courses for seniors; narrow to free courses, then
# to one district, with the facet links; open a course and see its classes (班次) with seats left;
# go to the site of a class, and from there to the learning map, which lists the learning sites
# nearest that point, that site first. Each step is checked against SQL.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use CM;
use Test::More;
CM::tap_utf8();

my $jar = CM::jar();
sub go { my ($href) = @_; return CM::get(CM::html_unescape($href), jar => $jar) }
sub link_in {    # the href of the first <a> whose text is exactly $text within $html
	my ($html, $text) = @_;
	while ($html =~ m{<a\b[^>]*href="([^"]*)"[^>]*>(.*?)</a>}gs) {
		my ($h, $inner) = ($1, $2);
		my $t = CM::text($inner);
		$t =~ s/\s*\d+\s*\Q@{[CM::lang_str('zh-CN', 'common.courses_unit')]}\E\z//;    # facet counts
		return $h if $t eq $text;
	}
	return undef;
}

# 1. The home page's search form.
my $r = CM::get('/', jar => $jar);
my ($action) = $r->{content} =~ m{<form class="search hero-search"[^>]*action="([^"]*)"};
is($action, '/courses', 'the home page searches /courses');
$r = CM::get($action, query => [q => '手机'], jar => $jar);
is($r->{status}, 200, 'searching 手机 works');
my $total = CM::catalog_total($r->{content});
ok($total > 0, "found $total courses");
my @ids = CM::card_ids($r->{content});
my %senior_phone = map { $_ => 1 } CM::psql("SELECT id FROM courses WHERE " . CM::shown()
	. " AND audience = 'seniors' AND title LIKE '%智能手机%'");
ok(scalar(grep { $senior_phone{$_} } @ids), 'the first page shows smartphone courses for seniors');

# 2. Free courses, then one district, by the facet links.
my $free = link_in($r->{content}, CM::lang_str('zh-CN', 'fee.free'));
ok($free, 'there is a link for free courses');
$r = go($free);
my $free_total = CM::catalog_total($r->{content});
ok($free_total > 0 && $free_total <= $total, "free courses about 手机: $free_total");
my ($district, $dname) = split /\|/, CM::psql(<<'SQL');
WITH RECURSIVE rd (id, district_id) AS (
    SELECT id, CASE WHEN level = 'district' THEN id END FROM regions WHERE parent_id IS NULL
    UNION ALL SELECT r.id, CASE WHEN r.level = 'district' THEN r.id ELSE rd.district_id END
      FROM regions r JOIN rd ON r.parent_id = rd.id)
SELECT d.id, d.name FROM regions d
  JOIN rd ON rd.district_id = d.id JOIN sites s ON s.region_id = rd.id
  JOIN offerings o ON o.site_id = s.id AND o.status = 'open' AND o.ends_on >= current_date
       AND o.seats_taken < o.capacity
  JOIN courses c ON c.id = o.course_id AND c.status = 'listed' AND c.title LIKE '%手机%'
       AND c.agency_id IN (SELECT id FROM agencies WHERE status = 'approved')
       AND c.audience = 'seniors' AND c.max_price_fen = 0
 GROUP BY d.id, d.name, d.code ORDER BY count(*) DESC, d.code LIMIT 1
SQL
ok($district, "a district with open smartphone classes for seniors: $dname");
my $dlink = link_in($r->{content}, $dname);
ok($dlink, "there is a link for $dname");
$r = go($dlink);
is($r->{status}, 200, 'the district filter works');
my $href = CM::html_unescape($dlink // '');
like($href, qr/[?&]q=/, 'the district link kept the query');
like($href, qr/[?&]fee=free/, 'and the fee filter');
my $n = CM::catalog_total($r->{content});
my $want = CM::psql(<<"SQL");
WITH RECURSIVE rd (id, district_id) AS (
    SELECT id, CASE WHEN level = 'district' THEN id END FROM regions WHERE parent_id IS NULL
    UNION ALL SELECT r.id, CASE WHEN r.level = 'district' THEN r.id ELSE rd.district_id END
      FROM regions r JOIN rd ON r.parent_id = rd.id)
SELECT count(*) FROM courses c
 WHERE @{[CM::shown('c')]} AND strpos(lower(c.title || ' ' || c.summary), '手机') > 0
   AND NOT EXISTS (SELECT 1 FROM offerings o WHERE o.course_id = c.id AND o.status <> 'cancelled' AND o.price_fen > 0)
   AND EXISTS (SELECT 1 FROM offerings o JOIN sites s ON s.id = o.site_id JOIN rd ON rd.id = s.region_id
                WHERE o.course_id = c.id AND o.status <> 'cancelled' AND rd.district_id = $district)
SQL
is($n, $want, "$n free courses about 手机 in $dname, as SQL counts");

# 3. Open a smartphone course for seniors and see its classes with seats left.
my ($course) = grep { $senior_phone{$_} } CM::card_ids($r->{content});
ok($course, "a smartphone course for seniors is listed ($course)");
my ($chref) = $r->{content} =~ m{<h3 class="card-title"><a href="(/courses/$course)">};
$r = go($chref);
is($r->{status}, 200, "its page opens ($chref)");
my @classes = map { [split /\|/] } CM::psql("SELECT o.id, o.capacity - o.seats_taken, o.site_id FROM offerings o"
	. " WHERE o.course_id = $course AND o.status = 'open' AND o.ends_on >= current_date"
	. " AND o.seats_taken < o.capacity AND o.site_id IS NOT NULL ORDER BY o.starts_on, o.id");
ok(@classes, 'it has open classes with seats at a site');
my ($oid, $left, $site) = @{ $classes[0] // [] };
my ($row) = $r->{content} =~ m{<tr id="offering-$oid">(.*?)</tr>}s;
ok($row, "class $oid is listed");
like(CM::text($row // ''), qr/(?<!\d)$left(?!\d)/, "… with its $left seats left");
my ($site_href) = ($row // '') =~ m{<a href="(/sites/\d+)">};
is($site_href, "/sites/$site", '… and a link to its site');

# 4. The site, then the learning map around it.
$r = go($site_href);
is($r->{status}, 200, 'the site page opens');
my $map_href = link_in($r->{content}, CM::lang_str('zh-CN', 'site.on_map'));
ok($map_href, 'it links to the learning map around it');
$r = go($map_href);
is($r->{status}, 200, 'the map opens');
my ($lat, $lng) = split /\|/, CM::psql("SELECT lat, lng FROM sites WHERE id = $site");
my @listed = $r->{content} =~ m{<li data-lat="[^"]*" data-lng="[^"]*" data-name="[^"]*" data-href="/sites/(\d+)">}g;
is($listed[0], $site, 'the site itself is nearest');
my @want = CM::psql("SELECT id FROM sites WHERE distance_m($lat, $lng, lat, lng) <= 3000"
	. " ORDER BY distance_m($lat, $lng, lat, lng), id LIMIT 100");
is_deeply(\@listed, \@want, 'the map lists the sites within 3 km of that point, nearest first (as SQL)');
my $walk = link_in($r->{content}, CM::lang_str('zh-CN', 'map.walk_try'));
ok($walk, 'it offers the ten-minute walk');
$r = go($walk);
@listed = $r->{content} =~ m{data-href="/sites/(\d+)">}g;
is_deeply(\@listed, [CM::psql("SELECT id FROM sites WHERE distance_m($lat, $lng, lat, lng) <= 800"
	. " ORDER BY distance_m($lat, $lng, lat, lng), id")], 'and the walk lists the sites within 800 m');

done_testing();
