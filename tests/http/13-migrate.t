#!/usr/bin/perl
# coursemart migrate against the test database: a second run applies nothing, --status lists every
# file as applied, and a database newer than the binary's schema files is refused untouched;
# demo --reset reloads the catalog and keeps accounts and the audit trail.
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

# demo --reset with accounts about: the catalog is loaded afresh, and every account and audit row
# stays (the agency's member lets go of the agency that is gone).
my $courses = CM::psql("SELECT count(*) FROM courses WHERE title !~ '[0-9]{4}'");
my $agency = CM::psql("SELECT min(id) FROM agencies");
my $member = CM::make_user(roles => 6, agency_id => $agency);
CM::psql("INSERT INTO audit_log (actor_id, action, object_type, object_id) VALUES ($member, 'test.demo_reset', 'user', $member)");
my ($users, $audits) = split /\|/, CM::psql("SELECT (SELECT count(*) FROM users) || '|' || (SELECT count(*) FROM audit_log)");
$out = `"$root/coursemart" --config "$conf" demo --reset 2>&1`;
is($? >> 8, 0, 'demo --reset succeeds with accounts and an audit trail in the database') or diag $out;
like($out, qr/demo data loaded: \d+ courses/, 'and says what it loaded');
is(CM::psql("SELECT count(*) FROM courses"), $courses, 'the demo courses are there again, and only they');
is(CM::psql("SELECT count(*) FROM users"), $users, 'every account is kept');
is(CM::psql("SELECT count(*) FROM audit_log"), $audits, 'every audit row is kept');
is(CM::psql("SELECT coalesce(agency_id::text, 'none') || ' ' || (roles & 4) FROM users WHERE id = $member"), 'none 0',
	'the member has let go of the agency that is gone');

$out = `"$root/coursemart" --help 2>&1`;
like($out, qr/serve.*migrate.*demo/s, "coursemart --help lists the subcommands");
done_testing();
