/* test_docstore.c: unit tests for cgi-bin/core/docstore.c: sniffing (PDF with %%EOF near its end,
 * JPEG, PNG; a script, HTML, a truncated PDF, a PDF whose %%EOF is too far from the end, empty and
 * short inputs refused), extensions, stored names, and storing in a temporary folder (a 32-hex
 * name, the exact bytes, mode 0600, no temp file left, a second store gets another name, reading
 * back, removing; a missing folder and an oversized file fail and leave nothing). */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "docstore.h"
#include "tap.h"

static const unsigned char *u(const char *s)
{
        return (const unsigned char *)s;
}

static int count_entries(const char *dir)
{
        DIR *d = opendir(dir);
        int n = 0;
        if (!d)
                return -1;
        for (struct dirent *e; (e = readdir(d));)
                if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
                        n++;
        closedir(d);
        return n;
}

static void test_sniff(void)
{
        const char *pdf = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n";
        is_str(doc_sniff(u(pdf), strlen(pdf)), "application/pdf", "a PDF with %EOF is a PDF");
        static const unsigned char jpeg[] = {0xFF, 0xD8, 0xFF, 0xE0, 0x00,
                                             0x10, 'J',  'F',  'I',  'F'};
        is_str(doc_sniff(jpeg, sizeof jpeg), "image/jpeg", "FF D8 FF is a JPEG");
        static const unsigned char png[] = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0};
        is_str(doc_sniff(png, sizeof png), "image/png", "the PNG signature is a PNG");
        ok(doc_sniff(png, 7) == NULL, "seven bytes of the PNG signature are not a PNG");
        ok(doc_sniff(jpeg, 2) == NULL, "FF D8 alone is not a JPEG");
        static const unsigned char webp[] = {'R', 'I', 'F', 'F', 4, 0, 0, 0, 'W', 'E', 'B', 'P'};
        ok(doc_sniff(webp, sizeof webp) == NULL, "a WebP (a cover image type) is not a document");

        const char *script = "#!/bin/sh\necho %PDF-1.4 %%EOF\n";
        ok(doc_sniff(u(script), strlen(script)) == NULL, "a shell script is refused");
        const char *html = "<!DOCTYPE html><html><script>alert(1)</script>%%EOF";
        ok(doc_sniff(u(html), strlen(html)) == NULL, "an HTML page is refused");
        const char *cut = "%PDF-1.4\n1 0 obj\n<<>>\n";
        ok(doc_sniff(u(cut), strlen(cut)) == NULL, "a PDF without %%EOF is refused");
        ok(doc_sniff(u(" %PDF-1.4 %%EOF"), 15) == NULL, "%%PDF- must be at the very start");
        ok(doc_sniff(u(""), 0) == NULL, "nothing is refused");
        ok(doc_sniff(NULL, 10) == NULL, "NULL is refused");

        /* %%EOF must be within the last 1024 bytes */
        size_t n = 5000;
        unsigned char *far = malloc(n);
        memset(far, ' ', n);
        memcpy(far, "%PDF-1.4\n%%EOF", 14);
        ok(doc_sniff(far, n) == NULL, "a PDF whose only %%EOF is 4 kB before the end is refused");
        memcpy(far + n - 1024, "%%EOF", 5);
        is_str(doc_sniff(far, n), "application/pdf",
               "… and accepted with %EOF 1024 bytes from the end");
        free(far);

        is_str(doc_extension("application/pdf"), "pdf", "pdf extension");
        is_str(doc_extension("image/jpeg"), "jpg", "jpg extension");
        is_str(doc_extension("image/png"), "png", "png extension");
        is_str(doc_extension("text/html"), "bin", "anything else is bin");
        is_str(doc_extension(NULL), "bin", "NULL is bin");
}

static void test_names(void)
{
        ok(doc_name_ok("0123456789abcdef0123456789abcdef"), "32 lower-case hex is a name");
        ok(!doc_name_ok("0123456789ABCDEF0123456789abcdef"), "upper case is not");
        ok(!doc_name_ok("0123456789abcdef0123456789abcde"), "31 characters are not");
        ok(!doc_name_ok("../../etc/passwd0123456789abcdef"), "a path is not");
        ok(!doc_name_ok(NULL), "NULL is not");
}

static void test_store(void)
{
        char dir[] = "/tmp/cm-docstore-XXXXXX";
        if (!mkdtemp(dir)) {
                ok(0, "mkdtemp");
                return;
        }
        const char *pdf = "%PDF-1.4\n%%EOF\n";
        char name[DOC_NAME_LEN + 1], name2[DOC_NAME_LEN + 1];
        ok(doc_store(dir, u(pdf), strlen(pdf), name), "doc_store succeeds");
        ok(doc_name_ok(name), "… under a 32-hex name");
        is_int(count_entries(dir), 1, "… one file in the folder, no temp file left");
        char path[512];
        snprintf(path, sizeof path, "%s/%s", dir, name);
        struct stat st;
        ok(stat(path, &st) == 0 && (st.st_mode & 0777) == 0600, "… readable by its owner only");
        is_int(st.st_size, (long long)strlen(pdf), "… with the exact size");

        struct buf b;
        buf_init(&b);
        ok(doc_read(dir, name, &b), "doc_read reads it back");
        ok(b.len == strlen(pdf) && memcmp(b.data, pdf, b.len) == 0, "… byte for byte");
        buf_clear(&b);
        ok(!doc_read(dir, "../cm-docstore-nope", &b), "doc_read refuses a name it did not make");
        ok(!doc_read(dir, "ffffffffffffffffffffffffffffffff", &b),
           "doc_read of a missing file fails");

        ok(doc_store(dir, u(pdf), strlen(pdf), name2), "a second store succeeds");
        ok(strcmp(name, name2) != 0, "… under another name");
        is_int(count_entries(dir), 2, "… two files");

        doc_remove(dir, name);
        doc_remove(dir, name2);
        doc_remove(dir, name2); /* a missing file is no error */
        is_int(count_entries(dir), 0, "doc_remove removes them");

        unsigned char *big = calloc(1, DOC_MAX_BYTES + 1);
        ok(!doc_store(dir, big, DOC_MAX_BYTES + 1, name), "a file over 5 MiB is refused");
        is_str(name, "", "… with no name");
        is_int(count_entries(dir), 0, "… and nothing left behind");
        free(big);

        char missing[600];
        snprintf(missing, sizeof missing, "%s/not-there", dir);
        ok(!doc_store(missing, u(pdf), strlen(pdf), name), "a missing folder fails");
        is_str(name, "", "… with no name");

        buf_free(&b);
        rmdir(dir);
}

int main(void)
{
        test_sniff();
        test_names();
        test_store();
        return done_testing();
}
