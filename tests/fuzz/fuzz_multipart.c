/* fuzz_multipart.c: libFuzzer target for http_parse_multipart. The first byte picks a Content-Type:
 * one of a few fixed ones (bare, quoted, odd-character and long boundaries), or, for the last
 * choice, the bytes up to the first newline are the whole Content-Type value; the rest of the input
 * is the body. It parses with small limits in a fresh arena and aborts on any broken invariant: a
 * status other than 0/400/413, a list left behind on error, text that is not valid NUL-free UTF-8,
 * a filename with a directory part, an upload whose bytes are not in the body, limits not enforced.
 * It must never write outside the arena or keep state between inputs. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* memmem, for the check that upload bytes came from the body */
#endif
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

static const char *const content_types[] = {
    "multipart/form-data; boundary=XyZ",
    "multipart/form-data; boundary=\"simple boundary\"",
    "multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW",
    "Multipart/Form-Data; charset=utf-8; BOUNDARY=a",
    "multipart/form-data; boundary='()+_,-./:=?",
    "multipart/form-data; boundary=\"a\\\"b\"",
};
#define N_FIXED (sizeof(content_types) / sizeof(content_types[0]))

static void check_text(const char *s, size_t len)
{
        CHECK(s != NULL);
        CHECK(strlen(s) == len);
        CHECK(http_utf8_valid(s, len));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
        static const struct http_limits lim = {
            .max_fields = 8,
            .max_name_len = 24,
            .max_value_len = 300,
            .max_parts = 6,
            .max_file_len = 400,
        };
        struct arena *a;
        char *ct, *body;
        size_t blen, nf = 0, nu = 0;
        struct kv *f = (struct kv *)&lim, *p;
        struct upload *u = (struct upload *)&lim, *q;
        int rc;

        if (size < 1)
                return 0;
        if (data[0] % (N_FIXED + 1) < N_FIXED) {
                ct = strdup(content_types[data[0] % (N_FIXED + 1)]);
                blen = size - 1;
                body = malloc(blen ? blen : 1);
                memcpy(body, data + 1, blen);
        } else {
                const uint8_t *nl = memchr(data + 1, '\n', size - 1);
                size_t cl = nl ? (size_t)(nl - data - 1) : size - 1;

                ct = malloc(cl + 1);
                memcpy(ct, data + 1, cl);
                ct[cl] = '\0';
                blen = nl ? size - 1 - cl - 1 : 0;
                body = malloc(blen ? blen : 1);
                memcpy(body, data + 1 + cl + (nl ? 1 : 0), blen);
        }
        a = arena_new(256);
        rc = http_parse_multipart(a, ct, body, blen, &lim, &f, &u);
        CHECK(rc == 0 || rc == 400 || rc == 413);
        if (rc != 0) {
                CHECK(f == NULL && u == NULL);
        } else {
                for (p = f; p; p = p->next) {
                        nf++;
                        CHECK(p->name[0] != '\0');
                        check_text(p->name, strlen(p->name));
                        CHECK(strlen(p->name) <= lim.max_name_len);
                        check_text(p->value, p->value_len);
                        CHECK(p->value_len <= lim.max_value_len);
                        CHECK(p->value_len == 0 || memmem(body, blen, p->value, p->value_len));
                }
                for (q = u; q; q = q->next) {
                        nu++;
                        CHECK(q->field[0] != '\0');
                        check_text(q->field, strlen(q->field));
                        CHECK(strlen(q->field) <= lim.max_name_len);
                        check_text(q->filename, strlen(q->filename));
                        CHECK(!strchr(q->filename, '/') && !strchr(q->filename, '\\'));
                        CHECK(strcmp(q->filename, ".") != 0 && strcmp(q->filename, "..") != 0);
                        check_text(q->content_type, strlen(q->content_type));
                        CHECK(q->data != NULL);
                        CHECK(q->len <= lim.max_file_len);
                        CHECK(q->len == 0 || memmem(body, blen, q->data, q->len));
                }
                CHECK(nf + nu <= lim.max_parts);
        }
        arena_free(a);
        free(ct);
        free(body);
        return 0;
}
