/* sms: the SMS driver interface. A driver (aliyun_sms.c, tencent_sms.c) turns one sms_message into
 * one signed request to its provider and the provider's answer into one sms_result, so the courier
 * can decide: SENT (done), RETRY_LATER (back off, maybe not before retry_after_s) or REJECTED (the
 * message can never be sent as it is: fail the job and tell the user). Which driver runs is chosen
 * by configuration (sms_driver_find). The endpoint comes from configuration too, so the unit tests
 * and gatewaysim point a driver at loopback and the same code speaks the real wire protocol.
 *
 * A driver must never log, and nothing it fills in may hold a secret or the message's parameters
 * (they hold the one-time code): sms_result carries only the provider's ids, codes and error text.
 * SendSms is not idempotent at either provider: a RETRY_LATER after a timeout may mean the message
 * went out, so the caller deduplicates (dedupe_key is passed to the provider as OutId /
 * SessionContext for that purpose), and each driver can ask its provider whether a message with
 * that key went out (query: Aliyun QuerySendDetails, Tencent PullSmsSendStatusByPhoneNumber). */
#ifndef CM_GW_SMS_H
#define CM_GW_SMS_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "buf.h"

/* Provider settings; every string is borrowed and must outlive the call. */
struct sms_config {
        const char *endpoint;      /* e.g. "https://dysmsapi.aliyuncs.com/",
                                      "https://sms.tencentcloudapi.com/", or
                                      "http://127.0.0.1:PORT/..." for gatewaysim and tests */
        const char *access_key_id; /* Aliyun AccessKeyId / Tencent SecretId */
        /* Aliyun AccessKeySecret / Tencent SecretKey: never logged, never copied anywhere */
        const char *access_key_secret;
        const char *sign_name;  /* the approved signature, e.g. "课程超市" */
        const char *region;     /* Aliyun RegionId ("cn-hangzhou"), Tencent Region
                                   ("ap-guangzhou"); NULL or "" = that default */
        const char *sdk_app_id; /* Tencent SmsSdkAppId, e.g. "1400006666"; unused by Aliyun */
        long timeout_ms;        /* whole call; <= 0 = 10000. Connecting gets at most 2 s. */
};

struct sms_message {
        const char *phone;         /* mainland mobile "13800138000", or E.164 "+8613800138000" */
        const char *template_code; /* Aliyun "SMS_123456789" / Tencent template id "1110" */
        /* Template variables as a JSON object, e.g. {"code":"123456"}; NULL = none. Aliyun takes it
         * as TemplateParam; Tencent's templates are positional, so the object's values are sent in
         * order as TemplateParamSet (a JSON array of strings is sent as it is). */
        const char *param_json;
        const char *dedupe_key; /* our job id: Aliyun OutId / Tencent SessionContext; may be NULL */
};

enum sms_outcome {
        SMS_SENT,        /* the provider accepted the message */
        SMS_RETRY_LATER, /* rate limit, outage, timeout, unreadable answer, our misconfiguration */
        SMS_REJECTED,    /* will never succeed as it is: bad number, template or sign name */
};

struct sms_result {
        enum sms_outcome outcome;
        char provider_id[64]; /* Aliyun BizId / Tencent SerialNo when SENT, else "" */
        char code[64];        /* the provider's code ("OK", "isv.MOBILE_NUMBER_ILLEGAL",
                                 "LimitExceeded.PhoneNumberOneHourLimit"…) or one of ours: "CM.Config",
                                 "CM.BadMessage", "CM.Transport", "CM.BadResponse" */
        char message[256];    /* for logs and the admin's dead letters; never holds the code sent */
        int retry_after_s; /* RETRY_LATER: the provider's hint in seconds, 0 = none (use backoff) */
};

/* After an attempt whose fate is unknown (the courier died, the call timed out) the courier asks
 * the provider whether the message went out before sending it again: the provider's record of
 * messages to that phone, matched on the dedupe key the message carried. */
struct sms_query {
        const char *phone;      /* as it was sent */
        const char *dedupe_key; /* the OutId / SessionContext it was sent with */
        time_t since;           /* the earliest it can have been sent (the job's creation) */
};

enum sms_lookup_outcome {
        SMS_FOUND,         /* the provider has a message with that key for that phone */
        SMS_NOT_FOUND,     /* it has none: sending now sends the first */
        SMS_LOOKUP_FAILED, /* it could not say: never send blind, ask again later */
};

struct sms_lookup {
        enum sms_lookup_outcome outcome;
        char provider_id[64]; /* FOUND: Tencent SerialNo; Aliyun lists no BizId, so "" */
        char code[64];        /* the provider's error code, or one of ours (CM.*) */
        char message[256];    /* for logs and last_error; never holds the message's text */
};

struct sms_driver {
        const char *name; /* "aliyun" or "tencent", as written in the configuration */
        /* Sends one message; always fills *result, returns 0 when SENT and -1 otherwise. */
        int (*send)(const struct sms_config *, const struct sms_message *, struct sms_result *);
        /* Asks whether a message with q->dedupe_key reached q->phone since q->since; always fills
         * *lookup and returns its outcome. */
        enum sms_lookup_outcome (*query)(const struct sms_config *, const struct sms_query *,
                                         struct sms_lookup *);
};

extern const struct sms_driver sms_driver_aliyun;
extern const struct sms_driver sms_driver_tencent;

/* The driver named in the configuration, or NULL. */
static inline const struct sms_driver *sms_driver_find(const char *name)
{
        if (name && strcmp(name, sms_driver_aliyun.name) == 0)
                return &sms_driver_aliyun;
        if (name && strcmp(name, sms_driver_tencent.name) == 0)
                return &sms_driver_tencent;
        return NULL;
}

static inline const char *sms_outcome_name(enum sms_outcome o)
{
        switch (o) {
        case SMS_SENT:
                return "sent";
        case SMS_RETRY_LATER:
                return "retry-later";
        case SMS_REJECTED:
                return "rejected";
        }
        return "?";
}

/* Copies src into dst[cap], cutting at a UTF-8 character boundary when it does not fit. */
static inline void sms_copy(char *dst, size_t cap, const char *src)
{
        size_t n = src ? strlen(src) : 0;

        if (cap == 0)
                return;
        if (n >= cap) {
                n = cap - 1;
                /* back off continuation bytes (10xxxxxx) and the lead byte they belonged to */
                while (n > 0 && ((unsigned char)src[n] & 0xC0) == 0x80)
                        n--;
        }
        if (n)
                memcpy(dst, src, n);
        dst[n] = '\0';
}

/* Resets *r to outcome o with the given code and a formatted message (UTF-8-safe truncation). */
__attribute__((format(printf, 4, 5))) static inline void
sms_result_set(struct sms_result *r, enum sms_outcome o, const char *code, const char *fmt, ...)
{
        char tmp[1024];
        va_list ap;

        r->outcome = o;
        r->provider_id[0] = '\0';
        r->retry_after_s = 0;
        sms_copy(r->code, sizeof r->code, code);
        va_start(ap, fmt);
        vsnprintf(tmp, sizeof tmp, fmt, ap);
        va_end(ap);
        sms_copy(r->message, sizeof r->message, tmp);
}

/* Resets *l to outcome o with the given code and a formatted message (UTF-8-safe truncation). */
__attribute__((format(printf, 4, 5))) static inline void sms_lookup_set(struct sms_lookup *l,
                                                                        enum sms_lookup_outcome o,
                                                                        const char *code,
                                                                        const char *fmt, ...)
{
        char tmp[1024];
        va_list ap;

        l->outcome = o;
        l->provider_id[0] = '\0';
        sms_copy(l->code, sizeof l->code, code);
        va_start(ap, fmt);
        vsnprintf(tmp, sizeof tmp, fmt, ap);
        va_end(ap);
        sms_copy(l->message, sizeof l->message, tmp);
}

/* Reads a provider's HTTP answer into *result. */
typedef void (*sms_parse_fn)(long http_status, const char *body, struct sms_result *result);

/* The end every driver shares (sms.c): POSTs body with headers to cfg->endpoint, maps a transport
 * failure to SMS_RETRY_LATER (provider names it in the message), otherwise lets parse read the
 * answer; then wipes and frees body, which holds the code. 0 when sent, else -1. */
int sms_post(const struct sms_config *cfg, const char *const *headers, struct buf *body,
             const char *provider, sms_parse_fn parse, struct sms_result *result);

/* The same POST for a query: the answer in *res (initialised by the caller, who frees it); then
 * wipes and frees body. 0 when a whole HTTP answer arrived, -1 with res->error otherwise. */
struct gw_response;
int sms_exchange(const struct sms_config *cfg, const char *const *headers, struct buf *body,
                 struct gw_response *res);

/* ---------------------------------------------------------------- Aliyun (aliyun_sms.c)
 * RPC signature v1 over SendSms 2017-05-25. These functions are pure (no I/O, no clock, no
 * randomness) so the tests reproduce Aliyun's published example and gatewaysim verifies requests
 * with the very same code. */

struct aliyun_param {
        const char *key;
        const char *value;
};

#define ALIYUN_SIGNATURE_LEN 28 /* base64 of a 20-byte HMAC-SHA1, with its '=' */

/* Appends s percent-encoded the POP way: RFC 3986 unreserved bytes (A-Z a-z 0-9 - _ . ~) stay,
 * every other byte becomes %XX in upper case, so space is %20 (never '+'), '*' is %2A, '+' is %2B
 * and '~' stays: what Aliyun documents as URLEncoder output with + → %20, * → %2A, %7E → ~. */
void aliyun_percent_encode(struct buf *out, const char *s);

/* Signs params (every request parameter but Signature): sorts them in place by key (byte order),
 * writes the canonicalized query "k=v&…" (each side percent-encoded) to *canonical and
 * StringToSign = method & %2F & percentEncode(canonical) to *string_to_sign (either may be NULL:
 * both are appended to), and the base64 HMAC-SHA1 of StringToSign under secret + "&" to signature.
 * Returns 0, or -1 when a key is missing or repeated or a value is NULL. */
int aliyun_sign(const char *method, struct aliyun_param *params, size_t n, const char *secret,
                struct buf *canonical, struct buf *string_to_sign,
                char signature[ALIYUN_SIGNATURE_LEN + 1]);

/* Appends the signed application/x-www-form-urlencoded body of a POST SendSms request (Format
 * JSON, the given SignatureNonce and Timestamp) to *body. On a missing setting or field fills
 * *result (CM.Config or CM.BadMessage) and returns -1. */
int aliyun_build_request(const struct sms_config *cfg, const struct sms_message *msg,
                         const char *nonce, time_t now, struct buf *body,
                         struct sms_result *result);

/* Reads a SendSms answer (JSON) into *result: Code "OK" → SENT with BizId; rate limits
 * (isv.BUSINESS_LIMIT_CONTROL, Throttling*) → RETRY_LATER with a hint; a bad number, parameters,
 * template or sign name → REJECTED; anything else, and anything unreadable → RETRY_LATER. */
void aliyun_parse_response(long http_status, const char *body, struct sms_result *result);

/* QuerySendDetails (same version and signature) searches one Asia/Shanghai day (SendDate, yyyyMMdd)
 * per request, a page of at most ALIYUN_QUERY_PAGE_SIZE records at a time. */
#define ALIYUN_QUERY_PAGE_SIZE 50
#define ALIYUN_QUERY_MAX_DAYS  30 /* it keeps 30 days of records */

/* The SendDates a message sent between since and now can carry, oldest first: the Shanghai day of
 * since, each day after it, up to the Shanghai day of now (a job that spans midnight needs both).
 * Writes at most max of them, the newest (older days are beyond the provider's memory anyway), and
 * returns how many; 0 when now < since. */
int aliyun_query_dates(time_t since, time_t now, char dates[][9], int max);

/* Appends the signed form body of a POST QuerySendDetails for q->phone on send_date, page page
 * (from 1), to *body. On a missing setting or field fills *lookup (LOOKUP_FAILED) and returns -1.
 */
int aliyun_build_query(const struct sms_config *cfg, const struct sms_query *q,
                       const char *send_date, int page, const char *nonce, time_t now,
                       struct buf *body, struct sms_lookup *lookup);

/* Reads a QuerySendDetails answer: FOUND when a record (SmsSendDetailDTOs.SmsSendDetailDTO[]) has
 * OutId dedupe_key, whatever its SendStatus (1 waiting for the receipt, 2 failed, 3 delivered: each
 * means the provider took the message); NOT_FOUND when none does, with *total_count set to
 * TotalCount so the caller can ask for the next page; LOOKUP_FAILED on any error or unreadable
 * answer. Never copies Content, which holds the message's text. */
void aliyun_parse_query(long http_status, const char *body, const char *dedupe_key,
                        struct sms_lookup *lookup, long *total_count);

/* ---------------------------------------------------------------- Tencent (tencent_sms.c)
 * TC3-HMAC-SHA256 (API 3.0 signature v3) over SendSms 2021-01-11; pure like the above. */

struct tencent_signature {
        char date[11];                     /* the UTC date of the timestamp, YYYY-MM-DD */
        char hashed_payload[65];           /* hex SHA-256 of the body */
        char hashed_canonical_request[65]; /* hex SHA-256 of canonical_request */
        char signature[65];                /* hex HMAC-SHA256 under the derived key */
        struct buf canonical_request;      /* POST / "" content-type;host … */
        struct buf string_to_sign;         /* TC3-HMAC-SHA256 \n ts \n scope \n hash */
        struct buf authorization;          /* the Authorization header's value */
};

/* Signs a POST to "/" with an empty query and the signed headers content-type and host (values
 * lower-cased and trimmed, as Tencent canonicalises them; send exactly these). The derived keys
 * kDate = HMAC("TC3" + secret_key, date), kService, kSigning are 32 raw bytes each and are always
 * passed with their length. Fills *out (release with tencent_signature_free, also after an
 * error); returns 0, or -1 on a NULL argument or an impossible timestamp. */
int tencent_sign(const char *secret_id, const char *secret_key, const char *service,
                 const char *host, const char *content_type, const void *payload,
                 size_t payload_len, long long timestamp, struct tencent_signature *out);
void tencent_signature_free(struct tencent_signature *sig);

/* The host[:port] of an http(s) endpoint URL, lower-cased, as it goes into the Host header and
 * the signature; 0, or -1 when there is none or it does not fit. */
int tencent_host_of(const char *endpoint, char *out, size_t cap);

/* Appends the SendSms JSON body {PhoneNumberSet, SmsSdkAppId, SignName, TemplateId,
 * TemplateParamSet, SessionContext} to *body. On a missing setting or a bad field fills *result
 * (CM.Config or CM.BadMessage) and returns -1. */
int tencent_build_request(const struct sms_config *cfg, const struct sms_message *msg,
                          struct buf *body, struct sms_result *result);

/* Reads a SendSms answer into *result: Response.SendStatusSet[0].Code "Ok" → SENT with SerialNo;
 * LimitExceeded.* / RequestLimitExceeded* → RETRY_LATER with a hint; a bad number, a template or
 * sign name refused → REJECTED; Response.Error by the same rules; unreadable → RETRY_LATER. */
void tencent_parse_response(long http_status, const char *body, struct sms_result *result);

/* PullSmsSendStatusByPhoneNumber (2021-01-11) lists the delivery reports for one number from
 * BeginTime (at most 7 days back) to EndTime, at most 100 (Offset is fixed at 0). */
#define TENCENT_QUERY_LIMIT    100
#define TENCENT_QUERY_MAX_DAYS 7

/* Appends the JSON body {SmsSdkAppId, PhoneNumber (E.164), BeginTime = q->since (no earlier than
 * 7 days before now), Offset 0, Limit 100, EndTime = now} to *body. On a missing setting or field
 * fills *lookup (LOOKUP_FAILED) and returns -1. */
int tencent_build_query(const struct sms_config *cfg, const struct sms_query *q, time_t now,
                        struct buf *body, struct sms_lookup *lookup);

/* Reads a PullSmsSendStatusByPhoneNumber answer: FOUND (with its SerialNo) when an entry of
 * Response.PullSmsSendStatusSet has SessionContext dedupe_key, NOT_FOUND when none has,
 * LOOKUP_FAILED on Response.Error or an unreadable answer. */
void tencent_parse_query(long http_status, const char *body, const char *dedupe_key,
                         struct sms_lookup *lookup);

#endif
