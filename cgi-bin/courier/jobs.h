/* jobs: the kinds of work the courier knows, one declarative table (jobs.c) like the route table:
 * a kind's name as written in outbox.kind, the function that does one attempt, and the payload key
 * that holds a one-time secret to forget once the job is finished. A job function does its one
 * piece of work and says how it went; it never touches its outbox row (claiming, rescheduling and
 * finishing are courier.c's) and never logs (the courier logs one line per outcome). */
#ifndef CM_COURIER_JOBS_H
#define CM_COURIER_JOBS_H

#include <stdbool.h>
#include <time.h>

struct db;
struct sms_config;
struct sms_driver;

/* One claimed attempt; every string is borrowed from the claim's result. */
struct job {
        long long id;
        const char *kind;
        const char *payload; /* a JSON object as text */
        const char *dedupe_key;
        int attempt; /* this attempt, from 1 */
        int max_attempts;
        time_t created_at;
        /* An earlier attempt may have done the work without the outbox learning it: the courier
         * holding it died (its lease ran out), or a call's answer was lost. Check before doing
         * it again. */
        bool in_doubt;
};

enum job_status {
        JOB_DONE,  /* finished: never run again */
        JOB_RETRY, /* not now: run again later (after backoff, or retry_after_s) */
        JOB_DEAD,  /* can never succeed as it is: stop, and say why in last_error */
};

struct job_result {
        enum job_status status;
        bool in_doubt;        /* RETRY: this attempt may have done the work (check next time) */
        int retry_after_s;    /* RETRY: not before this many seconds, 0 = the usual backoff */
        char provider_id[64]; /* DONE: the provider's id for what it did, "" = none */
        char note[512];       /* DONE: how, for the log; RETRY, DEAD: why, kept as last_error
                                 for an admin. Never a phone number or a message's parameters. */
};

/* What a job may use: the courier's database connection (autocommit, no transaction open) and
 * the SMS provider as configured. */
struct job_env {
        struct db *db;
        const struct sms_driver *sms_driver; /* NULL when sms_driver names none */
        const struct sms_config *sms;
        const char *sms_templates; /* "name:code …", as configured */
};

struct job_kind {
        const char *kind;
        void (*run)(const struct job_env *env, const struct job *job, struct job_result *result);
        const char *forget; /* payload key removed when the job is done or dead; NULL = none */
};

/* The kind named kind, or NULL when this courier does not know it. */
const struct job_kind *job_kind_find(const char *kind);

/* Resets *r to status s with a formatted note (UTF-8-safe truncation). */
void job_result_set(struct job_result *r, enum job_status s, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* The kinds (sms_job.c, facts_job.c, housekeeping_job.c). */
void sms_job_run(const struct job_env *env, const struct job *job, struct job_result *result);
void course_facts_job_run(const struct job_env *env, const struct job *job,
                          struct job_result *result);

/* Queues the next daily course_facts job (at 00:05 Asia/Shanghai, dedupe key
 * course_facts:YYYY-MM-DD); a second call the same day adds nothing. false on a database error. */
bool course_facts_schedule(struct db *db);

void housekeeping_job_run(const struct job_env *env, const struct job *job,
                          struct job_result *result);
/* Queues the next daily housekeeping job (00:35 Asia/Shanghai, key housekeeping:YYYY-MM-DD). */
bool housekeeping_schedule(struct db *db);

#endif
