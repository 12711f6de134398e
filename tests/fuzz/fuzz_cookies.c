/* fuzz_cookies.c: libFuzzer target for http_parse_cookies. The input, cut at its first NUL, is a
 * Cookie header; it is parsed with small limits in a fresh arena and the run aborts on any broken
 * invariant: a status other than 0/413, a list left behind on error, a name that is not a token, a
 * value with bytes outside cookie-octets or not valid UTF-8, lengths that disagree, limits not
 * enforced. It must never write outside the arena or keep state between inputs. */
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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
        static const struct http_limits lim = {
            .max_fields = 8,
            .max_name_len = 16,
            .max_value_len = 64,
            .max_parts = 4,
            .max_file_len = 100,
        };
        struct arena *a = arena_new(256);
        char *h = malloc(size + 1);
        struct kv *l = (struct kv *)&lim, *p;
        size_t n = 0, i;
        int rc;

        memcpy(h, data, size);
        h[size] = '\0';
        rc = http_parse_cookies(a, h, &lim, &l);
        CHECK(rc == 0 || rc == 413);
        if (rc != 0) {
                CHECK(l == NULL);
        } else {
                for (p = l; p; p = p->next) {
                        size_t nl = strlen(p->name);

                        n++;
                        CHECK(nl > 0 && nl <= lim.max_name_len);
                        for (i = 0; i < nl; i++)
                                CHECK(p->name[i] > 0x20 && p->name[i] < 0x7F &&
                                      !strchr("()<>@,;:\\\"/[]?={}", p->name[i]));
                        CHECK(strlen(p->value) == p->value_len);
                        CHECK(p->value_len <= lim.max_value_len);
                        CHECK(http_utf8_valid(p->value, p->value_len));
                        for (i = 0; i < p->value_len; i++) {
                                unsigned char c = (unsigned char)p->value[i];
                                CHECK(c >= 0x80 || (c > 0x20 && c < 0x7F && !strchr("\";,\\", c)));
                        }
                        /* the pair really was in the header */
                        CHECK(strstr(h, p->name) != NULL && strstr(h, p->value) != NULL);
                }
                CHECK(n <= lim.max_fields);
        }
        free(h);
        arena_free(a);
        return 0;
}
