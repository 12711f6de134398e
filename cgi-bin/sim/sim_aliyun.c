/* sim_aliyun: Aliyun SMS (Dysmsapi, API version 2017-05-25) as gatewaysim plays it. An RPC request
 * is a POST form body (or a query string) with Action=…; it is checked the way Aliyun's POP gateway
 * checks it: the common parameters, the AccessKeyId, a Timestamp within 15 minutes, the signature
 * v1 recomputed with the production signer (aliyun_sign) and compared in constant time, then a
 * SignatureNonce used once. SendSms records the message; QuerySendDetails finds it again.
 * Refusals use Aliyun's codes and bodies (HTTP 4xx for the gateway's, 200 with isv.* for the
 * product's). It must never put the secret or the template parameters into an error message:
 * the drivers copy messages into logs. */
#include "sim/sim.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "crypto.h"
#include "db.h"
#include "gateways/sms.h"
#include "http.h"
#include "request.h"
#include "response.h"
#include "sim/sim_store.h"
#include "sim/sim_text.h"

#define ALIYUN_VERSION       "2017-05-25"
#define ALIYUN_HOST_ID       "dysmsapi.aliyuncs.com"
#define ALIYUN_MAX_PARAMS    64
#define ALIYUN_MAX_PHONES    1000
#define ALIYUN_CLOCK_SKEW    (15 * 60)
#define ALIYUN_QUERY_MAXPAGE 50

struct aliyun_call {
        struct sim_call *call;
        struct resp *rs;
        struct aliyun_param params[ALIYUN_MAX_PARAMS]; /* every parameter but Signature */
        size_t n;
        const char *signature;
        const char *action;
};

static const char *param(const struct aliyun_call *a, const char *key)
{
        for (size_t i = 0; i < a->n; i++)
                if (strcmp(a->params[i].key, key) == 0)
                        return a->params[i].value;
        return NULL;
}

/* A refusal by the API gateway: HTTP status, code and message, recorded. */
static int gateway_error(struct aliyun_call *a, int status, const char *code, const char *message)
{
        char rid[37], recommend[160];

        sim_request_id(rid, true);
        snprintf(recommend, sizeof recommend,
                 "https://api.aliyun.com/troubleshoot?q=%s&product=Dysmsapi", code);
        sim_store_refusal(a->call->db, "aliyun", a->action, code, NULL);
        sim_json_reply(a->rs, status,
                       json_pack("{s:s, s:s, s:s, s:s, s:s}", "RequestId", rid, "HostId",
                                 ALIYUN_HOST_ID, "Code", code, "Message", message, "Recommend",
                                 recommend));
        return 0;
}

/* A refusal by the SMS product: HTTP 200 with Code isv.…, recorded with the phone. */
static int product_error(struct aliyun_call *a, const char *code, const char *message,
                         const char *phone)
{
        char rid[37];

        sim_request_id(rid, true);
        sim_store_refusal(a->call->db, "aliyun", a->action, code, phone);
        sim_json_reply(
            a->rs, 200,
            json_pack("{s:s, s:s, s:s}", "RequestId", rid, "Code", code, "Message", message));
        return 0;
}

static int missing(struct aliyun_call *a, const char *name)
{
        char code[64], message[128];

        snprintf(code, sizeof code, "Missing%s", name);
        snprintf(message, sizeof message, "%s is mandatory for this action.", name);
        return gateway_error(a, 400, code, message);
}

/* Collects the parameters of the query string and the form body; -1 when there are too many. */
static int collect(struct aliyun_call *a)
{
        const struct kv *lists[] = {a->call->rq->query, a->call->rq->form};

        for (size_t l = 0; l < 2; l++)
                for (const struct kv *kv = lists[l]; kv; kv = kv->next) {
                        if (strcmp(kv->name, "Signature") == 0) {
                                a->signature = kv->value;
                                continue;
                        }
                        if (a->n == ALIYUN_MAX_PARAMS)
                                return -1;
                        a->params[a->n++] = (struct aliyun_param){kv->name, kv->value};
                }
        return 0;
}

/* 0 when the request is authentic and fresh; otherwise the refusal is already written. */
static int authenticate(struct aliyun_call *a)
{
        static const char *const required[] = {
            "AccessKeyId",      "Format",    "SignatureMethod", "SignatureNonce",
            "SignatureVersion", "Timestamp", "Version",
        };
        char expected[ALIYUN_SIGNATURE_LEN + 1];
        long long ts;

        for (size_t i = 0; i < sizeof required / sizeof required[0]; i++)
                if (!param(a, required[i]) || !*param(a, required[i])) {
                        missing(a, required[i]);
                        return -1;
                }
        if (!a->signature || !*a->signature) {
                missing(a, "Signature");
                return -1;
        }
        if (strcmp(param(a, "AccessKeyId"), sim_account.access_key_id) != 0) {
                gateway_error(a, 404, "InvalidAccessKeyId.NotFound",
                              "Specified access key is not found.");
                return -1;
        }
        if (strcmp(param(a, "SignatureMethod"), "HMAC-SHA1") != 0 ||
            strcmp(param(a, "SignatureVersion"), "1.0") != 0) {
                gateway_error(a, 400, "IncompleteSignature",
                              "The request signature does not conform to Aliyun standards.");
                return -1;
        }
        if (sim_parse_iso8601(param(a, "Timestamp"), &ts) < 0) {
                gateway_error(a, 400, "InvalidTimeStamp.Format",
                              "Specified time stamp or date value is not well formatted.");
                return -1;
        }
        if (llabs((long long)time(NULL) - ts) > ALIYUN_CLOCK_SKEW) {
                gateway_error(a, 400, "InvalidTimeStamp.Expired",
                              "Specified time stamp or date value is expired.");
                return -1;
        }
        /* aliyun_sign sorts a->params in place: fine, lookups do not depend on the order */
        if (aliyun_sign(a->call->rq->method_name, a->params, a->n, sim_account.secret, NULL, NULL,
                        expected) < 0 ||
            strlen(a->signature) != ALIYUN_SIGNATURE_LEN ||
            !crypto_equal(a->signature, expected, ALIYUN_SIGNATURE_LEN)) {
                gateway_error(a, 400, "SignatureDoesNotMatch",
                              "Specified signature is not matched with our calculation.");
                return -1;
        }
        switch (sim_store_use_nonce(a->call->db, "aliyun", param(a, "SignatureNonce"))) {
        case SIM_NONCE_FRESH:
                break;
        case SIM_NONCE_USED: {
                gateway_error(a, 400, "SignatureNonceUsed",
                              "Specified signature nonce was used already.");
                return -1;
        }
        case SIM_NONCE_ERROR: {
                gateway_error(a, 503, "ServiceUnavailable",
                              "The request has failed due to a temporary failure of the "
                              "server.");
                return -1;
        }
        }
        if (strcmp(param(a, "Format"), "JSON") != 0) {
                gateway_error(a, 400, "InvalidParameter",
                              "Specified parameter Format is not valid (gatewaysim answers "
                              "JSON only).");
                return -1;
        }
        if (strcmp(param(a, "Version"), ALIYUN_VERSION) != 0) {
                gateway_error(a, 400, "InvalidVersion",
                              "Specified parameter Version is not valid.");
                return -1;
        }
        return 0;
}

/* Splits PhoneNumbers on ','; each into 11 digits. -1 on a bad number (refusal written). */
static int phones(struct aliyun_call *a, char (*out)[12], size_t *n)
{
        const char *p = param(a, "PhoneNumbers");
        char one[32];

        *n = 0;
        for (;;) {
                size_t len = strcspn(p, ",");
                if (*n == ALIYUN_MAX_PHONES) {
                        product_error(a, "isv.MOBILE_COUNT_OVER_LIMIT", "手机号码数量超过限制",
                                      NULL);
                        return -1;
                }
                if (len >= sizeof one)
                        len = sizeof one - 1; /* too long to be a number: refused below */
                memcpy(one, p, len);
                one[len] = '\0';
                if (!sim_phone_normalize(one, out[*n])) {
                        product_error(a, "isv.MOBILE_NUMBER_ILLEGAL", "非法手机号", NULL);
                        return -1;
                }
                (*n)++;
                p += strcspn(p, ",");
                if (!*p)
                        return 0;
                p++;
        }
}

/* The first mode other than ok among the phones' (each phone's count is taken). */
static bool take_modes(struct aliyun_call *a, char (*nums)[12], size_t n, struct sim_mode *mode)
{
        struct sim_mode m;

        snprintf(mode->mode, sizeof mode->mode, "ok");
        mode->hold_ms = 0;
        for (size_t i = 0; i < n; i++) {
                if (!sim_store_take_mode(a->call->db, nums[i], &m))
                        return false;
                if (strcmp(mode->mode, "ok") == 0)
                        *mode = m;
        }
        return true;
}

static int send_sms(struct aliyun_call *a)
{
        static char nums[ALIYUN_MAX_PHONES][12];
        const struct sim_template *tpl;
        const char *sign = param(a, "SignName"), *code = param(a, "TemplateCode");
        const char *tparam = param(a, "TemplateParam");
        struct sim_mode mode;
        struct buf text;
        json_t *params;
        size_t n;
        char rid[37], biz[32];
        int hold = 0;

        if (!param(a, "PhoneNumbers") || !*param(a, "PhoneNumbers"))
                return missing(a, "PhoneNumbers");
        if (!sign || !*sign)
                return missing(a, "SignName");
        if (!code || !*code)
                return missing(a, "TemplateCode");
        if (phones(a, nums, &n) < 0)
                return 0;
        if (strcmp(sign, sim_account.sign_name) != 0)
                return product_error(a, "isv.SMS_SIGNATURE_ILLEGAL", "该账号下找不到对应签名",
                                     nums[0]);
        tpl = sim_template_by_code(sim_account.templates, sim_account.ntemplates, code);
        if (!tpl)
                return product_error(a, "isv.SMS_TEMPLATE_ILLEGAL", "该账号下找不到对应模板",
                                     nums[0]);
        params = json_loads(tparam && *tparam ? tparam : "{}", 0, NULL);
        buf_init(&text);
        switch (sim_fill_named(tpl->name, sign, params, &text)) {
        case SIM_FILL_OK:
                break;
        case SIM_FILL_MISSING:
                product_error(a, "isv.TEMPLATE_MISSING_PARAMETERS", "模板变量缺少对应参数值",
                              nums[0]);
                goto out;
        default:
                product_error(a, "isv.INVALID_JSON_PARAM", "JSON参数不合法，只接受字符串值",
                              nums[0]);
                goto out;
        }

        if (!take_modes(a, nums, n, &mode)) {
                gateway_error(a, 503, "ServiceUnavailable",
                              "The request has failed due to a temporary failure of the server.");
                goto out;
        }
        if (strcmp(mode.mode, "fail") == 0) {
                gateway_error(a, 500, "InternalError",
                              "The request processing has failed due to some unknown error, "
                              "exception or failure.");
                goto out;
        }
        if (strcmp(mode.mode, "ratelimit") == 0) {
                product_error(a, "isv.BUSINESS_LIMIT_CONTROL", "触发分钟级流控Permits:1", nums[0]);
                goto out;
        }
        if (strcmp(mode.mode, "illegal") == 0) {
                product_error(a, "isv.MOBILE_NUMBER_ILLEGAL", "非法手机号", nums[0]);
                goto out;
        }
        if (strcmp(mode.mode, "timeout") == 0) {
                /* nothing recorded, nothing useful said: the caller's timeout decides */
                resp_text(a->rs, 504, "text/plain; charset=utf-8", "");
                hold = mode.hold_ms;
                goto out;
        }

        /* one BizId per request, as Aliyun gives: digits, '^', a sequence number */
        sim_random_digits(biz, 18);
        strcat(biz, "^0");
        char *canon = json_dumps(params, JSON_COMPACT);
        for (size_t i = 0; i < n; i++) {
                struct sim_message m = {
                    .provider = "aliyun",
                    .phone = nums[i],
                    .sign_name = sign,
                    .template_code = code,
                    .params_json = canon ? canon : "{}",
                    .text = buf_cstr(&text),
                    .context = param(a, "OutId"),
                    .provider_id = biz,
                };
                if (!sim_store_message(a->call->db, &m)) {
                        free(canon);
                        gateway_error(a, 503, "ServiceUnavailable",
                                      "The request has failed due to a temporary failure of the "
                                      "server.");
                        goto out;
                }
        }
        free(canon);
        sim_request_id(rid, true);
        sim_json_reply(a->rs, 200,
                       json_pack("{s:s, s:s, s:s, s:s}", "Message", "OK", "RequestId", rid, "BizId",
                                 biz, "Code", "OK"));
        if (strcmp(mode.mode, "slow") == 0)
                hold = mode.hold_ms;
out:
        json_decref(params);
        buf_free(&text);
        return hold;
}

/* A positive integer of at most max, or -1. */
static long positive(const char *s, long max)
{
        char *end;
        long v;

        if (!s || !*s)
                return -1;
        v = strtol(s, &end, 10);
        return *end || v < 1 || v > max ? -1 : v;
}

static int query_send_details(struct aliyun_call *a)
{
        static const char *const required[] = {"PhoneNumber", "SendDate", "PageSize",
                                               "CurrentPage"};
        const char *date = param(a, "SendDate"), *biz = param(a, "BizId");
        char phone[12], limit[16], offset[24], rid[37];
        long long unused;
        long size, page;
        PGresult *count, *rows;
        char iso[32];

        for (size_t i = 0; i < sizeof required / sizeof required[0]; i++)
                if (!param(a, required[i]) || !*param(a, required[i]))
                        return missing(a, required[i]);
        if (!sim_phone_normalize(param(a, "PhoneNumber"), phone))
                return product_error(a, "isv.MOBILE_NUMBER_ILLEGAL", "非法手机号", NULL);
        size = positive(param(a, "PageSize"), ALIYUN_QUERY_MAXPAGE);
        page = positive(param(a, "CurrentPage"), 1000000);
        if (strlen(date) == 8)
                snprintf(iso, sizeof iso, "%.4s-%.2s-%.2sT00:00:00Z", date, date + 4, date + 6);
        else
                iso[0] = '\0';
        if (sim_parse_iso8601(iso, &unused) < 0 || size < 0 || page < 0)
                return product_error(a, "isv.INVALID_PARAMETERS", "参数异常", phone);

        snprintf(limit, sizeof limit, "%ld", size);
        snprintf(offset, sizeof offset, "%ld", (page - 1) * size);
        count = sim_store_aliyun_count(a->call->db, phone, date, biz ? biz : "");
        rows = count
                   ? sim_store_aliyun_page(a->call->db, phone, date, biz ? biz : "", limit, offset)
                   : NULL;
        if (!rows)
                return gateway_error(a, 503, "ServiceUnavailable",
                                     "The request has failed due to a temporary failure of the "
                                     "server.");

        json_t *list = json_array();
        for (int i = 0; i < PQntuples(rows); i++)
                json_array_append_new(list,
                                      json_pack("{s:s, s:i, s:s, s:s, s:s, s:s, s:s, s:s}",
                                                "PhoneNum", db_val(rows, i, 0), "SendStatus", 3,
                                                "ErrCode", "DELIVERED", "TemplateCode",
                                                db_val(rows, i, 1), "Content", db_val(rows, i, 2),
                                                "SendDate", db_val(rows, i, 3), "ReceiveDate",
                                                db_val(rows, i, 4), "OutId", db_val(rows, i, 5)));
        sim_request_id(rid, true);
        sim_json_reply(a->rs, 200,
                       json_pack("{s:s, s:s, s:s, s:I, s:{s:o}}", "Code", "OK", "Message", "OK",
                                 "RequestId", rid, "TotalCount",
                                 (json_int_t)strtoll(db_val(count, 0, 0), NULL, 10),
                                 "SmsSendDetailDTOs", "SmsSendDetailDTO", list));
        return 0;
}

int sim_aliyun_handle(struct sim_call *call, struct resp *rs)
{
        struct aliyun_call a = {.call = call, .rs = rs};

        a.action = kv_get(call->rq->form, "Action");
        if (!a.action)
                a.action = kv_get(call->rq->query, "Action");
        if (collect(&a) < 0)
                return gateway_error(&a, 400, "InvalidParameter", "Too many parameters.");
        if (authenticate(&a) < 0)
                return 0;
        if (strcmp(a.action, "SendSms") == 0)
                return send_sms(&a);
        if (strcmp(a.action, "QuerySendDetails") == 0)
                return query_send_details(&a);
        return gateway_error(&a, 404, "InvalidAction.NotFound",
                             "Specified api is not found, please check your url and method.");
}
