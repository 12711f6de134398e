/* db: the worker's PostgreSQL connection. Statements are declared where they are used with
 * DB_STMT and prepared lazily, once per connection (again after a reconnect). Results are freed
 * at the end of the request, so a handler cannot leak one. Never builds SQL from strings: the only
 * text SQL here is BEGIN/COMMIT/ROLLBACK and session settings. */
#ifndef CM_DB_H
#define CM_DB_H

#include <stdbool.h>

#include <libpq-fe.h>

struct db_stmt {
        const char *name; /* unique per program; DB_STMT uses the variable name */
        const char *sql;
        unsigned generation; /* connection generation it was prepared on; 0 = never */
};

/* Every statement also lands in the cm_db_stmts section, so `coursemart sql` can list the whole
 * program's SQL (for review and EXPLAIN) without a hand-kept registry. */
#define DB_STMT(var, text)                                                                         \
        static struct db_stmt var                                                                  \
            __attribute__((used, section("cm_db_stmts"), aligned(8))) = {#var, text, 0}

/* All statements in the program (from the linker section). */
const struct db_stmt *db_stmts_begin(void);
const struct db_stmt *db_stmts_end(void);

enum db_error {
        DB_OK = 0,
        DB_ERR_UNIQUE,     /* 23505 */
        DB_ERR_CHECK,      /* 23514, 23502 (not null) */
        DB_ERR_FOREIGN,    /* 23503 */
        DB_ERR_CONFLICT,   /* 40001, 40P01: serialization / deadlock: retry */
        DB_ERR_CONNECTION, /* the server is gone */
        DB_ERR_OTHER,
};

struct db;

/* Connects (UTF-8, Asia/Shanghai, custom plans for our optional-filter queries). NULL on failure,
 * with the reason logged. */
struct db *db_connect(const char *conninfo);
void db_close(struct db *db);
PGconn *db_conn(struct db *db);

/* Runs a prepared statement with text parameters (NULL = SQL NULL). On a broken connection outside
 * a transaction it reconnects and tries once more. Returns the result (freed at db_request_end),
 * or NULL on error with db_last_error() set. Rows-returning and command statements alike. */
PGresult *db_exec(struct db *db, struct db_stmt *stmt, int nparams, const char *const *params);

/* Convenience for the common cases. */
#define DB_PARAMS(...)                                                                             \
        (sizeof((const char *[]){__VA_ARGS__}) / sizeof(const char *)),                            \
            ((const char *const[]){__VA_ARGS__})

bool db_begin(struct db *db);
bool db_commit(struct db *db);
void db_rollback(struct db *db);

enum db_error db_last_error(const struct db *db);
const char *db_last_message(const struct db *db); /* for the log, never for the user */
const char *db_last_constraint(const struct db *db);

/* Frees the request's results and returns the µs spent waiting on the database since the last call.
 */
long db_request_end(struct db *db);

/* A cell: "" for NULL (use PQgetisnull to tell them apart). */
const char *db_val(const PGresult *r, int row, int col);
int db_col(const PGresult *r, const char *name); /* aborts if missing: a programming error */

bool db_ping(struct db *db);

/* LISTENs on channel now and after every reconnect. */
bool db_listen(struct db *db, const char *channel);
/* Notifications that arrived since the last call (without a round trip); a reconnect counts as
 * one, since notifications sent meanwhile were lost. */
int db_notifications(struct db *db);

#endif
