# /healthz: JSON for monitors. status "ok", the database answering, the schema version equal to what
# the program expects and to the highest NNNN_*.sql in schema/, never cached, and HEAD works too.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use CM;
use Test::More;
CM::tap_utf8();

my $root = $ENV{CM_ROOT} // "$FindBin::Bin/../..";
opendir my $dh, "$root/schema" or die "$root/schema: $!";
my ($highest) = sort { $b <=> $a } map { /\A(\d{4})_.*\.sql\z/ ? 0 + $1 : () } readdir $dh;
closedir $dh;
ok($highest, "schema/ has migrations (highest $highest)");

my $r = CM::get('/healthz');
is($r->{status}, 200, 'GET /healthz is 200');
like($r->{headers}{'content-type'} // '', qr{\Aapplication/json\b}, 'it is JSON');
like($r->{headers}{'cache-control'} // '', qr/\bno-store\b/, 'Cache-Control: no-store');
my $j = eval { CM::json($r) } // {};
is($j->{status}, 'ok', 'status is "ok"');
ok($j->{database} && $j->{database}{ok}, 'database ok is true');
like($j->{database}{latency_us} // '', qr/\A\d+\z/, 'database latency is a number of µs');
is($j->{schema}{version}, $highest, 'schema version is the highest migration in schema/');
is($j->{schema}{expected}, $highest, 'the expected version is the same');
ok($j->{schema}{current}, 'schema current is true');
is(CM::psql('SELECT max(version) FROM schema_migrations'), $highest,
   'schema_migrations agrees');
like($j->{process}{pid} // '', qr/\A\d+\z/, 'the process reports its pid');
like($j->{version} // '', qr/\A\d+\.\d+/, 'the program reports its version');

# The request counter moves: the worker really answers, no cache in between.
my $j2 = eval { CM::json(CM::get('/healthz')) } // {};
ok(($j2->{process}{requests} // -1) > ($j->{process}{requests} // 0)
       || ($j2->{process}{pid} // 0) != ($j->{process}{pid} // 0),
   'a second call is answered afresh (request count grows or another worker answered)');

$r = CM::head('/healthz');
is($r->{status}, 200, 'HEAD /healthz is 200');
is($r->{raw}, '', 'HEAD /healthz has no body');

$r = CM::post('/healthz', {});
is($r->{status}, 405, 'POST /healthz is 405');

done_testing();
