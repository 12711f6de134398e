/* sms_job: the courier's "sms" job: one outbox row {"phone", "template", "params"} (written by
 * outbox_sms) becomes one message through the configured SMS driver, exactly once: an attempt in
 * doubt first asks the provider whether the message already went out, and a failed question means
 * "later", never "send anyway". These are its pure parts, for the tests; sms_job_run (jobs.h)
 * does the rest. It never logs and never copies the params (they hold a one-time code) anywhere
 * but into the request it sends. */
#ifndef CM_COURIER_SMS_JOB_H
#define CM_COURIER_SMS_JOB_H

#include <stddef.h>

#include "gateways/sms.h"

/* The provider's template code for our template name in spec ("login_code:SMS_1 family_code:SMS_2",
 * entries separated by blanks, each name:code) into out[cap]. 0, or -1 when the name is absent
 * or its code does not fit. */
int sms_template_code(const char *spec, const char *name, char *out, size_t cap);

/* An SMS job's payload, read and checked. */
struct sms_payload {
        char phone[24];         /* "13800138000" or E.164 "+8613800138000" */
        char template_name[64]; /* ours, e.g. "login_code" */
        char template_code[64]; /* the provider's, from sms_templates */
        char *params_json;      /* compact JSON object, or NULL when there are none */
};

enum sms_payload_status {
        SMS_PAYLOAD_OK,
        SMS_PAYLOAD_BAD,         /* unusable whatever the configuration: the job is dead */
        SMS_PAYLOAD_NO_TEMPLATE, /* sms_templates lacks the name: fix the configuration */
};

/* Reads payload_json into *out (release with sms_payload_free, whatever the answer), looking the
 * template up in templates; on trouble writes why to err (never a phone number or a parameter). */
enum sms_payload_status sms_payload_read(const char *payload_json, const char *templates,
                                         struct sms_payload *out, char *err, size_t errlen);
/* Wipes and frees the params. */
void sms_payload_free(struct sms_payload *p);

/* The message to send for p, carrying dedupe_key as the provider's OutId / SessionContext;
 * borrows p's strings. */
struct sms_message sms_payload_message(const struct sms_payload *p, const char *dedupe_key);

/* Whether a RETRY_LATER answer may hide a message the provider took: the answer was lost
 * (transport failure, timeout) or unreadable, or the provider reported an internal failure. A
 * provider's explained refusal (a rate limit, a bad parameter) means it sent nothing. */
int sms_result_in_doubt(const struct sms_result *r);

#endif
