# Escaping: text that agencies and users type is shown as text, never as markup. Rows inserted with
# SQL (an agency, a learning site, a listed course whose title is <script>alert("x")</script>测试课程,
# and a class of that course at that site, every text field carrying markup, quotes and ampersands)
# must come out escaped on the catalog's search results, the course page (including <title> and the
# meta description attribute), the agency page, the site page, the sites list and the map; a q
# parameter with markup is echoed escaped in the search boxes, the heading, the hidden sort inputs
# and the links, also on a 404 page. The rows are deleted at the end, whatever happens. Pages are
# asked for with CM::nocache, so the app's page cache cannot hide the new rows.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use CM;
use Test::More;
use Encode ();
CM::tap_utf8();

my $TITLE   = '<script>alert("x")</script>测试课程';
my $SUMMARY = '"quotes" & <b>tags</b> 转义测试摘要';
my $DESC    = "第一段 <img src=x onerror=alert(1)>\n\n第二段 </p><script>bad()</script> & 'single'";
my $AGENCY  = '<i>转义测试</i>机构 & "引号"';
my $SITE    = '<u>转义测试学习点</u> "&\'';
my $ADDRESS = '测试路 <script>addr()</script> 1 号';
my $CLASS   = '<em>转义班</em> & 1';
my $SCHED   = '每周一 "9:00" <br> & 下午';

# What none of the pages may contain: any of these would be live markup.
my @RAW = ('<script>alert(', '<b>tags</b>', '<img src=x', '<i>转义测试</i>', '<u>转义测试学习点</u>',
	'<script>addr()', '<em>转义班</em>', '<script>bad()', '"quotes"', '<br> &');

my ($agency_id, $course_id, $site_id, $offering_id);

sub cleanup {
	my @sql;
	push @sql, "DELETE FROM offerings WHERE course_id = $course_id;", "DELETE FROM courses WHERE id = $course_id;"
		if $course_id;
	push @sql, "DELETE FROM sites WHERE id = $site_id;" if $site_id;
	push @sql, "DELETE FROM agencies WHERE id = $agency_id;" if $agency_id;
	CM::psql(join "\n", @sql) if @sql;
	($agency_id, $course_id, $site_id, $offering_id) = ();
}
END { eval { cleanup() }; diag "cleanup failed: $@" if $@ }

# --- the rows -------------------------------------------------------------------------------------
my ($region, $parent, $plat, $plng) = split /\|/, CM::psql(
	"SELECT region_id, id, lat, lng FROM sites WHERE level = 3 ORDER BY id LIMIT 1");
my $cat_id = CM::psql("SELECT id FROM categories ORDER BY sort, id LIMIT 1");
my $code = sprintf '9199%014d', $$ * 1000 + time % 1000;
($agency_id) = CM::psql(
	"INSERT INTO agencies (name, credit_code, region_id, intro, address, contact_phone)"
	. " VALUES (" . join(', ', map { CM::sql_str($_) } $AGENCY, $code, $region,
		"简介 <script>intro()</script>\n\n& 第二段", $ADDRESS, '0571-1234567') . ") RETURNING id");
($site_id) = CM::psql(
	"INSERT INTO sites (parent_id, level, region_id, name, address, lat, lng, description, opening_hours)"
	. " VALUES ($parent, 4, $region, " . CM::sql_str($SITE) . ', ' . CM::sql_str($ADDRESS)
	. ", $plat + 0.0005, $plng + 0.0005, " . CM::sql_str($DESC) . ", '周一至周五 <b>9:00</b>') RETURNING id");
($course_id) = CM::psql(
	"INSERT INTO courses (agency_id, category_id, title, summary, description, audience, mode, credits, hours,"
	. " status, listed_at)"
	. " VALUES ($agency_id, $cat_id, " . join(', ', map { CM::sql_str($_) } $TITLE, $SUMMARY, $DESC)
	. ", 'seniors', 'offline', 1, 8, 'listed', now()) RETURNING id");
($offering_id) = CM::psql(
	"INSERT INTO offerings (course_id, site_id, name, starts_on, ends_on, schedule, capacity, seats_taken,"
	. " price_fen, enroll_opens_at, enroll_closes_at)"
	. " VALUES ($course_id, $site_id, " . CM::sql_str($CLASS) . ", current_date - 400, current_date + 400, "
	. CM::sql_str($SCHED) . ", 30, 3, 1234, now() - interval '1 day', now() + interval '30 days') RETURNING id");
ok($agency_id && $site_id && $course_id && $offering_id,
   "inserted agency $agency_id, site $site_id, course $course_id, class $offering_id");

sub pct_decode {
	my ($s) = @_;
	$s =~ tr/+/ /;
	$s =~ s/%([0-9A-Fa-f]{2})/chr hex $1/ge;
	return Encode::decode('UTF-8', $s);
}

# Checks a page: 200, none of the raw strings, and the given texts visible as text.
sub escaped_page {
	my ($what, $path, @visible) = @_;
	my $r = CM::get(CM::nocache($path), jar => CM::jar());    # rows just inserted: no cached copy
	is($r->{status}, 200, "$what: $path is 200") or diag CM::brief($r);
	my $html = $r->{content} // '';
	my @found = grep { index($html, $_) >= 0 } @RAW;
	is_deeply(\@found, [], "$what: no markup from the data comes out raw");
	my $text = CM::text($html);
	for my $v (@visible) {
		ok(index($text, $v) >= 0, "$what: shows " . substr($v, 0, 24) . '… as text');
	}
	return $html;
}

# --- the pages ------------------------------------------------------------------------------------
my $html = escaped_page('catalog', '/courses?' . CM::urlencode([q => '测试课程']), $TITLE, $SUMMARY);
ok(grep({ $_ == $course_id } CM::card_ids($html)), 'the search finds the course');
CM::has($html, qr{&lt;script&gt;alert\(&quot;x&quot;\)&lt;/script&gt;测试课程},
	'the title is HTML-escaped (&lt;script&gt;, &quot;)');
CM::has($html, qr{&quot;quotes&quot; &amp; &lt;b&gt;tags&lt;/b&gt;}, 'the summary is HTML-escaped');

$html = escaped_page('course page', "/courses/$course_id", $TITLE, $SUMMARY, '第一段 <img src=x onerror=alert(1)>',
	"第二段 </p><script>bad()</script> & 'single'", $AGENCY, $SITE, $ADDRESS, $CLASS, $SCHED);
is(CM::text((CM::h1s($html))[0]), $TITLE, 'the <h1> is the title, as text');
my ($title_tag) = $html =~ m{<title>(.*?)</title>}s;
ok(index(CM::html_unescape($title_tag // ''), $TITLE) == 0, '<title> starts with the title, escaped')
	or diag $title_tag;
my ($meta) = $html =~ m{<meta name="description" content="([^"]*)">};
is(CM::html_unescape($meta // ''), $SUMMARY, 'the meta description attribute holds the summary, escaped');
CM::has($html, qr{<a href="/sites/$site_id">}, 'the class links to its site');
CM::has($html, qr{¥12\.34}, 'the price is shown');

$html = escaped_page('agency page', "/agencies/$agency_id", $AGENCY, $TITLE, '简介 <script>intro()</script>');
is(CM::text((CM::h1s($html))[0]), $AGENCY, "the agency page's <h1> is its name, as text");
ok(grep({ $_ == $course_id } CM::card_ids($html)), 'the agency page lists the course');

$html = escaped_page('site page', "/sites/$site_id", $SITE, $ADDRESS, $TITLE, $CLASS, $SCHED,
	'第一段 <img src=x onerror=alert(1)>', '周一至周五 <b>9:00</b>');
is(CM::text((CM::h1s($html))[0]), $SITE, "the site page's <h1> is its name, as text");
CM::has($html, qr{<a href="/courses/$course_id">}, 'the site page links to the course');

$html = escaped_page('sites list', "/sites?level=4", $SITE, $ADDRESS);

$html = escaped_page('map', '/map?' . CM::urlencode([lat => sprintf('%.6f', $plat + 0.0005),
	lng => sprintf('%.6f', $plng + 0.0005), walk => 1]), $SITE, $TITLE);
my ($li) = $html =~ m{(<li data-lat="[^"]*" data-lng="[^"]*" data-name="[^"]*" data-href="/sites/$site_id">)};
ok($li, 'the map lists the site with its data-* attributes');
my ($dn) = ($li // '') =~ /data-name="([^"]*)"/;
is(CM::html_unescape($dn // ''), $SITE, 'data-name holds the name, attribute-escaped');

# --- a q parameter with markup --------------------------------------------------------------------
for my $q ('<script>alert(1)</script>', '"><svg onload=alert(1)>', "'><img src=x onerror=alert(1)>") {
	my $r = CM::get('/courses', query => [q => $q, fee => 'free'], jar => CM::jar());
	is($r->{status}, 200, "q=$q is 200");
	my $h = $r->{content};
	my @bad = grep { index($h, $_) >= 0 } ('<script>alert(1)', '<svg onload', '<img src=x', '"><svg', "'><img");
	is_deeply(\@bad, [], "q=$q: echoed nowhere as markup");
	is(CM::form_value($h, 'q'), $q, 'the search box holds the query, escaped in its value');
	like(CM::text((CM::h1s($h))[0]), qr/\Q$q\E/, 'the heading shows the query as text');
	my @hidden = $h =~ m{<input type="hidden" name="q" value="([^"]*)">}g;
	is(CM::html_unescape($hidden[0] // ''), $q, 'the sort form keeps the query, escaped');
	my @links = map { CM::html_unescape($_) } $h =~ m{href="(/courses\?[^"]*)"}g;
	ok(@links && !grep({ m{[<>"' ]} } @links), 'every catalog link carries the query percent-encoded');
	my @qs = map { /[?&]q=([^&]*)/ ? pct_decode($1) : () } @links;
	ok(@qs && !grep({ $_ ne $q } @qs), 'and each of them keeps exactly the query');
}
my $r = CM::get('/no-such-page', query => [q => '<script>alert(1)</script>'], jar => CM::jar());
is($r->{status}, 404, 'a 404 with a q parameter');
CM::hasnt($r->{content}, qr{<script>alert}, 'the 404 page does not echo the query raw');
is(CM::form_value($r->{content}, 'q'), '<script>alert(1)</script>', "the 404 page's search box holds it escaped");
$r = CM::get('/courses', query => [q => '<script>', page => 0], jar => CM::jar());
is($r->{status}, 400, 'a 400 with a q parameter');
CM::hasnt($r->{content}, qr{<script>[^<]*$|value="<script>}m, 'the 400 page does not echo it raw');

# --- cleanup --------------------------------------------------------------------------------------
my $cid = $course_id;
cleanup();
is(CM::psql("SELECT count(*) FROM courses WHERE id = $cid"), 0, 'the test rows are gone');
is(CM::eventually(sub { CM::get("/courses/$cid", jar => CM::jar()) }, sub { $_[0]{status} == 404 })->{status}, 404,
   'and the course page with them (at once, or as soon as the cache hears of it)');

done_testing();
