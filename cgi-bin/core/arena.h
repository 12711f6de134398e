/* arena: per-request bump allocator. Everything a request allocates lives here and is freed at
 * once by arena_reset(); nothing in an arena may outlive the request that made it. */
#ifndef CM_ARENA_H
#define CM_ARENA_H

#include <stdarg.h>
#include <stddef.h>

struct arena;

struct arena *arena_new(size_t block_size);
void arena_free(struct arena *a);
/* Frees every block but the first, which is kept for the next request. */
void arena_reset(struct arena *a);
/* Zeroed memory aligned for any type; never returns NULL (aborts when memory is exhausted). */
void *arena_alloc(struct arena *a, size_t size);
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_printf(struct arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *arena_vprintf(struct arena *a, const char *fmt, va_list ap);
/* Bytes handed out since the last reset (for the access log and the benchmarks). */
size_t arena_used(const struct arena *a);

#endif
