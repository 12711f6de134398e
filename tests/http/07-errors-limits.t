# Errors and limits over the real stack: the 404 page in Chinese and English (one <h1>, a search
# box, no-store); a POST to a GET route → 405 with Allow (and the reverse); other methods; a query
# string over the app's 4 KB limit and a request line over nginx's 8 KB buffer → 414 explained in
# Chinese; a 9 MB body → 413 explained in Chinese; bad percent-encoding, invalid UTF-8 and NUL → 400
# with a Chinese page; oversized and malformed cookies; HEAD without a body; and a loop of hostile
# requests of which none may get a 500.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use CM;
use Test::More;
CM::tap_utf8();

sub req { my ($m, $path, %o) = @_; return CM::request($m, $path, jar => CM::jar(), %o) }
sub zh_page {    # an HTML page of the app (or nginx's static error pages) that explains in Chinese
	my ($r) = @_;
	return ($r->{headers}{'content-type'} // '') =~ m{\Atext/html}
		&& ($r->{content} // '') =~ /<html lang="zh-CN"/
		&& ($r->{content} // '') =~ /\p{Han}{4}/;
}

# --- 404 ------------------------------------------------------------------------------------------
my $r = req(GET => '/no/such/page');
is($r->{status}, 404, 'an unknown path is 404');
ok(zh_page($r), '… a Chinese HTML page');
is(scalar(() = CM::h1s($r->{content})), 1, '… with one <h1>');
is(CM::text((CM::h1s($r->{content}))[0]), CM::lang_str('zh-CN', 'error.not_found.title'), '… saying what is wrong');
CM::has($r->{content}, qr{<form[^>]*action="/courses"}, '… offering a search');
CM::has($r->{content}, qr{href="/"}, '… and a way home');
like($r->{headers}{'cache-control'} // '', qr/no-store/, '… not cached');
ok($r->{headers}{'content-security-policy'}, '… with the security headers');
$r = req(GET => '/no/such/page', headers => { Cookie => 'lang=en' });
is($r->{status}, 404, 'in English: 404');
CM::has($r->{content}, qr{<html lang="en"}, '… an English page');
is(CM::text((CM::h1s($r->{content}))[0]), CM::lang_str('en', 'error.not_found.title'), '… saying what is wrong in English');
$r = req(GET => '/no/such/page', headers => { 'Accept-Language' => 'en-US' });
CM::has($r->{content}, qr{<html lang="en"}, 'Accept-Language: en gives the English 404 too');
for my $path ('/courses/', '/Courses', '/courses/1/offerings', '/static/nope.css', '/index.php', '/.env', '/.git/config') {
	$r = req(GET => $path);
	is($r->{status}, 404, "$path is 404") or diag CM::brief($r);
}

# --- methods --------------------------------------------------------------------------------------
$r = CM::post('/courses', { q => 'x' }, jar => CM::jar());
is($r->{status}, 405, 'POST to a GET route is 405');
like($r->{headers}{allow} // '', qr/\bGET\b/, '… with Allow: GET');
like($r->{headers}{allow} // '', qr/\bHEAD\b/, '… and HEAD');
unlike($r->{headers}{allow} // '', qr/POST/, '… not POST');
ok(zh_page($r), '… and a Chinese page');
is(CM::text((CM::h1s($r->{content}))[0]), CM::lang_str('zh-CN', 'error.method_not_allowed.title'), '… saying so');
$r = req(GET => '/logout');
is($r->{status}, 405, 'GET /logout is 405');
is($r->{headers}{allow}, 'POST', '… with Allow: POST');
for my $m (qw(PUT DELETE PATCH OPTIONS)) {
	$r = req($m => '/courses');
	ok($r->{status} == 405 || $r->{status} == 501 || $r->{status} == 400, "$m /courses is refused ($r->{status})");
}
$r = req(PROPFIND => '/');
ok($r->{status} >= 400 && $r->{status} < 500, "an unknown method is a 4xx ($r->{status})");

# --- HEAD -----------------------------------------------------------------------------------------
for my $path ('/', '/courses?q=%E6%89%8B%E6%9C%BA', '/no/such/page', '/courses?page=0') {
	my $g = req(GET => $path);
	$r = req(HEAD => $path);
	is($r->{status}, $g->{status}, "HEAD $path has GET's status ($g->{status})");
	is($r->{raw}, '', "HEAD $path has no body");
	is($r->{headers}{'content-type'}, $g->{headers}{'content-type'}, "HEAD $path has GET's Content-Type");
}

# --- 414 ------------------------------------------------------------------------------------------
$r = req(GET => '/courses?q=' . ('a' x 5000));
is($r->{status}, 414, 'a 5000-byte query string is 414');
ok(zh_page($r), '… explained in Chinese');
like(CM::text($r->{content}), qr/\Q@{[CM::lang_str('zh-CN', 'error.uri_too_long.title')]}\E/, '… saying the address is too long');
$r = req(GET => '/courses?q=' . ('b' x 9000));
is($r->{status}, 414, 'a 9000-byte request line (past nginx\'s buffer) is 414');
ok(zh_page($r), '… explained in Chinese (nginx\'s static page)');
$r = req(GET => '/' . ('c' x 1100));
ok($r->{status} == 414 || $r->{status} == 404, "a 1100-byte path is refused ($r->{status})");
ok(zh_page($r), '… with a Chinese page');

# --- 413 ------------------------------------------------------------------------------------------
$r = req(POST => '/logout', content => 'a' x (9 * 1024 * 1024),
	headers => { 'Content-Type' => 'application/x-www-form-urlencoded' });
is($r->{status}, 413, 'a 9 MB POST body is 413');
ok(zh_page($r), '… explained in Chinese');
like(CM::text($r->{content}), qr/太大/, '… saying it is too large');
my @pairs = map { ("f$_", 'v') } 1 .. 300;
$r = CM::post('/logout', \@pairs, jar => CM::jar());
ok($r->{status} == 413 || $r->{status} == 400 || $r->{status} == 403, "a form with 300 fields is refused ($r->{status})");
ok(zh_page($r), '… with a Chinese page');
$r = req(GET => '/courses?' . join('&', map { "x$_=1" } 1 .. 300));
ok($r->{status} == 413 || $r->{status} == 400 || $r->{status} == 414, "a query with 300 parameters is refused ($r->{status})");
ok(zh_page($r), '… with a Chinese page');

# --- malformed input: 400 with a Chinese page -----------------------------------------------------
for my $case (['bad percent-encoding', '/courses?q=%ZZ'], ['a truncated escape', '/courses?q=%E6%89'],
	['a lone %', '/courses?q=100%'], ['invalid UTF-8', '/courses?q=%FF'],
	['an overlong UTF-8 slash', '/courses?q=%C0%AF'], ['a UTF-16 surrogate', '/courses?q=%ED%A0%80'],
	['a NUL', '/courses?q=a%00b'], ['a NUL in a name', '/courses?q%00=1'], ['a control character', '/courses?q=a%01b'],
	['a DEL', '/courses?q=a%7Fb'], ['a C1 control', '/courses?q=a%C2%85b'], ['a NUL in the path', '/courses/1%00'],
	['bad escape in the path', '/sites/%ZZ'])
{
	my ($what, $path) = @$case;
	$r = req(GET => $path);
	is($r->{status}, 400, "$what ($path) is 400") or diag CM::brief($r);
	ok(zh_page($r), '… with a Chinese page');
	is(scalar(() = CM::h1s($r->{content})), 1, '… with one <h1>');
}
$r = req(GET => '/courses/%FF');
ok($r->{status} == 400 || $r->{status} == 404, "invalid UTF-8 in the path is 400 or 404 ($r->{status})");
ok(zh_page($r), '… with a Chinese page');
$r = req(GET => '/courses?q=%FF', headers => { Cookie => 'lang=en' });
is($r->{status}, 400, 'invalid UTF-8 with the en cookie: 400');
CM::has($r->{content}, qr{<html lang="en"}, '… in English');

# --- cookies --------------------------------------------------------------------------------------
$r = req(GET => '/', headers => { Cookie => 'x=' . ('a' x 7000) });
is($r->{status}, 200, 'a 7000-byte cookie is fine');
$r = req(GET => '/', headers => { Cookie => 'x=' . ('a' x 10000) });
ok($r->{status} >= 400 && $r->{status} < 500, "a 10000-byte cookie is a 4xx ($r->{status})");
ok(zh_page($r), '… with a page that explains it in Chinese') or diag substr($r->{content} // '', 0, 200);
$r = req(GET => '/', headers => { Cookie => join '; ', map { "c$_=v" } 1 .. 300 });
ok($r->{status} == 200 || ($r->{status} >= 400 && $r->{status} < 500), "300 cookies: $r->{status}, not a 5xx");
for my $c ('cm_sid=', 'cm_sid=%%%', 'cm_sid=' . ('A' x 43), 'cm_sid=' . ('A' x 42) . '!', 'lang=en; lang=zh-CN',
	'=nameless', 'cm_sid="unterminated', 'lang="en', 'text=large; text=', ';;;;', 'cm_sid=' . ('_' x 43))
{
	$r = req(GET => '/', headers => { Cookie => $c });
	is($r->{status}, 200, "Cookie: " . substr($c, 0, 30) . " is ignored, page 200") or diag CM::brief($r);
}

# --- nothing hostile gets a 500 -------------------------------------------------------------------
my @hostile = (
	'/courses?q=' . ('%E6%89%8B' x 60), '/courses?q=%27%20OR%201%3D1--', '/courses?q=%5C', '/courses?cat=%27',
	'/courses?district=1%20OR%201', '/courses?page=99999999999999999999', '/courses?page=-0',
	'/courses?sort=price_asc&sort=price_desc', '/courses?q=a&q=b', '/courses?fee[]=free', '/courses?%=x',
	'/courses?&&&=&=', '/courses?q', '/courses?q=+', '/courses?q=%2B', '/courses/2147483647', '/courses/2147483648',
	'/courses/-2147483648', '/courses/00000000000000000001', '/courses/1e9', '/courses/..%2F..%2Fetc%2Fpasswd',
	'/sites/%2e%2e', '/sites?level=%00', '/map?lat=1e308&lng=1e308', '/map?lat=-0&lng=-0&radius=100',
	'/map?lat=89.9999999&lng=179.9999999&radius=50000', '/map?lat=.&lng=-', '/map?lat=1..2', '/map?radius=2147483648',
	'/map?cat=' . ('a' x 41), '/agencies/%20', '/prefs?next=' . ('%2F' x 600), '/prefs?lang=en&next=%0d%0aX:1',
	'/healthz?' . ('x' x 3000), '/static/../cgi-bin/routes.c', '/%2e%2e/%2e%2e/etc/passwd', '/courses?q=%F0%9F%98%80',
	'/courses?q=%E2%80%AE', '/courses?q=%EF%BB%BF', '/courses?' . join('&', map { "cat=x$_" } 1 .. 100),
);
my @fivexx;
for my $path (@hostile) {
	for my $m ('GET', 'HEAD') {
		my $res = req($m => $path);
		push @fivexx, "$m $path → $res->{status}" if $res->{status} >= 500;
	}
}
for my $body ('csrf=%ZZ', "csrf=\xff", 'a=' . ('%00' x 10), '=&=&', 'csrf=' . ('x' x 70000)) {
	my $res = req(POST => '/logout', content => $body, headers => { 'Content-Type' => 'application/x-www-form-urlencoded' });
	push @fivexx, "POST /logout $body → $res->{status}" if $res->{status} >= 500;
}
for my $ct ('multipart/form-data', 'multipart/form-data; boundary=', 'multipart/form-data; boundary=x',
	'application/json', 'text/plain; charset=utf-16')
{
	my $res = req(POST => '/logout', content => "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n",
		headers => { 'Content-Type' => $ct });
	push @fivexx, "POST /logout ($ct) → $res->{status}" if $res->{status} >= 500;
}
is_deeply(\@fivexx, [], 'none of ' . (2 * @hostile + 10) . ' hostile requests gets a 5xx');
is(CM::get('/healthz')->{status}, 200, 'and the service is still healthy');

done_testing();
