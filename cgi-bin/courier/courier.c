/* courier: see courier.h. The loop: claim a due job (one UPDATE, committed at once), run it,
 * record its outcome (fenced by the attempt number, so a courier whose lease ran out cannot
 * overwrite the next one's work), and when nothing is due wait on the connection's socket for a
 * NOTIFY or until the earliest job falls due. */
#include "courier.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>
#include <openssl/crypto.h>

#include "config.h"
#include "crypto.h"
#include "db.h"
#include "gateways/sms.h"
#include "log.h"
#include "signals.h"

#define MAX_SLEEP_S       30.0 /* even without a NOTIFY, look again this often */
#define MIN_SLEEP_S       0.2  /* a due job another courier is claiming right now */
#define SCHEDULE_EVERY_S  600  /* how often to make sure tomorrow's daily job exists */
#define IN_DOUBT_KEY      "_in_doubt"
#define UNKNOWN_KIND_WAIT 600 /* a newer courier may know the kind: leave it to that one */

static volatile sig_atomic_t got_term, got_hup;

/* The SMS settings the jobs see, rebuilt on SIGHUP; the secret is read from its own file. */
static struct sms_config sms;
static char sms_secret[512];

/* Claims the most overdue job: a pending one, or a running one whose courier's lease ran out
 * (then an earlier attempt may have done the work). The claim commits on its own, at once. */
DB_STMT(courier_claim,
        "WITH picked AS ("
        "  SELECT id, status FROM outbox"
        "   WHERE run_at <= now()"
        "     AND (status = 'pending' OR (status = 'running' AND lease_until < now()))"
        "   ORDER BY run_at FOR UPDATE SKIP LOCKED LIMIT 1)"
        " UPDATE outbox o SET status = 'running', attempts = o.attempts + 1,"
        "        lease_until = now() + make_interval(secs => $1::int)"
        "   FROM picked WHERE o.id = picked.id"
        " RETURNING o.id, o.kind, o.payload::text, o.dedupe_key, o.attempts, o.max_attempts,"
        "           floor(extract(epoch FROM o.created_at))::bigint,"
        "           (picked.status = 'running' OR o.payload ? '" IN_DOUBT_KEY "')::int");
/* Seconds until the next job falls due (a pending one's run_at, a running one's lease end), or
 * NULL when there is none. */
DB_STMT(courier_next_due,
        "SELECT extract(epoch FROM min(CASE WHEN status = 'pending' THEN run_at"
        "                                   ELSE greatest(run_at, lease_until) END) - now())"
        "  FROM outbox WHERE status IN ('pending', 'running')");
/* The outcomes, each only while this attempt still holds the job ($2 = its attempt number). */
DB_STMT(courier_done,
        "UPDATE outbox SET status = 'done', done_at = now(), lease_until = NULL,"
        "       provider_id = nullif($3, ''),"
        "       payload = CASE WHEN $4::text IS NULL THEN payload ELSE payload - $4::text END"
        " WHERE id = $1 AND attempts = $2 AND status = 'running'");
DB_STMT(courier_dead,
        "UPDATE outbox SET status = 'dead', done_at = now(), lease_until = NULL, last_error = $3,"
        "       payload = CASE WHEN $4::text IS NULL THEN payload ELSE payload - $4::text END"
        " WHERE id = $1 AND attempts = $2 AND status = 'running'");
DB_STMT(courier_retry,
        "UPDATE outbox SET status = 'pending', lease_until = NULL, last_error = $3,"
        "       run_at = now() + make_interval(secs => $4::float8),"
        "       payload = CASE WHEN $5::int = 1"
        "                      THEN payload || jsonb_build_object('" IN_DOUBT_KEY "', true)"
        "                      ELSE payload END"
        " WHERE id = $1 AND attempts = $2 AND status = 'running'");

double courier_backoff_seconds(int attempt, double unit_random)
{
        /* 2^12 is past the cap: no shift overflows */
        double base = attempt >= 12 ? 3600.0 : (double)(1u << (attempt < 0 ? 0 : attempt));

        if (base > 3600.0)
                base = 3600.0;

        if (!(unit_random >= 0.0 && unit_random < 1.0))
                unit_random = 0.5;
        return base * (0.5 + unit_random);
}

enum job_status courier_decide(const struct job *job, const struct job_result *r)
{
        if (r->status == JOB_RETRY && job->attempt >= job->max_attempts)
                return JOB_DEAD;
        return r->status;
}

static double unit_random(void)
{
        uint32_t x;

        crypto_random(&x, sizeof x);
        return x / 4294967296.0;
}

static void on_signal(int sig)
{
        if (sig == SIGHUP)
                got_hup = 1;
        else
                got_term = 1;
}

/* Reads the provider's secret (the file's first line) and points the SMS settings at cm_config. */
static void load_sms_settings(void)
{
        const char *path = cm_config.sms_access_key_secret_file;
        FILE *f;

        OPENSSL_cleanse(sms_secret, sizeof sms_secret);
        if (path && *path) {
                f = fopen(path, "r");
                if (!f || !fgets(sms_secret, sizeof sms_secret, f))
                        log_warn("courier: cannot read sms_access_key_secret_file %s: %s", path,
                                 f ? "it is empty" : strerror(errno));
                if (f)
                        fclose(f);
                sms_secret[strcspn(sms_secret, "\r\n")] = '\0';
        }
        sms = (struct sms_config){
            .endpoint = cm_config.sms_endpoint,
            .access_key_id = cm_config.sms_access_key_id,
            .access_key_secret = sms_secret,
            .sign_name = cm_config.sms_sign_name,
            .region = cm_config.sms_region,
            .sdk_app_id = cm_config.sms_sdk_app_id,
            .timeout_ms = cm_config.sms_timeout_seconds * 1000L,
        };
        if (*cm_config.sms_driver && !sms_driver_find(cm_config.sms_driver))
                log_warn("courier: sms_driver '%s' is not a driver (aliyun, tencent): SMS jobs "
                         "wait until the configuration names one",
                         cm_config.sms_driver);
        /* a call that outlives the lease lets a second courier send the same message */
        if (cm_config.courier_lease_seconds < 3 * cm_config.sms_timeout_seconds)
                log_warn("courier: courier_lease_seconds (%d) is less than three times "
                         "sms_timeout_seconds (%d): a slow provider may outlast the lease",
                         cm_config.courier_lease_seconds, cm_config.sms_timeout_seconds);
}

static void reload(void)
{
        struct config fresh;
        char err[512];

        if (config_load(&fresh, cm_config.path, err, sizeof err) < 0) {
                log_error("courier: reload refused, keeping the running configuration: %s", err);
                return;
        }
        if (strcmp(fresh.database, cm_config.database) != 0)
                log_warn("courier: reload: 'database' changes need a restart");
        config_free(&cm_config);
        cm_config = fresh;
        load_sms_settings();
        log_info("courier: reloaded %s", cm_config.path);
}

static int lease_seconds(void)
{
        return cm_config.courier_lease_seconds > 0 ? cm_config.courier_lease_seconds : 60;
}

/* Claims one due job into *job (strings borrowed from the result, alive until db_request_end).
 * 1 when claimed, 0 when nothing is due, -1 on a database error. */
static int claim(struct db *db, struct job *job)
{
        char lease[16];
        PGresult *r;

        snprintf(lease, sizeof lease, "%d", lease_seconds());
        r = db_exec(db, &courier_claim, DB_PARAMS(lease));
        if (!r)
                return -1;
        if (PQntuples(r) == 0)
                return 0;
        *job = (struct job){
            .id = atoll(db_val(r, 0, 0)),
            .kind = db_val(r, 0, 1),
            .payload = db_val(r, 0, 2),
            .dedupe_key = db_val(r, 0, 3),
            .attempt = atoi(db_val(r, 0, 4)),
            .max_attempts = atoi(db_val(r, 0, 5)),
            .created_at = (time_t)atoll(db_val(r, 0, 6)),
        };
        job->in_doubt = job->attempt > 1 && atoi(db_val(r, 0, 7)) == 1;
        return 1;
}

static void run(const struct job_env *env, const struct job_kind *kind, const struct job *job,
                struct job_result *r)
{
        if (!kind) {
                job_result_set(r, JOB_RETRY, "CM.Config: this courier knows no job kind '%s'",
                               job->kind);
                r->retry_after_s = UNKNOWN_KIND_WAIT;
        } else if (job->attempt > job->max_attempts) {
                /* the courier stopped during the last allowed attempt: do not start another */
                job_result_set(r, JOB_DEAD,
                               "gave up: the courier running attempt %d of %d stopped before "
                               "it finished%s",
                               job->max_attempts, job->max_attempts,
                               job->in_doubt ? "; it may or may not have done the work" : "");
        } else {
                kind->run(env, job, r);
        }
}

/* Writes the outcome; logs one line. */
static void finish(struct db *db, const struct job_kind *kind, const struct job *job,
                   struct job_result *r)
{
        char id[24], attempt[16], delay_s[32], in_doubt[2] = {r->in_doubt ? '1' : '0', '\0'};
        char note[600];
        const char *forget = kind ? kind->forget : NULL;
        enum job_status status = courier_decide(job, r);
        double delay = 0;
        PGresult *res = NULL;

        snprintf(id, sizeof id, "%lld", job->id);
        snprintf(attempt, sizeof attempt, "%d", job->attempt);
        switch (status) {
        case JOB_DONE:
                res = db_exec(db, &courier_done, DB_PARAMS(id, attempt, r->provider_id, forget));
                break;
        case JOB_DEAD:
                if (r->status == JOB_RETRY)
                        snprintf(note, sizeof note, "gave up after %d attempts; the last: %s",
                                 job->attempt, r->note);
                else
                        snprintf(note, sizeof note, "%s", r->note);
                sms_copy(r->note, sizeof r->note, note);
                res = db_exec(db, &courier_dead, DB_PARAMS(id, attempt, r->note, forget));
                break;
        case JOB_RETRY:
                delay = r->retry_after_s > 0 ? r->retry_after_s
                                             : courier_backoff_seconds(job->attempt, unit_random());
                snprintf(delay_s, sizeof delay_s, "%.3f", delay);
                res =
                    db_exec(db, &courier_retry, DB_PARAMS(id, attempt, r->note, delay_s, in_doubt));
                break;
        }
        if (!res) {
                /* the lease will run out and the job come back, in doubt */
                log_error("courier: job %lld (%s): could not record the outcome: %s", job->id,
                          job->kind, db_last_message(db));
                return;
        }
        if (strcmp(PQcmdTuples(res), "1") != 0) {
                log_warn("courier: job %lld (%s) attempt %d: the lease ran out before it finished; "
                         "another courier has the job",
                         job->id, job->kind, job->attempt);
                return;
        }
        if (status == JOB_RETRY)
                log_info("courier: job %lld (%s) attempt %d/%d: retry in %.0f s%s: %s", job->id,
                         job->kind, job->attempt, job->max_attempts, delay,
                         r->in_doubt ? " (in doubt)" : "", r->note);
        else
                log_info("courier: job %lld (%s) attempt %d/%d: %s%s%s: %s", job->id, job->kind,
                         job->attempt, job->max_attempts, status == JOB_DONE ? "done" : "dead",
                         r->provider_id[0] ? ", provider id " : "", r->provider_id, r->note);
}

/* Sleeps until a NOTIFY arrives, a signal, or the next job falls due (at most MAX_SLEEP_S). */
static void wait_for_work(struct db *db)
{
        static unsigned away_s; /* how long to wait while the database stays away: 1, 2, 4 … 30 */
        double wait = MAX_SLEEP_S;
        PGresult *r = db_exec(db, &courier_next_due, 0, NULL);
        int fd;

        if (r && !PQgetisnull(r, 0, 0)) {
                wait = atof(db_val(r, 0, 0));
                wait = wait < MIN_SLEEP_S ? MIN_SLEEP_S : wait > MAX_SLEEP_S ? MAX_SLEEP_S : wait;
        }
        db_request_end(db);
        fd = PQsocket(db_conn(db));
        if (!r || fd < 0) {
                /* the database is away: db_exec reconnects on the next try */
                away_s = away_s == 0 ? 1 : away_s >= 16 ? 30 : away_s * 2;
                sleep(away_s);
                return;
        }
        away_s = 0;
        /* notifications that came with the last results would never wake poll() */
        if (db_notifications(db) > 0)
                return;
        struct pollfd p = {.fd = fd, .events = POLLIN};
        if (poll(&p, 1, (int)(wait * 1000)) > 0)
                db_notifications(db);
}

static struct db *connect_until_up(void)
{
        struct db *db;
        unsigned delay = 1;

        while (!got_term) {
                db = db_connect(cm_config.database);
                if (db)
                        return db;
                sleep(delay);
                delay = delay < 16 ? delay * 2 : 30;
        }
        return NULL;
}

int courier_main(const char *config_path)
{
        char err[512];
        struct db *db;
        time_t next_schedule = 0;

        if (config_load(&cm_config, config_path, err, sizeof err) < 0) {
                log_error("%s", err);
                return 1;
        }
        signals_set(SIGTERM, on_signal);
        signals_set(SIGINT, on_signal);
        signals_set(SIGHUP, on_signal);
        signal(SIGPIPE, SIG_IGN);
        curl_global_init(CURL_GLOBAL_DEFAULT);
        load_sms_settings();

        db = connect_until_up();
        if (db && !db_listen(db, "outbox"))
                log_warn("courier: cannot LISTEN outbox: polling every %.0f s", MAX_SLEEP_S);
        if (db)
                log_info("courier: ready (sms driver %s, lease %d s)",
                         *cm_config.sms_driver ? cm_config.sms_driver : "none", lease_seconds());
        while (db && !got_term) {
                struct job job;
                int claimed;

                if (got_hup) {
                        got_hup = 0;
                        reload();
                }
                if (time(NULL) >= next_schedule) {
                        next_schedule = time(NULL) + SCHEDULE_EVERY_S;
                        if (!course_facts_schedule(db) || !housekeeping_schedule(db))
                                next_schedule = time(NULL) + 10;
                }
                claimed = claim(db, &job);
                if (claimed > 0) {
                        const struct job_kind *kind = job_kind_find(job.kind);
                        struct job_env env = {
                            .db = db,
                            .sms_driver = sms_driver_find(cm_config.sms_driver),
                            .sms = &sms,
                            .sms_templates = cm_config.sms_templates,
                        };
                        struct job_result r;

                        job_result_set(&r, JOB_RETRY, "the job said nothing");
                        run(&env, kind, &job, &r);
                        finish(db, kind, &job, &r);
                        db_request_end(db);
                        continue;
                }
                wait_for_work(db);
        }
        log_info("courier: stopped");
        db_close(db);
        OPENSSL_cleanse(sms_secret, sizeof sms_secret);
        curl_global_cleanup();
        config_free(&cm_config);
        return 0;
}
