/* fuzz_markdown.c: libFuzzer target for md_render and md_plain (cgi-bin/core/markdown.c). The input
 * is an agency's description as it would arrive from a form, any bytes. The run aborts on any
 * broken promise of markdown.h: md_render's output fails html_allow_check (a tag or attribute off
 * the allow-list, "<script", an on* attribute, an href that is not http(s):// or mailto: or that
 * holds "javascript:", a raw < > " ' or stray & in text, unbalanced tags, nested anchors); an
 * accepted input that md_check refuses or the reverse; a refused call that touched its buffer;
 * md_plain's summary longer than asked, not valid UTF-8, holding a control character or a doubled,
 * leading or trailing space, or cut anywhere but at a character boundary of the whole summary. It
 * must never keep state between inputs. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "html_allow.h"
#include "http.h"
#include "markdown.h"

#define CHECK(c)                                                                                   \
        do {                                                                                       \
                if (!(c)) {                                                                        \
                        fprintf(stderr, "invariant failed: %s (line %d)\n", #c, __LINE__);         \
                        abort();                                                                   \
                }                                                                                  \
        } while (0)

/* md_plain with room for max characters against md_plain with room for everything: the same text
 * when it fits, otherwise a prefix of it without trailing space, then "…", within max. */
static void check_plain(const char *data, size_t size, size_t max, int render_rc)
{
        struct buf out, full;
        int rc;

        buf_init(&out);
        buf_init(&full);
        buf_puts(&out, "@");
        rc = md_plain(data, size, max, &out);
        CHECK(rc == render_rc);
        CHECK(out.data[0] == '@');
        CHECK(md_plain(data, size, SIZE_MAX, &full) == rc);
        if (rc != 0) {
                CHECK(out.len == 1 && full.len == 0);
        } else {
                const char *s = out.data + 1, *f = full.len ? full.data : "";
                size_t n = out.len - 1, fn = full.len;

                CHECK(http_utf8_valid(s, n) || n == 0);
                CHECK(http_utf8_chars(s, n) <= max);
                CHECK(strlen(s) == n);
                if (fn > 0) {
                        CHECK(f[0] != ' ' && f[fn - 1] != ' ');
                        CHECK(strstr(f, "  ") == NULL);
                }
                for (size_t i = 0; i < fn; i++)
                        CHECK((unsigned char)f[i] >= 0x20 && f[i] != 0x7F);
                if (http_utf8_chars(f, fn) <= max) {
                        CHECK(n == fn && memcmp(s, f, n) == 0);
                } else if (max == 0) {
                        CHECK(n == 0);
                } else {
                        CHECK(n >= 3 && memcmp(s + n - 3, "\xE2\x80\xA6", 3) == 0);
                        n -= 3;
                        CHECK(n < fn && memcmp(s, f, n) == 0);
                        CHECK(n == 0 || s[n - 1] != ' ');
                        CHECK(http_utf8_chars(s, n) <= max - 1);
                }
        }
        buf_free(&out);
        buf_free(&full);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
        const char *text = (const char *)data;
        struct buf out;
        const char *why;
        enum md_status st;
        int rc;

        buf_init(&out);
        buf_puts(&out, "<p>kept</p>\n");
        rc = md_render(text, size, &out);
        st = md_check(text, size);
        CHECK(rc == 0 || rc == -1);
        CHECK((rc == 0) == (st == MD_OK));
        CHECK(size <= MD_MAX_BYTES || st == MD_TOO_LONG);
        CHECK(memcmp(out.data, "<p>kept</p>\n", 12) == 0);
        if (rc != 0) {
                CHECK(out.len == 12);
        } else {
                CHECK(strlen(out.data) == out.len);
                why = html_allow_check(out.data, out.len);
                if (why) {
                        fprintf(stderr, "output: %s\n", out.data);
                        fprintf(stderr, "refused: %s\n", why);
                }
                CHECK(why == NULL);
        }
        buf_free(&out);
        check_plain(text, size, size % 61, rc);
        return 0;
}
