/* facts_job: the daily "course_facts" job. courses.next_start and open_offerings depend on the
 * date (schema/0002_catalog.sql), so once a day, at 00:05 in Shanghai, refresh_all_course_facts()
 * brings them up to date; the offerings triggers keep them right between two days. The courier
 * queues the next day's job itself, idempotently (one dedupe key per date). Never touches
 * anything but the course facts. */
#include "jobs.h"

#include "db.h"

/* The first 00:05 Shanghai time after now: shift back 5 minutes, take the day, add a day and 5
 * minutes. The dedupe key names that date, so every courier asking the same day adds one row. */
DB_STMT(course_facts_enqueue,
        "INSERT INTO outbox (kind, dedupe_key, run_at)"
        " SELECT 'course_facts', 'course_facts:' || to_char(at, 'YYYY-MM-DD'),"
        "        at AT TIME ZONE 'Asia/Shanghai'"
        "   FROM (SELECT date_trunc('day', now() AT TIME ZONE 'Asia/Shanghai'"
        "                                  - interval '5 minutes')"
        "                + interval '1 day 5 minutes' AS at) next"
        " ON CONFLICT (dedupe_key) DO NOTHING");
DB_STMT(course_facts_refresh, "SELECT refresh_all_course_facts()");

bool course_facts_schedule(struct db *db)
{
        return db_exec(db, &course_facts_enqueue, 0, NULL) != NULL;
}

void course_facts_job_run(const struct job_env *env, const struct job *job, struct job_result *r)
{
        (void)job;
        if (!db_exec(env->db, &course_facts_refresh, 0, NULL)) {
                job_result_set(r, JOB_RETRY, "refresh_all_course_facts failed: %s",
                               db_last_message(env->db));
                return;
        }
        job_result_set(r, JOB_DONE, "course facts refreshed");
        /* tomorrow's, at once rather than at the courier's next periodic check */
        course_facts_schedule(env->db);
}
