/* fuzz_urlencoded.c: libFuzzer target for http_parse_urlencoded, http_percent_decode and the UTF-8
 * checks. It parses every input with small limits in a fresh arena and aborts on any broken
 * invariant: a status other than 0/400/413, a list left behind on error, text that is not valid
 * NUL-free UTF-8, lengths that disagree, limits not enforced, or http_utf8_valid disagreeing with
 * a slow reference decoder. It must never write outside the arena or keep state between inputs. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "http.h"

#define CHECK(c)                                                                                   \
        do {                                                                                       \
                if (!(c)) {                                                                        \
                        fprintf(stderr, "invariant failed: %s (line %d)\n", #c, __LINE__);         \
                        abort();                                                                   \
                }                                                                                  \
        } while (0)

/* The slow, obvious definition: decode each code point and check its range. */
static int ref_utf8_valid(const unsigned char *s, size_t len)
{
        size_t i = 0;

        while (i < len) {
                unsigned c = s[i], cp, n, k, min;

                if (c == 0)
                        return 0;
                if (c < 0x80) {
                        i++;
                        continue;
                } else if ((c & 0xE0) == 0xC0) {
                        n = 1, cp = c & 0x1F, min = 0x80;
                } else if ((c & 0xF0) == 0xE0) {
                        n = 2, cp = c & 0x0F, min = 0x800;
                } else if ((c & 0xF8) == 0xF0) {
                        n = 3, cp = c & 0x07, min = 0x10000;
                } else {
                        return 0;
                }
                if (len - i - 1 < n)
                        return 0;
                for (k = 1; k <= n; k++) {
                        if ((s[i + k] & 0xC0) != 0x80)
                                return 0;
                        cp = cp << 6 | (s[i + k] & 0x3F);
                }
                if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
                        return 0;
                i += n + 1;
        }
        return 1;
}

static void check_text(const char *s, size_t len)
{
        CHECK(s != NULL);
        CHECK(strlen(s) == len);
        CHECK(http_utf8_valid(s, len));
        CHECK(ref_utf8_valid((const unsigned char *)s, len));
        CHECK(http_utf8_chars(s, len) <= len);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
        static const struct http_limits lim = {
            .max_fields = 16,
            .max_name_len = 24,
            .max_value_len = 200,
            .max_parts = 4,
            .max_file_len = 100,
        };
        struct arena *a = arena_new(256);
        const char *s = (const char *)data;
        struct kv *l = (struct kv *)&lim, *p;
        size_t n = 0;
        char *d;
        long dl;
        int rc;

        /* the UTF-8 check agrees with the reference on raw bytes */
        CHECK(http_utf8_valid(s, size) == (bool)ref_utf8_valid(data, size));

        /* percent-decoding never grows and keeps its NUL terminator */
        d = arena_alloc(a, size + 1);
        dl = http_percent_decode(d, s, size, true);
        if (dl >= 0) {
                CHECK((size_t)dl <= size);
                CHECK(d[dl] == '\0');
        } else {
                CHECK(dl == -1);
                CHECK(memchr(s, '%', size) != NULL);
        }

        rc = http_parse_urlencoded(a, s, size, &lim, &l);
        CHECK(rc == 0 || rc == 400 || rc == 413);
        if (rc != 0) {
                CHECK(l == NULL);
                /* a pair is malformed only if the whole input, decoded at once, is malformed too:
                 * pairs start after ASCII '&' or '=', so they cannot hide a broken sequence */
                if (rc == 400)
                        CHECK(dl < 0 || !http_utf8_valid(d, (size_t)dl));
        } else {
                for (p = l; p; p = p->next) {
                        n++;
                        CHECK(p->name && p->name[0] != '\0');
                        check_text(p->name, strlen(p->name));
                        CHECK(strlen(p->name) <= lim.max_name_len);
                        check_text(p->value, p->value_len);
                        CHECK(p->value_len <= lim.max_value_len);
                        CHECK(kv_get(l, p->name) != NULL);
                }
                CHECK(n <= lim.max_fields);
                /* without '%', '+', '=' and '&' the whole input is one name */
                if (size > 0 && !memchr(s, '%', size) && !memchr(s, '+', size) &&
                    !memchr(s, '=', size) && !memchr(s, '&', size)) {
                        CHECK(n == 1 && strlen(l->name) == size && memcmp(l->name, s, size) == 0);
                }
        }
        arena_free(a);
        return 0;
}
