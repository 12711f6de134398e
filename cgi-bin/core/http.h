/* http: parsers for everything a request carries (query strings, urlencoded and multipart bodies,
 * cookies) and the small text checks they need. Pure functions over bytes into an arena, with no
 * FastCGI and no I/O, so they are unit-tested and fuzzed directly.
 *
 * Every parser enforces the limits it is given and answers an HTTP status: 0 for success, 400 for
 * malformed input (bad percent-encoding, invalid UTF-8, a NUL byte in a text field, an unterminated
 * multipart part), 413 when a count or size limit is passed. A parser never reads past len and
 * never leaves a half-built list: on error *out is left NULL. Text values are always valid UTF-8,
 * NUL-free and NUL-terminated; upload contents are raw bytes. */
#ifndef CM_HTTP_H
#define CM_HTTP_H

#include <stdbool.h>
#include <stddef.h>

struct arena;

/* A name/value pair; lists keep the order of the input. */
struct kv {
        const char *name;
        const char *value;
        size_t value_len;
        struct kv *next;
};

/* One uploaded file from a multipart/form-data body. */
struct upload {
        const char *field;        /* the form field name */
        const char *filename;     /* as the browser sent it, UTF-8-checked; may be "" */
        const char *content_type; /* as the browser sent it; never trust it, sniff the bytes */
        const unsigned char *data;
        size_t len;
        struct upload *next;
};

struct http_limits {
        size_t max_fields;    /* name/value pairs in one query string, body or cookie header */
        size_t max_name_len;  /* bytes in one field or cookie name */
        size_t max_value_len; /* bytes in one text value (after decoding) */
        size_t max_parts;     /* parts in one multipart body, files included */
        size_t max_file_len;  /* bytes in one uploaded file */
};

extern const struct http_limits http_default_limits;

/* a=1&b=%E4%B8%AD&c (application/x-www-form-urlencoded; '+' is a space). Empty names are
 * skipped ("&&" and a trailing "&" are fine); a name without '=' gets the value "". */
int http_parse_urlencoded(struct arena *a, const char *s, size_t len, const struct http_limits *lim,
                          struct kv **out);

/* multipart/form-data: content_type is the whole header value, whose boundary parameter (quoted or
 * not, at most 70 bytes) is required. Parts with a filename go to *files, the others to *fields. */
int http_parse_multipart(struct arena *a, const char *content_type, const char *body, size_t len,
                         const struct http_limits *lim, struct kv **fields, struct upload **files);

/* The Cookie header: "a=1; b=2". Values are taken verbatim (no percent-decoding), surrounding
 * double quotes removed; a malformed pair is skipped, not fatal, because browsers send what other
 * sites set. */
int http_parse_cookies(struct arena *a, const char *header, const struct http_limits *lim,
                       struct kv **out);

/* Percent-decodes src[0..len) into dst (which has room for len + 1 bytes) and NUL-terminates it.
 * Returns the decoded length, or -1 on a bad escape. */
long http_percent_decode(char *dst, const char *src, size_t len, bool plus_is_space);

/* Strict UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF); NUL bytes are refused. */
bool http_utf8_valid(const char *s, size_t len);

/* Code points in a valid UTF-8 string (for length limits that users understand). */
size_t http_utf8_chars(const char *s, size_t len);

/* The first value of name in a list, or NULL. */
const char *kv_get(const struct kv *list, const char *name);

#endif
