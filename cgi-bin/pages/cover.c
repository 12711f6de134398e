/* cover: storing and serving course cover images (cover.h). */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/config.h"
#include "core/crypto.h"
#include "core/docstore.h"
#include "core/http.h"
#include "core/image.h"
#include "cover.h"

#define COVER_READ_MAX (4u << 20) /* a re-encoded 1200×675 JPEG is far smaller */

/* Cover names are docstore-style names: doc_name_ok guards every path built from one. */
_Static_assert(COVER_NAME_LEN == DOC_NAME_LEN, "a cover name is a docstore name");

const char *cover_url(struct arena *a, const char *name, bool thumb)
{
        if (!name || !*name)
                return NULL;
        return arena_printf(a, "/media/covers/%s%s.jpg", name, thumb ? "-t" : "");
}

const struct upload *cover_upload(const struct req *rq)
{
        for (const struct upload *u = rq->uploads; u; u = u->next)
                if (strcmp(u->field, COVER_FIELD) == 0 &&
                    (u->len > 0 || (u->filename && *u->filename)))
                        return u;
        return NULL;
}

/* <uploads>/covers, made when missing. */
static bool covers_dir(char *out, size_t len)
{
        if (!cm_config.uploads || !*cm_config.uploads ||
            (size_t)snprintf(out, len, "%s/covers", cm_config.uploads) >= len)
                return false;
        if (mkdir(out, 0700) != 0 && errno != EEXIST)
                return false;
        return true;
}

static void remove_in(const char *dir, const char *name)
{
        char path[PATH_MAX];
        if ((size_t)snprintf(path, sizeof path, "%s/%s.jpg", dir, name) < sizeof path)
                unlink(path);
        if ((size_t)snprintf(path, sizeof path, "%s/%s-t.jpg", dir, name) < sizeof path)
                unlink(path);
}

const char *cover_store(const struct upload *up, char name_out[COVER_NAME_LEN + 1])
{
        name_out[0] = '\0';
        struct img_out out = {0};
        char err[32];
        enum img_status st = img_cover(up->data, up->len, &out, err, sizeof err);
        if (st != IMG_OK) {
                img_out_free(&out);
                return img_status_code(st);
        }
        char dir[PATH_MAX] = "", cover[COVER_NAME_LEN + 8], thumb[COVER_NAME_LEN + 8];
        unsigned char rnd[COVER_NAME_LEN / 2];
        crypto_random(rnd, sizeof rnd);
        crypto_hex(rnd, sizeof rnd, name_out);
        snprintf(cover, sizeof cover, "%s.jpg", name_out);
        snprintf(thumb, sizeof thumb, "%s-t.jpg", name_out);
        bool ok = covers_dir(dir, sizeof dir) &&
                  doc_write_named(dir, cover, out.cover, out.cover_len) &&
                  doc_write_named(dir, thumb, out.thumb, out.thumb_len);
        img_out_free(&out);
        if (!ok) {
                if (*dir)
                        remove_in(dir, name_out);
                name_out[0] = '\0';
                return "storage";
        }
        return NULL;
}

void cover_remove(const char *name)
{
        char dir[PATH_MAX];
        if (!doc_name_ok(name) || !cm_config.uploads ||
            (size_t)snprintf(dir, sizeof dir, "%s/covers", cm_config.uploads) >= sizeof dir)
                return;
        remove_in(dir, name);
}

void page_media_cover(struct req *rq, struct resp *rs)
{
        const char *file = req_param(rq, "file");
        char name[COVER_NAME_LEN + 1];
        size_t n = file ? strlen(file) : 0;
        bool thumb = n == COVER_NAME_LEN + 6 && strcmp(file + COVER_NAME_LEN, "-t.jpg") == 0;
        bool plain = n == COVER_NAME_LEN + 4 && strcmp(file + COVER_NAME_LEN, ".jpg") == 0;
        if (thumb || plain) {
                memcpy(name, file, COVER_NAME_LEN);
                name[COVER_NAME_LEN] = '\0';
        }
        char path[PATH_MAX];
        int fd = -1;
        if ((thumb || plain) && doc_name_ok(name) && cm_config.uploads &&
            (size_t)snprintf(path, sizeof path, "%s/covers/%s%s.jpg", cm_config.uploads, name,
                             thumb ? "-t" : "") < sizeof path)
                fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
        if (fd < 0) {
                app_error(rq, rs, 404, NULL, NULL);
                return;
        }
        struct stat st;
        bool ok = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size <= (off_t)COVER_READ_MAX;
        buf_clear(&rs->body);
        char chunk[65536];
        while (ok) {
                ssize_t r = read(fd, chunk, sizeof chunk);
                if (r < 0 && errno == EINTR)
                        continue;
                if (r < 0)
                        ok = false;
                if (r <= 0)
                        break;
                buf_append(&rs->body, chunk, (size_t)r);
        }
        close(fd);
        if (!ok) {
                buf_clear(&rs->body);
                app_error(rq, rs, 404, NULL, NULL);
                return;
        }
        rs->status = 200;
        rs->template = NULL;
        rs->content_type = "image/jpeg";
        resp_header(rs, "Cache-Control", "public, max-age=31536000, immutable");
        resp_header(rs, "Content-Security-Policy", "default-src 'none'; sandbox");
}
