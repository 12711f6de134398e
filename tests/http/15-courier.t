#!/usr/bin/perl
# The courier (cgi-bin/courier/) against the real stack: outbox rows in PostgreSQL, couriers as
# separate processes, gatewaysim playing the SMS provider with its real signatures. An SMS job
# arrives within seconds; a rate-limited one is retried and then sent; an illegal number dies at
# once with a readable last_error; a job that keeps failing dies after max_attempts; a courier
# killed while the provider holds its request open leaves the job to another courier, which asks
# the provider and sends nothing more (the phone has exactly one message); two couriers over 40
# jobs send each exactly once; the one-time code leaves the payload; SIGTERM finishes the job in
# hand; the daily course_facts job is queued and runs.
#
# The instance's own courier is stopped for the duration (and started again at the end): this
# test runs its own couriers, with a short lease from a copy of the instance's configuration.
# It holds for either driver: CM_SMS_DRIVER=tencent script/test runs it against Tencent's protocol.
use strict;
use warnings;
use utf8;
use Test::More;
use Time::HiRes qw(sleep time);
use POSIX ();
use FindBin;
use lib "$FindBin::Bin/lib";
use CM;
CM::tap_utf8();

my $dir = CM::instance_dir();
my $root = $ENV{CM_ROOT} or die "CM_ROOT is not set";
my $bin = $ENV{CM_APP_BIN} || "$root/coursemart";
my ($name) = $dir =~ m{/([^/]+)\z};
my ($port) = CM::base_url() =~ m{:(\d+)\z};

sub slurp { my ($f) = @_; open my $fh, '<:encoding(UTF-8)', $f or return ''; local $/; return scalar <$fh> }
sub wait_for { my ($cond, $secs) = @_; my $end = time + $secs; while (time < $end) { return 1 if $cond->(); sleep 0.2 } return $cond->() }
sub stack { my ($call) = @_; return system('bash', '-c', "source script/lib/stack.sh && stack_use $name $port && $call >/dev/null") == 0 }

# --- the instance's courier steps aside; ours get a lease of 6 s ---------------------------------

chdir $root or die "cd $root: $!";
ok(stack('stack_proc_stop courier'), "the instance's own courier stops for this test");
END { stack('stack_courier_start') or warn "could not start the instance's courier again\n" if $root }

my $lease = 6;
sub write_conf {
    my ($file, $timeout) = @_;
    my $c = slurp("$dir/coursemart.conf");
    $c =~ s/^courier_lease_seconds\s*=.*$/courier_lease_seconds = $lease/m or die "no lease key";
    $c =~ s/^sms_timeout_seconds\s*=.*$/sms_timeout_seconds = $timeout/m or die "no timeout key";
    open my $fh, '>:encoding(UTF-8)', $file or die "$file: $!";
    print {$fh} $c;
    close $fh;
    return $file;
}
my $fast = write_conf("$dir/courier-t15.conf", 2);
my $patient = write_conf("$dir/courier-t15-patient.conf", 30);    # outlasts the provider's hold

my %log_of;
sub start_courier {
    my ($conf, $label) = @_;
    my $log = "$dir/log/courier-t15-$label.log";
    unlink $log;
    my $pid = fork // die "fork: $!";
    if ($pid == 0) {
        open STDIN, '<', '/dev/null';
        open STDOUT, '>>', $log or POSIX::_exit(126);
        open STDERR, '>&', \*STDOUT;
        exec $bin, '--config', $conf, 'courier' or POSIX::_exit(127);
    }
    $log_of{$pid} = $log;
    wait_for(sub { slurp($log) =~ /courier: ready/ }, 15)
        or diag "courier $label did not say it was ready:\n" . slurp($log);
    return $pid;
}
sub stop_courier {
    my ($pid, $sig) = @_;
    kill $sig // 'TERM', $pid;
    my $end = time + 15;
    while (time < $end) {
        return $? if waitpid($pid, POSIX::WNOHANG()) == $pid;
        sleep 0.05;
    }
    kill 'KILL', $pid;
    waitpid $pid, 0;
    return -1;
}
my @running;
END { stop_courier($_, 'KILL') for grep { kill 0, $_ } @running }

# --- gatewaysim ----------------------------------------------------------------------------------

# CM::sim_mode for one phone; CM::sim_messages reads what gatewaysim recorded.
sub sim_mode { my ($phone, $mode, %o) = @_; CM::sim_mode(phone => $phone, mode => $mode, count => $o{count} // 1, hold_ms => $o{hold_ms}) }
sub sim_messages { return CM::sim_messages(@_) }
ok(eval { CM::sim_reset(); 1 }, "gatewaysim answers (modes reset)") or BAIL_OUT("no gatewaysim: $@");

# --- the outbox ----------------------------------------------------------------------------------

my $seq = 0;
my @used;    # phone numbers and codes that must never reach a log
sub phone { $seq++; my $p = sprintf '137%04d%04d', $$ % 10000, $seq; push @used, $p; return $p }
sub queue_sms {
    my ($phone, $code, %o) = @_;
    push @used, $code;
    my $key = "sms:t15:$$:" . $seq . ':' . int(rand 1e9);
    return CM::psql("INSERT INTO outbox (kind, dedupe_key, max_attempts, payload) VALUES ('sms', "
        . CM::sql_str($key) . ', ' . ($o{max_attempts} // 8) . ', jsonb_build_object('
        . "'phone', " . CM::sql_str($phone) . ", 'template', 'login_code',"
        . " 'params', jsonb_build_object('code', " . CM::sql_str($code) . '))) RETURNING id');
}
sub row {
    my ($id) = @_;
    my ($line) = CM::psql("SELECT status, attempts, coalesce(last_error, ''), coalesce(provider_id, ''),"
        . " (payload ? 'params')::int, (done_at IS NOT NULL)::int,"
        . " round(extract(epoch FROM run_at - now()))::int FROM outbox WHERE id = $id");
    my %r;
    @r{qw(status attempts last_error provider_id has_params has_done_at due_in)} = split /\|/, $line, 7;
    return \%r;
}
sub wait_status { my ($id, $status, $secs) = @_; return wait_for(sub { row($id)->{status} eq $status }, $secs) }

my ($b, $c);    # the couriers that stay

# --- a courier killed while the provider holds its request: exactly one message ------------------
{
    my $phone = phone();
    sim_mode($phone, 'slow', hold_ms => 15000);
    my $a = start_courier($patient, 'a');
    push @running, $a;
    my $id = queue_sms($phone, '731946');
    ok(wait_for(sub { sim_messages($phone) == 1 }, 10),
       "crash: the provider has the message while it holds the answer back");
    my $before = row($id);
    is("$before->{status} $before->{attempts}", 'running 1', "crash: the job is running, attempt 1");
    stop_courier($a, 'KILL');
    $b = start_courier($fast, 'b');
    push @running, $b;
    ok(wait_status($id, 'done', $lease + 15), "crash: after the lease another courier finishes the job");
    my $after = row($id);
    is($after->{attempts}, 2, "crash: in its second attempt");
    is(scalar(sim_messages($phone)), 1, "crash: the phone has received exactly one message");
    like(slurp($log_of{$b}), qr/job $id \(sms\) attempt 2\/8: done.*already sent by an earlier attempt/,
         "crash: the second courier asked the provider and found the message");
    is($after->{has_params}, 0, "crash: the code is gone from the payload");
}

# A second courier for what follows.
$c = start_courier($fast, 'c');
push @running, $c;

# --- delivered within seconds --------------------------------------------------------------------
{
    my $phone = phone();
    my $t0 = time;
    my $id = queue_sms($phone, '604218');
    ok(wait_status($id, 'done', 10), "an SMS job is done");
    cmp_ok(time - $t0, '<', 5, sprintf "within seconds (%.2f s)", time - $t0);
    my @m = sim_messages($phone);
    is(scalar @m, 1, "gatewaysim received one message for the phone");
    is(CM::sim_code($phone), '604218', "with the code from the job's params");
    my $row = row($id);
    is($row->{provider_id}, $m[0]{provider_id}, "the row keeps the provider's id (BizId)");
    is($row->{has_params}, 0, "the params (the one-time code) are gone from the done row");
    is($row->{has_done_at}, 1, "done_at is set");
    like($m[0]{context}, qr/^sms:t15:/, "the message carried the job's dedupe key (OutId / SessionContext)");
}

# --- rate-limited: retried later, then sent ------------------------------------------------------
{
    my $phone = phone();
    sim_mode($phone, 'ratelimit', count => 1);
    my $id = queue_sms($phone, '118822');
    ok(wait_for(sub { my $r = row($id); $r->{status} eq 'pending' && $r->{attempts} == 1 }, 10),
       "rate-limited: the job goes back to pending after attempt 1");
    my $row = row($id);
    like($row->{last_error}, qr/^(isv\.BUSINESS_LIMIT_CONTROL|LimitExceeded\.\w+): rate-limited/,
         "rate-limited: last_error says so");
    cmp_ok($row->{due_in}, '>=', 50, "rate-limited: not before the provider's limit allows (due in $row->{due_in} s)");
    is(scalar(sim_messages($phone)), 0, "rate-limited: nothing was sent");
    CM::psql("UPDATE outbox SET run_at = now() WHERE id = $id");    # the minute passes
    ok(wait_status($id, 'done', 10), "rate-limited: when due again, it is sent");
    is(row($id)->{attempts}, 2, "rate-limited: in attempt 2");
    is(scalar(sim_messages($phone)), 1, "rate-limited: exactly one message");
}

# --- an illegal number: dead at once, readable, no retry -----------------------------------------
{
    my $phone = phone();
    sim_mode($phone, 'illegal', count => 0);
    my $id = queue_sms($phone, '220044');
    ok(wait_status($id, 'dead', 10), "illegal number: the job is dead");
    sleep 1.5;
    my $row = row($id);
    is("$row->{status} $row->{attempts}", 'dead 1', "illegal number: after one attempt, and no retry");
    like($row->{last_error}, qr/^(isv\.MOBILE_NUMBER_ILLEGAL|InvalidParameterValue\.IncorrectPhoneNumber): not a valid mobile number/,
         "illegal number: last_error reads clearly ($row->{last_error})");
    unlike($row->{last_error}, qr/220044|\Q$phone\E/, "illegal number: last_error holds neither the code nor the phone");
    is($row->{has_params}, 0, "illegal number: the params are gone from the dead row");
    is(scalar(sim_messages($phone)), 0, "illegal number: nothing was sent");
    sim_mode($phone, 'ok', count => 0);
}

# --- a provider that keeps failing: dead after max_attempts --------------------------------------
{
    my $phone = phone();
    sim_mode($phone, 'fail', count => 0);
    my $id = queue_sms($phone, '909090', max_attempts => 3);
    ok(wait_for(sub {
        CM::psql("UPDATE outbox SET run_at = now() WHERE id = $id AND status = 'pending' AND run_at > now()");
        row($id)->{status} eq 'dead' }, 30), "failing provider: the job ends dead");
    my $row = row($id);
    is($row->{attempts}, 3, "failing provider: after its 3 allowed attempts");
    like($row->{last_error}, qr/^gave up after 3 attempts; the last: InternalError/,
         "failing provider: last_error says it gave up, and the provider's last error");
    is($row->{has_params}, 0, "failing provider: the params are gone");
    is(scalar(sim_messages($phone)), 0, "failing provider: nothing was sent");
    sim_mode($phone, 'ok', count => 0);
}

# --- two couriers, 40 jobs: each sent exactly once -----------------------------------------------
{
    my $prefix = sprintf '136%04d', $$ % 10000;
    sim_mode('*', 'slow', count => 40, hold_ms => 100);    # each send takes a moment: both work
    my @ids = CM::psql("INSERT INTO outbox (kind, dedupe_key, payload)"
        . " SELECT 'sms', 'sms:t15-40:$$:' || g, jsonb_build_object('phone', '$prefix' || lpad(g::text, 4, '0'),"
        . " 'template', 'login_code', 'params', jsonb_build_object('code', lpad((g * 7919 % 1000000)::text, 6, '0')))"
        . " FROM generate_series(1, 40) g RETURNING id");
    is(scalar @ids, 40, "40 SMS jobs queued in one transaction");
    my $list = join ',', @ids;
    ok(wait_for(sub { CM::psql("SELECT count(*) FROM outbox WHERE id IN ($list) AND status = 'done'") == 40 }, 60),
       "all 40 are done");
    my ($once, $twice, $none) = (0, 0, 0);
    for my $g (1 .. 40) {
        my $n = scalar sim_messages($prefix . sprintf '%04d', $g);
        $n == 1 ? $once++ : $n == 0 ? $none++ : $twice++;
    }
    is("$once $twice $none", '40 0 0', "each of the 40 phones received exactly one message");
    my %ours = map { $_ => 1 } @ids;
    my @by = map { my $l = slurp($log_of{$_}); scalar grep { $ours{$_} } $l =~ /job (\d+) \(sms\) attempt \d+\/\d+: done/g } ($b, $c);
    cmp_ok($by[0] + $by[1], '==', 40, "the couriers' logs account for 40 jobs done ($by[0] + $by[1])");
    ok($by[0] > 0 && $by[1] > 0, "both couriers took a share");
    is(CM::psql("SELECT count(*) FROM outbox WHERE id IN ($list) AND payload ? 'params'"), 0,
       "no done row keeps its params");
    CM::sim_reset();
}

# --- every finished SMS row has lost its params; the logs never show a code or a phone -----------
is(CM::psql("SELECT count(*) FROM outbox WHERE kind = 'sms' AND status IN ('done', 'dead') AND payload ? 'params'"), 0,
   "no done or dead SMS row keeps its params");
{
    my $logs = join '', map { slurp($_) } values %log_of;
    $logs =~ s/provider id \S+//g;    # random digits that could look like anything
    my @leaks = grep { index($logs, $_) >= 0 } @used;
    is("@leaks", '', "the couriers' logs hold none of the " . scalar(@used) . " phone numbers and codes used");
}

# --- the daily course_facts job ------------------------------------------------------------------
{
    my $next = CM::psql("SELECT dedupe_key || ' ' || to_char(run_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI')"
        . " || ' ' || (run_at > now() AND run_at <= now() + interval '1 day')::int"
        . " FROM outbox WHERE kind = 'course_facts' AND status = 'pending' AND dedupe_key ~ '^course_facts:[0-9-]+\$'");
    like($next, qr/^course_facts:(\d{4}-\d\d-\d\d) \1 00:05 1\z/,
         "the next daily course_facts job waits for 00:05 Shanghai time, its date in its key ($next)");
    my ($course, $start) = split /\|/, CM::psql("SELECT id, next_start FROM courses WHERE next_start IS NOT NULL ORDER BY id LIMIT 1");
    CM::psql("UPDATE courses SET next_start = NULL WHERE id = $course");    # as stale as a new day makes it
    my $id = CM::psql("INSERT INTO outbox (kind, dedupe_key) VALUES ('course_facts', 'course_facts:t15-$$') RETURNING id");
    ok(wait_status($id, 'done', 10), "a due course_facts job runs");
    is(CM::psql("SELECT next_start FROM courses WHERE id = $course"), $start, "and the course facts are right again");
}

# --- the daily housekeeping job ------------------------------------------------------------------
{
    my $next = CM::psql("SELECT to_char(run_at AT TIME ZONE 'Asia/Shanghai', 'HH24:MI')"
        . " FROM outbox WHERE kind = 'housekeeping' AND status = 'pending' AND dedupe_key ~ '^housekeeping:[0-9-]+\$'");
    is($next, '00:35', "the next daily housekeeping job waits for 00:35 Shanghai time");
    my $p_old = phone();
    my $p_new = phone();
    CM::psql("INSERT INTO sms_codes (phone, purpose, code_hash, created_at, expires_at) VALUES"
        . " ('$p_old', 'login', sha256('a'), now() - interval '3 days', now() - interval '3 days' + interval '5 minutes'),"
        . " ('$p_new', 'login', sha256('b'), now() - interval '1 hour', now() - interval '55 minutes')");
    CM::psql("INSERT INTO login_failures (phone, kind, at) VALUES ('$p_old', 'password', now() - interval '3 days'),"
        . " ('$p_new', 'password', now() - interval '1 hour')");
    my $id = CM::psql("INSERT INTO outbox (kind, dedupe_key) VALUES ('housekeeping', 'housekeeping:t15-$$') RETURNING id");
    ok(wait_status($id, 'done', 10), "a due housekeeping job runs");
    is(CM::psql("SELECT count(*) FROM sms_codes WHERE phone = '$p_old'") . '/'
        . CM::psql("SELECT count(*) FROM login_failures WHERE phone = '$p_old'"), '0/0',
        "it forgets SMS codes and failed logins older than two days");
    is(CM::psql("SELECT count(*) FROM sms_codes WHERE phone = '$p_new'") . '/'
        . CM::psql("SELECT count(*) FROM login_failures WHERE phone = '$p_new'"), '1/1',
        "and keeps the ones the limits still count");
}

# --- SIGTERM: the job in hand is finished, then the courier exits --------------------------------
{
    is(stop_courier($c), 0, "SIGTERM: an idle courier exits 0");
    my $phone = phone();
    sim_mode($phone, 'slow', hold_ms => 1500);
    my $id = queue_sms($phone, '515151');
    ok(wait_for(sub { sim_messages($phone) == 1 }, 10), "SIGTERM: a job is in hand (the provider holds the answer)");
    my $t0 = time;
    is(stop_courier($b), 0, "SIGTERM: the busy courier exits 0");
    is(row($id)->{status}, 'done', sprintf "SIGTERM: after finishing its job (%.1f s)", time - $t0);
    like(slurp($log_of{$b}), qr/courier: stopped/, "SIGTERM: it says it stopped");
    @running = ();
}

done_testing();
