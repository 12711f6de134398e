/* db: see db.h. */
#include "db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "log.h"

#define MAX_RESULTS 64

struct db {
        char *conninfo;
        PGconn *conn;
        unsigned generation;
        bool in_tx;
        PGresult *results[MAX_RESULTS];
        int nresults;
        enum db_error last_error;
        char last_message[512];
        char last_constraint[128];
        long wait_us;
        char listen_channel[64];
        unsigned polled_generation;
};

static unsigned next_generation = 1;

/* GNU ld defines these around any section whose name is a C identifier. */
extern struct db_stmt __start_cm_db_stmts[] __attribute__((weak));
extern struct db_stmt __stop_cm_db_stmts[] __attribute__((weak));

const struct db_stmt *db_stmts_begin(void)
{
        return __start_cm_db_stmts;
}

const struct db_stmt *db_stmts_end(void)
{
        return __stop_cm_db_stmts;
}

static long now_us(void)
{
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        return ts.tv_sec * 1000000L + ts.tv_nsec / 1000;
}

static bool setup(struct db *db)
{
        PGresult *r = PQexec(db->conn, "SET TIME ZONE 'Asia/Shanghai'; "
                                       "SET statement_timeout = '15s'; "
                                       /* JIT pays off for analytics, not for millisecond pages */
                                       "SET jit = off");
        bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
        if (!ok)
                log_error("db setup: %s", PQerrorMessage(db->conn));
        PQclear(r);
        return ok;
}

static bool open_conn(struct db *db)
{
        if (db->conn)
                PQfinish(db->conn);
        db->conn = PQconnectdb(db->conninfo);
        if (PQstatus(db->conn) != CONNECTION_OK) {
                log_error("db connect: %s", PQerrorMessage(db->conn));
                return false;
        }
        if (PQsetClientEncoding(db->conn, "UTF8") != 0 || !setup(db))
                return false;
        db->generation = next_generation++;
        db->in_tx = false;
        if (db->listen_channel[0]) {
                /* the channel name is ours (a constant), never user input */
                char sql[96];
                snprintf(sql, sizeof sql, "LISTEN %s", db->listen_channel);
                PGresult *r = PQexec(db->conn, sql);
                bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
                PQclear(r);
                if (!ok)
                        log_error("db listen: %s", PQerrorMessage(db->conn));
        }
        return true;
}

struct db *db_connect(const char *conninfo)
{
        struct db *db = calloc(1, sizeof(*db));
        if (!db)
                abort();
        db->conninfo = strdup(conninfo);
        if (!db->conninfo)
                abort();
        if (!open_conn(db)) {
                db_close(db);
                return NULL;
        }
        return db;
}

void db_close(struct db *db)
{
        if (!db)
                return;
        db_request_end(db);
        if (db->conn)
                PQfinish(db->conn);
        free(db->conninfo);
        free(db);
}

PGconn *db_conn(struct db *db)
{
        return db->conn;
}

static enum db_error classify(const PGresult *r, PGconn *conn)
{
        if (PQstatus(conn) != CONNECTION_OK)
                return DB_ERR_CONNECTION;
        const char *state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;
        if (!state)
                return DB_ERR_OTHER;
        if (strcmp(state, "23505") == 0)
                return DB_ERR_UNIQUE;
        if (strcmp(state, "23514") == 0 || strcmp(state, "23502") == 0)
                return DB_ERR_CHECK;
        if (strcmp(state, "23503") == 0)
                return DB_ERR_FOREIGN;
        if (strcmp(state, "40001") == 0 || strcmp(state, "40P01") == 0)
                return DB_ERR_CONFLICT;
        if (strncmp(state, "08", 2) == 0 || strcmp(state, "57P01") == 0)
                return DB_ERR_CONNECTION;
        return DB_ERR_OTHER;
}

static void record_error(struct db *db, const char *what, const PGresult *r)
{
        db->last_error = classify(r, db->conn);
        const char *msg = r ? PQresultErrorMessage(r) : "";
        if (!*msg)
                msg = PQerrorMessage(db->conn);
        snprintf(db->last_message, sizeof db->last_message, "%s: %s", what, msg);
        const char *c = r ? PQresultErrorField(r, PG_DIAG_CONSTRAINT_NAME) : NULL;
        snprintf(db->last_constraint, sizeof db->last_constraint, "%s", c ? c : "");
}

static bool ensure_prepared(struct db *db, struct db_stmt *st)
{
        if (st->generation == db->generation)
                return true;
        PGresult *r = PQprepare(db->conn, st->name, st->sql, 0, NULL);
        bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
        if (ok)
                st->generation = db->generation;
        else
                record_error(db, st->name, r);
        PQclear(r);
        return ok;
}

static void keep(struct db *db, PGresult *r)
{
        if (db->nresults == MAX_RESULTS) {
                /* a handler in a loop: free the oldest rather than grow without bound */
                PQclear(db->results[0]);
                memmove(db->results, db->results + 1, sizeof(PGresult *) * (MAX_RESULTS - 1));
                db->nresults--;
        }
        db->results[db->nresults++] = r;
}

PGresult *db_exec(struct db *db, struct db_stmt *st, int nparams, const char *const *params)
{
        long t0 = now_us();
        db->last_error = DB_OK;
        for (int attempt = 0; attempt < 2; attempt++) {
                PGresult *r = NULL;
                if (ensure_prepared(db, st)) {
                        r = PQexecPrepared(db->conn, st->name, nparams, params, NULL, NULL, 0);
                        ExecStatusType s = PQresultStatus(r);
                        if (s == PGRES_TUPLES_OK || s == PGRES_COMMAND_OK) {
                                keep(db, r);
                                db->wait_us += now_us() - t0;
                                return r;
                        }
                        record_error(db, st->name, r);
                        PQclear(r);
                }
                /* a dropped connection is retried once, but never inside a transaction, whose
                 * earlier statements died with the connection */
                if (db->last_error != DB_ERR_CONNECTION || db->in_tx || attempt > 0)
                        break;
                log_warn("db: connection lost, reconnecting");
                if (!open_conn(db))
                        break;
        }
        db->wait_us += now_us() - t0;
        if (db->last_error != DB_ERR_UNIQUE && db->last_error != DB_ERR_CHECK &&
            db->last_error != DB_ERR_FOREIGN)
                log_error("%s", db->last_message);
        return NULL;
}

static bool simple(struct db *db, const char *sql)
{
        long t0 = now_us();
        PGresult *r = PQexec(db->conn, sql);
        bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
        if (!ok)
                record_error(db, sql, r);
        PQclear(r);
        db->wait_us += now_us() - t0;
        return ok;
}

bool db_begin(struct db *db)
{
        if (PQstatus(db->conn) != CONNECTION_OK && !open_conn(db))
                return false;
        db->in_tx = simple(db, "BEGIN");
        return db->in_tx;
}

bool db_commit(struct db *db)
{
        bool ok = simple(db, "COMMIT");
        db->in_tx = false;
        return ok;
}

void db_rollback(struct db *db)
{
        if (PQtransactionStatus(db->conn) != PQTRANS_IDLE)
                simple(db, "ROLLBACK");
        db->in_tx = false;
}

enum db_error db_last_error(const struct db *db)
{
        return db->last_error;
}

const char *db_last_message(const struct db *db)
{
        return db->last_message;
}

const char *db_last_constraint(const struct db *db)
{
        return db->last_constraint;
}

long db_request_end(struct db *db)
{
        for (int i = 0; i < db->nresults; i++)
                PQclear(db->results[i]);
        db->nresults = 0;
        if (db->in_tx || (db->conn && PQtransactionStatus(db->conn) == PQTRANS_INERROR))
                db_rollback(db); /* a handler that forgot: never carry a transaction over */
        long us = db->wait_us;
        db->wait_us = 0;
        return us;
}

const char *db_val(const PGresult *r, int row, int col)
{
        return PQgetvalue(r, row, col);
}

int db_col(const PGresult *r, const char *name)
{
        /* PQfnumber folds unquoted names to lower case; our aliases are CamelCase */
        char quoted[128];
        snprintf(quoted, sizeof quoted, "\"%s\"", name);
        int c = PQfnumber(r, quoted);
        if (c < 0) {
                log_error("db_col: no column %s", name);
                abort();
        }
        return c;
}

bool db_ping(struct db *db)
{
        if (PQstatus(db->conn) != CONNECTION_OK && !open_conn(db))
                return false;
        PGresult *r = PQexec(db->conn, "SELECT 1");
        bool ok = PQresultStatus(r) == PGRES_TUPLES_OK;
        PQclear(r);
        return ok;
}

bool db_listen(struct db *db, const char *channel)
{
        snprintf(db->listen_channel, sizeof db->listen_channel, "%s", channel);
        char sql[96];
        snprintf(sql, sizeof sql, "LISTEN %s", db->listen_channel);
        PGresult *r = PQexec(db->conn, sql);
        bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
        PQclear(r);
        db->polled_generation = db->generation;
        return ok;
}

int db_notifications(struct db *db)
{
        int n = 0;
        if (db->polled_generation != db->generation) {
                db->polled_generation = db->generation;
                n++;
        }
        if (PQconsumeInput(db->conn) == 0)
                return n + 1; /* the connection is broken: assume we missed something */
        PGnotify *note;
        while ((note = PQnotifies(db->conn)) != NULL) {
                n++;
                PQfreemem(note);
        }
        return n;
}
