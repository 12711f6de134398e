/* app: one request's life in a worker: parse → session → route → role → CSRF → params → handler →
 * render → write → access log. Owns the worker's database connections. Never lets a handler's
 * failure become a blank page or a half-written response. */
#ifndef CM_APP_H
#define CM_APP_H

#include <stdbool.h>
#include <stddef.h>

struct db;
struct req;
struct resp;
typedef struct FCGX_Request FCGX_Request;

extern struct db *cm_db;      /* read-write, the primary */
extern struct db *cm_db_read; /* catalog reads; the same as cm_db unless database_read is set */

/* Worker start-up: connects to the database and loads the templates. -1 when it cannot. */
int app_init(void);
void app_shutdown(void);
void app_handle(FCGX_Request *fr);

/* An error page in the user's language. key names L.error.<key>.title/.message; NULL picks the
 * key for status. detail (already localized, or NULL) says more, e.g. which parameter was bad. */
void app_error(struct req *rq, struct resp *rs, int status, const char *key, const char *detail);

/* The usual answer when the database failed under a handler: 503 with a "try again" page. */
void app_db_error(struct req *rq, struct resp *rs);

/* Runs a read that must find the page's subject (a course, a site…): NULL when it has already
 * answered, with 503 on a database error or 404 when there is no row. */
struct db_stmt;
typedef struct pg_result PGresult;
PGresult *app_fetch_subject(struct req *rq, struct resp *rs, struct db_stmt *stmt, int nparams,
                            const char *const *params);

/* The FastCGI plumbing every FastCGI program here shares (serve's workers, gatewaysim): the
 * request's CGI variables as a req_env_fn (ctx is the FCGX_Request), and its body, read into
 * *buf (grown as needed, NUL-terminated). The body's length, or -1 when it is over REQ_MAX_BODY. */
const char *app_fcgi_env(void *ctx, const char *name);
long app_read_body(FCGX_Request *fr, char **buf, size_t *cap);

/* Requests this worker has served, and its start time (for /healthz). */
extern long app_requests;
extern long app_started;

#endif
