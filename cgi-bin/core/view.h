/* view: ClearSilver rendering. One HDF per UI language lives for the worker's life, holding the
 * language's strings (L.*) and Config.VarEscapeMode=html, set before any cs_init so every var: is
 * escaped. A request's data goes under Page.*, P.* and User.*, cleared by view_begin(). Parsed
 * templates are cached per (language, page), which is safe because the HDF pointer never changes.
 * Never renders a value that bypasses escaping; never keeps request data past the request. */
#ifndef CM_VIEW_H
#define CM_VIEW_H

#include <stdbool.h>

#include <libpq-fe.h>

#include "buf.h"
#include "request.h"

typedef struct _hdf HDF;
struct resp;

/* Loads templates/lang/<code>.hdf for every language. -1 (logged) if a file is missing or bad. */
int view_init(const char *templates_dir, const char *static_dir);
void view_shutdown(void);

/* Clears the previous request's data and returns the HDF for rq's language. */
HDF *view_begin(const struct req *rq);

/* A UI string L.<key> in a language, or the key itself when missing (so a gap shows, not crashes).
 */
const char *view_str(enum lang lang, const char *key);

/* Renders templates/layout.cs around rs->template into out. -1 (logged) on a template error. */
int view_render(const struct req *rq, struct resp *rs, struct buf *out);

/* HDF setters. Names are printf formats: hset(h, value, "P.Courses.%d.Title", i). */
void hset(HDF *h, const char *value, const char *name_fmt, ...)
    __attribute__((format(printf, 3, 4)));
void hset_int(HDF *h, long long value, const char *name_fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Copies every row of r to prefix.<row>.<column name>; SQL NULLs are left unset. Returns rows. */
int hset_rows(HDF *h, const char *prefix, const PGresult *r);
/* Copies row 0 of r to prefix.<column name>; returns false if r has no rows. */
bool hset_row(HDF *h, const char *prefix, const PGresult *r);

#endif
