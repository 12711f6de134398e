/* router: matches a request against THE route table (cgi-bin/routes.c). A route declares its
 * method(s), a path pattern with {name} segments, the role it needs, its parameters and its
 * handler; the router does the matching and the declared checks, and nothing else. */
#ifndef CM_ROUTER_H
#define CM_ROUTER_H

#include <stdbool.h>

#include "validate.h"

struct req;
struct resp;

enum role {
        ROLE_ANYONE = 0, /* no login needed */
        ROLE_USER = 1,   /* any logged-in user */
        ROLE_CITIZEN = 2,
        ROLE_AGENCY = 4,
        ROLE_REVIEWER = 8,
        ROLE_PROCURE = 16,
        ROLE_FINANCE = 32,
        ROLE_ADMIN = 64,
};

enum route_flags {
        ROUTE_NO_CSRF = 1, /* gateway callbacks: authenticated by signature, not by session */
        ROUTE_RAW = 2,     /* the handler writes its own body (JSON, text); no layout */
        ROUTE_CACHE = 4,   /* public page: anonymous GETs may be answered from the page cache */
};

typedef void (*handler_fn)(struct req *rq, struct resp *rs);

struct route {
        unsigned methods; /* HTTP_* bits; GET also answers HEAD */
        const char *pattern;
        handler_fn handler;
        unsigned roles;                  /* ROLE_ANYONE, or the ROLE_* bits of which one suffices */
        const struct param_spec *params; /* terminated by PARAM_END; may be NULL */
        unsigned flags;
        const char *name; /* for the access log */
};

extern const struct route routes[];

enum match_result { MATCH_OK, MATCH_NONE, MATCH_METHOD };

/* Finds the route for rq->method and rq->path, filling rq->route and rq->path_params. With
 * MATCH_METHOD, *allow gets the methods the path does accept. */
enum match_result router_match(struct req *rq, unsigned *allow);

/* Validates the route's declared params into rq->params. On failure returns false and names the
 * offending parameter in *bad. */
bool router_check_params(struct req *rq, const char **bad);

#endif
