/* test_sim.c: unit tests for gatewaysim's pure helpers (cgi-bin/sim/sim_text.c): the template
 * list of the configuration, mainland mobile numbers in the forms the providers take, Aliyun's
 * Timestamp, the TC3 Authorization header (Tencent's published example header), and the text a
 * template makes from Aliyun's named and Tencent's positional parameters. No I/O. */
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "buf.h"
#include "sim/sim_text.h"
#include "tap.h"

static void test_templates(void)
{
        struct sim_template t[4];

        is_int(sim_parse_templates("login_code:SMS_900001 family_code:SMS_900002", t, 4), 2,
               "two name:code pairs");
        is_str(t[0].name, "login_code", "first name");
        is_str(t[0].code, "SMS_900001", "first code");
        is_str(t[1].code, "SMS_900002", "second code");
        is_int(sim_parse_templates("  a:1\t b:2  ", t, 4), 2, "blanks around and between pairs");
        is_int(sim_parse_templates("", t, 4), 0, "an empty list");
        is_int(sim_parse_templates(NULL, t, 4), 0, "no list");
        is_int(sim_parse_templates("login_code", t, 4), -1, "a pair without ':'");
        is_int(sim_parse_templates(":SMS_1", t, 4), -1, "an empty name");
        is_int(sim_parse_templates("a:", t, 4), -1, "an empty code");
        is_int(sim_parse_templates("a:b:c", t, 4), -1, "two colons");
        is_int(sim_parse_templates("a:1 b:2 c:3 d:4 e:5", t, 4), -1, "more pairs than room");
        sim_parse_templates("login_code:1900001 family_code:1900002", t, 4);
        ok(sim_template_by_code(t, 2, "1900002") == &t[1], "found by code");
        ok(sim_template_by_code(t, 2, "family_code") == NULL, "a name is not a code");
        ok(sim_template_by_code(t, 2, NULL) == NULL, "no code");
}

static void test_phones(void)
{
        char out[12];

        ok(sim_phone_normalize("13800138000", out) && strcmp(out, "13800138000") == 0, "11 digits");
        ok(sim_phone_normalize("+8613800138000", out) && strcmp(out, "13800138000") == 0,
           "E.164 with +86");
        ok(sim_phone_normalize("8613800138000", out) && strcmp(out, "13800138000") == 0,
           "86 without +");
        ok(sim_phone_normalize("008613800138000", out) && strcmp(out, "13800138000") == 0,
           "0086 prefix");
        ok(!sim_phone_normalize("1380013800", out), "10 digits");
        ok(!sim_phone_normalize("138001380001", out), "12 digits");
        ok(!sim_phone_normalize("12800138000", out), "second digit below 3");
        ok(!sim_phone_normalize("23800138000", out), "not starting with 1");
        ok(!sim_phone_normalize("1380013800x", out), "a letter");
        ok(!sim_phone_normalize("+14155550100", out), "another country");
        ok(!sim_phone_normalize("", out) && out[0] == '\0', "empty");
        ok(!sim_phone_normalize(NULL, out), "NULL");
}

static void test_timestamps(void)
{
        long long t = 0;

        is_int(sim_parse_iso8601("2017-07-12T02:42:19Z", &t), 0, "Aliyun's example timestamp");
        is_int(t, 1499827339, "is 1499827339");
        is_int(sim_parse_iso8601("1970-01-01T00:00:00Z", &t), 0, "the epoch");
        is_int(t, 0, "is 0");
        is_int(sim_parse_iso8601("2017-07-12 02:42:19Z", &t), -1, "a space for T");
        is_int(sim_parse_iso8601("2017-07-12T02:42:19", &t), -1, "no Z");
        is_int(sim_parse_iso8601("2017-07-12T02:42:19+08:00", &t), -1, "an offset");
        is_int(sim_parse_iso8601("2017-13-12T02:42:19Z", &t), -1, "month 13");
        is_int(sim_parse_iso8601("2017-04-31T02:42:19Z", &t), -1, "31 April");
        is_int(sim_parse_iso8601("2017-07-12T24:00:00Z", &t), -1, "hour 24");
        is_int(sim_parse_iso8601("2017-0a-12T02:42:19Z", &t), -1, "a letter");
        is_int(sim_parse_iso8601("", &t), -1, "empty");
        is_int(sim_parse_iso8601(NULL, &t), -1, "NULL");
}

static void test_tc3(void)
{
        struct sim_tc3_auth a;

        /* the header of Tencent's published signature v3 example (CVM DescribeInstances) */
        is_int(sim_tc3_parse("TC3-HMAC-SHA256 "
                             "Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/"
                             "tc3_request, SignedHeaders=content-type;host, "
                             "Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96"
                             "525168",
                             &a),
               0, "Tencent's example Authorization parses");
        is_str(a.algorithm, "TC3-HMAC-SHA256", "algorithm");
        is_str(a.secret_id, "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE", "SecretId");
        is_str(a.date, "2019-02-25", "date");
        is_str(a.service, "cvm", "service");
        is_str(a.terminator, "tc3_request", "terminator");
        is_str(a.signed_headers, "content-type;host", "SignedHeaders");
        is_str(a.signature, "72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168",
               "Signature");
        is_int(sim_tc3_parse("TC3-HMAC-SHA256 Credential=ID/2019-02-25/sms/tc3_request,"
                             "SignedHeaders=content-type;host,Signature=ab",
                             &a),
               0, "no blanks after the commas");
        is_str(a.signature, "ab", "signature without blanks");
        is_int(sim_tc3_parse("TC3-HMAC-SHA256 Credential=ID/2019-02-25/sms, "
                             "SignedHeaders=content-type;host, Signature=ab",
                             &a),
               -1, "a credential with three parts");
        is_int(sim_tc3_parse("TC3-HMAC-SHA256 Credential=ID/d/sms/tc3_request/x, "
                             "SignedHeaders=content-type;host, Signature=ab",
                             &a),
               -1, "a credential with five parts");
        is_int(sim_tc3_parse("TC3-HMAC-SHA256 Credential=ID/d/sms/tc3_request, Signature=ab", &a),
               -1, "no SignedHeaders");
        is_int(sim_tc3_parse("TC3-HMAC-SHA256", &a), -1, "the algorithm alone");
        is_int(sim_tc3_parse("", &a), -1, "empty");
        is_int(sim_tc3_parse(NULL, &a), -1, "NULL");
}

static enum sim_fill named(const char *name, const char *json, struct buf *out)
{
        json_t *p = json_loads(json, 0, NULL);
        enum sim_fill f;

        buf_clear(out);
        f = sim_fill_named(name, "课程超市", p, out);
        buf_cstr(out);
        json_decref(p);
        return f;
}

static enum sim_fill positional(const char *name, const char *json, struct buf *out)
{
        json_t *p = json_loads(json, 0, NULL);
        enum sim_fill f;

        buf_clear(out);
        f = sim_fill_positional(name, "课程超市", p, out);
        buf_cstr(out);
        json_decref(p);
        return f;
}

static void test_fill(void)
{
        struct buf b;

        buf_init(&b);
        is_int(named("login_code", "{\"code\":\"123456\"}", &b), SIM_FILL_OK, "login code filled");
        is_str(b.data,
               "【课程超市】您的登录验证码为123456，5分钟内有效。如非本人操作，请忽略本短信。",
               "login text with the sign and the code");
        is_int(positional("login_code", "[\"654321\"]", &b), SIM_FILL_OK,
               "Tencent's positional code filled");
        ok(strstr(b.data, "654321") != NULL, "the positional code is in the text");
        is_int(named("login_code", "{}", &b), SIM_FILL_MISSING, "Aliyun: the code is missing");
        is_int(named("login_code", "{\"code\":123456}", &b), SIM_FILL_NOT_STRING,
               "Aliyun: a number, not a string");
        is_int(named("login_code", "[\"1\"]", &b), SIM_FILL_BAD, "Aliyun: an array");
        is_int(named("login_code", "not json", &b), SIM_FILL_BAD, "Aliyun: not JSON");
        is_int(positional("login_code", "[]", &b), SIM_FILL_COUNT, "Tencent: too few");
        is_int(positional("login_code", "[\"1\",\"2\"]", &b), SIM_FILL_COUNT, "Tencent: too many");
        is_int(positional("login_code", "[1]", &b), SIM_FILL_NOT_STRING, "Tencent: a number");
        is_int(positional("login_code", "{\"code\":\"1\"}", &b), SIM_FILL_BAD,
               "Tencent: an object");
        is_int(named("agency_decision", "{\"result\":\"通过\",\"name\":\"明湖学堂\"}", &b),
               SIM_FILL_OK, "a template without a text of its own");
        is_str(b.data, "【课程超市】agency_decision：通过，明湖学堂", "its generic text");
        is_int(positional("agency_decision", "[\"通过\",\"明湖学堂\"]", &b), SIM_FILL_OK,
               "the same, positional");
        is_str(b.data, "【课程超市】agency_decision：通过，明湖学堂", "the same generic text");
        is_int(named("agency_decision", "{\"n\":1}", &b), SIM_FILL_NOT_STRING,
               "generic: a number refused");
        buf_free(&b);
}

int main(void)
{
        test_templates();
        test_phones();
        test_timestamps();
        test_tc3();
        test_fill();
        return done_testing();
}
