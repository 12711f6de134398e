/* admin: GET /admin/users, the administrators' desk: agencies waiting for a decision (oldest first,
 * with their documents and masked contact), a user search by phone (exact) or name with each
 * user's roles and the grant and revoke buttons (POST /admin/users/{id}/roles), and the outbox's
 * dead letters with a requeue button (POST /admin/outbox/{id}/retry). Decisions on agencies are in
 * admin_decide.c, the audit trail in admin_audit.c. Phone numbers are shown masked. Every change
 * writes its audit row in the same transaction. An admin can never take away their own admin
 * role, and staff roles need a password (the schema says so too). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "admin.h"
#include "core/audit.h"
#include "core/ident.h"
#include "core/router.h"
#include "core/session.h"

/* The staff roles an admin grants here, with their bits (router.h). */
static const struct {
        const char *name;
        unsigned bit;
} staff_roles[] = {
    {"reviewer", ROLE_REVIEWER},
    {"procure", ROLE_PROCURE},
    {"finance", ROLE_FINANCE},
    {"admin", ROLE_ADMIN},
};

const char *admin_me(struct req *rq)
{
        return arena_printf(rq->arena, "%lld", rq->sess->user_id);
}

const char *admin_back(struct req *rq, const char *q, const char *done, const char *anchor)
{
        struct arena *a = rq->arena;
        return arena_printf(a, "/admin/users?%s%s%sdone=%s#%s", q ? "q=" : "",
                            q ? fmt_urlenc(a, q) : "", q ? "&" : "", done, anchor);
}

/* ---------- GET /admin/users ---------- */

/* $1 lang */
DB_STMT(admin_pending,
        "SELECT a.id, a.name, a.credit_code, coalesce(a.contact_name, ''),"
        "       coalesce(a.contact_phone, ''), to_char(a.created_at, 'YYYY-MM-DD HH24:MI'),"
        "       CASE WHEN $1::text = 'en' THEN d.name_en ELSE d.name END, a.address"
        "  FROM agencies a"
        "  LEFT JOIN region_districts rd ON rd.region_id = a.region_id"
        "  LEFT JOIN regions d ON d.id = rd.district_id"
        " WHERE a.status = 'pending' ORDER BY a.created_at, a.id LIMIT 100");

DB_STMT(admin_pending_docs, "SELECT d.agency_id, d.id, d.filename, d.media_type"
                            "  FROM agency_documents d JOIN agencies a ON a.id = d.agency_id"
                            " WHERE a.status = 'pending' ORDER BY d.agency_id, d.id");

/* $1 phone (exact) or NULL, $2 part of a name or NULL */
DB_STMT(admin_user_search,
        "SELECT u.id, u.display_name, coalesce(u.phone, ''), u.roles,"
        "       u.password_hash IS NOT NULL, coalesce(a.id::text, ''), coalesce(a.name, ''),"
        "       coalesce(a.status, ''), u.disabled_at IS NOT NULL"
        "  FROM users u LEFT JOIN agencies a ON a.id = u.agency_id"
        " WHERE ($1::text IS NOT NULL AND u.phone = $1)"
        "    OR ($2::text IS NOT NULL AND (strpos(lower(u.display_name), lower($2)) > 0"
        "                                  OR strpos(lower(u.real_name), lower($2)) > 0))"
        " ORDER BY u.id LIMIT 50");

DB_STMT(admin_dead_letters,
        "SELECT id, kind, coalesce(payload->>'phone', ''), attempts, coalesce(last_error, ''),"
        "       to_char(done_at, 'YYYY-MM-DD HH24:MI')"
        "  FROM outbox WHERE status = 'dead' ORDER BY done_at DESC, id DESC LIMIT 50");

static const char *masked(struct arena *a, const char *phone)
{
        char m[21];
        ident_phone_mask(phone, m);
        return arena_strdup(a, m);
}

static void set_pending(struct req *rq, HDF *h, PGresult *ag, PGresult *docs,
                        const struct admin_refusal *refusal)
{
        for (int i = 0; i < PQntuples(ag); i++) {
                const char *id = db_val(ag, i, 0);
                hset(h, id, "P.Pending.%d.Id", i);
                hset(h, db_val(ag, i, 1), "P.Pending.%d.Name", i);
                hset(h, db_val(ag, i, 2), "P.Pending.%d.CreditCode", i);
                hset(h, db_val(ag, i, 3), "P.Pending.%d.ContactName", i);
                hset(h, masked(rq->arena, db_val(ag, i, 4)), "P.Pending.%d.ContactPhone", i);
                hset(h, db_val(ag, i, 5), "P.Pending.%d.CreatedAt", i);
                hset(h, db_val(ag, i, 6), "P.Pending.%d.District", i);
                hset(h, db_val(ag, i, 7), "P.Pending.%d.Address", i);
                int n = 0;
                for (int j = 0; j < PQntuples(docs); j++) {
                        if (strcmp(db_val(docs, j, 0), id) != 0)
                                continue;
                        hset(h, db_val(docs, j, 1), "P.Pending.%d.Documents.%d.Id", i, n);
                        hset(h, db_val(docs, j, 2), "P.Pending.%d.Documents.%d.Filename", i, n);
                        n++;
                }
                if (refusal && refusal->agency_id && strcmp(refusal->agency_id, id) == 0) {
                        hset(h,
                             view_str(rq->lang, arena_printf(rq->arena, "admin.%s", refusal->key)),
                             "P.Pending.%d.NoteError", i);
                        hset(h, refusal->note ? refusal->note : "", "P.Pending.%d.Note", i);
                }
        }
}

static void set_users(struct req *rq, HDF *h, PGresult *u)
{
        for (int i = 0; i < PQntuples(u); i++) {
                unsigned roles = (unsigned)atoi(db_val(u, i, 3));
                bool has_pw = strcmp(db_val(u, i, 4), "t") == 0;
                hset(h, db_val(u, i, 0), "P.Users.%d.Id", i);
                hset(h, db_val(u, i, 1), "P.Users.%d.Name", i);
                hset(h, masked(rq->arena, db_val(u, i, 2)), "P.Users.%d.Phone", i);
                hset_int(h, has_pw, "P.Users.%d.HasPassword", i);
                hset_int(h, atoll(db_val(u, i, 0)) == rq->sess->user_id, "P.Users.%d.Me", i);
                hset_int(h, strcmp(db_val(u, i, 8), "t") == 0, "P.Users.%d.Disabled", i);
                hset_int(h, (roles & ROLE_CITIZEN) != 0, "P.Users.%d.Citizen", i);
                hset_int(h, (roles & ROLE_AGENCY) != 0, "P.Users.%d.AgencyRole", i);
                hset(h, db_val(u, i, 5), "P.Users.%d.AgencyId", i);
                hset(h, db_val(u, i, 6), "P.Users.%d.AgencyName", i);
                const char *st = db_val(u, i, 7);
                hset(h, st, "P.Users.%d.AgencyStatus", i);
                if (*st)
                        hset(h,
                             view_str(rq->lang,
                                      arena_printf(rq->arena, "admin.agency_status_%s", st)),
                             "P.Users.%d.AgencyStatusLabel", i);
                for (size_t k = 0; k < sizeof staff_roles / sizeof staff_roles[0]; k++) {
                        hset(h, staff_roles[k].name, "P.Users.%d.Roles.%zu.Name", i, k);
                        hset(h,
                             view_str(rq->lang, arena_printf(rq->arena, "admin.role_%s",
                                                             staff_roles[k].name)),
                             "P.Users.%d.Roles.%zu.Label", i, k);
                        hset_int(h, (roles & staff_roles[k].bit) != 0, "P.Users.%d.Roles.%zu.Has",
                                 i, k);
                }
        }
}

static void set_dead(struct req *rq, HDF *h, PGresult *d)
{
        for (int i = 0; i < PQntuples(d); i++) {
                hset(h, db_val(d, i, 0), "P.Dead.%d.Id", i);
                hset(h, db_val(d, i, 1), "P.Dead.%d.Kind", i);
                hset(h, masked(rq->arena, db_val(d, i, 2)), "P.Dead.%d.Phone", i);
                hset(h, db_val(d, i, 3), "P.Dead.%d.Attempts", i);
                hset(h, db_val(d, i, 4), "P.Dead.%d.LastError", i);
                hset(h, db_val(d, i, 5), "P.Dead.%d.DoneAt", i);
        }
}

void admin_users_show(struct req *rq, struct resp *rs, const char *q,
                      const struct admin_refusal *refusal)
{
        HDF *h = rs->hdf;
        const char *lang = lang_codes[rq->lang];
        char phone[12];
        const char *by_phone = NULL, *by_name = NULL;
        if (q && ident_mobile_normalize(q, phone))
                by_phone = phone;
        else if (q)
                by_name = q;

        PGresult *ag = db_exec(cm_db, &admin_pending, DB_PARAMS(lang));
        PGresult *docs = ag ? db_exec(cm_db, &admin_pending_docs, 0, NULL) : NULL;
        PGresult *dead = docs ? db_exec(cm_db, &admin_dead_letters, 0, NULL) : NULL;
        PGresult *users = NULL;
        if (dead && q)
                users = db_exec(cm_db, &admin_user_search, DB_PARAMS(by_phone, by_name));
        if (!dead || (q && !users)) {
                app_db_error(rq, rs);
                return;
        }
        set_pending(rq, h, ag, docs, refusal);
        set_dead(rq, h, dead);
        if (q) {
                hset(h, q, "P.Q");
                hset_int(h, PQntuples(users), "P.UserCount");
                set_users(rq, h, users);
        }
        if (refusal)
                hset(h, view_str(rq->lang, arena_printf(rq->arena, "admin.%s", refusal->key)),
                     "P.Error");
        const char *done = req_param(rq, "done");
        if (done)
                hset(h, done, "P.Done");
        rs->status = refusal ? refusal->status : 200;
        rs->no_store = true;
        rs->title = view_str(rq->lang, "admin.users_title");
        rs->template = "pages/admin/users.cs";
}

void page_admin_users(struct req *rq, struct resp *rs)
{
        admin_users_show(rq, rs, req_param(rq, "q"), NULL);
}

/* ---------- POST /admin/users/{id}/roles ---------- */

DB_STMT(admin_user_lock,
        "SELECT roles, password_hash IS NOT NULL FROM users WHERE id = $1::bigint FOR UPDATE");
DB_STMT(admin_user_set_roles, "UPDATE users SET roles = $2::int WHERE id = $1::bigint");

void page_admin_roles(struct req *rq, struct resp *rs)
{
        const char *id = req_param(rq, "id"), *role = req_param(rq, "role"),
                   *op = req_param(rq, "op"), *q = req_param(rq, "q");
        unsigned bit = 0;
        for (size_t k = 0; k < sizeof staff_roles / sizeof staff_roles[0]; k++)
                if (strcmp(staff_roles[k].name, role) == 0)
                        bit = staff_roles[k].bit;
        bool grant = strcmp(op, "grant") == 0;
        if (!grant && bit == ROLE_ADMIN && atoll(id) == rq->sess->user_id) {
                struct admin_refusal no = {409, "err_own_admin", NULL, NULL};
                admin_users_show(rq, rs, q, &no);
                return;
        }
        if (!db_begin(cm_db)) {
                app_db_error(rq, rs);
                return;
        }
        PGresult *u = db_exec(cm_db, &admin_user_lock, DB_PARAMS(id));
        if (!u || PQntuples(u) == 0) {
                db_rollback(cm_db);
                if (u)
                        app_error(rq, rs, 404, NULL, NULL);
                else
                        app_db_error(rq, rs);
                return;
        }
        unsigned before = (unsigned)atoi(db_val(u, 0, 0));
        bool has_pw = strcmp(db_val(u, 0, 1), "t") == 0;
        if (grant && !has_pw) {
                db_rollback(cm_db);
                struct admin_refusal no = {409, "err_no_password", NULL, NULL};
                admin_users_show(rq, rs, q, &no);
                return;
        }
        unsigned after = grant ? before | bit : before & ~bit;
        if (after == before) { /* nothing to change: a repeated click */
                db_rollback(cm_db);
                resp_redirect(rs, 303, admin_back(rq, q, "roles", "users"));
                return;
        }
        char roles[16];
        snprintf(roles, sizeof roles, "%u", after);
        bool ok = db_exec(cm_db, &admin_user_set_roles, DB_PARAMS(id, roles)) &&
                  audit_write_json(cm_db, rq, grant ? "user.role_grant" : "user.role_revoke",
                                   "user", atoll(id),
                                   json_pack("{s:s, s:i, s:i}", "role", role, "before", (int)before,
                                             "after", (int)after),
                                   NULL) &&
                  db_commit(cm_db);
        if (!ok) {
                db_rollback(cm_db);
                app_db_error(rq, rs);
                return;
        }
        resp_redirect(rs, 303, admin_back(rq, q, "roles", "users"));
}

/* ---------- POST /admin/outbox/{id}/retry ---------- */

/* $1 job: a dead letter back to pending, due now, with its attempts reset; returns what it was. */
DB_STMT(admin_outbox_requeue,
        "UPDATE outbox o SET status = 'pending', run_at = now(), attempts = 0, done_at = NULL,"
        "       lease_until = NULL"
        "  FROM (SELECT id, attempts FROM outbox WHERE id = $1::bigint FOR UPDATE) old"
        " WHERE o.id = old.id AND o.status = 'dead'"
        " RETURNING o.kind, old.attempts");

void page_admin_outbox_retry(struct req *rq, struct resp *rs)
{
        const char *id = req_param(rq, "id");
        PGresult *r = NULL;
        if (!db_begin(cm_db) || !(r = db_exec(cm_db, &admin_outbox_requeue, DB_PARAMS(id)))) {
                db_rollback(cm_db);
                app_db_error(rq, rs);
                return;
        }
        if (PQntuples(r) == 0) { /* requeued already, or never dead */
                db_rollback(cm_db);
                struct admin_refusal no = {409, "err_not_dead", NULL, NULL};
                admin_users_show(rq, rs, NULL, &no);
                return;
        }
        bool ok = audit_write_json(cm_db, rq, "outbox.retry", "outbox", atoll(id),
                                   json_pack("{s:s, s:i}", "kind", db_val(r, 0, 0), "attempts",
                                             atoi(db_val(r, 0, 1))),
                                   NULL) &&
                  db_commit(cm_db);
        if (!ok) {
                db_rollback(cm_db);
                app_db_error(rq, rs);
                return;
        }
        resp_redirect(rs, 303, admin_back(rq, NULL, "requeued", "dead"));
}
