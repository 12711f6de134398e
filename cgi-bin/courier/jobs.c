/* jobs: the table of job kinds (see jobs.h). Adding a kind is one line here and one function. */
#include "jobs.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "gateways/sms.h"

static const struct job_kind kinds[] = {
    /* params holds the one-time code: gone once the message is sent or given up */
    {"sms", sms_job_run, "params"},
    {"course_facts", course_facts_job_run, NULL},
    {"housekeeping", housekeeping_job_run, NULL},
};

const struct job_kind *job_kind_find(const char *kind)
{
        for (size_t i = 0; kind && i < sizeof kinds / sizeof kinds[0]; i++)
                if (strcmp(kinds[i].kind, kind) == 0)
                        return &kinds[i];
        return NULL;
}

void job_result_set(struct job_result *r, enum job_status s, const char *fmt, ...)
{
        char tmp[1024];
        va_list ap;

        r->status = s;
        r->in_doubt = false;
        r->retry_after_s = 0;
        r->provider_id[0] = '\0';
        va_start(ap, fmt);
        vsnprintf(tmp, sizeof tmp, fmt, ap);
        va_end(ap);
        sms_copy(r->note, sizeof r->note, tmp);
}
