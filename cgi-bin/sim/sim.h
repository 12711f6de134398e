/* sim: what gatewaysim's modules share. gatewaysim plays the SMS providers (Aliyun SMS, Tencent
 * Cloud SMS) on loopback in development and tests, speaking their wire protocols and checking
 * their signatures with the production signers, so the drivers in cgi-bin/gateways run unchanged.
 * A provider is one module (sim_aliyun.c, sim_tencent.c) with one entry point; payment providers
 * join as more modules. Records live in the `sim` schema (sim_store.c); the control API
 * (sim_control.c) makes a provider misbehave on purpose.
 *
 * gatewaysim listens only on loopback behind the instance's nginx and never runs in production:
 * its control paths have no authentication and it shows every message it received, codes included.
 */
#ifndef CM_SIM_H
#define CM_SIM_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

#include "buf.h"

struct db;
struct req;
struct resp;

#define SIM_MAX_TEMPLATES 32

/* One configured template: our name ("login_code") and the provider's code ("SMS_900001"). */
struct sim_template {
        char name[64];
        char code[64];
};

/* The account gatewaysim accepts: exactly the key pair and names the app is configured with. */
struct sim_account {
        const char *access_key_id; /* Aliyun AccessKeyId / Tencent SecretId */
        char secret[256];          /* the contents of sms_access_key_secret_file, trimmed */
        const char *sdk_app_id;    /* Tencent SmsSdkAppId */
        const char *sign_name;
        struct sim_template templates[SIM_MAX_TEMPLATES];
        size_t ntemplates;
};

extern struct sim_account sim_account;

/* One request as a provider module sees it: the parsed request plus the raw body and the headers
 * the providers' protocols use (NULL when absent). */
struct sim_call {
        struct req *rq;
        struct db *db;
        const char *body;
        size_t body_len;
        const char *host;          /* Host */
        const char *authorization; /* Authorization */
        const char *tc_action;     /* X-TC-Action */
        const char *tc_timestamp;  /* X-TC-Timestamp */
        const char *tc_version;    /* X-TC-Version */
};

/* A provider's handler fills *rs and returns how many milliseconds to wait before the answer is
 * written (0 = at once): the "slow" and "timeout" modes. */
int sim_aliyun_handle(struct sim_call *call, struct resp *rs);
int sim_tencent_handle(struct sim_call *call, struct resp *rs);

/* GET /sim/, GET /sim/messages, POST /sim/mode, POST /sim/reset: true when path is one of them
 * (then *rs is filled), false to let the caller answer 404. */
bool sim_control_handle(struct sim_call *call, struct resp *rs, const char *templates_dir);

/* sim_reply.c: a fresh request id in the provider's style (Aliyun upper-case, Tencent lower-case
 * UUIDs); n random decimal digits and a NUL into out; a JSON answer (takes the reference). */
void sim_request_id(char out[37], bool upper);
void sim_random_digits(char *out, size_t n);
void sim_json_reply(struct resp *rs, int status, json_t *body);

#endif
