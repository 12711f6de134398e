/* arena.c: the per-request bump allocator behind arena.h. Blocks come from malloc; the first block
 * is kept across arena_reset() so a worker's steady state makes no malloc calls; a request larger
 * than a quarter of the block size gets a block of its own. Every allocation is zeroed and aligned
 * to 16 bytes.
 * It must never return NULL, never hand out memory that overlaps a live allocation, and never let
 * a size computation wrap around: on exhaustion or overflow it prints a message and aborts (the
 * master restarts the worker). */
#include "arena.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_ALIGN         16
#define ARENA_DEFAULT_BLOCK (64 * 1024)
#define ARENA_MIN_BLOCK     256

struct block {
        struct block *next;
        unsigned char *data; /* ARENA_ALIGN-aligned start of the usable bytes */
        size_t cap;          /* usable bytes from data */
        size_t used;
};

struct arena {
        struct block *first; /* kept across resets */
        struct block *cur;   /* where small allocations are bumped */
        size_t block_size;
        size_t used; /* bytes handed out since the last reset, alignment padding included */
};

static void arena_die(const char *what, size_t n)
{
        fprintf(stderr, "arena: %s (%zu bytes); aborting\n", what, n);
        abort();
}

static struct block *block_new(size_t cap, int use_calloc)
{
        size_t total;
        struct block *b;
        uintptr_t p;

        if (cap > SIZE_MAX - sizeof(struct block) - (ARENA_ALIGN - 1))
                arena_die("block size overflows", cap);
        total = sizeof(struct block) + (ARENA_ALIGN - 1) + cap;
        b = use_calloc ? calloc(1, total) : malloc(total);
        if (!b)
                arena_die("out of memory", total);
        p = (uintptr_t)(b + 1);
        p = (p + (ARENA_ALIGN - 1)) & ~(uintptr_t)(ARENA_ALIGN - 1);
        b->next = NULL;
        b->data = (unsigned char *)p;
        b->cap = cap;
        b->used = 0;
        return b;
}

struct arena *arena_new(size_t block_size)
{
        struct arena *a;

        if (block_size == 0)
                block_size = ARENA_DEFAULT_BLOCK;
        if (block_size < ARENA_MIN_BLOCK)
                block_size = ARENA_MIN_BLOCK;
        /* keep every bump position aligned */
        if (block_size > SIZE_MAX - (ARENA_ALIGN - 1))
                arena_die("block size overflows", block_size);
        block_size = (block_size + (ARENA_ALIGN - 1)) & ~(size_t)(ARENA_ALIGN - 1);
        a = malloc(sizeof(*a));
        if (!a)
                arena_die("out of memory", sizeof(*a));
        a->block_size = block_size;
        a->first = block_new(block_size, 0);
        a->cur = a->first;
        a->used = 0;
        return a;
}

static void free_blocks_after_first(struct arena *a)
{
        struct block *b = a->first->next;

        while (b) {
                struct block *next = b->next;
                free(b);
                b = next;
        }
        a->first->next = NULL;
}

void arena_free(struct arena *a)
{
        if (!a)
                return;
        free_blocks_after_first(a);
        free(a->first);
        free(a);
}

void arena_reset(struct arena *a)
{
        if (!a)
                return;
        free_blocks_after_first(a);
        a->first->used = 0;
        a->cur = a->first;
        a->used = 0;
}

void *arena_alloc(struct arena *a, size_t size)
{
        struct block *b;
        void *p;

        if (size == 0)
                size = 1; /* a distinct, valid pointer */
        if (size > SIZE_MAX - (ARENA_ALIGN - 1))
                arena_die("allocation size overflows", size);
        size = (size + (ARENA_ALIGN - 1)) & ~(size_t)(ARENA_ALIGN - 1);

        b = a->cur;
        if (size <= b->cap - b->used) {
                p = b->data + b->used;
                b->used += size;
                memset(p, 0, size);
        } else if (size > a->block_size / 4) {
                /* its own block (calloc: already zeroed), linked behind the first; the
                 * current block stays current */
                b = block_new(size, 1);
                b->used = size;
                b->next = a->first->next;
                a->first->next = b;
                p = b->data;
        } else {
                b = block_new(a->block_size, 0);
                b->next = a->first->next;
                a->first->next = b;
                a->cur = b;
                p = b->data;
                b->used = size;
                memset(p, 0, size);
        }
        a->used += size;
        return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
        size_t k = 0;
        char *d;

        if (!s)
                return NULL;
        while (k < n && s[k]) /* strnlen, which is POSIX, not C11 */
                k++;
        n = k;
        if (n == SIZE_MAX)
                arena_die("string too long", n);
        d = arena_alloc(a, n + 1);
        memcpy(d, s, n);
        d[n] = '\0';
        return d;
}

char *arena_strdup(struct arena *a, const char *s)
{
        if (!s)
                return NULL;
        return arena_strndup(a, s, strlen(s));
}

char *arena_vprintf(struct arena *a, const char *fmt, va_list ap)
{
        va_list ap2;
        int n;
        char *d;

        va_copy(ap2, ap);
        n = vsnprintf(NULL, 0, fmt, ap2);
        va_end(ap2);
        if (n < 0)
                arena_die("vsnprintf failed", 0);
        d = arena_alloc(a, (size_t)n + 1);
        va_copy(ap2, ap);
        vsnprintf(d, (size_t)n + 1, fmt, ap2);
        va_end(ap2);
        return d;
}

char *arena_printf(struct arena *a, const char *fmt, ...)
{
        va_list ap;
        char *d;

        va_start(ap, fmt);
        d = arena_vprintf(a, fmt, ap);
        va_end(ap);
        return d;
}

size_t arena_used(const struct arena *a)
{
        return a ? a->used : 0;
}
