/* test_arena.c: unit tests for core/arena (alignment, zeroing, block reuse across resets, large
 * allocations, the string helpers). It must never depend on the order or addresses malloc picks
 * beyond what arena.h promises. */
#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "tap.h"

static int all_zero(const unsigned char *p, size_t n)
{
        size_t i;

        for (i = 0; i < n; i++)
                if (p[i])
                        return 0;
        return 1;
}

int main(void)
{
        struct arena *a = arena_new(1024);
        unsigned char *start = arena_alloc(a, 16); /* the start of the first block */
        unsigned char *p, *q, *first;
        char *s;
        size_t i;
        int aligned = 1, zero = 1, distinct = 1;

        ok(a != NULL, "arena_new gives an arena");
        ok(start != NULL, "the first allocation");
        is_int((long long)arena_used(a), 16, "arena_used counts it");
        arena_reset(a);
        is_int((long long)arena_used(a), 0, "a reset arena has used nothing");

        /* alignment and zeroing over many odd sizes, which also crosses blocks */
        for (i = 1; i < 300; i++) {
                p = arena_alloc(a, i);
                if ((uintptr_t)p % 16 != 0)
                        aligned = 0;
                if (!all_zero(p, i))
                        zero = 0;
                memset(p, 0xAB, i); /* dirty it for the reuse check below */
        }
        ok(aligned, "every allocation is 16-byte aligned");
        ok(zero, "every allocation is zeroed");
        ok(arena_used(a) >= 299 * 300 / 2, "arena_used counts at least the bytes asked for (%zu)",
           arena_used(a));

        /* allocations never overlap */
        p = arena_alloc(a, 40);
        q = arena_alloc(a, 40);
        memset(p, 1, 40);
        memset(q, 2, 40);
        for (i = 0; i < 40; i++)
                if (p[i] != 1 || q[i] != 2)
                        distinct = 0;
        ok(distinct && (q >= p + 40 || p >= q + 40), "two allocations do not overlap");

        /* zero-size allocations are valid, distinct pointers */
        p = arena_alloc(a, 0);
        q = arena_alloc(a, 0);
        ok(p != NULL && q != NULL && p != q, "arena_alloc(0) gives distinct non-NULL pointers");

        /* reset: used goes to 0, memory handed out again is zeroed although it was dirtied */
        arena_reset(a);
        is_int((long long)arena_used(a), 0, "arena_used is 0 after reset");
        first = arena_alloc(a, 512);
        ok(first == start, "after reset allocation starts at the start of the first block");
        ok(all_zero(first, 512), "memory reused after reset is zeroed");
        memset(first, 0xCD, 512);
        arena_reset(a);
        p = arena_alloc(a, 512);
        ok(p == first, "the first block is kept across resets (same address)");
        ok(all_zero(p, 512), "and zeroed again");

        /* a large request gets its own block, the current block keeps serving small ones */
        arena_reset(a);
        p = arena_alloc(a, 16);
        q = arena_alloc(a, 1 << 20);
        ok(q != NULL && (uintptr_t)q % 16 == 0, "a 1 MiB allocation in a 1 KiB arena works");
        ok(all_zero(q, 1 << 20), "and is zeroed");
        memset(q, 0xEE, 1 << 20);
        s = arena_alloc(a, 16);
        ok(s == (char *)p + 16, "a small allocation after a large one continues the current block");
        arena_reset(a);
        ok(arena_alloc(a, 16) == p, "after reset allocation starts at the first block again");

        /* strings */
        arena_reset(a);
        is_str(arena_strdup(a, "手机 phone"), "手机 phone", "arena_strdup copies UTF-8");
        ok(arena_strdup(a, NULL) == NULL, "arena_strdup(NULL) is NULL");
        is_str(arena_strndup(a, "abcdef", 3), "abc", "arena_strndup stops at n");
        is_str(arena_strndup(a, "ab", 10), "ab", "arena_strndup stops at the NUL");
        is_str(arena_strndup(a, "abc", 0), "", "arena_strndup of 0 bytes is empty");
        is_str(arena_printf(a, "%s=%d;%05.1f", "x", -42, 3.14159), "x=-42;003.1",
               "arena_printf formats");
        s = arena_printf(a, "%0*d", 5000, 7);
        is_int((long long)strlen(s), 5000, "arena_printf output longer than a block");
        ok(s[4999] == '7' && s[0] == '0', "and its content is right");
        is_str(arena_printf(a, "%s", ""), "", "arena_printf of an empty string");

        arena_free(a);
        arena_free(NULL);
        ok(1, "arena_free(NULL) is harmless");

        /* default block size */
        a = arena_new(0);
        p = arena_alloc(a, 100);
        ok(p != NULL && all_zero(p, 100), "arena_new(0) uses a default block size");
        arena_free(a);

        return done_testing();
}
