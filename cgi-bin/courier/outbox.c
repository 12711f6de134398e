/* outbox: see outbox.h. */
#include "outbox.h"

#include "db.h"

DB_STMT(outbox_insert, "INSERT INTO outbox (kind, dedupe_key, payload) VALUES ($1, $2, $3::jsonb)"
                       " ON CONFLICT (dedupe_key) DO NOTHING");
DB_STMT(outbox_insert_sms,
        "INSERT INTO outbox (kind, dedupe_key, payload)"
        " VALUES ('sms', $1, jsonb_build_object('phone', $2::text, 'template', $3::text,"
        "                                       'params', $4::jsonb))"
        " ON CONFLICT (dedupe_key) DO NOTHING");

bool outbox_enqueue(struct db *db, const char *kind, const char *dedupe_key,
                    const char *payload_json)
{
        return db_exec(db, &outbox_insert, DB_PARAMS(kind, dedupe_key, payload_json)) != NULL;
}

bool outbox_sms(struct db *db, const char *dedupe_key, const char *phone, const char *template,
                const char *params_json)
{
        return db_exec(db, &outbox_insert_sms,
                       DB_PARAMS(dedupe_key, phone, template, params_json ? params_json : "{}")) !=
               NULL;
}
