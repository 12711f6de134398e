/* csrf: see csrf.h. */
#include "csrf.h"

#include <string.h>

#include "arena.h"
#include "config.h"
#include "crypto.h"
#include "http.h"
#include "request.h"
#include "session.h"

void csrf_derive(const unsigned char key[32], const unsigned char session_hash[32],
                 char out[CSRF_TOKEN_LEN + 1])
{
        unsigned char msg[4 + 32], mac[32];
        memcpy(msg, "csrf", 4);
        memcpy(msg + 4, session_hash, 32);
        crypto_hmac_sha256(key, 32, msg, sizeof msg, mac);
        crypto_b64url(mac, sizeof mac, out);
}

bool csrf_matches(const unsigned char key[32], const unsigned char session_hash[32],
                  const char *presented)
{
        if (!presented || strlen(presented) != CSRF_TOKEN_LEN)
                return false;
        char want[CSRF_TOKEN_LEN + 1];
        csrf_derive(key, session_hash, want);
        return crypto_equal(want, presented, CSRF_TOKEN_LEN);
}

const char *csrf_token(struct req *rq, struct resp *rs)
{
        if (!sess_ensure(rq, rs))
                return NULL;
        char *out = arena_alloc(rq->arena, CSRF_TOKEN_LEN + 1);
        csrf_derive(cm_config.secret, rq->sess->token_hash, out);
        return out;
}

bool csrf_check(const struct req *rq, const char *header_token)
{
        if (!rq->sess)
                return false;
        const char *t = kv_get(rq->form, "csrf");
        if (!t)
                t = header_token;
        return csrf_matches(cm_config.secret, rq->sess->token_hash, t);
}
