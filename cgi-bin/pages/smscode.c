/* smscode: see smscode.h. */
#include "smscode.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <openssl/crypto.h>

#include "core/config.h"
#include "core/crypto.h"
#include "core/secrets.h"
#include "courier/outbox.h"
#include "pages.h"

/* Serializes sends to one phone, so two requests at once cannot both pass the limits. */
DB_STMT(smscode_lock, "SELECT pg_advisory_xact_lock(hashtextextended('sms:' || $1, 0))");
/* The latest moment any limit lifts, if one is in force now. The n-th most recent send in a
 * window decides when that window has room again. */
DB_STMT(
    smscode_limits,
    "WITH p AS (SELECT created_at, row_number() OVER (ORDER BY created_at DESC) AS n"
    "             FROM sms_codes WHERE phone = $1 AND created_at > now() - interval '1 day'),"
    "     i AS (SELECT created_at, row_number() OVER (ORDER BY created_at DESC) AS n"
    "             FROM sms_codes WHERE ip = nullif($2, '')::inet"
    "              AND created_at > now() - interval '1 day')"
    " SELECT w.reason,"
    "        CASE WHEN w.until::date = current_date THEN to_char(w.until, 'HH24:MI')"
    "             ELSE to_char(w.until, 'MM-DD HH24:MI') END,"
    "        ceil(extract(epoch FROM w.until - now()))::int"
    "   FROM (VALUES ('phone_minute', (SELECT created_at + interval '1 minute' FROM p"
    "                                    WHERE n = 1)),"
    "                ('phone_hour', (SELECT created_at + interval '1 hour' FROM p WHERE n = 5)),"
    "                ('phone_day', (SELECT created_at + interval '1 day' FROM p WHERE n = 10)),"
    "                ('ip_hour', (SELECT created_at + interval '1 hour' FROM i WHERE n = 30)),"
    "                ('ip_day', (SELECT created_at + interval '1 day' FROM i WHERE n = 100)))"
    "        AS w (reason, until)"
    "  WHERE w.until > now() ORDER BY w.until DESC LIMIT 1");
/* Did the provider refuse this number within the hour? The courier kills an SMS job before its
 * last attempt only when the provider says it can never be sent (a number it will not serve),
 * so such a row, not followed by a message that went out, means another try would fail too. */
DB_STMT(smscode_refused_number,
        "SELECT 1 FROM outbox d"
        " WHERE d.status = 'dead' AND d.kind = 'sms' AND d.attempts < d.max_attempts"
        "   AND d.done_at > now() - interval '1 hour' AND d.payload->>'phone' = $1"
        "   AND NOT EXISTS (SELECT 1 FROM outbox s WHERE s.kind = 'sms' AND s.status = 'done'"
        "                      AND s.created_at > d.created_at AND s.payload->>'phone' = $1)"
        " LIMIT 1");
DB_STMT(smscode_supersede, "UPDATE sms_codes SET burnt_at = now()"
                           " WHERE phone = $1 AND purpose = $2 AND used_at IS NULL"
                           "   AND burnt_at IS NULL AND expires_at > now()");
DB_STMT(smscode_insert, "INSERT INTO sms_codes (phone, purpose, code_hash, ip, challenge)"
                        " VALUES ($1, $2, $3::bytea, nullif($4, '')::inet, $5) RETURNING id");
DB_STMT(smscode_live, "SELECT id, code_hash, attempts FROM sms_codes"
                      " WHERE phone = $1 AND purpose = $2 AND used_at IS NULL AND burnt_at IS NULL"
                      "   AND expires_at > now()"
                      " ORDER BY created_at DESC LIMIT 1 FOR UPDATE");
DB_STMT(smscode_use, "UPDATE sms_codes SET used_at = now() WHERE id = $1");
DB_STMT(smscode_miss, "UPDATE sms_codes SET attempts = attempts + 1,"
                      "       burnt_at = CASE WHEN attempts + 1 >= $2::int THEN now() END"
                      " WHERE id = $1 RETURNING attempts");

/* HMAC of phone, purpose and code under the server secret, as bytea hex. */
static const char *code_hash_hex(struct arena *a, const char *phone, const char *purpose,
                                 const char *code)
{
        char msg[64];
        unsigned char h[32];
        snprintf(msg, sizeof msg, "%s:%s:%s", phone, purpose, code);
        secrets_lookup_hash(cm_config.secret, "sms-code", msg, h);
        OPENSSL_cleanse(msg, sizeof msg);
        char *hex = arena_alloc(a, 2 + 64 + 1);
        hex[0] = '\\', hex[1] = 'x';
        crypto_hex(h, 32, hex + 2);
        return hex;
}

/* Six uniform digits: 4 random bytes, rejecting the top sliver so every code is equally likely. */
static void new_code(char out[7])
{
        uint32_t r;
        do
                crypto_random(&r, sizeof r);
        while (r >= 4294000000u);
        snprintf(out, 7, "%06u", (unsigned)(r % 1000000u));
}

static const char *params_json(const char *code, const char *const *extra)
{
        json_t *o = json_object();
        json_object_set_new(o, "code", json_string(code));
        for (const char *const *e = extra; e && e[0] && e[1]; e += 2)
                json_object_set_new(o, e[0], json_string(e[1]));
        char *s = json_dumps(o, JSON_COMPACT);
        json_decref(o);
        return s;
}

enum smscode_issued smscode_issue(struct req *rq, const char *phone, const char *purpose,
                                  const char *template, const char *const *extra,
                                  const char *challenge, struct smscode_refusal *why)
{
        struct arena *a = rq->arena;
        const char *ip = rq->remote_addr ? rq->remote_addr : "";
        if (!db_begin(cm_db))
                return SMSCODE_DB_ERROR;
        if (!db_exec(cm_db, &smscode_lock, DB_PARAMS(phone)))
                goto fail;
        PGresult *r = db_exec(cm_db, &smscode_limits, DB_PARAMS(phone, ip));
        if (!r)
                goto fail;
        if (PQntuples(r) == 0) {
                PGresult *refused = db_exec(cm_db, &smscode_refused_number, DB_PARAMS(phone));
                if (!refused)
                        goto fail;
                if (PQntuples(refused) == 1) {
                        db_rollback(cm_db);
                        return SMSCODE_UNDELIVERABLE;
                }
        }
        if (PQntuples(r) == 1) {
                why->key = arena_strdup(a, db_val(r, 0, 0));
                why->retry_at = arena_strdup(a, db_val(r, 0, 1));
                why->retry_after_s = atol(db_val(r, 0, 2));
                db_rollback(cm_db);
                return SMSCODE_REFUSED;
        }
        char code[7];
        new_code(code);
        if (!db_exec(cm_db, &smscode_supersede, DB_PARAMS(phone, purpose)))
                goto fail;
        r = db_exec(
            cm_db, &smscode_insert,
            DB_PARAMS(phone, purpose, code_hash_hex(a, phone, purpose, code), ip, challenge));
        if (!r && db_last_error(cm_db) == DB_ERR_UNIQUE) {
                db_rollback(cm_db);
                return SMSCODE_CHALLENGE_USED;
        }
        if (!r)
                goto fail;
        const char *dedupe = arena_printf(a, "sms:%s:%s", purpose, db_val(r, 0, 0));
        char *params = (char *)params_json(code, extra);
        bool queued = outbox_sms(cm_db, dedupe, phone, template, params);
        OPENSSL_cleanse(params, strlen(params));
        free(params);
        OPENSSL_cleanse(code, sizeof code);
        if (!queued || !db_commit(cm_db))
                goto fail;
        return SMSCODE_SENT;
fail:
        db_rollback(cm_db);
        return SMSCODE_DB_ERROR;
}

enum smscode_checked smscode_check(struct req *rq, const char *phone, const char *purpose,
                                   const char *code, int *tries_left)
{
        *tries_left = 0;
        if (!db_begin(cm_db))
                return SMSCODE_CHECK_DB_ERROR;
        PGresult *r = db_exec(cm_db, &smscode_live, DB_PARAMS(phone, purpose));
        if (!r)
                goto fail;
        if (PQntuples(r) == 0) {
                db_rollback(cm_db);
                return SMSCODE_NONE;
        }
        const char *id = db_val(r, 0, 0);
        const char *stored = db_val(r, 0, 1); /* \x… */
        const char *given = code_hash_hex(rq->arena, phone, purpose, code);
        bool match = strlen(stored) == strlen(given) && crypto_equal(stored, given, strlen(given));
        enum smscode_checked result;
        if (match) {
                if (!db_exec(cm_db, &smscode_use, DB_PARAMS(id)))
                        goto fail;
                result = SMSCODE_OK;
        } else {
                r = db_exec(cm_db, &smscode_miss,
                            DB_PARAMS(id, arena_printf(rq->arena, "%d", SMSCODE_MAX_TRIES)));
                if (!r)
                        goto fail;
                *tries_left = SMSCODE_MAX_TRIES - atoi(db_val(r, 0, 0));
                result = *tries_left > 0 ? SMSCODE_WRONG : SMSCODE_BURNT;
        }
        if (!db_commit(cm_db))
                goto fail;
        return result;
fail:
        db_rollback(cm_db);
        return SMSCODE_CHECK_DB_ERROR;
}

bool smscode_well_formed(const char *s, char out[7])
{
        out[0] = '\0';
        if (!s)
                return false;
        while (*s == ' ')
                s++;
        size_t n = 0;
        while (s[n] >= '0' && s[n] <= '9')
                n++;
        const char *rest = s + n;
        while (*rest == ' ')
                rest++;
        if (n != 6 || *rest)
                return false;
        memcpy(out, s, 6);
        out[6] = '\0';
        return true;
}
