/* audit: see audit.h. */
#include "audit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "db.h"
#include "request.h"
#include "session.h"

/* $1 actor, $2 action, $3 object type, $4 object id, $5 detail, $6 ip, $7 request id. An address
 * that is not an IP (a unix-socket test client) is stored as NULL rather than refused. */
DB_STMT(audit_insert,
        "INSERT INTO audit_log (actor_id, action, object_type, object_id, detail, ip, request_id)"
        " VALUES ($1::bigint, $2, $3, $4::bigint, $5::jsonb,"
        "         CASE WHEN $6::text ~ '^[0-9a-fA-F.:]+$' THEN $6::inet END, $7)"
        " RETURNING id");

bool audit_write(struct db *db, const struct req *rq, const char *action, const char *object_type,
                 long long object_id, const char *detail_json, char id_out[24])
{
        char actor[24] = "", object[24] = "";
        if (rq->sess && rq->sess->user_id)
                snprintf(actor, sizeof actor, "%lld", rq->sess->user_id);
        if (object_id > 0)
                snprintf(object, sizeof object, "%lld", object_id);
        const char *ip = rq->remote_addr && *rq->remote_addr ? rq->remote_addr : NULL;
        const char *rid =
            rq->request_id && strcmp(rq->request_id, "-") != 0 ? rq->request_id : NULL;
        PGresult *r =
            db_exec(db, &audit_insert,
                    DB_PARAMS(*actor ? actor : NULL, action, object_type, *object ? object : NULL,
                              detail_json ? detail_json : "{}", ip, rid));
        if (!r || PQntuples(r) != 1)
                return false;
        if (id_out)
                snprintf(id_out, 24, "%s", db_val(r, 0, 0));
        return true;
}

bool audit_write_json(struct db *db, const struct req *rq, const char *action,
                      const char *object_type, long long object_id, json_t *detail, char id_out[24])
{
        char *text = detail ? json_dumps(detail, JSON_COMPACT) : NULL;
        json_decref(detail);
        bool ok = text && audit_write(db, rq, action, object_type, object_id, text, id_out);
        free(text);
        return ok;
}
