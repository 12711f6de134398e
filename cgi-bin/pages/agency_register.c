/* agency_register: an agency's details as its members give them. GET,POST /agency/register: a
 * signed-in user without an agency registers one (name, unified social credit code, district,
 * address, contact, introduction), sets the console password members sign in with, and uploads
 * at least one qualification document, all in one form; the agency starts as pending, and the
 * agency row, the user's agency_id and password, the document rows and the audit row are written
 * in one transaction. GET,POST /agency/edit: a pending or rejected agency corrects its details and
 * is (again) pending. Bad input gets the form back, filled in, with the errors in words. Never
 * keeps a password in the clear, never echoes one back into a form. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "agency_console.h"
#include "core/audit.h"
#include "core/http.h"
#include "core/ident.h"
#include "core/secrets.h"
#include "core/session.h"
#include "form.h"

#define PASSWORD_MIN_CHARS 10

/* What the form holds; text values are the router's trimmed, length-checked params. */
struct agency_form {
        const char *name, *credit_code, *district, *address, *contact_name, *contact_phone, *intro;
};

/* $1 lang: the districts an agency may be in. */
DB_STMT(agency_districts, "SELECT id, CASE WHEN $1::text = 'en' THEN name_en ELSE name END"
                          "  FROM regions WHERE level = 'district' ORDER BY code");

/* $1 credit code, $2 name, $3 the agency itself (editing) or NULL: which of them another agency
 * already has. */
DB_STMT(agency_taken, "SELECT bool_or(credit_code = $1), bool_or(name = $2) FROM agencies"
                      " WHERE (credit_code = $1 OR name = $2) AND id <> coalesce($3::int, 0)");

/* The district select, with the chosen one marked; false on a database error. *found tells
 * whether district names one of them. */
static bool set_districts(struct req *rq, HDF *h, const char *district, bool *found)
{
        PGresult *r = db_exec(cm_db, &agency_districts, DB_PARAMS(lang_codes[rq->lang]));
        if (!r)
                return false;
        *found = false;
        for (int i = 0; i < PQntuples(r); i++) {
                bool sel = district && strcmp(district, db_val(r, i, 0)) == 0;
                *found |= sel;
                hset(h, db_val(r, i, 0), "P.Districts.%d.Id", i);
                hset(h, db_val(r, i, 1), "P.Districts.%d.Name", i);
                hset_int(h, sel, "P.Districts.%d.Selected", i);
        }
        return true;
}

static void set_form(HDF *h, const struct agency_form *f)
{
        hset(h, f->name ? f->name : "", "P.Form.agency_name");
        hset(h, f->credit_code ? f->credit_code : "", "P.Form.credit_code");
        hset(h, f->address ? f->address : "", "P.Form.address");
        hset(h, f->contact_name ? f->contact_name : "", "P.Form.contact_name");
        hset(h, f->contact_phone ? f->contact_phone : "", "P.Form.contact_phone");
        hset(h, f->intro ? f->intro : "", "P.Form.intro");
}

static void read_form(struct req *rq, struct agency_form *f)
{
        f->name = req_param(rq, "agency_name");
        f->credit_code = req_param(rq, "credit_code");
        f->district = req_param(rq, "district");
        f->address = req_param(rq, "address");
        f->contact_name = req_param(rq, "contact_name");
        f->contact_phone = req_param(rq, "contact_phone");
        f->intro = req_param(rq, "intro");
}

/* Checks the details; normalizes the credit code and phone in place. self is the agency being
 * edited (NULL when registering). false only on a database error. */
static bool check_details(struct req *rq, struct form_errors *fc, struct agency_form *f,
                          const char *self)
{
        struct arena *a = rq->arena;
        size_t n = form_chars(f->name);
        if (n < 2 || n > 100)
                form_error(fc, "agency_name", "err_name");
        char code[19];
        bool code_ok = f->credit_code && ident_credit_code_normalize(f->credit_code, code);
        if (code_ok)
                f->credit_code = arena_strdup(a, code);
        else
                form_error(fc, "credit_code",
                           f->credit_code ? "err_credit_code" : "err_credit_code_missing");
        bool district_ok;
        if (!set_districts(rq, fc->h, f->district, &district_ok))
                return false;
        if (!district_ok)
                form_error(fc, "district", "err_district");
        n = form_chars(f->address);
        if (n < 5 || n > 200)
                form_error(fc, "address", "err_address");
        n = form_chars(f->contact_name);
        if (n < 2 || n > 50)
                form_error(fc, "contact_name", "err_contact_name");
        char phone[12];
        if (f->contact_phone && ident_mobile_normalize(f->contact_phone, phone))
                f->contact_phone = arena_strdup(a, phone);
        else
                form_error(fc, "contact_phone", "err_contact_phone");
        n = form_chars(f->intro);
        if (n < 10 || n > 1000)
                form_error(fc, "intro", "err_intro");

        if (code_ok || f->name) {
                PGresult *r = db_exec(cm_db, &agency_taken,
                                      DB_PARAMS(code_ok ? f->credit_code : NULL, f->name, self));
                if (!r)
                        return false;
                if (code_ok && strcmp(db_val(r, 0, 0), "t") == 0)
                        form_error(fc, "credit_code", "err_credit_code_taken");
                if (f->name && strcmp(db_val(r, 0, 1), "t") == 0)
                        form_error(fc, "agency_name", "err_name_taken");
        }
        return true;
}

static void show_form(struct req *rq, struct resp *rs, int status, const char *mode)
{
        HDF *h = rs->hdf;
        char k[64];
        snprintf(k, sizeof k, "agency_console.%s_title", mode);
        rs->title = view_str(rq->lang, k);
        hset(h, mode, "P.Mode");
        hset(h, AGENCY_DOC_FIELD, "P.DocField");
        hset_int(h, PASSWORD_MIN_CHARS, "P.PasswordMin");
        rs->status = status;
        rs->no_store = true;
        rs->template = "pages/agency/register.cs";
}

/* ---------- GET,POST /agency/register ---------- */

DB_STMT(agency_user_phone, "SELECT coalesce(phone, '') FROM users WHERE id = $1::bigint");

/* $1 name, $2 credit code, $3 district, $4 address, $5 contact name, $6 phone, $7 intro */
DB_STMT(agency_insert,
        "INSERT INTO agencies (name, credit_code, region_id, address, contact_name, contact_phone,"
        "                      intro, status)"
        " VALUES ($1, $2, $3::int, $4, $5, $6, $7, 'pending') RETURNING id");

/* $1 user, $2 agency, $3 password hash: only a user who has no agency yet. */
DB_STMT(agency_user_join,
        "UPDATE users SET agency_id = $2::int, password_hash = $3, password_set_at = now()"
        " WHERE id = $1::bigint AND agency_id IS NULL");

/* Which unique constraint a failed insert hit, as the form field it belongs to. */
static const char *taken_field(const char *constraint)
{
        if (constraint && strstr(constraint, "credit_code"))
                return "credit_code";
        return "agency_name";
}

void page_agency_register(struct req *rq, struct resp *rs)
{
        HDF *h = rs->hdf;
        const char *agency = agency_of_user(rq);
        if (!agency) {
                app_db_error(rq, rs);
                return;
        }
        if (*agency) {
                resp_redirect(rs, 303, "/agency");
                return;
        }
        char user[24];
        snprintf(user, sizeof user, "%lld", rq->sess->user_id);
        struct agency_form f;
        read_form(rq, &f);

        if (rq->method != HTTP_POST) {
                PGresult *r = db_exec(cm_db, &agency_user_phone, DB_PARAMS(user));
                bool found;
                if (!r || !set_districts(rq, h, NULL, &found)) {
                        app_db_error(rq, rs);
                        return;
                }
                f.contact_phone = PQntuples(r) ? db_val(r, 0, 0) : "";
                set_form(h, &f);
                show_form(rq, rs, 200, "register");
                return;
        }

        struct form_errors fc = {.h = h, .lang = rq->lang, .family = "agency_console"};
        if (!check_details(rq, &fc, &f, NULL)) {
                app_db_error(rq, rs);
                return;
        }
        const char *pw = kv_get(rq->form, "password"), *pw2 = kv_get(rq->form, "password2");
        if (!pw || form_chars(pw) < PASSWORD_MIN_CHARS || strlen(pw) > SECRETS_PASSWORD_MAX)
                form_error(&fc, "password", "err_password");
        else if (!pw2 || strcmp(pw, pw2) != 0)
                form_error(&fc, "password2", "err_password2");
        struct agency_doc *docs = NULL;
        const char *bad_file = NULL;
        const char *doc_err = agency_docs_check(rq, &docs, &bad_file);
        if (doc_err) {
                form_error(&fc, AGENCY_DOC_FIELD, doc_err);
                if (bad_file)
                        hset(h, bad_file, "P.ErrorFile");
        }
        set_form(h, &f);
        if (fc.count) {
                show_form(rq, rs, 400, "register");
                return;
        }

        char hash[SECRETS_PASSWORD_HASH_SIZE];
        if (secrets_password_hash(pw, hash, sizeof hash) != 0) {
                app_error(rq, rs, 500, NULL, NULL);
                return;
        }
        if (!agency_docs_store(docs)) {
                form_error(&fc, AGENCY_DOC_FIELD, "err_doc_storage");
                show_form(rq, rs, 503, "register");
                return;
        }
        PGresult *ins = NULL;
        bool ok = db_begin(cm_db) &&
                  (ins = db_exec(cm_db, &agency_insert,
                                 DB_PARAMS(f.name, f.credit_code, f.district, f.address,
                                           f.contact_name, f.contact_phone, f.intro)));
        const char *id = ins ? arena_strdup(rq->arena, db_val(ins, 0, 0)) : NULL;
        PGresult *joined = ok ? db_exec(cm_db, &agency_user_join, DB_PARAMS(user, id, hash)) : NULL;
        bool joined_meanwhile = joined && atoi(PQcmdTuples(joined)) != 1;
        ok = joined && !joined_meanwhile;
        char *detail = NULL;
        if (ok) {
                json_t *j = json_pack("{s:s, s:s, s:i}", "name", f.name, "credit_code",
                                      f.credit_code, "documents", agency_docs_count(docs));
                detail = j ? json_dumps(j, JSON_COMPACT) : NULL;
                json_decref(j);
        }
        ok = ok && detail && agency_docs_insert(rq, id, "license", docs) &&
             audit_write(cm_db, rq, "agency.register", "agency", atoll(id), detail, NULL) &&
             db_commit(cm_db);
        free(detail);
        explicit_bzero(hash, sizeof hash);
        if (ok) {
                resp_redirect(rs, 303, "/agency?done=registered");
                return;
        }
        enum db_error e = db_last_error(cm_db);
        const char *constraint = db_last_constraint(cm_db);
        db_rollback(cm_db);
        agency_docs_discard(docs);
        if (e == DB_ERR_UNIQUE) { /* another registration got there first */
                const char *field = taken_field(constraint);
                form_error(&fc, field,
                           strcmp(field, "credit_code") == 0 ? "err_credit_code_taken"
                                                             : "err_name_taken");
                show_form(rq, rs, 400, "register");
                return;
        }
        if (joined_meanwhile) { /* another request of this user registered first */
                resp_redirect(rs, 303, "/agency");
                return;
        }
        app_db_error(rq, rs);
}

/* ---------- GET,POST /agency/edit ---------- */

/* $1 agency */
DB_STMT(agency_edit_get,
        "SELECT name, credit_code, region_id::text, address, coalesce(contact_name, ''),"
        "       coalesce(contact_phone, ''), intro, status"
        "  FROM agencies WHERE id = $1::int");

/* $1 agency, then the details as for agency_insert: back to pending, from pending or rejected
 * only; returns the status it had. */
DB_STMT(agency_resubmit,
        "UPDATE agencies a SET name = $2, credit_code = $3, region_id = $4::int, address = $5,"
        "       contact_name = $6, contact_phone = $7, intro = $8, status = 'pending'"
        "  FROM (SELECT id, status FROM agencies WHERE id = $1::int FOR UPDATE) old"
        " WHERE a.id = old.id AND old.status IN ('pending', 'rejected')"
        " RETURNING old.status");

static bool editable(const char *status)
{
        return strcmp(status, "pending") == 0 || strcmp(status, "rejected") == 0;
}

void page_agency_edit(struct req *rq, struct resp *rs)
{
        HDF *h = rs->hdf;
        const char *agency = agency_of_member(rq, rs);
        if (!agency)
                return;
        PGresult *cur = db_exec(cm_db, &agency_edit_get, DB_PARAMS(agency));
        if (!cur || PQntuples(cur) == 0) {
                app_db_error(rq, rs);
                return;
        }
        if (!editable(db_val(cur, 0, 7))) {
                resp_redirect(rs, 303, "/agency");
                return;
        }
        hset(h, db_val(cur, 0, 7), "P.Status");
        struct agency_form f;
        if (rq->method != HTTP_POST) {
                f = (struct agency_form){db_val(cur, 0, 0), db_val(cur, 0, 1), db_val(cur, 0, 2),
                                         db_val(cur, 0, 3), db_val(cur, 0, 4), db_val(cur, 0, 5),
                                         db_val(cur, 0, 6)};
                bool found;
                if (!set_districts(rq, h, f.district, &found)) {
                        app_db_error(rq, rs);
                        return;
                }
                set_form(h, &f);
                show_form(rq, rs, 200, "edit");
                return;
        }

        read_form(rq, &f);
        struct form_errors fc = {.h = h, .lang = rq->lang, .family = "agency_console"};
        if (!check_details(rq, &fc, &f, agency)) {
                app_db_error(rq, rs);
                return;
        }
        set_form(h, &f);
        if (fc.count) {
                show_form(rq, rs, 400, "edit");
                return;
        }
        PGresult *up = NULL;
        bool ok = db_begin(cm_db) &&
                  (up = db_exec(cm_db, &agency_resubmit,
                                DB_PARAMS(agency, f.name, f.credit_code, f.district, f.address,
                                          f.contact_name, f.contact_phone, f.intro))) &&
                  PQntuples(up) == 1;
        if (ok) {
                const char *from = db_val(up, 0, 0);
                json_t *j = json_pack("{s:s, s:s, s:s}", "from", from, "name", f.name,
                                      "credit_code", f.credit_code);
                ok = audit_write_json(cm_db, rq,
                                      strcmp(from, "rejected") == 0 ? "agency.resubmit"
                                                                    : "agency.update",
                                      "agency", atoll(agency), j, NULL) &&
                     db_commit(cm_db);
        }
        if (ok) {
                resp_redirect(rs, 303, "/agency?done=resubmitted");
                return;
        }
        enum db_error e = db_last_error(cm_db);
        const char *constraint = db_last_constraint(cm_db);
        db_rollback(cm_db);
        if (up && PQntuples(up) == 0) { /* decided meanwhile */
                resp_redirect(rs, 303, "/agency");
                return;
        }
        if (e == DB_ERR_UNIQUE) {
                const char *field = taken_field(constraint);
                form_error(&fc, field,
                           strcmp(field, "credit_code") == 0 ? "err_credit_code_taken"
                                                             : "err_name_taken");
                show_form(rq, rs, 400, "edit");
                return;
        }
        app_db_error(rq, rs);
}
