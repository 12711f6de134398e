/* request: builds struct req from CGI variables. Refuses oversized or malformed parts before any
 * handler sees them; never trusts a header to be well-formed. */
#include "request.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "router.h"

const char *const lang_codes[LANG_COUNT] = {"zh-CN", "en"};

static const char *env_or(req_env_fn env, void *ctx, const char *name, const char *dflt)
{
        const char *v = env(ctx, name);
        return v ? v : dflt;
}

static enum http_method method_of(const char *m)
{
        static const struct {
                const char *name;
                enum http_method m;
        } map[] = {{"GET", HTTP_GET},
                   {"HEAD", HTTP_HEAD},
                   {"POST", HTTP_POST},
                   {"PUT", HTTP_PUT},
                   {"DELETE", HTTP_DELETE}};
        for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
                if (strcmp(map[i].name, m) == 0)
                        return map[i].m;
        return HTTP_OTHER;
}

/* Accept-Language: the first supported language in q order (ties keep header order). */
static enum lang lang_from_header(const char *h)
{
        if (!h)
                return LANG_ZH;
        enum lang best = LANG_ZH;
        double best_q = -1;
        const char *p = h;
        for (int items = 0; *p && items < 32; items++) {
                while (*p == ' ' || *p == ',')
                        p++;
                const char *tag = p;
                while (*p && *p != ',' && *p != ';' && *p != ' ')
                        p++;
                size_t taglen = (size_t)(p - tag);
                double q = 1.0;
                while (*p && *p != ',') {
                        if (*p == ';') {
                                const char *w = p + 1;
                                while (*w == ' ' || *w == '\t')
                                        w++;
                                if (strncmp(w, "q=", 2) == 0)
                                        q = strtod(w + 2, NULL);
                        }
                        p++;
                }
                int which = -1;
                if (taglen >= 2 && strncasecmp(tag, "zh", 2) == 0)
                        which = LANG_ZH;
                else if (taglen >= 2 && strncasecmp(tag, "en", 2) == 0)
                        which = LANG_EN;
                if (which >= 0 && q > best_q && q > 0) {
                        best = (enum lang)which;
                        best_q = q;
                }
        }
        return best;
}

enum lang req_pick_lang(const char *cookie, const char *accept_language)
{
        if (cookie)
                for (int i = 0; i < LANG_COUNT; i++)
                        if (strcmp(cookie, lang_codes[i]) == 0)
                                return (enum lang)i;
        return lang_from_header(accept_language);
}

static bool printable_ascii(const char *s, size_t len)
{
        for (size_t i = 0; i < len; i++)
                if ((unsigned char)s[i] < 0x21 || (unsigned char)s[i] > 0x7e)
                        return false;
        return true;
}

int req_build(struct req *rq, req_env_fn env, void *ctx, const char *body, size_t body_len)
{
        const struct http_limits *lim = &http_default_limits;
        struct arena *a = rq->arena;

        rq->method_name = arena_strdup(a, env_or(env, ctx, "REQUEST_METHOD", "GET"));
        rq->method = method_of(rq->method_name);
        rq->remote_addr = arena_strdup(a, env_or(env, ctx, "REMOTE_ADDR", ""));
        rq->request_id = arena_strdup(a, env_or(env, ctx, "REQUEST_ID", "-"));
        const char *ua = env_or(env, ctx, "HTTP_USER_AGENT", "");
        rq->user_agent = arena_strndup(a, ua, strnlen(ua, 512));
        rq->accept_language = arena_strdup(a, env_or(env, ctx, "HTTP_ACCEPT_LANGUAGE", ""));
        const char *csrf = env(ctx, "HTTP_X_CSRF_TOKEN");
        rq->csrf_header = csrf ? arena_strndup(a, csrf, strnlen(csrf, 128)) : NULL;
        const char *https = env(ctx, "HTTPS");
        rq->https = https && *https && strcasecmp(https, "off") != 0;

        /* cookies first: even a refusal of the rest is worded in the user's language */
        int st = 0;
        const char *cookie = env(ctx, "HTTP_COOKIE");
        rq->lang = req_pick_lang(NULL, rq->accept_language);
        if (cookie && strlen(cookie) > 8192)
                return 400;
        if (cookie && (st = http_parse_cookies(a, cookie, lim, &rq->cookies)))
                return st;
        rq->lang = req_pick_lang(kv_get(rq->cookies, "lang"), rq->accept_language);
        const char *text = kv_get(rq->cookies, "text");
        rq->large_text = text && strcmp(text, "large") == 0;

        /* nginx gives the path in DOCUMENT_URI (decoded) and REQUEST_URI (raw); we want raw so that
         * %2F inside a segment stays a part of that segment. */
        const char *uri = env_or(env, ctx, "REQUEST_URI", "/");
        const char *qmark = strchr(uri, '?');
        size_t pathlen = qmark ? (size_t)(qmark - uri) : strlen(uri);
        if (pathlen > REQ_MAX_PATH)
                return 414;
        if (pathlen == 0 || uri[0] != '/' || !printable_ascii(uri, pathlen))
                return 400;
        rq->path = arena_strndup(a, uri, pathlen);

        const char *qs = env_or(env, ctx, "QUERY_STRING", "");
        if (strlen(qs) > REQ_MAX_QUERY)
                return 414;
        rq->query_string = arena_strdup(a, qs);
        st = http_parse_urlencoded(a, qs, strlen(qs), lim, &rq->query);
        if (st)
                return st;

        rq->content_type = arena_strdup(a, env_or(env, ctx, "CONTENT_TYPE", ""));
        if (body_len > REQ_MAX_BODY)
                return 413;
        if (body_len > 0) {
                if (strncasecmp(rq->content_type, "application/x-www-form-urlencoded", 33) == 0)
                        st = http_parse_urlencoded(a, body, body_len, lim, &rq->form);
                else if (strncasecmp(rq->content_type, "multipart/form-data", 19) == 0)
                        st = http_parse_multipart(a, rq->content_type, body, body_len, lim,
                                                  &rq->form, &rq->uploads);
                if (st)
                        return st;
        }
        return 0;
}

const char *req_param(const struct req *rq, const char *name)
{
        return kv_get(rq->params, name);
}

long long req_param_int(const struct req *rq, const char *name, long long dflt)
{
        const char *v = kv_get(rq->params, name);
        return v ? strtoll(v, NULL, 10) : dflt;
}
