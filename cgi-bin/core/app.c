/* app: see app.h. */
#include "app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <fcgiapp.h>

#include "arena.h"
#include "buf.h"
#include "cache.h"
#include "config.h"
#include "csrf.h"
#include "db.h"
#include "format.h"
#include "log.h"
#include "request.h"
#include "response.h"
#include "router.h"
#include "session.h"
#include "view.h"

struct db *cm_db;
struct db *cm_db_read;
long app_requests;
long app_started;

static struct arena *arena;
static char *body_buf;
static size_t body_cap;
static struct buf page, out;
static char csp[512];

static long now_us(void)
{
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        return ts.tv_sec * 1000000L + ts.tv_nsec / 1000;
}

/* img-src must admit the map tiles' host; everything else comes from us. */
static void build_csp(void)
{
        char tiles[256] = "";
        const char *t = cm_config.map_tiles;
        const char *scheme_end = t ? strstr(t, "://") : NULL;
        if (scheme_end) {
                const char *host = scheme_end + 3;
                size_t hostlen = strcspn(host, "/");
                if (strncmp(host, "{s}.", 4) == 0)
                        snprintf(tiles, sizeof tiles, " %.*s*.%.*s", (int)(host - t), t,
                                 (int)hostlen - 4, host + 4);
                else
                        snprintf(tiles, sizeof tiles, " %.*s", (int)(host - t + hostlen), t);
        }
        snprintf(csp, sizeof csp,
                 "default-src 'self'; img-src 'self' data:%s; style-src 'self'; script-src 'self'; "
                 "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
                 tiles);
}

int app_init(void)
{
        arena = arena_new(64 * 1024);
        buf_init(&page);
        buf_init(&out);
        build_csp();
        app_started = (long)time(NULL);
        if (view_init(cm_config.templates, cm_config.static_dir) < 0)
                return -1;
        cm_db = db_connect(cm_config.database);
        if (!cm_db)
                return -1;
        cache_init((size_t)cm_config.page_cache_mb << 20, cm_config.page_cache_seconds);
        if (cm_config.page_cache_mb > 0 && !db_listen(cm_db, "catalog_changed"))
                log_warn("cannot LISTEN catalog_changed: the page cache relies on its time limit");
        cm_db_read = cm_db;
        if (cm_config.database_read && *cm_config.database_read) {
                cm_db_read = db_connect(cm_config.database_read);
                if (!cm_db_read) {
                        log_warn("database_read unreachable; reading from the primary");
                        cm_db_read = cm_db;
                }
        }
        return 0;
}

void app_shutdown(void)
{
        if (cm_db_read != cm_db)
                db_close(cm_db_read);
        db_close(cm_db);
        cm_db = cm_db_read = NULL;
        view_shutdown();
        cache_free();
        buf_free(&page);
        buf_free(&out);
        free(body_buf);
        arena_free(arena);
}

static const char *error_key(int status)
{
        switch (status) {
        case 400:
                return "bad_request";
        case 403:
                return "forbidden";
        case 404:
                return "not_found";
        case 405:
                return "method_not_allowed";
        case 413:
                return "too_large";
        case 414:
                return "uri_too_long";
        case 503:
                return "unavailable";
        default:
                return status >= 500 ? "internal" : "bad_request";
        }
}

void app_error(struct req *rq, struct resp *rs, int status, const char *key, const char *detail)
{
        HDF *h = view_begin(rq);
        rs->hdf = h;
        if (!key)
                key = error_key(status);
        char k[96];
        rs->status = status;
        rs->template = "pages/error.cs";
        rs->no_store = true;
        snprintf(k, sizeof k, "error.%s.title", key);
        rs->title = view_str(rq->lang, k);
        hset_int(h, status, "P.Status");
        hset(h, rs->title, "P.Title");
        snprintf(k, sizeof k, "error.%s.message", key);
        hset(h, view_str(rq->lang, k), "P.Message");
        if (detail)
                hset(h, detail, "P.Detail");
}

void app_db_error(struct req *rq, struct resp *rs)
{
        app_error(rq, rs, 503, "unavailable", NULL);
        resp_header(rs, "Retry-After", "5");
}

PGresult *app_fetch_subject(struct req *rq, struct resp *rs, struct db_stmt *stmt, int nparams,
                            const char *const *params)
{
        PGresult *r = db_exec(cm_db_read, stmt, nparams, params);
        if (!r)
                app_db_error(rq, rs);
        else if (PQntuples(r) == 0)
                app_error(rq, rs, 404, NULL, NULL);
        else
                return r;
        return NULL;
}

const char *app_fcgi_env(void *ctx, const char *name)
{
        return FCGX_GetParam(name, ((FCGX_Request *)ctx)->envp);
}

long app_read_body(FCGX_Request *fr, char **buf, size_t *cap)
{
        const char *cl = FCGX_GetParam("CONTENT_LENGTH", fr->envp);
        long len = cl && *cl ? strtol(cl, NULL, 10) : 0;
        if (len < 0 || len > (long)REQ_MAX_BODY)
                return -1;
        if ((size_t)len + 1 > *cap) {
                free(*buf);
                *cap = (size_t)len + 1;
                *buf = malloc(*cap);
                if (!*buf)
                        abort();
        }
        long got = 0;
        while (got < len) {
                int n = FCGX_GetStr(*buf + got, (int)(len - got), fr->in);
                if (n <= 0)
                        break;
                got += n;
        }
        (*buf)[got] = '\0';
        return got;
}

static void set_page_links(const struct req *rq, struct resp *rs)
{
        struct arena *a = rq->arena;
        const char *here =
            *rq->query_string ? arena_printf(a, "%s?%s", rq->path, rq->query_string) : rq->path;
        const char *next = fmt_urlenc(a, here);
        hset(rs->hdf, here, "Page.Path");
        hset(rs->hdf,
             arena_printf(a, "/prefs?lang=%s&next=%s", rq->lang == LANG_ZH ? "en" : "zh-CN", next),
             "Page.SwitchLang");
        hset(rs->hdf,
             arena_printf(a, "/prefs?text=%s&next=%s", rq->large_text ? "standard" : "large", next),
             "Page.SwitchText");
        const char *q = kv_get(rq->query, "q");
        if (q)
                hset(rs->hdf, q, "Page.Q");
        if (rq->sess) {
                char *tok = arena_alloc(a, CSRF_TOKEN_LEN + 1);
                csrf_derive(cm_config.secret, rq->sess->token_hash, tok);
                hset(rs->hdf, tok, "Page.Csrf");
                rs->no_store = true; /* it carries this session's CSRF token */
                if (rq->sess->user_id)
                        hset(rs->hdf, rq->sess->display_name, "User.Name");
        }
}

/* Everything between a parsed request and a filled response. */
static void dispatch(struct req *rq, struct resp *rs)
{
        if (!sess_load(rq)) {
                app_db_error(rq, rs);
                return;
        }
        unsigned allow = 0;
        switch (router_match(rq, &allow)) {
        case MATCH_NONE:
                app_error(rq, rs, 404, NULL, NULL);
                return;
        case MATCH_METHOD: {
                char methods[64] = "";
                if (allow & HTTP_GET)
                        strcat(methods, "GET, HEAD");
                if (allow & HTTP_POST)
                        strcat(methods, *methods ? ", POST" : "POST");
                app_error(rq, rs, 405, NULL, NULL);
                resp_header(rs, "Allow", methods);
                return;
        }
        case MATCH_OK:
                break;
        }
        const struct route *r = rq->route;
        if (r->roles != ROLE_ANYONE) {
                if (!rq->sess || !rq->sess->user_id) {
                        if (rq->method == HTTP_GET || rq->method == HTTP_HEAD) {
                                const char *here = *rq->query_string
                                                       ? arena_printf(rq->arena, "%s?%s", rq->path,
                                                                      rq->query_string)
                                                       : rq->path;
                                resp_redirect(rs, 303,
                                              arena_printf(rq->arena, "/login?next=%s",
                                                           fmt_urlenc(rq->arena, here)));
                        } else {
                                app_error(rq, rs, 403, "login_needed", NULL);
                        }
                        return;
                }
                if (!(rq->sess->roles & r->roles)) {
                        app_error(rq, rs, 403, NULL, NULL);
                        return;
                }
        }
        bool safe = rq->method == HTTP_GET || rq->method == HTTP_HEAD;
        if (!safe && !(r->flags & ROUTE_NO_CSRF) && !csrf_check(rq, rq->csrf_header)) {
                app_error(rq, rs, 403, "csrf", NULL);
                return;
        }
        const char *bad = NULL;
        if (!router_check_params(rq, &bad)) {
                char k[96];
                snprintf(k, sizeof k, "param.%s", bad);
                app_error(rq, rs, 400, "bad_param", view_str(rq->lang, k));
                return;
        }
        if ((r->flags & ROUTE_CACHE) && !rq->sess &&
            (rq->method == HTTP_GET || rq->method == HTTP_HEAD)) {
                if (db_notifications(cm_db) > 0)
                        cache_invalidate();
                rs->cache_key = arena_printf(rq->arena, "%d|%d|%s?%s", (int)rq->lang,
                                             (int)rq->large_text, rq->path, rq->query_string);
                size_t len, header_len;
                const char *hit =
                    cache_get(rs->cache_key, strlen(rs->cache_key), &len, &header_len);
                if (hit) {
                        rs->raw = hit;
                        rs->raw_len = rq->method == HTTP_HEAD ? header_len : len;
                        rs->raw_header_len = header_len;
                        return;
                }
        }
        rs->hdf = view_begin(rq);
        r->handler(rq, rs);
        if (rs->status >= 400 && !rs->template && rs->body.len == 0)
                app_error(rq, rs, rs->status, NULL, NULL);
}

static void render(struct req *rq, struct resp *rs)
{
        buf_clear(&page);
        if (!rs->template)
                return;
        if (!rs->hdf)
                rs->hdf = view_begin(rq);
        set_page_links(rq, rs);
        if (view_render(rq, rs, &page) < 0) {
                buf_clear(&page);
                app_error(rq, rs, 500, NULL, NULL);
                set_page_links(rq, rs);
                if (view_render(rq, rs, &page) < 0) {
                        buf_clear(&page);
                        rs->template = NULL;
                        resp_text(rs, 500, "text/plain; charset=utf-8",
                                  "服务器内部错误，请稍后再试。\nInternal error: please try again "
                                  "later.\n");
                        return;
                }
        }
        rs->content_type = "text/html; charset=utf-8";
        resp_header(rs, "Content-Language", lang_codes[rq->lang]);
        resp_header(rs, "Content-Security-Policy", csp);
        resp_header(rs, "Vary", "Cookie, Accept-Language");
}

void app_handle(FCGX_Request *fr)
{
        long t0 = now_us();
        arena_reset(arena);
        struct req rq = {.arena = arena};
        struct resp rs;
        resp_init(&rs, arena);

        long body_len = app_read_body(fr, &body_buf, &body_cap);
        int status =
            body_len < 0 ? 413 : req_build(&rq, app_fcgi_env, fr, body_buf, (size_t)body_len);
        if (!rq.path)
                rq.path = "/";
        if (!rq.query_string)
                rq.query_string = "";
        if (status)
                app_error(&rq, &rs, status, NULL, NULL);
        else
                dispatch(&rq, &rs);
        rs.head_only = rq.method == HTTP_HEAD;

        long body_bytes;
        if (rs.raw) {
                FCGX_PutStr(rs.raw, (int)rs.raw_len, fr->out);
                body_bytes = (long)(rs.raw_len - rs.raw_header_len);
        } else {
                render(&rq, &rs);
                buf_clear(&out);
                size_t header_len = rs.template
                                        ? resp_serialize(&rs, page.data, page.len, &out)
                                        : resp_serialize(&rs, rs.body.data, rs.body.len, &out);
                FCGX_PutStr(out.data, (int)out.len, fr->out);
                body_bytes = (long)(out.len - header_len);
                /* only a complete anonymous 200 that sets nothing may serve the next visitor */
                if (rs.cache_key && rq.method == HTTP_GET && rs.status == 200 &&
                    !resp_sets_cookie(&rs) && !rq.sess)
                        cache_put(rs.cache_key, strlen(rs.cache_key), out.data, out.len,
                                  header_len);
        }

        app_requests++;
        long db_us = db_request_end(cm_db);
        if (cm_db_read != cm_db)
                db_us += db_request_end(cm_db_read);
        struct access_entry e = {
            .request_id = rq.request_id,
            .method = rq.method_name,
            .path = rq.path,
            .route = rq.route ? rq.route->name : "-",
            .status = rs.status,
            .total_us = now_us() - t0,
            .db_us = db_us,
            .body_bytes = body_bytes,
            .cache = rs.raw         ? "hit"
                     : rs.cache_key ? "miss"
                                    : "-",
        };
        log_access(&e);
        buf_free(&rs.body);
}
