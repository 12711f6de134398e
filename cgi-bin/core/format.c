/* format: see format.h. */
#include "format.h"

#include <stdio.h>
#include <stdlib.h>

#include "arena.h"

const char *fmt_money(struct arena *a, long long fen, const char *free_word)
{
        if (fen == 0 && free_word)
                return free_word;
        const char *sign = fen < 0 ? "-" : "";
        unsigned long long v =
            fen < 0 ? (unsigned long long)(-(fen + 1)) + 1 : (unsigned long long)fen;
        return arena_printf(a, "%s¥%llu.%02llu", sign, v / 100, v % 100);
}

const char *fmt_date(struct arena *a, enum lang lang, const char *iso)
{
        static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
        int y, m, d;
        char tail;
        if (!iso || sscanf(iso, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || m < 1 || m > 12 ||
            d < 1 || d > 31)
                return iso ? iso : "";
        if (lang == LANG_ZH)
                return arena_printf(a, "%d年%d月%d日", y, m, d);
        return arena_printf(a, "%d %s %d", d, months[m - 1], y);
}

const char *fmt_distance(struct arena *a, enum lang lang, double metres)
{
        if (metres < 995) { /* 995 m and up round to 1000 m: show "1.0 km", not "1000 m" */
                long m = (long)(metres / 10 + 0.5) * 10;
                return arena_printf(a, lang == LANG_ZH ? "%ld 米" : "%ld m", m);
        }
        return arena_printf(a, lang == LANG_ZH ? "%.1f 公里" : "%.1f km", metres / 1000);
}

const char *fmt_urlenc(struct arena *a, const char *s)
{
        static const char hex[] = "0123456789ABCDEF";
        size_t n = 0;
        for (const char *p = s; *p; p++)
                n++;
        char *out = arena_alloc(a, 3 * n + 1), *o = out;
        for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
                if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
                    (*p >= '0' && *p <= '9') || *p == '-' || *p == '_' || *p == '.' || *p == '~') {
                        *o++ = (char)*p;
                } else {
                        *o++ = '%';
                        *o++ = hex[*p >> 4];
                        *o++ = hex[*p & 15];
                }
        }
        *o = '\0';
        return out;
}
