# The harness itself: the stack answers /healthz with JSON, and CM.pm's helpers work.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use CM;
use Test::More;

my $r = CM::get('/healthz');
is($r->{status}, 200, 'GET /healthz answers 200')
    or diag("$r->{status} $r->{reason}: " . substr($r->{content} // '', 0, 300));
like($r->{headers}{'content-type'} // '', qr{\Aapplication/json\b}, 'GET /healthz is JSON');
ok(eval { ref CM::json($r) eq 'HASH' }, 'GET /healthz body decodes to a JSON object');

is(CM::urlencode([q => '手机', a => 'x y&z']), 'q=%E6%89%8B%E6%9C%BA&a=x+y%26z', 'urlencode is UTF-8');
is(CM::form_value('<input type="hidden" name="csrf" value="a&amp;b">', 'csrf'), 'a&b',
   'form_value finds and unescapes a field');

SKIP: {
    skip 'CM_PSQL is not set', 1 unless $ENV{CM_PSQL};
    is(CM::psql("SELECT 'ok:' || 40 + 2"), 'ok:42', 'CM::psql runs SQL on the test database');
}

done_testing();
