/* cover: course cover images on disk and on the web. An agency's upload is re-encoded by
 * img_cover (core/image.h) into a cover (1200×675) and a thumbnail (480×270), stored as
 * <uploads>/covers/<name>.jpg and <name>-t.jpg under a fresh random 32-hex name (courses.cover),
 * and served to anyone at /media/covers/<name>.jpg and /media/covers/<name>-t.jpg. It knows
 * nothing of the database: the caller stores the files before its transaction, removes them when
 * the transaction fails, and removes an old cover's files once the new one is committed. */
#ifndef CM_COVER_H
#define CM_COVER_H

#include <stdbool.h>

#include "pages.h"

#define COVER_NAME_LEN 32 /* hex characters, as courses.cover allows */
#define COVER_FIELD    "cover"

/* The public URL of a stored cover: /media/covers/<name>.jpg, or <name>-t.jpg for the
 * thumbnail. NULL for a NULL or empty name. */
const char *cover_url(struct arena *a, const char *name, bool thumb);

/* The request's file in COVER_FIELD, or NULL when the form carried none (an empty file input). */
const struct upload *cover_upload(const struct req *rq);

/* Re-encodes the upload and writes both files. Returns NULL and fills name_out, or the machine
 * code of what is wrong ("not_image", "too_large_bytes", "too_large_pixels", "corrupt",
 * "too_small", "internal", or "storage" when the files could not be written); then nothing is
 * left on disk. */
const char *cover_store(const struct upload *up, char name_out[COVER_NAME_LEN + 1]);

/* Removes a stored cover's two files (missing ones are not an error; a malformed name is
 * ignored). */
void cover_remove(const char *name);

/* GET /media/covers/{file}: the stored JPEG, cached for a year (the name never changes its
 * bytes); 404 for anything else. */
void page_media_cover(struct req *rq, struct resp *rs);

#endif
