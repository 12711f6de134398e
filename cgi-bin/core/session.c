/* session: see session.h. */
#include "session.h"

#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "arena.h"
#include "config.h"
#include "crypto.h"
#include "db.h"
#include "request.h"
#include "response.h"
#include "router.h"

DB_STMT(sess_find, "SELECT s.id, coalesce(s.user_id, 0), coalesce(u.display_name, ''),"
                   "       s.last_seen_at < now() - interval '1 minute', coalesce(u.roles, 0),"
                   "       CASE WHEN s.pending_until > now() THEN s.pending_user_id ELSE 0 END,"
                   "       coalesce(s.auth_method, '')"
                   "  FROM sessions s LEFT JOIN users u ON u.id = s.user_id"
                   " WHERE s.token_hash = $1::bytea AND s.expires_at > now()"
                   "   AND s.last_seen_at + s.idle_timeout > now()"
                   "   AND u.disabled_at IS NULL");
DB_STMT(sess_touch, "UPDATE sessions SET last_seen_at = now() WHERE id = $1");
/* Staff sessions idle out after 30 minutes and last 8 hours; everyone else's 2 and 12. */
DB_STMT(sess_insert,
        "INSERT INTO sessions (token_hash, user_id, user_agent, ip, auth_method, idle_timeout,"
        "                      expires_at, pending_user_id, pending_until)"
        " SELECT $1::bytea, nullif($2, '0')::bigint, $3, nullif($4, '')::inet, $5,"
        "        CASE WHEN staff THEN interval '30 minutes' ELSE interval '2 hours' END,"
        "        now() + CASE WHEN staff THEN interval '8 hours' ELSE interval '12 hours' END,"
        "        nullif($6, '0')::bigint,"
        "        CASE WHEN $6 <> '0' THEN now() + interval '5 minutes' END"
        "   FROM (SELECT coalesce((SELECT roles & 120 <> 0 FROM users WHERE id = $2::bigint),"
        "                         false) AS staff) r"
        " RETURNING id");
DB_STMT(sess_delete, "DELETE FROM sessions WHERE id = $1");
DB_STMT(sess_delete_user, "DELETE FROM sessions WHERE user_id = $1");

#define TOKEN_BYTES     32
#define SESSION_MAX_AGE (12 * 3600)

static const char *bytea_hex(struct arena *a, const unsigned char hash[32])
{
        char *s = arena_alloc(a, 2 + 64 + 1);
        s[0] = '\\', s[1] = 'x';
        crypto_hex(hash, 32, s + 2);
        return s;
}

bool sess_load(struct req *rq)
{
        const char *cookie = kv_get(rq->cookies, SESSION_COOKIE);
        unsigned char token[TOKEN_BYTES + 4];
        if (!cookie || strlen(cookie) != 43 ||
            crypto_unb64url(cookie, token, sizeof token) != TOKEN_BYTES)
                return true;
        struct session *s = arena_alloc(rq->arena, sizeof(*s));
        crypto_sha256(token, TOKEN_BYTES, s->token_hash);
        PGresult *r = db_exec(cm_db, &sess_find, DB_PARAMS(bytea_hex(rq->arena, s->token_hash)));
        if (!r)
                return false;
        if (PQntuples(r) != 1)
                return true;
        s->id = atoll(db_val(r, 0, 0));
        s->user_id = atoll(db_val(r, 0, 1));
        s->display_name = arena_strdup(rq->arena, db_val(r, 0, 2));
        s->roles = s->user_id ? ROLE_USER | (unsigned)atoi(db_val(r, 0, 4)) : 0;
        s->pending_user_id = atoll(db_val(r, 0, 5));
        s->auth_method = arena_strdup(rq->arena, db_val(r, 0, 6));
        if (strcmp(db_val(r, 0, 3), "t") == 0)
                db_exec(cm_db, &sess_touch, DB_PARAMS(arena_printf(rq->arena, "%lld", s->id)));
        rq->sess = s;
        return true;
}

static void set_cookie(struct req *rq, struct resp *rs, const char *value, long max_age)
{
        struct cookie_opts o = {
            .max_age = max_age, .http_only = true, .secure = cm_config.https || rq->https};
        resp_cookie(rs, SESSION_COOKIE, value, &o);
}

static bool start(struct req *rq, struct resp *rs, long long user_id, const char *auth_method,
                  long long pending_user_id)
{
        if (rq->sess)
                sess_end(rq, rs); /* rotation: the old token dies with the login */
        unsigned char token[TOKEN_BYTES];
        crypto_random(token, sizeof token);
        struct session *s = arena_alloc(rq->arena, sizeof(*s));
        crypto_sha256(token, sizeof token, s->token_hash);
        PGresult *r = db_exec(cm_db, &sess_insert,
                              DB_PARAMS(bytea_hex(rq->arena, s->token_hash),
                                        arena_printf(rq->arena, "%lld", user_id), rq->user_agent,
                                        rq->remote_addr, auth_method,
                                        arena_printf(rq->arena, "%lld", pending_user_id)));
        if (!r)
                return false;
        s->id = atoll(db_val(r, 0, 0));
        s->user_id = user_id;
        s->roles = user_id ? ROLE_USER : 0; /* the next request loads the stored roles */
        s->display_name = "";
        s->pending_user_id = pending_user_id;
        s->auth_method = auth_method ? auth_method : "";
        char cookie[64];
        crypto_b64url(token, sizeof token, cookie);
        set_cookie(rq, rs, cookie, SESSION_MAX_AGE);
        rq->sess = s;
        rs->no_store = true;
        return true;
}

bool sess_start(struct req *rq, struct resp *rs, long long user_id, const char *auth_method)
{
        return start(rq, rs, user_id, user_id ? auth_method : NULL, 0);
}

bool sess_start_pending(struct req *rq, struct resp *rs, long long user_id)
{
        return start(rq, rs, 0, NULL, user_id);
}

bool sess_ensure(struct req *rq, struct resp *rs)
{
        return rq->sess || sess_start(rq, rs, 0, NULL);
}

bool sess_end(struct req *rq, struct resp *rs)
{
        bool ok = true;
        if (rq->sess)
                ok = db_exec(cm_db, &sess_delete,
                             DB_PARAMS(arena_printf(rq->arena, "%lld", rq->sess->id))) != NULL;
        rq->sess = NULL;
        set_cookie(rq, rs, "", -1);
        return ok;
}

bool sess_end_all(struct req *rq, struct resp *rs)
{
        bool ok = true;
        if (rq->sess && rq->sess->user_id)
                ok = db_exec(cm_db, &sess_delete_user,
                             DB_PARAMS(arena_printf(rq->arena, "%lld", rq->sess->user_id))) != NULL;
        return sess_end(rq, rs) && ok;
}
