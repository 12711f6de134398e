/* catalog: GET /courses, the course supermarket's shelves: Chinese substring search over a
 * character-bigram GIN index, faceted filters with counts (each facet counted under all the other
 * filters), sorting and paging. Two prepared statements per page, whatever the filters: the
 * optional filters are "($n IS NULL OR …)" and the connection plans each call for its values. */
#include "catalog.h"
#include "cover.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PAGE_SIZE 20

/* clang-format off */
/* $1 q, $2 cat, $3 district, $4 fee, $5 mode, $6 audience, $7 soon, $8 lang.
 * Each statement comes in two forms, with and without a search, so that PostgreSQL can keep one
 * cached plan per form: the search form's GIN lookup works with a runtime key. */
#define F_SEARCH                                                                                   \
        "(c.search_grams @> query_bigrams($1::text)"                                               \
        " AND NOT EXISTS (SELECT 1 FROM regexp_split_to_table(lower($1::text), '\\s+') t"          \
        "                  WHERE t <> '' AND strpos(c.search_text, t) = 0))"
#define F_NO_SEARCH "$1::text IS NULL" /* names $1 so the statement's parameters keep their types */
#define F_CAT                                                                                      \
        "($2::text IS NULL OR c.category_id = (SELECT id FROM categories WHERE slug = $2::text))"
#define F_DISTRICT "($3::int IS NULL OR c.district_ids @> ARRAY[$3::int])"
#define F_FEE      "($4::text IS NULL OR ($4::text = 'free') = (c.max_price_fen = 0))"
#define F_MODE     "($5::text IS NULL OR c.mode = $5::text)"
#define F_AUDIENCE "($6::text IS NULL OR c.audience = $6::text)"
/* IN (…) rather than EXISTS: PostgreSQL hashes the set once instead of probing per course */
#define SOON_EXPR                                                                                  \
        "c.id IN (SELECT o.course_id FROM offerings o WHERE o.status = 'open'"                     \
        " AND o.starts_on BETWEEN current_date AND current_date + 30)"
#define F_SOON "($7::text IS NULL OR " SOON_EXPR ")"

/* $9 sort, $10 limit, $11 offset */
#define RESULTS_SQL(F_Q)                                                                           \
        "SELECT " COURSE_CARD_COLUMNS("$8::text") ", count(*) OVER () AS \"Total\""                \
        "  FROM courses c"                                                                         \
        "  JOIN categories cat ON cat.id = c.category_id"                                          \
        "  JOIN agencies a ON a.id = c.agency_id"                                                  \
        " WHERE c.status = 'listed' AND a.status = 'approved' AND " F_Q                            \
        "   AND " F_CAT " AND " F_DISTRICT " AND " F_FEE " AND " F_MODE " AND " F_AUDIENCE         \
        "   AND " F_SOON                                                                           \
        " ORDER BY"                                                                                \
        "  CASE WHEN $9::text = 'relevance' AND $1::text IS NOT NULL"                              \
        "       THEN strpos(lower(c.title), lower($1::text)) > 0 END DESC NULLS LAST,"             \
        "  CASE WHEN $9::text = 'soon' THEN c.next_start END ASC NULLS LAST,"                      \
        "  CASE WHEN $9::text = 'newest' THEN c.created_at END DESC,"                              \
        "  CASE WHEN $9::text = 'rating' THEN c.rating_sum::float8 / nullif(c.rating_count, 0)"    \
        "       END DESC NULLS LAST,"                                                              \
        "  CASE WHEN $9::text = 'price_asc' THEN c.min_price_fen END ASC,"                         \
        "  CASE WHEN $9::text = 'price_desc' THEN c.max_price_fen END DESC,"                       \
        "  c.open_offerings > 0 DESC, c.next_start ASC NULLS LAST, c.id"                           \
        " LIMIT $10::int OFFSET $11::int"

/* One row per facet value: facet, key, label, count, sort. Each facet ignores its own filter. */
#define FACETS_SQL(F_Q)                                                                            \
        "WITH base AS MATERIALIZED ("                                                              \
        "  SELECT c.category_id, c.district_ids, c.max_price_fen = 0 AS free, c.mode, c.audience," \
        "         " SOON_EXPR " AS soon,"                                                          \
        "         " F_CAT " AS f_cat, " F_DISTRICT " AS f_district, " F_FEE " AS f_fee,"           \
        "         " F_MODE " AS f_mode, " F_AUDIENCE " AS f_audience, " F_SOON " AS f_soon"        \
        "    FROM courses c"                                                                       \
        "   WHERE c.status = 'listed' AND " F_Q                                                    \
        "     AND c.agency_id IN (SELECT id FROM agencies WHERE status = 'approved')),"            \
        " cats AS (SELECT category_id, count(*) AS n FROM base"                                    \
        "           WHERE f_district AND f_fee AND f_mode AND f_audience AND f_soon"               \
        "           GROUP BY 1),"                                                                  \
        " districts AS (SELECT d, count(*) AS n FROM base, unnest(district_ids) d"                 \
        "                WHERE f_cat AND f_fee AND f_mode AND f_audience AND f_soon"               \
        "                GROUP BY 1)"                                                              \
        " SELECT 'cat', cat.slug, CASE WHEN $8::text = 'en' THEN cat.name_en ELSE cat.name END,"   \
        "        coalesce(cats.n, 0), cat.sort"                                                    \
        "   FROM categories cat LEFT JOIN cats ON cats.category_id = cat.id"                       \
        " UNION ALL"                                                                               \
        " SELECT 'district', r.id::text, CASE WHEN $8::text = 'en' THEN r.name_en ELSE r.name END,"\
        "        coalesce(districts.n, 0), 0"                                                      \
        "   FROM regions r LEFT JOIN districts ON districts.d = r.id"                              \
        "  WHERE r.level = 'district'"                                                             \
        " UNION ALL"                                                                               \
        " SELECT 'fee', CASE WHEN free THEN 'free' ELSE 'paid' END, '', count(*), 0 FROM base"     \
        "  WHERE f_cat AND f_district AND f_mode AND f_audience AND f_soon GROUP BY 2"             \
        " UNION ALL"                                                                               \
        " SELECT 'mode', mode, '', count(*), 0 FROM base"                                          \
        "  WHERE f_cat AND f_district AND f_fee AND f_audience AND f_soon GROUP BY 2"              \
        " UNION ALL"                                                                               \
        " SELECT 'audience', audience, '', count(*), 0 FROM base"                                  \
        "  WHERE f_cat AND f_district AND f_fee AND f_mode AND f_soon GROUP BY 2"                  \
        " UNION ALL"                                                                               \
        " SELECT 'soon', '1', '', count(*), 0 FROM base"                                           \
        "  WHERE soon AND f_cat AND f_district AND f_fee AND f_mode AND f_audience"                \
        " ORDER BY 1, 5, 2"

DB_STMT(catalog_results, RESULTS_SQL(F_SEARCH));
DB_STMT(catalog_results_all, RESULTS_SQL(F_NO_SEARCH));
DB_STMT(catalog_facets, FACETS_SQL(F_SEARCH));
DB_STMT(catalog_facets_all, FACETS_SQL(F_NO_SEARCH));
/* clang-format on */

/* The filters, in the order they appear in URLs. */
static const char *const filter_names[] = {"q",        "cat",  "district", "fee", "mode",
                                           "audience", "soon", "sort",     NULL};

/* Fixed-order facets whose labels come from the language files. */
static const char *const fee_keys[] = {"free", "paid", NULL};
static const char *const mode_keys[] = {"online", "offline", "blended", NULL};
static const char *const audience_keys[] = {"all",      "seniors",    "migrant_workers",
                                            "youth",    "parents",    "farmers",
                                            "disabled", "jobseekers", NULL};
static const char *const sort_keys[] = {"relevance", "soon",       "newest", "rating",
                                        "price_asc", "price_desc", NULL};

/* /courses?… with the current filters, name replaced by value (NULL removes it); page reset. */
static const char *href_with(struct req *rq, const char *name, const char *value, long page)
{
        struct arena *a = rq->arena;
        const char *s = "/courses";
        char sep = '?';
        for (int i = 0; filter_names[i]; i++) {
                const char *v =
                    strcmp(filter_names[i], name) == 0 ? value : req_param(rq, filter_names[i]);
                if (!v)
                        continue;
                s = arena_printf(a, "%s%c%s=%s", s, sep, filter_names[i], fmt_urlenc(a, v));
                sep = '&';
        }
        if (page > 1)
                s = arena_printf(a, "%s%cpage=%ld", s, sep, page);
        return s;
}

int catalog_set_cards(struct req *rq, struct resp *rs, const char *prefix, const PGresult *r)
{
        HDF *h = rs->hdf;
        struct arena *a = rq->arena;
        int n = hset_rows(h, prefix, r);
        int c_id = db_col(r, "Id"), c_mode = db_col(r, "ModeKey"), c_aud = db_col(r, "AudienceKey"),
            c_min = db_col(r, "MinPrice"), c_max = db_col(r, "MaxPrice"),
            c_next = db_col(r, "NextStartIso"), c_cover = db_col(r, "Cover");
        const char *free_word = view_str(rq->lang, "money.free");
        for (int i = 0; i < n; i++) {
                hset(h, arena_printf(a, "/courses/%s", db_val(r, i, c_id)), "%s.%d.Href", prefix,
                     i);
                hset(h, view_str(rq->lang, arena_printf(a, "mode.%s", db_val(r, i, c_mode))),
                     "%s.%d.Mode", prefix, i);
                hset(h, view_str(rq->lang, arena_printf(a, "audience.%s", db_val(r, i, c_aud))),
                     "%s.%d.Audience", prefix, i);
                long long min = atoll(db_val(r, i, c_min)), max = atoll(db_val(r, i, c_max));
                const char *price = fmt_money(a, min, free_word);
                if (min == 0 && max > 0) {
                        /* some classes free, some not: show the span, not "from free" */
                        price = arena_printf(a, "%s – %s", free_word, fmt_money(a, max, NULL));
                } else if (max != min) {
                        /* HDF trims values, so the space after "from" is ours */
                        const char *pre = view_str(rq->lang, "catalog.from_pre");
                        price = arena_printf(a, "%s%s%s%s", pre, *pre ? " " : "", price,
                                             view_str(rq->lang, "catalog.from_post"));
                }
                hset(h, price, "%s.%d.Price", prefix, i);
                hset_int(h, max == 0, "%s.%d.IsFree", prefix, i);
                if (!PQgetisnull(r, i, c_next))
                        hset(h, fmt_date(a, rq->lang, db_val(r, i, c_next)), "%s.%d.NextStart",
                             prefix, i);
                if (!PQgetisnull(r, i, c_cover))
                        hset(h, cover_url(a, db_val(r, i, c_cover), true), "%s.%d.ThumbSrc", prefix,
                             i);
        }
        return n;
}

/* A facet group P.Facets.<name>: items with label, count, link, selected flag. */
static void facet_begin(struct req *rq, struct resp *rs, const char *name)
{
        hset(rs->hdf, view_str(rq->lang, arena_printf(rq->arena, "catalog.facet.%s", name)),
             "P.Facets.%s.Name", name);
        hset(rs->hdf, href_with(rq, name, NULL, 1), "P.Facets.%s.ClearHref", name);
        hset_int(rs->hdf, req_param(rq, name) != NULL, "P.Facets.%s.Active", name);
}

static void facet_item(struct req *rq, struct resp *rs, const char *facet, int i, const char *key,
                       const char *label, const char *count)
{
        HDF *h = rs->hdf;
        const char *cur = req_param(rq, facet);
        hset(h, label, "P.Facets.%s.Items.%d.Label", facet, i);
        hset(h, count, "P.Facets.%s.Items.%d.Count", facet, i);
        hset(h, key, "P.Facets.%s.Items.%d.Key", facet, i);
        bool selected = cur && strcmp(cur, key) == 0;
        /* a selected choice links to the search without it, so a second tap undoes it */
        hset(h, href_with(rq, facet, selected ? NULL : key, 1), "P.Facets.%s.Items.%d.Href", facet,
             i);
        hset_int(h, selected, "P.Facets.%s.Items.%d.Selected", facet, i);
}

/* Facets whose values come from the database (categories, districts), in the query's order;
 * empty values are hidden unless selected. */
static void facet_from_rows(struct req *rq, struct resp *rs, const PGresult *r, const char *facet)
{
        facet_begin(rq, rs, facet);
        const char *cur = req_param(rq, facet);
        int n = 0;
        for (int i = 0; i < PQntuples(r); i++) {
                if (strcmp(db_val(r, i, 0), facet) != 0)
                        continue;
                const char *key = db_val(r, i, 1), *count = db_val(r, i, 3);
                if (strcmp(count, "0") == 0 && !(cur && strcmp(cur, key) == 0))
                        continue;
                facet_item(rq, rs, facet, n++, key, db_val(r, i, 2), count);
        }
}

/* Facets with a fixed set of values labelled from the language files. */
static void facet_fixed(struct req *rq, struct resp *rs, const PGresult *r, const char *facet,
                        const char *const *keys, const char *label_prefix)
{
        facet_begin(rq, rs, facet);
        const char *cur = req_param(rq, facet);
        for (int k = 0, n = 0; keys[k]; k++) {
                const char *count = "0";
                for (int i = 0; i < PQntuples(r); i++)
                        if (strcmp(db_val(r, i, 0), facet) == 0 &&
                            strcmp(db_val(r, i, 1), keys[k]) == 0)
                                count = db_val(r, i, 3);
                if (strcmp(count, "0") == 0 && !(cur && strcmp(cur, keys[k]) == 0))
                        continue;
                const char *label =
                    view_str(rq->lang, arena_printf(rq->arena, "%s.%s", label_prefix, keys[k]));
                facet_item(rq, rs, facet, n++, keys[k], label, count);
        }
}

static void set_sorts(struct req *rq, struct resp *rs, const char *sort)
{
        for (int i = 0; sort_keys[i]; i++) {
                hset(rs->hdf, sort_keys[i], "P.Sorts.%d.Key", i);
                hset(rs->hdf,
                     view_str(rq->lang, arena_printf(rq->arena, "catalog.sort.%s", sort_keys[i])),
                     "P.Sorts.%d.Label", i);
                hset_int(rs->hdf, strcmp(sort, sort_keys[i]) == 0, "P.Sorts.%d.Selected", i);
        }
}

/* Hidden inputs that keep the other filters when the sort form is submitted. */
static void set_kept_filters(struct req *rq, struct resp *rs)
{
        for (int i = 0, n = 0; filter_names[i]; i++) {
                const char *v = req_param(rq, filter_names[i]);
                if (!v || strcmp(filter_names[i], "sort") == 0)
                        continue;
                hset(rs->hdf, filter_names[i], "P.Keep.%d.Name", n);
                hset(rs->hdf, v, "P.Keep.%d.Value", n++);
        }
}

static void set_pager(struct req *rq, struct resp *rs, long page, long total)
{
        long pages = (total + PAGE_SIZE - 1) / PAGE_SIZE;
        if (pages < 1)
                pages = 1;
        HDF *h = rs->hdf;
        hset_int(h, page, "P.Pager.Page");
        hset_int(h, pages, "P.Pager.Pages");
        if (page > 1)
                hset(h, href_with(rq, "page", NULL, page - 1), "P.Pager.Prev");
        if (page < pages)
                hset(h, href_with(rq, "page", NULL, page + 1), "P.Pager.Next");
        /* a window of page numbers around the current one, plus the first and last */
        long from = page - 2 < 1 ? 1 : page - 2, to = page + 2 > pages ? pages : page + 2;
        int n = 0;
        bool gap = false;
        for (long p = 1; p <= pages; p++) {
                if (p != 1 && p != pages && (p < from || p > to)) {
                        if (!gap)
                                hset(h, "…", "P.Pager.Items.%d.Num", n++);
                        gap = true;
                        continue;
                }
                gap = false;
                hset(h, href_with(rq, "page", NULL, p), "P.Pager.Items.%d.Href", n);
                hset_int(h, p, "P.Pager.Items.%d.Num", n);
                hset_int(h, p == page, "P.Pager.Items.%d.Current", n++);
        }
}

/* The number of matching courses when the page itself is empty (paged past the end): every course
 * has exactly one mode, so the mode facet's counts add up to it (or, with a mode chosen, its row).
 */
static long total_from_facets(struct req *rq, const PGresult *facets)
{
        const char *mode = req_param(rq, "mode");
        long total = 0;
        for (int i = 0; i < PQntuples(facets); i++)
                if (strcmp(db_val(facets, i, 0), "mode") == 0 &&
                    (!mode || strcmp(db_val(facets, i, 1), mode) == 0))
                        total += atol(db_val(facets, i, 3));
        return total;
}

void page_catalog(struct req *rq, struct resp *rs)
{
        struct arena *a = rq->arena;
        const char *q = req_param(rq, "q");
        const char *sort = req_param(rq, "sort");
        if (!sort)
                sort = q ? "relevance" : "soon";
        long page = (long)req_param_int(rq, "page", 1);
        const char *lang = lang_codes[rq->lang];
        const char *p[11] = {q,
                             req_param(rq, "cat"),
                             req_param(rq, "district"),
                             req_param(rq, "fee"),
                             req_param(rq, "mode"),
                             req_param(rq, "audience"),
                             req_param(rq, "soon"),
                             lang,
                             sort,
                             arena_printf(a, "%d", PAGE_SIZE),
                             arena_printf(a, "%ld", (page - 1) * PAGE_SIZE)};
        PGresult *res = db_exec(cm_db_read, q ? &catalog_results : &catalog_results_all, 11, p);
        PGresult *facets =
            res ? db_exec(cm_db_read, q ? &catalog_facets : &catalog_facets_all, 8, p) : NULL;
        if (!res || !facets) {
                app_db_error(rq, rs);
                return;
        }
        /* a filter naming a category or district that does not exist is a bad link, not an
         * empty shelf (every category and district has a facet row, even with no course) */
        static const char *const looked_up[] = {"cat", "district", NULL};
        for (int k = 0; looked_up[k]; k++) {
                const char *v = req_param(rq, looked_up[k]);
                bool known = v == NULL;
                for (int i = 0; !known && i < PQntuples(facets); i++)
                        known = strcmp(db_val(facets, i, 0), looked_up[k]) == 0 &&
                                strcmp(db_val(facets, i, 1), v) == 0;
                if (!known) {
                        app_error(rq, rs, 400, "bad_param",
                                  view_str(rq->lang, arena_printf(a, "param.%s", looked_up[k])));
                        return;
                }
        }
        long total = PQntuples(res) > 0 ? atol(db_val(res, 0, db_col(res, "Total")))
                                        : total_from_facets(rq, facets);
        catalog_set_cards(rq, rs, "P.Courses", res);

        HDF *h = rs->hdf;
        hset_int(h, total, "P.Total");
        if (q)
                hset(h, q, "P.Q");
        facet_from_rows(rq, rs, facets, "cat");
        facet_from_rows(rq, rs, facets, "district");
        facet_fixed(rq, rs, facets, "fee", fee_keys, "fee");
        facet_fixed(rq, rs, facets, "mode", mode_keys, "mode");
        facet_fixed(rq, rs, facets, "audience", audience_keys, "audience");
        facet_fixed(rq, rs, facets, "soon", (const char *const[]){"1", NULL}, "catalog.soon");
        set_sorts(rq, rs, sort);
        set_kept_filters(rq, rs);
        set_pager(rq, rs, page, total);

        /* the filters in force, each with a link that removes it */
        int n = 0;
        for (int i = 0; filter_names[i]; i++) {
                const char *name = filter_names[i], *v = req_param(rq, name);
                if (!v || strcmp(name, "sort") == 0)
                        continue;
                const char *label = v;
                for (int j = 0; j < PQntuples(facets); j++)
                        if (strcmp(db_val(facets, j, 0), name) == 0 &&
                            strcmp(db_val(facets, j, 1), v) == 0 && *db_val(facets, j, 2))
                                label = db_val(facets, j, 2);
                if (strcmp(name, "fee") == 0 || strcmp(name, "mode") == 0 ||
                    strcmp(name, "audience") == 0)
                        label = view_str(rq->lang, arena_printf(a, "%s.%s", name, v));
                else if (strcmp(name, "soon") == 0)
                        label = view_str(rq->lang, "catalog.soon.1");
                hset(h, view_str(rq->lang, arena_printf(a, "catalog.facet.%s", name)),
                     "P.Active.%d.Name", n);
                hset(h, label, "P.Active.%d.Label", n);
                hset(h, href_with(rq, name, NULL, 1), "P.Active.%d.Href", n++);
        }
        if (n)
                hset(h, "/courses", "P.ClearAll");

        hset(h, "courses", "Page.Nav");
        rs->template = "pages/catalog/list.cs";
        rs->title = q ? arena_printf(a, "%s%s%s", view_str(rq->lang, "catalog.search_title_pre"), q,
                                     view_str(rq->lang, "catalog.search_title_post"))
                      : view_str(rq->lang, "catalog.title");
}
