/* http.c: the request parsers behind http.h: query strings and urlencoded bodies,
 * multipart/form-data (RFC 7578 over RFC 2046), the Cookie header (RFC 6265), percent-decoding and
 * strict UTF-8 checks. Pure functions from bytes into an arena. It must never do I/O or keep global
 * state, never read outside [body, body + len), never hand back a half-built list (on error every
 * out-pointer is NULL), never let a text value through that is not valid, NUL-free UTF-8, and never
 * take more than linear time on hostile input. */
#include "http.h"

#include <limits.h>
#include <stdint.h>
#include <string.h>

#include "arena.h"

const struct http_limits http_default_limits = {
    .max_fields = 256,
    .max_name_len = 128,
    .max_value_len = 64 * 1024,
    .max_parts = 32,
    .max_file_len = 8 * 1024 * 1024,
};

/* Multipart part headers: a browser sends two or three short lines per part. */
#define PART_HEADER_LINE_MAX 1024
#define PART_HEADERS_MAX     8
#define BOUNDARY_MAX         70

/* ---- text checks ---- */

static int hexval(unsigned char c)
{
        if (c >= '0' && c <= '9')
                return c - '0';
        if (c >= 'a' && c <= 'f')
                return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
                return c - 'A' + 10;
        return -1;
}

/* dst may equal src: the write position never passes the read position. */
long http_percent_decode(char *dst, const char *src, size_t len, bool plus_is_space)
{
        size_t i = 0, o = 0;

        if (len > (size_t)LONG_MAX) {
                dst[0] = '\0';
                return -1;
        }
        while (i < len) {
                unsigned char c = (unsigned char)src[i];

                if (c == '%') {
                        int hi, lo;

                        if (len - i < 3 || (hi = hexval((unsigned char)src[i + 1])) < 0 ||
                            (lo = hexval((unsigned char)src[i + 2])) < 0) {
                                dst[o] = '\0';
                                return -1;
                        }
                        dst[o++] = (char)(hi << 4 | lo);
                        i += 3;
                } else {
                        dst[o++] = (plus_is_space && c == '+') ? ' ' : (char)c;
                        i++;
                }
        }
        dst[o] = '\0';
        return (long)o;
}

/* Unicode 15, table 3-7: the well-formed byte sequences. */
bool http_utf8_valid(const char *str, size_t len)
{
        const unsigned char *s = (const unsigned char *)str;
        size_t i = 0;

        while (i < len) {
                unsigned char c = s[i];
                unsigned char lo = 0x80, hi = 0xBF;
                size_t n, k;

                if (c < 0x80) {
                        if (c == 0)
                                return false;
                        i++;
                        continue;
                }
                if (c >= 0xC2 && c <= 0xDF) {
                        n = 1;
                } else if (c >= 0xE0 && c <= 0xEF) {
                        n = 2;
                        if (c == 0xE0)
                                lo = 0xA0; /* no overlongs */
                        else if (c == 0xED)
                                hi = 0x9F; /* no surrogates */
                } else if (c >= 0xF0 && c <= 0xF4) {
                        n = 3;
                        if (c == 0xF0)
                                lo = 0x90; /* no overlongs */
                        else if (c == 0xF4)
                                hi = 0x8F; /* nothing above U+10FFFF */
                } else {
                        return false; /* 80..C1 and F5..FF never start a sequence */
                }
                if (len - i - 1 < n)
                        return false;
                if (s[i + 1] < lo || s[i + 1] > hi)
                        return false;
                for (k = 2; k <= n; k++)
                        if (s[i + k] < 0x80 || s[i + k] > 0xBF)
                                return false;
                i += n + 1;
        }
        return true;
}

size_t http_utf8_chars(const char *str, size_t len)
{
        const unsigned char *s = (const unsigned char *)str;
        size_t i, n = 0;

        for (i = 0; i < len; i++)
                if ((s[i] & 0xC0) != 0x80)
                        n++;
        return n;
}

const char *kv_get(const struct kv *list, const char *name)
{
        if (!name)
                return NULL;
        for (; list; list = list->next)
                if (strcmp(list->name, name) == 0)
                        return list->value;
        return NULL;
}

/* ---- application/x-www-form-urlencoded ---- */

/* A NULL lim means http_default_limits in every parser. */
static const struct http_limits *limits_or_default(const struct http_limits *lim)
{
        return lim ? lim : &http_default_limits;
}

/* Decodes src[0..len) into a fresh arena string; 0, 400 or 413 (longer than max). */
static int decode_text(struct arena *a, const char *src, size_t len, size_t max, char **out,
                       size_t *out_len)
{
        char *d = arena_alloc(a, len + 1);
        long n = http_percent_decode(d, src, len, true);

        if (n < 0)
                return 400;
        if ((size_t)n > max)
                return 413;
        if (!http_utf8_valid(d, (size_t)n))
                return 400;
        *out = d;
        *out_len = (size_t)n;
        return 0;
}

int http_parse_urlencoded(struct arena *a, const char *s, size_t len, const struct http_limits *lim,
                          struct kv **out)
{
        struct kv *head = NULL, **tail = &head;
        size_t i = 0, count = 0;

        *out = NULL;
        lim = limits_or_default(lim);
        if (!s)
                len = 0;
        while (i < len) {
                const char *seg = s + i;
                const char *amp = memchr(seg, '&', len - i);
                size_t seglen = amp ? (size_t)(amp - seg) : len - i;
                const char *eq = memchr(seg, '=', seglen);
                size_t nlen = eq ? (size_t)(eq - seg) : seglen;

                i += seglen + 1;
                if (nlen == 0)
                        continue; /* "&&", a trailing '&', or "=x" */
                if (++count > lim->max_fields)
                        return 413;

                struct kv *kv = arena_alloc(a, sizeof(*kv));
                char *name, *value;
                size_t name_len;
                int rc = decode_text(a, seg, nlen, lim->max_name_len, &name, &name_len);

                if (rc)
                        return rc;
                if (eq) {
                        rc = decode_text(a, eq + 1, seglen - nlen - 1, lim->max_value_len, &value,
                                         &kv->value_len);
                        if (rc)
                                return rc;
                } else {
                        value = arena_alloc(a, 1);
                        kv->value_len = 0;
                }
                kv->name = name;
                kv->value = value;
                *tail = kv;
                tail = &kv->next;
        }
        *out = head;
        return 0;
}

/* ---- cookies ---- */

/* RFC 7230 tchar: the characters of a token. */
static bool is_tchar(unsigned char c)
{
        if (c >= '0' && c <= '9')
                return true;
        if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
                return true;
        return c != 0 && strchr("!#$%&'*+-.^_`|~", c) != NULL;
}

/* RFC 6265 cookie-octet, plus the bytes of UTF-8 sequences (checked as a whole afterwards). */
static bool is_cookie_octet(unsigned char c)
{
        if (c >= 0x80)
                return true;
        return c >= 0x21 && c <= 0x7E && c != '"' && c != ',' && c != ';' && c != '\\';
}

static bool is_ows(char c)
{
        return c == ' ' || c == '\t';
}

int http_parse_cookies(struct arena *a, const char *header, const struct http_limits *lim,
                       struct kv **out)
{
        struct kv *head = NULL, **tail = &head;
        size_t count = 0;
        const char *p = header;

        *out = NULL;
        lim = limits_or_default(lim);
        if (!header)
                return 0;
        while (*p) {
                const char *semi = strchr(p, ';');
                const char *b = p, *e = semi ? semi : p + strlen(p);
                const char *eq, *ne, *vb, *ve;
                size_t k;
                bool good = true;

                p = semi ? semi + 1 : e;
                while (b < e && is_ows(*b))
                        b++;
                while (e > b && is_ows(e[-1]))
                        e--;
                eq = memchr(b, '=', (size_t)(e - b));
                if (!eq)
                        continue; /* "flag" or an empty pair: not a cookie-pair */
                ne = eq;
                while (ne > b && is_ows(ne[-1]))
                        ne--;
                vb = eq + 1;
                while (vb < e && is_ows(*vb))
                        vb++;
                ve = e;
                if (ne == b || (size_t)(ne - b) > lim->max_name_len)
                        continue;
                for (k = 0; k < (size_t)(ne - b) && good; k++)
                        good = is_tchar((unsigned char)b[k]);
                if (!good)
                        continue;
                if (vb < ve && *vb == '"') {
                        if (ve - vb < 2 || ve[-1] != '"')
                                continue;
                        vb++;
                        ve--;
                }
                for (k = 0; k < (size_t)(ve - vb) && good; k++)
                        good = is_cookie_octet((unsigned char)vb[k]);
                if (!good || (size_t)(ve - vb) > lim->max_value_len ||
                    !http_utf8_valid(vb, (size_t)(ve - vb)))
                        continue;
                if (++count > lim->max_fields)
                        return 413;

                struct kv *kv = arena_alloc(a, sizeof(*kv));
                kv->name = arena_strndup(a, b, (size_t)(ne - b));
                kv->value = arena_strndup(a, vb, (size_t)(ve - vb));
                kv->value_len = (size_t)(ve - vb);
                *tail = kv;
                tail = &kv->next;
        }
        *out = head;
        return 0;
}

/* ---- multipart/form-data ---- */

static bool ascii_ieq(const char *s, size_t len, const char *lit)
{
        size_t i;

        for (i = 0; i < len; i++) {
                unsigned char c = (unsigned char)s[i], l = (unsigned char)lit[i];

                if (l == 0)
                        return false;
                if (c >= 'A' && c <= 'Z')
                        c = (unsigned char)(c | 0x20);
                if (c != l)
                        return false;
        }
        return lit[len] == '\0';
}

/* RFC 2046 bchars; a space may not be the last character. */
static bool boundary_valid(const char *s, size_t len)
{
        size_t i;

        if (len < 1 || len > BOUNDARY_MAX || s[len - 1] == ' ')
                return false;
        for (i = 0; i < len; i++) {
                unsigned char c = (unsigned char)s[i];

                if (!((c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ||
                      (c != 0 && strchr("'()+_,-./:=? ", c))))
                        return false;
        }
        return true;
}

/* One "; name=value" of a header's parameter list, starting at *pp (before the ';').
 * The value, token or quoted-string, is unquoted into val, which has room for end - *pp + 1
 * bytes. In a quoted string only \" and \\ are escapes: a backslash before anything else is kept,
 * because browsers send Windows paths in filename="C:\dir\f.txt" without escaping them.
 * Returns 1 for a parameter, 0 at the end, -1 when malformed. */
static int next_param(const char **pp, const char *end, const char **name, size_t *name_len,
                      char *val, size_t *val_len)
{
        const char *p = *pp;
        size_t o = 0;

        while (p < end && is_ows(*p))
                p++;
        if (p == end)
                return 0;
        if (*p != ';')
                return -1;
        p++;
        while (p < end && is_ows(*p))
                p++;
        if (p == end)
                return 0; /* a trailing ';' */
        *name = p;
        while (p < end && is_tchar((unsigned char)*p))
                p++;
        *name_len = (size_t)(p - *name);
        if (*name_len == 0)
                return -1;
        while (p < end && is_ows(*p))
                p++;
        if (p == end || *p != '=')
                return -1;
        p++;
        while (p < end && is_ows(*p))
                p++;
        if (p < end && *p == '"') {
                p++;
                for (;;) {
                        unsigned char c;

                        if (p == end)
                                return -1; /* unterminated quoted string */
                        c = (unsigned char)*p;
                        if (c == '"') {
                                p++;
                                break;
                        }
                        if ((c < 0x20 && c != '\t') || c == 0x7F)
                                return -1;
                        if (c == '\\' && end - p >= 2 && (p[1] == '"' || p[1] == '\\')) {
                                val[o++] = p[1];
                                p += 2;
                                continue;
                        }
                        val[o++] = (char)c;
                        p++;
                }
        } else {
                /* a bare value: a token, but accept anything up to ';' or whitespace so that an
                 * unquoted boundary with bchars such as '/' or '=' still works */
                while (p < end && *p != ';' && !is_ows(*p)) {
                        unsigned char c = (unsigned char)*p;

                        if (c < 0x21 || c == 0x7F || c == '"')
                                return -1;
                        val[o++] = (char)c;
                        p++;
                }
                if (o == 0)
                        return -1;
        }
        val[o] = '\0';
        *val_len = o;
        *pp = p;
        return 1;
}

/* Reads the boundary out of a multipart/form-data Content-Type value into bnd (BOUNDARY_MAX + 1).
 */
static int content_type_boundary(struct arena *a, const char *ct, char *bnd, size_t *blen)
{
        const char *p, *end, *tb;
        char *val;
        bool found = false;
        int r;

        if (!ct)
                return 400;
        end = ct + strlen(ct);
        p = ct;
        while (p < end && is_ows(*p))
                p++;
        tb = p;
        while (p < end && *p != ';' && !is_ows(*p))
                p++;
        if (!ascii_ieq(tb, (size_t)(p - tb), "multipart/form-data"))
                return 400;
        val = arena_alloc(a, (size_t)(end - p) + 1);
        for (;;) {
                const char *name;
                size_t nlen, vlen;

                r = next_param(&p, end, &name, &nlen, val, &vlen);
                if (r == 0)
                        break;
                if (r < 0)
                        return 400;
                if (!ascii_ieq(name, nlen, "boundary"))
                        continue;
                if (found || !boundary_valid(val, vlen))
                        return 400; /* a second boundary is ambiguous */
                memcpy(bnd, val, vlen + 1);
                *blen = vlen;
                found = true;
        }
        return found ? 0 : 400;
}

/* What follows "--boundary" at body[q]: a close delimiter ("--"), or transport padding and CRLF
 * before the next part (*next is set to its start), or neither (then it is not a delimiter). */
enum delim { DELIM_NONE, DELIM_NEXT, DELIM_CLOSE };

static enum delim delim_tail(const char *body, size_t len, size_t q, size_t *next)
{
        if (len - q >= 2 && body[q] == '-' && body[q + 1] == '-')
                return DELIM_CLOSE;
        while (q < len && is_ows(body[q]))
                q++;
        if (len - q >= 2 && body[q] == '\r' && body[q + 1] == '\n') {
                *next = q + 2;
                return DELIM_NEXT;
        }
        return DELIM_NONE;
}

/* Finds the first "\r\n--boundary" at or after from that is a real delimiter. Linear: the needle
 * holds one CR, at its start, so a partial match never hides the start of another one. Returns the
 * index of the CR, or len when there is none. */
static size_t find_delim(const char *body, size_t len, size_t from, const char *needle, size_t nlen,
                         enum delim *kind, size_t *next)
{
        size_t i = from;

        while (i < len) {
                const char *cr = memchr(body + i, '\r', len - i);
                size_t k;

                if (!cr)
                        break;
                i = (size_t)(cr - body);
                if (len - i < nlen)
                        break;
                for (k = 1; k < nlen && body[i + k] == needle[k]; k++)
                        ;
                if (k == nlen) {
                        *kind = delim_tail(body, len, i + nlen, next);
                        if (*kind != DELIM_NONE)
                                return i;
                }
                i += k;
        }
        return len;
}

struct part_head {
        const char *name, *filename, *content_type; /* arena strings; NULL when absent */
        size_t name_len;
};

/* The value of a Content-Disposition header line. */
static int parse_disposition(struct arena *a, const char *v, size_t vlen, struct part_head *h)
{
        const char *p = v, *end = v + vlen;
        char *val = arena_alloc(a, vlen + 1);

        while (p < end && is_tchar((unsigned char)*p))
                p++;
        if (!ascii_ieq(v, (size_t)(p - v), "form-data"))
                return 400;
        for (;;) {
                const char *pname;
                size_t pnlen, plen;
                int r = next_param(&p, end, &pname, &pnlen, val, &plen);

                if (r == 0)
                        break;
                if (r < 0)
                        return 400;
                if (ascii_ieq(pname, pnlen, "name")) {
                        if (h->name)
                                return 400;
                        h->name = arena_strndup(a, val, plen);
                        h->name_len = plen;
                        if (plen != strlen(h->name))
                                return 400; /* a NUL inside */
                } else if (ascii_ieq(pname, pnlen, "filename")) {
                        const char *base = val;
                        size_t i;

                        if (h->filename)
                                return 400;
                        for (i = 0; i < plen; i++)
                                if (val[i] == '/' || val[i] == '\\')
                                        base = val + i + 1;
                        plen -= (size_t)(base - val);
                        if (!http_utf8_valid(base, plen))
                                return 400;
                        if ((plen == 1 && base[0] == '.') ||
                            (plen == 2 && base[0] == '.' && base[1] == '.'))
                                plen = 0;
                        h->filename = arena_strndup(a, base, plen);
                }
                /* filename* (RFC 5987) is deprecated by RFC 7578 and ignored, as are others */
        }
        return 0;
}

/* Reads the part headers starting at *pos, leaving *pos at the start of the content. */
static int parse_part_headers(struct arena *a, const char *body, size_t len, size_t *pos,
                              struct part_head *h)
{
        size_t p = *pos;
        int lines = 0;

        memset(h, 0, sizeof(*h));
        for (;;) {
                size_t window =
                    len - p < PART_HEADER_LINE_MAX + 2 ? len - p : PART_HEADER_LINE_MAX + 2;
                const char *lf = memchr(body + p, '\n', window);
                const char *line = body + p, *colon, *v, *ve;
                size_t llen;
                int rc;

                if (!lf)
                        return window < len - p ? 413 : 400; /* too long, or unterminated */
                llen = (size_t)(lf - line);
                if (llen == 0 || line[llen - 1] != '\r')
                        return 400; /* a bare LF */
                llen--;
                if (memchr(line, '\r', llen))
                        return 400; /* a bare CR */
                p += llen + 2;
                if (llen == 0)
                        break; /* the blank line */
                if (++lines > PART_HEADERS_MAX)
                        return 413;
                colon = memchr(line, ':', llen);
                if (!colon || colon == line)
                        return 400; /* also catches obsolete line folding */
                for (v = line; v < colon; v++)
                        if (!is_tchar((unsigned char)*v))
                                return 400;
                v = colon + 1;
                ve = line + llen;
                while (v < ve && is_ows(*v))
                        v++;
                while (ve > v && is_ows(ve[-1]))
                        ve--;
                if (ascii_ieq(line, (size_t)(colon - line), "content-disposition")) {
                        if (h->name || h->filename)
                                return 400;
                        rc = parse_disposition(a, v, (size_t)(ve - v), h);
                        if (rc)
                                return rc;
                        if (!h->name)
                                h->name = ""; /* seen, but nameless: refused by the caller */
                } else if (ascii_ieq(line, (size_t)(colon - line), "content-type")) {
                        if (h->content_type || !http_utf8_valid(v, (size_t)(ve - v)))
                                return 400;
                        h->content_type = arena_strndup(a, v, (size_t)(ve - v));
                }
        }
        *pos = p;
        return 0;
}

int http_parse_multipart(struct arena *a, const char *content_type, const char *body, size_t len,
                         const struct http_limits *lim, struct kv **fields, struct upload **files)
{
        struct kv *fhead = NULL, **ftail = &fhead;
        struct upload *uhead = NULL, **utail = &uhead;
        char needle[4 + BOUNDARY_MAX + 1];
        size_t blen = 0, nlen, pos = 0, parts = 0, at;
        enum delim kind = DELIM_NONE;
        int rc;

        *fields = NULL;
        *files = NULL;
        lim = limits_or_default(lim);
        if (!body)
                len = 0;
        rc = content_type_boundary(a, content_type, needle + 4, &blen);
        if (rc)
                return rc;
        memcpy(needle, "\r\n--", 4);
        nlen = 4 + blen;

        /* the first delimiter: at the very start, or after a preamble and its CRLF */
        if (len >= nlen - 2 && memcmp(body, needle + 2, nlen - 2) == 0)
                kind = delim_tail(body, len, nlen - 2, &pos);
        if (kind == DELIM_NONE) {
                at = find_delim(body, len, 0, needle, nlen, &kind, &pos);
                if (at == len)
                        return 400;
        }

        while (kind == DELIM_NEXT) {
                struct part_head h;
                size_t cstart, clen;

                if (++parts > lim->max_parts)
                        return 413;
                rc = parse_part_headers(a, body, len, &pos, &h);
                if (rc)
                        return rc;
                cstart = pos;
                at = find_delim(body, len, cstart, needle, nlen, &kind, &pos);
                if (at == len)
                        return 400; /* unterminated: no delimiter after this part */
                clen = at - cstart;
                if (!h.name || h.name_len == 0)
                        return 400;
                if (h.name_len > lim->max_name_len)
                        return 413;
                if (!http_utf8_valid(h.name, h.name_len))
                        return 400;
                if (!h.content_type)
                        h.content_type = "";
                if (h.filename) {
                        struct upload *u;
                        unsigned char *data;

                        if (clen > lim->max_file_len)
                                return 413;
                        /* copied, so an upload never depends on the lifetime of the body */
                        data = arena_alloc(a, clen + 1);
                        memcpy(data, body + cstart, clen);
                        u = arena_alloc(a, sizeof(*u));
                        u->field = h.name;
                        u->filename = h.filename;
                        u->content_type = h.content_type;
                        u->data = data;
                        u->len = clen;
                        *utail = u;
                        utail = &u->next;
                } else {
                        struct kv *kv;

                        if (clen > lim->max_value_len)
                                return 413;
                        if (!http_utf8_valid(body + cstart, clen))
                                return 400;
                        kv = arena_alloc(a, sizeof(*kv));
                        kv->name = h.name;
                        kv->value = arena_strndup(a, body + cstart, clen);
                        kv->value_len = clen;
                        *ftail = kv;
                        ftail = &kv->next;
                }
        }
        *fields = fhead;
        *files = uhead;
        return 0;
}
