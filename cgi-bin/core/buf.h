/* buf: a growable byte buffer on the heap, for response bodies and rendered templates.
 * It never truncates silently: an allocation failure aborts the worker, which the master restarts.
 */
#ifndef CM_BUF_H
#define CM_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
        char *data; /* always NUL-terminated when len > 0 or after buf_cstr() */
        size_t len;
        size_t cap;
};

void buf_init(struct buf *b);
void buf_free(struct buf *b);
void buf_clear(struct buf *b); /* keeps the allocation */
void buf_append(struct buf *b, const void *data, size_t len);
void buf_puts(struct buf *b, const char *s);
void buf_putc(struct buf *b, char c);
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_vprintf(struct buf *b, const char *fmt, va_list ap);
const char *buf_cstr(struct buf *b);

#endif
