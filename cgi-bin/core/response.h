/* response: what a handler answers: status, headers, cookies, and either a page template to render
 * (with its data in the view's HDF), a redirect, or a raw body (JSON, text). resp_write() turns it
 * into the CGI response bytes. Header values are checked for CR/LF so nothing can split a response.
 */
#ifndef CM_RESPONSE_H
#define CM_RESPONSE_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

struct arena;
struct req;
typedef struct _hdf HDF;

struct header {
        const char *name;
        const char *value;
        struct header *next;
};

struct resp {
        struct arena *arena;
        int status;
        struct header *headers; /* extra headers, Set-Cookie included */
        const char *content_type;
        const char
            *template;     /* page template to render in the layout, e.g. "pages/course/show.cs" */
        const char *title; /* the page's <title>, already localized */
        HDF *hdf;          /* the page data (view_begin sets it) */
        struct buf body;   /* raw body when template is NULL */
        bool head_only;    /* HEAD: send headers only */
        bool no_store;     /* Cache-Control: no-store (pages with personal data or tokens) */
        const char *cache_key; /* set by the core when this response may be stored in the cache */
        const char *raw;       /* a whole response ready to send (a cache hit) */
        size_t raw_len;
        size_t raw_header_len; /* where its body starts */
};

void resp_init(struct resp *rs, struct arena *a);
void resp_header(struct resp *rs, const char *name, const char *value);

struct cookie_opts {
        long max_age;   /* seconds; 0 = session cookie; -1 = delete */
        bool http_only; /* true for anything a script has no business reading */
        bool secure;    /* set from config https */
};
void resp_cookie(struct resp *rs, const char *name, const char *value,
                 const struct cookie_opts *opts);
/* 303 See Other for POST-redirect-GET, 302 otherwise; location must be a local path. */
void resp_redirect(struct resp *rs, int status, const char *location);
/* Sets a raw body (template stays NULL). */
void resp_text(struct resp *rs, int status, const char *content_type, const char *text);

/* True if s is a safe local redirect target: starts with one '/', no backslash, no control bytes.
 */
bool resp_local_path_ok(const char *s);

const char *http_reason(int status);

/* Serializes the CGI response (Status line, headers, blank line, body) into out; returns the
 * length of the part before the body. */
size_t resp_serialize(const struct resp *rs, const char *body, size_t body_len, struct buf *out);
/* Does the response set a cookie? (Such a response is never cached.) */
bool resp_sets_cookie(const struct resp *rs);

#endif
