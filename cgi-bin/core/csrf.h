/* csrf: tokens that tie a form to the browser's session: HMAC-SHA256(secret, "csrf" | session
 * token hash), base64url. Every unsafe request must present it (form field "csrf" or header
 * X-CSRF-Token); the check is constant-time. Never accepts a token without a live session. */
#ifndef CM_CSRF_H
#define CM_CSRF_H

#include <stdbool.h>

struct req;
struct resp;

#define CSRF_TOKEN_LEN 43

/* The pure parts, for tests: derive and check a token from a session hash and a key. */
void csrf_derive(const unsigned char key[32], const unsigned char session_hash[32],
                 char out[CSRF_TOKEN_LEN + 1]);
bool csrf_matches(const unsigned char key[32], const unsigned char session_hash[32],
                  const char *presented);

/* The token for rq's session, starting an anonymous session if there is none. NULL on db error. */
const char *csrf_token(struct req *rq, struct resp *rs);
/* Does the unsafe request rq carry the right token? */
bool csrf_check(const struct req *rq, const char *header_token);

#endif
