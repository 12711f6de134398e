/* session: browser sessions stored in PostgreSQL. The cookie holds 32 random bytes (base64url); the
 * table holds only their SHA-256, so the table alone cannot be replayed. Sessions expire after an
 * idle period and at an absolute time; login rotates the token. Never logs a token. */
#ifndef CM_SESSION_H
#define CM_SESSION_H

#include <stdbool.h>

struct req;
struct resp;

#define SESSION_COOKIE "cm_sid"

struct session {
        long long id;
        long long user_id; /* 0 when anonymous */
        unsigned roles;    /* ROLE_* bits (router.h); 0 when anonymous */
        unsigned char token_hash[32];
        const char *display_name; /* "" when anonymous */
        /* a user who passed the password but still owes the second factor (staff); 0 = none */
        long long pending_user_id;
        const char *auth_method; /* how the login was proved ("sms", "password", …); "" if none */
};

/* Looks up the cookie's session; sets rq->sess or leaves it NULL. Touches last_seen_at at most
 * once a minute. Returns false only on a database error. */
bool sess_load(struct req *rq);
/* Starts a new session for user_id (0 = anonymous), replacing the browser's current one, so the
 * token changes at every login. auth_method ("sms", "password", "password_totp",
 * "password_recovery"; NULL when anonymous) is recorded. Staff sessions get shorter timeouts. */
bool sess_start(struct req *rq, struct resp *rs, long long user_id, const char *auth_method);
/* Starts a new anonymous session that holds user_id as having passed the password, for five
 * minutes, until the second factor is shown (sess_start then replaces it). */
bool sess_start_pending(struct req *rq, struct resp *rs, long long user_id);
/* Makes sure the browser has a session (anonymous if need be), for CSRF tokens on forms. */
bool sess_ensure(struct req *rq, struct resp *rs);
/* Deletes the current session and clears the cookie. */
bool sess_end(struct req *rq, struct resp *rs);
/* "Log out everywhere": deletes every session of the current user, this one included. */
bool sess_end_all(struct req *rq, struct resp *rs);

#endif
