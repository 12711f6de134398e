# Learning sites and the learning map: /sites lists the four levels with counts equal to SQL;
# level=1..4 and district filters (and 400 for level=5, an unknown district); /sites/{id} shows the
# address, the parent and child links and the classes held there (as many as SQL finds), 404 for an
# unknown id; /map around the city centre lists the sites within the radius in ascending distance,
# the same ones in the same order as SQL's distance_m; walk=1 is the 800 m circle; a district as
# the centre; lat=91, radius=50 and other bad values → 400 naming the parameter; a point far from
# everything says nothing is within range and lists the nearest 5.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use CM;
use Test::More;
CM::tap_utf8();

sub get { my ($path, @q) = @_; return CM::get($path, (@q ? (query => \@q) : ()), jar => CM::jar()) }
sub count_shown {    # "共 N 个学习点" / "找到 N 个学习点"
	my ($html) = @_;
	return $html =~ m{class="results-count">[^<]*<strong>(\d+)</strong>} ? $1 : undef;
}
sub metres {         # "180 米", "1.2 公里", "12 m", "3.4 km" → metres
	my ($s) = @_;
	return $s =~ /([\d.]+)\s*(公里|km)/ ? $1 * 1000 : $s =~ /([\d.]+)\s*(米|m)\b/ ? $1 : undef;
}
sub map_sites {      # [[id, metres], …] in page order
	my ($html) = @_;
	my @out;
	while ($html =~ m{<li data-lat="[^"]*" data-lng="[^"]*" data-name="[^"]*" data-href="/sites/(\d+)">(.*?)</li>\s*(?=<li data-lat|</ol>)}gs) {
		my ($id, $inner) = ($1, $2);
		my ($d) = $inner =~ m{<strong>([^<]*)</strong>};
		push @out, [$id, metres($d // '')];
	}
	return @out;
}
my $RD = <<'SQL';
WITH RECURSIVE rd (id, district_id) AS (
    SELECT id, CASE WHEN level = 'district' THEN id END FROM regions WHERE parent_id IS NULL
    UNION ALL
    SELECT r.id, CASE WHEN r.level = 'district' THEN r.id ELSE rd.district_id END
      FROM regions r JOIN rd ON r.parent_id = rd.id)
SQL

# --- /sites ---------------------------------------------------------------------------------------
my %per_level = map { split /\|/ } CM::psql('SELECT level, count(*) FROM sites GROUP BY level');
my $total = 0;
$total += $_ for values %per_level;
my $r = get('/sites');
is($r->{status}, 200, '/sites is 200');
my $html = $r->{content};
is(scalar(() = CM::h1s($html)), 1, 'one <h1>');
is(count_shown($html), $total, "it counts all $total sites");
for my $level (1 .. 4) {
	CM::has($html, qr{<h2 id="level-$level"}, "level $level has its section");
	ok(index(CM::text($html), CM::lang_str('zh-CN', "level.$level")) >= 0, "… named " . CM::lang_str('zh-CN', "level.$level"));
}
my @ids = $html =~ m{<a href="/sites/(\d+)">}g;
my %uniq = map { $_ => 1 } @ids;
is(scalar keys %uniq, $total, 'every site is linked');

for my $level (1 .. 4) {
	$r = get('/sites', level => $level);
	is($r->{status}, 200, "level=$level is 200");
	is(count_shown($r->{content}), $per_level{$level} // 0, "level=$level counts the level's sites");
	my @other = grep { $_ != $level } 1 .. 4;
	CM::hasnt($r->{content}, qr{<h2 id="level-(?:@{[join '|', @other]})"}, "level=$level shows no other level");
}
my ($district, $dname) = split /\|/, CM::psql("SELECT id, name FROM regions WHERE level = 'district' ORDER BY code LIMIT 1");
my $in_district = CM::psql("$RD SELECT count(*) FROM sites s JOIN rd ON rd.id = s.region_id WHERE rd.district_id = $district");
$r = get('/sites', district => $district);
is(count_shown($r->{content}), $in_district, "district=$district counts the sites in $dname");
$r = get('/sites', district => $district, level => 4);
is(count_shown($r->{content}), CM::psql("$RD SELECT count(*) FROM sites s JOIN rd ON rd.id = s.region_id"
	. " WHERE rd.district_id = $district AND s.level = 4"), 'district and level together');
my $street = CM::psql("SELECT id FROM regions WHERE level = 'street' LIMIT 1");
for my $bad ([level => 5], [level => 0], [level => 'abc'], [level => '1;'], [district => 0],
	[district => 'x'], [district => $street], [district => CM::psql('SELECT max(id) + 100 FROM regions')])
{
	$r = get('/sites', @$bad);
	is($r->{status}, 400, "/sites?$bad->[0]=$bad->[1] is 400") or diag CM::brief($r);
	is(CM::error_detail($r->{content}), CM::lang_str('zh-CN', "param.$bad->[0]"), '… naming the parameter');
}

# --- /sites/{id} ----------------------------------------------------------------------------------
my ($sid, $sname, $saddr, $parent) = split /\|/, CM::psql(<<'SQL');
SELECT s.id, s.name, s.address, s.parent_id FROM sites s
 WHERE s.parent_id IS NOT NULL AND EXISTS (SELECT 1 FROM sites c WHERE c.parent_id = s.id)
 ORDER BY (SELECT count(*) FROM offerings o WHERE o.site_id = s.id AND o.ends_on >= current_date) DESC, s.id
 LIMIT 1
SQL
$r = get("/sites/$sid");
is($r->{status}, 200, "/sites/$sid is 200");
$html = $r->{content};
is(CM::text((CM::h1s($html))[0]), $sname, 'the <h1> is its name');
ok(index(CM::text($html), $saddr) >= 0, 'it shows the address');
CM::has($html, qr{href="/sites/$parent"}, 'it links to its parent site');
my @children = CM::psql("SELECT id FROM sites WHERE parent_id = $sid ORDER BY id");
is(scalar(grep { $html !~ m{href="/sites/$_"} } @children), 0, 'it links to each of its ' . @children . ' child sites');
my @classes = CM::psql(<<"SQL");
SELECT o.course_id FROM offerings o JOIN courses c ON c.id = o.course_id JOIN agencies a ON a.id = c.agency_id
 WHERE o.site_id = $sid AND o.status IN ('open', 'closed') AND o.ends_on >= current_date
   AND c.status = 'listed' AND a.status = 'approved'
SQL
my $courses_sec = CM::section($html, qr{<section[^>]*aria-labelledby="site-courses"});
my @links = $courses_sec =~ m{<a href="/courses/(\d+)">}g;
is(scalar @links, (@classes > 100 ? 100 : scalar @classes), 'it lists the classes held there that have not ended (as SQL finds)');
is_deeply([sort { $a <=> $b } @links], [sort { $a <=> $b } @classes], '… linking to their courses');
CM::has($html, qr{href="/map\?lat=[\d.]+&amp;lng=[\d.]+"}, 'it links to the map around it');
my $missing = CM::psql('SELECT max(id) + 1000 FROM sites');
$r = get("/sites/$missing");
is($r->{status}, 404, 'an unknown site is 404');
is(CM::text((CM::h1s($r->{content}))[0]), CM::lang_str('zh-CN', 'error.not_found.title'), '… the Chinese 404 page');
for my $id ('0', 'abc', '99999999999') {
	$r = get("/sites/$id");
	ok($r->{status} == 400 || $r->{status} == 404, "/sites/$id is 400 or 404");
}
my ($top) = CM::psql('SELECT id FROM sites WHERE level = 1 LIMIT 1');
is(get("/sites/$top")->{status}, 200, 'the city community university (no parent) has a page');

# --- /map -----------------------------------------------------------------------------------------
my ($clat, $clng) = CM::city_centre();
my $within = sub {
	my ($lat, $lng, $m) = @_;
	return CM::psql("SELECT id FROM sites WHERE distance_m($lat, $lng, lat, lng) <= $m"
		. " ORDER BY distance_m($lat, $lng, lat, lng), id LIMIT 100");
};
$r = get('/map');
is($r->{status}, 200, '/map is 200');
$html = $r->{content};
is(scalar(() = CM::h1s($html)), 1, 'one <h1>');
my @shown = map_sites($html);
my @want = $within->($clat, $clng, 3000);
ok(@want > 0, 'SQL finds sites within 3 km of the centre (' . @want . ')');
is_deeply([map { $_->[0] } @shown], \@want, 'the default map lists the sites within 3 km of the centre, nearest first, as SQL');
is(count_shown($html), scalar @want, '… and counts them');
my @d = map { $_->[1] } @shown;
is(scalar(grep { !defined } @d), 0, 'each with its distance');
is_deeply(\@d, [sort { $a <=> $b } @d], 'the distances shown ascend');
ok(!grep({ defined && $_ > 3000 } @d), 'none is beyond 3 km');

$r = get('/map', walk => 1);
@shown = map_sites($r->{content});
@want = $within->($clat, $clng, 800);
is(count_shown($r->{content}), scalar @want, 'walk=1 counts the sites within 800 m (as SQL)');
is_deeply([map { $_->[0] } @shown], \@want, 'walk=1 lists exactly those, nearest first');
ok(!grep({ $_->[1] > 800 } @shown), 'none shown beyond 800 m');
is_deeply([map { $_->[0] } map_sites(get('/map', radius => 800)->{content})], \@want, 'radius=800 is the same circle');

my ($slat, $slng) = split /\|/, CM::psql("SELECT lat, lng FROM sites WHERE id = $sid");
$r = get('/map', lat => $slat, lng => $slng, radius => 1500);
@shown = map_sites($r->{content});
is_deeply([map { $_->[0] } @shown], [$within->($slat, $slng, 1500)], 'a point and radius=1500: the sites as SQL, in order');
is($shown[0][0], $sid, 'the site at the point comes first');
ok($shown[0][1] < 20, '… at (about) 0 m');

my ($dlat, $dlng) = split /\|/, CM::psql("$RD SELECT round(avg(s.lat)::numeric, 6), round(avg(s.lng)::numeric, 6)"
	. " FROM sites s JOIN rd ON rd.id = s.region_id WHERE rd.district_id = $district");
$r = get('/map', district => $district, radius => 5000);
is($r->{status}, 200, "/map?district=$district is 200");
is_deeply([map { $_->[0] } map_sites($r->{content})], [$within->($dlat, $dlng, 5000)],
	"a district centres the map on its sites' mean position");
ok(index(CM::text($r->{content}), $dname) >= 0, 'and names the district');

my $slug = CM::psql("SELECT k.slug FROM categories k JOIN courses c ON c.category_id = k.id"
	. " JOIN offerings o ON o.course_id = c.id WHERE o.status = 'open' AND o.ends_on >= current_date"
	. " AND c.status = 'listed' GROUP BY k.slug ORDER BY count(*) DESC LIMIT 1");
$r = get('/map', cat => $slug, radius => 10000);
is($r->{status}, 200, "/map?cat=$slug is 200");
@shown = map_sites($r->{content});
my @with_cat = CM::psql("SELECT s.id FROM sites s WHERE distance_m($clat, $clng, s.lat, s.lng) <= 10000 AND EXISTS ("
	. "SELECT 1 FROM offerings o JOIN courses c ON c.id = o.course_id JOIN agencies a ON a.id = c.agency_id"
	. " JOIN categories k ON k.id = c.category_id WHERE o.site_id = s.id AND o.status = 'open'"
	. " AND o.ends_on >= current_date AND c.status = 'listed' AND a.status = 'approved' AND k.slug = '$slug')"
	. " ORDER BY distance_m($clat, $clng, s.lat, s.lng), s.id LIMIT 100");
is_deeply([map { $_->[0] } @shown], \@with_cat, 'a category keeps only the sites with open classes of it');

# Far from everything: the nearest 5 anyway.
$r = get('/map', lat => 0, lng => 0);
is($r->{status}, 200, '/map?lat=0&lng=0 is 200');
ok(index(CM::text($r->{content}), CM::lang_str('zh-CN', 'map.none_within')) >= 0, 'it says nothing is within range');
@shown = map_sites($r->{content});
is_deeply([map { $_->[0] } @shown], [CM::psql('SELECT id FROM sites ORDER BY distance_m(0, 0, lat, lng), id LIMIT 5')],
	'and lists the 5 nearest sites, nearest first');

for my $bad ([lat => 91], [lat => -90.5], [lng => 181], [lat => 'abc'], [lat => '1e3'], [lat => 'nan'],
	[lat => 'inf'], [lng => '0x10'], [radius => 50], [radius => 99], [radius => 50001], [radius => '1.5'],
	[walk => 2], [cat => 'Bad Slug'], [cat => 'no-such-category'], [district => 0],
	[district => CM::psql('SELECT max(id) + 100 FROM regions')])
{
	$r = get('/map', @$bad);
	is($r->{status}, 400, "/map?$bad->[0]=$bad->[1] is 400") or diag CM::brief($r);
	is(CM::error_detail($r->{content}), CM::lang_str('zh-CN', "param.$bad->[0]"), '… naming the parameter');
}
$r = CM::get('/map?lat=91', headers => { Cookie => 'lang=en' }, jar => CM::jar());
is(CM::error_detail($r->{content}), CM::lang_str('en', 'param.lat'), 'lat=91 in English names the latitude');
$r = get('/map', lat => 31.23);
ok($r->{status} == 200 || $r->{status} == 400, "a latitude without a longitude: 200 (the centre) or 400, not $r->{status}");
$r = get('/map', lat => '-0.0', lng => '-0');
ok($r->{status} < 500, 'lat=-0.0 is handled');

# English distances.
$r = CM::get('/map?walk=1', headers => { Cookie => 'lang=en' }, jar => CM::jar());
my @en = $r->{content} =~ m{<dd><strong>([^<]*)</strong></dd>}g;
ok(@en && !grep({ !/\A[\d.]+ (?:m|km)\z/ } @en), 'English distances are in m and km') or diag "@en";

done_testing();
