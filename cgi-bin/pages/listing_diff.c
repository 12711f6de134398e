/* listing_diff: the rows a reviewer reads between two listing snapshots (listing_diff.h). */
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "core/arena.h"
#include "core/format.h"
#include "listing_diff.h"

#define NONE "—"

/* The fields compared, in the order shown. Ids that carry a name beside them (category_id, site_id,
 * residence_region_id, teacher_ids) are compared through the names. */
static const char *const course_fields[] = {"title",    "summary", "description", "outcomes",
                                            "audience", "hours",   "cover",       "category",
                                            "mode",     "credits", NULL};
static const char *const offering_fields[] = {
    "name",         "schedule", "starts_on", "ends_on",    "enroll_opens_at", "enroll_closes_at",
    "cancel_until", "site",     "capacity",  "free_seats", "price_fen",       "min_age",
    "residence",    "teachers", NULL};

const char *listing_diff_kind_name(enum listing_diff_kind kind)
{
        switch (kind) {
        case DIFF_ADDED:
                return "added";
        case DIFF_REMOVED:
                return "removed";
        default:
                return "changed";
        }
}

/* The value as shown. */
static const char *show(struct arena *a, const char *field, const json_t *v)
{
        if (!v || json_is_null(v))
                return NONE;
        if (json_is_string(v))
                return arena_strdup(a, json_string_value(v));
        if (json_is_integer(v)) {
                if (strcmp(field, "price_fen") == 0)
                        return fmt_money(a, (long long)json_integer_value(v), NULL);
                return arena_printf(a, "%lld", (long long)json_integer_value(v));
        }
        if (json_is_real(v))
                return arena_printf(a, "%g", json_real_value(v));
        if (json_is_boolean(v))
                return json_is_true(v) ? "true" : "false";
        if (json_is_array(v)) {
                if (json_array_size(v) == 0)
                        return NONE;
                const char *out = "";
                size_t i;
                const json_t *e;
                json_array_foreach(v, i, e) out =
                    arena_printf(a, "%s%s%s", out, i ? "、" : "", show(a, field, e));
                return out;
        }
        return NONE;
}

struct acc {
        struct arena *a;
        struct listing_diff_row *rows;
        int n, cap;
};

static void add(struct acc *c, const char *scope, const char *oid, const char *oname,
                const char *field, const char *before, const char *after,
                enum listing_diff_kind kind)
{
        if (c->n == c->cap) {
                int cap = c->cap ? c->cap * 2 : 16;
                struct listing_diff_row *r = arena_alloc(c->a, sizeof *r * (size_t)cap);
                if (c->n)
                        memcpy(r, c->rows, sizeof *r * (size_t)c->n);
                c->rows = r;
                c->cap = cap;
        }
        c->rows[c->n++] = (struct listing_diff_row){scope, oid, oname, field, before, after, kind};
}

static void compare(struct acc *c, const char *scope, const char *oid, const char *oname,
                    const json_t *before, const json_t *after, const char *const *fields)
{
        for (const char *const *f = fields; *f; f++) {
                const char *b = show(c->a, *f, json_object_get(before, *f));
                const char *n = show(c->a, *f, json_object_get(after, *f));
                if (strcmp(b, n) != 0)
                        add(c, scope, oid, oname, arena_printf(c->a, "review.f_%s", *f), b, n,
                            DIFF_CHANGED);
        }
}

static const json_t *find_offering(const json_t *list, json_int_t id)
{
        size_t i;
        const json_t *o;
        json_array_foreach(list, i,
                           o) if (json_integer_value(json_object_get(o, "id")) == id) return o;
        return NULL;
}

static const char *oname(struct arena *a, const json_t *o)
{
        const json_t *n = json_object_get(o, "name");
        return json_is_string(n) ? arena_strdup(a, json_string_value(n)) : "";
}

int listing_diff(struct arena *a, const char *before_json, const char *after_json,
                 struct listing_diff_row **rows)
{
        *rows = NULL;
        json_t *after = after_json ? json_loads(after_json, 0, NULL) : NULL;
        if (!json_is_object(after)) {
                json_decref(after);
                return -1;
        }
        if (!before_json) {
                json_decref(after);
                return 0;
        }
        json_t *before = json_loads(before_json, 0, NULL);
        if (!json_is_object(before)) {
                json_decref(before);
                json_decref(after);
                return -1;
        }
        struct acc c = {a, NULL, 0, 0};
        compare(&c, "course", "", "", before, after, course_fields);

        const json_t *bo = json_object_get(before, "offerings");
        const json_t *ao = json_object_get(after, "offerings");
        size_t i;
        const json_t *o;
        json_array_foreach(ao, i, o)
        {
                json_int_t id = json_integer_value(json_object_get(o, "id"));
                const char *oid = arena_printf(a, "%lld", (long long)id);
                const json_t *old = find_offering(bo, id);
                if (!old)
                        add(&c, "offering", oid, oname(a, o), "review.f_offering", NONE,
                            oname(a, o), DIFF_ADDED);
                else
                        compare(&c, "offering", oid, oname(a, o), old, o, offering_fields);
        }
        json_array_foreach(bo, i, o)
        {
                json_int_t id = json_integer_value(json_object_get(o, "id"));
                if (!find_offering(ao, id))
                        add(&c, "offering", arena_printf(a, "%lld", (long long)id), oname(a, o),
                            "review.f_offering", oname(a, o), NONE, DIFF_REMOVED);
        }
        json_decref(before);
        json_decref(after);
        *rows = c.rows;
        return c.n;
}
