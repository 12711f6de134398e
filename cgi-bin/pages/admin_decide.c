/* admin_decide: POST /admin/agencies/{id}/decide, an admin's decision on an agency. approve (from
 * pending, rejected or suspended): the agency is approved and every member gets the agency role;
 * reject (from pending, reasons required): the agency sees the reasons and may correct and
 * resubmit; suspend (from approved): members lose the agency role and its courses leave the
 * public pages. The change, the members' roles, the audit row and (for approve and reject) the SMS
 * to the agency's contact, queued in the outbox, are one transaction. Never sends the SMS itself.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "admin.h"
#include "core/audit.h"
#include "core/ident.h"
#include "core/session.h"
#include "courier/outbox.h"

DB_STMT(admin_agency_lock,
        "SELECT status, name, coalesce(contact_phone, '') FROM agencies WHERE id = $1::int"
        " FOR UPDATE");

/* $1 agency, $2 new status, $3 admin, $4 reasons (kept for a rejection only) */
DB_STMT(admin_agency_decide,
        "UPDATE agencies SET status = $2, decided_at = now(), decided_by = $3::bigint,"
        "       decision_note = CASE WHEN $2 = 'rejected' THEN $4 END"
        " WHERE id = $1::int");

DB_STMT(admin_agency_members_grant,
        "UPDATE users SET roles = roles | 4 WHERE agency_id = $1::int RETURNING id");
DB_STMT(admin_agency_members_revoke,
        "UPDATE users SET roles = roles & ~4 WHERE agency_id = $1::int RETURNING id");

struct transition {
        const char *decision, *to, *action;
        const char *from[4];
};

static const struct transition transitions[] = {
    {"approve", "approved", "agency.approve", {"pending", "rejected", "suspended", NULL}},
    {"reject", "rejected", "agency.reject", {"pending", NULL}},
    {"suspend", "suspended", "agency.suspend", {"approved", NULL}},
};

static const struct transition *find_transition(const char *decision)
{
        for (size_t i = 0; i < sizeof transitions / sizeof transitions[0]; i++)
                if (strcmp(transitions[i].decision, decision) == 0)
                        return &transitions[i];
        return NULL;
}

static bool allowed_from(const struct transition *t, const char *status)
{
        for (const char *const *f = t->from; *f; f++)
                if (strcmp(*f, status) == 0)
                        return true;
        return false;
}

/* Tells the contact by SMS, when the contact phone is a mobile number. dedupe ties the message to
 * this decision's audit row, so a retried request cannot send it twice. */
static bool queue_sms(const char *id, const char *audit_id, const char *phone, const char *name,
                      const char *result)
{
        if (!ident_mobile_valid(phone))
                return true;
        char dedupe[96];
        snprintf(dedupe, sizeof dedupe, "agency_decision:%s:%s", id, audit_id);
        json_t *j = json_pack("{s:s, s:s}", "name", name, "result", result);
        char *params = j ? json_dumps(j, JSON_COMPACT) : NULL;
        json_decref(j);
        bool ok = params && outbox_sms(cm_db, dedupe, phone, "agency_decision", params);
        free(params);
        return ok;
}

void page_admin_decide(struct req *rq, struct resp *rs)
{
        const char *id = req_param(rq, "id"), *decision = req_param(rq, "decision"),
                   *note = req_param(rq, "note"), *q = req_param(rq, "q");
        const struct transition *t = find_transition(decision);
        if (!t) { /* the route declares the choices; this is only a guard */
                app_error(rq, rs, 400, NULL, NULL);
                return;
        }
        bool rejecting = strcmp(t->to, "rejected") == 0;
        if (rejecting && !note) {
                struct admin_refusal no = {400, "err_reasons", id, NULL};
                admin_users_show(rq, rs, q, &no);
                return;
        }
        if (!db_begin(cm_db)) {
                app_db_error(rq, rs);
                return;
        }
        PGresult *ag = db_exec(cm_db, &admin_agency_lock, DB_PARAMS(id));
        if (!ag || PQntuples(ag) == 0) {
                db_rollback(cm_db);
                if (ag)
                        app_error(rq, rs, 404, NULL, NULL);
                else
                        app_db_error(rq, rs);
                return;
        }
        const char *from = arena_strdup(rq->arena, db_val(ag, 0, 0));
        const char *name = arena_strdup(rq->arena, db_val(ag, 0, 1));
        const char *phone = arena_strdup(rq->arena, db_val(ag, 0, 2));
        if (!allowed_from(t, from)) { /* decided meanwhile, or a stale page */
                db_rollback(cm_db);
                struct admin_refusal no = {409, "err_transition", NULL, NULL};
                admin_users_show(rq, rs, q, &no);
                return;
        }
        PGresult *members = NULL;
        bool ok = db_exec(cm_db, &admin_agency_decide,
                          DB_PARAMS(id, t->to, admin_me(rq), rejecting ? note : NULL)) != NULL;
        if (ok && strcmp(t->to, "approved") == 0)
                ok = (members = db_exec(cm_db, &admin_agency_members_grant, DB_PARAMS(id))) != NULL;
        else if (ok && strcmp(t->to, "suspended") == 0)
                ok =
                    (members = db_exec(cm_db, &admin_agency_members_revoke, DB_PARAMS(id))) != NULL;
        char audit_id[24] = "";
        if (ok) {
                json_t *j = json_pack("{s:s, s:s, s:i}", "from", from, "to", t->to, "members",
                                      members ? PQntuples(members) : 0);
                if (j && rejecting)
                        json_object_set_new(j, "reasons", json_string(note));
                ok = audit_write_json(cm_db, rq, t->action, "agency", atoll(id), j, audit_id);
        }
        if (ok && strcmp(t->to, "suspended") != 0)
                ok = queue_sms(id, audit_id, phone, name, t->to);
        ok = ok && db_commit(cm_db);
        if (!ok) {
                db_rollback(cm_db);
                app_db_error(rq, rs);
                return;
        }
        resp_redirect(rs, 303, admin_back(rq, q, t->decision, "pending"));
}
