/* migrate: see migrate.h. Migration files are ours (in the checkout), so PQexec of their text is
 * the one place SQL arrives as a whole file; no user input ever reaches it. */

#include "migrate.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "crypto.h"

#define MIGRATION_LOCK "7242001" /* advisory lock key: any fixed number unique to us */

static bool is_migration_name(const char *n)
{
        size_t len = strlen(n);
        if (len < 10 || strcmp(n + len - 4, ".sql") != 0 || n[4] != '_')
                return false;
        for (int i = 0; i < 4; i++)
                if (!isdigit((unsigned char)n[i]))
                        return false;
        for (size_t i = 5; i < len - 4; i++)
                if (!(islower((unsigned char)n[i]) || isdigit((unsigned char)n[i]) || n[i] == '_'))
                        return false;
        return true;
}

static int filter(const struct dirent *d)
{
        return is_migration_name(d->d_name);
}

static int list_files(const char *dir, struct dirent ***out)
{
        return scandir(dir, out, filter, alphasort);
}

static void free_list(struct dirent **list, int n)
{
        for (int i = 0; i < n; i++)
                free(list[i]);
        free(list);
}

int migrate_known_version(const char *schema_dir)
{
        struct dirent **list;
        int n = list_files(schema_dir, &list);
        if (n <= 0)
                return 0;
        int v = atoi(list[n - 1]->d_name);
        free_list(list, n);
        return v;
}

static char *read_file(const char *path, size_t *len)
{
        FILE *f = fopen(path, "rb");
        if (!f)
                return NULL;
        char *data = NULL;
        size_t cap = 0, n = 0;
        for (;;) {
                if (n + 4096 + 1 > cap) {
                        cap = cap ? cap * 2 : 65536;
                        char *p = realloc(data, cap);
                        if (!p) {
                                free(data);
                                fclose(f);
                                return NULL;
                        }
                        data = p;
                }
                size_t r = fread(data + n, 1, cap - n - 1, f);
                n += r;
                if (r == 0)
                        break;
        }
        fclose(f);
        data[n] = '\0';
        *len = n;
        return data;
}

static bool exec_ok(PGconn *c, const char *sql, const char *what)
{
        PGresult *r = PQexec(c, sql);
        ExecStatusType s = PQresultStatus(r);
        bool ok = s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK;
        if (!ok)
                fprintf(stderr, "%s: %s", what, PQerrorMessage(c));
        PQclear(r);
        return ok;
}

static PGconn *connect_db(const char *config_path)
{
        char err[512];
        if (config_load(&cm_config, config_path, err, sizeof err) < 0) {
                fprintf(stderr, "%s\n", err);
                return NULL;
        }
        PGconn *c = PQconnectdb(cm_config.database);
        if (PQstatus(c) != CONNECTION_OK) {
                fprintf(stderr, "cannot connect to the database: %s", PQerrorMessage(c));
                PQfinish(c);
                return NULL;
        }
        PQsetClientEncoding(c, "UTF8");
        PQsetNoticeProcessor(c, NULL, NULL);
        exec_ok(c, "SET client_min_messages = warning", "settings");
        return c;
}

int migrate_db_version(PGconn *conn)
{
        PGresult *r = PQexec(conn, "SELECT coalesce(max(version), 0) FROM schema_migrations");
        int v = PQresultStatus(r) == PGRES_TUPLES_OK ? atoi(PQgetvalue(r, 0, 0)) : -1;
        if (v < 0) {
                const char *state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
                if (state && strcmp(state, "42P01") == 0) /* no table yet: a new database */
                        v = 0;
        }
        PQclear(r);
        return v;
}

static bool checksum(const char *data, size_t len, char out[65])
{
        unsigned char h[32];
        crypto_sha256(data, len, h);
        crypto_hex(h, 32, out);
        return true;
}

int migrate_main(const char *config_path, bool status_only)
{
        PGconn *c = connect_db(config_path);
        if (!c)
                return 1;
        int rc = 1;
        if (!exec_ok(c,
                     "CREATE TABLE IF NOT EXISTS schema_migrations ("
                     " version int PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,"
                     " applied_at timestamptz NOT NULL DEFAULT now())",
                     "schema_migrations") ||
            !exec_ok(c, "SELECT pg_advisory_lock(" MIGRATION_LOCK ")", "lock"))
                goto out;
        struct dirent **list;
        int n = list_files(cm_config.schema, &list);
        if (n < 0) {
                fprintf(stderr, "%s: %s\n", cm_config.schema, strerror(errno));
                goto out;
        }
        int known = n ? atoi(list[n - 1]->d_name) : 0;
        int have = migrate_db_version(c);
        if (have < 0) {
                fprintf(stderr, "cannot read schema_migrations: %s", PQerrorMessage(c));
                free_list(list, n);
                goto out;
        }
        if (have > known) {
                fprintf(stderr,
                        "the database is at schema version %d, newer than this CourseMart (%d): "
                        "refusing to touch it; run a newer release\n",
                        have, known);
                free_list(list, n);
                goto out;
        }
        int applied = 0;
        rc = 0;
        for (int i = 0; i < n && rc == 0; i++) {
                int v = atoi(list[i]->d_name);
                char path[4096];
                snprintf(path, sizeof path, "%s/%s", cm_config.schema, list[i]->d_name);
                size_t len;
                char *sql = read_file(path, &len);
                if (!sql) {
                        fprintf(stderr, "%s: %s\n", path, strerror(errno));
                        rc = 1;
                        break;
                }
                char sum[65];
                checksum(sql, len, sum);
                char vbuf[16];
                snprintf(vbuf, sizeof vbuf, "%d", v);
                const char *p1[] = {vbuf};
                PGresult *r =
                    PQexecParams(c, "SELECT checksum FROM schema_migrations WHERE version = $1", 1,
                                 NULL, p1, NULL, NULL, 0);
                bool done = PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1;
                if (done && strcmp(PQgetvalue(r, 0, 0), sum) != 0)
                        fprintf(stderr,
                                "warning: %s changed after it was applied; migrations are "
                                "forward-only, write a new one\n",
                                list[i]->d_name);
                PQclear(r);
                if (done || status_only) {
                        if (status_only)
                                printf("%s %s\n", done ? "applied" : "pending", list[i]->d_name);
                        free(sql);
                        continue;
                }
                if (!exec_ok(c, "BEGIN", "begin") || !exec_ok(c, sql, list[i]->d_name)) {
                        exec_ok(c, "ROLLBACK", "rollback");
                        fprintf(stderr, "migration %s failed; nothing of it was applied\n",
                                list[i]->d_name);
                        rc = 1;
                } else {
                        const char *p3[] = {vbuf, list[i]->d_name, sum};
                        r = PQexecParams(c,
                                         "INSERT INTO schema_migrations (version, name, checksum)"
                                         " VALUES ($1, $2, $3)",
                                         3, NULL, p3, NULL, NULL, 0);
                        bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
                        PQclear(r);
                        if (!ok || !exec_ok(c, "COMMIT", "commit")) {
                                exec_ok(c, "ROLLBACK", "rollback");
                                rc = 1;
                        } else {
                                printf("applied %s\n", list[i]->d_name);
                                applied++;
                        }
                }
                free(sql);
        }
        free_list(list, n);
        if (rc == 0 && !status_only)
                printf("schema at version %d (%d applied now)\n", known, applied);
out:
        PQfinish(c);
        config_free(&cm_config);
        return rc;
}

/* What --reset removes: the catalog and everything hanging off it, but never an account or the
 * audit trail (TRUNCATE ... CASCADE would reach both through users.agency_id, and audit_log
 * refuses). Accounts let go of their agency and home region first; agencies and regions, which
 * accounts may point at, are deleted rather than truncated. */
#define DEMO_RESET_SQL                                                                             \
        "UPDATE users SET agency_id = NULL, home_region_id = NULL, roles = roles & ~4"             \
        " WHERE agency_id IS NOT NULL OR home_region_id IS NOT NULL;"                              \
        "TRUNCATE review_verdicts, listing_reviews, course_versions, offering_teachers, teachers," \
        " offerings, courses, agency_documents, sites RESTART IDENTITY;"                           \
        "DELETE FROM agencies; DELETE FROM regions;"                                               \
        "SELECT setval(pg_get_serial_sequence('agencies', 'id'), 1, false),"                       \
        "       setval(pg_get_serial_sequence('regions', 'id'), 1, false);"

int demo_main(const char *config_path, bool reset)
{
        PGconn *c = connect_db(config_path);
        if (!c)
                return 1;
        int rc = 1;
        int have = migrate_db_version(c), known = migrate_known_version(cm_config.schema);
        if (have != known) {
                fprintf(stderr,
                        "the database is at schema version %d, expected %d: run "
                        "'coursemart migrate' first\n",
                        have, known);
                goto out;
        }
        PGresult *r = PQexec(c, "SELECT EXISTS (SELECT 1 FROM courses)");
        bool loaded = PQresultStatus(r) == PGRES_TUPLES_OK && PQgetvalue(r, 0, 0)[0] == 't';
        PQclear(r);
        if (loaded && !reset) {
                printf(
                    "demo data already loaded (use 'coursemart demo --reset' to load it afresh)\n");
                rc = 0;
                goto out;
        }
        char dir[4096];
        snprintf(dir, sizeof dir, "%s/demo", cm_config.schema);
        struct dirent **list;
        int n = list_files(dir, &list);
        if (n <= 0) {
                fprintf(stderr, "%s: no demo files\n", dir);
                goto out;
        }
        if (!exec_ok(c, "BEGIN", "begin"))
                goto done;
        if (reset && !exec_ok(c, DEMO_RESET_SQL, "reset"))
                goto rollback;
        for (int i = 0; i < n; i++) {
                char path[8192];
                snprintf(path, sizeof path, "%s/%s", dir, list[i]->d_name);
                size_t len;
                char *sql = read_file(path, &len);
                bool ok = sql && exec_ok(c, sql, list[i]->d_name);
                free(sql);
                if (!ok)
                        goto rollback;
        }
        if (exec_ok(c, "COMMIT", "commit")) {
                /* the course-facts trigger leaves dead rows, and a table without statistics
                 * would not use its indexes until autovacuum came by */
                exec_ok(c, "VACUUM ANALYZE", "vacuum");
                r = PQexec(
                    c, "SELECT (SELECT count(*) FROM courses), (SELECT count(*) FROM offerings),"
                       " (SELECT count(*) FROM sites), (SELECT count(*) FROM agencies)");
                if (PQresultStatus(r) == PGRES_TUPLES_OK)
                        printf(
                            "demo data loaded: %s courses, %s offerings, %s sites, %s agencies\n",
                            PQgetvalue(r, 0, 0), PQgetvalue(r, 0, 1), PQgetvalue(r, 0, 2),
                            PQgetvalue(r, 0, 3));
                PQclear(r);
                rc = 0;
                goto done;
        }
rollback:
        exec_ok(c, "ROLLBACK", "rollback");
        fprintf(stderr, "demo data not loaded; the database is as it was\n");
done:
        free_list(list, n);
out:
        PQfinish(c);
        config_free(&cm_config);
        return rc;
}
