/* docstore: see docstore.h. */
#include "docstore.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "crypto.h"
#include "image.h"

#define PDF_EOF_WINDOW 1024 /* writers may put whitespace or a little garbage after %%EOF */

const char *doc_sniff(const unsigned char *data, size_t len)
{
        if (!data)
                return NULL;
        if (len >= 5 && memcmp(data, "%PDF-", 5) == 0) {
                size_t from = len > PDF_EOF_WINDOW ? len - PDF_EOF_WINDOW : 0;
                if (memmem(data + from, len - from, "%%EOF", 5))
                        return "application/pdf";
                return NULL;
        }
        /* the image magic lives in one place (image.c); WebP is for covers, not documents */
        enum img_type t = img_sniff(data, len);
        return t == IMG_JPEG || t == IMG_PNG ? img_media_type(t) : NULL;
}

const char *doc_extension(const char *media_type)
{
        if (!media_type)
                return "bin";
        if (strcmp(media_type, "application/pdf") == 0)
                return "pdf";
        if (strcmp(media_type, "image/jpeg") == 0)
                return "jpg";
        if (strcmp(media_type, "image/png") == 0)
                return "png";
        return "bin";
}

bool doc_name_ok(const char *name)
{
        if (!name || strlen(name) != DOC_NAME_LEN)
                return false;
        for (const char *p = name; *p; p++)
                if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f')))
                        return false;
        return true;
}

static bool write_all(int fd, const unsigned char *data, size_t len)
{
        while (len > 0) {
                ssize_t n = write(fd, data, len);
                if (n < 0 && errno == EINTR)
                        continue;
                if (n <= 0)
                        return false;
                data += n;
                len -= (size_t)n;
        }
        return true;
}

/* The rename is durable only once the folder's entry is on disk too. */
static bool sync_dir(const char *dir)
{
        int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd < 0)
                return false;
        bool ok = fsync(fd) == 0;
        close(fd);
        return ok;
}

bool doc_write_named(const char *dir, const char *file, const unsigned char *data, size_t len)
{
        char tmp[PATH_MAX], final[PATH_MAX];
        if (!dir || !*dir || !file || !*file || *file == '.' || strchr(file, '/'))
                return false;
        if ((size_t)snprintf(tmp, sizeof tmp, "%s/.tmp-%s", dir, file) >= sizeof tmp ||
            (size_t)snprintf(final, sizeof final, "%s/%s", dir, file) >= sizeof final)
                return false;
        int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd < 0)
                return false;
        bool ok = write_all(fd, data, len) && fsync(fd) == 0;
        ok = close(fd) == 0 && ok;
        ok = ok && rename(tmp, final) == 0;
        if (!ok)
                unlink(tmp);
        if (ok && !sync_dir(dir)) {
                unlink(final);
                ok = false;
        }
        return ok;
}

bool doc_store(const char *dir, const unsigned char *data, size_t len,
               char name_out[DOC_NAME_LEN + 1])
{
        unsigned char rnd[DOC_NAME_LEN / 2];
        name_out[0] = '\0';
        if (!dir || !*dir || len > DOC_MAX_BYTES)
                return false;
        crypto_random(rnd, sizeof rnd);
        crypto_hex(rnd, sizeof rnd, name_out);
        /* 128 random bits: a name never repeats, so the rename cannot replace another file */
        if (!doc_write_named(dir, name_out, data, len)) {
                name_out[0] = '\0';
                return false;
        }
        return true;
}

bool doc_read(const char *dir, const char *name, struct buf *out)
{
        char path[PATH_MAX];
        if (!doc_name_ok(name) ||
            (size_t)snprintf(path, sizeof path, "%s/%s", dir, name) >= sizeof path)
                return false;
        int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
        if (fd < 0)
                return false;
        struct stat st;
        bool ok = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size <= (off_t)DOC_MAX_BYTES;
        char chunk[65536];
        while (ok) {
                ssize_t n = read(fd, chunk, sizeof chunk);
                if (n < 0 && errno == EINTR)
                        continue;
                if (n < 0)
                        ok = false;
                if (n <= 0)
                        break;
                buf_append(out, chunk, (size_t)n);
        }
        close(fd);
        return ok;
}

void doc_remove(const char *dir, const char *name)
{
        char path[PATH_MAX];
        if (doc_name_ok(name) &&
            (size_t)snprintf(path, sizeof path, "%s/%s", dir, name) < sizeof path)
                unlink(path);
}
