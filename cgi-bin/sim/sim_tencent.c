/* sim_tencent: Tencent Cloud SMS (API 3.0, version 2021-01-11, service sms) as gatewaysim plays
 * it. A request is a JSON POST to "/" naming its action in X-TC-Action; it is checked the way
 * Tencent's API gateway checks it: the TC3-HMAC-SHA256 Authorization (credential scope
 * date/sms/tc3_request, SignedHeaders content-type;host, the signature recomputed over the raw
 * body with the production signer tencent_sign and compared in constant time), X-TC-Timestamp
 * within 5 minutes, X-TC-Version. SendSms records each accepted number; PullSmsSendStatusByPhone-
 * Number finds the messages again. Errors are {"Response":{"Error":{Code,Message},RequestId}} with
 * Tencent's codes. It must never put the secret or the template parameters into an error message:
 * the drivers copy messages into logs. */
#include "sim/sim.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "crypto.h"
#include "db.h"
#include "gateways/sms.h"
#include "request.h"
#include "response.h"
#include "sim/sim_store.h"
#include "sim/sim_text.h"

#define TENCENT_VERSION     "2021-01-11"
#define TENCENT_SERVICE     "sms"
#define TENCENT_CLOCK_SKEW  300
#define TENCENT_MAX_PHONES  200
#define TENCENT_MAX_PULL    100
#define TENCENT_FOREVER_END "253402300799" /* 9999-12-31T23:59:59Z: no EndTime */

struct tencent_call {
        struct sim_call *call;
        struct resp *rs;
        const char *action;
        json_t *body; /* the parsed JSON body, once authenticated */
};

static json_t *response_of(json_t *fields)
{
        char rid[37];

        sim_request_id(rid, false);
        json_object_set_new(fields, "RequestId", json_string(rid));
        return json_pack("{s:o}", "Response", fields);
}

/* An error answer (HTTP 200 as Tencent sends them, or 500 for an internal error), recorded. */
static int error_status(struct tencent_call *t, int status, const char *code, const char *message,
                        const char *phone)
{
        sim_store_refusal(t->call->db, "tencent", t->action, code, phone);
        sim_json_reply(
            t->rs, status,
            response_of(json_pack("{s:{s:s, s:s}}", "Error", "Code", code, "Message", message)));
        return 0;
}

static int api_error(struct tencent_call *t, const char *code, const char *message)
{
        return error_status(t, 200, code, message, NULL);
}

static int missing(struct tencent_call *t, const char *name)
{
        char message[128];

        snprintf(message, sizeof message, "The request is missing a required parameter `%s`.",
                 name);
        return api_error(t, "MissingParameter", message);
}

static int unavailable(struct tencent_call *t)
{
        return error_status(t, 500, "InternalError", "内部错误。", NULL);
}

/* A whole decimal number (no sign, no fraction), or -1. */
static long long whole(const char *s)
{
        char *end;
        long long v;

        if (!s || *s < '0' || *s > '9')
                return -1;
        v = strtoll(s, &end, 10);
        return *end ? -1 : v;
}

/* 0 when the request is authentic and fresh; otherwise the refusal is already written. */
static int authenticate(struct tencent_call *t)
{
        const struct sim_call *c = t->call;
        struct sim_tc3_auth auth;
        struct tencent_signature sig;
        long long ts;
        bool match;

        if (!c->authorization || !*c->authorization) {
                missing(t, "Authorization");
                return -1;
        }
        if (sim_tc3_parse(c->authorization, &auth) < 0 ||
            strcmp(auth.algorithm, "TC3-HMAC-SHA256") != 0) {
                api_error(t, "AuthFailure.InvalidAuthorization",
                          "Authorization header format is invalid.");
                return -1;
        }
        ts = whole(c->tc_timestamp);
        if (ts < 0) {
                missing(t, "Timestamp");
                return -1;
        }
        if (llabs((long long)time(NULL) - ts) > TENCENT_CLOCK_SKEW) {
                api_error(t, "AuthFailure.SignatureExpire",
                          "Signature expired. Timestamp comparing to the server time must be "
                          "within 5 minutes.");
                return -1;
        }
        if (strcmp(auth.secret_id, sim_account.access_key_id) != 0) {
                api_error(t, "AuthFailure.SecretIdNotFound",
                          "The SecretId is not found, please ensure that your SecretId is "
                          "correct.");
                return -1;
        }
        match = tencent_sign(auth.secret_id, sim_account.secret, TENCENT_SERVICE,
                             c->host ? c->host : "", c->rq->content_type, c->body, c->body_len, ts,
                             &sig) == 0 &&
                strcmp(auth.service, TENCENT_SERVICE) == 0 &&
                strcmp(auth.terminator, "tc3_request") == 0 &&
                strcmp(auth.signed_headers, "content-type;host") == 0 &&
                strcmp(auth.date, sig.date) == 0 && strlen(auth.signature) == 64 &&
                crypto_equal(auth.signature, sig.signature, 64);
        tencent_signature_free(&sig);
        if (!match) {
                api_error(t, "AuthFailure.SignatureFailure",
                          "The provided credentials could not be validated. Please check your "
                          "signature is correct.");
                return -1;
        }
        if (!c->tc_version || !*c->tc_version) {
                missing(t, "Version");
                return -1;
        }
        if (strcmp(c->tc_version, TENCENT_VERSION) != 0) {
                api_error(t, "NoSuchVersion",
                          "The requested version does not exist or is not supported by the "
                          "action.");
                return -1;
        }
        t->body = json_loadb(c->body ? c->body : "", c->body_len, 0, NULL);
        if (!json_is_object(t->body)) {
                api_error(t, "InvalidParameter", "The request body is not a JSON object.");
                return -1;
        }
        return 0;
}

static const char *str_field(const struct tencent_call *t, const char *name)
{
        return json_string_value(json_object_get(t->body, name));
}

/* The status of one number that is not sent. */
static json_t *refused_item(const char *phone_as_sent, const char *context, const char *code,
                            const char *message)
{
        return json_pack("{s:s, s:s, s:i, s:s, s:s, s:s, s:s}", "SerialNo", "", "PhoneNumber",
                         phone_as_sent, "Fee", 0, "SessionContext", context, "Code", code,
                         "Message", message, "IsoCode", "");
}

static int send_sms(struct tencent_call *t)
{
        json_t *set = json_object_get(t->body, "PhoneNumberSet");
        json_t *params = json_object_get(t->body, "TemplateParamSet");
        const char *app = str_field(t, "SmsSdkAppId"), *sign = str_field(t, "SignName");
        const char *tid = str_field(t, "TemplateId"), *context = str_field(t, "SessionContext");
        char nums[TENCENT_MAX_PHONES][12];
        struct sim_mode modes[TENCENT_MAX_PHONES];
        const struct sim_template *tpl;
        struct buf text;
        json_t *items, *v;
        size_t n, i;
        char *canon;
        int hold = 0;

        if (!json_is_array(set) || json_array_size(set) == 0)
                return missing(t, "PhoneNumberSet");
        if (!app || !*app)
                return missing(t, "SmsSdkAppId");
        if (!tid || !*tid)
                return missing(t, "TemplateId");
        if (!sign || !*sign)
                return missing(t, "SignName");
        n = json_array_size(set);
        if (n > TENCENT_MAX_PHONES)
                return api_error(t, "LimitExceeded.PhoneNumberCountLimit",
                                 "调用接口单次提交的手机号个数超过200个。");
        if (strcmp(app, sim_account.sdk_app_id) != 0)
                return api_error(t, "InvalidParameterValue.SdkAppIdNotExist", "SdkAppId不存在。");
        if (strcmp(sign, sim_account.sign_name) != 0)
                return api_error(t, "FailedOperation.SignatureIncorrectOrUnapproved",
                                 "签名未审批或格式错误。");
        tpl = sim_template_by_code(sim_account.templates, sim_account.ntemplates, tid);
        if (!tpl)
                return api_error(t, "FailedOperation.TemplateIncorrectOrUnapproved",
                                 "模板未审批或内容不匹配。");
        if (!params)
                params = json_array();
        else
                json_incref(params);
        buf_init(&text);
        switch (sim_fill_positional(tpl->name, sign, params, &text)) {
        case SIM_FILL_OK:
                break;
        case SIM_FILL_COUNT:
        case SIM_FILL_MISSING:
                api_error(t, "FailedOperation.TemplateParamSetNotMatchApprovedTemplate",
                          "请求内容与审核通过的模板内容不匹配。");
                goto out;
        default:
                api_error(t, "InvalidParameterValue.TemplateParameterFormatError",
                          "模板参数格式错误，只接受字符串。");
                goto out;
        }
        if (!context)
                context = "";

        /* every number's mode first: a failing or silent provider fails the whole request */
        for (i = 0; i < n; i++) {
                snprintf(modes[i].mode, sizeof modes[i].mode, "ok");
                modes[i].hold_ms = 0;
                if (!sim_phone_normalize(json_string_value(json_array_get(set, i)), nums[i])) {
                        nums[i][0] = '\0';
                        continue;
                }
                if (!sim_store_take_mode(t->call->db, nums[i], &modes[i])) {
                        unavailable(t);
                        goto out;
                }
                if (strcmp(modes[i].mode, "fail") == 0) {
                        error_status(t, 500, "InternalError", "内部错误。", nums[i]);
                        goto out;
                }
                if (strcmp(modes[i].mode, "timeout") == 0) {
                        /* nothing recorded, nothing useful said: the caller's timeout decides */
                        resp_text(t->rs, 504, "text/plain; charset=utf-8", "");
                        hold = modes[i].hold_ms;
                        goto out;
                }
        }

        canon = json_dumps(params, JSON_COMPACT);
        items = json_array();
        json_array_foreach(set, i, v)
        {
                const char *as_sent = json_is_string(v) ? json_string_value(v) : "";
                char serial[40], e164[16];

                if (!nums[i][0] || strcmp(modes[i].mode, "illegal") == 0) {
                        sim_store_refusal(t->call->db, "tencent", t->action,
                                          "InvalidParameterValue.IncorrectPhoneNumber",
                                          nums[i][0] ? nums[i] : NULL);
                        json_array_append_new(
                            items, refused_item(as_sent, context,
                                                "InvalidParameterValue.IncorrectPhoneNumber",
                                                "手机号格式错误。"));
                        continue;
                }
                if (strcmp(modes[i].mode, "ratelimit") == 0) {
                        sim_store_refusal(t->call->db, "tencent", t->action,
                                          "LimitExceeded.PhoneNumberOneHourLimit", nums[i]);
                        json_array_append_new(
                            items,
                            refused_item(as_sent, context, "LimitExceeded.PhoneNumberOneHourLimit",
                                         "单个手机号1小时内下发短信条数超过设定的上限。"));
                        continue;
                }
                /* SerialNo like Tencent's "2433:" followed by 28 digits */
                sim_random_digits(serial, 4);
                serial[4] = ':';
                sim_random_digits(serial + 5, 28);
                snprintf(e164, sizeof e164, "+86%.11s", nums[i]);
                struct sim_message m = {
                    .provider = "tencent",
                    .phone = nums[i],
                    .sign_name = sign,
                    .template_code = tid,
                    .params_json = canon ? canon : "[]",
                    .text = buf_cstr(&text),
                    .context = context,
                    .provider_id = serial,
                };
                if (!sim_store_message(t->call->db, &m)) {
                        json_decref(items);
                        free(canon);
                        unavailable(t);
                        goto out;
                }
                if (strcmp(modes[i].mode, "slow") == 0 && modes[i].hold_ms > hold)
                        hold = modes[i].hold_ms;
                json_array_append_new(
                    items, json_pack("{s:s, s:s, s:i, s:s, s:s, s:s, s:s}", "SerialNo", serial,
                                     "PhoneNumber", e164, "Fee", 1, "SessionContext", context,
                                     "Code", "Ok", "Message", "send success", "IsoCode", "CN"));
        }
        free(canon);
        sim_json_reply(t->rs, 200, response_of(json_pack("{s:o}", "SendStatusSet", items)));
out:
        json_decref(params);
        buf_free(&text);
        return hold;
}

/* A JSON integer field, or -1 when absent or not a non-negative integer. */
static long long int_field(const struct tencent_call *t, const char *name)
{
        json_t *v = json_object_get(t->body, name);

        return json_is_integer(v) && json_integer_value(v) >= 0 ? json_integer_value(v) : -1;
}

static int pull_status(struct tencent_call *t)
{
        static const char *const required[] = {"BeginTime", "Offset", "Limit"};
        const char *app = str_field(t, "SmsSdkAppId");
        char phone[12], begin[24], end[24], limit[24], offset[24];
        long long vals[3];
        PGresult *rows;

        for (size_t i = 0; i < 3; i++) {
                vals[i] = int_field(t, required[i]);
                if (vals[i] < 0)
                        return missing(t, required[i]);
        }
        if (!str_field(t, "PhoneNumber"))
                return missing(t, "PhoneNumber");
        if (!app || !*app)
                return missing(t, "SmsSdkAppId");
        if (strcmp(app, sim_account.sdk_app_id) != 0)
                return api_error(t, "InvalidParameterValue.SdkAppIdNotExist", "SdkAppId不存在。");
        if (!sim_phone_normalize(str_field(t, "PhoneNumber"), phone))
                return api_error(t, "InvalidParameterValue.IncorrectPhoneNumber",
                                 "手机号格式错误。");
        if (vals[2] < 1 || vals[2] > TENCENT_MAX_PULL)
                return api_error(t, "InvalidParameterValue", "Limit 取值范围为 1 到 100。");

        snprintf(begin, sizeof begin, "%lld", vals[0]);
        snprintf(offset, sizeof offset, "%lld", vals[1]);
        snprintf(limit, sizeof limit, "%lld", vals[2]);
        if (int_field(t, "EndTime") >= 0)
                snprintf(end, sizeof end, "%lld", int_field(t, "EndTime"));
        else
                snprintf(end, sizeof end, "%s", TENCENT_FOREVER_END);
        rows = sim_store_tencent_status(t->call->db, phone, begin, end, limit, offset);
        if (!rows)
                return unavailable(t);

        json_t *set = json_array();
        for (int i = 0; i < PQntuples(rows); i++) {
                char e164[16];

                snprintf(e164, sizeof e164, "+86%.11s", db_val(rows, i, 0));
                json_array_append_new(
                    set, json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:s, s:s}", "UserReceiveTime",
                                   (json_int_t)strtoll(db_val(rows, i, 3), NULL, 10), "CountryCode",
                                   "86", "SubscriberNumber", db_val(rows, i, 0), "PhoneNumber",
                                   e164, "SerialNo", db_val(rows, i, 1), "ReportStatus", "SUCCESS",
                                   "Description", "DELIVRD", "SessionContext", db_val(rows, i, 2)));
        }
        sim_json_reply(t->rs, 200, response_of(json_pack("{s:o}", "PullSmsSendStatusSet", set)));
        return 0;
}

int sim_tencent_handle(struct sim_call *call, struct resp *rs)
{
        struct tencent_call t = {.call = call, .rs = rs, .action = call->tc_action};
        int hold = 0;

        if (authenticate(&t) == 0) {
                if (strcmp(t.action, "SendSms") == 0)
                        hold = send_sms(&t);
                else if (strcmp(t.action, "PullSmsSendStatusByPhoneNumber") == 0)
                        hold = pull_status(&t);
                else
                        api_error(&t, "InvalidAction", "The requested action does not exist.");
        }
        json_decref(t.body);
        return hold;
}
