/* smscall: the http tests' SMS client. It sends real, signed requests to an instance's SMS
 * endpoint (gatewaysim) with the production code: `send` goes through the driver named in the
 * configuration (sms_driver_aliyun.send / sms_driver_tencent.send) exactly as the courier will,
 * and `call` signs any action with the production signers (aliyun_sign, tencent_sign), so the
 * tests exercise the providers' protocols as the app speaks them. Options let a test lie on
 * purpose: another secret, an old timestamp, a nonce already used.
 *
 *   smscall --config FILE send [OPTIONS] PHONE TEMPLATE_NAME PARAMS_JSON [DEDUPE_KEY]
 *       prints the sms_result as one JSON object: outcome, code, provider_id, retry_after_s,
 *       message
 *   smscall --config FILE call aliyun [OPTIONS] KEY=VALUE...   (Action=… among them)
 *   smscall --config FILE call tencent [OPTIONS] ACTION JSON_BODY
 *       prints the HTTP status on the first line, then the answer's body
 *   OPTIONS: --driver aliyun|tencent  --secret S  --key-id ID  --timeout-ms N
 *            --at UNIX_SECONDS (sign as of then)  --nonce N (Aliyun's SignatureNonce)
 *
 * A test tool: never built into coursemart, never pointed at a real provider (gw_http refuses
 * plain http except to loopback anyway). It prints no secret. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "config.h"
#include "crypto.h"
#include "gateways/curl.h"
#include "gateways/sms.h"
#include "sim/sim_text.h"

struct options {
        const char *driver;
        const char *secret;
        const char *key_id;
        long timeout_ms;
        long long at; /* 0 = now */
        const char *nonce;
};

static char secret_buf[256];

static int die(const char *what)
{
        fprintf(stderr, "smscall: %s\n", what);
        return 2;
}

/* The provider secret from sms_access_key_secret_file, trimmed. */
static const char *config_secret(void)
{
        FILE *f = fopen(cm_config.sms_access_key_secret_file, "r");
        size_t n;

        if (!f)
                return NULL;
        n = fread(secret_buf, 1, sizeof secret_buf - 1, f);
        fclose(f);
        secret_buf[n] = '\0';
        while (n > 0 && (secret_buf[n - 1] == '\n' || secret_buf[n - 1] == ' ' ||
                         secret_buf[n - 1] == '\r' || secret_buf[n - 1] == '\t'))
                secret_buf[--n] = '\0';
        return secret_buf;
}

/* Parses the options at argv[*i]…; stops at the first argument that is not one. */
static int parse_options(int argc, char **argv, int *i, struct options *o)
{
        for (; *i < argc && strncmp(argv[*i], "--", 2) == 0; (*i)++) {
                const char *opt = argv[*i];

                if (*i + 1 >= argc)
                        return -1;
                const char *val = argv[++*i];
                if (strcmp(opt, "--driver") == 0)
                        o->driver = val;
                else if (strcmp(opt, "--secret") == 0)
                        o->secret = val;
                else if (strcmp(opt, "--key-id") == 0)
                        o->key_id = val;
                else if (strcmp(opt, "--timeout-ms") == 0)
                        o->timeout_ms = strtol(val, NULL, 10);
                else if (strcmp(opt, "--at") == 0)
                        o->at = strtoll(val, NULL, 10);
                else if (strcmp(opt, "--nonce") == 0)
                        o->nonce = val;
                else
                        return -1;
        }
        return 0;
}

static void fill_config(struct sms_config *cfg, const struct options *o)
{
        cfg->endpoint = cm_config.sms_endpoint;
        cfg->access_key_id = o->key_id ? o->key_id : cm_config.sms_access_key_id;
        cfg->access_key_secret = o->secret ? o->secret : config_secret();
        cfg->sign_name = cm_config.sms_sign_name;
        cfg->region = cm_config.sms_region;
        cfg->sdk_app_id = cm_config.sms_sdk_app_id;
        cfg->timeout_ms = o->timeout_ms;
}

static void print_result(const struct sms_result *r)
{
        json_t *o = json_pack("{s:s, s:s, s:s, s:i, s:s}", "outcome", sms_outcome_name(r->outcome),
                              "code", r->code, "provider_id", r->provider_id, "retry_after_s",
                              r->retry_after_s, "message", r->message);
        char *s = json_dumps(o, JSON_COMPACT);

        puts(s ? s : "{}");
        free(s);
        json_decref(o);
}

/* Tencent's headers for a body signed as of ts (what tencent_send builds for now). */
static int tencent_post(const struct sms_config *cfg, const char *action, struct buf *body,
                        long long ts, struct gw_response *res)
{
        char host[256], h_auth[512], h_host[300], h_ts[64], h_action[128];
        struct tencent_signature sig;

        if (tencent_host_of(cfg->endpoint, host, sizeof host) < 0)
                return -1;
        if (tencent_sign(cfg->access_key_id, cfg->access_key_secret, "sms", host,
                         "application/json; charset=utf-8", body->data, body->len, ts, &sig) < 0) {
                tencent_signature_free(&sig);
                return -1;
        }
        snprintf(h_auth, sizeof h_auth, "Authorization: %s", sig.authorization.data);
        snprintf(h_host, sizeof h_host, "Host: %s", host);
        snprintf(h_ts, sizeof h_ts, "X-TC-Timestamp: %lld", ts);
        snprintf(h_action, sizeof h_action, "X-TC-Action: %s", action);
        tencent_signature_free(&sig);
        const char *const headers[] = {
            h_auth,
            "Content-Type: application/json; charset=utf-8",
            h_host,
            h_action,
            h_ts,
            "X-TC-Version: 2021-01-11",
            "X-TC-Region: ap-guangzhou",
            NULL,
        };
        struct gw_request req = {.method = "POST",
                                 .url = cfg->endpoint,
                                 .headers = headers,
                                 .body = body->data,
                                 .body_len = body->len,
                                 .timeout_ms = cfg->timeout_ms};
        return gw_http(&req, res);
}

static int cmd_send(int argc, char **argv, struct options *o)
{
        struct sms_config cfg = {0};
        struct sms_result r;
        struct sim_template tpl[SIM_MAX_TEMPLATES];
        const struct sms_driver *d = sms_driver_find(o->driver ? o->driver : cm_config.sms_driver);
        const char *code = NULL;
        int n;

        if (argc < 3 || !d)
                return die("send needs PHONE TEMPLATE_NAME PARAMS_JSON and a known driver");
        n = sim_parse_templates(cm_config.sms_templates, tpl, SIM_MAX_TEMPLATES);
        for (int i = 0; i < n; i++)
                if (strcmp(tpl[i].name, argv[1]) == 0)
                        code = tpl[i].code;
        fill_config(&cfg, o);
        struct sms_message msg = {
            .phone = argv[0],
            .template_code = code ? code : argv[1], /* an unknown name is sent as a code */
            .param_json = argv[2],
            .dedupe_key = argc > 3 ? argv[3] : NULL,
        };
        memset(&r, 0, sizeof r);
        if (!o->at && !o->nonce) {
                d->send(&cfg, &msg, &r); /* the production path, untouched */
        } else if (d == &sms_driver_aliyun) {
                static const char *const headers[] = {
                    "Content-Type: application/x-www-form-urlencoded", "Accept: application/json",
                    NULL};
                char nonce[33];
                unsigned char rnd[16];
                struct buf body;

                crypto_random(rnd, sizeof rnd);
                crypto_hex(rnd, sizeof rnd, nonce);
                buf_init(&body);
                if (aliyun_build_request(&cfg, &msg, o->nonce ? o->nonce : nonce,
                                         o->at ? (time_t)o->at : time(NULL), &body, &r) == 0)
                        sms_post(&cfg, headers, &body, "Aliyun SMS", aliyun_parse_response, &r);
                else
                        buf_free(&body);
        } else {
                struct gw_response res;
                struct buf body;

                buf_init(&body);
                gw_response_init(&res);
                if (tencent_build_request(&cfg, &msg, &body, &r) == 0) {
                        if (tencent_post(&cfg, "SendSms", &body, o->at ? o->at : time(NULL), &res) <
                            0)
                                sms_result_set(&r, SMS_RETRY_LATER, "CM.Transport", "%s",
                                               res.error);
                        else
                                tencent_parse_response(res.status, buf_cstr(&res.body), &r);
                }
                gw_response_free(&res);
                buf_free(&body);
        }
        print_result(&r);
        return 0;
}

static void print_response(int rc, struct gw_response *res)
{
        if (rc < 0)
                printf("0\n%s\n", res->error);
        else
                printf("%ld\n%s\n", res->status, buf_cstr(&res->body));
}

static int call_aliyun(int argc, char **argv, const struct options *o, struct sms_config *cfg)
{
        static const char *const headers[] = {"Content-Type: application/x-www-form-urlencoded",
                                              "Accept: application/json", NULL};
        struct aliyun_param p[64];
        char ts[32], nonce[33], sig[ALIYUN_SIGNATURE_LEN + 1];
        unsigned char rnd[16];
        time_t at = o->at ? (time_t)o->at : time(NULL);
        struct tm tm;
        struct buf body;
        struct gw_response res;
        size_t n = 0;

        crypto_random(rnd, sizeof rnd);
        crypto_hex(rnd, sizeof rnd, nonce);
        gmtime_r(&at, &tm);
        strftime(ts, sizeof ts, "%Y-%m-%dT%H:%M:%SZ", &tm);
        p[n++] = (struct aliyun_param){"AccessKeyId", cfg->access_key_id};
        p[n++] = (struct aliyun_param){"Format", "JSON"};
        p[n++] = (struct aliyun_param){"RegionId", "cn-hangzhou"};
        p[n++] = (struct aliyun_param){"SignatureMethod", "HMAC-SHA1"};
        p[n++] = (struct aliyun_param){"SignatureNonce", o->nonce ? o->nonce : nonce};
        p[n++] = (struct aliyun_param){"SignatureVersion", "1.0"};
        p[n++] = (struct aliyun_param){"Timestamp", ts};
        p[n++] = (struct aliyun_param){"Version", "2017-05-25"};
        for (int i = 0; i < argc && n < 64; i++) {
                char *eq = strchr(argv[i], '=');
                if (!eq)
                        return die("call aliyun takes KEY=VALUE arguments");
                *eq = '\0';
                p[n++] = (struct aliyun_param){argv[i], eq + 1};
        }
        buf_init(&body);
        if (aliyun_sign("POST", p, n, cfg->access_key_secret, &body, NULL, sig) < 0) {
                buf_free(&body);
                return die("cannot sign (a parameter given twice?)");
        }
        buf_puts(&body, "&Signature=");
        aliyun_percent_encode(&body, sig);
        struct gw_request req = {.method = "POST",
                                 .url = cfg->endpoint,
                                 .headers = headers,
                                 .body = body.data,
                                 .body_len = body.len,
                                 .timeout_ms = cfg->timeout_ms};
        gw_response_init(&res);
        print_response(gw_http(&req, &res), &res);
        gw_response_free(&res);
        buf_free(&body);
        return 0;
}

static int cmd_call(int argc, char **argv, struct options *o)
{
        struct sms_config cfg = {0};
        int i = 1;

        if (argc < 1)
                return die("call needs aliyun or tencent");
        if (parse_options(argc, argv, &i, o) < 0)
                return die("bad option");
        fill_config(&cfg, o);
        if (strcmp(argv[0], "aliyun") == 0)
                return call_aliyun(argc - i, argv + i, o, &cfg);
        if (strcmp(argv[0], "tencent") == 0 && argc - i == 2) {
                struct buf body;
                struct gw_response res;

                buf_init(&body);
                buf_puts(&body, argv[i + 1]);
                gw_response_init(&res);
                print_response(tencent_post(&cfg, argv[i], &body, o->at ? o->at : time(NULL), &res),
                               &res);
                gw_response_free(&res);
                buf_free(&body);
                return 0;
        }
        return die("call tencent needs ACTION JSON_BODY");
}

int main(int argc, char **argv)
{
        struct options o = {0};
        char err[512];
        int i = 1;

        if (argc < 4 || strcmp(argv[1], "--config") != 0)
                return die("usage: smscall --config FILE send|call …");
        if (config_load(&cm_config, argv[2], err, sizeof err) < 0)
                return die(err);
        i = 4;
        if (strcmp(argv[3], "send") == 0) {
                if (parse_options(argc, argv, &i, &o) < 0)
                        return die("bad option");
                return cmd_send(argc - i, argv + i, &o);
        }
        if (strcmp(argv[3], "call") == 0)
                return cmd_call(argc - 4, argv + 4, &o);
        return die("the command is send or call");
}
