/* system: pages that are about the service rather than the catalog: /healthz for monitors,
 * /prefs for the language and text-size switches, /logout. */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "core/config.h"
#include "core/migrate.h"
#include "core/session.h"
#include "pages.h"

DB_STMT(health_schema, "SELECT coalesce(max(version), 0) FROM schema_migrations");

static long mono_us(void)
{
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        return ts.tv_sec * 1000000L + ts.tv_nsec / 1000;
}

void page_healthz(struct req *rq, struct resp *rs)
{
        long t0 = mono_us();
        PGresult *r = db_exec(cm_db, &health_schema, 0, NULL);
        long latency = mono_us() - t0;
        int have = r ? atoi(db_val(r, 0, 0)) : -1;
        int known = migrate_known_version(cm_config.schema);
        bool db_ok = r != NULL, schema_ok = have == known;

        json_t *j = json_pack(
            "{s:s, s:s, s:{s:i, s:I, s:I}, s:{s:b, s:I}, s:{s:i, s:i, s:b}}", "status",
            db_ok && schema_ok ? "ok" : "degraded", "version", CM_VERSION, "process", "pid",
            (int)getpid(), "uptime_s", (json_int_t)(time(NULL) - app_started), "requests",
            (json_int_t)app_requests, "database", "ok", db_ok, "latency_us", (json_int_t)latency,
            "schema", "version", have, "expected", known, "current", schema_ok);
        char *text = j ? json_dumps(j, JSON_COMPACT) : NULL;
        resp_text(rs, db_ok && schema_ok ? 200 : 503, "application/json", text ? text : "{}");
        rs->no_store = true;
        free(text);
        json_decref(j);
        (void)rq;
}

void page_prefs(struct req *rq, struct resp *rs)
{
        struct cookie_opts year = {
            .max_age = 365L * 24 * 3600, .http_only = true, .secure = cm_config.https || rq->https};
        const char *lang = req_param(rq, "lang"), *text = req_param(rq, "text");
        if (lang)
                resp_cookie(rs, "lang", lang, &year);
        if (text)
                resp_cookie(rs, "text", text, &year);
        const char *next = req_param(rq, "next");
        resp_redirect(rs, 303, next && resp_local_path_ok(next) ? next : "/");
}

void page_logout(struct req *rq, struct resp *rs)
{
        if (!sess_end(rq, rs)) {
                app_db_error(rq, rs);
                return;
        }
        resp_redirect(rs, 303, "/");
}
