/* tencent_sms: the Tencent Cloud SMS driver: SendSms, API version 2021-01-11, a JSON POST signed
 * with TC3-HMAC-SHA256 (API 3.0 signature v3): a canonical request over the signed headers
 * content-type and host and the body's SHA-256, a string to sign with the credential scope
 * date/sms/tc3_request, and a key derived kDate → kService → kSigning from "TC3" + SecretKey.
 * The derived keys are raw 32-byte HMACs that may contain zero bytes: they always travel with
 * their length, never through strlen. The signer, the body builder and the answer parser are pure
 * functions (see sms.h); only tencent_send touches the clock and the network.
 * It must never log, and never copy the secret, the body or the template parameters (they hold
 * the one-time code) into the result or an error. */
#include "sms.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <openssl/crypto.h>

#include "crypto.h"
#include "curl.h"

#define TC3_ALGORITHM          "TC3-HMAC-SHA256"
#define TENCENT_SERVICE        "sms"
#define TENCENT_VERSION        "2021-01-11"
#define TENCENT_DEFAULT_REGION "ap-guangzhou"
#define TENCENT_CONTENT_TYPE   "application/json; charset=utf-8"

void tencent_signature_free(struct tencent_signature *sig)
{
        buf_free(&sig->canonical_request);
        buf_free(&sig->string_to_sign);
        buf_free(&sig->authorization);
}

/* Appends s lower-cased without leading and trailing blanks (a canonical header value). */
static void put_canonical_value(struct buf *b, const char *s)
{
        const char *end = s + strlen(s);

        while (*s == ' ' || *s == '\t')
                s++;
        while (end > s && (end[-1] == ' ' || end[-1] == '\t'))
                end--;
        for (; s < end; s++)
                buf_putc(b, (char)tolower((unsigned char)*s));
}

int tencent_sign(const char *secret_id, const char *secret_key, const char *service,
                 const char *host, const char *content_type, const void *payload,
                 size_t payload_len, long long timestamp, struct tencent_signature *out)
{
        unsigned char digest[32], k_date[32], k_service[32], k_signing[32], mac[32];
        struct buf key;
        struct tm tm;
        time_t t = (time_t)timestamp;

        memset(out->date, 0, sizeof out->date);
        out->hashed_payload[0] = out->hashed_canonical_request[0] = out->signature[0] = '\0';
        buf_init(&out->canonical_request);
        buf_init(&out->string_to_sign);
        buf_init(&out->authorization);
        if (!secret_id || !secret_key || !service || !host || !content_type ||
            (!payload && payload_len))
                return -1;
        if (timestamp < 0 || (long long)t != timestamp || !gmtime_r(&t, &tm) ||
            strftime(out->date, sizeof out->date, "%Y-%m-%d", &tm) != 10)
                return -1;

        /* 1. the canonical request */
        crypto_sha256(payload ? payload : "", payload_len, digest);
        crypto_hex(digest, sizeof digest, out->hashed_payload);
        buf_puts(&out->canonical_request, "POST\n/\n\n");
        buf_puts(&out->canonical_request, "content-type:");
        put_canonical_value(&out->canonical_request, content_type);
        buf_puts(&out->canonical_request, "\nhost:");
        put_canonical_value(&out->canonical_request, host);
        buf_puts(&out->canonical_request, "\n\ncontent-type;host\n");
        buf_puts(&out->canonical_request, out->hashed_payload);

        /* 2. the string to sign */
        crypto_sha256(out->canonical_request.data, out->canonical_request.len, digest);
        crypto_hex(digest, sizeof digest, out->hashed_canonical_request);
        buf_printf(&out->string_to_sign, "%s\n%lld\n%s/%s/tc3_request\n%s", TC3_ALGORITHM,
                   timestamp, out->date, service, out->hashed_canonical_request);

        /* 3. the derived key and the signature: binary keys, explicit lengths */
        buf_init(&key);
        buf_puts(&key, "TC3");
        buf_puts(&key, secret_key);
        crypto_hmac_sha256(key.data, key.len, out->date, strlen(out->date), k_date);
        crypto_hmac_sha256(k_date, sizeof k_date, service, strlen(service), k_service);
        crypto_hmac_sha256(k_service, sizeof k_service, "tc3_request", strlen("tc3_request"),
                           k_signing);
        crypto_hmac_sha256(k_signing, sizeof k_signing, out->string_to_sign.data,
                           out->string_to_sign.len, mac);
        crypto_hex(mac, sizeof mac, out->signature);
        OPENSSL_cleanse(key.data, key.len);
        buf_free(&key);
        OPENSSL_cleanse(k_date, sizeof k_date);
        OPENSSL_cleanse(k_service, sizeof k_service);
        OPENSSL_cleanse(k_signing, sizeof k_signing);

        /* 4. the Authorization header */
        buf_printf(&out->authorization,
                   "%s Credential=%s/%s/%s/tc3_request, SignedHeaders=content-type;host, "
                   "Signature=%s",
                   TC3_ALGORITHM, secret_id, out->date, service, out->signature);
        return 0;
}

int tencent_host_of(const char *endpoint, char *out, size_t cap)
{
        const char *p, *end;
        size_t n;

        if (!endpoint || cap == 0)
                return -1;
        if (strncasecmp(endpoint, "https://", 8) == 0)
                p = endpoint + 8;
        else if (strncasecmp(endpoint, "http://", 7) == 0)
                p = endpoint + 7;
        else
                return -1;
        end = p + strcspn(p, "/?#");
        n = (size_t)(end - p);
        if (n == 0 || n >= cap || memchr(p, '@', n))
                return -1;
        for (size_t i = 0; i < n; i++)
                out[i] = (char)tolower((unsigned char)p[i]);
        out[n] = '\0';
        return 0;
}

static int empty(const char *s)
{
        return !s || !*s;
}

static int is_mainland_mobile(const char *s)
{
        size_t n = strlen(s);

        if (n != 11 || s[0] != '1')
                return 0;
        for (size_t i = 0; i < n; i++)
                if (s[i] < '0' || s[i] > '9')
                        return 0;
        return 1;
}

/* One template parameter as Tencent wants it (a string); NULL for anything else. */
static json_t *param_string(json_t *v)
{
        char num[32];

        if (json_is_string(v))
                return json_string(json_string_value(v));
        if (json_is_integer(v)) {
                snprintf(num, sizeof num, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
                return json_string(num);
        }
        return NULL;
}

/* TemplateParamSet from param_json: an object's values in order, or an array as it is. */
static json_t *template_param_set(const char *param_json)
{
        json_t *in, *set = json_array();
        const char *k;
        json_t *v;
        size_t i;

        if (!set || empty(param_json))
                return set;
        in = json_loads(param_json, 0, NULL);
        if (json_is_object(in)) {
                json_object_foreach(in, k, v)
                {
                        if (json_array_append_new(set, param_string(v)) < 0)
                                goto bad;
                }
        } else if (json_is_array(in)) {
                json_array_foreach(in, i, v)
                {
                        if (json_array_append_new(set, param_string(v)) < 0)
                                goto bad;
                }
        } else {
                goto bad;
        }
        json_decref(in);
        return set;
bad:
        json_decref(in);
        json_decref(set);
        return NULL;
}

int tencent_build_request(const struct sms_config *cfg, const struct sms_message *msg,
                          struct buf *body, struct sms_result *result)
{
        char phone[40];
        json_t *o, *params;
        char *text;
        int bad = 0;

        if (empty(cfg->access_key_id) || empty(cfg->access_key_secret) || empty(cfg->sdk_app_id)) {
                sms_result_set(result, SMS_RETRY_LATER, "CM.Config",
                               "Tencent SMS needs a SecretId, its SecretKey and an SmsSdkAppId");
                return -1;
        }
        if (empty(msg->phone) || empty(msg->template_code) || strlen(msg->phone) > 20) {
                sms_result_set(result, SMS_REJECTED, "CM.BadMessage",
                               "an SMS needs a phone number and a template id");
                return -1;
        }
        /* E.164; an 11-digit mainland number gets +86 (other forms Tencent reads itself) */
        snprintf(phone, sizeof phone, "%s%s", is_mainland_mobile(msg->phone) ? "+86" : "",
                 msg->phone);
        params = template_param_set(msg->param_json);
        if (!params) {
                sms_result_set(result, SMS_REJECTED, "CM.BadMessage",
                               "template parameters must be a JSON object or array of strings");
                return -1;
        }

        o = json_object();
        bad |= !o;
        bad |= json_object_set_new(o, "PhoneNumberSet", json_pack("[s]", phone)) < 0;
        bad |= json_object_set_new(o, "SmsSdkAppId", json_string(cfg->sdk_app_id)) < 0;
        if (!empty(cfg->sign_name))
                bad |= json_object_set_new(o, "SignName", json_string(cfg->sign_name)) < 0;
        bad |= json_object_set_new(o, "TemplateId", json_string(msg->template_code)) < 0;
        bad |= json_object_set_new(o, "TemplateParamSet", params) < 0;
        if (!empty(msg->dedupe_key))
                bad |= json_object_set_new(o, "SessionContext", json_string(msg->dedupe_key)) < 0;
        text = bad ? NULL : json_dumps(o, JSON_COMPACT);
        json_decref(o);
        if (!text) {
                /* json_string refuses text that is not UTF-8 */
                sms_result_set(result, SMS_REJECTED, "CM.BadMessage",
                               "an SMS field is not valid UTF-8");
                return -1;
        }
        buf_puts(body, text);
        OPENSSL_cleanse(text, strlen(text));
        free(text);
        return 0;
}

static int starts_with(const char *s, const char *prefix)
{
        return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* Classifies a Tencent error or per-number status code other than "Ok". */
static void classify(const char *code, const char *message, struct sms_result *r)
{
        if (starts_with(code, "LimitExceeded") || starts_with(code, "RequestLimitExceeded")) {
                sms_result_set(r, SMS_RETRY_LATER, code, "rate-limited by Tencent: %s", message);
                if (strstr(code, "ThirtySecond"))
                        r->retry_after_s = 30;
                else if (strstr(code, "OneHour"))
                        r->retry_after_s = 3600;
                else if (strstr(code, "Daily"))
                        r->retry_after_s = 86400;
                else if (starts_with(code, "RequestLimitExceeded"))
                        r->retry_after_s = 10;
                else
                        r->retry_after_s = 60;
        } else if (strcmp(code, "InvalidParameterValue.IncorrectPhoneNumber") == 0) {
                sms_result_set(r, SMS_REJECTED, code, "not a valid mobile number (Tencent: %s)",
                               message);
        } else if (strcmp(code, "FailedOperation.PhoneNumberInBlacklist") == 0) {
                sms_result_set(r, SMS_REJECTED, code,
                               "the number refuses messages (do-not-disturb list) (Tencent: %s)",
                               message);
        } else if ((starts_with(code, "FailedOperation.") ||
                    starts_with(code, "InvalidParameterValue.")) &&
                   (strstr(code, "Template") || strstr(code, "ContentLength") ||
                    strstr(code, "SensitiveWord"))) {
                sms_result_set(r, SMS_REJECTED, code, "the SMS template was refused (Tencent: %s)",
                               message);
        } else if (starts_with(code, "FailedOperation.") && strstr(code, "Sign")) {
                sms_result_set(r, SMS_REJECTED, code, "the SMS sign name was refused (Tencent: %s)",
                               message);
        } else {
                sms_result_set(r, SMS_RETRY_LATER, code, "Tencent error: %s", message);
        }
}

void tencent_parse_response(long http_status, const char *body, struct sms_result *result)
{
        json_t *root = body ? json_loads(body, 0, NULL) : NULL;
        json_t *resp = json_object_get(root, "Response"), *error, *status;
        const char *code, *message;

        if (!json_is_object(resp))
                goto unreadable;
        error = json_object_get(resp, "Error");
        if (error) {
                code = json_string_value(json_object_get(error, "Code"));
                message = json_string_value(json_object_get(error, "Message"));
                if (!code || !*code)
                        goto unreadable;
                classify(code, message ? message : "", result);
                json_decref(root);
                return;
        }
        status = json_array_get(json_object_get(resp, "SendStatusSet"), 0);
        code = json_string_value(json_object_get(status, "Code"));
        message = json_string_value(json_object_get(status, "Message"));
        if (!code || !*code)
                goto unreadable;
        if (strcmp(code, "Ok") == 0) {
                sms_result_set(result, SMS_SENT, code, "sent");
                sms_copy(result->provider_id, sizeof result->provider_id,
                         json_string_value(json_object_get(status, "SerialNo")));
        } else {
                classify(code, message ? message : "", result);
        }
        json_decref(root);
        return;
unreadable:
        sms_result_set(result, SMS_RETRY_LATER, "CM.BadResponse",
                       "unreadable answer from Tencent (HTTP %ld)", http_status);
        json_decref(root);
}

enum call_rc { CALL_OK = 0, CALL_CONFIG = -2, CALL_TRANSPORT = -1 };

/* Signs body for action with the current time and POSTs it, then wipes and frees body. CALL_OK
 * with the answer in *res; CALL_CONFIG with *why when the request cannot be signed;
 * CALL_TRANSPORT with res->error when no whole answer came back. */
static enum call_rc tencent_call(const struct sms_config *cfg, const char *action, struct buf *body,
                                 struct gw_response *res, const char **why)
{
        char host[256], h_auth[512], h_host[300], h_ts[64], h_region[128], h_action[96];
        struct tencent_signature sig;
        long long now = (long long)time(NULL);
        const char *region = empty(cfg->region) ? TENCENT_DEFAULT_REGION : cfg->region;

        if (tencent_host_of(cfg->endpoint, host, sizeof host) < 0) {
                *why = "the Tencent SMS endpoint is not an http(s) URL with a host";
                OPENSSL_cleanse(body->data, body->len);
                buf_free(body);
                return CALL_CONFIG;
        }
        if (tencent_sign(cfg->access_key_id, cfg->access_key_secret, TENCENT_SERVICE, host,
                         TENCENT_CONTENT_TYPE, body->data, body->len, now, &sig) < 0 ||
            sig.authorization.len + sizeof "Authorization: " > sizeof h_auth ||
            strlen(region) > 100 || strlen(action) > 64) {
                *why = "could not sign the Tencent request";
                tencent_signature_free(&sig);
                OPENSSL_cleanse(body->data, body->len);
                buf_free(body);
                return CALL_CONFIG;
        }
        snprintf(h_auth, sizeof h_auth, "Authorization: %s", sig.authorization.data);
        snprintf(h_host, sizeof h_host, "Host: %s", host);
        snprintf(h_ts, sizeof h_ts, "X-TC-Timestamp: %lld", now);
        snprintf(h_region, sizeof h_region, "X-TC-Region: %s", region);
        snprintf(h_action, sizeof h_action, "X-TC-Action: %s", action);
        tencent_signature_free(&sig);

        const char *const headers[] = {
            h_auth,
            "Content-Type: " TENCENT_CONTENT_TYPE,
            h_host,
            h_action,
            "X-TC-Version: " TENCENT_VERSION,
            h_ts,
            h_region,
            NULL,
        };
        return sms_exchange(cfg, headers, body, res) < 0 ? CALL_TRANSPORT : CALL_OK;
}

static int tencent_send(const struct sms_config *cfg, const struct sms_message *msg,
                        struct sms_result *result)
{
        struct gw_response res;
        struct buf body;
        const char *why = NULL;
        enum call_rc rc;

        buf_init(&body);
        if (tencent_build_request(cfg, msg, &body, result) < 0) {
                buf_free(&body);
                return -1;
        }
        gw_response_init(&res);
        rc = tencent_call(cfg, "SendSms", &body, &res, &why);
        if (rc == CALL_CONFIG)
                sms_result_set(result, SMS_RETRY_LATER, "CM.Config", "%s", why);
        else if (rc == CALL_TRANSPORT)
                sms_result_set(result, SMS_RETRY_LATER, "CM.Transport", "Tencent SMS: %s",
                               res.error);
        else
                tencent_parse_response(res.status, buf_cstr(&res.body), result);
        gw_response_free(&res);
        return result->outcome == SMS_SENT ? 0 : -1;
}

int tencent_build_query(const struct sms_config *cfg, const struct sms_query *q, time_t now,
                        struct buf *body, struct sms_lookup *lookup)
{
        char phone[40];
        long long begin = (long long)q->since, oldest;
        json_t *o;
        char *text;
        int bad = 0;

        if (empty(cfg->access_key_id) || empty(cfg->access_key_secret) || empty(cfg->sdk_app_id)) {
                sms_lookup_set(lookup, SMS_LOOKUP_FAILED, "CM.Config",
                               "Tencent SMS needs a SecretId, its SecretKey and an SmsSdkAppId");
                return -1;
        }
        if (empty(q->phone) || strlen(q->phone) > 20) {
                sms_lookup_set(lookup, SMS_LOOKUP_FAILED, "CM.BadMessage",
                               "a query needs a phone number");
                return -1;
        }
        snprintf(phone, sizeof phone, "%s%s", is_mainland_mobile(q->phone) ? "+86" : "", q->phone);
        /* the provider keeps a week of reports; the database's clock may run a little ahead */
        oldest = (long long)now - TENCENT_QUERY_MAX_DAYS * 86400LL + 60;
        if (begin < oldest)
                begin = oldest;
        if (begin > (long long)now)
                now = (time_t)begin;

        o = json_object();
        bad |= !o;
        bad |= json_object_set_new(o, "SmsSdkAppId", json_string(cfg->sdk_app_id)) < 0;
        bad |= json_object_set_new(o, "PhoneNumber", json_string(phone)) < 0;
        bad |= json_object_set_new(o, "BeginTime", json_integer(begin)) < 0;
        bad |= json_object_set_new(o, "Offset", json_integer(0)) < 0;
        bad |= json_object_set_new(o, "Limit", json_integer(TENCENT_QUERY_LIMIT)) < 0;
        bad |= json_object_set_new(o, "EndTime", json_integer((json_int_t)now)) < 0;
        text = bad ? NULL : json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
        json_decref(o);
        if (!text) {
                sms_lookup_set(lookup, SMS_LOOKUP_FAILED, "CM.BadMessage",
                               "a query field is not valid UTF-8");
                return -1;
        }
        buf_puts(body, text);
        free(text);
        return 0;
}

void tencent_parse_query(long http_status, const char *body, const char *dedupe_key,
                         struct sms_lookup *lookup)
{
        json_t *root = body ? json_loads(body, 0, NULL) : NULL;
        json_t *resp = json_object_get(root, "Response"), *error, *set, *item;
        size_t i;

        if (!json_is_object(resp))
                goto unreadable;
        error = json_object_get(resp, "Error");
        if (error) {
                const char *code = json_string_value(json_object_get(error, "Code"));
                const char *message = json_string_value(json_object_get(error, "Message"));

                if (!code || !*code)
                        goto unreadable;
                sms_lookup_set(lookup, SMS_LOOKUP_FAILED, code,
                               "Tencent could not list the reports: %s", message ? message : "");
                goto out;
        }
        set = json_object_get(resp, "PullSmsSendStatusSet");
        if (!json_is_array(set) && !json_is_null(set))
                goto unreadable; /* absent is not "none": never send blind */
        if (empty(dedupe_key)) {
                sms_lookup_set(lookup, SMS_LOOKUP_FAILED, "CM.BadMessage",
                               "no dedupe key to look for");
                goto out;
        }
        json_array_foreach(set, i, item)
        {
                const char *context = json_string_value(json_object_get(item, "SessionContext"));

                if (context && strcmp(context, dedupe_key) == 0) {
                        const char *status =
                            json_string_value(json_object_get(item, "ReportStatus"));

                        sms_lookup_set(lookup, SMS_FOUND, "Ok",
                                       "Tencent has the message (ReportStatus %s)",
                                       status ? status : "?");
                        sms_copy(lookup->provider_id, sizeof lookup->provider_id,
                                 json_string_value(json_object_get(item, "SerialNo")));
                        goto out;
                }
        }
        sms_lookup_set(lookup, SMS_NOT_FOUND, "Ok",
                       "Tencent has no report with that SessionContext");
        goto out;
unreadable:
        sms_lookup_set(lookup, SMS_LOOKUP_FAILED, "CM.BadResponse",
                       "unreadable answer from Tencent PullSmsSendStatusByPhoneNumber (HTTP %ld)",
                       http_status);
out:
        json_decref(root);
}

static enum sms_lookup_outcome tencent_query(const struct sms_config *cfg,
                                             const struct sms_query *q, struct sms_lookup *lookup)
{
        struct gw_response res;
        struct buf body;
        const char *why = NULL;
        enum call_rc rc;

        buf_init(&body);
        if (tencent_build_query(cfg, q, time(NULL), &body, lookup) < 0) {
                buf_free(&body);
                return lookup->outcome;
        }
        gw_response_init(&res);
        rc = tencent_call(cfg, "PullSmsSendStatusByPhoneNumber", &body, &res, &why);
        if (rc == CALL_CONFIG)
                sms_lookup_set(lookup, SMS_LOOKUP_FAILED, "CM.Config", "%s", why);
        else if (rc == CALL_TRANSPORT)
                sms_lookup_set(lookup, SMS_LOOKUP_FAILED, "CM.Transport", "Tencent SMS: %s",
                               res.error);
        else
                tencent_parse_query(res.status, buf_cstr(&res.body), q->dedupe_key, lookup);
        gw_response_free(&res);
        return lookup->outcome;
}

const struct sms_driver sms_driver_tencent = {
    .name = "tencent",
    .send = tencent_send,
    .query = tencent_query,
};
