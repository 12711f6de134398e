/* test_courier.c: unit tests for the courier's pure parts (courier/courier.c, jobs.c, sms_job.c):
 * the retry backoff and its bounds, when a retry becomes dead, the job table, sms_templates,
 * reading an SMS job's payload into a message, and the exactly-once rule of the sms job, driven
 * through a scripted SMS driver (no network, no database). It must never print a parameter. */
#include <stdlib.h>
#include <string.h>

#include "courier/courier.h"
#include "courier/jobs.h"
#include "courier/sms_job.h"
#include "crypto.h"
#include "gateways/sms.h"
#include "tap.h"

static void test_backoff(void)
{
        int in_bounds = 1, spread = 0;

        is_int((long long)courier_backoff_seconds(1, 0.0), 1, "backoff: attempt 1, lowest: 1 s");
        is_int((long long)(courier_backoff_seconds(1, 0.999999) * 1000), 2999,
               "backoff: attempt 1, highest: just under 3 s");
        is_int((long long)courier_backoff_seconds(3, 0.5), 8, "backoff: attempt 3, middle: 2^3 s");
        is_int((long long)courier_backoff_seconds(11, 0.5), 2048, "backoff: attempt 11: 2^11 s");
        is_int((long long)courier_backoff_seconds(12, 0.5), 3600,
               "backoff: attempt 12: capped at 3600 s");
        is_int((long long)courier_backoff_seconds(100, 0.0), 1800,
               "backoff: attempt 100: 3600 s × 0.5, no overflow");
        is_int((long long)courier_backoff_seconds(0, 0.5), 1, "backoff: attempt 0: 1 s");
        is_int((long long)courier_backoff_seconds(-3, 0.5), 1, "backoff: a negative attempt: 1 s");
        is_int((long long)courier_backoff_seconds(4, 1.0), 16,
               "backoff: a random number out of [0, 1) counts as the middle");
        is_int((long long)courier_backoff_seconds(4, -0.1), 16, "backoff: so does a negative one");

        /* random jitter: always within min(2^a, 3600) × [0.5, 1.5) */
        for (int i = 0; i < 2000; i++) {
                unsigned x;
                int a = 1 + i % 16;
                double base = a >= 12 ? 3600 : (double)(1u << a), r, d;

                crypto_random(&x, sizeof x);
                r = x / 4294967296.0;
                d = courier_backoff_seconds(a, r);
                if (d < base * 0.5 || d >= base * 1.5)
                        in_bounds = 0;
                if (a == 5 && (d < 24 || d > 40))
                        spread = 1;
        }
        ok(in_bounds, "backoff: 2000 random draws stay within min(2^a, 3600) × [0.5, 1.5)");
        ok(spread, "backoff: the jitter does spread retries (attempt 5 outside 24–40 s sometimes)");
}

static void test_decide(void)
{
        struct job job = {.attempt = 1, .max_attempts = 3};
        struct job_result r;

        job_result_set(&r, JOB_RETRY, "x");
        ok(courier_decide(&job, &r) == JOB_RETRY, "decide: a retry before the last attempt");
        job.attempt = 3;
        ok(courier_decide(&job, &r) == JOB_DEAD, "decide: a retry at the last attempt is dead");
        job_result_set(&r, JOB_DONE, "x");
        ok(courier_decide(&job, &r) == JOB_DONE, "decide: done at the last attempt is done");
        job.attempt = 1;
        job_result_set(&r, JOB_DEAD, "x");
        ok(courier_decide(&job, &r) == JOB_DEAD, "decide: dead is dead at once");
}

static void test_job_table(void)
{
        const struct job_kind *k = job_kind_find("sms");

        ok(k && k->run == sms_job_run && k->forget && strcmp(k->forget, "params") == 0,
           "job table: sms forgets its params when finished");
        k = job_kind_find("course_facts");
        ok(k && k->run == course_facts_job_run && !k->forget,
           "job table: course_facts keeps its payload");
        ok(!job_kind_find("payment_query") && !job_kind_find(NULL) && !job_kind_find(""),
           "job table: an unknown kind is NULL");
}

static void test_templates(void)
{
        const char *spec = "login_code:SMS_900001 family_code:SMS_900002\tagency_decision:1900003";
        char code[16];

        is_int(sms_template_code(spec, "login_code", code, sizeof code), 0,
               "sms_templates: the first entry");
        is_str(code, "SMS_900001", "sms_templates: its code");
        sms_template_code(spec, "family_code", code, sizeof code);
        is_str(code, "SMS_900002", "sms_templates: the middle entry");
        sms_template_code(spec, "agency_decision", code, sizeof code);
        is_str(code, "1900003", "sms_templates: the last entry, after a tab");
        is_int(sms_template_code(spec, "login", code, sizeof code), -1,
               "sms_templates: a prefix of a name is not the name");
        is_int(sms_template_code(spec, "code", code, sizeof code), -1,
               "sms_templates: nor is a suffix");
        is_int(sms_template_code(spec, "SMS_900001", code, sizeof code), -1,
               "sms_templates: a code is not a name");
        is_int(sms_template_code("  login_code:A  ", "login_code", code, sizeof code), 0,
               "sms_templates: blanks around entries");
        is_str(code, "A", "sms_templates: the code without the blanks");
        is_int(sms_template_code("login_code: x:SMS_1", "login_code", code, sizeof code), -1,
               "sms_templates: an empty code is no code");
        is_int(sms_template_code("login_code", "login_code", code, sizeof code), -1,
               "sms_templates: a name without a colon is no entry");
        is_int(sms_template_code("a:SMS_123456789012345", "a", code, sizeof code), -1,
               "sms_templates: a code that does not fit is refused");
        is_int(sms_template_code("", "a", code, sizeof code), -1, "sms_templates: empty spec");
        is_int(sms_template_code(NULL, "a", code, sizeof code), -1, "sms_templates: NULL spec");
        is_int(sms_template_code(spec, "", code, sizeof code), -1, "sms_templates: empty name");
}

static const char *templates = "login_code:SMS_900001 family_code:SMS_900002";

static void payload_bad(const char *json, enum sms_payload_status want, const char *name)
{
        struct sms_payload p;
        char err[200] = "";
        enum sms_payload_status st = sms_payload_read(json, templates, &p, err, sizeof err);

        ok(st == want && err[0] && !strstr(err, "13800138000") && !strstr(err, "654321"),
           "payload %s: refused (%s), without the phone or the code in the reason", name,
           want == SMS_PAYLOAD_BAD ? "bad" : "no template");
        if (st != want)
                printf("#   got %d: %s\n", (int)st, err);
        sms_payload_free(&p);
}

static void test_payload(void)
{
        struct sms_payload p;
        struct sms_message m;
        char err[200];

        /* the payload outbox_sms writes (as PostgreSQL's jsonb prints it) */
        is_int(sms_payload_read("{\"phone\": \"13800138000\", \"params\": {\"code\": \"123456\"}, "
                                "\"template\": \"login_code\"}",
                                templates, &p, err, sizeof err),
               SMS_PAYLOAD_OK, "payload: the documented example reads");
        m = sms_payload_message(&p, "sms:login-code:42");
        is_str(m.phone, "13800138000", "payload → message: the phone");
        is_str(m.template_code, "SMS_900001", "payload → message: our name mapped to the code");
        is_str(m.param_json, "{\"code\":\"123456\"}", "payload → message: params as compact JSON");
        is_str(m.dedupe_key, "sms:login-code:42", "payload → message: the dedupe key rides along");
        sms_payload_free(&p);
        ok(p.params_json == NULL, "payload: freed params are gone");

        is_int(sms_payload_read("{\"phone\":\"+8613800138000\",\"template\":\"family_code\","
                                "\"params\":{\"code\":654321,\"name\":\"王\"}}",
                                templates, &p, err, sizeof err),
               SMS_PAYLOAD_OK, "payload: E.164 phone, an integer and a Chinese parameter");
        is_str(p.params_json, "{\"code\":654321,\"name\":\"王\"}",
               "payload: parameters kept in their order, UTF-8 as it is");
        sms_payload_free(&p);
        is_int(sms_payload_read("{\"phone\":\"13800138000\",\"template\":\"login_code\"}",
                                templates, &p, err, sizeof err),
               SMS_PAYLOAD_OK, "payload: no params");
        ok(p.params_json == NULL, "payload: no params, no TemplateParam");
        sms_payload_free(&p);
        is_int(sms_payload_read("{\"phone\":\"13800138000\",\"template\":\"login_code\","
                                "\"params\":{}}",
                                templates, &p, err, sizeof err),
               SMS_PAYLOAD_OK, "payload: empty params");
        ok(p.params_json == NULL, "payload: empty params, no TemplateParam");
        sms_payload_free(&p);
        /* what the courier leaves once it is done: the params removed */
        is_int(sms_payload_read("{\"phone\":\"13800138000\",\"template\":\"login_code\","
                                "\"_in_doubt\":true}",
                                templates, &p, err, sizeof err),
               SMS_PAYLOAD_OK, "payload: the courier's own marks are ignored");
        sms_payload_free(&p);

        payload_bad("not json", SMS_PAYLOAD_BAD, "not JSON");
        payload_bad("[1]", SMS_PAYLOAD_BAD, "an array");
        payload_bad(NULL, SMS_PAYLOAD_BAD, "NULL");
        payload_bad("{\"template\":\"login_code\",\"params\":{\"code\":\"654321\"}}",
                    SMS_PAYLOAD_BAD, "no phone");
        payload_bad("{\"phone\":\"12345\",\"template\":\"login_code\"}", SMS_PAYLOAD_BAD,
                    "a short phone");
        payload_bad("{\"phone\":\"12800138000\",\"template\":\"login_code\"}", SMS_PAYLOAD_BAD,
                    "not a mobile prefix");
        payload_bad("{\"phone\":\"1380013800x\",\"template\":\"login_code\"}", SMS_PAYLOAD_BAD,
                    "a letter in the phone");
        payload_bad("{\"phone\":13800138000,\"template\":\"login_code\"}", SMS_PAYLOAD_BAD,
                    "a phone that is a number");
        payload_bad("{\"phone\":\"13800138000\"}", SMS_PAYLOAD_BAD, "no template");
        payload_bad("{\"phone\":\"13800138000\",\"template\":\"Login Code\"}", SMS_PAYLOAD_BAD,
                    "a template name with capitals and a blank");
        payload_bad("{\"phone\":\"13800138000\",\"template\":\"login_code\",\"params\":\"654321\"}",
                    SMS_PAYLOAD_BAD, "params a string");
        payload_bad("{\"phone\":\"13800138000\",\"template\":\"login_code\","
                    "\"params\":{\"code\":{\"v\":\"654321\"}}}",
                    SMS_PAYLOAD_BAD, "a nested parameter");
        payload_bad("{\"phone\":\"13800138000\",\"template\":\"agency_decision\","
                    "\"params\":{\"code\":\"654321\"}}",
                    SMS_PAYLOAD_NO_TEMPLATE, "a template sms_templates lacks");
        sms_payload_read("{\"phone\":\"13800138000\",\"template\":\"agency_decision\"}", templates,
                         &p, err, sizeof err);
        ok(strstr(err, "agency_decision") != NULL, "payload: the missing template is named");
        sms_payload_free(&p);
}

static void test_in_doubt(void)
{
        struct sms_result r;

        sms_result_set(&r, SMS_RETRY_LATER, "CM.Transport", "timeout");
        ok(sms_result_in_doubt(&r), "in doubt: a transport failure (the answer may be lost)");
        sms_result_set(&r, SMS_RETRY_LATER, "CM.BadResponse", "garbled");
        ok(sms_result_in_doubt(&r), "in doubt: an unreadable answer");
        sms_result_set(&r, SMS_RETRY_LATER, "InternalError", "HTTP 500");
        ok(sms_result_in_doubt(&r), "in doubt: Aliyun's unexplained InternalError");
        sms_result_set(&r, SMS_RETRY_LATER, "InternalError.Timeout", "t");
        ok(sms_result_in_doubt(&r), "in doubt: Tencent's InternalError.*");
        sms_result_set(&r, SMS_RETRY_LATER, "ServiceUnavailable", "503");
        ok(sms_result_in_doubt(&r), "in doubt: ServiceUnavailable");
        sms_result_set(&r, SMS_RETRY_LATER, "isv.BUSINESS_LIMIT_CONTROL", "limit");
        ok(!sms_result_in_doubt(&r), "not in doubt: the provider's own refusal");
        sms_result_set(&r, SMS_RETRY_LATER, "CM.Config", "no key");
        ok(!sms_result_in_doubt(&r), "not in doubt: our configuration stopped it");
        sms_result_set(&r, SMS_SENT, "CM.Transport", "odd");
        ok(!sms_result_in_doubt(&r), "not in doubt: sent");
}

/* ---------------------------------------------------------------- the sms job, scripted driver */

static struct {
        enum sms_lookup_outcome lookup;
        enum sms_outcome send;
        const char *send_code;
        int retry_after_s;
        int queries, sends;
        char seen_key[64], seen_params[64];
        time_t seen_since;
} script;

static enum sms_lookup_outcome fake_query(const struct sms_config *cfg, const struct sms_query *q,
                                          struct sms_lookup *l)
{
        (void)cfg;
        script.queries++;
        snprintf(script.seen_key, sizeof script.seen_key, "%s", q->dedupe_key);
        script.seen_since = q->since;
        sms_lookup_set(l, script.lookup, "OK", "scripted");
        if (script.lookup == SMS_FOUND)
                sms_copy(l->provider_id, sizeof l->provider_id, "SERIAL-1");
        return script.lookup;
}

static int fake_send(const struct sms_config *cfg, const struct sms_message *m,
                     struct sms_result *r)
{
        (void)cfg;
        script.sends++;
        snprintf(script.seen_key, sizeof script.seen_key, "%s", m->dedupe_key);
        snprintf(script.seen_params, sizeof script.seen_params, "%s",
                 m->param_json ? m->param_json : "");
        sms_result_set(r, script.send, script.send_code, "scripted %s",
                       sms_outcome_name(script.send));
        r->retry_after_s = script.retry_after_s;
        if (script.send == SMS_SENT)
                sms_copy(r->provider_id, sizeof r->provider_id, "BIZ-1");
        return script.send == SMS_SENT ? 0 : -1;
}

static const struct sms_driver fake_driver = {"fake", fake_send, fake_query};
static const struct sms_config fake_cfg = {.endpoint = "http://127.0.0.1:9/"};

static void run_sms(bool in_doubt, enum sms_lookup_outcome lookup, enum sms_outcome send,
                    const char *code, struct job_result *r)
{
        struct job_env env = {NULL, &fake_driver, &fake_cfg, templates};
        struct job job = {
            .id = 7,
            .kind = "sms",
            .payload = "{\"phone\":\"13800138000\",\"template\":\"login_code\","
                       "\"params\":{\"code\":\"654321\"}}",
            .dedupe_key = "sms:login-code:7",
            .attempt = in_doubt ? 2 : 1,
            .max_attempts = 8,
            .created_at = 1740816000,
            .in_doubt = in_doubt,
        };

        memset(&script, 0, sizeof script);
        script.lookup = lookup;
        script.send = send;
        script.send_code = code;
        script.retry_after_s = send == SMS_RETRY_LATER ? 60 : 0;
        memset(r, 0, sizeof *r);
        sms_job_run(&env, &job, r);
}

static void test_sms_job(void)
{
        struct job_result r;

        run_sms(false, SMS_FOUND, SMS_SENT, "OK", &r);
        ok(r.status == JOB_DONE && script.sends == 1 && script.queries == 0,
           "sms job, first attempt: sends without asking");
        is_str(r.provider_id, "BIZ-1", "sms job: done with the provider's id");
        is_str(script.seen_key, "sms:login-code:7", "sms job: the dedupe key goes to the provider");
        is_str(script.seen_params, "{\"code\":\"654321\"}",
               "sms job: the params go to the provider");
        ok(!strstr(r.note, "654321") && !strstr(r.note, "13800138000"),
           "sms job: the note holds neither the code nor the phone");

        run_sms(true, SMS_FOUND, SMS_SENT, "OK", &r);
        ok(r.status == JOB_DONE && script.queries == 1 && script.sends == 0,
           "sms job in doubt, the provider has it: done without sending");
        is_str(r.provider_id, "SERIAL-1", "sms job in doubt, found: the id the provider listed");
        ok(script.seen_since == 1740816000 && strcmp(script.seen_key, "sms:login-code:7") == 0,
           "sms job in doubt: asks by dedupe key since the job's creation");
        ok(strstr(r.note, "already sent") != NULL, "sms job in doubt, found: says so");

        run_sms(true, SMS_NOT_FOUND, SMS_SENT, "OK", &r);
        ok(r.status == JOB_DONE && script.queries == 1 && script.sends == 1,
           "sms job in doubt, the provider has none: asks, then sends once");

        run_sms(true, SMS_LOOKUP_FAILED, SMS_SENT, "OK", &r);
        ok(r.status == JOB_RETRY && r.in_doubt && script.queries == 1 && script.sends == 0,
           "sms job in doubt, the question fails: retry later, still in doubt, never sent blind");

        run_sms(false, SMS_NOT_FOUND, SMS_REJECTED, "isv.MOBILE_NUMBER_ILLEGAL", &r);
        ok(r.status == JOB_DEAD && strstr(r.note, "isv.MOBILE_NUMBER_ILLEGAL") != NULL,
           "sms job, an illegal number: dead, the provider's code in the note");

        run_sms(false, SMS_NOT_FOUND, SMS_RETRY_LATER, "isv.BUSINESS_LIMIT_CONTROL", &r);
        ok(r.status == JOB_RETRY && !r.in_doubt && r.retry_after_s == 60,
           "sms job, rate-limited: retry after the provider's hint, not in doubt");

        run_sms(false, SMS_NOT_FOUND, SMS_RETRY_LATER, "CM.Transport", &r);
        ok(r.status == JOB_RETRY && r.in_doubt, "sms job, a timeout: retry, in doubt");
        run_sms(true, SMS_NOT_FOUND, SMS_RETRY_LATER, "isv.BUSINESS_LIMIT_CONTROL", &r);
        ok(r.status == JOB_RETRY && r.in_doubt,
           "sms job: once in doubt, in doubt until a question settles it");

        {
                struct job_env env = {NULL, NULL, &fake_cfg, templates};
                struct job job = {.payload = "{\"phone\":\"13800138000\",\"template\":"
                                             "\"login_code\"}",
                                  .dedupe_key = "k",
                                  .attempt = 1,
                                  .max_attempts = 8};

                sms_job_run(&env, &job, &r);
                ok(r.status == JOB_RETRY && strstr(r.note, "CM.Config") != NULL,
                   "sms job, no driver configured: retry later (CM.Config)");
                env.sms_driver = &fake_driver;
                job.payload = "{\"phone\":\"13800138000\",\"template\":\"agency_decision\"}";
                memset(&script, 0, sizeof script);
                sms_job_run(&env, &job, &r);
                ok(r.status == JOB_RETRY && script.sends == 0 && strstr(r.note, "sms_templates"),
                   "sms job, an unmapped template: retry later, nothing sent");
                job.payload = "{\"phone\":\"42\",\"template\":\"login_code\"}";
                sms_job_run(&env, &job, &r);
                ok(r.status == JOB_DEAD && script.sends == 0,
                   "sms job, an unusable payload: dead, nothing sent");
        }
}

int main(void)
{
        test_backoff();
        test_decide();
        test_job_table();
        test_templates();
        test_payload();
        test_in_doubt();
        test_sms_job();
        return done_testing();
}
