/* sim_store: see sim_store.h. */
#include "sim/sim_store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"

DB_STMT(sim_quiet, "SELECT set_config('client_min_messages', 'warning', false)");
DB_STMT(sim_create_schema, "CREATE SCHEMA IF NOT EXISTS sim");
DB_STMT(sim_create_messages, "CREATE TABLE IF NOT EXISTS sim.messages ("
                             " id bigserial PRIMARY KEY,"
                             " provider text NOT NULL CHECK (provider IN ('aliyun', 'tencent')),"
                             " phone text NOT NULL CHECK (phone ~ '^1[3-9][0-9]{9}$'),"
                             " sign_name text NOT NULL,"
                             " template_code text NOT NULL,"
                             " params jsonb NOT NULL,"
                             " text text NOT NULL,"
                             " context text NOT NULL DEFAULT '',"
                             " provider_id text NOT NULL,"
                             " received_at timestamptz NOT NULL DEFAULT clock_timestamp())");
DB_STMT(sim_create_messages_phone,
        "CREATE INDEX IF NOT EXISTS messages_phone ON sim.messages (phone, received_at)");
DB_STMT(sim_create_refusals, "CREATE TABLE IF NOT EXISTS sim.refusals ("
                             " id bigserial PRIMARY KEY,"
                             " provider text NOT NULL,"
                             " action text NOT NULL,"
                             " code text NOT NULL,"
                             " phone text,"
                             " received_at timestamptz NOT NULL DEFAULT clock_timestamp())");
DB_STMT(sim_create_nonces, "CREATE TABLE IF NOT EXISTS sim.nonces ("
                           " provider text NOT NULL,"
                           " nonce text NOT NULL,"
                           " used_at timestamptz NOT NULL DEFAULT clock_timestamp(),"
                           " PRIMARY KEY (provider, nonce))");
DB_STMT(sim_create_modes,
        "CREATE TABLE IF NOT EXISTS sim.modes ("
        " phone text PRIMARY KEY CHECK (phone = '*' OR phone ~ '^1[3-9][0-9]{9}$'),"
        " mode text NOT NULL"
        "  CHECK (mode IN ('ok', 'fail', 'ratelimit', 'illegal', 'timeout', 'slow')),"
        " remaining integer CHECK (remaining >= 0)," /* NULL: until reset */
        " hold_ms integer NOT NULL DEFAULT 0 CHECK (hold_ms BETWEEN 0 AND 120000))");
/* a nonce is only worth keeping while its timestamp would still be accepted (15 minutes) */
DB_STMT(sim_forget_nonces, "DELETE FROM sim.nonces WHERE used_at < now() - interval '1 day'");

bool sim_store_create(struct db *db)
{
        struct db_stmt *steps[] = {
            &sim_quiet,           &sim_create_schema,
            &sim_create_messages, &sim_create_messages_phone,
            &sim_create_refusals, &sim_create_nonces,
            &sim_create_modes,    &sim_forget_nonces,
        };

        for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++)
                if (!db_exec(db, steps[i], 0, NULL))
                        return false;
        return true;
}

DB_STMT(
    sim_insert_message,
    "INSERT INTO sim.messages (provider, phone, sign_name, template_code, params, text, context,"
    " provider_id) VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8)");

bool sim_store_message(struct db *db, const struct sim_message *m)
{
        return db_exec(db, &sim_insert_message,
                       DB_PARAMS(m->provider, m->phone, m->sign_name, m->template_code,
                                 m->params_json, m->text, m->context ? m->context : "",
                                 m->provider_id)) != NULL;
}

DB_STMT(sim_insert_refusal,
        "INSERT INTO sim.refusals (provider, action, code, phone) VALUES ($1, $2, $3, $4)");

bool sim_store_refusal(struct db *db, const char *provider, const char *action, const char *code,
                       const char *phone)
{
        return db_exec(db, &sim_insert_refusal,
                       DB_PARAMS(provider, action ? action : "", code, phone)) != NULL;
}

DB_STMT(sim_insert_nonce, "INSERT INTO sim.nonces (provider, nonce) VALUES ($1, $2)"
                          " ON CONFLICT DO NOTHING RETURNING 1");

enum sim_nonce sim_store_use_nonce(struct db *db, const char *provider, const char *nonce)
{
        PGresult *r = db_exec(db, &sim_insert_nonce, DB_PARAMS(provider, nonce));

        if (!r)
                return SIM_NONCE_ERROR;
        return PQntuples(r) == 1 ? SIM_NONCE_FRESH : SIM_NONCE_USED;
}

/* the phone's own mode wins over the one for every phone; a spent count leaves the row inert */
DB_STMT(sim_take_mode,
        "WITH pick AS (SELECT phone FROM sim.modes"
        "               WHERE phone IN ($1, '*') AND (remaining IS NULL OR remaining > 0)"
        "               ORDER BY phone = '*' LIMIT 1 FOR UPDATE)"
        " UPDATE sim.modes m SET remaining = m.remaining - 1 FROM pick"
        "  WHERE m.phone = pick.phone RETURNING m.mode, m.hold_ms");

bool sim_store_take_mode(struct db *db, const char *phone, struct sim_mode *out)
{
        PGresult *r = db_exec(db, &sim_take_mode, DB_PARAMS(phone));

        snprintf(out->mode, sizeof out->mode, "ok");
        out->hold_ms = 0;
        if (!r)
                return false;
        if (PQntuples(r) == 1) {
                snprintf(out->mode, sizeof out->mode, "%s", db_val(r, 0, 0));
                out->hold_ms = atoi(db_val(r, 0, 1));
        }
        return true;
}

DB_STMT(sim_set_mode, "INSERT INTO sim.modes (phone, mode, remaining, hold_ms)"
                      " VALUES ($1, $2, NULLIF($3::integer, 0), $4::integer)"
                      " ON CONFLICT (phone) DO UPDATE SET mode = EXCLUDED.mode,"
                      "  remaining = EXCLUDED.remaining, hold_ms = EXCLUDED.hold_ms");

bool sim_store_set_mode(struct db *db, const char *phone, const char *mode, const char *count,
                        const char *hold_ms)
{
        return db_exec(db, &sim_set_mode, DB_PARAMS(phone, mode, count, hold_ms)) != NULL;
}

DB_STMT(sim_clear_modes, "DELETE FROM sim.modes");
DB_STMT(sim_clear_messages, "DELETE FROM sim.messages");
DB_STMT(sim_clear_refusals, "DELETE FROM sim.refusals");

bool sim_store_reset(struct db *db, bool messages)
{
        if (!db_exec(db, &sim_clear_modes, 0, NULL))
                return false;
        if (messages && (!db_exec(db, &sim_clear_messages, 0, NULL) ||
                         !db_exec(db, &sim_clear_refusals, 0, NULL)))
                return false;
        return true;
}

DB_STMT(
    sim_list_messages,
    "SELECT id, provider, phone, sign_name, template_code, params::text AS params, text, context,"
    " provider_id, to_char(received_at, 'YYYY-MM-DD\"T\"HH24:MI:SS.MSOF') AS received_at"
    " FROM sim.messages WHERE ($1::text = '' OR phone = $1::text)"
    " ORDER BY id DESC LIMIT $2::integer");

PGresult *sim_store_messages(struct db *db, const char *phone, const char *limit)
{
        return db_exec(db, &sim_list_messages, DB_PARAMS(phone, limit));
}

#define ALIYUN_DAY_FILTER                                                                          \
        " FROM sim.messages WHERE provider = 'aliyun' AND phone = $1::text"                        \
        " AND received_at >= to_date($2::text, 'YYYYMMDD')::timestamp AT TIME ZONE "               \
        "'Asia/Shanghai'"                                                                          \
        " AND received_at < (to_date($2::text, 'YYYYMMDD') + 1)::timestamp"                        \
        "  AT TIME ZONE 'Asia/Shanghai'"                                                           \
        " AND ($3::text = '' OR provider_id = $3::text)"

DB_STMT(sim_aliyun_count, "SELECT count(*)" ALIYUN_DAY_FILTER);
DB_STMT(sim_aliyun_page,
        "SELECT phone, template_code, text,"
        " to_char(received_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI:SS'),"
        " to_char(received_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI:SS'), "
        "context" ALIYUN_DAY_FILTER " ORDER BY id DESC LIMIT $4::integer OFFSET $5::integer");

PGresult *sim_store_aliyun_count(struct db *db, const char *phone, const char *day,
                                 const char *biz_id)
{
        return db_exec(db, &sim_aliyun_count, DB_PARAMS(phone, day, biz_id));
}

PGresult *sim_store_aliyun_page(struct db *db, const char *phone, const char *day,
                                const char *biz_id, const char *limit, const char *offset)
{
        return db_exec(db, &sim_aliyun_page, DB_PARAMS(phone, day, biz_id, limit, offset));
}

DB_STMT(sim_tencent_status,
        "SELECT phone, provider_id, context, extract(epoch FROM received_at)::bigint"
        " FROM sim.messages WHERE provider = 'tencent' AND phone = $1::text"
        " AND received_at >= to_timestamp($2::bigint)"
        " AND received_at < to_timestamp($3::bigint + 1)"
        " ORDER BY id LIMIT $4::integer OFFSET $5::integer");

PGresult *sim_store_tencent_status(struct db *db, const char *phone, const char *begin,
                                   const char *end, const char *limit, const char *offset)
{
        return db_exec(db, &sim_tencent_status, DB_PARAMS(phone, begin, end, limit, offset));
}
