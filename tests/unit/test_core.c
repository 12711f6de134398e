/* test_core.c: unit tests for the small core modules that have no test file of their own: crypto
 * (FIPS and RFC test vectors), csrf (derive and match), validate (param_check for every kind),
 * router (the real route table in cgi-bin/routes.c: matching and declared-parameter checks),
 * request (req_build from a fake CGI environment: limits, parsing, language choice), response
 * (redirect targets, header and cookie formatting, serialization), format (money, dates,
 * distances, URL encoding) and config (config_load and config_load_secret on temporary files).
 * Every check compares exact values. It needs no database, no network and no templates. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "buf.h"
#include "core/config.h" /* not "config.h": the autoconf header of that name comes first */
#include "crypto.h"
#include "csrf.h"
#include "format.h"
#include "http.h"
#include "request.h"
#include "response.h"
#include "router.h"
#include "tap.h"
#include "validate.h"

static struct arena *A;

/* ---------------------------------------------------------------- helpers */

static const char *hex_of(const unsigned char *p, size_t len)
{
        char *out = arena_alloc(A, 2 * len + 1);

        crypto_hex(p, len, out);
        return out;
}

static size_t kv_count(const struct kv *l)
{
        size_t n = 0;

        for (; l; l = l->next)
                n++;
        return n;
}

static int count_of(const char *hay, const char *needle)
{
        int n = 0;

        for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
                n++;
        return n;
}

/* ---------------------------------------------------------------- crypto */

static void test_sha256(void)
{
        unsigned char d[32];

        crypto_sha256("", 0, d);
        is_str(hex_of(d, 32), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
               "sha256 of the empty string (FIPS 180-2)");
        crypto_sha256("abc", 3, d);
        is_str(hex_of(d, 32), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
               "sha256 of \"abc\" (FIPS 180-2)");
}

static void test_hmac(void)
{
        unsigned char key[131], mac[32];
        const char *d1 = "Hi There";
        const char *d2 = "what do ya want for nothing?";
        const char *d6 = "Test Using Larger Than Block-Size Key - Hash Key First";

        memset(key, 0x0b, 20);
        crypto_hmac_sha256(key, 20, d1, strlen(d1), mac);
        is_str(hex_of(mac, 32), "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
               "hmac-sha256 RFC 4231 test case 1");
        crypto_hmac_sha256("Jefe", 4, d2, strlen(d2), mac);
        is_str(hex_of(mac, 32), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
               "hmac-sha256 RFC 4231 test case 2");
        memset(key, 0xaa, sizeof key);
        crypto_hmac_sha256(key, sizeof key, d6, strlen(d6), mac);
        is_str(hex_of(mac, 32), "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
               "hmac-sha256 RFC 4231 test case 6 (key longer than a block)");
}

static void test_hex(void)
{
        const unsigned char bytes[] = {0x00, 0x01, 0x7f, 0x80, 0xab, 0xff};
        unsigned char back[6], two[2];
        char hex[13];

        crypto_hex(bytes, sizeof bytes, hex);
        is_str(hex, "00017f80abff", "hex: lower-case digits");
        memset(back, 0x55, sizeof back);
        is_int(crypto_unhex(hex, back, sizeof back), 0, "unhex: round trip succeeds");
        is_mem(back, sizeof back, bytes, sizeof bytes, "unhex: round trip gives the bytes back");
        is_int(crypto_unhex("00017F80ABFF", back, sizeof back), 0, "unhex: upper case accepted");
        is_mem(back, sizeof back, bytes, sizeof bytes, "unhex: upper case decodes the same");
        is_int(crypto_unhex("abc", two, 2), -1, "unhex: odd length refused");
        is_int(crypto_unhex("abcdef", two, 2), -1, "unhex: too long refused");
        is_int(crypto_unhex("ab", two, 2), -1, "unhex: too short refused");
        is_int(crypto_unhex("abzz", two, 2), -1, "unhex: non-hex digit refused");
        is_int(crypto_unhex("ab g", two, 2), -1, "unhex: a space refused");
        is_int(crypto_unhex("0x12", two, 2), -1, "unhex: 0x prefix refused");
        is_int(crypto_unhex("", two, 0), 0, "unhex: empty for zero bytes");
}

static void test_b64url(void)
{
        static const struct {
                const char *in, *out;
        } v[] = {{"", ""},           {"f", "Zg"},          {"fo", "Zm8"},         {"foo", "Zm9v"},
                 {"foob", "Zm9vYg"}, {"fooba", "Zm9vYmE"}, {"foobar", "Zm9vYmFy"}};
        char out[64];
        unsigned char dec[64];

        for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
                size_t n = crypto_b64url((const unsigned char *)v[i].in, strlen(v[i].in), out);
                char name[80];

                snprintf(name, sizeof name, "b64url(\"%s\") (RFC 4648, unpadded)", v[i].in);
                is_str(out, v[i].out, name);
                snprintf(name, sizeof name, "b64url(\"%s\") returns its length", v[i].in);
                is_int((long long)n, (long long)strlen(v[i].out), name);
                long m = crypto_unb64url(v[i].out, dec, sizeof dec);
                snprintf(name, sizeof name, "unb64url(\"%s\") round trip", v[i].out);
                is_mem(dec, m < 0 ? 0 : (size_t)m, v[i].in, strlen(v[i].in), name);
        }

        const unsigned char hi[] = {0xfb, 0xff};
        crypto_b64url(hi, 2, out);
        is_str(out, "-_8", "b64url uses '-' and '_' (url-safe alphabet)");
        is_int(crypto_unb64url("-_8", dec, sizeof dec), 2, "unb64url decodes '-' and '_'");
        is_mem(dec, 2, hi, 2, "unb64url: url-safe bytes back");

        unsigned char all[256];
        char enc[400];
        for (int i = 0; i < 256; i++)
                all[i] = (unsigned char)i;
        crypto_b64url(all, sizeof all, enc);
        long m = crypto_unb64url(enc, dec, sizeof dec);
        is_int(m, -1, "unb64url: output larger than outcap refused");
        unsigned char big[256];
        m = crypto_unb64url(enc, big, sizeof big);
        is_mem(big, m < 0 ? 0 : (size_t)m, all, sizeof all, "unb64url: all 256 byte values");

        is_int(crypto_unb64url("Zm9vYmFy", dec, 5), -1, "unb64url: 6 bytes into 5 refused");
        is_int(crypto_unb64url("Zm9vYmFy", dec, 6), 6, "unb64url: 6 bytes into exactly 6");
        is_int(crypto_unb64url("Zg==", dec, sizeof dec), -1, "unb64url: padding refused");
        is_int(crypto_unb64url("Zm+v", dec, sizeof dec), -1, "unb64url: '+' refused");
        is_int(crypto_unb64url("Zm/v", dec, sizeof dec), -1, "unb64url: '/' refused");
        is_int(crypto_unb64url("Zm 9v", dec, sizeof dec), -1, "unb64url: a space refused");
        is_int(crypto_unb64url("Z", dec, sizeof dec), -1, "unb64url: length 1 impossible");
        is_int(crypto_unb64url("Zm9vY", dec, sizeof dec), -1, "unb64url: length 5 impossible");
        is_int(crypto_unb64url("Zh", dec, sizeof dec), -1,
               "unb64url: non-zero trailing bits refused (Zh)");
        is_int(crypto_unb64url("Zm9", dec, sizeof dec), -1,
               "unb64url: non-zero trailing bits refused (Zm9)");
        is_int(crypto_unb64url("", dec, sizeof dec), 0, "unb64url: empty is zero bytes");
}

static void test_equal(void)
{
        ok(crypto_equal("abcdef", "abcdef", 6), "crypto_equal: equal bytes");
        ok(!crypto_equal("abcdef", "abcdeg", 6), "crypto_equal: last byte differs");
        ok(!crypto_equal("xbcdef", "abcdef", 6), "crypto_equal: first byte differs");
        ok(crypto_equal("abcX", "abcY", 3), "crypto_equal: compares only len bytes");
        ok(crypto_equal("a", "b", 0), "crypto_equal: zero length is equal");
}

/* ---------------------------------------------------------------- csrf */

static void test_csrf(void)
{
        unsigned char key[32], key2[32], sh[32], sh2[32];
        char t1[CSRF_TOKEN_LEN + 1], t2[CSRF_TOKEN_LEN + 1], t3[CSRF_TOKEN_LEN + 1];

        for (int i = 0; i < 32; i++)
                key[i] = (unsigned char)(i + 1);
        memcpy(key2, key, 32);
        key2[31] ^= 1;
        crypto_sha256("session-1", 9, sh);
        crypto_sha256("session-2", 9, sh2);

        csrf_derive(key, sh, t1);
        /* HMAC-SHA256(key, "csrf" | sha256("session-1")), base64url, computed outside C */
        is_str(t1, "I7Pkqmu_GilkduOy_6ZipZjcfpMuuL7ULTV-PxHbKAA", "csrf_derive: known value");
        is_int((long long)strlen(t1), 43, "csrf_derive: 43 characters");
        csrf_derive(key, sh, t2);
        is_str(t2, t1, "csrf_derive: deterministic");
        csrf_derive(key, sh2, t2);
        ok(strcmp(t1, t2) != 0, "csrf_derive: another session gives another token");
        csrf_derive(key2, sh, t3);
        ok(strcmp(t1, t3) != 0, "csrf_derive: another key gives another token");

        ok(csrf_matches(key, sh, t1), "csrf_matches: the right token");
        ok(!csrf_matches(key, sh, NULL), "csrf_matches: NULL refused");
        ok(!csrf_matches(key, sh, ""), "csrf_matches: empty refused");
        char off[CSRF_TOKEN_LEN + 1];
        memcpy(off, t1, sizeof off);
        off[0] = off[0] == 'A' ? 'B' : 'A';
        ok(!csrf_matches(key, sh, off), "csrf_matches: first char off refused");
        memcpy(off, t1, sizeof off);
        off[20] = off[20] == 'A' ? 'B' : 'A';
        ok(!csrf_matches(key, sh, off), "csrf_matches: middle char off refused");
        memcpy(off, t1, sizeof off);
        off[CSRF_TOKEN_LEN - 1] = '\0';
        ok(!csrf_matches(key, sh, off), "csrf_matches: truncated token refused");
        char longer[CSRF_TOKEN_LEN + 2];
        snprintf(longer, sizeof longer, "%sA", t1);
        ok(!csrf_matches(key, sh, longer), "csrf_matches: token with a char appended refused");
        ok(!csrf_matches(key, sh, t2), "csrf_matches: another session's token refused");
        ok(!csrf_matches(key, sh2, t1), "csrf_matches: token checked against the other session");
        ok(!csrf_matches(key2, sh, t1), "csrf_matches: token under another key refused");
}

/* ---------------------------------------------------------------- validate */

/* "(refused)" when param_check says no, else the normalized value. */
static const char *check(const struct param_spec *ps, const char *raw)
{
        const char *out = "(untouched)";

        return param_check(A, ps, raw, &out) ? out : "(refused)";
}

static void test_validate(void)
{
        const struct param_spec id = {.name = "id", .kind = PARAM_ID};
        is_str(check(&id, "1"), "1", "ID 1");
        is_str(check(&id, "2147483647"), "2147483647", "ID 2^31-1");
        is_str(check(&id, "0"), "(refused)", "ID 0 refused");
        is_str(check(&id, "-1"), "(refused)", "ID -1 refused");
        is_str(check(&id, "2147483648"), "(refused)", "ID 2^31 refused");
        is_str(check(&id, "99999999999999999999"), "(refused)", "ID of 20 digits refused");
        is_str(check(&id, "9999999999999999999"), "(refused)", "ID over LLONG_MAX refused");
        is_str(check(&id, "1a"), "(refused)", "ID 1a refused");
        is_str(check(&id, " 1"), "(refused)", "ID with a leading space refused");
        is_str(check(&id, "1 "), "(refused)", "ID with a trailing space refused");
        is_str(check(&id, "+1"), "(refused)", "ID +1 refused");
        is_str(check(&id, ""), "(refused)", "ID empty refused");
        is_str(check(&id, "-"), "(refused)", "ID lone minus refused");
        is_str(check(&id, "1.0"), "(refused)", "ID 1.0 refused");
        /* parse_long accepts leading zeros; the value is normalized, so "01" and "1" are one id */
        is_str(check(&id, "01"), "1", "ID 01 accepted and normalized to 1");
        is_str(check(&id, "٣"), "(refused)", "ID of a non-ASCII digit refused");

        const struct param_spec in = {.name = "page", .kind = PARAM_INT, .min = 1, .max = 1000};
        is_str(check(&in, "1"), "1", "INT at min");
        is_str(check(&in, "1000"), "1000", "INT at max");
        is_str(check(&in, "0"), "(refused)", "INT below min refused");
        is_str(check(&in, "1001"), "(refused)", "INT above max refused");
        is_str(check(&in, "007"), "7", "INT 007 normalized");
        is_str(check(&in, "5x"), "(refused)", "INT 5x refused");
        const struct param_spec neg = {.name = "d", .kind = PARAM_INT, .min = -10, .max = 10};
        is_str(check(&neg, "-10"), "-10", "INT negative min");
        is_str(check(&neg, "-11"), "(refused)", "INT below negative min refused");

        const struct param_spec lat = {.name = "lat", .kind = PARAM_NUM, .min = -90, .max = 90};
        const struct param_spec wide = {.name = "w", .kind = PARAM_NUM, .min = -1e9, .max = 1e9};
        is_str(check(&lat, "31.2304"), "31.2304000", "NUM decimal normalized to 7 places");
        is_str(check(&lat, "-90"), "-90.0000000", "NUM at min");
        is_str(check(&lat, "90"), "90.0000000", "NUM at max");
        is_str(check(&lat, "90.0000001"), "(refused)", "NUM just above max refused");
        is_str(check(&lat, "-91"), "(refused)", "NUM below min refused");
        is_str(check(&wide, "1e5"), "(refused)", "NUM exponent 1e5 refused (though in range)");
        is_str(check(&wide, "0x10"), "(refused)", "NUM hex 0x10 refused");
        is_str(check(&wide, "inf"), "(refused)", "NUM inf refused");
        is_str(check(&wide, "nan"), "(refused)", "NUM nan refused");
        is_str(check(&wide, "+5"), "(refused)", "NUM +5 refused");
        is_str(check(&wide, " 5"), "(refused)", "NUM leading space refused");
        is_str(check(&wide, "1.2.3"), "(refused)", "NUM 1.2.3 refused");
        is_str(check(&wide, "."), "(refused)", "NUM lone dot refused");
        is_str(check(&wide, ""), "(refused)", "NUM empty refused");
        is_str(check(&wide, "1-2"), "(refused)", "NUM 1-2 refused");
        is_str(check(&wide, "1234567890123456789012345"), "(refused)", "NUM of 25 chars refused");

        const struct param_spec q = {.name = "q", .kind = PARAM_TEXT, .max = 50};
        is_str(check(&q, "  手机 入门 \t\r\n"), "手机 入门", "TEXT trimmed at both ends");
        is_str(check(&q, "   "), "", "TEXT of blanks becomes \"\"");
        char zh[50 * 3 + 4];
        zh[0] = '\0';
        for (int i = 0; i < 50; i++)
                strcat(zh, "学");
        is_str(check(&q, zh), zh, "TEXT 50 Chinese characters (150 bytes) fit max 50");
        strcat(zh, "学");
        is_str(check(&q, zh), "(refused)", "TEXT 51 Chinese characters refused");
        char ascii[52];
        memset(ascii, 'a', 51);
        ascii[51] = '\0';
        is_str(check(&q, ascii), "(refused)", "TEXT 51 ASCII characters refused");
        ascii[50] = '\0';
        is_str(check(&q, ascii), ascii, "TEXT 50 ASCII characters accepted");
        is_str(check(&q, "a\x01"
                         "b"),
               "(refused)", "TEXT with \\x01 refused");
        is_str(check(&q, "a\x1b[31mb"), "(refused)", "TEXT with ESC refused");
        is_str(check(&q, "line1\nline2\ttab"), "line1\nline2\ttab",
               "TEXT keeps inner newline and tab");

        static const char *const fee[] = {"free", "paid", NULL};
        const struct param_spec en = {.name = "fee", .kind = PARAM_ENUM, .choices = fee};
        is_str(check(&en, "free"), "free", "ENUM first choice");
        is_str(check(&en, "paid"), "paid", "ENUM second choice");
        is_str(check(&en, "Free"), "(refused)", "ENUM is case-sensitive");
        is_str(check(&en, "fre"), "(refused)", "ENUM prefix refused");
        is_str(check(&en, "free "), "(refused)", "ENUM with a trailing space refused");
        is_str(check(&en, ""), "(refused)", "ENUM empty refused");

        const struct param_spec slug = {.name = "cat", .kind = PARAM_SLUG, .max = 10};
        is_str(check(&slug, "it-basics"), "it-basics", "SLUG lower-case, digits and '-'");
        is_str(check(&slug, "a1-2b"), "a1-2b", "SLUG with digits");
        is_str(check(&slug, "0123456789"), "0123456789", "SLUG at max length");
        is_str(check(&slug, "0123456789a"), "(refused)", "SLUG over max length refused");
        is_str(check(&slug, "IT"), "(refused)", "SLUG upper case refused");
        is_str(check(&slug, "a_b"), "(refused)", "SLUG underscore refused");
        is_str(check(&slug, "a/b"), "(refused)", "SLUG slash refused");
        is_str(check(&slug, "电脑"), "(refused)", "SLUG non-ASCII refused");
        is_str(check(&slug, ""), "(refused)", "SLUG empty refused");
}

/* ---------------------------------------------------------------- router */

static struct req *mkreq(enum http_method m, const char *path, const char *query)
{
        struct req *rq = arena_alloc(A, sizeof(*rq));

        rq->arena = A;
        rq->method = m;
        rq->path = path;
        rq->query_string = query;
        int st = http_parse_urlencoded(A, query, strlen(query), NULL, &rq->query);
        if (st)
                printf("# mkreq: query \"%s\" gave %d\n", query, st);
        return rq;
}

static const char *route_name(const struct req *rq)
{
        return rq->route ? rq->route->name : "(none)";
}

static void test_router_match(void)
{
        struct req *rq;
        unsigned allow;

        rq = mkreq(HTTP_GET, "/", "");
        is_int(router_match(rq, &allow), MATCH_OK, "match GET /");
        is_str(route_name(rq), "home", "GET / is home");

        rq = mkreq(HTTP_GET, "/courses", "");
        is_int(router_match(rq, &allow), MATCH_OK, "match GET /courses");
        is_str(route_name(rq), "catalog", "GET /courses is catalog");
        is_int((long long)kv_count(rq->path_params), 0, "GET /courses has no path params");

        rq = mkreq(HTTP_GET, "/courses/12", "");
        is_int(router_match(rq, &allow), MATCH_OK, "match GET /courses/12");
        is_str(route_name(rq), "course", "GET /courses/12 is course");
        is_str(kv_get(rq->path_params, "id"), "12", "path param id = 12");
        is_int((long long)kv_count(rq->path_params), 1, "one path param");

        rq = mkreq(HTTP_GET, "/courses/12/", "");
        is_int(router_match(rq, &allow), MATCH_NONE, "GET /courses/12/ does not match");

        rq = mkreq(HTTP_GET, "/courses/", "");
        is_int(router_match(rq, &allow), MATCH_NONE, "GET /courses/ (empty id) does not match");

        rq = mkreq(HTTP_GET, "/courses//12", "");
        is_int(router_match(rq, &allow), MATCH_NONE, "GET /courses//12 does not match");

        rq = mkreq(HTTP_GET, "/courses/%31%32", "");
        is_int(router_match(rq, &allow), MATCH_OK, "match GET /courses/%31%32");
        is_str(kv_get(rq->path_params, "id"), "12", "percent-decoded path param id = 12");

        rq = mkreq(HTTP_GET, "/courses/%zz", "");
        is_int(router_match(rq, &allow), MATCH_NONE, "bad percent-escape in a segment: no match");

        rq = mkreq(HTTP_GET, "/courses/%C0%AF", "");
        is_int(router_match(rq, &allow), MATCH_NONE, "overlong UTF-8 in a segment: no match");

        rq = mkreq(HTTP_GET, "/courses/a%2Fb", "");
        is_int(router_match(rq, &allow), MATCH_OK, "%2F stays inside its segment");
        is_str(kv_get(rq->path_params, "id"), "a/b", "path param with %2F decodes to a/b");

        rq = mkreq(HTTP_GET, "/nope", "");
        allow = 12345;
        is_int(router_match(rq, &allow), MATCH_NONE, "GET /nope is MATCH_NONE");
        is_int(allow, 0, "MATCH_NONE leaves allow 0");

        rq = mkreq(HTTP_GET, "/Courses", "");
        is_int(router_match(rq, &allow), MATCH_NONE, "paths are case-sensitive");

        rq = mkreq(HTTP_POST, "/courses", "");
        is_int(router_match(rq, &allow), MATCH_METHOD, "POST /courses is MATCH_METHOD");
        ok((allow & HTTP_GET) != 0, "allow has GET");
        ok((allow & HTTP_POST) == 0, "allow has no POST");

        rq = mkreq(HTTP_GET, "/logout", "");
        is_int(router_match(rq, &allow), MATCH_METHOD, "GET /logout is MATCH_METHOD");
        is_int(allow, HTTP_POST, "allow for /logout is POST only");

        rq = mkreq(HTTP_HEAD, "/courses", "");
        is_int(router_match(rq, &allow), MATCH_OK, "HEAD /courses matches");
        is_str(route_name(rq), "catalog", "HEAD /courses is the GET route");

        rq = mkreq(HTTP_HEAD, "/logout", "");
        is_int(router_match(rq, &allow), MATCH_METHOD, "HEAD /logout (POST only) refused");
}

/* Matches path (must succeed) and runs router_check_params. */
static bool params_for(const char *path, const char *query, const char **bad, struct req **out)
{
        struct req *rq = mkreq(HTTP_GET, path, query);
        unsigned allow;

        *out = rq;
        *bad = NULL;
        if (router_match(rq, &allow) != MATCH_OK) {
                printf("# %s did not match\n", path);
                return false;
        }
        return router_check_params(rq, bad);
}

static void test_router_params(void)
{
        struct req *rq;
        const char *bad;

        ok(params_for("/courses",
                      "q=%20%E6%89%8B%E6%9C%BA+&cat=it-basics&district=3&fee=free&mode=online"
                      "&audience=seniors&soon=1&sort=soon&page=2&utm_source=x",
                      &bad, &rq),
           "valid catalog params pass");
        is_str(bad, NULL, "no bad param named");
        is_str(req_param(rq, "q"), "手机", "q trimmed");
        is_str(req_param(rq, "cat"), "it-basics", "cat");
        is_str(req_param(rq, "district"), "3", "district");
        is_str(req_param(rq, "fee"), "free", "fee");
        is_str(req_param(rq, "mode"), "online", "mode");
        is_str(req_param(rq, "audience"), "seniors", "audience");
        is_str(req_param(rq, "soon"), "1", "soon");
        is_str(req_param(rq, "sort"), "soon", "sort");
        is_int(req_param_int(rq, "page", 1), 2, "page as an int");
        is_str(req_param(rq, "utm_source"), NULL, "undeclared param ignored");
        is_int((long long)kv_count(rq->params), 9, "nine declared params kept");

        ok(params_for("/courses", "", &bad, &rq), "no params at all pass");
        is_int(req_param_int(rq, "page", 1), 1, "absent page gives the default");
        is_int((long long)kv_count(rq->params), 0, "no params kept");

        ok(params_for("/courses", "q=&page=", &bad, &rq), "empty values count as absent");
        is_str(req_param(rq, "q"), NULL, "empty q absent");
        ok(params_for("/courses", "q=+++", &bad, &rq), "blank q passes");
        is_str(req_param(rq, "q"), NULL, "blank q (trimmed to \"\") absent");

        ok(!params_for("/courses", "fee=cheap", &bad, &rq), "bad fee refused");
        is_str(bad, "fee", "bad fee named");
        ok(!params_for("/courses", "page=0", &bad, &rq), "page=0 refused");
        is_str(bad, "page", "page=0 named");
        ok(!params_for("/courses", "page=1001", &bad, &rq), "page=1001 refused");
        is_str(bad, "page", "page=1001 named");
        ok(params_for("/courses", "page=1000", &bad, &rq), "page=1000 accepted");

        char q[80];
        memset(q, 0, sizeof q);
        memcpy(q, "q=", 2);
        memset(q + 2, 'a', 51);
        ok(!params_for("/courses", q, &bad, &rq), "q of 51 characters refused");
        is_str(bad, "q", "q of 51 named");
        q[2 + 50] = '\0';
        ok(params_for("/courses", q, &bad, &rq), "q of 50 characters accepted");

        ok(!params_for("/courses", "cat=IT", &bad, &rq), "upper-case cat refused");
        is_str(bad, "cat", "cat named");

        ok(params_for("/courses/12", "", &bad, &rq), "GET /courses/12 params pass");
        is_str(req_param(rq, "id"), "12", "id param from the path");
        ok(params_for("/courses/12", "id=99", &bad, &rq), "id in the query ignored");
        is_str(req_param(rq, "id"), "12", "id still from the path");
        ok(!params_for("/courses/0", "", &bad, &rq), "GET /courses/0 refused");
        is_str(bad, "id", "id 0 named");
        ok(!params_for("/courses/abc", "", &bad, &rq), "GET /courses/abc refused");
        is_str(bad, "id", "id abc named");

        ok(params_for("/map", "lat=31.23&lng=121.47&radius=800", &bad, &rq), "map params pass");
        is_str(req_param(rq, "lat"), "31.2300000", "lat normalized");
        ok(!params_for("/map", "lat=1e1", &bad, &rq), "map lat=1e1 refused");
        is_str(bad, "lat", "lat named");
}

/* ---------------------------------------------------------------- request */

struct env_pair {
        const char *name, *value;
};

static const char *fake_env(void *ctx, const char *name)
{
        for (const struct env_pair *e = ctx; e->name; e++)
                if (strcmp(e->name, name) == 0)
                        return e->value;
        return NULL;
}

static int build(struct req *rq, const struct env_pair *env, const char *body, size_t len)
{
        memset(rq, 0, sizeof(*rq));
        rq->arena = A;
        return req_build(rq, fake_env, (void *)env, body, len);
}

static enum lang lang_for(const char *cookie, const char *accept)
{
        struct env_pair env[] = {{"REQUEST_METHOD", "GET"},
                                 {"REQUEST_URI", "/"},
                                 {cookie ? "HTTP_COOKIE" : "X_UNUSED", cookie},
                                 {accept ? "HTTP_ACCEPT_LANGUAGE" : "X_UNUSED2", accept},
                                 {NULL, NULL}};
        struct req rq;
        int st = build(&rq, env, NULL, 0);

        if (st)
                printf("# lang_for: status %d\n", st);
        return rq.lang;
}

static void test_request_get(void)
{
        struct env_pair env[] = {
            {"REQUEST_METHOD", "GET"},
            {"REQUEST_URI", "/courses?q=%E6%89%8B%E6%9C%BA&page=2"},
            {"QUERY_STRING", "q=%E6%89%8B%E6%9C%BA&page=2"},
            {"HTTP_COOKIE", "cm_sid=abc; lang=en; text=large"},
            {"HTTP_ACCEPT_LANGUAGE", "zh-CN,zh;q=0.9"},
            {"HTTP_USER_AGENT", "test/1.0"},
            {"REMOTE_ADDR", "127.0.0.1"},
            {"HTTPS", "on"},
            {"HTTP_X_CSRF_TOKEN", "tok"},
            {NULL, NULL},
        };
        struct req rq;

        is_int(build(&rq, env, NULL, 0), 0, "GET with query and cookies builds");
        is_int(rq.method, HTTP_GET, "method GET");
        is_str(rq.method_name, "GET", "method name");
        is_str(rq.path, "/courses", "path without the query");
        is_str(rq.query_string, "q=%E6%89%8B%E6%9C%BA&page=2", "raw query string kept");
        is_str(kv_get(rq.query, "q"), "手机", "query q decoded");
        is_str(kv_get(rq.query, "page"), "2", "query page");
        is_str(kv_get(rq.cookies, "cm_sid"), "abc", "cookie cm_sid");
        is_int(rq.lang, LANG_EN, "lang cookie en beats Accept-Language zh");
        ok(rq.large_text, "text=large cookie sets large_text");
        ok(rq.https, "HTTPS=on");
        is_str(rq.user_agent, "test/1.0", "user agent");
        is_str(rq.remote_addr, "127.0.0.1", "remote addr");
        is_str(rq.csrf_header, "tok", "X-CSRF-Token header");
        is_str(rq.request_id, "-", "request id defaults to -");
        ok(rq.form == NULL && rq.uploads == NULL, "no body, no form");

        struct env_pair plain[] = {{"REQUEST_METHOD", "HEAD"},
                                   {"REQUEST_URI", "/"},
                                   {"HTTPS", "off"},
                                   {"HTTP_COOKIE", "text=standard"},
                                   {NULL, NULL}};
        is_int(build(&rq, plain, NULL, 0), 0, "HEAD / builds");
        is_int(rq.method, HTTP_HEAD, "method HEAD");
        ok(!rq.large_text, "text=standard: no large text");
        ok(!rq.https, "HTTPS=off");
        is_str(rq.query_string, "", "no query string is \"\"");
        ok(rq.query == NULL, "no query list");

        struct env_pair odd[] = {{"REQUEST_METHOD", "PATCH"}, {"REQUEST_URI", "/"}, {NULL, NULL}};
        is_int(build(&rq, odd, NULL, 0), 0, "PATCH builds");
        is_int(rq.method, HTTP_OTHER, "PATCH is HTTP_OTHER");

        is_int(lang_for("lang=en", NULL), LANG_EN, "lang cookie en");
        is_int(lang_for("lang=zh-CN", "en"), LANG_ZH, "lang cookie zh-CN beats Accept-Language");
        is_int(lang_for("lang=fr", "en"), LANG_EN, "unknown lang cookie falls back to header");
        is_int(lang_for(NULL, "en-US,en;q=0.9"), LANG_EN, "Accept-Language en-US picks English");
        is_int(lang_for(NULL, "zh-CN,zh;q=0.9,en;q=0.8"), LANG_ZH, "zh-CN first picks Chinese");
        is_int(lang_for(NULL, "fr"), LANG_ZH, "fr picks the default, Chinese");
        is_int(lang_for(NULL, "en;q=0.1, zh;q=0.5"), LANG_ZH, "higher q for zh picks Chinese");
        is_int(lang_for(NULL, "fr, en;q=0.5"), LANG_EN, "fr then en picks English");
        is_int(lang_for(NULL, "en;q=0"), LANG_ZH, "en;q=0 means not English");
        is_int(lang_for(NULL, NULL), LANG_ZH, "no Accept-Language: Chinese");
        is_int(req_pick_lang(NULL, "EN-gb"), LANG_EN, "language tags are case-insensitive");
}

static void test_request_bodies(void)
{
        struct req rq;
        struct env_pair post[] = {{"REQUEST_METHOD", "POST"},
                                  {"REQUEST_URI", "/logout"},
                                  {"CONTENT_TYPE", "application/x-www-form-urlencoded"},
                                  {NULL, NULL}};
        const char *body = "csrf=abc&name=%E5%BC%A0+%E4%B8%89&empty=";

        is_int(build(&rq, post, body, strlen(body)), 0, "POST urlencoded builds");
        is_int(rq.method, HTTP_POST, "method POST");
        is_str(kv_get(rq.form, "csrf"), "abc", "form csrf");
        is_str(kv_get(rq.form, "name"), "张 三", "form name decoded, + is a space");
        is_str(kv_get(rq.form, "empty"), "", "form empty value");
        is_int((long long)kv_count(rq.form), 3, "three form fields");

        struct env_pair postcs[] = {
            {"REQUEST_METHOD", "POST"},
            {"REQUEST_URI", "/logout"},
            {"CONTENT_TYPE", "application/x-www-form-urlencoded; charset=UTF-8"},
            {NULL, NULL}};
        is_int(build(&rq, postcs, "a=1", 3), 0, "urlencoded with charset builds");
        is_str(kv_get(rq.form, "a"), "1", "urlencoded with charset parsed");

        is_int(build(&rq, post, "a=%zz", 5), 400, "bad percent-encoding in a body is 400");

        struct env_pair mp[] = {{"REQUEST_METHOD", "POST"},
                                {"REQUEST_URI", "/agency/courses"},
                                {"CONTENT_TYPE", "multipart/form-data; boundary=XyZ"},
                                {NULL, NULL}};
        const char mbody[] =
            "--XyZ\r\n"
            "Content-Disposition: form-data; name=\"title\"\r\n"
            "\r\n"
            "课程\r\n"
            "--XyZ\r\n"
            "Content-Disposition: form-data; name=\"photo\"; filename=\"a.png\"\r\n"
            "Content-Type: image/png\r\n"
            "\r\n"
            "\x89PNG\0\x01\r\n"
            "--XyZ--\r\n";
        is_int(build(&rq, mp, mbody, sizeof mbody - 1), 0, "multipart builds");
        is_str(kv_get(rq.form, "title"), "课程", "multipart text field");
        ok(rq.uploads != NULL, "multipart has an upload");
        if (rq.uploads) {
                is_str(rq.uploads->field, "photo", "upload field name");
                is_str(rq.uploads->filename, "a.png", "upload filename");
                is_mem(rq.uploads->data, rq.uploads->len, "\x89PNG\0\x01", 6,
                       "upload bytes, NUL included");
        }

        struct env_pair other[] = {{"REQUEST_METHOD", "POST"},
                                   {"REQUEST_URI", "/pay/notify/wechat"},
                                   {"CONTENT_TYPE", "application/json"},
                                   {NULL, NULL}};
        is_int(build(&rq, other, "{\"a\":1}", 7), 0, "a JSON body builds");
        ok(rq.form == NULL, "a JSON body is not parsed into form");

        size_t big = REQ_MAX_BODY + 1;
        char *huge = malloc(big);
        if (huge) {
                memset(huge, 'a', big);
                is_int(build(&rq, post, huge, big), 413, "body over REQ_MAX_BODY is 413");
                free(huge);
        }
}

static void test_request_limits(void)
{
        struct req rq;
        char *uri = malloc(REQ_MAX_PATH + 16), *qs = malloc(REQ_MAX_QUERY + 16);
        struct env_pair env[] = {{"REQUEST_URI", uri}, {"QUERY_STRING", qs}, {NULL, NULL}};

        if (!uri || !qs) {
                ok(0, "malloc");
                free(uri);
                free(qs);
                return;
        }
        qs[0] = '\0';
        uri[0] = '/';
        memset(uri + 1, 'a', REQ_MAX_PATH - 1);
        uri[REQ_MAX_PATH] = '\0';
        is_int(build(&rq, env, NULL, 0), 0, "path of exactly REQ_MAX_PATH bytes builds");
        strcpy(uri + REQ_MAX_PATH, "?x=1");
        is_int(build(&rq, env, NULL, 0), 0, "the query does not count towards the path limit");
        strcpy(uri + REQ_MAX_PATH, "a");
        is_int(build(&rq, env, NULL, 0), 414, "path over REQ_MAX_PATH is 414");

        strcpy(uri, "/courses");
        memcpy(qs, "q=", 2);
        memset(qs + 2, 'a', REQ_MAX_QUERY - 2);
        qs[REQ_MAX_QUERY] = '\0';
        is_int(build(&rq, env, NULL, 0), 0, "query of exactly REQ_MAX_QUERY bytes builds");
        strcpy(qs + REQ_MAX_QUERY, "a");
        is_int(build(&rq, env, NULL, 0), 414, "query over REQ_MAX_QUERY is 414");

        qs[0] = '\0';
        strcpy(uri, "/a\x01"
                    "b");
        is_int(build(&rq, env, NULL, 0), 400, "path with a control byte is 400");
        strcpy(uri, "/a b");
        is_int(build(&rq, env, NULL, 0), 400, "path with a space is 400");
        strcpy(uri, "/a\x7f");
        is_int(build(&rq, env, NULL, 0), 400, "path with DEL is 400");
        strcpy(uri, "/\xe6\x89\x8b");
        is_int(build(&rq, env, NULL, 0), 400, "path with raw non-ASCII is 400");
        strcpy(uri, "courses");
        is_int(build(&rq, env, NULL, 0), 400, "path without a leading slash is 400");
        strcpy(uri, "?q=1");
        is_int(build(&rq, env, NULL, 0), 400, "empty path is 400");

        strcpy(uri, "/courses");
        strcpy(qs, "q=%zz");
        is_int(build(&rq, env, NULL, 0), 400, "bad percent-encoding in the query is 400");
        strcpy(qs, "q=%E6%89");
        is_int(build(&rq, env, NULL, 0), 400, "truncated UTF-8 in the query is 400");
        strcpy(qs, "q=%00");
        is_int(build(&rq, env, NULL, 0), 400, "NUL in the query is 400");

        free(uri);
        free(qs);

        char *cookie = malloc(8200);
        if (cookie) {
                struct env_pair cenv[] = {
                    {"REQUEST_URI", "/"}, {"HTTP_COOKIE", cookie}, {NULL, NULL}};
                memcpy(cookie, "a=", 2);
                memset(cookie + 2, 'x', 8191);
                cookie[8193] = '\0';
                is_int(build(&rq, cenv, NULL, 0), 400, "Cookie header over 8 KiB is 400");
                free(cookie);
        }
}

/* ---------------------------------------------------------------- response */

static void test_local_path(void)
{
        ok(resp_local_path_ok("/"), "local path: /");
        ok(resp_local_path_ok("/courses?x=1"), "local path: /courses?x=1");
        ok(resp_local_path_ok("/courses/12#offerings"), "local path: with a fragment");
        ok(!resp_local_path_ok("//evil.com"), "local path: //evil.com refused");
        ok(!resp_local_path_ok("/\\evil"), "local path: /\\evil refused");
        ok(!resp_local_path_ok("/a\\b"), "local path: backslash anywhere refused");
        ok(!resp_local_path_ok("http://x"), "local path: http://x refused");
        ok(!resp_local_path_ok("javascript:alert(1)"), "local path: javascript: refused");
        ok(!resp_local_path_ok(""), "local path: empty refused");
        ok(!resp_local_path_ok(NULL), "local path: NULL refused");
        ok(!resp_local_path_ok("/a\r\nb"), "local path: CR LF refused");
        ok(!resp_local_path_ok("/\t/evil.com"), "local path: tab (browsers strip it) refused");
        ok(!resp_local_path_ok("/a\x7f"), "local path: DEL refused");
}

static const char *header_value(const struct resp *rs, const char *name)
{
        for (const struct header *h = rs->headers; h; h = h->next)
                if (strcmp(h->name, name) == 0)
                        return h->value;
        return NULL;
}

static int header_count(const struct resp *rs)
{
        int n = 0;

        for (const struct header *h = rs->headers; h; h = h->next)
                n++;
        return n;
}

static void test_response(void)
{
        struct resp rs;

        resp_init(&rs, A);
        is_int(rs.status, 200, "resp_init: status 200");
        resp_header(&rs, "X-Test", "one");
        is_str(header_value(&rs, "X-Test"), "one", "resp_header adds a header");
        resp_header(&rs, "X-Evil", "a\r\nSet-Cookie: x=1");
        resp_header(&rs, "X-Evil2", "a\nb");
        resp_header(&rs, "X-Evil3", "a\rb");
        resp_header(&rs, "X-Bad\r\nName", "v");
        is_int(header_count(&rs), 1, "CR/LF in a header value or name: not added");
        is_str(header_value(&rs, "X-Evil"), NULL, "X-Evil absent");

        resp_init(&rs, A);
        struct cookie_opts o = {.max_age = 3600, .http_only = true, .secure = false};
        resp_cookie(&rs, "cm_sid", "tok", &o);
        is_str(header_value(&rs, "Set-Cookie"),
               "cm_sid=tok; Path=/; SameSite=Lax; HttpOnly; Max-Age=3600",
               "cookie: HttpOnly, SameSite=Lax, Max-Age");
        resp_init(&rs, A);
        o = (struct cookie_opts){.max_age = 0, .http_only = false, .secure = true};
        resp_cookie(&rs, "lang", "en", &o);
        is_str(header_value(&rs, "Set-Cookie"), "lang=en; Path=/; SameSite=Lax; Secure",
               "cookie: session cookie, Secure, no HttpOnly");
        resp_init(&rs, A);
        o = (struct cookie_opts){.max_age = -1, .http_only = true, .secure = true};
        resp_cookie(&rs, "cm_sid", "tok", &o);
        is_str(header_value(&rs, "Set-Cookie"),
               "cm_sid=; Path=/; SameSite=Lax; HttpOnly; Secure; Max-Age=0",
               "cookie: delete empties the value, Max-Age=0");

        resp_init(&rs, A);
        resp_redirect(&rs, 303, "/courses?x=1");
        is_int(rs.status, 303, "redirect status");
        is_str(header_value(&rs, "Location"), "/courses?x=1", "redirect to a local path");
        resp_init(&rs, A);
        resp_redirect(&rs, 302, "//evil.com");
        is_str(header_value(&rs, "Location"), "/", "redirect off-site goes home instead");

        is_str(http_reason(404), "Not Found", "reason 404");
        is_str(http_reason(413), "Content Too Large", "reason 413");
        is_str(http_reason(414), "URI Too Long", "reason 414");

        struct buf out;
        const char *body = "not found";
        buf_init(&out);
        resp_init(&rs, A);
        rs.status = 404;
        rs.content_type = "text/html; charset=utf-8";
        rs.no_store = true;
        resp_header(&rs, "X-Test", "1");
        resp_serialize(&rs, body, strlen(body), &out);
        const char *s = buf_cstr(&out);
        ok(strncmp(s, "Status: 404 Not Found\r\n", 23) == 0, "serialize starts with the status");
        ok(strstr(s, "\r\nContent-Type: text/html; charset=utf-8\r\n") != NULL,
           "serialize: Content-Type");
        ok(strstr(s, "\r\nContent-Length: 9\r\n") != NULL, "serialize: Content-Length 9");
        ok(strstr(s, "\r\nX-Content-Type-Options: nosniff\r\n") != NULL, "serialize: nosniff");
        ok(strstr(s, "\r\nReferrer-Policy: same-origin\r\n") != NULL, "serialize: Referrer-Policy");
        ok(strstr(s, "\r\nX-Frame-Options: DENY\r\n") != NULL, "serialize: X-Frame-Options");
        ok(strstr(s, "\r\nCache-Control: no-store\r\n") != NULL, "serialize: no-store");
        ok(strstr(s, "\r\nX-Test: 1\r\n") != NULL, "serialize: extra header");
        const char *end = strstr(s, "\r\n\r\n");
        is_str(end ? end + 4 : NULL, "not found", "serialize: body after the blank line");
        is_int(count_of(s, "Content-Length:"), 1, "serialize: one Content-Length");

        buf_clear(&out);
        rs.head_only = true;
        rs.no_store = false;
        resp_serialize(&rs, body, strlen(body), &out);
        s = buf_cstr(&out);
        ok(strstr(s, "\r\nContent-Length: 9\r\n") != NULL, "HEAD: Content-Length of the body");
        ok(strstr(s, "Cache-Control") == NULL, "no Cache-Control without no_store");
        size_t n = strlen(s);
        ok(n >= 4 && strcmp(s + n - 4, "\r\n\r\n") == 0, "HEAD: ends at the blank line");
        ok(strstr(s, "not found") == NULL, "HEAD: body omitted");

        buf_clear(&out);
        resp_init(&rs, A);
        resp_serialize(&rs, "", 0, &out);
        s = buf_cstr(&out);
        ok(strncmp(s, "Status: 200 OK\r\n", 16) == 0, "serialize 200 OK");
        ok(strstr(s, "\r\nContent-Length: 0\r\n") != NULL, "serialize: Content-Length 0");
        buf_free(&out);
}

/* ---------------------------------------------------------------- format */

static void test_format(void)
{
        is_str(fmt_money(A, 0, "免费"), "免费", "money 0 with the free word");
        is_str(fmt_money(A, 0, NULL), "¥0.00", "money 0 without a free word");
        is_str(fmt_money(A, 1, NULL), "¥0.01", "money 1 fen");
        is_str(fmt_money(A, 10, "免费"), "¥0.10", "money 10 fen");
        is_str(fmt_money(A, 1250, NULL), "¥12.50", "money 1250 fen");
        is_str(fmt_money(A, 100000000, NULL), "¥1000000.00", "money one million yuan");
        is_str(fmt_money(A, -1250, NULL), "-¥12.50", "money negative");
        is_str(fmt_money(A, -5, NULL), "-¥0.05", "money small negative");
        is_str(fmt_money(A, LLONG_MIN, NULL), "-¥92233720368547758.08", "money LLONG_MIN");

        is_str(fmt_date(A, LANG_ZH, "2026-12-01"), "2026年12月1日", "date zh");
        is_str(fmt_date(A, LANG_EN, "2026-12-01"), "1 Dec 2026", "date en");
        is_str(fmt_date(A, LANG_EN, "2026-01-31"), "31 Jan 2026", "date en January");
        is_str(fmt_date(A, LANG_ZH, "garbage"), "garbage", "date garbage unchanged");
        is_str(fmt_date(A, LANG_EN, "2026-13-01"), "2026-13-01", "date month 13 unchanged");
        is_str(fmt_date(A, LANG_EN, "2026-12-00"), "2026-12-00", "date day 0 unchanged");
        is_str(fmt_date(A, LANG_EN, "2026-12-01x"), "2026-12-01x", "date with a tail unchanged");
        is_str(fmt_date(A, LANG_EN, ""), "", "date empty unchanged");
        is_str(fmt_date(A, LANG_EN, NULL), "", "date NULL gives \"\"");

        is_str(fmt_distance(A, LANG_ZH, 650), "650 米", "distance 650 m zh");
        is_str(fmt_distance(A, LANG_EN, 650), "650 m", "distance 650 m en");
        is_str(fmt_distance(A, LANG_EN, 654), "650 m", "distance rounded to 10 m");
        is_str(fmt_distance(A, LANG_EN, 656), "660 m", "distance rounded up to 10 m");
        is_str(fmt_distance(A, LANG_ZH, 1234), "1.2 公里", "distance 1234 m zh");
        is_str(fmt_distance(A, LANG_EN, 1234), "1.2 km", "distance 1234 m en");
        is_str(fmt_distance(A, LANG_EN, 0), "0 m", "distance 0");
        is_str(fmt_distance(A, LANG_EN, 994), "990 m", "distance 994 m stays in metres");
        is_str(fmt_distance(A, LANG_ZH, 996), "1.0 公里", "distance 996 m is 1.0 km, not 1000 m");
        is_str(fmt_distance(A, LANG_EN, 1000), "1.0 km", "distance 1000 m");

        is_str(fmt_urlenc(A, "手机 a&b"), "%E6%89%8B%E6%9C%BA%20a%26b", "urlenc Chinese, space, &");
        is_str(fmt_urlenc(A, "AZaz09-_.~"), "AZaz09-_.~", "urlenc leaves unreserved alone");
        is_str(fmt_urlenc(A, "a+b=c/d?e#f%"), "a%2Bb%3Dc%2Fd%3Fe%23f%25", "urlenc reserved");
        is_str(fmt_urlenc(A, ""), "", "urlenc empty");
}

/* ---------------------------------------------------------------- config */

/* Writes text to a fresh temporary file; returns its path (caller unlinks and frees). */
static char *temp_file(const char *text)
{
        char *path = strdup("/tmp/cm_test_core_XXXXXX");

        if (!path)
                return NULL;
        int fd = mkstemp(path);
        if (fd < 0) {
                free(path);
                return NULL;
        }
        size_t len = strlen(text);
        ssize_t w = write(fd, text, len);
        close(fd);
        if (w != (ssize_t)len) {
                unlink(path);
                free(path);
                return NULL;
        }
        return path;
}

/* Loads text as a config; returns config_load's result, the error in err. */
static int load_text(const char *text, struct config *c, char *err, size_t errlen, char **path)
{
        *path = temp_file(text);
        if (!*path) {
                snprintf(err, errlen, "temp file");
                return -2;
        }
        return config_load(c, *path, err, errlen);
}

static void drop(char *path)
{
        if (path) {
                unlink(path);
                free(path);
        }
}

static void test_config(void)
{
        struct config c;
        char err[512], *path;

        memset(&c, 0, sizeof c);
        err[0] = '\0';
        int st = load_text("# CourseMart test config\n"
                           "\n"
                           "   \n"
                           "listen = /run/cm.sock\n"
                           "workers = 4\r\n"
                           "database = dbname=cm user=cm\n"
                           "database_read =  host=replica dbname=cm  \n"
                           "  templates=/srv/templates\n"
                           "static = /srv/static\n"
                           "schema = /srv/schema\n"
                           "secret_file = /etc/cm/secret\n"
                           "\t# an indented comment\n"
                           "access_log = /var/log/cm/access.log\n"
                           "pid_file = /run/cm.pid\n"
                           "map_tiles = https://tiles.example/{z}/{x}/{y}.png\n"
                           "map_attribution = © 明湖市\n"
                           "https = on\n",
                           &c, err, sizeof err, &path);
        is_int(st, 0, "config with every key loads");
        if (st)
                printf("#   error: %s\n", err);
        is_str(c.path, path, "config path");
        is_str(c.listen, "/run/cm.sock", "config listen");
        is_int(c.workers, 4, "config workers (CRLF line)");
        is_str(c.database, "dbname=cm user=cm", "config database keeps inner '='");
        is_str(c.database_read, "host=replica dbname=cm", "config database_read trimmed");
        is_str(c.templates, "/srv/templates", "config templates");
        is_str(c.static_dir, "/srv/static", "config static");
        is_str(c.schema, "/srv/schema", "config schema");
        is_str(c.secret_file, "/etc/cm/secret", "config secret_file");
        is_str(c.access_log, "/var/log/cm/access.log", "config access_log");
        is_str(c.pid_file, "/run/cm.pid", "config pid_file");
        is_str(c.map_tiles, "https://tiles.example/{z}/{x}/{y}.png", "config map_tiles");
        is_str(c.map_attribution, "© 明湖市", "config map_attribution");
        ok(c.https, "config https = on");
        if (st == 0)
                config_free(&c);
        drop(path);

        memset(&c, 0, sizeof c);
        st = load_text("# nothing but a comment\n", &c, err, sizeof err, &path);
        is_int(st, 0, "config of only a comment loads");
        is_str(c.templates, "templates", "default templates");
        is_str(c.database_read, "", "default database_read");
        is_int(c.workers, 0, "default workers");
        ok(!c.https, "default https off");
        if (st == 0)
                config_free(&c);
        drop(path);

        static const struct {
                const char *text;
                bool want;
        } https[] = {{"https = off\n", false},
                     {"https = yes\n", true},
                     {"https = no\n", false},
                     {"https = true\n", true},
                     {"https = false\n", false}};
        for (size_t i = 0; i < sizeof https / sizeof https[0]; i++) {
                char name[64];
                memset(&c, 0, sizeof c);
                c.https = !https[i].want;
                st = load_text(https[i].text, &c, err, sizeof err, &path);
                snprintf(name, sizeof name, "config %.*s", (int)strlen(https[i].text) - 1,
                         https[i].text);
                ok(st == 0 && c.https == https[i].want, "%s", name);
                if (st == 0)
                        config_free(&c);
                drop(path);
        }

        /* errors: *out untouched, err names the line */
        memset(&c, 0, sizeof c);
        c.workers = 77;
        st = load_text("listen = /x\n# comment\ncolour = blue\n", &c, err, sizeof err, &path);
        is_int(st, -1, "unknown key is an error");
        ok(strstr(err, ":3:") != NULL && strstr(err, "colour") != NULL,
           "unknown key error names line 3 and the key");
        if (!(strstr(err, ":3:") && strstr(err, "colour")))
                printf("#   error: %s\n", err);
        ok(path && strncmp(err, path, strlen(path)) == 0, "error starts with the file name");
        is_int(c.workers, 77, "on error *out is untouched");
        ok(c.listen == NULL, "on error no string is set in *out");
        drop(path);

        static const char *const bad[] = {"workers = many\n", "workers = -1\n", "workers = 1025\n",
                                          "workers = 4x\n",   "workers =\n",    "https = maybe\n",
                                          "just a line\n"};
        for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
                char name[64];
                memset(&c, 0, sizeof c);
                st = load_text(bad[i], &c, err, sizeof err, &path);
                snprintf(name, sizeof name, "config refuses %.*s", (int)strlen(bad[i]) - 1, bad[i]);
                ok(st == -1 && strstr(err, ":1:") != NULL, "%s", name);
                drop(path);
        }

        memset(&c, 0, sizeof c);
        st = load_text("workers = 1024\n", &c, err, sizeof err, &path);
        ok(st == 0 && c.workers == 1024, "workers = 1024 accepted");
        if (st == 0)
                config_free(&c);
        drop(path);

        char *longline = malloc(5000);
        if (longline) {
                memcpy(longline, "listen = ", 9);
                memset(longline + 9, 'a', 4900);
                strcpy(longline + 4909, "\n");
                memset(&c, 0, sizeof c);
                st = load_text(longline, &c, err, sizeof err, &path);
                ok(st == -1 && strstr(err, ":1:") != NULL, "a line over 4 KiB is an error");
                drop(path);
                free(longline);
        }

        memset(&c, 0, sizeof c);
        st = config_load(&c, "/nonexistent/cm.conf", err, sizeof err);
        ok(st == -1 && strstr(err, "/nonexistent/cm.conf") != NULL,
           "a missing file is an error naming it");
}

static void test_secret(void)
{
        struct config c;
        char err[512];
        const char *hex64 = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

        memset(&c, 0, sizeof c);
        char *text = malloc(80);
        if (!text)
                return;
        snprintf(text, 80, "%s\n", hex64);
        c.secret_file = temp_file(text);
        is_int(config_load_secret(&c, err, sizeof err), 0, "secret of 64 hex chars loads");
        ok(c.have_secret, "have_secret set");
        is_str(hex_of(c.secret, 32),
               "a8ae6e6ee929abea3afcfc5258c8ccd6f85273e0d4626d26c7279f3250f77c8e",
               "secret is SHA-256 of the hex text, newline trimmed");
        drop(c.secret_file);

        memset(&c, 0, sizeof c);
        c.secret_file = temp_file(hex64 + 1);
        is_int(config_load_secret(&c, err, sizeof err), -1, "secret of 63 hex chars refused");
        ok(!c.have_secret, "short secret: have_secret stays false");
        drop(c.secret_file);

        memset(&c, 0, sizeof c);
        snprintf(text, 80, "%.62szz", hex64);
        c.secret_file = temp_file(text);
        is_int(config_load_secret(&c, err, sizeof err), -1, "non-hex secret refused");
        ok(strstr(err, "hex") != NULL, "non-hex error says so");
        drop(c.secret_file);

        memset(&c, 0, sizeof c);
        snprintf(text, 80, "%.32s %.32s", hex64, hex64);
        c.secret_file = temp_file(text);
        is_int(config_load_secret(&c, err, sizeof err), -1, "secret with an inner space refused");
        drop(c.secret_file);

        memset(&c, 0, sizeof c);
        c.secret_file = (char *)"/nonexistent/secret";
        is_int(config_load_secret(&c, err, sizeof err), -1, "missing secret file refused");
        free(text);
}

int main(void)
{
        A = arena_new(64 * 1024);

        test_sha256();
        test_hmac();
        test_hex();
        test_b64url();
        test_equal();
        test_csrf();
        test_validate();
        test_router_match();
        test_router_params();
        test_request_get();
        test_request_bodies();
        test_request_limits();
        test_local_path();
        test_response();
        test_format();
        test_config();
        test_secret();

        arena_free(A);
        return done_testing();
}
