/* housekeeping_job: the daily "housekeeping" job. At 00:35 in Shanghai it calls forget_expired()
 * (schema/0007_housekeeping.sql), which deletes the SMS codes, failed logins and sessions that no
 * limit or page needs any more, so those tables stay small. Like the course facts, the courier
 * queues the next day's job itself, one dedupe key per date. Never deletes anything else. */
#include "jobs.h"

#include "db.h"

DB_STMT(housekeeping_enqueue,
        "INSERT INTO outbox (kind, dedupe_key, run_at)"
        " SELECT 'housekeeping', 'housekeeping:' || to_char(at, 'YYYY-MM-DD'),"
        "        at AT TIME ZONE 'Asia/Shanghai'"
        "   FROM (SELECT date_trunc('day', now() AT TIME ZONE 'Asia/Shanghai'"
        "                                  - interval '35 minutes')"
        "                + interval '1 day 35 minutes' AS at) next"
        " ON CONFLICT (dedupe_key) DO NOTHING");
DB_STMT(housekeeping_forget, "SELECT sessions, sms_codes, login_failures FROM forget_expired()");

bool housekeeping_schedule(struct db *db)
{
        return db_exec(db, &housekeeping_enqueue, 0, NULL) != NULL;
}

void housekeeping_job_run(const struct job_env *env, const struct job *job, struct job_result *r)
{
        (void)job;
        PGresult *res = db_exec(env->db, &housekeeping_forget, 0, NULL);
        if (!res || PQntuples(res) != 1) {
                job_result_set(r, JOB_RETRY, "forget_expired failed: %s", db_last_message(env->db));
                return;
        }
        job_result_set(r, JOB_DONE, "forgot %s sessions, %s SMS codes, %s failed logins",
                       PQgetvalue(res, 0, 0), PQgetvalue(res, 0, 1), PQgetvalue(res, 0, 2));
        housekeeping_schedule(env->db);
}
