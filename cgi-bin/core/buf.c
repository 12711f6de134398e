/* buf.c: the growable heap byte buffer behind buf.h, used for response bodies and rendered
 * templates. The data is kept NUL-terminated after every write, so buf_cstr() is free.
 * It must never truncate silently and never let a size computation wrap: an allocation failure or
 * an overflow prints a message and aborts the worker (the master restarts it). buf_append() and
 * buf_puts() of a slice of the buffer itself are allowed; buf_printf() arguments must not point
 * into the buffer. */
#include "buf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BUF_MIN_CAP 64

static void buf_die(const char *what, size_t n)
{
        fprintf(stderr, "buf: %s (%zu bytes); aborting\n", what, n);
        abort();
}

void buf_init(struct buf *b)
{
        b->data = NULL;
        b->len = 0;
        b->cap = 0;
}

void buf_free(struct buf *b)
{
        free(b->data);
        buf_init(b);
}

void buf_clear(struct buf *b)
{
        b->len = 0;
        if (b->data)
                b->data[0] = '\0';
}

/* Makes room for extra more bytes plus the terminating NUL. */
static void buf_grow(struct buf *b, size_t extra)
{
        size_t need, cap;
        char *p;

        if (extra > SIZE_MAX - 1 - b->len)
                buf_die("size overflows", extra);
        need = b->len + extra + 1;
        if (need <= b->cap)
                return;
        cap = b->cap ? b->cap : BUF_MIN_CAP;
        while (cap < need)
                cap = cap > SIZE_MAX / 2 ? need : cap * 2;
        p = realloc(b->data, cap);
        if (!p)
                buf_die("out of memory", cap);
        b->data = p;
        b->cap = cap;
}

void buf_append(struct buf *b, const void *data, size_t len)
{
        /* appending part of ourselves: the realloc may move it, so remember the offset (as
         * integers: relational comparison of pointers into different objects is undefined) */
        uintptr_t s = (uintptr_t)data, d = (uintptr_t)b->data;
        int inside = b->data && s >= d && s - d < b->cap;
        size_t off = inside ? (size_t)(s - d) : 0;

        if (len == 0)
                return;
        buf_grow(b, len);
        memmove(b->data + b->len, inside ? b->data + off : (const char *)data, len);
        b->len += len;
        b->data[b->len] = '\0';
}

void buf_puts(struct buf *b, const char *s)
{
        buf_append(b, s, strlen(s));
}

void buf_putc(struct buf *b, char c)
{
        buf_grow(b, 1);
        b->data[b->len++] = c;
        b->data[b->len] = '\0';
}

void buf_vprintf(struct buf *b, const char *fmt, va_list ap)
{
        va_list ap2;
        int n;
        size_t room;

        /* try in the space we have; on a short write grow once and format again */
        room = b->data ? b->cap - b->len : 0;
        va_copy(ap2, ap);
        n = vsnprintf(room ? b->data + b->len : NULL, room, fmt, ap2);
        va_end(ap2);
        if (n < 0)
                buf_die("vsnprintf failed", 0);
        if ((size_t)n >= room) {
                buf_grow(b, (size_t)n);
                va_copy(ap2, ap);
                vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap2);
                va_end(ap2);
        }
        b->len += (size_t)n;
        if (b->data)
                b->data[b->len] = '\0';
}

void buf_printf(struct buf *b, const char *fmt, ...)
{
        va_list ap;

        va_start(ap, fmt);
        buf_vprintf(b, fmt, ap);
        va_end(ap);
}

const char *buf_cstr(struct buf *b)
{
        buf_grow(b, 0);
        b->data[b->len] = '\0';
        return b->data;
}
