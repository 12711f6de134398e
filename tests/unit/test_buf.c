/* test_buf.c: unit tests for core/buf (growth, NUL termination, printf, appending from itself).
 * It must never rely on the capacity policy beyond "large enough". */
#include <string.h>

#include "buf.h"
#include "tap.h"

int main(void)
{
        struct buf b;
        size_t i;
        int good = 1;

        buf_init(&b);
        is_int((long long)b.len, 0, "a new buf is empty");
        is_str(buf_cstr(&b), "", "buf_cstr of an empty buf is \"\"");

        buf_puts(&b, "课程");
        buf_putc(&b, '-');
        buf_append(&b, "supermarket!", 11);
        is_str(b.data, "课程-supermarket", "puts, putc and append concatenate");
        is_int((long long)b.len, (long long)strlen("课程-supermarket"), "len counts bytes");
        ok(b.data[b.len] == '\0', "data is NUL-terminated after appends");

        buf_append(&b, "x", 0);
        is_int((long long)b.len, (long long)strlen("课程-supermarket"),
               "appending 0 bytes changes nothing");

        {
                const char *before = b.data;

                buf_clear(&b);
                ok(b.cap > 0 && b.data == before, "buf_clear keeps the allocation");
        }
        is_int((long long)b.len, 0, "buf_clear empties");
        is_str(buf_cstr(&b), "", "and buf_cstr is \"\"");

        buf_printf(&b, "%d+%d=%s", 2, 2, "four");
        is_str(b.data, "2+2=four", "buf_printf");
        buf_printf(&b, "%0*d", 10000, 1);
        is_int((long long)b.len, 8 + 10000, "buf_printf grows for long output");
        ok(b.data[b.len - 1] == '1' && b.data[8] == '0' && b.data[b.len] == '\0',
           "long printf output is intact and terminated");
        buf_printf(&b, "%s", "");
        is_int((long long)b.len, 8 + 10000, "printf of nothing adds nothing");

        /* embedded NULs are kept by buf_append */
        buf_clear(&b);
        buf_append(&b, "a\0b", 3);
        is_int((long long)b.len, 3, "buf_append keeps NUL bytes");
        ok(memcmp(b.data, "a\0b", 3) == 0, "with their values");

        /* appending from itself across a realloc */
        buf_free(&b);
        buf_puts(&b, "0123456789");
        for (i = 0; i < 12; i++)
                buf_append(&b, b.data, b.len); /* doubles each time, forcing reallocs */
        is_int((long long)b.len, 10LL << 12, "self-append doubles the length");
        for (i = 0; i < b.len; i++)
                if (b.data[i] != (char)('0' + i % 10))
                        good = 0;
        ok(good, "self-append copies the right bytes");
        buf_append(&b, b.data + 3, 4);
        ok(memcmp(b.data + b.len - 4, "3456", 4) == 0, "self-append of an inner slice");

        /* many single characters */
        buf_free(&b);
        for (i = 0; i < 100000; i++)
                buf_putc(&b, (char)('a' + i % 26));
        is_int((long long)b.len, 100000, "100000 putc calls");
        ok(b.data[99999] == (char)('a' + 99999 % 26) && b.data[100000] == '\0', "last byte right");

        buf_free(&b);
        ok(b.data == NULL && b.len == 0 && b.cap == 0, "buf_free resets the struct");
        buf_free(&b);
        ok(1, "buf_free twice is harmless");

        /* printf into a fresh buf */
        buf_printf(&b, "¥%d.%02d", 12, 50);
        is_str(buf_cstr(&b), "¥12.50", "printf into an unallocated buf");
        buf_free(&b);
        return done_testing();
}
