package CM;

# CM: a tiny helper for the black-box HTTP tests (tests/http/*.t, run by `prove` from script/test).
# Core Perl only (HTTP::Tiny, JSON::PP, IPC::Open3). It talks to the real stack (nginx + coursemart
# + PostgreSQL) at $ENV{CM_BASE_URL} and to its database through $ENV{CM_PSQL}.
#
#   use FindBin; use lib "$FindBin::Bin/lib"; use CM; use Test::More;
#   my $r = CM::get('/courses', query => { q => '手机' });
#   is $r->{status}, 200;  like $r->{content}, qr/课程/;     # content is decoded text
#   my $csrf = CM::form_value($r->{content}, 'csrf');
#   $r = CM::post('/login', { phone => '13800000000', password => 'x', csrf => $csrf });
#   is $r->{status}, 303;  is $r->{headers}{location}, '/me';
#   my $n = CM::psql("SELECT count(*) FROM courses");
#
# Redirects are not followed unless you pass follow => 1, so a test sees the 303 and its cookies.
# Cookies: one default jar shared by every call; pass jar => CM::jar() for a second person, or
# CM::clear_cookies() to log out locally. Every request may also take:
#   headers => { name => value }, jar => $jar, follow => 1, local_address => '127.0.0.2'
# local_address picks the loopback source address, so tests of nginx's per-address login and SMS
# limits (10 and 5 a minute) do not spend each other's allowance: CM::fresh_address() gives a new one.

use strict;
use warnings;
use utf8;
use Carp qw(croak);
use Encode qw(decode encode);
use HTTP::Tiny;
use IPC::Open3 qw(open3);
use JSON::PP ();
use File::Temp ();

our $VERSION = '0.1';

sub base_url {
	my $b = $ENV{CM_BASE_URL} // 'http://127.0.0.1:18080';
	$b =~ s{/+\z}{};
	return $b;
}

# --- cookies -------------------------------------------------------------------------------------

my $default_jar = {};

sub jar { return {} }               # a new, empty jar: name => value
sub default_jar { return $default_jar }
sub clear_cookies { my $j = shift // $default_jar; %$j = (); return }

sub cookie {                         # CM::cookie('sid') or CM::cookie('sid', $jar)
	my ($name, $j) = @_;
	$j //= $default_jar;
	return $j->{$name};
}

sub _cookie_header {
	my ($j) = @_;
	return undef unless %$j;
	return join '; ', map { "$_=$j->{$_}" } sort keys %$j;
}

# Keep name=value of each Set-Cookie; forget a cookie that is expired or set empty with Max-Age=0.
sub _store_cookies {
	my ($j, $headers) = @_;
	my $sc = $headers->{'set-cookie'} // return;
	for my $line (ref $sc ? @$sc : ($sc)) {
		my ($pair, @attrs) = split /;\s*/, $line;
		next unless defined $pair && $pair =~ /\A\s*([^=\s]+)\s*=\s*(.*?)\s*\z/;
		my ($name, $value) = ($1, $2);
		my $expired = 0;
		for my $a (@attrs) {
			$expired = 1 if $a =~ /\Amax-age\s*=\s*(-?\d+)\z/i && $1 <= 0;
			$expired = 1 if $a =~ /\Aexpires\s*=\s*.*\b(19[0-9]{2}|200[0-9])\b/i;
		}
		if ($expired) { delete $j->{$name} } else { $j->{$name} = $value }
	}
	return;
}

# --- requests ------------------------------------------------------------------------------------

my %agents;    # one HTTP::Tiny per local address, kept alive

sub _agent {
	my ($local) = @_;
	my $key = $local // '';
	$agents{$key} //= HTTP::Tiny->new(
		agent        => 'CourseMart-http-tests/0.1',
		timeout      => 30,
		max_redirect => 0,
		keep_alive   => 1,
		(defined $local ? (local_address => $local) : ()),
	);
	return $agents{$key};
}

my $next_address = 0;

# A loopback source address no other call in this process has had: 127.0.0.2, 127.0.0.3, ...
# The process id picks the third byte, so test files run in parallel do not share them either.
sub fresh_address {
	my $n = $next_address++;
	return sprintf '127.%d.%d.%d', 1 + ($$ % 250), int($n / 250) % 250, 2 + $n % 250;
}

sub _bytes { my ($s) = @_; return utf8::is_utf8($s) ? encode('UTF-8', $s) : $s }

# Percent-encode (UTF-8) a hash ref (sorted keys) or an array ref of pairs (order kept; repeat a
# name for several values). Values that are array refs repeat the name.
sub urlencode {
	my ($form) = @_;
	my @pairs = ref $form eq 'HASH' ? map { ($_, $form->{$_}) } sort keys %$form : @$form;
	my @out;
	while (my ($k, $v) = splice @pairs, 0, 2) {
		for my $one (ref $v eq 'ARRAY' ? @$v : ($v)) {
			push @out, _pct($k) . '=' . _pct($one // '');
		}
	}
	return join '&', @out;
}

sub _pct {
	my $s = _bytes(shift);
	$s =~ s/([^A-Za-z0-9\-._~ ])/sprintf '%%%02X', ord $1/ge;
	$s =~ tr/ /+/;
	return $s;
}

# CM::request(METHOD, PATH, %opts): opts as above, plus content => bytes, query => form.
# Returns HTTP::Tiny's hash (status, reason, headers, content, url, success) with:
#   content  decoded to Perl text when the type is text/*, JSON, XML or says charset=utf-8
#   raw      the body bytes as received
sub request {
	my ($method, $path, %o) = @_;
	croak 'CM::request: path must start with / or be a full URL' unless $path =~ m{\A(?:/|https?://)};
	my $url = $path =~ m{\Ahttps?://} ? $path : base_url() . $path;
	$url .= ($url =~ /\?/ ? '&' : '?') . urlencode($o{query}) if $o{query};
	my $j = $o{jar} // $default_jar;
	my $redirects = $o{follow} ? 10 : 0;
	while (1) {
		my %h = map { lc($_) => _bytes($o{headers}{$_}) } keys %{ $o{headers} // {} };
		my $c = _cookie_header($j);
		$h{cookie} = $c if defined $c && !exists $h{cookie};
		my %args = (headers => \%h);
		$args{content} = _bytes($o{content}) if defined $o{content};
		my $res = _agent($o{local_address})->request($method, $url, \%args);
		_store_cookies($j, $res->{headers});
		_decode($res);
		if ($redirects-- > 0 && $res->{status} =~ /\A30[1237]\z/ && $res->{headers}{location}) {
			my $loc = $res->{headers}{location};
			$url = $loc =~ m{\Ahttps?://} ? $loc : base_url() . ($loc =~ m{\A/} ? $loc : "/$loc");
			if ($res->{status} =~ /\A30[123]\z/) {    # 303 (and old 301/302): GET without a body
				$method = 'GET';
				delete $o{content};
				delete $o{headers}{'Content-Type'};
				delete $o{headers}{'content-type'};
			}
			next;
		}
		return $res;
	}
}

sub _decode {
	my ($res) = @_;
	$res->{raw} = $res->{content} // '';
	my $type = $res->{headers}{'content-type'} // '';
	if ($type =~ m{charset="?utf-?8}i || $type =~ m{\A(?:text/|application/(?:[\w.+-]*\+)?(?:json|xml))}i) {
		$res->{content} = decode('UTF-8', $res->{raw});
	}
	return;
}

sub get { my ($path, %o) = @_; return request('GET', $path, %o) }
sub head { my ($path, %o) = @_; return request('HEAD', $path, %o) }

# CM::post(PATH, \%form or \@pairs, %opts): an application/x-www-form-urlencoded UTF-8 body.
sub post {
	my ($path, $form, %o) = @_;
	$o{headers} = { %{ $o{headers} // {} }, 'Content-Type' => 'application/x-www-form-urlencoded' };
	$o{content} = urlencode($form // {});
	return request('POST', $path, %o);
}

# CM::post_multipart(PATH, \%fields or \@pairs, \@files, %opts): a multipart/form-data body, as a
# browser sends a form with enctype="multipart/form-data". Each file is a hash: name (the field),
# filename, content (bytes), type (default application/octet-stream).
#   CM::post_multipart('/agency/documents', { csrf => $t, kind => 'license' },
#       [{ name => 'document', filename => 'licence.pdf', content => $pdf, type => 'application/pdf' }]);
sub post_multipart {
	my ($path, $form, $files, %o) = @_;
	my $boundary = '----CMFormBoundary' . join '', map { ('A' .. 'Z', 'a' .. 'z', 0 .. 9)[rand 62] } 1 .. 16;
	my @pairs = ref $form eq 'HASH' ? map { ($_, $form->{$_}) } sort keys %$form : @{ $form // [] };
	my $body = '';
	while (my ($k, $v) = splice @pairs, 0, 2) {
		for my $one (ref $v eq 'ARRAY' ? @$v : ($v)) {
			$body .= "--$boundary\r\nContent-Disposition: form-data; name=\"" . _bytes($k) . "\"\r\n\r\n"
				. _bytes($one // '') . "\r\n";
		}
	}
	for my $f (@{ $files // [] }) {
		$body .= "--$boundary\r\nContent-Disposition: form-data; name=\"" . _bytes($f->{name})
			. '"; filename="' . _bytes($f->{filename} // '') . "\"\r\n"
			. 'Content-Type: ' . ($f->{type} // 'application/octet-stream') . "\r\n\r\n"
			. $f->{content} . "\r\n";
	}
	$body .= "--$boundary--\r\n";
	$o{headers} = { %{ $o{headers} // {} }, 'Content-Type' => "multipart/form-data; boundary=$boundary" };
	$o{content} = $body;
	return request('POST', $path, %o);
}

# --- people --------------------------------------------------------------------------------------

# CM::make_user(%fields): inserts a user straight into the database and returns its id. Fields:
# name (display name), phone, roles (bits as in router.h: citizen 2, agency 4, reviewer 8,
# procure 16, finance 32, admin 64), agency_id. Phones default to a fresh unused number.
my $phone_seq = 0;
sub fresh_phone {
	$phone_seq++;
	return sprintf '139%04d%04d', $$ % 10000, $phone_seq;
}
sub make_user {
	my (%f) = @_;
	my $phone = $f{phone} // fresh_phone();
	my $name = $f{name} // "测试用户$phone_seq";
	my $roles = $f{roles} // 2;
	my $pw = ($roles & 120) ? q{'$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$unusable'} : 'NULL';
	return psql(sprintf "INSERT INTO users (display_name, phone, roles, agency_id, password_hash)"
		. " VALUES (%s, %s, %d, %s, %s) RETURNING id",
		sql_str($name), sql_str($phone), $roles, $f{agency_id} // 'NULL', $pw);
}

# CM::login_as(USER_ID, [$jar]): a shortcut for tests of what a logged-in person may do (the login
# pages themselves are tested through the front door): makes a session row the way sess_start
# does and puts its cookie in the jar.
sub login_as {
	my ($user_id, $j) = @_;
	$j //= $default_jar;
	require Digest::SHA;
	require MIME::Base64;
	my $token = join '', map { chr int rand 256 } 1 .. 32;
	my $cookie = MIME::Base64::encode_base64url($token);
	my $hash = Digest::SHA::sha256_hex($token);
	psql("INSERT INTO sessions (token_hash, user_id, auth_method) VALUES ('\\x$hash'::bytea, $user_id, 'sms')");
	$j->{cm_sid} = $cookie;
	return $cookie;
}

# --- agencies ------------------------------------------------------------------------------------

# CM::credit_code(): a valid GB 32100 unified social credit code (17 characters from the code set
# and the check character), different for every call in this process and from other processes'.
# CM::credit_check_char(FIRST17) is that check character, for tests that want a wrong one.
my @CODE_SET = split //, '0123456789ABCDEFGHJKLMNPQRTUWXY';
my %CODE_VAL = map { $CODE_SET[$_] => $_ } 0 .. $#CODE_SET;
sub credit_check_char {
	my ($first17) = @_;
	my ($sum, $w) = (0, 1);
	for my $c (split //, $first17) { $sum += $CODE_VAL{$c} * $w; $w = $w * 3 % 31 }
	my $c = 31 - $sum % 31;
	return $CODE_SET[$c == 31 ? 0 : $c];
}
my $code_seq = 0;
sub credit_code {
	my $body = sprintf '91310101%09d', ($$ * 1000 + ++$code_seq) % 1_000_000_000;
	return $body . credit_check_char($body);
}

# CM::approved_agency(name => NAME, [address, contact_name, contact_phone, intro, region_id]):
# inserts an approved agency (in the first district unless region_id is given) with a fresh
# credit code, and one member (roles citizen + agency) logged in in a new jar. Returns
# (agency id, member id, jar).
my $first_district;
sub approved_agency {
	my (%f) = @_;
	croak 'approved_agency: name is required' unless defined $f{name};
	my $region = $f{region_id}
		// ($first_district //= psql("SELECT id FROM regions WHERE level = 'district' ORDER BY code LIMIT 1"));
	my @cols = ('name', 'credit_code', 'region_id');
	my @vals = (sql_str($f{name}), sql_str(credit_code()), int $region);
	for my $col (qw(address contact_name contact_phone intro)) {
		next unless defined $f{$col};
		push @cols, $col;
		push @vals, sql_str($f{$col});
	}
	my $id = psql('INSERT INTO agencies (' . join(', ', @cols, 'status') . ') VALUES ('
		. join(', ', @vals, q{'approved'}) . ') RETURNING id');
	my $member = make_user(roles => 6, agency_id => $id);
	my $j = jar();
	login_as($member, $j);
	return ($id, $member, $j);
}

# --- reading pages -------------------------------------------------------------------------------

# The value of the first <input name="NAME" value="..."> in HTML (entities &amp; &lt; &gt; &quot;
# &#39; &#NN; decoded), or undef.
sub form_value {
	my ($html, $name) = @_;
	while ($html =~ /<input\b([^>]*)>/gis) {
		my $attrs = $1;
		my %a;
		while ($attrs =~ /([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g) {
			$a{ lc $1 } = $2 // $3 // $4;
		}
		next unless defined $a{name} && $a{name} eq $name;
		return html_unescape($a{value} // '');
	}
	return undef;
}

sub html_unescape {
	my ($s) = @_;
	$s =~ s/&#x([0-9a-f]+);/chr hex $1/gie;
	$s =~ s/&#([0-9]+);/chr $1/ge;
	my %e = (amp => '&', lt => '<', gt => '>', quot => '"', apos => "'", nbsp => "\x{a0}");
	$s =~ s/&(amp|lt|gt|quot|apos|nbsp);/$e{$1}/g;
	return $s;
}

# Decode a JSON response body (croaks when it is not JSON).
sub json {
	my ($res) = @_;
	return JSON::PP->new->utf8->decode($res->{raw});
}

# --- the database --------------------------------------------------------------------------------

# CM::psql(SQL): run SQL on the test database with $ENV{CM_PSQL} (a bash command line that
# connects; script/test sets it), unaligned and tuples only. Returns the output without the last
# newline (in list context: one element per line). Croaks with psql's message on an error.
sub psql {
	my ($sql) = @_;
	my $cmd = $ENV{CM_PSQL} or croak 'CM::psql: CM_PSQL is not set (script/test sets it)';
	my $errf = File::Temp->new;    # stderr to a file: no deadlock on a long error
	my $pid = open3(my $in, my $out, undef, 'bash', '-c',
		"$cmd -A -t -v ON_ERROR_STOP=1 -f - 2>" . _shq($errf->filename));
	binmode $in;
	print {$in} _bytes($sql);
	close $in;
	my $stdout = do { local $/; <$out> } // '';
	waitpid $pid, 0;
	if ($?) {
		my $stderr = do { local (@ARGV, $/) = ($errf->filename); <> } // '';
		croak "CM::psql failed (exit " . ($? >> 8) . "): $stderr";
	}
	$stdout = decode('UTF-8', $stdout);
	$stdout =~ s/\n\z//;
	return wantarray ? split(/\n/, $stdout) : $stdout;
}

sub _shq { my ($s) = @_; $s =~ s/'/'\\''/g; return "'$s'" }

# --- the instance, SQL literals and the language files ------------------------------------------

# var/<name>/ of the instance under test: $ENV{CM_VAR}, else the folder above the PostgreSQL socket
# folder that $ENV{CM_PSQL} connects to (var/<name>/run). Holds secret.key, coursemart.conf, log/.
sub instance_dir {
	return $ENV{CM_VAR} if $ENV{CM_VAR};
	my $cmd = $ENV{CM_PSQL} // croak 'CM::instance_dir: neither CM_VAR nor CM_PSQL is set';
	$cmd =~ /(?:^|\s)-h\s+(\S+)/ or croak "CM::instance_dir: no -h in CM_PSQL ($cmd)";
	(my $run = $1) =~ s/\\(.)/$1/g;    # undo printf %q
	$run =~ s{/+\z}{};
	$run =~ s{/[^/]+\z}{};
	return $run;
}

# A SQL string literal: CM::sql_str("it's") is 'it''s'.
sub sql_str {
	my ($s) = @_;
	return 'NULL' unless defined $s;
	$s =~ s/'/''/g;
	return "'$s'";
}

# CM::lang_str('zh-CN', 'param.page'): the string L.param.page of templates/lang/<lang>*.hdf, so
# tests can check the words a page should show without copying them. Croaks when absent.
my %lang_cache;

sub lang_str {
	my ($lang, $key) = @_;
	my $t = $lang_cache{$lang} //= _hdf_read(($ENV{CM_ROOT} // '.') . "/templates/lang/$lang.hdf");
	my $v = $t->{"L.$key"};
	croak "CM::lang_str: no L.$key in $lang" unless defined $v;
	return $v;
}

sub _hdf_read {
	my ($file, $into, $seen) = @_;
	$into //= {};
	$seen //= {};
	return $into if $seen->{$file}++;
	open my $fh, '<:encoding(UTF-8)', $file or croak "CM::lang_str: $file: $!";
	(my $dir = $file) =~ s{/[^/]*\z}{};
	my @stack;
	while (my $line = <$fh>) {
		$line =~ s/\A\s+|\s+\z//g;
		if ($line =~ /\A#include\s+"([^"]+)"/) {
			my $inc = $1;
			my $root = $dir;
			$root =~ s{/lang\z}{} if $inc =~ m{\Alang/};    # includes are relative to templates/
			_hdf_read("$root/$inc", $into, $seen);
			next;
		}
		next if $line eq '' || $line =~ /\A#/;
		if ($line =~ /\A([\w.]+)\s*\{\z/) { push @stack, $1; next }
		if ($line eq '}') { pop @stack; next }
		if ($line =~ /\A([\w.]+)\s*=\s*(.*)\z/) {
			$into->{ join '.', @stack, $1 } = $2;
		}
	}
	return $into;
}

# --- reading pages, more -------------------------------------------------------------------------

# Visible text of an HTML fragment: tags removed, entities decoded, white space collapsed.
sub text {
	my ($html) = @_;
	$html //= '';
	$html =~ s{<(script|style)\b.*?</\1>}{}gis;
	$html =~ s/<[^>]*>/ /g;
	$html = html_unescape($html);
	$html =~ s/\s+/ /g;
	$html =~ s/\A | \z//g;
	return $html;
}

# The inner HTML of every <h1>.
sub h1s {
	my ($html) = @_;
	return ($html // '') =~ m{<h1\b[^>]*>(.*?)</h1>}gis;
}

# The <main> element's inner HTML ('' when absent).
sub main_html {
	my ($html) = @_;
	return ($html // '') =~ m{<main\b[^>]*>(.*)</main>}is ? $1 : '';
}

# Course ids of the course cards (course_card macro) on a page, in order.
sub card_ids {
	my ($html) = @_;
	return ($html // '') =~ m{<h3 class="card-title"><a href="/courses/(\d+)"}g;
}

# The catalog's "共找到 N 门课程" number, or undef.
sub catalog_total {
	my ($html) = @_;
	return ($html // '') =~ m{id="results-heading"[^>]*>[^<]*<strong>(\d+)</strong>} ? $1 : undef;
}

# The HTML of a section (from the first match of $re to the next </section>), or ''.
sub section {
	my ($html, $re) = @_;
	return ($html // '') =~ m{($re.*?</section>)}s ? $1 : '';
}

# A one-line summary of a response for diagnostics.
sub brief {
	my ($r) = @_;
	my ($h1) = h1s($r->{content} // '');
	return sprintf '%s %s%s', $r->{status}, $r->{reason} // '', defined $h1 ? ' <h1>' . text($h1) : '';
}

# Call after `use Test::More` in a test that writes Chinese in its test names or diagnostics.
sub tap_utf8 {
	require Test::Builder;
	my $b = Test::Builder->new;
	binmode $_, ':encoding(UTF-8)' for $b->output, $b->failure_output, $b->todo_output;
	return;
}

# The city centre (CITY_CENTRE_LAT, CITY_CENTRE_LNG of cgi-bin/pages/pages.h): the home page's and
# the map's default point.
sub city_centre {
	my $f = ($ENV{CM_ROOT} // '.') . '/cgi-bin/pages/pages.h';
	open my $fh, '<', $f or croak "CM::city_centre: $f: $!";
	my $src = do { local $/; <$fh> };
	my ($lat) = $src =~ /#define\s+CITY_CENTRE_LAT\s+(-?[\d.]+)/;
	my ($lng) = $src =~ /#define\s+CITY_CENTRE_LNG\s+(-?[\d.]+)/;
	croak "CM::city_centre: no CITY_CENTRE_LAT/LNG in $f" unless defined $lat && defined $lng;
	return ($lat, $lng);
}

# Test::More's like() for whole pages, without printing the page when it fails:
#   CM::has($html, qr/…/, 'name');  CM::hasnt($html, qr/…/, 'name')
# A failure shows the pattern and, for hasnt, the text around the first match.
sub has {
	my ($html, $re, $name) = @_;
	local $Test::Builder::Level = $Test::Builder::Level + 1;
	my $ok = Test::More::ok(((($html // '') =~ $re) ? 1 : 0), $name);
	Test::More::diag("no match for $re") unless $ok;
	return $ok;
}

sub hasnt {
	my ($html, $re, $name) = @_;
	local $Test::Builder::Level = $Test::Builder::Level + 1;
	my $ok = Test::More::ok(((($html // '') !~ $re) ? 1 : 0), $name);
	Test::More::diag('found: …' . substr($html, $-[0] > 60 ? $-[0] - 60 : 0, 160) . '…') unless $ok;
	return $ok;
}

# The detail of an error page (which parameter was bad), as text; undef when there is none.
sub error_detail {
	my ($html) = @_;
	return ($html // '') =~ m{<strong class="error-detail">(.*?)</strong>}s ? text($1) : undef;
}

# --- the page cache ------------------------------------------------------------------------------
# Each app worker keeps whole responses to anonymous GETs of public pages for a few seconds, dropped
# when PostgreSQL tells it (NOTIFY) that catalog rows changed; the notice reaches each worker just
# before its next lookup, a moment after the commit. A test that changes rows with SQL and then
# looks at a page either waits for the change to show or asks for a URL no cache holds:
#   CM::nocache('/courses/12')           '/courses/12?_nc=PID-N' (unknown parameters are ignored)
#   CM::eventually(sub { CM::get(...) }, sub { $_[0]{status} == 404 }, 5)
#       calls the first sub until the second accepts its result, for at most 5 s (default);
#       returns the last result either way.
my $nocache_n = 0;

sub nocache {
	my ($path) = @_;
	return $path . ($path =~ /\?/ ? '&' : '?') . '_nc=' . $$ . '-' . ++$nocache_n;
}

sub eventually {
	my ($try, $ok, $secs) = @_;
	require Time::HiRes;
	my $until = Time::HiRes::time() + ($secs // 5);
	while (1) {
		my $v = $try->();
		return $v if $ok->($v) || Time::HiRes::time() > $until;
		Time::HiRes::sleep(0.1);
	}
}

# The SQL condition for "a course the public sees": listed, of an approved agency. CM::shown('c')
# for the alias c; CM::shown() for the bare table.
sub shown {
	my ($c) = @_;
	my $p = defined $c ? "$c." : '';
	return "${p}status = 'listed' AND ${p}agency_id IN (SELECT id FROM agencies WHERE status = 'approved')";
}

# Every key (without the leading "L.") of templates/lang/<lang>.hdf and its includes.
sub lang_keys {
	my ($lang) = @_;
	my $t = $lang_cache{$lang} //= _hdf_read(($ENV{CM_ROOT} // '.') . "/templates/lang/$lang.hdf");
	return sort map { /\AL\.(.*)\z/ ? $1 : () } keys %$t;
}


# --- gatewaysim (the SMS providers' stand-in; docs/gatewaysim.md) --------------------------------
# The app's SMS drivers talk to gatewaysim at $ENV{CM_SIM_URL}, which records every message it
# accepts in the `sim` schema of the test database.
#   my @m = CM::sim_messages('13900000001');   # newest first: hashes with id, provider, phone,
#                                             # sign_name, template_code, params, text, context
#                                             # (OutId / SessionContext), provider_id, received_at
#   my $code = CM::sim_code('13900000001');    # the 6-digit code in the newest message (waits)
#   CM::sim_mode(phone => '13900000001', mode => 'ratelimit', count => 2);
#   CM::sim_reset();  CM::sim_reset(messages => 1);
sub sim_url {
	my $u = $ENV{CM_SIM_URL} // 'http://127.0.0.1:18082';
	$u =~ s{/+\z}{};
	return $u;
}

sub sim_messages {
	my ($phone) = @_;
	croak 'CM::sim_messages: give a phone number' unless defined $phone;
	my $json = psql("SELECT coalesce(json_agg(m ORDER BY m.id DESC), '[]') FROM"
		. " (SELECT id, provider, phone, sign_name, template_code, params, text, context, provider_id,"
		. " received_at FROM sim.messages WHERE phone = " . sql_str($phone) . ") m");
	return @{ JSON::PP->new->decode($json) };
}

# CM::sim_code(PHONE, after => ID, wait => SECONDS): the 6-digit code of the newest message to
# PHONE (with an id above ID when given), waiting up to 10 s (or SECONDS) for one to arrive;
# undef when none came.
sub sim_code {
	my ($phone, %o) = @_;
	require Time::HiRes;
	my $until = Time::HiRes::time() + ($o{wait} // 10);
	while (1) {
		my ($m) = sim_messages($phone);
		if ($m && $m->{id} > ($o{after} // 0)) {
			return $1 if $m->{text} =~ /(?<![0-9])([0-9]{6})(?![0-9])/;
			return undef;
		}
		return undef if Time::HiRes::time() > $until;
		Time::HiRes::sleep(0.1);
	}
}

# CM::sim_mode(phone => P or '*', mode => ok|fail|ratelimit|illegal|timeout|slow, count => N
# (default 1, 0 = until reset), hold_ms => MS): how gatewaysim answers the coming SendSms requests
# for that phone. Croaks unless gatewaysim agreed; returns its answer (a hash).
sub sim_mode {
	my (%f) = @_;
	my $r = post(sim_url() . '/sim/mode', { map { defined $f{$_} ? ($_ => $f{$_}) : () } qw(phone mode count hold_ms) });
	croak "CM::sim_mode: gatewaysim answered $r->{status}: $r->{content}" unless $r->{status} == 200;
	return json($r);
}

# CM::sim_reset(messages => 1): clears every mode (and, with messages => 1, the records).
sub sim_reset {
	my (%f) = @_;
	my $r = post(sim_url() . '/sim/reset', { $f{messages} ? (messages => 1) : () });
	croak "CM::sim_reset: gatewaysim answered $r->{status}: $r->{content}" unless $r->{status} == 200;
	return json($r);
}

1;
