# Every kind of page in both languages, checked the same way: the right <html lang> and
# Content-Language; one <h1>; a non-empty <title>; no element left empty by a missing string; every
# visible form field labelled; every image with alt text; ids unique; the skip link. English pages
# that show no data (errors, the about pages, an empty search) contain no Chinese but the "中文"
# switch. And the two language files define the same keys.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use CM;
use Test::More;
CM::tap_utf8();

my $course = CM::psql("SELECT c.id FROM courses c WHERE " . CM::shown('c') . " ORDER BY c.id LIMIT 1");
my $agency = CM::psql("SELECT agency_id FROM courses WHERE id = $course");
my $site = CM::psql('SELECT id FROM sites WHERE parent_id IS NOT NULL ORDER BY id LIMIT 1');
my $district = CM::psql("SELECT id FROM regions WHERE level = 'district' ORDER BY code LIMIT 1");

# [method, path, status, shows data?]
my @pages = (
	[GET => '/', 200, 1], [GET => '/courses', 200, 1], [GET => '/courses?q=%E6%89%8B%E6%9C%BA&fee=free', 200, 1],
	[GET => "/courses?district=$district&sort=price_asc&page=2", 200, 1], [GET => '/courses?q=zzqqxxjj', 200, 0],
	[GET => "/courses/$course", 200, 1], [GET => "/agencies/$agency", 200, 1], [GET => '/sites', 200, 1],
	[GET => '/sites?level=3', 200, 1], [GET => "/sites/$site", 200, 1], [GET => '/map', 200, 1],
	[GET => '/map?walk=1', 200, 1], [GET => '/map?lat=0&lng=0', 200, 1], [GET => '/accessibility', 200, 0],
	[GET => '/privacy', 200, 0], [GET => '/no-such-page', 404, 0], [GET => '/courses/999999999', 404, 0],
	[GET => '/courses?page=0', 400, 0], [GET => '/map?lat=91', 400, 0],
	[POST => '/courses', 405, 0], [POST => '/logout', 403, 0],
);

for my $lang ('zh-CN', 'en') {
	for my $p (@pages) {
		my ($m, $path, $status, $data) = @$p;
		my $r = CM::request($m, $path, jar => CM::jar(), headers => { Cookie => "lang=$lang" },
			($m eq 'POST' ? (content => '', headers => { Cookie => "lang=$lang",
				'Content-Type' => 'application/x-www-form-urlencoded' }) : ()));
		my $html = $r->{content} // '';
		my $what = "$lang $m $path";
		is($r->{status}, $status, "$what: $status");
		my @problems;
		push @problems, 'html lang' unless $html =~ /<html lang="\Q$lang\E"/;
		push @problems, 'Content-Language' unless ($r->{headers}{'content-language'} // '') eq $lang;
		my $h1 = () = CM::h1s($html);
		push @problems, "$h1 <h1>" unless $h1 == 1;
		push @problems, 'empty <title>' unless $html =~ m{<title>\s*\S[^<]*</title>};
		while ($html =~ m{<(h[1-6]|strong|label|button|option|dt|dd|th|a|li|summary|caption|legend)\b([^>]*)>\s*</\1>}g) {
			push @problems, "empty <$1$2>";
		}
		my %ids;
		$ids{$1}++ while $html =~ /\sid="([^"]+)"/g;
		push @problems, map { "duplicate id $_" } grep { $ids{$_} > 1 } sort keys %ids;
		my %for = map { $_ => 1 } $html =~ /<label\b[^>]*\bfor="([^"]+)"/g;
		while ($html =~ /<(input|select|textarea)\b([^>]*)>/g) {
			my ($tag, $a) = ($1, $2);
			next if $a =~ /type="(?:hidden|submit|button)"/;
			my ($id) = $a =~ /\bid="([^"]+)"/;
			push @problems, "unlabelled <$tag$a>" unless ($id && $for{$id}) || $a =~ /aria-label(?:ledby)?="[^"]+"/;
		}
		while ($html =~ /<img\b([^>]*)>/g) { my $a = $1; push @problems, "<img$a> without alt" unless $a =~ /\balt="/ }
		push @problems, 'no skip link' unless $html =~ m{<a class="skip-link" href="#main">};
		if ($lang eq 'en' && !$data) {
			(my $body = $html) =~ s{<a\b[^>]*lang="zh-CN"[^>]*>.*?</a>}{}gs;    # the switch to 中文
			my $t = CM::text($body);
			push @problems, "Chinese in the English page: …$1…" if $t =~ /(.{0,20}\p{Han}+.{0,20})/;
		}
		is_deeply(\@problems, [], "$what: lang, one <h1>, title, nothing empty, labels, alt, unique ids");
	}
}

my @zh = CM::lang_keys('zh-CN');
my @en = CM::lang_keys('en');
my %en = map { $_ => 1 } @en;
my %zh = map { $_ => 1 } @zh;
ok(@zh > 100, 'the Chinese language file has ' . @zh . ' strings');
is_deeply([grep { !$en{$_} } @zh], [], 'every Chinese string has an English one');
is_deeply([grep { !$zh{$_} } @en], [], 'every English string has a Chinese one');
is(CM::lang_str('zh-CN', 'lang_code'), 'zh-CN', 'zh-CN says it is zh-CN');
is(CM::lang_str('en', 'lang_code'), 'en', 'en says it is en');

done_testing();
