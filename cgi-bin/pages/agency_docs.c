/* agency_docs: an agency's qualification documents (business licence and the like). Checks and
 * stores the files of a form (for registration and for POST /agency/documents, which adds more),
 * and serves GET /agency/documents/{id} as a download to the members of the owning agency and to
 * reviewers and admins only; anyone else gets 404, so a document's existence is not confirmed. The
 * bytes are sniffed, never trusted from the browser; a file is on disk before its row is inserted
 * and removed again when the transaction fails. Never renders a document inline. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "agency_console.h"
#include "core/audit.h"
#include "core/config.h"
#include "core/crypto.h"
#include "core/session.h"

/* The browser's file name without any folder part or control character, at most 200 characters
 * (agency_documents.filename), never cut inside a UTF-8 sequence; "" gives document.<ext>. */
static const char *safe_filename(struct arena *a, const char *name, const char *media_type)
{
        const char *base = name ? name : "";
        for (const char *p = base; *p; p++)
                if (*p == '/' || *p == '\\')
                        base = p + 1;
        char *out = arena_strdup(a, base);
        size_t chars = 0, i = 0;
        for (; out[i]; i++) {
                unsigned char c = (unsigned char)out[i];
                if (c < 0x20 || c == 0x7f || c == '"')
                        out[i] = '_';
                if ((c & 0xC0) != 0x80 && ++chars > 200)
                        break;
        }
        out[i] = '\0';
        if (!*out)
                return arena_printf(a, "document.%s", doc_extension(media_type));
        return out;
}

const char *agency_docs_check(struct req *rq, struct agency_doc **out, const char **bad_file)
{
        struct agency_doc *head = NULL, **tail = &head;
        int n = 0;
        *out = NULL;
        *bad_file = NULL;
        for (const struct upload *u = rq->uploads; u; u = u->next) {
                if (strcmp(u->field, AGENCY_DOC_FIELD) != 0)
                        continue;
                if (u->len == 0 && (!u->filename || !*u->filename))
                        continue; /* an empty file input */
                *bad_file = u->filename;
                if (++n > AGENCY_DOCS_MAX)
                        return "err_doc_count";
                if (u->len > DOC_MAX_BYTES)
                        return "err_doc_size";
                const char *type = doc_sniff(u->data, u->len);
                if (!type)
                        return "err_doc_type";
                struct agency_doc *d = arena_alloc(rq->arena, sizeof *d);
                d->up = u;
                d->media_type = type;
                d->filename = safe_filename(rq->arena, u->filename, type);
                *tail = d;
                tail = &d->next;
        }
        *bad_file = NULL;
        if (!head)
                return "err_doc_missing";
        *out = head;
        return NULL;
}

bool agency_docs_store(struct agency_doc *docs)
{
        for (struct agency_doc *d = docs; d; d = d->next)
                if (!doc_store(cm_config.uploads, d->up->data, d->up->len, d->stored)) {
                        agency_docs_discard(docs);
                        return false;
                }
        return true;
}

void agency_docs_discard(struct agency_doc *docs)
{
        for (struct agency_doc *d = docs; d; d = d->next)
                if (d->stored[0]) {
                        doc_remove(cm_config.uploads, d->stored);
                        d->stored[0] = '\0';
                }
}

int agency_docs_count(const struct agency_doc *docs)
{
        int n = 0;
        for (; docs; docs = docs->next)
                n++;
        return n;
}

/* $1 agency, $2 kind, $3 filename, $4 type, $5 size, $6 sha256 (hex), $7 stored name, $8 user */
DB_STMT(agency_doc_insert,
        "INSERT INTO agency_documents (agency_id, kind, filename, media_type, size_bytes, sha256,"
        "                              storage_name, uploaded_by)"
        " VALUES ($1::int, $2, $3, $4, $5::int, decode($6, 'hex'), $7, $8::bigint)");

bool agency_docs_insert(struct req *rq, const char *agency_id, const char *kind,
                        const struct agency_doc *docs)
{
        char user[24];
        snprintf(user, sizeof user, "%lld", rq->sess->user_id);
        for (const struct agency_doc *d = docs; d; d = d->next) {
                unsigned char sum[32];
                char hex[65], size[24];
                crypto_sha256(d->up->data, d->up->len, sum);
                crypto_hex(sum, sizeof sum, hex);
                snprintf(size, sizeof size, "%zu", d->up->len);
                if (!db_exec(cm_db, &agency_doc_insert,
                             DB_PARAMS(agency_id, kind, d->filename, d->media_type, size, hex,
                                       d->stored, user)))
                        return false;
        }
        return true;
}

/* ---------- the member's agency ---------- */

DB_STMT(agency_user_agency,
        "SELECT coalesce(agency_id::text, '') FROM users WHERE id = $1::bigint");

const char *agency_of_user(struct req *rq)
{
        char user[24];
        snprintf(user, sizeof user, "%lld", rq->sess->user_id);
        PGresult *r = db_exec(cm_db, &agency_user_agency, DB_PARAMS(user));
        if (!r)
                return NULL;
        return PQntuples(r) ? arena_strdup(rq->arena, db_val(r, 0, 0)) : "";
}

const char *agency_of_member(struct req *rq, struct resp *rs)
{
        const char *agency = agency_of_user(rq);
        if (!agency)
                app_db_error(rq, rs);
        else if (!*agency)
                resp_redirect(rs, 303, "/agency/register");
        else
                return agency;
        return NULL;
}

/* ---------- POST /agency/documents ---------- */

void page_agency_documents_add(struct req *rq, struct resp *rs)
{
        const char *agency = agency_of_member(rq, rs);
        if (!agency)
                return;
        const char *kind = req_param(rq, "kind"); /* declared: license, qualification, other */

        struct agency_doc *docs;
        const char *bad_file;
        const char *err = agency_docs_check(rq, &docs, &bad_file);
        if (err) {
                agency_home_show(rq, rs, 400, err, bad_file);
                return;
        }
        if (!agency_docs_store(docs)) {
                agency_home_show(rq, rs, 503, "err_doc_storage", NULL);
                return;
        }
        json_t *files = json_array();
        for (const struct agency_doc *d = docs; d; d = d->next)
                json_array_append_new(files, json_string(d->filename));
        json_t *detail = json_pack("{s:s, s:o}", "kind", kind, "files", files);
        bool ok = db_begin(cm_db) && agency_docs_insert(rq, agency, kind, docs);
        if (ok)
                ok = audit_write_json(cm_db, rq, "agency.document_add", "agency", atoll(agency),
                                      detail, NULL) &&
                     db_commit(cm_db);
        else
                json_decref(detail);
        if (!ok) {
                db_rollback(cm_db);
                agency_docs_discard(docs);
                app_db_error(rq, rs);
                return;
        }
        resp_redirect(rs, 303, "/agency?done=uploaded#documents");
}

/* ---------- GET /agency/documents/{id} ---------- */

/* $1 document, $2 the user: the row when the user may see it (a member of its agency, or a
 * reviewer or admin: role bits 8 and 64 of router.h), else nothing, whether or not the document
 * exists. */
DB_STMT(agency_doc_get, "SELECT d.filename, d.media_type, d.storage_name, d.size_bytes"
                        "  FROM agency_documents d, users u"
                        " WHERE d.id = $1::bigint AND u.id = $2::bigint AND u.disabled_at IS NULL"
                        "   AND (u.agency_id = d.agency_id OR u.roles & (8 | 64) <> 0)");

void page_agency_document(struct req *rq, struct resp *rs)
{
        char user[24];
        snprintf(user, sizeof user, "%lld", rq->sess->user_id);
        PGresult *r = db_exec(cm_db, &agency_doc_get, DB_PARAMS(req_param(rq, "id"), user));
        if (!r) {
                app_db_error(rq, rs);
                return;
        }
        if (PQntuples(r) == 0) {
                app_error(rq, rs, 404, NULL, NULL);
                return;
        }
        const char *type = db_val(r, 0, 1);
        buf_clear(&rs->body);
        if (!doc_read(cm_config.uploads, db_val(r, 0, 2), &rs->body)) {
                buf_clear(&rs->body);
                app_error(rq, rs, 503, "unavailable", NULL);
                return;
        }
        rs->status = 200;
        rs->template = NULL;
        rs->content_type = type;
        const char *id = req_param(rq, "id");
        resp_header(rs, "Content-Disposition",
                    arena_printf(rq->arena,
                                 "attachment; filename=\"document-%s.%s\"; filename*=UTF-8''%s", id,
                                 doc_extension(type), fmt_urlenc(rq->arena, db_val(r, 0, 0))));
        resp_header(rs, "Cache-Control", "private, no-store");
        resp_header(rs, "Content-Security-Policy", "default-src 'none'; sandbox");
}
