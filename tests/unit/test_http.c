/* test_http.c: unit tests for core/http: percent-decoding, strict UTF-8, urlencoded forms and query
 * strings, multipart/form-data and the Cookie header, with the exact statuses and values the
 * contract in http.h promises. It must never test through anything but http.h. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "http.h"
#include "tap.h"

static struct arena *A;

static size_t kv_count(const struct kv *l)
{
        size_t n = 0;

        for (; l; l = l->next)
                n++;
        return n;
}

/* The i-th pair, or a placeholder (so that a failing check reports instead of crashing). */
static const struct kv *kv_nth(const struct kv *l, size_t i)
{
        static const struct kv missing = {"(missing)", "(missing)", (size_t)-1, NULL};

        while (l && i--)
                l = l->next;
        return l ? l : &missing;
}

static size_t up_count(const struct upload *u)
{
        size_t n = 0;

        for (; u; u = u->next)
                n++;
        return n;
}

/* A poisoned out-pointer, so that "left NULL on error" is really checked. */
#define POISON ((void *)(uintptr_t)0x1)

static int form(const char *s, struct kv **out)
{
        *out = POISON;
        return http_parse_urlencoded(A, s, strlen(s), NULL, out);
}

static int form_lim(const char *s, const struct http_limits *lim, struct kv **out)
{
        *out = POISON;
        return http_parse_urlencoded(A, s, strlen(s), lim, out);
}

/* Expects status want and, on an error, a NULL list. */
static void form_status(const char *s, int want, const char *name)
{
        struct kv *l;
        int rc = form(s, &l);

        is_int(rc, want, name);
        if (want != 0)
                ok(l == NULL, "  ... and the list is NULL");
}

static void test_percent_decode(void)
{
        char d[64];
        long n;

        n = http_percent_decode(d, "%41%62+c", 8, true);
        is_int(n, 4, "percent_decode length");
        is_str(d, "Ab c", "percent_decode with plus_is_space");
        n = http_percent_decode(d, "%41%62+c", 8, false);
        is_str(d, "Ab+c", "percent_decode keeps '+' without plus_is_space");
        is_int(n, 4, "  ... length 4");
        n = http_percent_decode(d, "%e6%89%8B%E6%9c%ba", 18, true);
        is_str(d, "手机", "hex digits in any case");
        is_int(n, 6, "  ... 6 bytes");
        is_int(http_percent_decode(d, "%", 1, true), -1, "lone % is an error");
        is_int(http_percent_decode(d, "ab%4", 4, true), -1, "%4 at the end is an error");
        is_int(http_percent_decode(d, "%GG", 3, true), -1, "%GG is an error");
        is_int(http_percent_decode(d, "%4G", 3, true), -1, "%4G is an error");
        is_int(http_percent_decode(d, "%4g", 3, true), -1, "%4g is an error");
        is_int(http_percent_decode(d, "%g0", 3, true), -1, "%g0 is an error");
        is_int(http_percent_decode(d, "%:0", 3, true), -1, "%:0 is an error ('9' + 1)");
        is_int(http_percent_decode(d, "%@0", 3, true), -1, "%@0 is an error ('A' - 1)");
        is_int(http_percent_decode(d, "%`0", 3, true), -1, "%`0 is an error ('a' - 1)");
        n = http_percent_decode(d, "%09%aF%Fa%00", 12, true);
        ok(n == 4 && (unsigned char)d[0] == 0x09 && (unsigned char)d[1] == 0xAF &&
               (unsigned char)d[2] == 0xFA && d[3] == 0,
           "hex digit edges 0, 9, a, f, A, F");
        is_int(http_percent_decode(d, "% 41", 4, true), -1, "% followed by a space is an error");
        is_int(http_percent_decode(d, "%41", 2, true), -1, "len is respected (%4 of %41)");
        n = http_percent_decode(d, "a%00b", 5, true);
        ok(n == 3 && d[1] == '\0' && d[2] == 'b',
           "percent_decode itself decodes %%00 to a NUL byte");
        n = http_percent_decode(d, "", 0, true);
        ok(n == 0 && d[0] == '\0', "empty input gives an empty string");
        strcpy(d, "x%3Dy%26z");
        n = http_percent_decode(d, d, strlen(d), true);
        is_str(d, "x=y&z", "decoding in place");
}

static void test_utf8(void)
{
        ok(http_utf8_valid("", 0), "empty is valid UTF-8");
        ok(http_utf8_valid("plain ascii", 11), "ASCII is valid");
        ok(http_utf8_valid("手机课程", 12), "Chinese is valid");
        ok(http_utf8_valid("\xF0\x9F\x98\x80", 4), "U+1F600 (4 bytes) is valid");
        ok(http_utf8_valid("\xF4\x8F\xBF\xBF", 4), "U+10FFFF is valid");
        ok(http_utf8_valid("\xEF\xBF\xBD", 3), "U+FFFD is valid");
        ok(http_utf8_valid("\xED\x9F\xBF", 3), "U+D7FF (just below the surrogates) is valid");
        ok(http_utf8_valid("\xC2\x80", 2), "U+0080 is valid");
        ok(!http_utf8_valid("a\0b", 3), "a NUL byte is refused");
        ok(!http_utf8_valid("\xC0\x80", 2), "overlong C0 80 is refused");
        ok(!http_utf8_valid("\xC1\xBF", 2), "overlong C1 BF is refused");
        ok(!http_utf8_valid("\xE0\x80\xAF", 3), "overlong E0 80 AF is refused");
        ok(!http_utf8_valid("\xF0\x80\x80\xAF", 4), "overlong F0 80 80 AF is refused");
        ok(!http_utf8_valid("\xED\xA0\x80", 3), "surrogate ED A0 80 is refused");
        ok(!http_utf8_valid("\xED\xBF\xBF", 3), "surrogate ED BF BF is refused");
        ok(!http_utf8_valid("\x80", 1), "a lone continuation byte is refused");
        ok(!http_utf8_valid("a\xBF"
                            "b",
                            3),
           "a continuation byte inside ASCII is refused");
        ok(!http_utf8_valid("\xE6\x89", 2), "a truncated sequence is refused");
        ok(!http_utf8_valid("\xE6\x89"
                            "a",
                            3),
           "a sequence cut by ASCII is refused");
        ok(!http_utf8_valid("手机", 5), "len cuts a sequence: refused");
        ok(!http_utf8_valid("\xF4\x90\x80\x80", 4), "above U+10FFFF is refused");
        ok(!http_utf8_valid("\xF5\x80\x80\x80", 4), "F5 is refused");
        ok(!http_utf8_valid("\xFF", 1), "FF is refused");
        ok(!http_utf8_valid("\xFE\xFF", 2), "FE FF is refused");

        is_int((long long)http_utf8_chars("", 0), 0, "utf8_chars of empty");
        is_int((long long)http_utf8_chars("abc", 3), 3, "utf8_chars of ASCII");
        is_int((long long)http_utf8_chars("手机", 6), 2, "utf8_chars of 手机 is 2");
        is_int((long long)http_utf8_chars("终身学习abc", 15), 7, "utf8_chars of mixed text");
        is_int((long long)http_utf8_chars("\xF0\x9F\x98\x80!", 5), 2, "utf8_chars with an emoji");
        is_int((long long)http_utf8_chars("¥12.50", 7), 6, "utf8_chars of ¥12.50");
}

static void test_urlencoded(void)
{
        struct kv *l;
        struct http_limits lim;
        char *big;
        size_t i;

        is_int(form("a=1&b=2&c=3", &l), 0, "simple query string");
        is_int((long long)kv_count(l), 3, "  ... 3 pairs");
        is_str(kv_nth(l, 0)->name, "a", "  ... first name");
        is_str(kv_nth(l, 0)->value, "1", "  ... first value");
        is_str(kv_nth(l, 2)->name, "c", "  ... third name, order kept");
        is_int((long long)kv_nth(l, 1)->value_len, 1, "  ... value_len");
        is_str(kv_get(l, "b"), "2", "kv_get");
        is_str(kv_get(l, "d"), NULL, "kv_get of a missing name is NULL");
        is_str(kv_get(NULL, "a"), NULL, "kv_get on an empty list is NULL");

        is_int(form("q=%E6%89%8B%E6%9C%BA&cat=%e8%af%be", &l), 0, "Chinese values");
        is_str(kv_get(l, "q"), "手机", "  ... %E6%89%8B%E6%9C%BA is 手机");
        is_int((long long)kv_nth(l, 0)->value_len, 6, "  ... 6 bytes");
        is_int((long long)http_utf8_chars(kv_nth(l, 0)->value, 6), 2, "  ... 2 characters");
        is_str(kv_get(l, "cat"), "课", "  ... lower-case hex");

        is_int(form("%E5%90%8D=%E5%80%BC", &l), 0, "encoded name");
        is_str(kv_get(l, "名"), "值", "  ... names are decoded too");

        is_int(form("a=hello+world&b=x%2By&c+d=1", &l), 0, "plus signs");
        is_str(kv_get(l, "a"), "hello world", "  ... '+' is a space");
        is_str(kv_get(l, "b"), "x+y", "  ... %2B is a plus");
        is_str(kv_get(l, "c d"), "1", "  ... '+' in a name is a space");

        is_int(form("a&b=&=c&&d", &l), 0, "valueless and empty names");
        is_int((long long)kv_count(l), 3, "  ... empty name skipped: a, b, d");
        is_str(kv_nth(l, 0)->value, "", "  ... a without '=' has \"\"");
        is_int((long long)kv_nth(l, 0)->value_len, 0, "  ... and value_len 0");
        is_str(kv_nth(l, 1)->value, "", "  ... b= has \"\"");
        is_str(kv_nth(l, 2)->name, "d", "  ... d last");

        is_int(form("a=1&", &l), 0, "trailing '&'");
        is_int((long long)kv_count(l), 1, "  ... one pair");
        is_int(form("&&&", &l), 0, "only separators");
        ok(l == NULL, "  ... empty list");
        is_int(form("", &l), 0, "empty string");
        ok(l == NULL, "  ... empty list");
        l = POISON;
        is_int(http_parse_urlencoded(A, NULL, 0, NULL, &l), 0, "NULL string");
        ok(l == NULL, "  ... empty list");

        is_int(form("t=1&t=2&t=3", &l), 0, "repeated names");
        is_int((long long)kv_count(l), 3, "  ... all kept");
        is_str(kv_get(l, "t"), "1", "  ... kv_get returns the first");
        is_str(kv_nth(l, 1)->value, "2", "  ... in order (2)");
        is_str(kv_nth(l, 2)->value, "3", "  ... in order (3)");

        is_int(form("a=1=2", &l), 0, "'=' inside a value");
        is_str(kv_get(l, "a"), "1=2", "  ... split at the first '='");

        l = POISON;
        is_int(http_parse_urlencoded(A, "a=1&b=2", 3, NULL, &l), 0, "len is respected");
        ok(kv_count(l) == 1 && strcmp(kv_nth(l, 0)->value, "1") == 0, "  ... only a=1");

        form_status("a=%", 400, "value '%' is 400");
        form_status("a=%4", 400, "value '%4' is 400");
        form_status("a=%GG", 400, "value '%GG' is 400");
        form_status("a=%gg", 400, "value '%gg' is 400");
        form_status("a=1&b=%zz&c=3", 400, "a bad escape in a later pair is 400");
        form_status("%=1", 400, "name '%' is 400");
        form_status("a=%C0%80", 400, "overlong C0 80 is 400");
        form_status("a=%ED%A0%80", 400, "surrogate ED A0 80 is 400");
        form_status("a=%80", 400, "lone continuation is 400");
        form_status("a=%E6%89", 400, "truncated sequence is 400");
        form_status("a=%F5%80%80%80", 400, "F5 lead byte is 400");
        form_status("a=%FF", 400, "FF is 400");
        form_status("a=\xC3", 400, "raw invalid byte (unescaped) is 400");
        form_status("a=%00", 400, "%00 in a value is 400");
        form_status("a%00b=1", 400, "%00 in a name is 400");
        form_status("%C0%80=1", 400, "invalid UTF-8 in a name is 400");
        is_int(form("a=%F0%9F%98%80", &l), 0, "emoji is fine");
        is_str(kv_nth(l, 0)->value, "\xF0\x9F\x98\x80", "  ... decoded");

        /* the default limits */
        is_int((long long)http_default_limits.max_fields, 256, "default max_fields 256");
        is_int((long long)http_default_limits.max_name_len, 128, "default max_name_len 128");
        is_int((long long)http_default_limits.max_value_len, 65536, "default max_value_len 64 KiB");
        is_int((long long)http_default_limits.max_parts, 32, "default max_parts 32");
        is_int((long long)http_default_limits.max_file_len, 8 << 20, "default max_file_len 8 MiB");

        big = malloc(300000);
        memset(big, 'n', 128);
        strcpy(big + 128, "=1");
        is_int(form(big, &l), 0, "a 128-byte name is fine");
        memset(big, 'n', 129);
        strcpy(big + 129, "=1");
        form_status(big, 413, "a 129-byte name is 413");

        strcpy(big, "v=");
        memset(big + 2, 'x', 65536);
        big[2 + 65536] = '\0';
        is_int(form(big, &l), 0, "a 64 KiB value is fine");
        is_int((long long)kv_nth(l, 0)->value_len, 65536, "  ... value_len 65536");
        strcpy(big + 2 + 65536, "x");
        form_status(big, 413, "a 64 KiB + 1 value is 413");

        lim = http_default_limits;
        lim.max_value_len = 4;
        is_int(form_lim("v=%E6%89%8Bx", &lim, &l), 0, "value limit counts decoded bytes (4)");
        l = POISON;
        is_int(form_lim("v=%E6%89%8Bxy", &lim, &l), 413, "5 decoded bytes over a limit of 4: 413");
        ok(l == NULL, "  ... and the list is NULL");
        lim = http_default_limits;
        lim.max_name_len = 2;
        is_int(form_lim("%E6%89%8B=1", &lim, &l), 413, "name limit counts decoded bytes");

        big[0] = '\0';
        for (i = 0; i < 256; i++)
                strcat(big, i ? "&f=1" : "f=1");
        is_int(form(big, &l), 0, "256 fields are fine");
        is_int((long long)kv_count(l), 256, "  ... all 256 there");
        strcat(big, "&g=2");
        form_status(big, 413, "257 fields are 413");
        big[0] = '\0';
        for (i = 0; i < 1000; i++)
                strcat(big, "&&");
        strcat(big, "a=1");
        is_int(form(big, &l), 0, "empty pairs do not count towards max_fields");
        lim = http_default_limits;
        lim.max_fields = 2;
        is_int(form_lim("a=1&b=2", &lim, &l), 0, "2 fields with max_fields 2");
        is_int(form_lim("a=1&b=2&c", &lim, &l), 413, "3 fields with max_fields 2: 413");
        free(big);
}

/* ---- multipart ---- */

#define CT "multipart/form-data; boundary=XyZ"

static int mp(const char *ct, const char *body, size_t len, const struct http_limits *lim,
              struct kv **fields, struct upload **files)
{
        *fields = POISON;
        *files = POISON;
        return http_parse_multipart(A, ct, body, len, lim, fields, files);
}

#define MP(ct, lit, lim, f, u) mp((ct), (lit), sizeof(lit) - 1, (lim), (f), (u))

static void mp_status(const char *ct, const char *body, size_t len, const struct http_limits *lim,
                      int want, const char *name)
{
        struct kv *f;
        struct upload *u;

        is_int(mp(ct, body, len, lim, &f, &u), want, name);
        if (want)
                ok(f == NULL && u == NULL, "  ... both lists NULL");
}

#define MP_STATUS(ct, lit, lim, want, name)                                                        \
        mp_status((ct), (lit), sizeof(lit) - 1, (lim), (want), (name))

static void test_multipart(void)
{
        struct kv *f;
        struct upload *u;
        struct http_limits lim;
        char *big;
        size_t n;

        /* a normal form: text, a binary file, text */
        static const char form1[] =
            "--XyZ\r\n"
            "Content-Disposition: form-data; name=\"title\"\r\n"
            "\r\n"
            "手机摄影入门\r\n"
            "--XyZ\r\n"
            "Content-Disposition: form-data; name=\"photo\"; filename=\"p.png\"\r\n"
            "Content-Type: image/png\r\n"
            "\r\n"
            "\x89PNG\r\n\x1a\n\0\0\r\n--XyZ\r\n--Xy\r\n\0end\r\n"
            "--XyZ\r\n"
            "Content-Disposition: form-data; name=\"note\"\r\n"
            "\r\n"
            "line1\r\nline2\r\n"
            "--XyZ--\r\n";
        static const char form2[] =
            "--XyZ\r\n"
            "Content-Disposition: form-data; name=\"title\"\r\n"
            "\r\n"
            "手机摄影入门\r\n"
            "--XyZ\r\n"
            "Content-Disposition: form-data; name=\"photo\"; filename=\"p.png\"\r\n"
            "Content-Type: image/png\r\n"
            "\r\n"
            "\x89PNG\r\n\x1a\n\0\0\r\n--XyZ-not\r\n-XyZ\r\n\0end--XyZ\r\n\r\n\r\n"
            "--XyZ\r\n"
            "Content-Disposition: form-data; name=\"note\"\r\n"
            "\r\n"
            "line1\r\nline2\r\n"
            "--XyZ--\r\n";
        static const char png[] =
            "\x89PNG\r\n\x1a\n\0\0\r\n--XyZ-not\r\n-XyZ\r\n\0end--XyZ\r\n\r\n";
        is_int(MP(CT, form2, NULL, &f, &u), 0, "normal form with a binary file");
        is_int((long long)kv_count(f), 2, "  ... 2 text fields");
        is_int((long long)up_count(u), 1, "  ... 1 file");
        is_str(kv_get(f, "title"), "手机摄影入门", "  ... Chinese text field");
        is_str(kv_nth(f, 1)->name, "note", "  ... field order kept");
        is_str(kv_get(f, "note"), "line1\r\nline2", "  ... CRLF inside a value is kept");
        is_int((long long)kv_nth(f, 1)->value_len, 12, "  ... value_len");
        if (u) {
                is_str(u->field, "photo", "  ... file field name");
                is_str(u->filename, "p.png", "  ... filename");
                is_str(u->content_type, "image/png", "  ... content type");
                is_mem(u->data, u->len, png, sizeof(png) - 1,
                       "  ... bytes with CR, LF, NUL and boundary-like text intact");
        }

        /* CRLF--XyZ CRLF is a delimiter wherever it is: inside this "file" it ends the part, and
         * the bytes after it ("--Xy") are not a header line */
        is_int(MP(CT, form1, NULL, &f, &u), 400, "a delimiter line inside a file splits it: 400");
        ok(f == NULL && u == NULL, "  ... both lists NULL");

        /* quoted and case-insensitive boundary parameter, other parameters around it */
        is_int(MP("Multipart/Form-Data; charset=utf-8; BOUNDARY=\"simple boundary\"",
                  "--simple boundary\r\n"
                  "content-disposition: FORM-DATA; NAME=a\r\n"
                  "\r\n"
                  "1\r\n"
                  "--simple boundary--",
                  NULL, &f, &u),
               0, "quoted boundary with a space, case-insensitive names");
        is_str(kv_get(f, "a"), "1", "  ... bare name parameter value");
        ok(u == NULL, "  ... no files");
        is_int(MP("multipart/form-data;boundary=a/b=c",
                  "--a/b=c\r\n"
                  "Content-Disposition: form-data; name=x\r\n"
                  "\r\n"
                  "v\r\n--a/b=c--",
                  NULL, &f, &u),
               0, "unquoted boundary with '/' and '='");
        is_str(kv_get(f, "x"), "v", "  ... parsed");

        /* boundary problems */
        MP_STATUS("multipart/form-data", "--XyZ--", NULL, 400, "no boundary parameter: 400");
        MP_STATUS("multipart/form-data; boundary=", "--XyZ--", NULL, 400, "empty boundary: 400");
        MP_STATUS("multipart/form-data; boundary=\"\"", "----", NULL, 400,
                  "empty quoted boundary: 400");
        MP_STATUS("multipart/form-data; boundary=\"XyZ", "--XyZ--", NULL, 400,
                  "unterminated quoted boundary: 400");
        MP_STATUS("multipart/form-data; boundary=XyZ; boundary=XyZ", "--XyZ--", NULL, 400,
                  "two boundary parameters: 400");
        MP_STATUS("multipart/form-data; boundary=\"a b \"", "--a b --", NULL, 400,
                  "boundary ending in a space: 400");
        MP_STATUS("multipart/form-data; boundary=a\"b", "--a\"b--", NULL, 400,
                  "boundary with a quote: 400");
        MP_STATUS("application/x-www-form-urlencoded; boundary=XyZ", "--XyZ--", NULL, 400,
                  "not multipart/form-data: 400");
        MP_STATUS("multipart/mixed; boundary=XyZ", "--XyZ--", NULL, 400, "multipart/mixed: 400");
        {
                struct kv *ff;
                struct upload *uu;
                char ct[200], body[200];

                ff = POISON;
                uu = POISON;
                is_int(http_parse_multipart(A, NULL, "--XyZ--", 7, NULL, &ff, &uu), 400,
                       "NULL content type: 400");
                ok(ff == NULL && uu == NULL, "  ... both lists NULL");
                strcpy(ct, "multipart/form-data; boundary=");
                memset(ct + strlen(ct), 'b', 70);
                ct[30 + 70] = '\0';
                strcpy(body, "--");
                memcpy(body + 2, ct + 30, 70);
                strcpy(body + 72, "--");
                is_int(mp(ct, body, strlen(body), NULL, &ff, &uu), 0, "a 70-byte boundary is fine");
                strcat(ct, "b");
                mp_status(ct, body, strlen(body), NULL, 400, "a 71-byte boundary: 400");
        }

        /* zero parts, preamble and epilogue, transport padding */
        is_int(MP(CT, "--XyZ--\r\n", NULL, &f, &u), 0, "a body with only the close delimiter");
        ok(f == NULL && u == NULL, "  ... gives two empty lists");
        is_int(MP(CT,
                  "This is the preamble.\r\n--XyZ is not here\r\n"
                  "--XyZ  \t\r\n"
                  "Content-Disposition: form-data; name=\"a\"\r\n"
                  "\r\n"
                  "A\r\n"
                  "--XyZ--  \r\n"
                  "This is the epilogue.\r\n--XyZ\r\ngarbage",
                  NULL, &f, &u),
               0, "preamble, transport padding and epilogue");
        is_int((long long)kv_count(f), 1, "  ... one field");
        is_str(kv_get(f, "a"), "A", "  ... its value");

        /* the boundary inside content, not as a delimiter */
        is_int(MP(CT,
                  "--XyZ\r\n"
                  "Content-Disposition: form-data; name=\"t\"\r\n"
                  "\r\n"
                  "x--XyZ y\r\n--XyZx\r\n-XyZ\n--XyZ\r--XyZ\r\n--XyZ-x"
                  "\r\n--XyZ--",
                  NULL, &f, &u),
               0, "boundary text not at a line start or followed by other text");
        is_str(kv_get(f, "t"), "x--XyZ y\r\n--XyZx\r\n-XyZ\n--XyZ\r--XyZ\r\n--XyZ-x",
               "  ... stays content");

        /* empty values and empty files */
        is_int(MP(CT,
                  "--XyZ\r\n"
                  "Content-Disposition: form-data; name=\"empty\"\r\n"
                  "\r\n"
                  "\r\n"
                  "--XyZ\r\n"
                  "Content-Disposition: form-data; name=\"file\"; filename=\"\"\r\n"
                  "Content-Type: application/octet-stream\r\n"
                  "\r\n"
                  "\r\n"
                  "--XyZ--",
                  NULL, &f, &u),
               0, "empty value and no file chosen");
        is_str(kv_get(f, "empty"), "", "  ... empty value");
        ok(u && u->len == 0 && u->data != NULL, "  ... an empty upload with non-NULL data");
        if (u)
                is_str(u->filename, "", "  ... filename \"\"");

        /* filenames */
        is_int(
            MP(CT,
               "--XyZ\r\n"
               "Content-Disposition: form-data; name=\"a\"; filename=\"C:\\Users\\me\\cv.pdf\"\r\n"
               "\r\n"
               "1\r\n"
               "--XyZ\r\n"
               "Content-Disposition: form-data; name=\"b\"; filename=\"../../etc/passwd\"\r\n"
               "\r\n"
               "2\r\n"
               "--XyZ\r\n"
               "Content-Disposition: form-data; name=\"c\"; filename=\"简历 \\\"终版\\\".docx\"\r\n"
               "\r\n"
               "3\r\n"
               "--XyZ\r\n"
               "Content-Disposition: form-data; name=\"d\"; filename=\"a/..\"\r\n"
               "\r\n"
               "4\r\n"
               "--XyZ\r\n"
               "Content-Disposition: form-data; filename=plain.txt; name=e\r\n"
               "\r\n"
               "5\r\n"
               "--XyZ\r\n"
               "Content-Disposition: form-data; name=\"f\"; filename=\"dir\\\\x.txt\"\r\n"
               "\r\n"
               "6\r\n"
               "--XyZ--",
               NULL, &f, &u),
            0, "filenames");
        is_int((long long)up_count(u), 6, "  ... 6 files");
        ok(f == NULL, "  ... no text fields");
        if (up_count(u) == 6) {
                is_str(u->filename, "cv.pdf", "  ... Windows path stripped (raw backslashes)");
                is_str(u->content_type, "", "  ... no Content-Type gives \"\"");
                is_str(u->next->filename, "passwd", "  ... ../../ stripped");
                is_str(u->next->next->filename, "简历 \"终版\".docx",
                       "  ... UTF-8 filename with escaped quotes");
                is_str(u->next->next->next->filename, "", "  ... '..' becomes \"\"");
                is_str(u->next->next->next->next->filename, "plain.txt", "  ... bare filename");
                is_str(u->next->next->next->next->field, "e", "  ... parameters in any order");
                is_str(u->next->next->next->next->next->filename, "x.txt",
                       "  ... escaped backslash is a separator too");
                is_mem(u->next->data, u->next->len, "2", 1, "  ... files in order");
        }
        MP_STATUS(CT,
                  "--XyZ\r\n"
                  "Content-Disposition: form-data; name=\"a\"; filename=\"\xC0\x80.txt\"\r\n"
                  "\r\n"
                  "1\r\n"
                  "--XyZ--",
                  NULL, 400, "filename with invalid UTF-8: 400");

        /* text values must be UTF-8 without NUL; files need not */
        MP_STATUS(CT,
                  "--XyZ\r\n"
                  "Content-Disposition: form-data; name=\"a\"\r\n"
                  "\r\n"
                  "x\0y\r\n"
                  "--XyZ--",
                  NULL, 400, "NUL in a text field: 400");
        MP_STATUS(CT,
                  "--XyZ\r\n"
                  "Content-Disposition: form-data; name=\"a\"\r\n"
                  "\r\n"
                  "\xED\xA0\x80\r\n"
                  "--XyZ--",
                  NULL, 400, "surrogate in a text field: 400");
        MP_STATUS(CT,
                  "--XyZ\r\n"
                  "Content-Disposition: form-data; name=\"\xFF\"\r\n"
                  "\r\n"
                  "x\r\n"
                  "--XyZ--",
                  NULL, 400, "invalid UTF-8 in a name: 400");

        /* names */
        MP_STATUS(CT,
                  "--XyZ\r\n"
                  "Content-Disposition: form-data; filename=\"a.txt\"\r\n"
                  "\r\n"
                  "x\r\n"
                  "--XyZ--",
                  NULL, 400, "a part without a name: 400");
        MP_STATUS(CT,
                  "--XyZ\r\n"
                  "Content-Disposition: form-data; name=\"\"\r\n"
                  "\r\n"
                  "x\r\n"
                  "--XyZ--",
                  NULL, 400, "a part with an empty name: 400");
        MP_STATUS(CT,
                  "--XyZ\r\n"
                  "Content-Type: text/plain\r\n"
                  "\r\n"
                  "x\r\n"
                  "--XyZ--",
                  NULL, 400, "a part without Content-Disposition: 400");
        MP_STATUS(CT,
                  "--XyZ\r\n"
                  "\r\n"
                  "x\r\n"
                  "--XyZ--",
                  NULL, 400, "a part without headers: 400");
        MP_STATUS(CT,
                  "--XyZ\r\n"
                  "Content-Disposition: attachment; name=\"a\"\r\n"
                  "\r\n"
                  "x\r\n"
                  "--XyZ--",
                  NULL, 400, "disposition other than form-data: 400");
        MP_STATUS(CT,
                  "--XyZ\r\n"
                  "Content-Disposition: form-data; name=\"a\"; name=\"b\"\r\n"
                  "\r\n"
                  "x\r\n"
                  "--XyZ--",
                  NULL, 400, "two name parameters: 400");
        MP_STATUS(CT,
                  "--XyZ\r\n"
                  "Content-Disposition: form-data; name=\"a\"\r\n"
                  "Content-Disposition: form-data; name=\"b\"\r\n"
                  "\r\n"
                  "x\r\n"
                  "--XyZ--",
                  NULL, 400, "two Content-Disposition headers: 400");
        MP_STATUS(CT,
                  "--XyZ\r\n"
                  "Content-Disposition: form-data; name=\"a\r\n"
                  "\r\n"
                  "x\r\n"
                  "--XyZ--",
                  NULL, 400, "unterminated quoted name: 400");

        /* header syntax */
        MP_STATUS(CT,
                  "--XyZ\r\n"
                  "Content-Disposition: form-data; name=\"a\"\n"
                  "\r\n"
                  "x\r\n"
                  "--XyZ--",
                  NULL, 400, "bare LF ending a header line: 400");
        MP_STATUS(CT,
                  "--XyZ\r\n"
                  "Content-Disposition: form-data; name=\"a\"\r\n"
                  "\n"
                  "x\r\n"
                  "--XyZ--",
                  NULL, 400, "bare LF as the blank line: 400");
        MP_STATUS(CT,
                  "--XyZ\r\n"
                  "X-Other: 1\n"
                  "Content-Disposition: form-data; name=\"a\"\r\n"
                  "\r\n"
                  "x\r\n"
                  "--XyZ--",
                  NULL, 400, "bare LF ending an ignored header line: 400");
        MP_STATUS(CT,
                  "--XyZ\r\n"
                  "X-Other: 1\r2\r\n"
                  "Content-Disposition: form-data; name=\"a\"\r\n"
                  "\r\n"
                  "x\r\n"
                  "--XyZ--",
                  NULL, 400, "bare CR inside a header line: 400");
        MP_STATUS(CT,
                  "--XyZ\r\n"
                  "Content-Disposition: form-data;\r\n"
                  " name=\"a\"\r\n"
                  "\r\n"
                  "x\r\n"
                  "--XyZ--",
                  NULL, 400, "folded header line: 400");
        MP_STATUS(CT,
                  "--XyZ\r\n"
                  "Content-Disposition form-data; name=\"a\"\r\n"
                  "\r\n"
                  "x\r\n"
                  "--XyZ--",
                  NULL, 400, "header line without a colon: 400");
        is_int(MP(CT,
                  "--XyZ\r\n"
                  "X-Other: whatever\r\n"
                  "CONTENT-DISPOSITION:form-data;name=\"a\"\r\n"
                  "Content-Transfer-Encoding: 8bit\r\n"
                  "\r\n"
                  "x\r\n"
                  "--XyZ--",
                  NULL, &f, &u),
               0, "unknown headers are ignored, no spaces needed");
        is_str(kv_get(f, "a"), "x", "  ... value");
        MP_STATUS(CT,
                  "--XyZ\r\n"
                  "A: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\nE: 5\r\nF: 6\r\nG: 7\r\n"
                  "Content-Disposition: form-data; name=\"a\"\r\n"
                  "\r\n"
                  "x\r\n"
                  "--XyZ--",
                  NULL, 0, "8 header lines are fine");
        MP_STATUS(CT,
                  "--XyZ\r\n"
                  "A: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\nE: 5\r\nF: 6\r\nG: 7\r\nH: 8\r\n"
                  "Content-Disposition: form-data; name=\"a\"\r\n"
                  "\r\n"
                  "x\r\n"
                  "--XyZ--",
                  NULL, 413, "9 header lines: 413");
        big = malloc(4096);
        strcpy(big, "--XyZ\r\nContent-Disposition: form-data; name=\"a\"; filename=\"");
        n = strlen(big);
        memset(big + n, 'f', 1200);
        strcpy(big + n + 1200, "\"\r\n\r\nx\r\n--XyZ--");
        mp_status(CT, big, strlen(big), NULL, 413, "a 1.2 KiB header line: 413");
        free(big);

        /* termination */
        MP_STATUS(CT,
                  "--XyZ\r\n"
                  "Content-Disposition: form-data; name=\"a\"\r\n"
                  "\r\n"
                  "x and then the body stops",
                  NULL, 400, "unterminated part: 400");
        MP_STATUS(CT,
                  "--XyZ\r\n"
                  "Content-Disposition: form-data; name=\"a\"\r\n"
                  "\r\n"
                  "x\r\n"
                  "--XyZ\r\n",
                  NULL, 400, "no closing delimiter, body ends after a delimiter line: 400");
        MP_STATUS(CT,
                  "--XyZ\r\n"
                  "Content-Disposition: form-data; name=\"a\"\r\n"
                  "\r\n"
                  "x\r\n"
                  "--XyZ",
                  NULL, 400, "body ends right after the boundary: 400");
        MP_STATUS(CT,
                  "--XyZ\r\n"
                  "Content-Disposition: form-data; name=\"a\"\r\n",
                  NULL, 400, "body ends inside the headers: 400");
        MP_STATUS(CT,
                  "--XyZ\r\n"
                  "Content-Disposition: form-data; name=\"a\"",
                  NULL, 400, "body ends inside a header line: 400");
        MP_STATUS(CT, "", NULL, 400, "empty body: 400");
        MP_STATUS(CT, "just some text", NULL, 400, "no delimiter at all: 400");
        MP_STATUS(CT, "--XyZ", NULL, 400, "only a boundary: 400");
        MP_STATUS(CT, "--XyZX\r\n--XyZ-", NULL, 400, "only near-miss boundaries: 400");
        {
                struct kv *ff = POISON;
                struct upload *uu = POISON;

                is_int(http_parse_multipart(A, CT, NULL, 0, NULL, &ff, &uu), 400, "NULL body: 400");
                ok(ff == NULL && uu == NULL, "  ... both lists NULL");
        }

        /* limits */
        lim = http_default_limits;
        lim.max_parts = 2;
        MP_STATUS(CT,
                  "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n"
                  "--XyZ\r\nContent-Disposition: form-data; name=\"b\"; filename=\"b\"\r\n\r\n2\r\n"
                  "--XyZ--",
                  &lim, 0, "2 parts with max_parts 2");
        MP_STATUS(CT,
                  "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n"
                  "--XyZ\r\nContent-Disposition: form-data; name=\"b\"; filename=\"b\"\r\n\r\n2\r\n"
                  "--XyZ\r\nContent-Disposition: form-data; name=\"c\"\r\n\r\n3\r\n"
                  "--XyZ--",
                  &lim, 413, "3 parts with max_parts 2: 413");
        lim = http_default_limits;
        lim.max_file_len = 10;
        MP_STATUS(CT,
                  "--XyZ\r\nContent-Disposition: form-data; name=\"f\"; filename=\"f\"\r\n\r\n"
                  "0123456789\r\n--XyZ--",
                  &lim, 0, "a 10-byte file with max_file_len 10");
        MP_STATUS(CT,
                  "--XyZ\r\nContent-Disposition: form-data; name=\"f\"; filename=\"f\"\r\n\r\n"
                  "0123456789A\r\n--XyZ--",
                  &lim, 413, "an 11-byte file with max_file_len 10: 413");
        MP_STATUS(CT,
                  "--XyZ\r\nContent-Disposition: form-data; name=\"t\"\r\n\r\n"
                  "0123456789A\r\n--XyZ--",
                  &lim, 0, "max_file_len does not apply to text fields");
        lim = http_default_limits;
        lim.max_value_len = 6;
        MP_STATUS(CT,
                  "--XyZ\r\nContent-Disposition: form-data; name=\"t\"\r\n\r\n"
                  "手机\r\n--XyZ--",
                  &lim, 0, "a 6-byte text field with max_value_len 6");
        MP_STATUS(CT,
                  "--XyZ\r\nContent-Disposition: form-data; name=\"t\"\r\n\r\n"
                  "手机!\r\n--XyZ--",
                  &lim, 413, "a 7-byte text field with max_value_len 6: 413");
        lim = http_default_limits;
        lim.max_name_len = 3;
        MP_STATUS(CT,
                  "--XyZ\r\nContent-Disposition: form-data; name=\"abcd\"\r\n\r\n"
                  "x\r\n--XyZ--",
                  &lim, 413, "a name over max_name_len: 413");
        {
                /* an 8 MiB + 1 file with the default limits */
                size_t fl = (8u << 20) + 1;
                const char *head = "--XyZ\r\nContent-Disposition: form-data; name=\"f\"; "
                                   "filename=\"big.bin\"\r\n\r\n";
                size_t hl = strlen(head);

                big = malloc(hl + fl + 16);
                memcpy(big, head, hl);
                memset(big + hl, 'z', fl);
                memcpy(big + hl + fl, "\r\n--XyZ--", 9);
                mp_status(CT, big, hl + fl + 9, NULL, 413, "an 8 MiB + 1 byte file: 413");
                is_int(mp(CT, big + 0, hl + fl - 1, NULL, &f, &u), 400,
                       "the same, cut before its delimiter: 400");
                memcpy(big + hl + fl - 1, "\r\n--XyZ--", 9);
                is_int(mp(CT, big, hl + fl + 8, NULL, &f, &u), 0, "an 8 MiB file is fine");
                ok(u && u->len == fl - 1 && u->data[0] == 'z' && u->data[u->len - 1] == 'z',
                   "  ... with all its bytes");
                free(big);
        }
        {
                /* near-miss delimiters everywhere (a slow search would show here) */
                static const char head[] = "--XyZXyZXyZXyZXyZXyZXyZXyZXyZXyZ\r\n"
                                           "Content-Disposition: form-data; name=\"f\"; "
                                           "filename=\"f\"\r\n\r\n";
                static const char near[] = "\r\n--XyZXyZXyZXyZXyZXyZXyZXyZXyZXy_";
                size_t reps = 100000, nl = sizeof(near) - 1, hl = sizeof(head) - 1, k;
                const char *end = "\r\n--XyZXyZXyZXyZXyZXyZXyZXyZXyZXyZ--";

                big = malloc(hl + reps * nl + 64);
                memcpy(big, head, hl);
                for (k = 0; k < reps; k++)
                        memcpy(big + hl + k * nl, near, nl);
                strcpy(big + hl + reps * nl, end);
                is_int(mp("multipart/form-data; boundary=XyZXyZXyZXyZXyZXyZXyZXyZXyZXyZ", big,
                          strlen(big), NULL, &f, &u),
                       0, "3 MB of near-miss delimiters");
                ok(u && u->len == reps * nl, "  ... all in the file");
                free(big);
        }

        /* repeated names keep order in both lists */
        is_int(
            MP(CT,
               "--XyZ\r\nContent-Disposition: form-data; name=\"tag\"\r\n\r\nA\r\n"
               "--XyZ\r\nContent-Disposition: form-data; name=\"doc\"; filename=\"1\"\r\n\r\n1\r\n"
               "--XyZ\r\nContent-Disposition: form-data; name=\"tag\"\r\n\r\nB\r\n"
               "--XyZ\r\nContent-Disposition: form-data; name=\"doc\"; filename=\"2\"\r\n\r\n2\r\n"
               "--XyZ--",
               NULL, &f, &u),
            0, "repeated names");
        is_int((long long)kv_count(f), 2, "  ... 2 fields");
        is_str(kv_get(f, "tag"), "A", "  ... kv_get gives the first");
        is_str(kv_nth(f, 1)->value, "B", "  ... then the second");
        ok(up_count(u) == 2 && strcmp(u->filename, "1") == 0 && strcmp(u->next->filename, "2") == 0,
           "  ... files in input order");
}

/* ---- cookies ---- */

static int cookies(const char *h, const struct http_limits *lim, struct kv **out)
{
        *out = POISON;
        return http_parse_cookies(A, h, lim, out);
}

static void test_cookies(void)
{
        struct kv *l;
        struct http_limits lim;
        char *big;
        size_t i;

        is_int(cookies("a=1; b=2", NULL, &l), 0, "simple cookies");
        is_int((long long)kv_count(l), 2, "  ... two");
        is_str(kv_get(l, "a"), "1", "  ... a");
        is_str(kv_nth(l, 1)->name, "b", "  ... order kept");
        is_int((long long)kv_nth(l, 1)->value_len, 1, "  ... value_len");

        is_int(cookies("sid=\"abc\"; e=\"\"; q=\"x=y\"", NULL, &l), 0, "quoted values");
        is_str(kv_get(l, "sid"), "abc", "  ... quotes removed");
        is_str(kv_get(l, "e"), "", "  ... empty quoted value");
        is_str(kv_get(l, "q"), "x=y", "  ... '=' in a quoted value");
        is_int((long long)kv_nth(l, 1)->value_len, 0, "  ... value_len 0");

        is_int(cookies("  a=1 ;\tb = 2\t;c=3;", NULL, &l), 0, "spaces, tabs, trailing ';'");
        is_int((long long)kv_count(l), 3, "  ... three");
        is_str(kv_get(l, "b"), "2", "  ... trimmed around '='");
        is_str(kv_get(l, "c"), "3", "  ... c");

        is_int(cookies("sess=YWJj+/Q==; pct=%E6%89%8B; empty=", NULL, &l), 0, "base64, percent");
        is_str(kv_get(l, "sess"), "YWJj+/Q==", "  ... base64 with padding kept verbatim");
        is_str(kv_get(l, "pct"), "%E6%89%8B", "  ... no percent-decoding");
        is_str(kv_get(l, "empty"), "", "  ... empty value");

        is_int(cookies("lang=中文", NULL, &l), 0, "UTF-8 value");
        is_str(kv_get(l, "lang"), "中文", "  ... kept");

        is_int(cookies("junk; =x; a b=1; c=\"open; d=ok; e=va lue; f=x,y; g=\x01; "
                       "h=\xC0\x80; 名=1; i=\"q\"q\"; j=a\\b; k=\"\xED\xA0\x80\"; (x)=1; l=2",
                       NULL, &l),
               0, "junk pairs are skipped");
        is_int((long long)kv_count(l), 2, "  ... only d and l survive");
        is_str(kv_nth(l, 0)->name, "d", "  ... d");
        is_str(kv_nth(l, 1)->name, "l", "  ... l");
        is_str(kv_get(l, "a b"), NULL, "  ... no name with a space");
        is_str(kv_get(l, "c"), NULL, "  ... no unterminated quote");

        is_int(cookies("a=1; a=2", NULL, &l), 0, "duplicate names");
        is_str(kv_get(l, "a"), "1", "  ... kv_get gives the first");
        is_str(kv_nth(l, 1)->value, "2", "  ... both kept");

        is_int(cookies("", NULL, &l), 0, "empty header");
        ok(l == NULL, "  ... empty list");
        is_int(cookies(NULL, NULL, &l), 0, "NULL header");
        ok(l == NULL, "  ... empty list");
        is_int(cookies(" ; ;; ", NULL, &l), 0, "only separators");
        ok(l == NULL, "  ... empty list");

        lim = http_default_limits;
        lim.max_fields = 3;
        is_int(cookies("a=1; b=2; c=3", &lim, &l), 0, "3 cookies with max_fields 3");
        is_int(cookies("a=1; junk; b=2; =x; c=3", &lim, &l), 0, "junk does not count");
        is_int(cookies("a=1; b=2; c=3; d=4", &lim, &l), 413, "4 cookies with max_fields 3: 413");
        ok(l == NULL, "  ... and the list is NULL");
        lim = http_default_limits;
        lim.max_name_len = 3;
        lim.max_value_len = 3;
        is_int(cookies("abcd=1; a=1234; b=123", &lim, &l), 0, "over-long pairs");
        is_int((long long)kv_count(l), 1, "  ... are skipped, not fatal");
        is_str(kv_get(l, "b"), "123", "  ... the one that fits");

        big = malloc(300 * 8 + 1);
        big[0] = '\0';
        for (i = 0; i < 257; i++)
                strcat(big, i ? "; c=1" : "c=1");
        is_int(cookies(big, NULL, &l), 413, "257 cookies with the defaults: 413");
        *strrchr(big, ';') = '\0';
        is_int(cookies(big, NULL, &l), 0, "256 cookies are fine");
        is_int((long long)kv_count(l), 256, "  ... all 256");
        free(big);
}

int main(void)
{
        A = arena_new(4096);
        test_percent_decode();
        test_utf8();
        test_urlencoded();
        arena_reset(A);
        test_multipart();
        arena_reset(A);
        test_cookies();
        arena_free(A);
        return done_testing();
}
