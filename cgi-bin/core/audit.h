/* audit: writes one row of the append-only audit_log for a privileged action, with the acting
 * user, the client address and the request id taken from the request. Call it inside the same
 * transaction as the change it records, so the row exists exactly when the change does. It never
 * updates or deletes a row (the table refuses both) and never records secrets (passwords, tokens,
 * unmasked phone numbers): the caller's detail must already be fit to keep for years. */
#ifndef CM_AUDIT_H
#define CM_AUDIT_H

#include <stdbool.h>

struct db;
struct req;

/* Inserts the row: action like "agency.approve", the object's type and id (0 = none), detail a
 * JSON object as text (NULL = {}). Writes the new row's id (decimal) to id_out when it is not
 * NULL. false on a database error. */
bool audit_write(struct db *db, const struct req *rq, const char *action, const char *object_type,
                 long long object_id, const char *detail_json, char id_out[24]);

/* The same with the detail as a jansson object, which it takes over (and frees, also on failure;
 * NULL, as from a failed json_pack, is a failure). */
typedef struct json_t json_t;
bool audit_write_json(struct db *db, const struct req *rq, const char *action,
                      const char *object_type, long long object_id, json_t *detail,
                      char id_out[24]);

#endif
