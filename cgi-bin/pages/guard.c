/* guard: see guard.h. */
#include "guard.h"

#include <stdlib.h>

#include "pages.h"

DB_STMT(guard_lock_check,
        "WITH f AS (SELECT at, row_number() OVER (ORDER BY at DESC) AS n FROM login_failures"
        "            WHERE phone = $1 AND at > now() - interval '15 minutes'),"
        "     g AS (SELECT at, row_number() OVER (ORDER BY at DESC) AS n FROM login_failures"
        "            WHERE ip = nullif($2, '')::inet AND at > now() - interval '15 minutes')"
        " SELECT to_char(u, 'HH24:MI'), ceil(extract(epoch FROM u - now()))::int"
        "   FROM (SELECT greatest((SELECT at FROM f WHERE n = $3::int),"
        "                         (SELECT at FROM g WHERE n = $4::int))"
        "                + interval '15 minutes' AS u) x"
        "  WHERE u > now()");
DB_STMT(guard_insert, "INSERT INTO login_failures (phone, ip, kind)"
                      " VALUES (nullif($1, ''), nullif($2, '')::inet, $3)");

const char *guard_locked_until(struct req *rq, const char *phone, long *retry_after_s,
                               bool *db_error)
{
        *db_error = false;
        PGresult *r = db_exec(cm_db, &guard_lock_check,
                              DB_PARAMS(phone, rq->remote_addr ? rq->remote_addr : "",
                                        arena_printf(rq->arena, "%d", GUARD_ACCOUNT_FAILURES),
                                        arena_printf(rq->arena, "%d", GUARD_ADDRESS_FAILURES)));
        if (!r) {
                *db_error = true;
                return NULL;
        }
        if (PQntuples(r) == 0)
                return NULL;
        *retry_after_s = atol(db_val(r, 0, 1));
        return arena_strdup(rq->arena, db_val(r, 0, 0));
}

bool guard_failed(struct req *rq, const char *phone, const char *kind)
{
        return db_exec(cm_db, &guard_insert,
                       DB_PARAMS(phone ? phone : "", rq->remote_addr ? rq->remote_addr : "",
                                 kind)) != NULL;
}
