/* docstore: the bytes of uploaded documents (agencies' business licences and qualifications) in
 * the uploads folder, which lies outside the web root. It decides a file's type from its bytes
 * (PDF, JPEG, PNG; never from the name or the browser's Content-Type), stores a file under a
 * random 32-hex name (temp file, fsync, rename, fsync of the folder, so a stored name always
 * holds the whole file), reads it back and removes it. It knows nothing of the database: the
 * caller inserts the row after doc_store and calls doc_remove when its transaction fails, so there
 * is neither a row without a file nor a file without a row. It never serves a file itself and
 * never uses a name it did not make (doc_name_ok guards every path it builds). */
#ifndef CM_DOCSTORE_H
#define CM_DOCSTORE_H

#include <stdbool.h>
#include <stddef.h>

struct buf;

#define DOC_MAX_BYTES (5u << 20) /* 5 MiB, as agency_documents.size_bytes allows */
#define DOC_NAME_LEN  32         /* hex characters of a stored name */

/* The media type the bytes are ("application/pdf", "image/jpeg", "image/png"), or NULL for
 * anything else. A PDF must start with "%PDF-" and have "%%EOF" in its last 1024 bytes, so a
 * script or an HTML page renamed .pdf is refused, and so is a truncated PDF. */
const char *doc_sniff(const unsigned char *data, size_t len);

/* The usual file extension of a media type doc_sniff returns ("pdf", "jpg", "png"), else "bin". */
const char *doc_extension(const char *media_type);

/* True when name is exactly DOC_NAME_LEN lower-case hex digits. */
bool doc_name_ok(const char *name);

/* Writes len bytes to a new file in dir under a fresh random name, copied to name_out. false (and
 * nothing left behind) when the folder is missing or unwritable or the disk is full. */
bool doc_store(const char *dir, const unsigned char *data, size_t len,
               char name_out[DOC_NAME_LEN + 1]);

/* Writes len bytes to dir/file through dir/.tmp-<file>: fsync, rename, fsync of the folder, so
 * file always holds the whole of the bytes. file is a name the caller made, never one from a
 * request: an empty name, one starting with '.' or holding '/' is refused. An existing file of
 * that name is replaced. false (and nothing left behind) when the folder is missing or unwritable
 * or the disk is full. doc_store uses it; so do course covers (pages/cover.c). */
bool doc_write_named(const char *dir, const char *file, const unsigned char *data, size_t len);

/* Appends the stored file's bytes to out; false when it is missing, unreadable or larger than
 * DOC_MAX_BYTES. */
bool doc_read(const char *dir, const char *name, struct buf *out);

/* Removes a stored file (a missing one is not an error). */
void doc_remove(const char *dir, const char *name);

#endif
