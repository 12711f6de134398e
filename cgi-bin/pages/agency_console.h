/* agency_console: what the agency console's pages share (agency_register.c, agency_home.c,
 * agency_docs.c): the uploaded documents of a request on their way to the uploads folder and
 * agency_documents, and the signed-in member's agency. */
#ifndef CM_AGENCY_CONSOLE_H
#define CM_AGENCY_CONSOLE_H

#include <stdbool.h>

#include "core/docstore.h"
#include "pages.h"

/* The form field that carries documents (an <input type="file" multiple>). */
#define AGENCY_DOC_FIELD "document"
#define AGENCY_DOCS_MAX  10 /* files in one form */

struct agency_doc {
        const struct upload *up;
        const char *media_type; /* sniffed */
        const char *filename;   /* the browser's name, reduced to a safe base name */
        char stored[DOC_NAME_LEN + 1];
        struct agency_doc *next;
};

/* Checks the request's files in AGENCY_DOC_FIELD: at least one, at most AGENCY_DOCS_MAX, each
 * at most DOC_MAX_BYTES and a PDF, JPEG or PNG by its bytes. Returns NULL and sets *out, or the
 * L.agency_console key of what is wrong (with *bad_file naming the file, or NULL). Empty file
 * inputs (a browser sends one when nothing was chosen) are skipped. */
const char *agency_docs_check(struct req *rq, struct agency_doc **out, const char **bad_file);

/* Writes each file to the uploads folder. On failure removes those already written. */
bool agency_docs_store(struct agency_doc *docs);
/* Inserts the rows, inside the caller's transaction; kind is license, qualification or other. */
bool agency_docs_insert(struct req *rq, const char *agency_id, const char *kind,
                        const struct agency_doc *docs);
/* Removes the stored files again, when the transaction that was to record them failed. */
void agency_docs_discard(struct agency_doc *docs);
/* How many documents, and their file names as a JSON array, for an audit row's detail. */
int agency_docs_count(const struct agency_doc *docs);

/* The signed-in user's agency id as text, "" when they have none; NULL on a database error. */
const char *agency_of_user(struct req *rq);
/* The same for pages that need an agency: NULL when it has already answered (503 on a database
 * error, or off to /agency/register for a user without one). */
const char *agency_of_member(struct req *rq, struct resp *rs);

/* agency_home.c: the console page, with its documents form's error (an L.agency_console key, or
 * NULL) and status; used again by agency_docs.c when an upload is refused. */
void agency_home_show(struct req *rq, struct resp *rs, int status, const char *doc_error,
                      const char *doc_error_file);

#endif
