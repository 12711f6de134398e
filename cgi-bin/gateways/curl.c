/* gateways/curl.c: the libcurl wrapper behind curl.h. One easy handle per call (a call is rare:
 * one per outbox job), so no state survives between calls. It must never follow redirects, never
 * speak plain HTTP to anything but loopback, never turn off certificate checks and never print
 * the request: bodies and headers hold secrets and one-time codes. */
#include "curl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <curl/curl.h>

void gw_response_init(struct gw_response *res)
{
        res->status = 0;
        buf_init(&res->body);
        res->error[0] = '\0';
}

void gw_response_free(struct gw_response *res)
{
        buf_free(&res->body);
        res->status = 0;
        res->error[0] = '\0';
}

/* Splits url into its scheme and host (lower case as curl gives them); 0 or -1. */
static int url_parts(const char *url, char *scheme, size_t scheme_cap, char *host, size_t host_cap)
{
        CURLU *u = curl_url();
        char *s = NULL, *h = NULL;
        int rc = -1;

        if (!u || !url)
                goto out;
        if (curl_url_set(u, CURLUPART_URL, url, 0) != CURLUE_OK)
                goto out;
        if (curl_url_get(u, CURLUPART_SCHEME, &s, 0) != CURLUE_OK ||
            curl_url_get(u, CURLUPART_HOST, &h, 0) != CURLUE_OK)
                goto out;
        if (strlen(s) >= scheme_cap || strlen(h) >= host_cap)
                goto out;
        strcpy(scheme, s);
        strcpy(host, h);
        rc = 0;
out:
        curl_free(s);
        curl_free(h);
        curl_url_cleanup(u);
        return rc;
}

static int host_is_loopback(const char *host)
{
        if (strcasecmp(host, "localhost") == 0 || strcmp(host, "[::1]") == 0)
                return 1;
        /* 127.0.0.0/8 written as a dotted quad */
        if (strncmp(host, "127.", 4) == 0) {
                int dots = 0;

                for (const char *p = host; *p; p++) {
                        if (*p == '.')
                                dots++;
                        else if (*p < '0' || *p > '9')
                                return 0;
                }
                return dots == 3;
        }
        return 0;
}

int gw_url_is_loopback(const char *url)
{
        char scheme[16], host[256];

        if (url_parts(url, scheme, sizeof scheme, host, sizeof host) < 0)
                return 0;
        if (strcmp(scheme, "http") != 0 && strcmp(scheme, "https") != 0)
                return 0;
        return host_is_loopback(host);
}

struct sink {
        struct buf *body;
        int overflow;
};

static size_t on_data(char *ptr, size_t size, size_t nmemb, void *userdata)
{
        struct sink *s = userdata;
        size_t n = size * nmemb;

        if (n > GW_HTTP_MAX_BODY || s->body->len + n > GW_HTTP_MAX_BODY) {
                s->overflow = 1;
                return 0; /* makes curl stop with CURLE_WRITE_ERROR */
        }
        buf_append(s->body, ptr, n);
        return n;
}

int gw_http(const struct gw_request *req, struct gw_response *res)
{
        char scheme[16], host[256], errbuf[CURL_ERROR_SIZE];
        struct curl_slist *hdrs = NULL;
        struct sink sink;
        CURL *c = NULL;
        CURLcode cc;
        long timeout;
        int rc = -1;

        buf_clear(&res->body);
        res->status = 0;
        res->error[0] = '\0';
        if (!req->url || url_parts(req->url, scheme, sizeof scheme, host, sizeof host) < 0) {
                snprintf(res->error, sizeof res->error, "not a usable URL");
                return -1;
        }
        if (strcmp(scheme, "https") != 0 &&
            !(strcmp(scheme, "http") == 0 && host_is_loopback(host))) {
                snprintf(res->error, sizeof res->error,
                         "refused %.15s:// to %.128s: only https, or http to loopback", scheme,
                         host);
                return -1;
        }
        if (!req->method || (strcmp(req->method, "GET") != 0 && strcmp(req->method, "POST") != 0)) {
                snprintf(res->error, sizeof res->error, "unsupported method");
                return -1;
        }

        c = curl_easy_init();
        if (!c) {
                snprintf(res->error, sizeof res->error, "curl_easy_init failed");
                return -1;
        }
        for (const char *const *h = req->headers; h && *h; h++) {
                struct curl_slist *n = curl_slist_append(hdrs, *h);

                if (!n)
                        goto nomem;
                hdrs = n;
        }
        {
                /* no "Expect: 100-continue" round trip for small bodies */
                struct curl_slist *n = curl_slist_append(hdrs, "Expect:");

                if (!n)
                        goto nomem;
                hdrs = n;
        }

        timeout = req->timeout_ms > 0 ? req->timeout_ms : GW_HTTP_DEFAULT_TIMEOUT_MS;
        sink.body = &res->body;
        sink.overflow = 0;
        errbuf[0] = '\0';
        curl_easy_setopt(c, CURLOPT_URL, req->url);
        curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, scheme); /* exactly the one we checked */
        curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
        curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS,
                         timeout < GW_HTTP_CONNECT_TIMEOUT_MS ? timeout
                                                              : GW_HTTP_CONNECT_TIMEOUT_MS);
        curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, timeout);
        curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
        curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
        curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)GW_HTTP_MAX_BODY);
        curl_easy_setopt(c, CURLOPT_USERAGENT, "CourseMart-gateway/1");
        curl_easy_setopt(c, CURLOPT_HTTPHEADER, hdrs);
        curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_data);
        curl_easy_setopt(c, CURLOPT_WRITEDATA, &sink);
        curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
        if (host_is_loopback(host))
                curl_easy_setopt(c, CURLOPT_NOPROXY, "*"); /* a proxy from the environment
                                                              must not see loopback traffic */
        if (strcmp(req->method, "POST") == 0) {
                curl_easy_setopt(c, CURLOPT_POST, 1L);
                curl_easy_setopt(c, CURLOPT_POSTFIELDS, req->body ? req->body : "");
                curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE,
                                 (curl_off_t)(req->body ? req->body_len : 0));
        } else {
                curl_easy_setopt(c, CURLOPT_HTTPGET, 1L);
        }

        cc = curl_easy_perform(c);
        curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &res->status);
        if (sink.overflow || cc == CURLE_FILESIZE_EXCEEDED) {
                snprintf(res->error, sizeof res->error, "response body larger than %d bytes",
                         GW_HTTP_MAX_BODY);
                buf_clear(&res->body);
        } else if (cc != CURLE_OK) {
                snprintf(res->error, sizeof res->error, "%.250s",
                         errbuf[0] ? errbuf : curl_easy_strerror(cc));
                buf_clear(&res->body);
        } else {
                buf_cstr(&res->body); /* NUL-terminated even when empty */
                rc = 0;
        }
        goto out;
nomem:
        snprintf(res->error, sizeof res->error, "out of memory for headers");
out:
        curl_slist_free_all(hdrs);
        curl_easy_cleanup(c);
        return rc;
}
