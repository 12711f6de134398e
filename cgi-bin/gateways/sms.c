/* sms: what every SMS driver does once its request is built: POST it, turn a transport failure into
 * "retry later", let the driver read the provider's answer, and wipe the request body, which holds
 * the code. Never logs the body or the code. */
#include "sms.h"

#include <openssl/crypto.h>

#include "curl.h"

int sms_exchange(const struct sms_config *cfg, const char *const *headers, struct buf *body,
                 struct gw_response *res)
{
        struct gw_request req = {
            .method = "POST",
            .url = cfg->endpoint,
            .headers = headers,
            .body = body->data,
            .body_len = body->len,
            .timeout_ms = cfg->timeout_ms,
        };
        int rc = gw_http(&req, res);

        OPENSSL_cleanse(body->data, body->len);
        buf_free(body);
        return rc;
}

int sms_post(const struct sms_config *cfg, const char *const *headers, struct buf *body,
             const char *provider, sms_parse_fn parse, struct sms_result *result)
{
        struct gw_response res;

        gw_response_init(&res);
        if (sms_exchange(cfg, headers, body, &res) < 0)
                sms_result_set(result, SMS_RETRY_LATER, "CM.Transport", "%s: %s", provider,
                               res.error);
        else
                parse(res.status, buf_cstr(&res.body), result);
        gw_response_free(&res);
        return result->outcome == SMS_SENT ? 0 : -1;
}
