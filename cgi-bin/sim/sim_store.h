/* sim_store: gatewaysim's records in the `sim` schema of the instance's database: every message
 * accepted, every request refused, the nonces used, and the modes the control API set. gatewaysim
 * creates the schema itself at start-up (it is not an app migration: production never has it).
 * Prepared statements only; it never logs a message's text or parameters (they hold codes). */
#ifndef CM_SIM_STORE_H
#define CM_SIM_STORE_H

#include <stdbool.h>

#include <libpq-fe.h>

struct db;

/* Creates the schema and its tables if absent (idempotent). */
bool sim_store_create(struct db *db);

/* One accepted message. */
struct sim_message {
        const char *provider; /* "aliyun" or "tencent" */
        const char *phone;    /* 11 digits */
        const char *sign_name;
        const char *template_code;
        const char *params_json; /* TemplateParam object / TemplateParamSet array */
        const char *text;        /* what the phone shows */
        const char *context;     /* OutId / SessionContext, "" when none */
        const char *provider_id; /* BizId / SerialNo */
};

bool sim_store_message(struct db *db, const struct sim_message *m);
/* A refused request; phone may be NULL. */
bool sim_store_refusal(struct db *db, const char *provider, const char *action, const char *code,
                       const char *phone);

enum sim_nonce { SIM_NONCE_FRESH, SIM_NONCE_USED, SIM_NONCE_ERROR };
/* Marks a nonce used; SIM_NONCE_USED when it already was. */
enum sim_nonce sim_store_use_nonce(struct db *db, const char *provider, const char *nonce);

/* The mode for the next request to phone (its own, else the one for '*'), counted down. */
struct sim_mode {
        char mode[16]; /* ok | fail | ratelimit | illegal | timeout | slow */
        int hold_ms;
};
bool sim_store_take_mode(struct db *db, const char *phone, struct sim_mode *out);
/* count 0 = until reset. */
bool sim_store_set_mode(struct db *db, const char *phone, const char *mode, const char *count,
                        const char *hold_ms);
bool sim_store_reset(struct db *db, bool messages);

/* Messages, newest first: id, provider, phone, sign_name, template_code, params, text, context,
 * provider_id, received_at (ISO 8601). phone "" = all. NULL on a database error. */
PGresult *sim_store_messages(struct db *db, const char *phone, const char *limit);

/* Aliyun QuerySendDetails: the count, and one page (phone, template_code, text, send_date,
 * receive_date, context) of the account's messages to phone on day (YYYYMMDD, Beijing time),
 * optionally of one BizId (""). */
PGresult *sim_store_aliyun_count(struct db *db, const char *phone, const char *day,
                                 const char *biz_id);
PGresult *sim_store_aliyun_page(struct db *db, const char *phone, const char *day,
                                const char *biz_id, const char *limit, const char *offset);

/* Tencent PullSmsSendStatusByPhoneNumber: phone, provider_id, context, received (unix) of the
 * account's messages to phone between begin and end (unix seconds), oldest first. */
PGresult *sim_store_tencent_status(struct db *db, const char *phone, const char *begin,
                                   const char *end, const char *limit, const char *offset);

#endif
