/* tap.h: a header-only Test Anything Protocol emitter for the C unit tests. Each check prints
 * "ok N - name" or "not ok N - name" (with the got/want values on '#' lines), done_testing() prints
 * the plan "1..N" and returns the exit status for main: 0 only when every check passed.
 * It must never stop at a failing check, never print anything but TAP lines and '#' diagnostics on
 * stdout, and never be included by production code. */
#ifndef CM_TAP_H
#define CM_TAP_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int tap_run_;
static int tap_failed_;

__attribute__((format(printf, 2, 3), unused)) static int ok(int cond, const char *fmt, ...)
{
        va_list ap;

        tap_run_++;
        if (!cond)
                tap_failed_++;
        printf("%sok %d - ", cond ? "" : "not ", tap_run_);
        va_start(ap, fmt);
        vprintf(fmt, ap);
        va_end(ap);
        printf("\n");
        fflush(stdout);
        return cond;
}

/* Prints s (which may be NULL) on one line, control bytes and non-ASCII as \xNN. */
__attribute__((unused)) static void tap_show_(const char *label, const char *s)
{
        printf("#   %s: ", label);
        if (!s) {
                printf("NULL\n");
                return;
        }
        putchar('\'');
        for (; *s; s++) {
                unsigned char c = (unsigned char)*s;

                if (c < 0x20 || c >= 0x7F || c == '\\')
                        printf("\\x%02X", c);
                else
                        putchar(c);
        }
        printf("'\n");
}

/* Compares two C strings; NULL equals only NULL. */
__attribute__((unused)) static int is_str(const char *got, const char *want, const char *name)
{
        int cond = (got == NULL || want == NULL) ? got == want : strcmp(got, want) == 0;

        ok(cond, "%s", name);
        if (!cond) {
                tap_show_("got ", got);
                tap_show_("want", want);
        }
        return cond;
}

__attribute__((unused)) static int is_int(long long got, long long want, const char *name)
{
        int cond = got == want;

        ok(cond, "%s", name);
        if (!cond)
                printf("#   got:  %lld\n#   want: %lld\n", got, want);
        return cond;
}

/* Compares byte ranges (for upload contents that hold NULs). */
__attribute__((unused)) static int is_mem(const void *got, size_t got_len, const void *want,
                                          size_t want_len, const char *name)
{
        int cond = got_len == want_len && (want_len == 0 || memcmp(got, want, want_len) == 0);

        ok(cond, "%s", name);
        if (!cond)
                printf("#   got %zu bytes, want %zu bytes%s\n", got_len, want_len,
                       got_len == want_len ? " (contents differ)" : "");
        return cond;
}

/* A test name built like printf, for checks made in a loop; valid until the next call. */
__attribute__((format(printf, 1, 2), unused)) static const char *name(const char *fmt, ...)
{
        static char buf[256];
        va_list ap;

        va_start(ap, fmt);
        vsnprintf(buf, sizeof buf, fmt, ap);
        va_end(ap);
        return buf;
}

__attribute__((unused)) static int done_testing(void)
{
        printf("1..%d\n", tap_run_);
        if (tap_failed_)
                printf("# failed %d of %d\n", tap_failed_, tap_run_);
        fflush(stdout);
        return tap_failed_ ? 1 : 0;
}

#endif
