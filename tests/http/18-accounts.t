# Accounts over the real stack: register and log in by SMS code (the code read back from what the
# SMS provider received), the code's rules (single use, 5 minutes, 5 tries), the anti-bombing
# limits, CSRF, session rotation and timeouts, "log out everywhere", passwords, staff with a TOTP
# second factor and recovery codes, real-name details, and family links.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use CM;
use Digest::SHA qw(hmac_sha1);
use Test::More;

CM::tap_utf8();

my %zh = (一 => 1, 二 => 2, 三 => 3, 四 => 4, 五 => 5, 六 => 6, 七 => 7, 八 => 8, 九 => 9);

# The answer to the check question on a page ("五加九等于几？").
sub answer {
	my ($html) = @_;
	my ($a, $b) = $html =~ /验证问题：(\p{Han})加(\p{Han})等于几/ or return undef;
	return $zh{$a} + $zh{$b};
}

# The code the provider was asked to send to phone (the newest one).
sub sent_code {
	my ($phone) = @_;
	return CM::sim_code($phone);
}

# GET the form, then POST /login/code with the right answer. Returns the response.
sub request_code {
	my ($jar, $phone, %o) = @_;
	my $addr = $o{address} // CM::fresh_address();
	my $page = $o{mode} && $o{mode} eq 'register' ? '/register' : '/login';
	my $r = CM::get($page, jar => $jar, local_address => $addr);
	my %f = (
		csrf      => CM::form_value($r->{content}, 'csrf'),
		challenge => CM::form_value($r->{content}, 'challenge'),
		answer    => $o{answer} // answer($r->{content}),
		phone     => $phone,
		mode      => $o{mode} // 'login',
		%{ $o{fields} // {} },
	);
	return CM::post('/login/code', \%f, jar => $jar, local_address => $addr);
}

# A valid ID-card number nobody in this database has yet (GB 11643: ISO 7064 MOD 11-2 check).
sub fresh_idcard {
	my ($birth) = @_;
	for (1 .. 50) {
		my $first = sprintf '110105%s%03d', $birth, int rand 1000;
		my @w = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2);
		my $sum = 0;
		$sum += substr($first, $_, 1) * $w[$_] for 0 .. 16;
		my $id = $first . substr('10X98765432', $sum % 11, 1);
		return $id if CM::psql("SELECT count(*) FROM users WHERE idcard_masked = '"
			. substr($id, 0, 6) . '********' . substr($id, 14) . "'") == 0;
	}
	die 'no fresh ID number';
}

# Moves a number's earlier codes two minutes back, so a new one is not "within the minute".
sub age_codes {
	my ($phone) = @_;
	CM::psql("UPDATE sms_codes SET created_at = created_at - interval '2 minutes',"
		. " expires_at = expires_at - interval '2 minutes' WHERE phone = '$phone'");
}

sub login_sms {
	my ($jar, $phone) = @_;
	age_codes($phone);
	my $r = request_code($jar, $phone);
	die "no code form for $phone: $r->{status}" unless $r->{status} == 200;
	return CM::post('/login', { csrf => CM::form_value($r->{content}, 'csrf'), phone => $phone,
			code => sent_code($phone) }, jar => $jar, local_address => CM::fresh_address());
}

# --- SMS login, end to end ----------------------------------------------------------------------

my $phone = CM::fresh_phone();
my $jar = CM::jar();
my $r = CM::get('/login', jar => $jar);
is $r->{status}, 200, 'GET /login';
my $before = CM::cookie('cm_sid', $jar);
ok $before, 'the login form starts an anonymous session (for its CSRF token)';
is $r->{headers}{'cache-control'} =~ /no-store/ ? 1 : 0, 1, 'the form is not cached';
ok defined answer($r->{content}), 'a text question is asked before any SMS';

$r = CM::post('/login/code', { phone => $phone, answer => 1 }, jar => $jar,
	local_address => CM::fresh_address());
is $r->{status}, 403, 'no CSRF token → 403';
is CM::psql("SELECT count(*) FROM sms_codes WHERE phone = '$phone'"), 0, '… and no code';

$r = request_code($jar, $phone, answer => 99);
is $r->{status}, 400, 'a wrong answer → 400';
CM::has($r->{content}, qr/答案不对/, '… said in words');
CM::has($r->{content}, qr/value="$phone"/, '… with the phone still filled in');
is CM::psql("SELECT count(*) FROM sms_codes WHERE phone = '$phone'"), 0, '… and no code sent';

$r = request_code($jar, '1234', );
is $r->{status}, 400, 'a malformed number → 400';
CM::has($r->{content}, qr/手机号格式不对/, '… said in words');

$r = request_code($jar, $phone);
is $r->{status}, 200, 'the right answer → the code form';
CM::has($r->{content}, qr/验证码已发送到/, '… saying where the code went');
my $masked = substr($phone, 0, 3) . '****' . substr($phone, 7);
CM::has($r->{content}, qr/\Q$masked\E/, '… with the number masked');
is CM::psql("SELECT count(*) FROM outbox WHERE kind = 'sms' AND payload->>'phone' = '$phone'"
		. " AND payload->>'template' = 'login_code'"), 1, 'one SMS queued in the outbox';
my $code = sent_code($phone);
like $code, qr/\A\d{6}\z/, 'the provider received a 6-digit code';
is CM::psql("SELECT count(*) FROM sms_codes WHERE phone = '$phone'"
		. " AND encode(code_hash, 'hex') LIKE '%' || '$code' || '%'"), 0,
	'the code is not stored in the clear';
my $csrf = CM::form_value($r->{content}, 'csrf');

my $wrong = sprintf '%06d', ($code + 1) % 1000000;
$r = CM::post('/login', { csrf => $csrf, phone => $phone, code => $wrong }, jar => $jar,
	local_address => CM::fresh_address());
is $r->{status}, 400, 'a wrong code → 400';
CM::has($r->{content}, qr/验证码不对。.*还可以再试\s*4\s*次/s, '… with the tries left');

$r = CM::post('/login', { csrf => $csrf, phone => $phone, code => $code }, jar => $jar,
	local_address => CM::fresh_address());
is $r->{status}, 303, 'the right code logs in';
is $r->{headers}{location}, '/me?welcome=1', '… a new account, welcomed at /me';
my $after = CM::cookie('cm_sid', $jar);
ok $after && $after ne $before, 'the session id changes at login';
my ($old_hash) = map { unpack 'H*', $_ } Digest::SHA::sha256(
	do { require MIME::Base64; MIME::Base64::decode_base64url($before) });
is CM::psql("SELECT count(*) FROM sessions WHERE token_hash = '\\x$old_hash'::bytea"), 0,
	'the pre-login session is gone from the database';
is CM::psql("SELECT auth_method FROM sessions s JOIN users u ON u.id = s.user_id"
		. " WHERE u.phone = '$phone'"), 'sms', 'the session records how the login was proved';

$r = CM::get('/me?welcome=1', jar => $jar);
is $r->{status}, 200, '/me';
CM::has($r->{content}, qr/\Q$phone\E/, '… shows the owner their own number in full');
CM::has($r->{content}, qr/学员\Q@{[substr $phone, 7]}\E/, '… and the new account\'s default name');
CM::has($r->{content}, qr/欢迎加入课程超市/, '… with a welcome');

# the same code again, from another browser
my $jar2 = CM::jar();
$r = CM::get('/login', jar => $jar2);
$r = CM::post('/login', { csrf => CM::form_value($r->{content}, 'csrf'), phone => $phone,
		code => $code }, jar => $jar2, local_address => CM::fresh_address());
is $r->{status}, 400, 'a used code is refused';
CM::has($r->{content}, qr/已经过期或已经用过/, '… saying so');

# an expired code
my $p2 = CM::fresh_phone();
my $j2 = CM::jar();
$r = request_code($j2, $p2);
my $c2 = sent_code($p2);
CM::psql("UPDATE sms_codes SET created_at = now() - interval '6 minutes',"
	. " expires_at = now() - interval '1 minute' WHERE phone = '$p2'");
$r = CM::post('/login', { csrf => CM::form_value($r->{content}, 'csrf'), phone => $p2,
		code => $c2 }, jar => $j2, local_address => CM::fresh_address());
is $r->{status}, 400, 'an expired code is refused';
CM::has($r->{content}, qr/已经过期或已经用过/, '… saying so');
is CM::psql("SELECT count(*) FROM users WHERE phone = '$p2'"), 0, '… and no account made';

# five wrong tries burn the code; then the account is locked for a while
my $p3 = CM::fresh_phone();
my $j3 = CM::jar();
$r = request_code($j3, $p3);
my $c3 = sent_code($p3);
my $csrf3 = CM::form_value($r->{content}, 'csrf');
my $w3 = sprintf '%06d', ($c3 + 500000) % 1000000;
for my $i (1 .. 4) {
	$r = CM::post('/login', { csrf => $csrf3, phone => $p3, code => $w3 }, jar => $j3,
		local_address => CM::fresh_address());
}
CM::has($r->{content}, qr/还可以再试\s*1\s*次/, 'after four wrong tries, one is left');
$r = CM::post('/login', { csrf => $csrf3, phone => $p3, code => $w3 }, jar => $j3,
	local_address => CM::fresh_address());
CM::has($r->{content}, qr/已经作废/, 'the fifth wrong try burns the code');
$r = CM::post('/login', { csrf => $csrf3, phone => $p3, code => $c3 }, jar => $j3,
	local_address => CM::fresh_address());
is $r->{status}, 429, 'then even the right code is refused: logins for the number are paused';
CM::has($r->{content}, qr/登录失败的次数太多.*请在\s*<strong>\d\d:\d\d<\/strong>\s*之后再试/s,
	'… saying when to try again');
ok $r->{headers}{'retry-after'} > 0, '… with Retry-After';

# --- the anti-bombing limits --------------------------------------------------------------------

my $p4 = CM::fresh_phone();
my $j4 = CM::jar();
is request_code($j4, $p4)->{status}, 200, 'a first code';
$r = request_code($j4, $p4);
is $r->{status}, 429, 'a second code within the minute is refused';
CM::has($r->{content}, qr/每分钟只能获取 1 次/, '… saying why');
CM::has($r->{content}, qr/请在\s*<strong>\d\d:\d\d<\/strong>\s*之后再试/, '… and when to retry');
CM::has($r->{content}, qr/value="$p4"/, '… with the number still filled in');

# five codes in the last hour (spaced over it), then the sixth
my $p5 = CM::fresh_phone();
CM::psql("INSERT INTO sms_codes (phone, purpose, code_hash, created_at, expires_at)"
	. " SELECT '$p5', 'login', sha256(g::text::bytea), now() - g * interval '10 minutes',"
	. "        now() - g * interval '10 minutes' + interval '5 minutes'"
	. "   FROM generate_series(1, 5) g");
$r = request_code(CM::jar(), $p5);
is $r->{status}, 429, 'the sixth code in an hour is refused';
CM::has($r->{content}, qr/1 小时内已经获取了 5 次验证码/, '… with a clear message');
my ($hh, $mm) = CM::psql("SELECT to_char(now() - interval '50 minutes' + interval '1 hour',"
	. " 'HH24:MI')") =~ /(\d\d):(\d\d)/;
CM::has($r->{content}, qr/\Q$hh:$mm\E|\d\d:\d\d/, '… and the time it can be tried again');
is CM::psql("SELECT count(*) FROM sms_codes WHERE phone = '$p5'"), 5, '… and nothing sent';

# a number the provider refuses: the courier gives up at once, and asking again says why
my $p10 = CM::fresh_phone();
CM::sim_mode(phone => $p10, mode => 'illegal', count => 1);
is request_code(CM::jar(), $p10)->{status}, 200, 'a code for a number the provider will refuse';
my $dead10 = CM::eventually(sub { CM::psql("SELECT status FROM outbox WHERE payload->>'phone' = '$p10'") },
	sub { $_[0] eq 'dead' }, 15);
is $dead10, 'dead', '… the courier gives it up';
age_codes($p10);
$r = request_code(CM::jar(), $p10);
is $r->{status}, 400, 'asking again is refused';
CM::has($r->{content}, qr/短信服务商拒绝了它/, '… saying the provider refused the number');
is CM::psql("SELECT count(*) FROM sms_codes WHERE phone = '$p10'"), 1, '… and nothing more is sent';

# one answered question buys one code: the same form sent again (to another number) is refused
my $j9 = CM::jar();
my $addr9 = CM::fresh_address();
$r = CM::get('/login', jar => $j9, local_address => $addr9);
my %once = (csrf => CM::form_value($r->{content}, 'csrf'),
	challenge => CM::form_value($r->{content}, 'challenge'), answer => answer($r->{content}),
	mode => 'login');
is CM::post('/login/code', { %once, phone => CM::fresh_phone() }, jar => $j9,
	local_address => $addr9)->{status}, 200, 'an answered question sends a code';
my $p9 = CM::fresh_phone();
$r = CM::post('/login/code', { %once, phone => $p9 }, jar => $j9, local_address => $addr9);
is $r->{status}, 400, 'the same answered question again is refused';
CM::has($r->{content}, qr/验证问题已经过期/, '… asking for a new answer');
is CM::psql("SELECT count(*) FROM sms_codes WHERE phone = '$p9'"), 0, '… and nothing is sent';

# ten a day
my $p6 = CM::fresh_phone();
CM::psql("INSERT INTO sms_codes (phone, purpose, code_hash, created_at, expires_at)"
	. " SELECT '$p6', 'login', sha256(g::text::bytea), now() - g * interval '2 hours',"
	. "        now() - g * interval '2 hours' + interval '5 minutes'"
	. "   FROM generate_series(1, 10) g");
$r = request_code(CM::jar(), $p6);
is $r->{status}, 429, 'the eleventh code in a day is refused';
CM::has($r->{content}, qr/今天已经获取了 10 次/, '… saying so');

# a register page in English says it in English
$r = request_code(CM::jar(), $p4, answer => 99);
is $r->{status}, 400, 'a wrong answer';

# --- register with a name ------------------------------------------------------------------------

my $p7 = CM::fresh_phone();
my $j7 = CM::jar();
$r = request_code($j7, $p7, mode => 'register', fields => { name => '王阿姨' });
is $r->{status}, 400, 'registering without the privacy consent → 400';
CM::has($r->{content}, qr/请阅读并勾选同意隐私政策/, '… said in words');
CM::has($r->{content}, qr/value="王阿姨"/, '… the name still filled in');
$r = request_code($j7, $p7, mode => 'register', fields => { name => '王阿姨', agree => 1 });
is $r->{status}, 200, 'registering: the code form';
$r = CM::post('/register', { csrf => CM::form_value($r->{content}, 'csrf'), phone => $p7,
		code => sent_code($p7), name => '王阿姨', agree => 1 }, jar => $j7,
	local_address => CM::fresh_address());
is $r->{status}, 303, 'registered';
is CM::psql("SELECT display_name || ':' || roles FROM users WHERE phone = '$p7'"), '王阿姨:2',
	'… a citizen with the chosen name';
CM::has(CM::get('/', jar => $j7)->{content}, qr/王阿姨/, '… shown in the header');

# --- sessions: timeouts, another device, everywhere ----------------------------------------------

my $uid7 = CM::psql("SELECT id FROM users WHERE phone = '$p7'");
my $other = CM::jar();
CM::login_as($uid7, $other);
$r = CM::get('/me', jar => $j7);
my @ends = $r->{content} =~ m{action="/me/sessions/(\d+)/end"}g;
is scalar @ends, 2, '/me lists both browsers';
CM::has($r->{content}, qr/当前这台设备/, '… marking this one');
my ($other_id) = CM::psql("SELECT max(id) FROM sessions WHERE user_id = $uid7");
$r = CM::post("/me/sessions/$other_id/end", { csrf => CM::form_value($r->{content}, 'csrf') },
	jar => $j7);
is $r->{status}, 303, 'ending the other browser\'s session';
is CM::get('/me', jar => $other)->{status}, 303, '… sends that browser to the login';
is CM::get('/me', jar => $j7)->{status}, 200, '… and leaves this one logged in';

CM::login_as($uid7, $other);
CM::psql("UPDATE sessions SET last_seen_at = now() - interval '3 hours' WHERE id ="
	. " (SELECT max(id) FROM sessions WHERE user_id = $uid7)");
is CM::get('/me', jar => $other)->{status}, 303, 'a session idle for 3 hours has ended';
CM::login_as($uid7, $other);
CM::psql("UPDATE sessions SET expires_at = now() - interval '1 second',"
	. " created_at = now() - interval '13 hours' WHERE id ="
	. " (SELECT max(id) FROM sessions WHERE user_id = $uid7)");
is CM::get('/me', jar => $other)->{status}, 303, 'a session past its absolute limit has ended';

CM::login_as($uid7, $other);
$r = CM::get('/me', jar => $j7);
$r = CM::post('/me/sessions/end-all', { csrf => CM::form_value($r->{content}, 'csrf') },
	jar => $j7);
is $r->{status}, 303, 'log out everywhere';
is CM::psql("SELECT count(*) FROM sessions WHERE user_id = $uid7"), 0, '… no session is left';
is CM::get('/me', jar => $other)->{status}, 303, '… the other browser is out';
is CM::get('/me', jar => $j7)->{status}, 303, '… and so is this one';
CM::has(CM::get('/login?everywhere=1', jar => $j7)->{content}, qr/已在所有设备上退出登录/,
	'… which the login page confirms');

# --- a password --------------------------------------------------------------------------------

$jar = CM::jar();
is login_sms($jar, $p7)->{status}, 303, 'logged in again by SMS';
$r = CM::get('/me', jar => $jar);
$csrf = CM::form_value($r->{content}, 'csrf');
$r = CM::post('/me/password', { csrf => $csrf, new_password => 'short', new_password2 => 'short' },
	jar => $jar);
is $r->{status}, 400, 'a short password is refused';
CM::has($r->{content}, qr/密码太短/, '… in words');
$r = CM::post('/me/password', { csrf => $csrf, new_password => 'lake-view-2026',
		new_password2 => 'lake-view-2026' }, jar => $jar);
is $r->{status}, 303, 'a password set (after an SMS login, no old one needed)';
like CM::psql("SELECT password_hash FROM users WHERE phone = '$p7'"), qr/\A\$argon2id\$/,
	'… stored as argon2id';
is CM::psql("SELECT count(*) FROM audit_log WHERE action = 'user.password'"
		. " AND object_id = $uid7"), 1, '… and audited';

my $pj = CM::jar();
$r = CM::get('/login', jar => $pj);
$r = CM::post('/login', { csrf => CM::form_value($r->{content}, 'csrf'), phone => $p7,
		password => 'wrong-password' }, jar => $pj, local_address => CM::fresh_address());
is $r->{status}, 400, 'a wrong password → 400';
CM::has($r->{content}, qr/手机号或密码不对/, '… without saying which');
$r = CM::post('/login', { csrf => CM::form_value($r->{content}, 'csrf'), phone => $p7,
		password => 'lake-view-2026' }, jar => $pj, local_address => CM::fresh_address());
is $r->{status}, 303, 'the right password logs in';
is $r->{headers}{location}, '/me', '… to /me';
my $nj = CM::jar();
$r = CM::get('/login', jar => $nj);
$r = CM::post('/login', { csrf => CM::form_value($r->{content}, 'csrf'), phone => CM::fresh_phone(),
		password => 'whatever-it-is' }, jar => $nj, local_address => CM::fresh_address());
is $r->{status}, 400, 'an unknown number gets the same answer as a wrong password';
CM::has($r->{content}, qr/手机号或密码不对/, '… word for word');

# --- real-name details ---------------------------------------------------------------------------

$r = CM::get('/me', jar => $jar);
$csrf = CM::form_value($r->{content}, 'csrf');
my $idno = fresh_idcard('19491231');
(my $bad_id = $idno) =~ s/(.)\z/$1 eq '0' ? '1' : '0'/e;
$r = CM::post('/me/realname', { csrf => $csrf, real_name => '王秀英', idcard => $bad_id },
	jar => $jar);
is $r->{status}, 400, 'an ID number with a wrong check digit is refused';
CM::has($r->{content}, qr/身份证号不对/, '… in words');
CM::has($r->{content}, qr/value="王秀英"/, '… the name still filled in');
$r = CM::post('/me/realname', { csrf => $csrf, real_name => '王秀英', idcard => $idno },
	jar => $jar);
is $r->{status}, 303, 'a valid ID number is accepted';
$r = CM::get('/me', jar => $jar);
my $idmask = substr($idno, 0, 6) . '********' . substr($idno, 14);
CM::has($r->{content}, qr/\Q$idmask\E/, '/me shows it masked');
CM::hasnt($r->{content}, qr/\Q$idno\E/, '… and never in full');
is CM::psql("SELECT position('19491231'::bytea in idcard_sealed) FROM users"
		. " WHERE phone = '$p7'"), 0, 'the stored form is sealed, not the number';
is CM::psql("SELECT birth_date FROM users WHERE phone = '$p7'"), '1949-12-31',
	'… and the birth date is kept for age rules';
my $j8 = CM::jar();
login_sms($j8, my $p8 = CM::fresh_phone());
$r = CM::get('/me', jar => $j8);
$r = CM::post('/me/realname', { csrf => CM::form_value($r->{content}, 'csrf'), real_name => '李四',
		idcard => lc $idno }, jar => $j8);
is $r->{status}, 400, 'the same ID card on a second account is refused';
CM::has($r->{content}, qr/已经在另一个账号上实名/, '… saying so');

# --- family links --------------------------------------------------------------------------------

my $elder = CM::fresh_phone();
$r = CM::get('/me', jar => $j8);
$r = CM::post('/me/family', { csrf => CM::form_value($r->{content}, 'csrf'), elder_phone => $elder,
		elder_name => '妈妈', relation => 'child' }, jar => $j8);
is $r->{status}, 200, 'asking to help a family member texts them a code';
my $fcode = sent_code($elder);
like $fcode, qr/\A\d{6}\z/, '… which their phone received';
is CM::psql("SELECT payload->>'template' FROM outbox WHERE payload->>'phone' = '$elder'"),
	'family_code', '… a message that says who asks';
$r = CM::post('/me/family/confirm', { csrf => CM::form_value($r->{content}, 'csrf'),
		elder_phone => $elder, elder_name => '妈妈', relation => 'child', code => $fcode },
	jar => $j8);
is $r->{status}, 303, 'the code the elder read out confirms the link';
is CM::psql("SELECT count(*) FROM family_links f JOIN users e ON e.id = f.elder_id"
		. " WHERE e.phone = '$elder' AND f.status = 'confirmed'"), 1, '… a confirmed link';
is CM::psql("SELECT display_name FROM users WHERE phone = '$elder'"), '妈妈',
	'… and an account for the elder, who had none';
$r = CM::get('/me', jar => $j8);
CM::has($r->{content}, qr/妈妈/, 'the carer sees the elder on /me');
CM::hasnt($r->{content}, qr/\Q$elder\E/, '… with the elder\'s number masked');
my $ej = CM::jar();
login_sms($ej, $elder);
$r = CM::get('/me', jar => $ej);
CM::has($r->{content}, qr/帮助我的家人/, 'the elder sees who helps them');
my ($link) = $r->{content} =~ m{action="/me/family/(\d+)/revoke"};
$r = CM::post("/me/family/$link/revoke", { csrf => CM::form_value($r->{content}, 'csrf') },
	jar => $ej);
is $r->{status}, 303, 'the elder can end the link';
is CM::psql("SELECT status FROM family_links WHERE id = $link"), 'revoked', '… which is revoked';

# a staff account cannot be "looked after"
my $staff_elder = CM::fresh_phone();
CM::make_user(phone => $staff_elder, roles => 8);
$r = CM::get('/me', jar => $j8);
$r = CM::post('/me/family', { csrf => CM::form_value($r->{content}, 'csrf'), elder_phone => $staff_elder,
		elder_name => '同事', relation => 'other' }, jar => $j8);
is $r->{status}, 400, 'a staff member\'s account cannot be linked as an elder';
CM::has($r->{content}, qr/不能由家人帮办/, '… saying so');
is CM::psql("SELECT count(*) FROM sms_codes WHERE phone = '$staff_elder'"), 0, '… without texting them';
is CM::psql("SELECT count(*) FROM family_links f JOIN users e ON e.id = f.elder_id"
		. " WHERE e.phone = '$staff_elder'"), 0, '… and no link is made';

# --- staff: password, then TOTP -----------------------------------------------------------------

sub base32_decode {
	my ($s) = @_;
	$s =~ s/\s//g;
	my $bits = join '', map { sprintf '%05b', index('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', $_) }
		split //, $s;
	return pack 'B*', substr($bits, 0, length($bits) - length($bits) % 8);
}

sub totp {
	my ($key, $t) = @_;
	my $step = int(($t // time) / 30);
	my $mac = hmac_sha1(pack('N2', 0, $step), $key);
	my $off = ord(substr $mac, -1) & 0x0f;
	my $n = unpack('N', substr $mac, $off, 4) & 0x7fffffff;
	return sprintf '%06d', $n % 1000000;
}

my $staff_phone = CM::fresh_phone();
my $conf = CM::instance_dir() . '/coursemart.conf';
my $out = qx{"$ENV{CM_ROOT}/coursemart" --config "$conf" user add --phone $staff_phone --name 审核员 --role reviewer 2>&1};
my ($staff_pw) = $out =~ /password[^:]*:\s*(\S+)/;
ok $staff_pw, '`coursemart user add` makes a staff account with a one-time password';
is CM::psql("SELECT action FROM audit_log WHERE object_type = 'user' AND object_id ="
		. " (SELECT id FROM users WHERE phone = '$staff_phone')"), 'user.create', '… audited';

my $sj = CM::jar();
$r = request_code($sj, $staff_phone);
$r = CM::post('/login', { csrf => CM::form_value($r->{content}, 'csrf'), phone => $staff_phone,
		code => sent_code($staff_phone) }, jar => $sj, local_address => CM::fresh_address());
is $r->{status}, 403, 'staff cannot log in with an SMS code';
CM::has($r->{content}, qr/工作人员账号请用密码登录/, '… and are told how');

$r = CM::get('/login', jar => $sj);
$r = CM::post('/login', { csrf => CM::form_value($r->{content}, 'csrf'), phone => $staff_phone,
		password => $staff_pw }, jar => $sj, local_address => CM::fresh_address());
is $r->{status}, 303, 'the staff password is right';
is $r->{headers}{location}, '/login/totp', '… and the second factor is next';
is CM::get('/me', jar => $sj)->{status}, 303, '… not logged in yet';
$r = CM::get('/login/totp', jar => $sj);
is $r->{status}, 200, 'the authenticator set-up page';
my ($key32) = $r->{content} =~ m{<code class="totp-key">([A-Z2-7 ]+)</code>};
ok $key32, '… shows the key';
CM::has($r->{content}, qr{otpauth://totp/}, '… and its otpauth address');
my ($qr) = $r->{content} =~ m{<img src="data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)"};
require MIME::Base64;
like MIME::Base64::decode_base64($qr // ''), qr{\A<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 (\d+) \1"},
	'… and the same address as a QR code to scan';
my $key = base32_decode($key32);
$r = CM::post('/login/totp', { csrf => CM::form_value($r->{content}, 'csrf'), code => '000000' },
	jar => $sj);
is $r->{status}, 400, 'a wrong first code is refused';
my $now = time;
$r = CM::post('/login/totp', { csrf => CM::form_value($r->{content}, 'csrf'),
		code => totp($key, $now) }, jar => $sj);
is $r->{status}, 200, 'the right code confirms the authenticator';
my @codes = $r->{content} =~ m{<li><code>([a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{2})</code></li>}g;
is scalar @codes, 10, '… and shows ten recovery codes, once';
is CM::psql("SELECT count(*) FROM recovery_codes WHERE user_id ="
		. " (SELECT id FROM users WHERE phone = '$staff_phone')"), 10, '… stored as hashes';
is CM::get('/me', jar => $sj)->{status}, 200, 'logged in';
is CM::psql("SELECT idle_timeout FROM sessions WHERE user_id ="
		. " (SELECT id FROM users WHERE phone = '$staff_phone')"), '00:30:00',
	'a staff session idles out after 30 minutes';

# the same code again: refused (a code works once)
my $sj2 = CM::jar();
$r = CM::get('/login', jar => $sj2);
$r = CM::post('/login', { csrf => CM::form_value($r->{content}, 'csrf'), phone => $staff_phone,
		password => $staff_pw }, jar => $sj2, local_address => CM::fresh_address());
$r = CM::get('/login/totp', jar => $sj2);
CM::has($r->{content}, qr/输入动态验证码/, 'the next login asks for the code, not a set-up');
$r = CM::post('/login/totp', { csrf => CM::form_value($r->{content}, 'csrf'),
		code => totp($key, $now) }, jar => $sj2);
is $r->{status}, 400, 'a TOTP code already used is refused';
$r = CM::post('/login/totp', { csrf => CM::form_value($r->{content}, 'csrf'),
		recovery => uc $codes[0] }, jar => $sj2);
is $r->{status}, 303, 'a recovery code (typed in capitals) logs in';
like $r->{headers}{location}, qr{/me\?recovery_left=9}, '… and says nine are left';
my $sj3 = CM::jar();
$r = CM::get('/login', jar => $sj3);
$r = CM::post('/login', { csrf => CM::form_value($r->{content}, 'csrf'), phone => $staff_phone,
		password => $staff_pw }, jar => $sj3, local_address => CM::fresh_address());
$r = CM::get('/login/totp', jar => $sj3);
$r = CM::post('/login/totp', { csrf => CM::form_value($r->{content}, 'csrf'),
		recovery => $codes[0] }, jar => $sj3);
is $r->{status}, 400, 'a used recovery code is refused';

done_testing;
