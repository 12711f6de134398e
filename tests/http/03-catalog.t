# The catalog, GET /courses: Chinese substring search (手机, one character, two words, Latin letters in
# any case, characters that mean something to LIKE or regexes), each total checked against SQL
# written independently of the app's; the empty state; the filters (fee, district, mode, audience,
# soon, cat) against SQL; facet counts equal to the SQL count under the other active filters, and
# facet links that keep the other filters; sorting really ordered; paging (disjoint pages that add
# up to the whole result, the pager, the "no more" state past the last page); 400 pages naming the
# bad parameter in the user's language, never a 500; unknown parameters ignored; and the EXPLAIN that
# shows a two-character query using the bigram GIN index courses_grams_idx.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use CM;
use Test::More;
CM::tap_utf8();

# --- SQL written from the rules, not from the app's statements ------------------------------------
# cc: one row per listed course with its category, free (no class that costs money), soon (an open
# class starting within 30 days) and the districts its classes are held in.
my $CC = <<'SQL';
WITH RECURSIVE rd (id, district_id) AS (
    SELECT id, CASE WHEN level = 'district' THEN id END FROM regions WHERE parent_id IS NULL
    UNION ALL
    SELECT r.id, CASE WHEN r.level = 'district' THEN r.id ELSE rd.district_id END
      FROM regions r JOIN rd ON r.parent_id = rd.id),
cc AS (
    SELECT c.id, k.slug, c.mode, c.audience, lower(c.title || ' ' || c.summary) AS doc,
           NOT EXISTS (SELECT 1 FROM offerings o WHERE o.course_id = c.id
                          AND o.status IN ('open', 'closed') AND o.price_fen > 0) AS free,
           EXISTS (SELECT 1 FROM offerings o WHERE o.course_id = c.id AND o.status = 'open'
                      AND o.starts_on BETWEEN current_date AND current_date + 30) AS soon,
           ARRAY(SELECT DISTINCT rd.district_id FROM offerings o
                   JOIN sites s ON s.id = o.site_id JOIN rd ON rd.id = s.region_id
                  WHERE o.course_id = c.id AND o.status IN ('open', 'closed')
                    AND rd.district_id IS NOT NULL) AS districts
      FROM courses c JOIN categories k ON k.id = c.category_id
     WHERE c.status = 'listed' AND c.agency_id IN (SELECT id FROM agencies WHERE status = 'approved'))
SQL

# A WHERE clause over cc for a filter hash (q, cat, district, fee, mode, audience, soon).
sub where_of {
	my (%f) = @_;
	my @w = ('true');
	if (defined $f{q}) {
		push @w, map { 'strpos(doc, lower(' . CM::sql_str($_) . ')) > 0' } split ' ', $f{q};
	}
	push @w, 'slug = ' . CM::sql_str($f{cat}) if defined $f{cat};
	push @w, ($f{district} + 0) . ' = ANY (districts)' if defined $f{district};
	push @w, $f{fee} eq 'free' ? 'free' : 'NOT free' if defined $f{fee};
	push @w, 'mode = ' . CM::sql_str($f{mode}) if defined $f{mode};
	push @w, 'audience = ' . CM::sql_str($f{audience}) if defined $f{audience};
	push @w, 'soon' if $f{soon};
	return join ' AND ', @w;
}
sub sql_count { my (%f) = @_; return 0 + CM::psql("$CC SELECT count(*) FROM cc WHERE " . where_of(%f)) }
sub sql_ids { my (%f) = @_; return CM::psql("$CC SELECT id FROM cc WHERE " . where_of(%f) . ' ORDER BY id') }
# The matching ids of several filter sets at once (one psql call): a list of array refs.
sub sql_id_sets {
	my @sel = map { "(SELECT coalesce(string_agg(id::text, ',' ORDER BY id), '') FROM cc WHERE " . where_of(%$_) . ')' } @_;
	my @rows = split /\|/, CM::psql("$CC SELECT " . join(', ', @sel)), -1;
	return map { [split /,/] } @rows;
}

sub catalog {
	my (@pairs) = @_;
	return CM::get('/courses', query => \@pairs, jar => CM::jar());
}

# The items of one facet group: [{key, count, href, selected}], found by the parameter its links set.
sub facet_items {
	my ($html, $title) = @_;
	my $sec = CM::section($html, qr{<h3 class="facet-title">\Q$title\E</h3>});
	my @items;
	while ($sec =~ m{<li>(.*?)</li>}gs) {
		my $li = $1;
		my ($label) = $li =~ m{<span class="facet-label">(.*?)</span>}s;
		my ($count) = $li =~ m{<span class="facet-count">(\d+)};
		my ($href) = $li =~ m{<a href="([^"]*)"};
		next unless defined $count;    # "全部"
		push @items, { label => CM::text($label), count => $count,
			href => CM::html_unescape($href // ''), selected => $li =~ /aria-current/ ? 1 : 0 };
	}
	return @items;
}
sub facet_title { CM::lang_str('zh-CN', "catalog.facet.$_[0]") }

my $listed = CM::psql("SELECT count(*) FROM courses WHERE " . CM::shown());
ok($listed > 40, "the demo data has listed courses ($listed)");

# --- search ---------------------------------------------------------------------------------------
my $r = CM::get('/courses?q=%E6%89%8B%E6%9C%BA', jar => CM::jar());    # 手机, percent-encoded
is($r->{status}, 200, '/courses?q=手机 is 200') or diag CM::brief($r);
my $html = $r->{content};
my $n_phone = sql_count(q => '手机');
ok($n_phone >= 5, "the demo data has courses about 手机 ($n_phone)");
is(CM::catalog_total($html), $n_phone, 'the total equals the SQL count of courses whose title or summary has 手机');
like(CM::text((CM::h1s($html))[0]), qr/手机/, 'the heading names the query');
is(CM::form_value($html, 'q'), '手机', 'the search box keeps the query');
my @ids = CM::card_ids($html);
is(scalar @ids, $n_phone < 20 ? $n_phone : 20, 'a full first page of results');
my %phone = map { $_ => 1 } sql_ids(q => '手机');
is(scalar(grep { !$phone{$_} } @ids), 0, 'every result is one SQL finds');
my @cards = $html =~ m{(<article class="card course-card">.*?</article>)}gs;
is(scalar(grep { CM::text($_) !~ /手机/ } @cards), 0, 'every card shows 手机 in its title or summary');
my @senior_phone = CM::psql("SELECT id FROM courses WHERE " . CM::shown() . " AND audience = 'seniors'"
	. " AND title LIKE '%智能手机%' ORDER BY id");
ok(@senior_phone >= 1, 'the demo data has smartphone courses for seniors');
my (%all_phone_ids, @order);
for my $page (1 .. int(($n_phone + 19) / 20)) {
	push @order, CM::card_ids(catalog(q => '手机', page => $page)->{content});
}
$all_phone_ids{$_}++ for @order;
is(scalar(grep { !$all_phone_ids{$_} } @senior_phone), 0, 'the smartphone courses for seniors are all found');
ok(keys(%all_phone_ids) == $n_phone && @order == $n_phone, 'all pages together hold every match, each once');

# Relevance: courses with the query in the title come before those with it only in the summary.
my %in_title = map { $_ => 1 } CM::psql("SELECT id FROM courses WHERE title LIKE '%手机%'");
my $seen_summary_only = 0;
my $misplaced = 0;
for (@order) { if ($in_title{$_}) { $misplaced++ if $seen_summary_only } else { $seen_summary_only = 1 } }
is($misplaced, 0, 'relevance: title matches first, then summary-only matches');

my @queries = ('机', '手机 老年', '老年 手机', 'excel', 'EXCEL', 'Python编程', '（入门）', '%', '_', "'",
	'(', '\\', '.*', '手机　老年');
my %q_sql;
@q_sql{@queries} = map { scalar @$_ } sql_id_sets(map { { q => $_ } } @queries);
for my $q (@queries) {
	my $res = catalog(q => $q);
	is($res->{status}, 200, "q=$q is 200");
	is(CM::catalog_total($res->{content}), $q_sql{$q}, "q=$q finds as many as SQL ($q_sql{$q})");
}
ok($q_sql{'手机 老年'} < $n_phone, 'a second word narrows the search');
ok($q_sql{'机'} > $n_phone, 'a one-character query finds more than the two-character one');

$r = catalog(q => '量子纠缠火箭发射');
is($r->{status}, 200, 'a query with no result is 200, not 404');
is(CM::catalog_total($r->{content}), 0, '… with 0 found');
CM::has(CM::text($r->{content}), qr/\Q@{[CM::lang_str('zh-CN', 'catalog.no_results')]}\E/, '… and the empty state');

$r = catalog(q => '   ');
is(CM::catalog_total($r->{content}), $listed, 'a blank query is no query');
$r = catalog(q => '字' x 50);
is($r->{status}, 200, 'a 50-character query is accepted');
$r = catalog(q => '字' x 51);
is($r->{status}, 400, 'a 51-character query is 400');
is(CM::error_detail($r->{content}), CM::lang_str('zh-CN', 'param.q'), '… naming the search words');

# --- filters --------------------------------------------------------------------------------------
my ($district, $district_name) = split /\|/, CM::psql(
	"SELECT id, name FROM regions WHERE level = 'district' ORDER BY code LIMIT 1");
$r = catalog(fee => 'free', district => $district);
is($r->{status}, 200, "fee=free&district=$district is 200");
$html = $r->{content};
my $n = sql_count(fee => 'free', district => $district);
ok($n > 0, "there are free courses in $district_name ($n)");
is(CM::catalog_total($html), $n, 'the total equals the SQL count of free courses with a class in the district');
my %ok = map { $_ => 1 } sql_ids(fee => 'free', district => $district);
@ids = CM::card_ids($html);
is(scalar(grep { !$ok{$_} } @ids), 0, 'every listed course is free and has a class in the district');
@cards = $html =~ m{(<article class="card course-card">.*?</article>)}gs;
is(scalar(grep { !/badge-free/ } @cards), 0, 'every card carries the free badge');
CM::has(CM::text($html), qr/\Q$district_name\E/, 'the active filters name the district');

# Facet counts under the other active filters.
my %cat_sql = map { split /\|/ } CM::psql("$CC SELECT slug, count(*) FROM cc WHERE "
	. where_of(fee => 'free', district => $district) . ' GROUP BY slug');
my @cat_items = facet_items($html, facet_title('cat'));
ok(@cat_items > 0, 'the category facet is shown');
my ($bad_count, $bad_link) = (0, 0);
for my $it (@cat_items) {
	my ($slug) = $it->{href} =~ /[?&]cat=([a-z0-9-]+)/;
	$bad_count++ unless defined $slug && ($cat_sql{$slug} // 0) == $it->{count};
	$bad_link++ unless $it->{href} =~ /[?&]fee=free(&|\z)/ && $it->{href} =~ /[?&]district=$district(&|\z)/;
}
is($bad_count, 0, 'each category count equals the SQL count under fee=free and the district');
is($bad_link, 0, 'each category link keeps fee=free and the district');
is(scalar @cat_items, scalar(grep { $_ > 0 } values %cat_sql), 'every category with courses is offered');

my %dist_sql = map { split /\|/ } CM::psql("$CC SELECT d, count(*) FROM cc, unnest(districts) d WHERE "
	. where_of(fee => 'free') . ' GROUP BY d');
my @d_items = facet_items($html, facet_title('district'));
my $d_bad = 0;
for my $it (@d_items) {
	my ($d) = $it->{href} =~ /[?&]district=(\d+)/;
	if ($it->{selected}) { $d = $district }
	$d_bad++ unless defined $d && ($dist_sql{$d} // 0) == $it->{count};
}
ok(@d_items >= 2, 'the district facet lists the districts');
is($d_bad, 0, 'each district count ignores the district filter and keeps fee=free (as SQL counts)');
my ($sel) = grep { $_->{selected} } @d_items;
ok($sel && $sel->{label} eq $district_name, 'the chosen district is marked selected');
ok($sel && $sel->{href} !~ /district=/, 'its link removes the district filter');

my %fee_sql = map { split /\|/ } CM::psql("$CC SELECT CASE WHEN free THEN 'free' ELSE 'paid' END, count(*)"
	. " FROM cc WHERE " . where_of(district => $district) . ' GROUP BY 1');
my %fee_shown = map { ($_->{selected} ? 'free' : ($_->{href} =~ /fee=(\w+)/)[0]) => $_->{count} }
	facet_items($html, facet_title('fee'));
is_deeply(\%fee_shown, { map { $_ => $fee_sql{$_} } grep { $fee_sql{$_} } keys %fee_sql },
	'the fee counts ignore the fee filter and keep the district');

my @cases = ([mode => 'online'], [mode => 'offline'], [mode => 'blended'], [audience => 'seniors'],
	[audience => 'all'], [soon => 1], [fee => 'paid'], [cat => 'digital-skills'],
	[fee => 'free', audience => 'seniors', mode => 'offline']);
my @case_ids = sql_id_sets(map { {@$_} } @cases);
for my $i (0 .. $#cases) {
	my %f = @{ $cases[$i] };
	my $label = join '&', map { "$_=$f{$_}" } sort keys %f;
	$r = catalog(%f);
	is($r->{status}, 200, "$label is 200");
	is(CM::catalog_total($r->{content}), scalar @{ $case_ids[$i] }, "$label: the total equals the SQL count");
	my %okids = map { $_ => 1 } @{ $case_ids[$i] };
	is(scalar(grep { !$okids{$_} } CM::card_ids($r->{content})), 0, "$label: every result matches");
}
$r = catalog(mode => 'online');
@cards = $r->{content} =~ m{(<article class="card course-card">.*?</article>)}gs;
my $online = CM::lang_str('zh-CN', 'mode.online');
is(scalar(grep { !/badge-mode">\Q$online\E</ } @cards), 0, "every card of mode=online says $online");

# On page 2, the facet links and the sort form start again from page 1.
$r = catalog(fee => 'free', page => 2);
my @facet_hrefs = map { $_->{href} } map { facet_items($r->{content}, facet_title($_)) } qw(cat district mode audience);
ok(@facet_hrefs && !grep({ /[?&]page=/ } @facet_hrefs), 'facet links on page 2 lead back to page 1');
ok(!grep({ /[?&]fee=free/ ? 0 : 1 } @facet_hrefs), '… keeping fee=free');
CM::hasnt($r->{content}, qr{<input type="hidden" name="page"}, 'the sort form does not keep the page');

# Unknown parameters are ignored.
is(CM::catalog_total(catalog(q => '手机', foo => 'bar', utm_source => 'x')->{content}), $n_phone,
   'unknown parameters are ignored');
is(CM::catalog_total(catalog(q => '手机', fee => '')->{content}), $n_phone, 'an empty filter is no filter');

# --- sorting --------------------------------------------------------------------------------------
my %sort_sql = (
	price_asc  => ['min_price_fen', 'asc'],
	price_desc => ['max_price_fen', 'desc'],
	soon       => ["coalesce(next_start, '9999-12-31') - date '2000-01-01'", 'asc'],
	newest     => ["extract(epoch FROM created_at)", 'desc'],
	rating     => ['coalesce(rating_sum::float8 / nullif(rating_count, 0), -1)', 'desc'],
);
for my $sort (sort keys %sort_sql) {
	my ($expr, $dir) = @{ $sort_sql{$sort} };
	for my $page (1, 2) {
		my @p = CM::card_ids(catalog(sort => $sort, page => $page)->{content});
		my %v = map { split /\|/ } CM::psql("SELECT id, $expr FROM courses WHERE id IN (" . join(',', @p, 0) . ')');
		my @vals = map { $v{$_} } @p;
		my $ordered = 1;
		for my $i (1 .. $#vals) {
			$ordered = 0 if $dir eq 'asc' ? $vals[$i] < $vals[$i - 1] : $vals[$i] > $vals[$i - 1];
		}
		ok(@p == 20 && $ordered, "sort=$sort page $page is ordered by $expr $dir") or diag "@vals";
	}
}
my @cheap = CM::card_ids(catalog(sort => 'price_asc')->{content});
is(CM::psql("SELECT min_price_fen FROM courses WHERE id = $cheap[0]"),
   CM::psql("SELECT min(min_price_fen) FROM courses WHERE " . CM::shown()),
   'price_asc starts with the cheapest course');
my @dear = CM::card_ids(catalog(sort => 'price_desc')->{content});
is(CM::psql("SELECT max_price_fen FROM courses WHERE id = $dear[0]"),
   CM::psql("SELECT max(max_price_fen) FROM courses WHERE " . CM::shown()),
   'price_desc starts with the dearest course');
$r = catalog(q => '手机', sort => 'price_asc', fee => 'free');
CM::has($r->{content}, qr{<option value="price_asc" selected>}, 'the sort in force is selected in the form');
CM::has($r->{content}, qr{<input type="hidden" name="q" value="手机">}, 'the sort form keeps q');
CM::has($r->{content}, qr{<input type="hidden" name="fee" value="free">}, 'the sort form keeps fee');

# --- paging ---------------------------------------------------------------------------------------
my ($aud, $aud_n) = split /\|/, CM::psql("SELECT audience, count(*) FROM courses WHERE " . CM::shown()
	. " GROUP BY 1 HAVING count(*) BETWEEN 41 AND 200 ORDER BY 2 DESC LIMIT 1");
SKIP: {
	skip 'no audience with 41 to 200 courses', 12 unless $aud;
	my $pages = int(($aud_n + 19) / 20);
	my (%seen, $dups);
	my @p1 = CM::card_ids(catalog(audience => $aud)->{content});
	my @p2 = CM::card_ids(catalog(audience => $aud, page => 2)->{content});
	is(scalar @p1, 20, "audience=$aud page 1 has 20 courses");
	my %in1 = map { $_ => 1 } @p1;
	ok(@p2 && !grep({ $in1{$_} } @p2), 'page 2 has other courses than page 1');
	for my $page (1 .. $pages) {
		for (CM::card_ids(catalog(audience => $aud, page => $page)->{content})) { $dups++ if $seen{$_}++ }
	}
	is($dups // 0, 0, 'no course is on two pages');
	is_deeply([sort { $a <=> $b } keys %seen], [sql_ids(audience => $aud)], "the $pages pages hold exactly the matching courses");
	$r = catalog(audience => $aud, page => 2);
	my $status = CM::text(($r->{content} =~ m{<p class="pager-status">(.*?)</p>}s)[0]);
	like($status, qr/2\D+$pages/, "the pager says page 2 of $pages");
	CM::has($r->{content}, qr{<a href="/courses\?audience=$aud" rel="prev">}, 'the previous link keeps the filter (and drops page=1)');
	CM::has($r->{content}, qr{<a href="/courses\?audience=$aud&amp;page=3" rel="next">}, 'the next link keeps the filter') if $pages >= 3;
	$r = catalog(audience => $aud, page => $pages);
	CM::hasnt($r->{content}, qr{rel="next"}, 'the last page has no next link');

	$r = catalog(audience => $aud, page => $pages + 1);
	is($r->{status}, 200, 'a page past the last is 200');
	my @none = CM::card_ids($r->{content});
	is(scalar @none, 0, '… with no courses');
	CM::has(CM::text($r->{content}), qr/\Q@{[CM::lang_str('zh-CN', 'catalog.page_empty')]}\E/,
	     '… and says this page has no more courses (not "nothing found")')
		or diag 'total shown: ', CM::catalog_total($r->{content});
	CM::has($r->{content}, qr{<a href="/courses\?audience=$aud">\Q@{[CM::lang_str('zh-CN', 'catalog.back_first')]}\E</a>},
	     '… with a link back to the first page that keeps the filter');
}
$r = catalog(page => 1000);
is($r->{status}, 200, 'page=1000 is allowed');

# --- bad values: 400 naming the parameter, never 500 ----------------------------------------------
my $max_district = CM::psql('SELECT max(id) FROM regions') + 1000;
for my $bad ([page => 0], [page => 1001], [page => 'abc'], [page => -1], [page => '1.5'], [page => '1e3'],
	[page => ' 2'], [fee => 'gratis'], [fee => 'FREE'], [mode => 'tv'], [audience => 'aliens'],
	[sort => 'random'], [sort => 'price_asc;drop'], [soon => 2], [cat => 'Not_A_Slug'],
	[cat => '../../etc'], [cat => 'x' x 41], [district => 0], [district => 'abc'], [district => -3],
	[district => '99999999999'], [cat => 'no-such-category'], [district => $max_district])
{
	my ($name, $value) = @$bad;
	$r = catalog(@$bad);
	is($r->{status}, 400, "$name=$value is 400") or diag CM::brief($r);
	is(CM::error_detail($r->{content}), CM::lang_str('zh-CN', "param.$name"),
	   "… and the page names the parameter in Chinese");
}
$r = CM::get('/courses?page=0', headers => { Cookie => 'lang=en' }, jar => CM::jar());
is($r->{status}, 400, 'page=0 in English is 400');
CM::has($r->{content}, qr{<html lang="en"}, '… in English');
is(CM::error_detail($r->{content}), CM::lang_str('en', 'param.page'), '… naming the parameter in English');
is(CM::text((CM::h1s($r->{content}))[0]), CM::lang_str('en', 'error.bad_param.title'), '… under the English title');
is(scalar(() = CM::h1s($r->{content})), 1, '… with one <h1>');
$r = CM::get('/courses?page=abc', jar => CM::jar());
is(CM::text((CM::h1s($r->{content}))[0]), CM::lang_str('zh-CN', 'error.bad_param.title'), 'the Chinese 400 title');
is(CM::error_detail($r->{content}), CM::lang_str('zh-CN', 'param.page'), '… naming 页码');

# --- the bigram index ------------------------------------------------------------------------------
my $root = $ENV{CM_ROOT} // "$FindBin::Bin/../..";
my $sql = `"$root/coursemart" sql catalog_results`;
like($sql // '', qr/\bSELECT\b.*\$11/s, 'coursemart sql catalog_results prints the statement');
$sql =~ s/;?\s*\z//;
# A running system has planner statistics and a vacuumed table (autovacuum). A freshly loaded test
# database has neither yet: the demo loader's course-facts trigger rewrites every course row, so the
# table is two-thirds dead tuples until autovacuum comes by. Do autovacuum's work first.
CM::psql("VACUUM ANALYZE courses;\nANALYZE categories;\nANALYZE agencies;\nANALYZE offerings;");
for my $q ('手机', '智能手机', '机') {
	my $plan = join "\n", CM::psql("SET plan_cache_mode = force_custom_plan;\nPREPARE p AS $sql;\n"
		. "EXPLAIN (COSTS OFF) EXECUTE p('$q', NULL, NULL, NULL, NULL, NULL, NULL, 'zh-CN', 'relevance', 20, 0);");
	like($plan, qr/Bitmap Index Scan on courses_grams_idx/,
	     "the catalog query for '$q' (" . length($q) . ' characters) uses the bigram GIN index')
		or diag $plan;
}
# The app lets PostgreSQL keep a generic plan for its prepared statement: that one must use the index
# too, with the bigrams computed from $1 at run time.
my $generic = join "\n", CM::psql("SET plan_cache_mode = force_generic_plan;\nPREPARE p AS $sql;\n"
	. "EXPLAIN (COSTS OFF) EXECUTE p('手机', NULL, NULL, NULL, NULL, NULL, NULL, 'zh-CN', 'relevance', 20, 0);");
like($generic, qr/Bitmap Index Scan on courses_grams_idx\s*\n\s*Index Cond: \(search_grams @> query_bigrams\(\$1\)\)/,
     "the generic plan uses the index with query_bigrams(\$1) as its key") or diag $generic;
my $plan = join "\n", CM::psql("EXPLAIN (COSTS OFF) SELECT id FROM courses WHERE search_grams @> query_bigrams('手机')");
like($plan, qr/courses_grams_idx/, 'query_bigrams() is IMMUTABLE: folded to a constant the index serves') or diag $plan;
is(CM::psql("SELECT query_bigrams('手机')"), '{手机}', "query_bigrams('手机') is {手机}");
is(CM::psql("SELECT array_to_string(ARRAY(SELECT unnest(query_bigrams('智能手机')) ORDER BY 1), ',')"),
   CM::psql("SELECT array_to_string(ARRAY(SELECT unnest(ARRAY['智能','能手','手机']) ORDER BY 1), ',')"),
   'query_bigrams() of a four-character word is its three pairs');

done_testing();
