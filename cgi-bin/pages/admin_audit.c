/* admin_audit: GET /admin/audit, the latest rows of the append-only audit trail, newest first,
 * filtered by action (exact, e.g. agency.approve), object type and object id. Reads only; the
 * trail itself can never be changed from here or anywhere (the table refuses it). */
#include <stdio.h>

#include "admin.h"

#define AUDIT_PAGE_ROWS 100
#define SQL_NUM_(x)     #x
#define SQL_NUM(x)      SQL_NUM_(x)

/* $1 action, $2 object type, $3 object id: each NULL for any */
DB_STMT(admin_audit_rows,
        "SELECT l.id AS \"Id\", to_char(l.at, 'YYYY-MM-DD HH24:MI:SS') AS \"At\","
        "       coalesce(u.display_name, '') AS \"Actor\", coalesce(l.actor_id::text, '') AS "
        "\"ActorId\","
        "       l.action AS \"Action\", l.object_type AS \"ObjectType\","
        "       coalesce(l.object_id::text, '') AS \"ObjectId\", l.detail::text AS \"Detail\","
        "       coalesce(host(l.ip), '') AS \"Ip\", coalesce(l.request_id, '') AS \"RequestId\""
        "  FROM audit_log l LEFT JOIN users u ON u.id = l.actor_id"
        " WHERE ($1::text IS NULL OR l.action = $1)"
        "   AND ($2::text IS NULL OR l.object_type = $2)"
        "   AND ($3::bigint IS NULL OR l.object_id = $3::bigint)"
        " ORDER BY l.id DESC LIMIT " SQL_NUM(AUDIT_PAGE_ROWS));

void page_admin_audit(struct req *rq, struct resp *rs)
{
        HDF *h = rs->hdf;
        const char *action = req_param(rq, "action"), *type = req_param(rq, "object_type"),
                   *object = req_param(rq, "object_id");
        PGresult *r = db_exec(cm_db, &admin_audit_rows, DB_PARAMS(action, type, object));
        if (!r) {
                app_db_error(rq, rs);
                return;
        }
        hset_rows(h, "P.Rows", r);
        hset_int(h, PQntuples(r), "P.Count");
        hset_int(h, AUDIT_PAGE_ROWS, "P.Limit");
        hset(h, action ? action : "", "P.Filter.action");
        hset(h, type ? type : "", "P.Filter.object_type");
        hset(h, object ? object : "", "P.Filter.object_id");
        rs->no_store = true;
        rs->title = view_str(rq->lang, "admin.audit_title");
        rs->template = "pages/admin/audit.cs";
}
