/* aliyun_sms: the Aliyun (Alibaba Cloud) SMS driver: SendSms, API version 2017-05-25, signed with
 * the RPC signature v1 (HMAC-SHA1 over METHOD&%2F&percentEncode(sorted, percent-encoded query),
 * key = AccessKeySecret + "&", base64). The request is a POST with the parameters in a form body,
 * so the phone number and the code never sit in a URL that a proxy might log.
 * The signer, the request builder and the answer parser are pure functions (see sms.h); only
 * aliyun_send touches the clock, randomness and the network.
 * It must never log, and never copy the secret, the body or the template parameters (they hold
 * the one-time code) into the result or an error. */
#include "sms.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "crypto.h"
#include "curl.h"

#define ALIYUN_VERSION        "2017-05-25"
#define ALIYUN_DEFAULT_REGION "cn-hangzhou"

void aliyun_percent_encode(struct buf *out, const char *s)
{
        static const char hex[] = "0123456789ABCDEF";

        for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
                unsigned char c = *p;

                if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_' || c == '.' || c == '~') {
                        buf_putc(out, (char)c);
                } else {
                        char esc[3] = {'%', hex[c >> 4], hex[c & 15]};

                        buf_append(out, esc, 3);
                }
        }
}

static int param_cmp(const void *a, const void *b)
{
        const struct aliyun_param *x = a, *y = b;

        return strcmp(x->key, y->key);
}

int aliyun_sign(const char *method, struct aliyun_param *params, size_t n, const char *secret,
                struct buf *canonical, struct buf *string_to_sign,
                char signature[ALIYUN_SIGNATURE_LEN + 1])
{
        struct buf canon, sts, key;
        unsigned char mac[EVP_MAX_MD_SIZE];
        unsigned int maclen = 0;
        int rc = -1;

        signature[0] = '\0';
        if (!method || !*method || !secret || (n && !params))
                return -1;
        for (size_t i = 0; i < n; i++)
                if (!params[i].key || !params[i].key[0] || !params[i].value)
                        return -1;
        if (n > 1)
                qsort(params, n, sizeof *params, param_cmp);
        for (size_t i = 1; i < n; i++)
                if (strcmp(params[i - 1].key, params[i].key) == 0)
                        return -1;

        buf_init(&canon);
        buf_init(&sts);
        buf_init(&key);
        for (size_t i = 0; i < n; i++) {
                if (i)
                        buf_putc(&canon, '&');
                aliyun_percent_encode(&canon, params[i].key);
                buf_putc(&canon, '=');
                aliyun_percent_encode(&canon, params[i].value);
        }
        buf_cstr(&canon);
        buf_puts(&sts, method);
        buf_putc(&sts, '&');
        aliyun_percent_encode(&sts, "/");
        buf_putc(&sts, '&');
        aliyun_percent_encode(&sts, canon.data);

        buf_puts(&key, secret);
        buf_putc(&key, '&');
        if (!HMAC(EVP_sha1(), key.data, (int)key.len, (const unsigned char *)sts.data, sts.len, mac,
                  &maclen) ||
            maclen != 20)
                goto out;
        /* standard base64 with padding: 20 bytes → 28 characters */
        if (EVP_EncodeBlock((unsigned char *)signature, mac, (int)maclen) != ALIYUN_SIGNATURE_LEN)
                goto out;
        if (canonical)
                buf_append(canonical, canon.data, canon.len);
        if (string_to_sign)
                buf_append(string_to_sign, sts.data, sts.len);
        rc = 0;
out:
        if (rc < 0)
                signature[0] = '\0';
        OPENSSL_cleanse(key.data, key.len);
        OPENSSL_cleanse(mac, sizeof mac);
        buf_free(&key);
        buf_free(&canon);
        buf_free(&sts);
        return rc;
}

static int empty(const char *s)
{
        return !s || !*s;
}

/* Adds the parameters every RPC request carries to p[*n] (room for 8 more), signs the whole set
 * for a POST and writes the form body with its Signature last. 0, or -1 with *why set. */
static int sign_form(const struct sms_config *cfg, struct aliyun_param *p, size_t n,
                     const char *nonce, time_t now, struct buf *body, const char **why)
{
        char ts[32], sig[ALIYUN_SIGNATURE_LEN + 1];
        struct tm tm;

        if (!gmtime_r(&now, &tm) || strftime(ts, sizeof ts, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0) {
                *why = "the clock is unusable";
                return -1;
        }
        p[n++] = (struct aliyun_param){"AccessKeyId", cfg->access_key_id};
        p[n++] = (struct aliyun_param){"Format", "JSON"};
        p[n++] = (struct aliyun_param){"RegionId",
                                       empty(cfg->region) ? ALIYUN_DEFAULT_REGION : cfg->region};
        p[n++] = (struct aliyun_param){"SignatureMethod", "HMAC-SHA1"};
        p[n++] = (struct aliyun_param){"SignatureNonce", nonce};
        p[n++] = (struct aliyun_param){"SignatureVersion", "1.0"};
        p[n++] = (struct aliyun_param){"Timestamp", ts};
        p[n++] = (struct aliyun_param){"Version", ALIYUN_VERSION};
        if (aliyun_sign("POST", p, n, cfg->access_key_secret, body, NULL, sig) < 0) {
                *why = "could not sign the request";
                return -1;
        }
        buf_puts(body, "&Signature=");
        aliyun_percent_encode(body, sig);
        return 0;
}

int aliyun_build_request(const struct sms_config *cfg, const struct sms_message *msg,
                         const char *nonce, time_t now, struct buf *body, struct sms_result *result)
{
        struct aliyun_param p[16];
        const char *why = NULL;
        size_t n = 0;

        if (empty(cfg->access_key_id) || empty(cfg->access_key_secret) || empty(cfg->sign_name)) {
                sms_result_set(result, SMS_RETRY_LATER, "CM.Config",
                               "Aliyun SMS needs an access key id, its secret and a sign name");
                return -1;
        }
        if (empty(msg->phone) || empty(msg->template_code) || empty(nonce)) {
                sms_result_set(result, SMS_REJECTED, "CM.BadMessage",
                               "an SMS needs a phone number and a template code");
                return -1;
        }

        p[n++] = (struct aliyun_param){"Action", "SendSms"};
        p[n++] = (struct aliyun_param){"PhoneNumbers", msg->phone};
        p[n++] = (struct aliyun_param){"SignName", cfg->sign_name};
        p[n++] = (struct aliyun_param){"TemplateCode", msg->template_code};
        if (!empty(msg->param_json))
                p[n++] = (struct aliyun_param){"TemplateParam", msg->param_json};
        if (!empty(msg->dedupe_key))
                p[n++] = (struct aliyun_param){"OutId", msg->dedupe_key};
        if (sign_form(cfg, p, n, nonce, now, body, &why) < 0) {
                sms_result_set(result, SMS_RETRY_LATER, "CM.Config", "%s", why);
                return -1;
        }
        return 0;
}

/* China has kept UTC+8 all year since 1991: a Shanghai day is a UTC day shifted by 8 hours. */
#define SHANGHAI_OFFSET_S (8 * 3600)

int aliyun_query_dates(time_t since, time_t now, char dates[][9], int max)
{
        long long first, last;
        int n = 0;

        if (now < since || max <= 0)
                return 0;
        first = ((long long)since + SHANGHAI_OFFSET_S) / 86400;
        last = ((long long)now + SHANGHAI_OFFSET_S) / 86400;
        if (last - first + 1 > max)
                first = last - max + 1;
        for (long long day = first; day <= last; day++) {
                time_t t = (time_t)(day * 86400);
                struct tm tm;

                if (!gmtime_r(&t, &tm) || strftime(dates[n], 9, "%Y%m%d", &tm) != 8)
                        return 0;
                n++;
        }
        return n;
}

int aliyun_build_query(const struct sms_config *cfg, const struct sms_query *q,
                       const char *send_date, int page, const char *nonce, time_t now,
                       struct buf *body, struct sms_lookup *lookup)
{
        struct aliyun_param p[16];
        char page_s[16], size_s[16];
        const char *why = NULL;
        size_t n = 0;

        if (empty(cfg->access_key_id) || empty(cfg->access_key_secret)) {
                sms_lookup_set(lookup, SMS_LOOKUP_FAILED, "CM.Config",
                               "Aliyun SMS needs an access key id and its secret");
                return -1;
        }
        if (empty(q->phone) || empty(send_date) || page < 1 || empty(nonce)) {
                sms_lookup_set(lookup, SMS_LOOKUP_FAILED, "CM.BadMessage",
                               "a query needs a phone number, a date and a page");
                return -1;
        }
        snprintf(page_s, sizeof page_s, "%d", page);
        snprintf(size_s, sizeof size_s, "%d", ALIYUN_QUERY_PAGE_SIZE);
        p[n++] = (struct aliyun_param){"Action", "QuerySendDetails"};
        p[n++] = (struct aliyun_param){"CurrentPage", page_s};
        p[n++] = (struct aliyun_param){"PageSize", size_s};
        p[n++] = (struct aliyun_param){"PhoneNumber", q->phone};
        p[n++] = (struct aliyun_param){"SendDate", send_date};
        if (sign_form(cfg, p, n, nonce, now, body, &why) < 0) {
                sms_lookup_set(lookup, SMS_LOOKUP_FAILED, "CM.Config", "%s", why);
                return -1;
        }
        return 0;
}

static int starts_with(const char *s, const char *prefix)
{
        return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* Aliyun's rate-limit messages say which window tripped: 触发分钟级流控 / 小时级 / 天级. */
static int limit_hint(const char *message)
{
        if (strstr(message, "天"))
                return 86400;
        if (strstr(message, "小时"))
                return 3600;
        return 60;
}

void aliyun_parse_response(long http_status, const char *body, struct sms_result *result)
{
        json_t *root = body ? json_loads(body, 0, NULL) : NULL;
        const char *code = NULL, *message = NULL;

        if (root && json_is_object(root)) {
                code = json_string_value(json_object_get(root, "Code"));
                message = json_string_value(json_object_get(root, "Message"));
        }
        if (!code || !*code) {
                sms_result_set(result, SMS_RETRY_LATER, "CM.BadResponse",
                               "unreadable answer from Aliyun (HTTP %ld)", http_status);
                json_decref(root);
                return;
        }
        if (!message)
                message = "";

        if (strcmp(code, "OK") == 0) {
                const char *biz = json_string_value(json_object_get(root, "BizId"));

                sms_result_set(result, SMS_SENT, code, "sent");
                sms_copy(result->provider_id, sizeof result->provider_id, biz);
        } else if (strcmp(code, "isv.BUSINESS_LIMIT_CONTROL") == 0) {
                sms_result_set(result, SMS_RETRY_LATER, code, "rate-limited by Aliyun: %s",
                               message);
                result->retry_after_s = limit_hint(message);
        } else if (starts_with(code, "Throttling")) {
                sms_result_set(result, SMS_RETRY_LATER, code, "Aliyun is throttling: %s", message);
                result->retry_after_s = 10;
        } else if (strcmp(code, "isv.MOBILE_NUMBER_ILLEGAL") == 0) {
                sms_result_set(result, SMS_REJECTED, code, "not a valid mobile number (Aliyun: %s)",
                               message);
        } else if (strcmp(code, "isv.INVALID_PARAMETERS") == 0) {
                sms_result_set(result, SMS_REJECTED, code, "invalid parameters (Aliyun: %s)",
                               message);
        } else if (starts_with(code, "isv.TEMPLATE_") || starts_with(code, "isv.SMS_TEMPLATE_")) {
                sms_result_set(result, SMS_REJECTED, code,
                               "the SMS template was refused (Aliyun: %s)", message);
        } else if (starts_with(code, "isv.SMS_SIGNATURE_")) {
                sms_result_set(result, SMS_REJECTED, code,
                               "the SMS sign name was refused (Aliyun: %s)", message);
        } else {
                sms_result_set(result, SMS_RETRY_LATER, code, "Aliyun error (HTTP %ld): %s",
                               http_status, message);
        }
        json_decref(root);
}

static int aliyun_send(const struct sms_config *cfg, const struct sms_message *msg,
                       struct sms_result *result)
{
        static const char *const headers[] = {
            "Content-Type: application/x-www-form-urlencoded",
            "Accept: application/json",
            NULL,
        };
        unsigned char rnd[16];
        char nonce[2 * sizeof rnd + 1];
        struct buf body;

        if (empty(cfg->endpoint)) {
                sms_result_set(result, SMS_RETRY_LATER, "CM.Config", "no Aliyun SMS endpoint");
                return -1;
        }
        crypto_random(rnd, sizeof rnd);
        crypto_hex(rnd, sizeof rnd, nonce);
        buf_init(&body);
        if (aliyun_build_request(cfg, msg, nonce, time(NULL), &body, result) < 0) {
                buf_free(&body);
                return -1;
        }

        return sms_post(cfg, headers, &body, "Aliyun SMS", aliyun_parse_response, result);
}

/* A JSON number or a numeric string (Aliyun sends TotalCount as either), else -1. */
static long json_count(json_t *v)
{
        const char *s = json_string_value(v);
        char *end;
        long n;

        if (json_is_integer(v))
                return (long)json_integer_value(v);
        if (!s || !*s)
                return -1;
        n = strtol(s, &end, 10);
        return *end ? -1 : n;
}

void aliyun_parse_query(long http_status, const char *body, const char *dedupe_key,
                        struct sms_lookup *lookup, long *total_count)
{
        json_t *root = body ? json_loads(body, 0, NULL) : NULL;
        const char *code = NULL, *message = NULL;
        json_t *list, *item;
        size_t i;

        *total_count = 0;
        if (root && json_is_object(root)) {
                code = json_string_value(json_object_get(root, "Code"));
                message = json_string_value(json_object_get(root, "Message"));
        }
        if (!code || !*code) {
                sms_lookup_set(lookup, SMS_LOOKUP_FAILED, "CM.BadResponse",
                               "unreadable answer from Aliyun QuerySendDetails (HTTP %ld)",
                               http_status);
                goto out;
        }
        if (strcmp(code, "OK") != 0) {
                sms_lookup_set(lookup, SMS_LOOKUP_FAILED, code,
                               "Aliyun could not list the messages (HTTP %ld): %s", http_status,
                               message ? message : "");
                goto out;
        }
        if (empty(dedupe_key)) {
                sms_lookup_set(lookup, SMS_LOOKUP_FAILED, "CM.BadMessage",
                               "no dedupe key to look for");
                goto out;
        }
        list = json_object_get(json_object_get(root, "SmsSendDetailDTOs"), "SmsSendDetailDTO");
        *total_count = json_count(json_object_get(root, "TotalCount"));
        if (*total_count < 0 || (list ? !json_is_array(list) : *total_count > 0)) {
                sms_lookup_set(lookup, SMS_LOOKUP_FAILED, "CM.BadResponse",
                               "unreadable record list from Aliyun QuerySendDetails");
                *total_count = 0;
                goto out;
        }
        json_array_foreach(list, i, item)
        {
                const char *out_id = json_string_value(json_object_get(item, "OutId"));

                if (out_id && strcmp(out_id, dedupe_key) == 0) {
                        sms_lookup_set(
                            lookup, SMS_FOUND, code, "Aliyun has the message (SendStatus %lld)",
                            (long long)json_integer_value(json_object_get(item, "SendStatus")));
                        goto out;
                }
        }
        sms_lookup_set(lookup, SMS_NOT_FOUND, code, "Aliyun has no message with that OutId");
out:
        json_decref(root);
}

/* Searches each day the message can have been sent on, page by page. */
static enum sms_lookup_outcome aliyun_query(const struct sms_config *cfg, const struct sms_query *q,
                                            struct sms_lookup *lookup)
{
        static const char *const headers[] = {
            "Content-Type: application/x-www-form-urlencoded",
            "Accept: application/json",
            NULL,
        };
        char dates[ALIYUN_QUERY_MAX_DAYS][9];
        time_t now = time(NULL);
        int ndates;

        if (empty(cfg->endpoint)) {
                sms_lookup_set(lookup, SMS_LOOKUP_FAILED, "CM.Config", "no Aliyun SMS endpoint");
                return lookup->outcome;
        }
        /* the database's clock stamped since; ours may lag it by a little */
        ndates = aliyun_query_dates(q->since, now > q->since ? now : q->since, dates,
                                    ALIYUN_QUERY_MAX_DAYS);
        if (ndates == 0) {
                sms_lookup_set(lookup, SMS_LOOKUP_FAILED, "CM.Config", "the clock is unusable");
                return lookup->outcome;
        }
        for (int d = 0; d < ndates; d++) {
                for (int page = 1;; page++) {
                        unsigned char rnd[16];
                        char nonce[2 * sizeof rnd + 1];
                        struct gw_response res;
                        struct buf body;
                        long total = 0;

                        crypto_random(rnd, sizeof rnd);
                        crypto_hex(rnd, sizeof rnd, nonce);
                        buf_init(&body);
                        if (aliyun_build_query(cfg, q, dates[d], page, nonce, now, &body, lookup) <
                            0) {
                                buf_free(&body);
                                return lookup->outcome;
                        }
                        gw_response_init(&res);
                        if (sms_exchange(cfg, headers, &body, &res) < 0)
                                sms_lookup_set(lookup, SMS_LOOKUP_FAILED, "CM.Transport",
                                               "Aliyun SMS: %s", res.error);
                        else
                                aliyun_parse_query(res.status, buf_cstr(&res.body), q->dedupe_key,
                                                   lookup, &total);
                        gw_response_free(&res);
                        if (lookup->outcome != SMS_NOT_FOUND)
                                return lookup->outcome;
                        /* a phone gets at most a few dozen a day; stop at 20 pages regardless */
                        if ((long)page * ALIYUN_QUERY_PAGE_SIZE >= total || page >= 20)
                                break;
                }
        }
        sms_lookup_set(lookup, SMS_NOT_FOUND, "OK",
                       "Aliyun has no message with that OutId on %d day(s)", ndates);
        return lookup->outcome;
}

const struct sms_driver sms_driver_aliyun = {
    .name = "aliyun",
    .send = aliyun_send,
    .query = aliyun_query,
};
