/* outbox: how a request hands work to `coursemart courier` (docs/outbox.md). A handler calls these
 * inside its own transaction, so the job exists exactly when the data it belongs to does; the
 * courier does the network call later, with retries. Never calls a gateway itself. */
#ifndef CM_OUTBOX_H
#define CM_OUTBOX_H
#include <stdbool.h>

struct db;

/* Queues a job of kind (e.g. "sms") with its payload (a JSON object as text). A second call with
 * the same dedupe_key adds nothing and still returns true. false on a database error. */
bool outbox_enqueue(struct db *db, const char *kind, const char *dedupe_key,
                    const char *payload_json);

/* Queues one SMS: template names a message in the configuration's sms_templates (login_code,
 * family_code, agency_decision, …) and params_json holds its variables, e.g. {"code":"123456"}. */
bool outbox_sms(struct db *db, const char *dedupe_key, const char *phone, const char *template,
                const char *params_json);

#endif
