/* validate: see validate.h. Values arrive already UTF-8-checked by the http parsers. */
#include "validate.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "http.h"

static bool parse_long(const char *s, long long *out)
{
        if (!*s || strlen(s) > 19)
                return false;
        for (const char *p = (*s == '-') ? s + 1 : s; *p; p++)
                if (!isdigit((unsigned char)*p))
                        return false;
        if ((*s == '-' && !s[1]))
                return false;
        errno = 0;
        long long v = strtoll(s, NULL, 10);
        if (errno)
                return false;
        *out = v;
        return true;
}

static const char *trim_copy(struct arena *a, const char *raw)
{
        while (*raw == ' ' || *raw == '\t' || *raw == '\r' || *raw == '\n')
                raw++;
        size_t n = strlen(raw);
        while (n > 0 && (raw[n - 1] == ' ' || raw[n - 1] == '\t' || raw[n - 1] == '\r' ||
                         raw[n - 1] == '\n'))
                n--;
        return arena_strndup(a, raw, n);
}

bool param_check(struct arena *a, const struct param_spec *spec, const char *raw, const char **out)
{
        long long v;
        switch (spec->kind) {
        case PARAM_ID:
                if (!parse_long(raw, &v) || v < 1 || v > 2147483647)
                        return false;
                *out = arena_printf(a, "%lld", v);
                return true;
        case PARAM_INT:
                if (!parse_long(raw, &v) || v < (long long)spec->min || v > (long long)spec->max)
                        return false;
                *out = arena_printf(a, "%lld", v);
                return true;
        case PARAM_NUM: {
                if (!*raw || strlen(raw) > 24)
                        return false;
                char *end;
                errno = 0;
                double d = strtod(raw, &end);
                if (*end || errno || !isfinite(d) || d < spec->min || d > spec->max)
                        return false;
                /* only plain decimals: no hex floats, exponents or "inf" from strtod's repertoire
                 */
                for (const char *p = raw; *p; p++)
                        if (!isdigit((unsigned char)*p) && *p != '.' && *p != '-')
                                return false;
                *out = arena_printf(a, "%.7f", d);
                return true;
        }
        case PARAM_TEXT: {
                const char *t = trim_copy(a, raw);
                if (http_utf8_chars(t, strlen(t)) > (size_t)spec->max)
                        return false;
                for (const char *p = t; *p; p++) {
                        unsigned char c = (unsigned char)*p;
                        if ((c < 0x20 && c != '\n' && c != '\t' && c != '\r') || c == 0x7f)
                                return false;
                        /* C1 controls U+0080–U+009F arrive as C2 80 … C2 9F */
                        if (c == 0xc2 && (unsigned char)p[1] >= 0x80 && (unsigned char)p[1] <= 0x9f)
                                return false;
                }
                *out = t;
                return true;
        }
        case PARAM_ENUM:
                for (const char *const *c = spec->choices; c && *c; c++)
                        if (strcmp(*c, raw) == 0) {
                                *out = *c;
                                return true;
                        }
                return false;
        case PARAM_SLUG: {
                size_t n = strlen(raw);
                if (n == 0 || n > (size_t)spec->max)
                        return false;
                for (const char *p = raw; *p; p++)
                        if (!(islower((unsigned char)*p) || isdigit((unsigned char)*p) ||
                              *p == '-'))
                                return false;
                *out = raw;
                return true;
        }
        case PARAM_END:
                break;
        }
        return false;
}
