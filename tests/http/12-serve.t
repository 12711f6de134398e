#!/usr/bin/perl
# The prefork supervisor (cgi-bin/core/serve.c) keeps its promises: a worker that dies is replaced,
# SIGHUP replaces every worker without failing a request, and SIGTERM drains: in-flight requests
# get complete responses, then the master removes its socket and pid file and exits 0.
use strict;
use warnings;
use utf8;
use Test::More;
use Time::HiRes qw(sleep time);
use POSIX ":sys_wait_h";
use FindBin;
use lib "$FindBin::Bin/lib";
use CM;

my $dir = CM::instance_dir();
my $root = $ENV{CM_ROOT} or die "CM_ROOT is not set";
my $conf = "$dir/coursemart.conf";
my $pidfile = "$dir/run/coursemart.pid";

sub slurp { my ($f) = @_; open my $fh, '<', $f or return ''; local $/; return scalar <$fh> }
sub children {
    my ($pid) = @_;
    my @kids = grep { /^\d+$/ } split /\s+/, `pgrep -P $pid`;
    return sort { $a <=> $b } @kids;
}
sub wait_for { my ($cond, $secs) = @_; my $end = time + $secs; while (time < $end) { return 1 if $cond->(); sleep 0.1 } return $cond->() }

my ($master) = slurp($pidfile) =~ /(\d+)/;
ok($master && kill(0, $master), "the master runs (pid file $pidfile)") or BAIL_OUT("no master");
my @before = children($master);
cmp_ok(scalar @before, '>=', 1, "it has workers (" . scalar(@before) . ")");

# --- a worker killed outright is replaced, and the site keeps answering
{
    my $victim = $before[0];
    kill 'KILL', $victim;
    ok(wait_for(sub { my @now = children($master); @now == @before && !grep { $_ == $victim } @now }, 5),
       "a worker killed with SIGKILL is replaced (still " . scalar(@before) . " workers)");
    my $bad = 0;
    for my $i (1 .. 40) { $bad++ if CM::get("/courses?restart=$i")->{status} != 200 }
    is($bad, 0, "40 requests after the restart all answer 200");
}

# --- the database drops every connection: workers reconnect, prepare again and LISTEN again
{
    # first make every worker hold a connection that has prepared statements and a cached page
    CM::get("/courses?warm=$_") for 1 .. 12;
    my $killed = CM::psql("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
        . " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        . " AND backend_type = 'client backend'");
    cmp_ok($killed, '>=', 1, "terminated $killed database connections of the workers");
    my $bad = 0;
    for my $i (1 .. 40) { $bad++ if CM::get("/courses?reconnect=$i")->{status} != 200 }
    is($bad, 0, "40 requests right after all answer 200 (each worker reconnected)");

    # a catalog change must still reach every worker's cache: their new connections LISTEN
    my $id = CM::psql("SELECT min(c.id) FROM courses c JOIN agencies a ON a.id = c.agency_id"
        . " WHERE c.status = 'listed' AND a.status = 'approved'");
    my $title = CM::psql("SELECT title FROM courses WHERE id = $id");
    CM::get("/courses/$id") for 1 .. 12;    # cache it on every worker
    CM::psql("UPDATE courses SET title = title || '（重连测试）' WHERE id = $id");
    my $stale = 0;
    for (1 .. 12) {
        my $res = CM::get("/courses/$id");
        $stale++ unless $res->{content} =~ /重连测试/;
    }
    is($stale, 0, "a title changed after the reconnect shows at once on every worker");
    CM::psql("UPDATE courses SET title = " . CM::sql_str($title) . " WHERE id = $id");
}

# --- SIGHUP: every worker replaced while a client keeps asking; no request fails
{
    my @old = children($master);
    pipe(my $r, my $w) or die "pipe: $!";
    my $client = fork // die "fork: $!";
    if ($client == 0) {
        close $r;
        my ($n, $bad) = (0, 0);
        my $end = time + 3;
        while (time < $end) {
            $n++;
            my $res = CM::get("/courses?hup=$n");
            $bad++ if $res->{status} != 200 || $res->{content} !~ m{</html>\s*$};
        }
        print $w "$n $bad\n";
        close $w;
        POSIX::_exit(0);
    }
    close $w;
    sleep 0.5;
    kill 'HUP', $master;
    sleep 1;
    kill 'HUP', $master;
    my $line = <$r>;
    waitpid($client, 0);
    my ($n, $bad) = split ' ', ($line // '0 0');
    cmp_ok($n, '>', 20, "a client made $n requests across two reloads");
    is($bad, 0, "none of them failed or came back cut short");
    ok(wait_for(sub { my @now = children($master); my %old = map { $_ => 1 } @old; @now == @old && !grep { $old{$_} } @now }, 10),
       "after SIGHUP every worker is new and there are as many as before");
    is(CM::get("/healthz")->{status}, 200, "/healthz answers after the reload");
}

# --- SIGTERM drains: a second server on its own socket, over FastCGI directly (cgi-fcgi)
{
    my $sock = "$dir/run/drain-test.sock";
    my $dpid = "$dir/run/drain-test.pid";
    my $dconf = "$dir/drain-test.conf";
    my $text = slurp($conf);
    $text =~ s/^listen\s*=.*$/listen = $sock/m;
    $text =~ s/^pid_file\s*=.*$/pid_file = $dpid/m;
    $text =~ s/^workers\s*=.*$/workers = 2/m;
    $text .= "\nworkers = 2\n" unless $text =~ /^workers\s*=/m;
    open my $fh, '>', $dconf or die "$dconf: $!";
    print $fh $text;
    close $fh;

    my $server = fork // die "fork: $!";
    if ($server == 0) {
        open STDOUT, '>>', "$dir/log/drain-test.log";
        open STDERR, '>&', \*STDOUT;
        exec("$root/coursemart", '--config', $dconf, 'serve') or POSIX::_exit(127);
    }
    ok(wait_for(sub { -S $sock }, 10), "a second server listens on its own socket");

    # four clients loop over FastCGI; each response must be whole: a status line and a closing </html>
    my @clients;
    my $results = "$dir/run/drain-results";
    unlink glob("$results.*");
    for my $c (1 .. 4) {
        my $pid = fork // die "fork: $!";
        if ($pid == 0) {
            my ($whole, $cut, $refused) = (0, 0, 0);
            my $end = time + 4;
            for (my $i = 0; time < $end; $i++) {
                local $ENV{REQUEST_METHOD} = 'GET';
                local $ENV{REQUEST_URI} = "/courses?drain=$c-$i";
                local $ENV{QUERY_STRING} = "drain=$c-$i";
                local $ENV{SCRIPT_NAME} = '/courses';
                my $out = `cgi-fcgi -bind -connect $sock 2>/dev/null`;
                if ($out eq '') { $refused++; last if $refused > 3; sleep 0.05; next }
                if ($out =~ /^Status: 200/ && $out =~ m{</html>\s*$}) { $whole++ } else { $cut++ }
            }
            open my $o, '>', "$results.$c";
            print $o "$whole $cut $refused\n";
            close $o;
            POSIX::_exit(0);
        }
        push @clients, $pid;
    }
    sleep 1;
    my $t0 = time;
    kill 'TERM', $server;
    my $exited = wait_for(sub { waitpid($server, WNOHANG) == $server }, 25);
    my $status = $?;
    ok($exited, sprintf("the master exits after SIGTERM (%.1f s)", time - $t0));
    is($status >> 8, 0, "with status 0");
    waitpid($_, 0) for @clients;
    my ($whole, $cut) = (0, 0);
    for my $c (1 .. 4) {
        my ($w, $x) = split ' ', slurp("$results.$c");
        $whole += $w // 0;
        $cut += $x // 0;
    }
    cmp_ok($whole, '>', 10, "$whole complete responses before and during the drain");
    is($cut, 0, "no response was cut short");
    ok(!-e $sock, "the socket is removed");
    ok(!-e $dpid, "the pid file is removed");
    unlink $dconf, glob("$results.*");
}

is(CM::get("/healthz")->{status}, 200, "the test server still answers");
done_testing();
