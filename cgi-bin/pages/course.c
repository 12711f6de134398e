/* course: GET /courses/{id}, one course's page: what it is, who runs it, its rating, every offering
 * (班次) with dates, place, seats left, price and whether enrollment is open, and similar courses.
 * Only listed courses of approved agencies are shown; anything else is a 404. Reads only (from the
 * catalog connection); the description is plain text, split into paragraphs here and never rendered
 * as markup. Also home of hset_paragraphs(), which agency.c uses for an agency's intro. */
#include <stdlib.h>
#include <string.h>

#include "catalog.h"

/* $1 id, $2 lang */
DB_STMT(course_get,
        "SELECT c.id AS \"Id\", c.title AS \"Title\", c.summary AS \"Summary\","
        "       c.description AS \"Description\", c.mode AS \"ModeKey\","
        "       c.audience AS \"AudienceKey\","
        "       CASE WHEN c.credits > 0 THEN trim_scale(c.credits)::text END AS \"Credits\","
        "       c.hours AS \"Hours\","
        "       c.min_price_fen AS \"MinPrice\", c.max_price_fen AS \"MaxPrice\","
        "       CASE WHEN c.rating_count > 0"
        "            THEN round(c.rating_sum::numeric / c.rating_count, 1) END AS \"Rating\","
        "       c.rating_count AS \"RatingCount\","
        "       cat.id AS \"CategoryId\", cat.slug AS \"CatSlug\","
        "       CASE WHEN $2::text = 'en' THEN cat.name_en ELSE cat.name END AS \"Category\","
        "       a.id AS \"AgencyId\", a.name AS \"AgencyName\", a.contact_phone AS \"AgencyPhone\","
        "       CASE WHEN $2::text = 'en' THEN d.name_en ELSE d.name END AS \"AgencyDistrict\""
        "  FROM courses c"
        "  JOIN categories cat ON cat.id = c.category_id"
        "  JOIN agencies a ON a.id = c.agency_id"
        "  LEFT JOIN region_districts rd ON rd.region_id = a.region_id"
        "  LEFT JOIN regions d ON d.id = rd.district_id"
        " WHERE c.id = $1::int AND c.status = 'listed' AND a.status = 'approved'");

/* $1 course id. Cancelled offerings are not shown; ended ones come last. Status, in this order:
 * ended (past its last day), closed (closed by the agency or past the deadline), full, upcoming
 * (enrollment not open yet), open. Draft offerings (awaiting approval) are not shown either. */
DB_STMT(course_offerings,
        "SELECT o.id AS \"Id\", o.name AS \"Name\", o.starts_on AS \"StartsIso\","
        "       o.ends_on AS \"EndsIso\", o.schedule AS \"Schedule\", o.capacity AS \"Capacity\","
        "       greatest(o.capacity - o.seats_taken, 0) AS \"SeatsLeft\","
        "       o.price_fen AS \"PriceFen\","
        "       to_char(o.enroll_opens_at, 'YYYY-MM-DD') AS \"OpensIso\","
        "       to_char(o.enroll_opens_at, 'HH24:MI') AS \"OpensTime\","
        "       to_char(o.enroll_closes_at, 'YYYY-MM-DD') AS \"ClosesIso\","
        "       to_char(o.enroll_closes_at, 'HH24:MI') AS \"ClosesTime\","
        "       CASE WHEN o.ends_on < current_date THEN 'ended'"
        "            WHEN o.status = 'closed' OR now() >= o.enroll_closes_at THEN 'closed'"
        "            WHEN o.seats_taken >= o.capacity THEN 'full'"
        "            WHEN now() < o.enroll_opens_at THEN 'upcoming'"
        "            ELSE 'open' END AS \"Status\","
        "       s.id AS \"SiteId\", s.name AS \"SiteName\", s.address AS \"SiteAddress\","
        "       s.level AS \"SiteLevel\", s.phone AS \"SitePhone\""
        "  FROM offerings o"
        "  LEFT JOIN sites s ON s.id = o.site_id"
        " WHERE o.course_id = $1::int AND o.status NOT IN ('cancelled', 'draft')"
        " ORDER BY o.ends_on < current_date, o.starts_on, o.id"
        " LIMIT 60");

/* $1 course id, $2 category id, $3 audience, $4 lang: same category, the same audience first,
 * then courses with classes still to come, soonest first. (clang-format would split it at the
 * macro.) */
/* clang-format off */
DB_STMT(course_similar,
        "SELECT " COURSE_CARD_COLUMNS("$4::text")
        "  FROM courses c"
        "  JOIN categories cat ON cat.id = c.category_id"
        "  JOIN agencies a ON a.id = c.agency_id"
        " WHERE c.category_id = $2::int AND c.id <> $1::int"
        "   AND c.status = 'listed' AND a.status = 'approved'"
        " ORDER BY c.audience = $3::text DESC, c.open_offerings > 0 DESC,"
        "          c.next_start ASC NULLS LAST, c.rating_count DESC, c.id"
        " LIMIT 4");
/* clang-format on */

/* True if the line [p, end) holds nothing but spaces (ASCII or the ideographic space U+3000). */
static bool blank_line(const char *p, const char *end)
{
        while (p < end) {
                if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\f' || *p == '\v')
                        p++;
                else if (end - p >= 3 && memcmp(p, "\xe3\x80\x80", 3) == 0)
                        p += 3;
                else
                        return false;
        }
        return true;
}

/* Splits plain text into paragraphs at blank lines: prefix.N.Lines.M is line M of paragraph N,
 * trailing spaces trimmed. Returns the number of paragraphs. Declared in agency.c too. */
int hset_paragraphs(HDF *h, struct arena *a, const char *prefix, const char *text)
{
        int para = 0, line = 0;
        const char *p = text ? text : "";
        while (*p) {
                const char *nl = strchr(p, '\n');
                const char *end = nl ? nl : p + strlen(p);
                if (blank_line(p, end)) {
                        if (line > 0) {
                                para++;
                                line = 0;
                        }
                } else {
                        const char *e = end;
                        while (e > p && (e[-1] == '\r' || e[-1] == ' ' || e[-1] == '\t'))
                                e--;
                        hset(h, arena_strndup(a, p, (size_t)(e - p)), "%s.%d.Lines.%d", prefix,
                             para, line);
                        line++;
                }
                p = nl ? nl + 1 : end;
        }
        return line > 0 ? para + 1 : para;
}

static void set_offerings(struct req *rq, struct resp *rs, const PGresult *r)
{
        HDF *h = rs->hdf;
        struct arena *a = rq->arena;
        const char *free_word = view_str(rq->lang, "money.free");
        int n = hset_rows(h, "P.Offerings", r);
        int c_starts = db_col(r, "StartsIso"), c_ends = db_col(r, "EndsIso"),
            c_price = db_col(r, "PriceFen"), c_opens = db_col(r, "OpensIso"),
            c_closes = db_col(r, "ClosesIso"), c_level = db_col(r, "SiteLevel"),
            c_status = db_col(r, "Status");
        int open = 0;
        for (int i = 0; i < n; i++) {
                hset(h, fmt_date(a, rq->lang, db_val(r, i, c_starts)), "P.Offerings.%d.StartsOn",
                     i);
                if (strcmp(db_val(r, i, c_starts), db_val(r, i, c_ends)) != 0)
                        hset(h, fmt_date(a, rq->lang, db_val(r, i, c_ends)),
                             "P.Offerings.%d.EndsOn", i);
                long long fen = atoll(db_val(r, i, c_price));
                hset(h, fmt_money(a, fen, free_word), "P.Offerings.%d.Price", i);
                hset_int(h, fen == 0, "P.Offerings.%d.IsFree", i);
                hset(h, fmt_date(a, rq->lang, db_val(r, i, c_opens)), "P.Offerings.%d.OpensOn", i);
                hset(h, fmt_date(a, rq->lang, db_val(r, i, c_closes)), "P.Offerings.%d.ClosesOn",
                     i);
                if (!PQgetisnull(r, i, c_level))
                        hset(h,
                             view_str(rq->lang, arena_printf(a, "level.%s", db_val(r, i, c_level))),
                             "P.Offerings.%d.SiteLevelName", i);
                open += strcmp(db_val(r, i, c_status), "open") == 0;
        }
        hset_int(h, n, "P.OfferingCount");
        hset_int(h, open, "P.OpenCount");
}

void page_course(struct req *rq, struct resp *rs)
{
        HDF *h = rs->hdf;
        struct arena *a = rq->arena;
        const char *id = req_param(rq, "id");
        const char *lang = lang_codes[rq->lang];

        PGresult *c = app_fetch_subject(rq, rs, &course_get, DB_PARAMS(id, lang));
        if (!c)
                return;
        const char *cat_id = db_val(c, 0, db_col(c, "CategoryId"));
        const char *audience = db_val(c, 0, db_col(c, "AudienceKey"));
        PGresult *offerings = db_exec(cm_db_read, &course_offerings, DB_PARAMS(id));
        PGresult *similar =
            offerings ? db_exec(cm_db_read, &course_similar, DB_PARAMS(id, cat_id, audience, lang))
                      : NULL;
        if (!similar) {
                app_db_error(rq, rs);
                return;
        }

        /* The course: the row, less the description, which goes in as paragraphs. */
        hset_row(h, "P.Course", c);
        hset(h, "", "P.Course.Description");
        hset_paragraphs(h, a, "P.Course.Paragraphs", db_val(c, 0, db_col(c, "Description")));
        hset(h, view_str(rq->lang, arena_printf(a, "mode.%s", db_val(c, 0, db_col(c, "ModeKey")))),
             "P.Course.Mode");
        hset(h, view_str(rq->lang, arena_printf(a, "audience.%s", audience)), "P.Course.Audience");
        long long min = atoll(db_val(c, 0, db_col(c, "MinPrice")));
        long long max = atoll(db_val(c, 0, db_col(c, "MaxPrice")));
        const char *free_word = view_str(rq->lang, "money.free");
        const char *price = fmt_money(a, min, free_word);
        if (max != min)
                price = arena_printf(a, "%s – %s", fmt_money(a, min, free_word),
                                     fmt_money(a, max, NULL));
        hset(h, price, "P.Course.Price");
        hset_int(h, max == 0, "P.Course.IsFree");
        const char *cat_href =
            arena_printf(a, "/courses?cat=%s", fmt_urlenc(a, db_val(c, 0, db_col(c, "CatSlug"))));
        hset(h, cat_href, "P.Course.CategoryHref");
        if (strcmp(audience, "all") != 0)
                hset(h, arena_printf(a, "/courses?audience=%s", fmt_urlenc(a, audience)),
                     "P.Course.AudienceHref");

        const char *title = arena_strdup(a, db_val(c, 0, db_col(c, "Title")));
        hset(h, view_str(rq->lang, "common.home"), "P.Crumbs.0.Label");
        hset(h, "/", "P.Crumbs.0.Href");
        hset(h, view_str(rq->lang, "nav.courses"), "P.Crumbs.1.Label");
        hset(h, "/courses", "P.Crumbs.1.Href");
        hset(h, db_val(c, 0, db_col(c, "Category")), "P.Crumbs.2.Label");
        hset(h, cat_href, "P.Crumbs.2.Href");
        hset(h, title, "P.Crumbs.3.Label");

        set_offerings(rq, rs, offerings);
        catalog_set_cards(rq, rs, "P.Similar", similar);
        hset(h, cat_href, "P.SimilarMoreHref");

        hset(h, db_val(c, 0, db_col(c, "Summary")), "Page.Description");
        hset(h, "courses", "Page.Nav");
        rs->template = "pages/course/show.cs";
        rs->title = title;
}
