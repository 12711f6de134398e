/* router: see router.h. Patterns are split on '/'; a {name} segment matches one non-empty,
 * percent-decoded segment. Linear scan: the table is small and the scan costs well under a µs. */
#include "router.h"

#include <string.h>

#include "arena.h"
#include "request.h"

static bool match_pattern(struct req *rq, const char *pattern, struct kv **params)
{
        const char *p = pattern, *s = rq->path;
        struct kv *head = NULL, **tail = &head;
        while (*p && *s) {
                if (*p != '/' || *s != '/')
                        return false;
                p++, s++;
                const char *pe = strchrnul(p, '/'), *se = strchrnul(s, '/');
                if (*p == '{') {
                        if (se == s)
                                return false;
                        char *val = arena_alloc(rq->arena, (size_t)(se - s) + 1);
                        long n = http_percent_decode(val, s, (size_t)(se - s), false);
                        if (n < 0 || !http_utf8_valid(val, (size_t)n))
                                return false;
                        struct kv *kv = arena_alloc(rq->arena, sizeof(*kv));
                        kv->name = arena_strndup(rq->arena, p + 1, (size_t)(pe - p) - 2);
                        kv->value = val;
                        kv->value_len = (size_t)n;
                        *tail = kv;
                        tail = &kv->next;
                } else if (pe - p != se - s || memcmp(p, s, (size_t)(pe - p)) != 0) {
                        return false;
                }
                p = pe, s = se;
        }
        if (*p || *s)
                return false;
        *params = head;
        return true;
}

enum match_result router_match(struct req *rq, unsigned *allow)
{
        unsigned m = rq->method == HTTP_HEAD ? HTTP_GET : rq->method;
        *allow = 0;
        for (const struct route *r = routes; r->pattern; r++) {
                struct kv *params = NULL;
                if (!match_pattern(rq, r->pattern, &params))
                        continue;
                if (r->methods & m) {
                        rq->route = r;
                        rq->path_params = params;
                        return MATCH_OK;
                }
                *allow |= r->methods;
        }
        return *allow ? MATCH_METHOD : MATCH_NONE;
}

bool router_check_params(struct req *rq, const char **bad)
{
        const struct route *r = rq->route;
        struct kv **tail = &rq->params;
        if (!r->params)
                return true;
        for (const struct param_spec *ps = r->params; ps->kind != PARAM_END; ps++) {
                unsigned src = ps->sources;
                if (!src)
                        src = rq->method == HTTP_POST ? FROM_FORM : FROM_QUERY;
                const char *raw = NULL;
                if (!raw && (src & FROM_PATH))
                        raw = kv_get(rq->path_params, ps->name);
                if (!raw && (src & FROM_FORM))
                        raw = kv_get(rq->form, ps->name);
                if (!raw && (src & FROM_QUERY))
                        raw = kv_get(rq->query, ps->name);
                const char *val = NULL;
                if (raw && *raw && !param_check(rq->arena, ps, raw, &val)) {
                        *bad = ps->name;
                        return false;
                }
                if (val && ps->kind == PARAM_TEXT && !*val)
                        val = NULL;
                if (!val) {
                        if (ps->required) {
                                *bad = ps->name;
                                return false;
                        }
                        continue;
                }
                struct kv *kv = arena_alloc(rq->arena, sizeof(*kv));
                kv->name = ps->name;
                kv->value = val;
                kv->value_len = strlen(val);
                *tail = kv;
                tail = &kv->next;
        }
        return true;
}
