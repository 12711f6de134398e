# The page cache (cgi-bin/core/cache.c): each worker keeps whole responses to anonymous GETs of public
# pages. Covers: repeated GETs are served from it (the access log says cache=hit) and are identical;
# HEAD from the cache has no body, and a HEAD filling it leaves a whole page for GET; the key separates languages and the large-text mode; a change to a
# course or to a class's seats (UPDATE via SQL → NOTIFY catalog_changed) shows at once on every worker; a
# logged-in visitor never gets the anonymous copy and never leaves theirs behind; error pages are
# never cached (each 404 has its own request id).
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use CM;
use Test::More;
use Digest::SHA qw(sha256);
use MIME::Base64 qw(encode_base64url);
use Time::HiRes ();
CM::tap_utf8();

my $dir = CM::instance_dir();
my $workers = 1;
if (open my $l, '<', "$dir/log/coursemart.log") {
	while (<$l>) { $workers = $1 if /serving with (\d+) workers/ }
}
my $tries = 2 * $workers + 2;    # enough requests for every worker to have a copy, and some over
diag "$workers workers: $tries requests per check";

sub access_from { my $f = "$dir/log/access.log"; return -s $f // 0 }
sub access_since {    # access-log lines written since offset
	my ($off) = @_;
	open my $fh, '<', "$dir/log/access.log" or return ();
	seek $fh, $off, 0;
	return <$fh>;
}
sub anon { my ($path, %h) = @_; return CM::get($path, jar => CM::jar(), headers => \%h) }

my ($course, $title) = split /\|/, CM::psql(
	"SELECT c.id, c.title FROM courses c JOIN agencies a ON a.id = c.agency_id"
	. " WHERE c.status = 'listed' AND a.status = 'approved' ORDER BY c.id DESC LIMIT 1");
my @restore;
END { eval { CM::psql(join "\n", @restore) if @restore } }

# --- hits -----------------------------------------------------------------------------------------
my $off = access_from();
my @bodies = map { anon("/courses/$course")->{raw} } 1 .. $tries;
is(scalar(grep { $_ ne $bodies[0] } @bodies), 0, "$tries GETs of /courses/$course give the same page");
Time::HiRes::sleep(0.2);    # the access log is written after the response
my @lines = grep { m{ GET /courses/$course route=} } access_since($off);
ok(scalar(grep { /cache=hit/ } @lines) >= 1, 'the access log shows cache hits for it')
	or diag @lines;
my $g = anon("/courses/$course");
my $h = CM::head("/courses/$course", jar => CM::jar());
is($h->{status}, 200, 'HEAD from the cache is 200');
is($h->{raw}, '', '… without a body');
is($h->{headers}{'content-length'}, $g->{headers}{'content-length'}, "… with GET's Content-Length");
is($h->{headers}{'content-type'}, $g->{headers}{'content-type'}, "… and Content-Type");

# A HEAD that fills the cache must not leave a bodiless copy for the GETs after it.
my $site = CM::psql('SELECT max(id) FROM sites');
CM::head("/sites/$site", jar => CM::jar()) for 1 .. $tries;
my @len = map { length anon("/sites/$site")->{raw} } 1 .. $tries;
ok(!grep({ $_ < 1000 || $_ != $len[0] } @len), "GETs after HEADs of /sites/$site all have the whole page") or diag "@len";

# --- the key --------------------------------------------------------------------------------------
for (1 .. $tries) {
	my $zh = anon("/courses/$course");
	my $en = anon("/courses/$course", Cookie => 'lang=en');
	my $al = anon("/courses/$course", 'Accept-Language' => 'en');
	my $lg = anon("/courses/$course", Cookie => 'text=large');
	if ($zh->{content} !~ /<html lang="zh-CN"/ || $en->{content} !~ /<html lang="en"/
		|| $al->{content} !~ /<html lang="en"/ || $lg->{content} !~ /class="large-text"/
		|| $zh->{content} =~ /class="large-text"/)
	{
		fail('languages and text size each get their own copy');
		last;
	}
	pass('languages and text size each get their own copy') if $_ == $tries;
}
my $q1 = anon('/courses?q=%E6%89%8B%E6%9C%BA');
my $q2 = anon('/courses?q=%E6%9C%BA');
isnt(CM::catalog_total($q1->{content}), CM::catalog_total($q2->{content}), 'different queries, different pages');

# --- invalidation ---------------------------------------------------------------------------------
anon("/courses/$course") for 1 .. $tries;    # every worker has a copy
push @restore, 'UPDATE courses SET title = ' . CM::sql_str($title) . " WHERE id = $course;";
my $new = "$title（缓存测试）";
CM::psql('UPDATE courses SET title = ' . CM::sql_str($new) . " WHERE id = $course");
my $first = CM::eventually(sub { anon("/courses/$course") }, sub { index($_[0]{content}, $new) >= 0 }, 2);
ok(index($first->{content}, $new) >= 0, 'a changed title shows (NOTIFY clears the cache)');
my $stale = grep { index(anon("/courses/$course")->{content}, $new) < 0 } 1 .. $tries;
is($stale, 0, "… on every worker ($tries requests, none stale)");
CM::psql(shift @restore);
$stale = grep { index(anon("/courses/$course")->{content}, $new) >= 0 }
	1 .. $tries if CM::eventually(sub { anon("/courses/$course") }, sub { index($_[0]{content}, $new) < 0 }, 2);
is($stale // 0, 0, 'and the old title is back everywhere once restored');

# A seat taken shows at once too (every change to offerings notifies).
my ($oid, $left) = split /\|/, CM::psql("SELECT id, capacity - seats_taken FROM offerings WHERE course_id = $course"
	. " AND status = 'open' AND ends_on >= current_date AND capacity - seats_taken > 6 ORDER BY id LIMIT 1");
SKIP: {
	skip "course $course has no open class with more than 6 seats", 2 unless $oid;
	my $seats = sub {
		my ($row) = anon("/courses/$course")->{content} =~ m{<tr id="offering-$oid">(.*?)</tr>}s;
		return CM::text($row // '') =~ /(?<!\d)(\d+)\s*\Q@{[CM::lang_str('zh-CN', 'course.seats_free_post')]}\E/ ? $1 : -1;
	};
	$seats->() for 1 .. $tries;
	push @restore, "UPDATE offerings SET seats_taken = seats_taken - 1 WHERE id = $oid;";
	CM::psql("UPDATE offerings SET seats_taken = seats_taken + 1 WHERE id = $oid");
	CM::eventually($seats, sub { $_[0] == $left - 1 }, 2);
	my @seen = map { $seats->() } 1 .. $tries;
	is_deeply([grep { $_ != $left - 1 } @seen], [], "a seat taken in class $oid shows on every worker at once (" . ($left - 1) . ' left)');
	CM::psql(pop @restore);
	CM::eventually($seats, sub { $_[0] == $left }, 2);
	@seen = map { $seats->() } 1 .. $tries;
	is_deeply([grep { $_ != $left } @seen], [], "and given back, $left again");
}

# --- sessions -------------------------------------------------------------------------------------
my $hex = do { open my $fh, '<', "$dir/secret.key" or die $!; local $/; <$fh> };
$hex =~ s/\A\s+|\s+\z//g;
my $name = '缓存测试用户' . $$;
my ($uid) = CM::psql('INSERT INTO users (display_name) VALUES (' . CM::sql_str($name) . ') RETURNING id');
my $token = join '', map { chr int rand 256 } 1 .. 32;
my ($sid) = CM::psql("INSERT INTO sessions (token_hash, user_id) VALUES ('\\x" . unpack('H*', sha256($token))
	. "'::bytea, $uid) RETURNING id");
push @restore, "DELETE FROM sessions WHERE id = $sid;", "DELETE FROM users WHERE id = $uid;";
my $cookie = 'cm_sid=' . encode_base64url($token);
my $path = '/courses?q=%E5%A4%AA%E6%9E%81';    # 太极
anon($path) for 1 .. $tries;                  # the anonymous page is cached everywhere
my $mine = grep { index(anon($path, Cookie => $cookie)->{content}, $name) < 0 } 1 .. $tries;
is($mine, 0, 'a logged-in visitor always gets their own page, never the cached anonymous one');
my $leak = grep { index(anon($path)->{content}, $name) >= 0 || anon($path)->{content} =~ /name="csrf"/ } 1 .. $tries;
is($leak, 0, "an anonymous visitor never gets the logged-in visitor's page (name, CSRF token)");

# --- errors are not cached ------------------------------------------------------------------------
my %ids;
for (1 .. $tries) {
	my $r = anon('/no-such-page-for-the-cache');
	my ($rid) = $r->{content} =~ m{<code>([0-9a-f]{16,})</code>};
	$ids{ $rid // 'none' }++;
}
is(scalar keys %ids, $tries, "$tries 404 pages have $tries different request ids (never cached)")
	or diag explain \%ids;
%ids = ();
for (1 .. $tries) {
	my ($rid) = anon('/courses?page=0')->{content} =~ m{<code>([0-9a-f]{16,})</code>};
	$ids{ $rid // 'none' }++;
}
is(scalar keys %ids, $tries, '400 pages are not cached either');

done_testing();
