/* request: one parsed HTTP request, built from the FastCGI environment by req_build(). Everything
 * in it lives in the request's arena. Handlers read it; only the core writes it. */
#ifndef CM_REQUEST_H
#define CM_REQUEST_H

#include <stdbool.h>
#include <stddef.h>

#include "http.h"

struct arena;
struct session;

enum http_method {
        HTTP_GET = 1,
        HTTP_HEAD = 2,
        HTTP_POST = 4,
        HTTP_PUT = 8,
        HTTP_DELETE = 16,
        HTTP_OTHER = 32,
};

/* A request's size limits, beyond the per-field ones in struct http_limits. */
#define REQ_MAX_PATH  1024       /* bytes of the path (414 above) */
#define REQ_MAX_QUERY 4096       /* bytes of the query string (414 above) */
#define REQ_MAX_BODY  (8u << 20) /* bytes of a body (413 above); nginx enforces the same */

/* Supported UI languages; the first is the default. */
enum lang { LANG_ZH = 0, LANG_EN = 1, LANG_COUNT };
extern const char *const lang_codes[LANG_COUNT]; /* "zh-CN", "en" */

struct req {
        struct arena *arena;
        enum http_method method;
        const char *method_name;
        const char *path;         /* raw (still percent-encoded) path, starts with '/' */
        const char *query_string; /* raw, "" if none */
        const char *content_type;
        const char *remote_addr;
        const char *user_agent;
        const char *accept_language;
        const char *request_id;
        const char *csrf_header; /* X-CSRF-Token, for scripts; forms use the csrf field */
        bool https;

        struct kv *query;   /* parsed query string */
        struct kv *form;    /* parsed body fields (urlencoded or multipart) */
        struct kv *cookies; /* parsed Cookie header */
        struct upload *uploads;

        struct kv *path_params; /* {name} parts matched by the router, decoded */
        struct kv *params;      /* validated declared params, by name */
        const struct route *route;
        struct session *sess; /* NULL when the browser has no live session */

        enum lang lang;
        bool large_text;
};

typedef const char *(*req_env_fn)(void *ctx, const char *name);

/* Fills rq from CGI variables (REQUEST_METHOD, DOCUMENT_URI or SCRIPT_NAME+PATH_INFO, QUERY_STRING,
 * CONTENT_TYPE, HTTP_COOKIE, …) and the body. Returns 0, or the HTTP status to answer with
 * (400, 413, 414) when the request is malformed or too large. rq->arena must be set. */
int req_build(struct req *rq, req_env_fn env, void *env_ctx, const char *body, size_t body_len);

/* The value of a declared, validated parameter (NULL when absent). */
const char *req_param(const struct req *rq, const char *name);
/* A declared integer parameter, or dflt when absent. */
long long req_param_int(const struct req *rq, const char *name, long long dflt);

/* Picks the UI language: the "lang" cookie if valid, else Accept-Language, else Chinese. */
enum lang req_pick_lang(const char *cookie, const char *accept_language);

#endif
