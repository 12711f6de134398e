/* sms_job: see sms_job.h. One attempt: read the payload, look the template up, ask the provider
 * first when an earlier attempt is in doubt, send, and say how it went. */
#include "sms_job.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <openssl/crypto.h>

#include "jobs.h"

int sms_template_code(const char *spec, const char *name, char *out, size_t cap)
{
        size_t name_len = name ? strlen(name) : 0;
        const char *p = spec;

        if (!spec || name_len == 0 || cap == 0)
                return -1;
        while (*p) {
                const char *entry, *colon;
                size_t len;

                while (isspace((unsigned char)*p))
                        p++;
                entry = p;
                while (*p && !isspace((unsigned char)*p))
                        p++;
                len = (size_t)(p - entry);
                colon = memchr(entry, ':', len);
                if (!colon || (size_t)(colon - entry) != name_len ||
                    memcmp(entry, name, name_len) != 0)
                        continue;
                len -= name_len + 1; /* the code after the colon */
                if (len == 0 || len >= cap)
                        return -1;
                memcpy(out, colon + 1, len);
                out[len] = '\0';
                return 0;
        }
        return -1;
}

/* 11-digit mainland mobile (as the users table checks it) or E.164 "+" and 8 to 15 digits. */
static int phone_ok(const char *s)
{
        size_t n = strlen(s), digits = 0;

        if (n == 11 && s[0] == '1' && s[1] >= '3' && s[1] <= '9')
                digits = strspn(s, "0123456789");
        else if (n >= 9 && n <= 16 && s[0] == '+')
                digits = 1 + strspn(s + 1, "0123456789");
        return n > 0 && digits == n;
}

static int template_name_ok(const char *s)
{
        size_t n = strlen(s);

        return n > 0 && n < sizeof((struct sms_payload *)0)->template_name &&
               strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789_") == n;
}

/* Template variables are strings or integers (both providers fill text into a template). */
static int params_ok(json_t *params)
{
        const char *k;
        json_t *v;

        if (!json_is_object(params))
                return 0;
        json_object_foreach(params, k, v)
        {
                if (!json_is_string(v) && !json_is_integer(v))
                        return 0;
        }
        return 1;
}

enum sms_payload_status sms_payload_read(const char *payload_json, const char *templates,
                                         struct sms_payload *out, char *err, size_t errlen)
{
        json_t *root = payload_json ? json_loads(payload_json, 0, NULL) : NULL;
        json_t *params = json_object_get(root, "params");
        const char *phone = json_string_value(json_object_get(root, "phone"));
        const char *name = json_string_value(json_object_get(root, "template"));
        enum sms_payload_status st = SMS_PAYLOAD_BAD;

        memset(out, 0, sizeof *out);
        if (!json_is_object(root)) {
                snprintf(err, errlen, "the payload is not a JSON object");
                goto out;
        }
        if (!phone || !phone_ok(phone)) {
                snprintf(err, errlen, "the payload has no usable phone number");
                goto out;
        }
        if (!name || !template_name_ok(name)) {
                snprintf(err, errlen, "the payload has no usable template name");
                goto out;
        }
        if (params && !json_is_null(params) && !params_ok(params)) {
                snprintf(err, errlen, "the payload's params are not an object of strings");
                goto out;
        }
        snprintf(out->phone, sizeof out->phone, "%s", phone);
        snprintf(out->template_name, sizeof out->template_name, "%s", name);
        if (sms_template_code(templates, name, out->template_code, sizeof out->template_code) < 0) {
                snprintf(err, errlen, "sms_templates has no code for the template '%s'", name);
                st = SMS_PAYLOAD_NO_TEMPLATE;
                goto out;
        }
        if (json_is_object(params) && json_object_size(params) > 0) {
                out->params_json = json_dumps(params, JSON_COMPACT | JSON_PRESERVE_ORDER);
                if (!out->params_json) {
                        snprintf(err, errlen, "the payload's params cannot be written as JSON");
                        goto out;
                }
        }
        st = SMS_PAYLOAD_OK;
out:
        json_decref(root);
        return st;
}

void sms_payload_free(struct sms_payload *p)
{
        if (p->params_json) {
                OPENSSL_cleanse(p->params_json, strlen(p->params_json));
                free(p->params_json);
                p->params_json = NULL;
        }
}

struct sms_message sms_payload_message(const struct sms_payload *p, const char *dedupe_key)
{
        struct sms_message m = {
            .phone = p->phone,
            .template_code = p->template_code,
            .param_json = p->params_json,
            .dedupe_key = dedupe_key,
        };
        return m;
}

int sms_result_in_doubt(const struct sms_result *r)
{
        if (r->outcome != SMS_RETRY_LATER)
                return 0;
        /* our side lost or could not read the answer; or the provider's side failed in a way
         * it does not explain (Aliyun InternalError / ServiceUnavailable, Tencent InternalError.*)
         */
        return strcmp(r->code, "CM.Transport") == 0 || strcmp(r->code, "CM.BadResponse") == 0 ||
               strncmp(r->code, "InternalError", 13) == 0 ||
               strcmp(r->code, "ServiceUnavailable") == 0;
}

void sms_job_run(const struct job_env *env, const struct job *job, struct job_result *r)
{
        struct sms_payload p;
        struct sms_result sent;
        struct sms_message msg;
        char err[256];

        switch (sms_payload_read(job->payload, env->sms_templates, &p, err, sizeof err)) {
        case SMS_PAYLOAD_OK:
                break;
        case SMS_PAYLOAD_NO_TEMPLATE:
                /* the configuration can be fixed (and reloaded with SIGHUP) */
                job_result_set(r, JOB_RETRY, "CM.Config: %s", err);
                r->in_doubt = job->in_doubt;
                sms_payload_free(&p);
                return;
        case SMS_PAYLOAD_BAD:
                job_result_set(r, JOB_DEAD, "CM.BadMessage: %s", err);
                sms_payload_free(&p);
                return;
        }
        if (!env->sms_driver) {
                job_result_set(r, JOB_RETRY, "CM.Config: sms_driver names no SMS driver");
                r->in_doubt = job->in_doubt;
                sms_payload_free(&p);
                return;
        }

        if (job->in_doubt) {
                struct sms_query q = {p.phone, job->dedupe_key, job->created_at};
                struct sms_lookup l;

                switch (env->sms_driver->query(env->sms, &q, &l)) {
                case SMS_FOUND:
                        job_result_set(r, JOB_DONE, "already sent by an earlier attempt: %s",
                                       l.message);
                        sms_copy(r->provider_id, sizeof r->provider_id, l.provider_id);
                        sms_payload_free(&p);
                        return;
                case SMS_NOT_FOUND:
                        break;
                case SMS_LOOKUP_FAILED:
                        job_result_set(r, JOB_RETRY,
                                       "%s: could not ask whether an earlier attempt was sent: %s",
                                       l.code, l.message);
                        r->in_doubt = true;
                        sms_payload_free(&p);
                        return;
                }
        }

        msg = sms_payload_message(&p, job->dedupe_key);
        env->sms_driver->send(env->sms, &msg, &sent);
        sms_payload_free(&p);
        switch (sent.outcome) {
        case SMS_SENT:
                job_result_set(r, JOB_DONE, "sent");
                sms_copy(r->provider_id, sizeof r->provider_id, sent.provider_id);
                break;
        case SMS_REJECTED:
                job_result_set(r, JOB_DEAD, "%s: %s", sent.code, sent.message);
                break;
        case SMS_RETRY_LATER:
                job_result_set(r, JOB_RETRY, "%s: %s", sent.code, sent.message);
                r->retry_after_s = sent.retry_after_s;
                /* once in doubt, in doubt until a question settles it */
                r->in_doubt = job->in_doubt || sms_result_in_doubt(&sent);
                break;
        }
}
