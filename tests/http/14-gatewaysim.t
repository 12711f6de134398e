#!/usr/bin/perl
# gatewaysim over the real stack (nginx on port + 2, gatewaysim, PostgreSQL): real signed requests
# from the production SMS drivers and signers (tests/tools/smscall), the providers' answers and
# codes as the drivers read them, what gatewaysim records, and the control API.
use strict;
use warnings;
use utf8;
use Test::More;
use FindBin;
use lib "$FindBin::Bin/lib";
use CM;
use JSON::PP ();
use POSIX qw(strftime);
use POSIX ();
use Time::HiRes ();
CM::tap_utf8();

my $root = $ENV{CM_ROOT} or die "CM_ROOT is not set";
my $tool = "$root/tests/tools/smscall";
BAIL_OUT("$tool is not built: run make") unless -x $tool;
my $conf = CM::instance_dir() . "/coursemart.conf";
my %conf;
{
	open my $fh, '<:encoding(UTF-8)', $conf or die "$conf: $!";
	while (<$fh>) { $conf{$1} = $2 if /^\s*(\w+)\s*=\s*(.*?)\s*$/ }
}
my %code_of = map { split /:/, $_, 2 } split ' ', $conf{sms_templates};
my $login_code = $code_of{login_code} or die "no login_code in sms_templates";
my $json = JSON::PP->new->utf8;

# send(PHONE, driver => D, code => C, key => K, OPTION => VALUE...): one SendSms through the
# production driver; the sms_result as a hash.
sub send_sms {
	my ($phone, %o) = @_;
	my $code = delete $o{code} // '123456';
	my $key = delete $o{key} // "job-$phone-" . int(rand 1e9);
	my @opts = map { ("--$_" =~ s/_/-/gr, $o{$_}) } sort keys %o;
	open my $fh, '-|', $tool, '--config', $conf, 'send', @opts, $phone, 'login_code',
		qq({"code":"$code"}), $key or die "$tool: $!";
	my $out = do { local $/; <$fh> };
	close $fh;
	return $json->decode($out);
}

# call(aliyun|tencent, ARGS...): a signed request of any action; (HTTP status, decoded body).
sub call {
	my ($provider, @args) = @_;
	open my $fh, '-|', $tool, '--config', $conf, 'call', $provider, @args or die "$tool: $!";
	my ($status, @body) = <$fh>;
	close $fh;
	chomp $status;
	my $body = join '', @body;
	return ($status, (eval { $json->decode($body) } // { raw => $body }));
}

sub count_messages { scalar CM::sim_messages($_[0]) }
sub refusals {
	my ($phone_or_code) = @_;
	return CM::psql("SELECT count(*) FROM sim.refusals WHERE code = " . CM::sql_str($phone_or_code));
}
my $today = strftime('%Y%m%d', gmtime(time + 8 * 3600));    # Beijing date, as Aliyun counts days

CM::sim_reset();

subtest 'Aliyun SendSms through the production driver is accepted and recorded' => sub {
	my $phone = CM::fresh_phone();
	my $r = send_sms($phone, driver => 'aliyun', code => '246810', key => "sms:login-code:$phone");
	is $r->{outcome}, 'sent', 'the driver says sent';
	is $r->{code}, 'OK', "with Aliyun's Code OK";
	like $r->{provider_id}, qr/\A[0-9]+\^0\z/, 'and a BizId like Aliyun\'s';
	my @m = CM::sim_messages($phone);
	is scalar @m, 1, 'one message recorded';
	is $m[0]{provider}, 'aliyun', 'as Aliyun';
	is $m[0]{context}, "sms:login-code:$phone", 'with its OutId';
	is $m[0]{provider_id}, $r->{provider_id}, 'and the BizId the driver got';
	is $m[0]{template_code}, $login_code, 'the configured template code';
	is $m[0]{sign_name}, $conf{sms_sign_name}, 'the sign name';
	is_deeply $m[0]{params}, { code => '246810' }, 'the parameters';
	is $m[0]{text}, "【$conf{sms_sign_name}】您的登录验证码为246810，5分钟内有效。如非本人操作，请忽略本短信。",
		'the text the phone shows';
	is CM::sim_code($phone), '246810', 'CM::sim_code reads the code';
};

subtest 'Tencent SendSms through the production driver is accepted and recorded' => sub {
	my $phone = CM::fresh_phone();
	my $r = send_sms($phone, driver => 'tencent', code => '135790', key => "ctx-$phone");
	is $r->{outcome}, 'sent', 'the driver says sent';
	is $r->{code}, 'Ok', "with Tencent's Code Ok";
	like $r->{provider_id}, qr/\A[0-9]{4}:[0-9]{28}\z/, "a SerialNo like Tencent's";
	my @m = CM::sim_messages($phone);
	is scalar @m, 1, 'one message recorded';
	is $m[0]{provider}, 'tencent', 'as Tencent';
	is $m[0]{phone}, $phone, 'the phone in 11-digit form (the driver sent +86…)';
	is $m[0]{context}, "ctx-$phone", 'with its SessionContext';
	is $m[0]{provider_id}, $r->{provider_id}, 'and the SerialNo';
	is_deeply $m[0]{params}, ['135790'], 'the positional parameters';
	like $m[0]{text}, qr/135790/, 'the text holds the code';
	is CM::sim_code($phone), '135790', 'CM::sim_code reads it';
};

subtest 'a wrong secret is refused with the providers\' codes and nothing is recorded' => sub {
	my $phone = CM::fresh_phone();
	my $before = refusals('SignatureDoesNotMatch');
	my $r = send_sms($phone, driver => 'aliyun', secret => 'not-the-secret');
	is $r->{code}, 'SignatureDoesNotMatch', 'Aliyun: SignatureDoesNotMatch';
	is $r->{outcome}, 'retry-later', 'which the driver retries later (our misconfiguration)';
	like $r->{message}, qr/Specified signature is not matched with our calculation\./, 'Aliyun\'s message';
	is refusals('SignatureDoesNotMatch'), $before + 1, 'the refusal is recorded';
	my ($status, $body) = call('aliyun', '--secret', 'nope', 'Action=SendSms', "PhoneNumbers=$phone",
		"SignName=$conf{sms_sign_name}", "TemplateCode=$login_code", 'TemplateParam={"code":"1"}');
	is $status, 400, 'HTTP 400';
	is $body->{Code}, 'SignatureDoesNotMatch', 'Code';
	is $body->{Message}, 'Specified signature is not matched with our calculation.', 'Message';
	ok $body->{RequestId} && $body->{HostId}, 'RequestId and HostId';
	$r = send_sms($phone, driver => 'tencent', secret => 'not-the-secret');
	is $r->{code}, 'AuthFailure.SignatureFailure', 'Tencent: AuthFailure.SignatureFailure';
	is count_messages($phone), 0, 'nothing recorded';
	$r = send_sms($phone, driver => 'aliyun', key_id => 'LTAIunknown');
	is $r->{code}, 'InvalidAccessKeyId.NotFound', 'Aliyun: an unknown AccessKeyId';
	$r = send_sms($phone, driver => 'tencent', key_id => 'AKIDunknown');
	is $r->{code}, 'AuthFailure.SecretIdNotFound', 'Tencent: an unknown SecretId';
	is count_messages($phone), 0, 'still nothing recorded';
};

subtest 'a replayed Aliyun nonce and stale timestamps are refused' => sub {
	my $phone = CM::fresh_phone();
	my $nonce = "nonce-$phone-" . int(rand 1e9);
	is send_sms($phone, driver => 'aliyun', nonce => $nonce)->{outcome}, 'sent', 'a fresh nonce is accepted';
	my $r = send_sms($phone, driver => 'aliyun', nonce => $nonce);
	is $r->{code}, 'SignatureNonceUsed', 'the same nonce again: SignatureNonceUsed';
	is count_messages($phone), 1, 'only the first was recorded';
	$r = send_sms($phone, driver => 'aliyun', at => time - 16 * 60);
	is $r->{code}, 'InvalidTimeStamp.Expired', 'Aliyun: 16 minutes old is expired';
	$r = send_sms($phone, driver => 'aliyun', at => time + 16 * 60);
	is $r->{code}, 'InvalidTimeStamp.Expired', 'Aliyun: 16 minutes ahead too';
	is send_sms($phone, driver => 'aliyun', at => time - 10 * 60)->{outcome}, 'sent', 'Aliyun: 10 minutes old is fine';
	$r = send_sms($phone, driver => 'tencent', at => time - 6 * 60);
	is $r->{code}, 'AuthFailure.SignatureExpire', 'Tencent: 6 minutes old is expired';
	is send_sms($phone, driver => 'tencent', at => time - 4 * 60)->{outcome}, 'sent', 'Tencent: 4 minutes old is fine';
	is count_messages($phone), 3, 'three accepted in all';
};

subtest 'bad numbers, sign names, templates and parameters get Aliyun\'s isv codes' => sub {
	my $phone = CM::fresh_phone();
	my @common = ('Action=SendSms', "SignName=$conf{sms_sign_name}", "TemplateCode=$login_code");
	my ($s, $b) = call('aliyun', @common, 'PhoneNumbers=1234', 'TemplateParam={"code":"1"}');
	is $b->{Code}, 'isv.MOBILE_NUMBER_ILLEGAL', 'a bad number';
	is $s, 200, 'product errors come with HTTP 200';
	($s, $b) = call('aliyun', 'Action=SendSms', 'SignName=别家', "TemplateCode=$login_code",
		"PhoneNumbers=$phone", 'TemplateParam={"code":"1"}');
	is $b->{Code}, 'isv.SMS_SIGNATURE_ILLEGAL', 'an unknown sign name';
	($s, $b) = call('aliyun', 'Action=SendSms', "SignName=$conf{sms_sign_name}", 'TemplateCode=SMS_1',
		"PhoneNumbers=$phone", 'TemplateParam={"code":"1"}');
	is $b->{Code}, 'isv.SMS_TEMPLATE_ILLEGAL', 'an unknown template';
	($s, $b) = call('aliyun', @common, "PhoneNumbers=$phone", 'TemplateParam={"code":123}');
	is $b->{Code}, 'isv.INVALID_JSON_PARAM', 'a number where Aliyun wants a string';
	($s, $b) = call('aliyun', @common, "PhoneNumbers=$phone", 'TemplateParam={"code":');
	is $b->{Code}, 'isv.INVALID_JSON_PARAM', 'parameters that are not JSON';
	($s, $b) = call('aliyun', 'Action=SendSms', "TemplateCode=$login_code", "PhoneNumbers=$phone");
	is $b->{Code}, 'MissingSignName', 'a missing SignName';
	is $s, 400, 'with HTTP 400';
	($s, $b) = call('aliyun', 'Action=NoSuchThing');
	is $b->{Code}, 'InvalidAction.NotFound', 'an unknown action';
	is count_messages($phone), 0, 'nothing recorded';
};

subtest 'each mode answers with the code the drivers map to retry-later or rejected' => sub {
	my %expect = (
		aliyun => {
			fail => ['retry-later', 'InternalError'],
			ratelimit => ['retry-later', 'isv.BUSINESS_LIMIT_CONTROL'],
			illegal => ['rejected', 'isv.MOBILE_NUMBER_ILLEGAL'],
		},
		tencent => {
			fail => ['retry-later', 'InternalError'],
			ratelimit => ['retry-later', 'LimitExceeded.PhoneNumberOneHourLimit'],
			illegal => ['rejected', 'InvalidParameterValue.IncorrectPhoneNumber'],
		},
	);
	for my $driver (qw(aliyun tencent)) {
		for my $mode (qw(fail ratelimit illegal)) {
			my $phone = CM::fresh_phone();
			my $set = CM::sim_mode(phone => $phone, mode => $mode);
			is $set->{count}, 1, "$mode: for one request by default";
			my $r = send_sms($phone, driver => $driver);
			my ($outcome, $code) = @{ $expect{$driver}{$mode} };
			is "$r->{outcome} $r->{code}", "$outcome $code", "$driver $mode: $outcome with $code";
			ok $r->{retry_after_s} > 0, "$driver $mode: with a hint when to retry" if $mode eq 'ratelimit';
			is count_messages($phone), 0, "$driver $mode: nothing recorded";
			is send_sms($phone, driver => $driver)->{outcome}, 'sent', "$driver $mode: the next one is sent";
		}
	}
	my $phone = CM::fresh_phone();
	my ($s, $b);
	CM::sim_mode(phone => $phone, mode => 'fail');
	($s, $b) = call('tencent', 'SendSms', $json->encode({ PhoneNumberSet => ["+86$phone"],
		SmsSdkAppId => $conf{sms_sdk_app_id}, SignName => $conf{sms_sign_name}, TemplateId => $login_code,
		TemplateParamSet => ['1'] }));
	is $s, 500, 'fail: HTTP 500';
	is $b->{Response}{Error}{Code}, 'InternalError', "with Tencent's internal-error body";
	CM::sim_mode(phone => $phone, mode => 'ratelimit', count => 2);
	is send_sms($phone)->{outcome}, 'retry-later', 'count 2: the first';
	is send_sms($phone)->{outcome}, 'retry-later', 'count 2: the second';
	is send_sms($phone)->{outcome}, 'sent', 'count 2: then sent';
	CM::sim_mode(phone => '*', mode => 'illegal', count => 0);
	is send_sms(CM::fresh_phone())->{outcome}, 'rejected', '* applies to every phone';
	is send_sms(CM::fresh_phone())->{outcome}, 'rejected', 'count 0: until reset';
	CM::sim_mode(phone => $phone, mode => 'ok', count => 0);
	is send_sms($phone)->{outcome}, 'sent', "a phone's own mode wins over *";
	CM::sim_reset();
	is send_sms(CM::fresh_phone())->{outcome}, 'sent', 'reset clears the modes';
	my $r = CM::post(CM::sim_url() . '/sim/mode', { phone => $phone, mode => 'explode' });
	is $r->{status}, 400, 'an unknown mode is refused';
	$r = CM::post(CM::sim_url() . '/sim/mode', { phone => '12345', mode => 'fail' });
	is $r->{status}, 400, 'so is a bad phone';
};

subtest 'timeout holds the request and records nothing; slow records and answers late' => sub {
	my $phone = CM::fresh_phone();
	CM::sim_mode(phone => $phone, mode => 'timeout', hold_ms => 2500);
	my $t0 = Time::HiRes::time();
	my $r = send_sms($phone, timeout_ms => 1000);
	is "$r->{outcome} $r->{code}", 'retry-later CM.Transport', 'the driver times out: retry later';
	cmp_ok Time::HiRes::time() - $t0, '<', 2.4, 'after its own timeout';
	Time::HiRes::sleep(2);
	is count_messages($phone), 0, 'nothing recorded, even after the hold';

	$phone = CM::fresh_phone();
	CM::sim_mode(phone => $phone, mode => 'slow', hold_ms => 4000);
	$t0 = Time::HiRes::time();
	my $pid = open(my $slow, '-|') // die "fork: $!";
	if (!$pid) {
		print $json->encode(send_sms($phone, driver => 'tencent'));
		exit 0;
	}
	my @m = @{ CM::eventually(sub { [CM::sim_messages($phone)] }, sub { @{ $_[0] } > 0 }, 3) };
	is scalar @m, 1, 'slow: the message is recorded before the answer';
	is send_sms(CM::fresh_phone())->{outcome}, 'sent', 'another request meanwhile is served';
	cmp_ok Time::HiRes::time() - $t0, '<', 3.9, 'before the held one is answered: by another worker';
	my $out = do { local $/; <$slow> };
	close $slow;
	$r = $json->decode($out);
	cmp_ok Time::HiRes::time() - $t0, '>=', 3.9, 'slow: the held request is answered after hold_ms';
	is $r->{outcome}, 'sent', 'and sent';
	is $r->{provider_id}, $m[0]{provider_id}, 'with the SerialNo that was recorded';
};

subtest 'QuerySendDetails finds a message by its OutId' => sub {
	my $phone = CM::fresh_phone();
	my $sent = send_sms($phone, driver => 'aliyun', key => "dedupe-$phone");
	send_sms($phone, driver => 'aliyun', key => "other-$phone");
	my ($s, $b) = call('aliyun', 'Action=QuerySendDetails', "PhoneNumber=$phone", "SendDate=$today",
		'PageSize=10', 'CurrentPage=1');
	is $s, 200, 'HTTP 200';
	is $b->{Code}, 'OK', 'Code OK';
	is $b->{TotalCount}, 2, 'both messages of the day';
	my @d = @{ $b->{SmsSendDetailDTOs}{SmsSendDetailDTO} };
	my ($found) = grep { $_->{OutId} eq "dedupe-$phone" } @d;
	ok $found, 'the one with our OutId is there';
	is $found->{PhoneNum}, $phone, 'PhoneNum';
	is $found->{SendStatus}, 3, 'SendStatus 3 (delivered)';
	is $found->{ErrCode}, 'DELIVERED', 'ErrCode DELIVERED';
	is $found->{TemplateCode}, $login_code, 'TemplateCode';
	like $found->{Content}, qr/123456/, 'Content';
	like $found->{SendDate}, qr/\A\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\z/, 'SendDate';
	ok $found->{ReceiveDate}, 'ReceiveDate';
	($s, $b) = call('aliyun', 'Action=QuerySendDetails', "PhoneNumber=$phone", "SendDate=$today",
		'PageSize=10', 'CurrentPage=1', "BizId=$sent->{provider_id}");
	is $b->{TotalCount}, 1, 'by BizId: one';
	is $b->{SmsSendDetailDTOs}{SmsSendDetailDTO}[0]{OutId}, "dedupe-$phone", 'the right one';
	($s, $b) = call('aliyun', 'Action=QuerySendDetails', "PhoneNumber=$phone", "SendDate=$today",
		'PageSize=1', 'CurrentPage=2');
	is scalar @{ $b->{SmsSendDetailDTOs}{SmsSendDetailDTO} }, 1, 'page 2 of size 1: one row';
	is $b->{TotalCount}, 2, 'and the total';
	($s, $b) = call('aliyun', 'Action=QuerySendDetails', "PhoneNumber=$phone", 'SendDate=20000101',
		'PageSize=10', 'CurrentPage=1');
	is $b->{TotalCount}, 0, 'another day: none';
	($s, $b) = call('aliyun', 'Action=QuerySendDetails', "PhoneNumber=$phone", "SendDate=$today",
		'PageSize=51', 'CurrentPage=1');
	is $b->{Code}, 'isv.INVALID_PARAMETERS', 'PageSize over 50 is refused';
};

subtest 'PullSmsSendStatusByPhoneNumber finds a message by its SessionContext' => sub {
	my $phone = CM::fresh_phone();
	my $sent = send_sms($phone, driver => 'tencent', key => "ctx-$phone");
	my %q = (BeginTime => time - 600, Offset => 0, Limit => 10, PhoneNumber => "+86$phone",
		SmsSdkAppId => $conf{sms_sdk_app_id});
	my ($s, $b) = call('tencent', 'PullSmsSendStatusByPhoneNumber', $json->encode(\%q));
	is $s, 200, 'HTTP 200';
	ok !$b->{Response}{Error}, 'no error';
	ok $b->{Response}{RequestId}, 'a RequestId';
	my @set = @{ $b->{Response}{PullSmsSendStatusSet} };
	is scalar @set, 1, 'one status';
	is $set[0]{SessionContext}, "ctx-$phone", 'with our SessionContext';
	is $set[0]{SerialNo}, $sent->{provider_id}, 'the SerialNo';
	is $set[0]{PhoneNumber}, "+86$phone", 'PhoneNumber';
	is $set[0]{SubscriberNumber}, $phone, 'SubscriberNumber';
	is $set[0]{CountryCode}, '86', 'CountryCode';
	is $set[0]{ReportStatus}, 'SUCCESS', 'ReportStatus';
	cmp_ok abs($set[0]{UserReceiveTime} - time), '<', 60, 'UserReceiveTime';
	($s, $b) = call('tencent', 'PullSmsSendStatusByPhoneNumber',
		$json->encode({ %q, BeginTime => time + 60 }));
	is scalar @{ $b->{Response}{PullSmsSendStatusSet} }, 0, 'none after BeginTime';
	($s, $b) = call('tencent', 'PullSmsSendStatusByPhoneNumber', $json->encode({ %q, Limit => 101 }));
	like $b->{Response}{Error}{Code}, qr/\AInvalidParameterValue/, 'Limit over 100 is refused';
	($s, $b) = call('tencent', 'PullSmsSendStatusByPhoneNumber',
		$json->encode({ %q, SmsSdkAppId => '1400999999' }));
	is $b->{Response}{Error}{Code}, 'InvalidParameterValue.SdkAppIdNotExist', 'another SmsSdkAppId';
	($s, $b) = call('tencent', 'NoSuchAction', '{}');
	is $b->{Response}{Error}{Code}, 'InvalidAction', 'an unknown action';
};

subtest 'the messages as JSON and the page for developers' => sub {
	my $phone = CM::fresh_phone();
	send_sms($phone, code => '111111');
	send_sms($phone, code => '222222', driver => 'tencent');
	my $r = CM::get(CM::sim_url() . '/sim/messages', query => { phone => $phone });
	is $r->{status}, 200, 'GET /sim/messages';
	my @m = @{ CM::json($r)->{messages} };
	is scalar @m, 2, 'both messages';
	like $m[0]{text}, qr/222222/, 'newest first';
	is $m[1]{provider}, 'aliyun', 'the older one last';
	is CM::sim_code($phone), '222222', 'sim_code: the newest code';
	is CM::sim_code($phone, after => $m[0]{id}, wait => 0.3), undef, 'none newer than that';
	$r = CM::get(CM::sim_url() . '/sim/', query => { phone => $phone });
	is $r->{status}, 200, 'GET /sim/';
	like $r->{headers}{'content-type'}, qr{text/html}, 'is HTML';
	is scalar(() = CM::h1s($r->{content})), 1, 'with one <h1>';
	CM::has($r->{content}, qr/222222/, 'showing the text with the code');
	$r = CM::get(CM::sim_url() . '/sim/nothing');
	is $r->{status}, 404, 'an unknown path: 404';
	CM::sim_reset(messages => 1);
	is count_messages($phone), 0, 'reset with messages=1 clears the records';
};

# An Aliyun request signed by Perl, independently of the C signer: percent-encode (RFC 3986), sort,
# StringToSign = POST&%2F&encode(query), HMAC-SHA1 under secret + "&", base64 with padding.
sub pct {
	my ($s) = @_;
	utf8::encode($s) if utf8::is_utf8($s);
	$s =~ s/([^A-Za-z0-9\-_.~])/sprintf '%%%02X', ord $1/ge;
	return $s;
}
my $secret = do {
	open my $fh, '<', $conf{sms_access_key_secret_file} or die "$conf{sms_access_key_secret_file}: $!";
	local $/;
	my $s = <$fh>;
	$s =~ s/\A\s+|\s+\z//g;
	$s;
};
sub aliyun_body {
	my (%p) = @_;
	my %all = (AccessKeyId => $conf{sms_access_key_id}, Format => 'JSON', RegionId => 'cn-hangzhou',
		SignatureMethod => 'HMAC-SHA1', SignatureNonce => 'perl-' . $$ . '-' . int(rand 1e12),
		SignatureVersion => '1.0', Timestamp => strftime('%Y-%m-%dT%H:%M:%SZ', gmtime),
		Version => '2017-05-25', %p);
	my $query = join '&', map { pct($_) . '=' . pct($all{$_}) } sort keys %all;
	require Digest::SHA;
	my $sig = Digest::SHA::hmac_sha1_base64('POST&%2F&' . pct($query), "$secret&");
	$sig .= '=' while length($sig) % 4;
	return "$query&Signature=" . pct($sig);
}

subtest 'a request signed by another implementation (Perl) is accepted' => sub {
	my $phone = CM::fresh_phone();
	my $r = CM::request('POST', CM::sim_url() . '/',
		headers => { 'Content-Type' => 'application/x-www-form-urlencoded' },
		content => aliyun_body(Action => 'SendSms', PhoneNumbers => $phone,
			SignName => $conf{sms_sign_name}, TemplateCode => $login_code,
			TemplateParam => '{"code":"975310"}', OutId => "perl-$phone"));
	is $r->{status}, 200, 'HTTP 200';
	is CM::json($r)->{Code}, 'OK', 'Code OK';
	is CM::sim_code($phone), '975310', 'recorded with its code';
	$r = CM::request('POST', CM::sim_url() . '/',
		headers => { 'Content-Type' => 'application/x-www-form-urlencoded' },
		content => aliyun_body(Action => 'SendSms', PhoneNumbers => $phone,
			SignName => $conf{sms_sign_name}, TemplateCode => $login_code) =~ s/PhoneNumbers=/PhoneNumbers=1/r);
	is CM::json($r)->{Code}, 'SignatureDoesNotMatch', 'the same request altered after signing is refused';
};

# A second gatewaysim on its own socket, over FastCGI directly (cgi-fcgi): SIGTERM while it holds a
# request answers that request, then the program exits with status 0 and removes its socket.
subtest 'SIGTERM stops gatewaysim cleanly, even while it holds a request' => sub {
	my $dir = CM::instance_dir();
	my $sock = "$dir/run/sim-term.sock";
	my $tconf = "$dir/sim-term.conf";
	my $bin = $ENV{CM_SIM_BIN} // "$root/gatewaysim";
	open my $in, '<', $conf or die "$conf: $!";
	open my $out, '>', $tconf or die "$tconf: $!";
	while (<$in>) { s/^sim_listen\s*=.*$/sim_listen = $sock/; print $out $_ }
	close $in;
	close $out;
	my $sim = fork // die "fork: $!";
	if ($sim == 0) {
		open STDOUT, '>>', "$dir/log/sim-term.log";
		open STDERR, '>&', \*STDOUT;
		exec($bin, '--config', $tconf) or POSIX::_exit(127);
	}
	CM::eventually(sub { -S $sock }, sub { $_[0] }, 10);
	ok -S $sock, 'a second gatewaysim listens on its own socket';

	my $phone = CM::fresh_phone();
	CM::sim_mode(phone => $phone, mode => 'slow', hold_ms => 20000);    # the modes live in the database
	my $body = aliyun_body(Action => 'SendSms', PhoneNumbers => $phone, SignName => $conf{sms_sign_name},
		TemplateCode => $login_code, TemplateParam => '{"code":"864200"}');
	my $answer = "$dir/run/sim-term.answer";
	my $client = fork // die "fork: $!";
	if ($client == 0) {
		local $ENV{REQUEST_METHOD} = 'POST';
		local $ENV{REQUEST_URI} = '/';
		local $ENV{CONTENT_TYPE} = 'application/x-www-form-urlencoded';
		local $ENV{CONTENT_LENGTH} = length $body;
		open my $pipe, '|-', "cgi-fcgi -bind -connect '$sock' > '$answer' 2>/dev/null" or POSIX::_exit(1);
		print $pipe $body;
		close $pipe;
		POSIX::_exit(0);
	}
	my @m = @{ CM::eventually(sub { [CM::sim_messages($phone)] }, sub { @{ $_[0] } > 0 }, 10) };
	is scalar @m, 1, 'the held message is recorded';
	my $t0 = Time::HiRes::time();
	kill 'TERM', $sim;
	my $exited = CM::eventually(sub { waitpid($sim, POSIX::WNOHANG()) == $sim }, sub { $_[0] }, 15);
	my $status = $?;
	ok $exited, sprintf('it exits after SIGTERM (%.1f s), not after the 20 s hold', Time::HiRes::time() - $t0);
	cmp_ok Time::HiRes::time() - $t0, '<', 10, 'promptly';
	is $status >> 8, 0, 'with status 0';
	waitpid $client, 0;
	my $got = do { local (@ARGV, $/) = ($answer); <> } // '';
	like $got, qr/\AStatus: 200/, 'the held request got its answer';
	like $got, qr/"Code":"OK"/, 'the message was accepted';
	ok !-e $sock, 'the socket is removed';
	unlink $tconf, $answer;
};

CM::sim_reset();
done_testing();
