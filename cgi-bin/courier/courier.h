/* courier: `coursemart courier`, the worker that drains the outbox (docs/outbox.md). Its own
 * database connection LISTENs on "outbox" and otherwise sleeps until the earliest job is due; it
 * claims one job at a time with FOR UPDATE SKIP LOCKED (so any number of couriers, on any hosts,
 * share the work), commits the claim before any network call, runs the job's kind from the table
 * in jobs.c, and records done, a retry with backoff, or dead. A courier that dies leaves its job
 * to whoever claims it when the lease runs out. SIGTERM finishes the job in hand and exits;
 * SIGHUP rereads the configuration. It never holds a row locked across a network call, and never
 * logs a payload (phone numbers, one-time codes). */
#ifndef CM_COURIER_H
#define CM_COURIER_H

#include "jobs.h"

int courier_main(const char *config_path);

/* The wait before retry number attempt + 1: min(2^attempt, 3600) s × (0.5 + unit_random), with
 * unit_random in [0, 1): jitter spreads out the jobs a provider outage failed together. */
double courier_backoff_seconds(int attempt, double unit_random);

/* What becomes of a job after an attempt: r->status, except that a retry after the job's last
 * allowed attempt is dead. */
enum job_status courier_decide(const struct job *job, const struct job_result *r);

#endif
