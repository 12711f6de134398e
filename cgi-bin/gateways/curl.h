/* gateways/curl: the one place the gateway drivers talk HTTP, a small libcurl wrapper. One call
 * sends one GET or POST with the caller's headers and body and collects the status and the body
 * (at most GW_HTTP_MAX_BODY bytes) with short timeouts: 2 s to connect, the caller's total.
 * It must never follow a redirect, never send anything in clear text except to a loopback host
 * (gatewaysim and tests), never switch TLS verification off, and never log: request bodies and
 * headers carry secrets and one-time codes. Error text is libcurl's, which names only the host. */
#ifndef CM_GW_CURL_H
#define CM_GW_CURL_H

#include <stddef.h>

#include "buf.h"

#define GW_HTTP_MAX_BODY           (64 * 1024)
#define GW_HTTP_CONNECT_TIMEOUT_MS 2000L
#define GW_HTTP_DEFAULT_TIMEOUT_MS 10000L

struct gw_request {
        const char *method;         /* "GET" or "POST" */
        const char *url;            /* https://…, or http:// to 127.0.0.0/8, [::1] or localhost */
        const char *const *headers; /* "Name: value" lines, NULL-terminated; NULL = none */
        const char *body;           /* POST body (any bytes); NULL = empty */
        size_t body_len;
        long timeout_ms; /* the whole call; <= 0 = GW_HTTP_DEFAULT_TIMEOUT_MS */
};

struct gw_response {
        long status;     /* the HTTP status, 0 when none arrived */
        struct buf body; /* NUL-terminated; empty when none */
        char error[256]; /* why gw_http returned -1 */
};

void gw_response_init(struct gw_response *res);
void gw_response_free(struct gw_response *res);

/* Performs req. Returns 0 when a whole HTTP response arrived (whatever its status), -1 otherwise
 * (refused URL, connection failure, timeout, body over the cap) with res->error set. res must have
 * been initialised; its previous contents are replaced. */
int gw_http(const struct gw_request *req, struct gw_response *res);

/* 1 when url is http(s) to a loopback host (127.0.0.0/8, [::1], localhost), else 0. */
int gw_url_is_loopback(const char *url);

#endif
