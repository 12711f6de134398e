#!/usr/bin/perl
# coursemart migrate against the test database: a second run applies nothing, --status lists every
# file as applied, and a database newer than the binary's schema files is refused untouched.
use strict;
use warnings;
use Test::More;
use FindBin;
use lib "$FindBin::Bin/lib";
use CM;

my $root = $ENV{CM_ROOT} or die "CM_ROOT is not set";
my $conf = CM::instance_dir() . "/coursemart.conf";
my @files = sort grep { m{/\d{4}_[a-z0-9_]+\.sql$} } glob("$root/schema/*.sql");
my ($known) = $files[-1] =~ m{/(\d{4})_};
$known += 0;

my $out = `"$root/coursemart" --config "$conf" migrate 2>&1`;
is($? >> 8, 0, "migrate on an up-to-date database succeeds");
like($out, qr/schema at version $known \(0 applied now\)/, "and applies nothing");

$out = `"$root/coursemart" --config "$conf" migrate --status 2>&1`;
my $applied = () = $out =~ /^applied \d{4}_/mg;
is($applied, scalar @files, "--status lists all " . scalar(@files) . " migrations as applied");
unlike($out, qr/^pending/m, "none pending");

my $future = $known + 1;
CM::psql("INSERT INTO schema_migrations (version, name, checksum) VALUES ($future, 'from_the_future.sql', 'x')");
$out = `"$root/coursemart" --config "$conf" migrate 2>&1`;
isnt($? >> 8, 0, "a database at version $future is refused");
like($out, qr/newer than this CourseMart/, "with a message that says why");
my $health = CM::json(CM::get("/healthz"));
is($health->{schema}{version}, $future, "/healthz reports the database's version");
ok(!$health->{schema}{current}, "and that it is not the one this server expects");
CM::psql("DELETE FROM schema_migrations WHERE version = $future");
is(CM::get("/healthz")->{status}, 200, "back to 200 once the database matches");

$out = `"$root/coursemart" --help 2>&1`;
like($out, qr/serve.*migrate.*demo/s, "coursemart --help lists the subcommands");
done_testing();
