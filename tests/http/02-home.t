# The home page and the site-wide machinery: Chinese by default (html lang="zh-CN", one <h1>), the
# categories with their course counts (checked against SQL) linking /courses?cat=…, the courses open
# for enrollment now, the sites nearest the centre in distance order; English from Accept-Language,
# the lang cookie winning over Accept-Language; /prefs setting the language and text-size cookies
# and redirecting only to local paths (no open redirect, no header injection); the large-text
# class; the security headers on every page; /accessibility and /privacy.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use CM;
use Test::More;
CM::tap_utf8();

my $zh = CM::jar();

# --- Chinese by default ---------------------------------------------------------------------------
my $r = CM::get('/', jar => $zh);
is($r->{status}, 200, 'GET / is 200') or diag CM::brief($r);
like($r->{headers}{'content-type'} // '', qr{\Atext/html;\s*charset=utf-8\z}i, 'HTML in UTF-8');
my $html = $r->{content} // '';
CM::has($html, qr{<html lang="zh-CN"}, 'html lang="zh-CN" by default');
is($r->{headers}{'content-language'}, 'zh-CN', 'Content-Language: zh-CN');
is(scalar(() = CM::h1s($html)), 1, 'exactly one <h1>');
is(CM::text((CM::h1s($html))[0]), CM::lang_str('zh-CN', 'home.heading'), 'the Chinese heading');
CM::has($html, qr{<form[^>]*role="search"[^>]*action="/courses"}, 'a search form posting to /courses');
CM::hasnt($html, qr{class="large-text"}, 'no large-text class without the cookie');

# --- security headers -----------------------------------------------------------------------------
my $h = $r->{headers};
like($h->{'content-security-policy'} // '', qr/default-src 'self'/, 'CSP with default-src self');
like($h->{'content-security-policy'} // '', qr/frame-ancestors 'none'/, 'CSP forbids framing');
unlike($h->{'content-security-policy'} // '', qr/unsafe-inline|unsafe-eval/, 'CSP has no unsafe-*');
is($h->{'x-content-type-options'}, 'nosniff', 'X-Content-Type-Options: nosniff');
is($h->{'x-frame-options'}, 'DENY', 'X-Frame-Options: DENY');
ok($h->{'referrer-policy'}, "Referrer-Policy: $h->{'referrer-policy'}");
like($h->{vary} // '', qr/Cookie/, 'Vary names Cookie (pages differ by language cookie)');
like($h->{vary} // '', qr/Accept-Language/, 'Vary names Accept-Language');
ok(!exists $h->{'set-cookie'}, 'an anonymous visit sets no cookie');

# --- categories with counts -----------------------------------------------------------------------
my %sql_count = map { split /\|/ } CM::psql(
	"SELECT cat.slug, count(c.id) FROM categories cat"
	. " LEFT JOIN courses c ON c.category_id = cat.id AND " . CM::shown('c') . " GROUP BY cat.slug");
my %shown;
while ($html =~ m{<a class="category-tile" href="/courses\?cat=([a-z0-9-]+)">(.*?)</a>}gs) {
	my ($slug, $inner) = ($1, $2);
	my ($n) = $inner =~ m{class="category-count">\s*(\d+)};
	$shown{$slug} = $n;
}
is(scalar(keys %shown), scalar(keys %sql_count), 'every category is on the home page')
	or diag explain [sort keys %shown];
is_deeply(\%shown, \%sql_count, 'each category shows its number of listed courses (as SQL counts)');
my ($slug) = grep { $sql_count{$_} > 0 } sort keys %sql_count;
$r = CM::get("/courses?cat=$slug");
is(CM::catalog_total($r->{content}), $sql_count{$slug}, "the link /courses?cat=$slug finds as many");

# --- open for enrollment now ----------------------------------------------------------------------
my $open = CM::section($html, qr{<section[^>]*aria-labelledby="open-heading"});
my @open_ids = CM::card_ids($open);
my $n_open_sql = CM::psql(<<"SQL");
SELECT count(*) FROM courses c
 WHERE @{[CM::shown('c')]} AND EXISTS (
       SELECT 1 FROM offerings o WHERE o.course_id = c.id AND o.status = 'open'
          AND o.seats_taken < o.capacity AND o.starts_on >= current_date
          AND now() BETWEEN o.enroll_opens_at AND o.enroll_closes_at)
SQL
ok(@open_ids > 0 || $n_open_sql == 0, 'courses open for enrollment are listed (' . @open_ids . ')');
ok(@open_ids <= 8, 'at most 8 of them');
if (@open_ids) {
	my $bad = CM::psql(<<"SQL");
SELECT count(*) FROM unnest(ARRAY[@{[join ',', @open_ids]}]) AS x(id)
 WHERE NOT EXISTS (SELECT 1 FROM offerings o WHERE o.course_id = x.id AND o.status = 'open'
                     AND o.seats_taken < o.capacity AND now() BETWEEN o.enroll_opens_at
                     AND o.enroll_closes_at)
SQL
	is($bad, 0, 'each of them has an open class with seats whose enrollment window is now');
}

# --- nearest sites --------------------------------------------------------------------------------
my $sites = CM::section($html, qr{<section[^>]*aria-labelledby="sites-heading"});
my @site_ids = $sites =~ m{<h3><a href="/sites/(\d+)">}g;
my @dist = map { /([\d.]+)\s*(公里|米)/ ? ($2 eq '公里' ? $1 * 1000 : $1) : () }
	$sites =~ m{<p>\Q@{[CM::lang_str('zh-CN', 'home.distance')]}\E\s*([^<]*)</p>}g;
ok(@site_ids >= 1, 'the nearest sites are listed (' . @site_ids . ')');
is(scalar @dist, scalar @site_ids, 'each with its distance');
my @sorted = sort { $a <=> $b } @dist;
is_deeply(\@dist, \@sorted, 'in ascending distance');
my ($clat, $clng) = CM::city_centre();
my @want = CM::psql("SELECT id FROM sites ORDER BY distance_m($clat, $clng, lat, lng), id LIMIT "
	. scalar @site_ids);
is_deeply(\@site_ids, \@want, 'the same sites, in the same order, as SQL finds nearest the centre');

# --- languages ------------------------------------------------------------------------------------
my $en = CM::jar();
$r = CM::get('/', jar => $en, headers => { 'Accept-Language' => 'en-GB,en;q=0.9' });
CM::has($r->{content}, qr{<html lang="en"}, 'Accept-Language: en gives English');
is(CM::text((CM::h1s($r->{content}))[0]), CM::lang_str('en', 'home.heading'), 'the English heading');
is($r->{headers}{'content-language'}, 'en', 'Content-Language: en');

$r = CM::get('/', jar => $en, headers => { 'Accept-Language' => 'fr-FR, en;q=0.5, zh-CN;q=0.8' });
CM::has($r->{content}, qr{<html lang="zh-CN"}, 'Accept-Language q values are weighed (zh 0.8 > en 0.5)');
$r = CM::get('/', jar => $en, headers => { 'Accept-Language' => 'de, fr' });
CM::has($r->{content}, qr{<html lang="zh-CN"}, 'no supported language: Chinese');

$r = CM::get('/', headers => { 'Accept-Language' => 'en', Cookie => 'lang=zh-CN' }, jar => CM::jar());
CM::has($r->{content}, qr{<html lang="zh-CN"}, 'the lang=zh-CN cookie wins over Accept-Language: en');
$r = CM::get('/', headers => { 'Accept-Language' => 'zh-CN', Cookie => 'lang=en' }, jar => CM::jar());
CM::has($r->{content}, qr{<html lang="en"}, 'the lang=en cookie wins over Accept-Language: zh-CN');
$r = CM::get('/', headers => { 'Accept-Language' => 'en', Cookie => 'lang=xx' }, jar => CM::jar());
CM::has($r->{content}, qr{<html lang="en"}, 'an unknown lang cookie is ignored');

# The switch link on a page points at /prefs with the page itself as next.
$r = CM::get('/courses?fee=free', jar => CM::jar());
my ($switch) = $r->{content} =~ m{<a href="(/prefs\?lang=en[^"]*)"};
ok($switch, 'the language switch links to /prefs?lang=en');
is(CM::html_unescape($switch // ''), '/prefs?lang=en&next=%2Fcourses%3Ffee%3Dfree',
   'with the current page as next');

# --- /prefs ---------------------------------------------------------------------------------------
my $j = CM::jar();
$r = CM::get('/prefs?lang=en&next=/courses', jar => $j);
is($r->{status}, 303, '/prefs?lang=en&next=/courses is 303');
is($r->{headers}{location}, '/courses', '… to /courses');
like($r->{headers}{'set-cookie'} // '', qr/\Alang=en;.*Path=\//, '… setting lang=en for the whole site');
like($r->{headers}{'set-cookie'} // '', qr/HttpOnly/i, '… HttpOnly');
like($r->{headers}{'set-cookie'} // '', qr/SameSite=Lax/i, '… SameSite=Lax');
like($r->{headers}{'set-cookie'} // '', qr/Max-Age=\d{6,}/i, '… kept for a long time');
$r = CM::get('/courses', jar => $j);
CM::has($r->{content}, qr{<html lang="en"}, 'the next page is in English');
is(CM::text((CM::h1s($r->{content}))[0]), CM::lang_str('en', 'catalog.title'), 'English catalog heading');
$r = CM::get('/prefs?lang=zh-CN', jar => $j);
is($r->{headers}{location}, '/', 'without next, back to /');
CM::has(CM::get('/', jar => $j)->{content}, qr{<html lang="zh-CN"}, 'and back in Chinese');

for my $next ('//evil.com', 'http://evil.com', 'https://evil.com/x', '/\\evil.com', '\\\\evil.com',
	'evil.com', "/\x{0d}\x{0a}Set-Cookie: owned=1", 'javascript:alert(1)', ' //evil.com')
{
	$r = CM::get('/prefs', query => [lang => 'en', next => $next], jar => CM::jar());
	(my $shown = $next) =~ s/[\r\n]/?/g;
	ok($r->{status} == 303 && ($r->{headers}{location} // '') eq '/',
	   "next=$shown redirects to / (no open redirect)") or diag CM::brief($r), ' -> ', $r->{headers}{location} // '';
	ok(!grep(/owned/, ref $r->{headers}{'set-cookie'} ? @{ $r->{headers}{'set-cookie'} }
	                                                 : ($r->{headers}{'set-cookie'} // '')),
	   "next=$shown sets no injected cookie");
}
$r = CM::get('/prefs', query => [lang => 'en', next => '/courses?q=x&fee=free'], jar => CM::jar());
like($r->{headers}{location} // '', qr{\A/courses\?q=x&fee=free\z}, 'a local next with a query string is kept');

$r = CM::get('/prefs?lang=fr', jar => CM::jar());
is($r->{status}, 400, '/prefs?lang=fr is 400');
is(CM::error_detail($r->{content}), CM::lang_str('zh-CN', 'param.lang'), '… naming the language parameter');
$r = CM::get('/prefs?text=huge', jar => CM::jar());
is($r->{status}, 400, '/prefs?text=huge is 400');

# --- large text -----------------------------------------------------------------------------------
my $big = CM::jar();
$r = CM::get('/prefs?text=large&next=/courses', jar => $big);
is($r->{status}, 303, '/prefs?text=large is 303');
is($r->{headers}{location}, '/courses', '… to next');
is(CM::cookie('text', $big), 'large', '… setting text=large');
for my $path ('/', '/courses', '/sites', '/map', '/no-such-page') {
	$r = CM::get($path, jar => $big);
	CM::has($r->{content}, qr{class="large-text"}, "$path carries class=\"large-text\"");
}
CM::has($r->{content}, qr{href="/prefs\?text=standard}, 'and offers the way back to standard text');
CM::get('/prefs?text=standard', jar => $big);
CM::hasnt(CM::get('/', jar => $big)->{content}, qr{class="large-text"}, 'text=standard turns it off');

# --- the about pages ------------------------------------------------------------------------------
for my $path ('/accessibility', '/privacy') {
	for my $lang ('zh-CN', 'en') {
		$r = CM::get($path, headers => { Cookie => "lang=$lang" }, jar => CM::jar());
		is($r->{status}, 200, "$path ($lang) is 200");
		CM::has($r->{content}, qr{<html lang="\Q$lang\E"}, "$path ($lang) is in $lang");
		is(scalar(() = CM::h1s($r->{content})), 1, "$path ($lang) has one <h1>");
	}
}

done_testing();
