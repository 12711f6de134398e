# Sessions in PostgreSQL and CSRF tokens. Sessions are made directly in the sessions table (there is
# no login yet): the cookie cm_sid carries 32 random bytes (unpadded base64url), the table only
# their SHA-256. The CSRF token is HMAC-SHA256(key, "csrf" || token_hash), key = SHA-256 of the hex
# text in the instance's secret.key (cgi-bin/core/csrf.c, config.c), computed here independently.
# Covers: POST /logout without a session → 403 with the Chinese CSRF page; a wrong, foreign or
# query-string token → 403 and the row stays; the right token (form field or X-CSRF-Token header) →
# 303, the row deleted, the cookie cleared; the logout form with the token only for a logged-in
# user; expired, idle, disabled-user and unknown sessions ignored; last_seen_at touched; the table
# and the logs never holding the token itself.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use CM;
use Test::More;
use Digest::SHA qw(sha256 sha256_hex hmac_sha256);
use MIME::Base64 qw(encode_base64url);
CM::tap_utf8();

my $dir = CM::instance_dir();
open my $fh, '<', "$dir/secret.key" or BAIL_OUT("cannot read $dir/secret.key: $!");
my $hex = do { local $/; <$fh> };
close $fh;
$hex =~ s/\A\s+|\s+\z//g;
like($hex, qr/\A[0-9a-fA-F]{64,}\z/, 'the instance has a hex secret');
my $key = sha256($hex);

my (@session_ids, @user_ids);
END {
	eval {
		CM::psql('DELETE FROM sessions WHERE id IN (' . join(',', @session_ids, 0) . ');'
			. 'DELETE FROM users WHERE id IN (' . join(',', @user_ids, 0) . ');');
	};
}

# A new session row: returns (cookie value, csrf token, row id, raw token).
sub new_session {
	my (%o) = @_;    # user_id, created, expires, last_seen
	my $token = join '', map { chr int rand 256 } 1 .. 32;
	my $hash = sha256($token);
	my @cols = ('token_hash');
	my @vals = ("'\\x" . unpack('H*', $hash) . "'::bytea");
	for my $c (qw(user_id created_at expires_at last_seen_at)) {
		next unless defined $o{$c};
		push @cols, $c;
		push @vals, $o{$c};
	}
	my ($id) = CM::psql('INSERT INTO sessions (' . join(', ', @cols) . ') VALUES (' . join(', ', @vals) . ') RETURNING id');
	push @session_ids, $id;
	return (encode_base64url($token), encode_base64url(hmac_sha256('csrf' . $hash, $key)), $id, $token);
}
sub row_exists { CM::psql("SELECT count(*) FROM sessions WHERE id = $_[0]") == 1 }
sub logout {
	my ($cookie, $form, %o) = @_;
	return CM::post('/logout', $form // {}, jar => CM::jar(),
		headers => { (defined $cookie ? (Cookie => "cm_sid=$cookie") : ()), %{ $o{headers} // {} } },
		%{ $o{extra} // {} });
}

# --- no session ------------------------------------------------------------------------------------
my $r = logout(undef, {});
is($r->{status}, 403, 'POST /logout without a session is 403');
CM::has($r->{content}, qr{<html lang="zh-CN"}, '… a Chinese page');
is(CM::text((CM::h1s($r->{content}))[0]), CM::lang_str('zh-CN', 'error.csrf.title'), '… with the CSRF title');
ok(index(CM::text($r->{content}), CM::lang_str('zh-CN', 'error.csrf.message')) >= 0, '… and the CSRF message');
like($r->{headers}{'cache-control'} // '', qr/no-store/, '… not cached');
$r = logout(undef, { csrf => 'A' x 43 });
is($r->{status}, 403, 'a made-up token without a session is 403');
$r = CM::post('/logout', {}, jar => CM::jar(), headers => { Cookie => 'lang=en' });
is(CM::text((CM::h1s($r->{content}))[0]), CM::lang_str('en', 'error.csrf.title'), 'in English with the en cookie');

# --- an anonymous session --------------------------------------------------------------------------
my ($cookie, $csrf, $id, $token) = new_session();
is(length $cookie, 43, 'the cookie is 43 characters of base64url');
is(length $csrf, 43, 'the CSRF token is 43 characters');
is(CM::psql("SELECT encode(token_hash, 'hex') FROM sessions WHERE id = $id"), sha256_hex($token),
   'the table holds the SHA-256 of the token');
$r = CM::get('/', jar => CM::jar(), headers => { Cookie => "cm_sid=$cookie" });
is($r->{status}, 200, 'GET / with an anonymous session is 200');
ok(!defined CM::form_value($r->{content}, 'csrf'), 'no logout form (and no token) for an anonymous visitor');

$r = logout($cookie, {});
is($r->{status}, 403, 'POST /logout with the session but no token is 403');
ok(row_exists($id), '… and the session stays');
$r = logout($cookie, { csrf => 'A' x 43 });
is($r->{status}, 403, 'a wrong token is 403');
ok(row_exists($id), '… and the session stays');
(my $off = $csrf) =~ s/\A(.)/$1 eq 'A' ? 'B' : 'A'/e;
$r = logout($cookie, { csrf => $off });
is($r->{status}, 403, 'a token one character off is 403');
$r = logout($cookie, { csrf => substr($csrf, 0, 42) });
is($r->{status}, 403, 'a truncated token is 403');
$r = logout($cookie, { csrf => "$csrf=" });
is($r->{status}, 403, 'a padded token is 403');
my ($cookie2, $csrf2, $id2) = new_session();
$r = logout($cookie, { csrf => $csrf2 });
is($r->{status}, 403, "another session's token is 403");
ok(row_exists($id) && row_exists($id2), '… and both sessions stay');
$r = CM::request('POST', "/logout?csrf=$csrf", jar => CM::jar(), content => '',
	headers => { Cookie => "cm_sid=$cookie", 'Content-Type' => 'application/x-www-form-urlencoded' });
is($r->{status}, 403, 'the token in the query string does not count');
ok(row_exists($id), '… and the session stays');

$r = logout($cookie, { csrf => $csrf });
is($r->{status}, 303, 'POST /logout with the right token is 303');
is($r->{headers}{location}, '/', '… to /');
like($r->{headers}{'set-cookie'} // '', qr/\Acm_sid=;.*Max-Age=0/, '… clearing the cookie');
like($r->{headers}{'set-cookie'} // '', qr/HttpOnly/, '… HttpOnly');
like($r->{headers}{'set-cookie'} // '', qr/SameSite=Lax/, '… SameSite=Lax');
ok(!row_exists($id), '… and the session row is gone');
ok(row_exists($id2), '… but not the other one');
$r = logout($cookie, { csrf => $csrf });
is($r->{status}, 403, 'the same token again, after logout, is 403');

$r = logout($cookie2, {}, headers => { 'X-CSRF-Token' => $csrf2 });
is($r->{status}, 303, 'the token in the X-CSRF-Token header works too');
ok(!row_exists($id2), '… and the session is gone');

# --- a logged-in user ------------------------------------------------------------------------------
my $name = '测试用户' . $$;
my ($uid) = CM::psql('INSERT INTO users (display_name) VALUES (' . CM::sql_str($name) . ') RETURNING id');
push @user_ids, $uid;
($cookie, $csrf, $id) = new_session(user_id => $uid);
my $jar = CM::jar();
$jar->{cm_sid} = $cookie;
$r = CM::get('/', jar => $jar);
ok(index(CM::text($r->{content}), $name) >= 0, 'a logged-in user sees their name');
my ($form) = $r->{content} =~ m{(<form[^>]*action="/logout"[^>]*method="post".*?</form>)}s;
ok($form, 'and a logout form that POSTs');
is(CM::form_value($form // '', 'csrf'), $csrf, 'the form carries the CSRF token computed from the secret and the hash');
like($r->{headers}{'cache-control'} // '', qr/no-store|private/, "a page with the user's name is not cached publicly")
	or diag 'Cache-Control: ' . ($r->{headers}{'cache-control'} // '(none)');
$r = CM::get('/courses?q=x', jar => $jar);
is(CM::form_value($r->{content}, 'csrf'), $csrf, 'the same token on every page of the session');
$r = CM::post('/logout', { csrf => CM::form_value($form // '', 'csrf') }, jar => $jar);
is($r->{status}, 303, "POST /logout with the form's token is 303");
ok(!row_exists($id), '… the session row is gone');
ok(!defined CM::cookie('cm_sid', $jar), '… and the browser forgets the cookie');
$r = CM::get('/', jar => CM::jar(), headers => { Cookie => "cm_sid=$cookie" });
ok(index(CM::text($r->{content}), $name) < 0, 'the old cookie no longer logs anyone in');

# --- sessions that must not count -----------------------------------------------------------------
for my $case (
	['an expired session', created_at => "now() - interval '2 days'", expires_at => "now() - interval '1 day'",
		last_seen_at => "now() - interval '1 day'"],
	['an idle session (past its idle timeout)', last_seen_at => "now() - interval '3 hours'",
		created_at => "now() - interval '4 hours'"],
	['a disabled user\'s session', disabled => 1])
{
	my ($what, %o) = @$case;
	my $u = CM::psql('INSERT INTO users (display_name' . ($o{disabled} ? ', disabled_at' : '') . ') VALUES ('
		. CM::sql_str("$name-x") . ($o{disabled} ? ', now()' : '') . ') RETURNING id');
	push @user_ids, $u;
	delete $o{disabled};
	my ($c, $t, $sid) = new_session(user_id => $u, %o);
	$r = CM::get('/', jar => CM::jar(), headers => { Cookie => "cm_sid=$c" });
	ok(index(CM::text($r->{content}), "$name-x") < 0, "$what: the user is not logged in");
	ok(!defined CM::form_value($r->{content}, 'csrf'), "$what: no token on the page");
	$r = logout($c, { csrf => $t });
	is($r->{status}, 403, "$what: POST /logout even with the right token is 403");
	ok(row_exists($sid), "$what: the row stays");
}
my $unknown = encode_base64url(join '', map { chr int rand 256 } 1 .. 32);
$r = logout($unknown, { csrf => encode_base64url(hmac_sha256('csrf' . sha256('x'), $key)) });
is($r->{status}, 403, 'an unknown session token is 403');

# last_seen_at is touched (at most once a minute).
my ($c3, $t3, $id3) = new_session(last_seen_at => "now() - interval '10 minutes'",
	created_at => "now() - interval '10 minutes'");
CM::get('/', jar => CM::jar(), headers => { Cookie => "cm_sid=$c3" });
ok(CM::psql("SELECT last_seen_at > now() - interval '1 minute' FROM sessions WHERE id = $id3") eq 't',
   'a request moves last_seen_at to now');

# --- the token is never stored or logged ----------------------------------------------------------
my ($c4, $t4, $id4, $raw4) = new_session();
CM::get('/', jar => CM::jar(), headers => { Cookie => "cm_sid=$c4" });
logout($c4, { csrf => 'x' });
is(CM::psql("SELECT count(*) FROM sessions WHERE token_hash = '\\x" . unpack('H*', $raw4) . "'::bytea"
	. " OR position(convert_to(" . CM::sql_str($c4) . ", 'UTF8') IN token_hash) > 0"), 0,
   'no row holds the token or the cookie value');
my @leaks;
for my $log (glob "$dir/log/*.log") {
	open my $l, '<', $log or next;
	while (<$l>) {
		if (index($_, $c4) >= 0 || index($_, $t4) >= 0 || index($_, $cookie) >= 0) { push @leaks, $log; last }
	}
}
is_deeply(\@leaks, [], 'no log file holds a session cookie or a CSRF token');

done_testing();
