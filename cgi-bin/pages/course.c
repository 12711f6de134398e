/* course: GET /courses/{id}, one course's page: what it is, its cover and learning outcomes, who
 * runs it, its rating, every offering (班次) with dates, weekly schedule, place, seats left (and
 * the free public-interest seats among them), price, cancellation deadline, eligibility, teachers
 * and whether enrollment is open, and similar courses. Only listed courses of approved agencies
 * are shown, and only their approved offerings (never a draft, never pending changes); anything
 * else is a 404. Reads only (from the catalog connection). The description is the agency's safe
 * Markdown, rendered by md_render (core/markdown.h); the outcomes are plain text, one a line,
 * never markup. Also home of
 * hset_paragraphs(), which agency.c uses for an agency's intro. */
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "core/buf.h"
#include "core/markdown.h"
#include "cover.h"

/* $1 id, $2 lang */
DB_STMT(course_get,
        "SELECT c.id AS \"Id\", c.title AS \"Title\", c.summary AS \"Summary\","
        "       c.description AS \"Description\", c.mode AS \"ModeKey\","
        "       c.audience AS \"AudienceKey\","
        "       CASE WHEN c.credits > 0 THEN trim_scale(c.credits)::text END AS \"Credits\","
        "       c.hours AS \"Hours\", c.outcomes AS \"Outcomes\", c.cover AS \"Cover\","
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

/* $1 course id. Only approved offerings (open or closed; not drafts, not cancelled) are shown,
 * as approved (pending changes are never read); ended ones come last. Status, in this order:
 * ended (past its last day), closed (closed by the agency or past the deadline), full, upcoming
 * (enrollment not open yet), open. */
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
        "       s.level AS \"SiteLevel\", s.phone AS \"SitePhone\","
        "       o.weekdays AS \"Weekdays\", to_char(o.time_from, 'FMHH24:MI') AS \"TimeFrom\","
        "       to_char(o.time_to, 'FMHH24:MI') AS \"TimeTo\", o.free_seats AS \"FreeSeats\","
        "       to_char(o.cancel_until AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')"
        "           AS \"CancelIso\","
        "       to_char(o.cancel_until AT TIME ZONE 'Asia/Shanghai', 'HH24:MI') AS \"CancelTime\","
        "       o.min_age AS \"MinAge\","
        "       CASE WHEN $2::text = 'en' THEN rr.name_en ELSE rr.name END AS \"Residence\""
        "  FROM offerings o"
        "  LEFT JOIN sites s ON s.id = o.site_id"
        "  LEFT JOIN regions rr ON rr.id = o.residence_region_id"
        " WHERE o.course_id = $1::int AND o.status IN ('open', 'closed')"
        " ORDER BY o.ends_on < current_date, o.starts_on, o.id"
        " LIMIT 60");

/* $1 course id: the teachers of its approved offerings (offering_teachers is what was approved;
 * proposed teachers wait in offerings.pending), with the first line of their qualifications. */
DB_STMT(course_teachers,
        "SELECT ot.offering_id AS \"OfferingId\", t.name AS \"Name\", t.kind AS \"KindKey\","
        "       CASE WHEN length(q.line) > 60 THEN left(q.line, 59) || '…' ELSE q.line END"
        "           AS \"Qualifications\""
        "  FROM offering_teachers ot"
        "  JOIN offerings o ON o.id = ot.offering_id"
        "  JOIN teachers t ON t.id = ot.teacher_id"
        "  CROSS JOIN LATERAL (SELECT btrim(split_part(t.qualifications, E'\\n', 1)) AS line) q"
        " WHERE o.course_id = $1::int AND o.status IN ('open', 'closed')"
        " ORDER BY ot.offering_id, t.kind, t.id");

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

/* Splits plain text into its non-blank lines, trimmed: prefix.N. Returns the number of lines. */
static int hset_lines(HDF *h, struct arena *a, const char *prefix, const char *text)
{
        int n = 0;
        const char *p = text ? text : "";
        while (*p) {
                const char *nl = strchr(p, '\n');
                const char *end = nl ? nl : p + strlen(p);
                if (!blank_line(p, end)) {
                        const char *b = p, *e = end;
                        while (b < e && (*b == ' ' || *b == '\t'))
                                b++;
                        while (e > b && (e[-1] == '\r' || e[-1] == ' ' || e[-1] == '\t'))
                                e--;
                        hset(h, arena_strndup(a, b, (size_t)(e - b)), "%s.%d", prefix, n++);
                }
                p = nl ? nl + 1 : end;
        }
        return n;
}

/* The weekly schedule in words from weekdays (bit 1 Monday … 64 Sunday) and the hours:
 * "每周二、周四 9:00–11:00" / "Tue, Thu 9:00–11:00", as the demo and the console write them. */
static const char *weekly_words(struct arena *a, enum lang lang, int weekdays, const char *from,
                                const char *to)
{
        const char *s = view_str(lang, "course.weekly_pre");
        const char *sep = view_str(lang, "course.weekly_sep");
        /* HDF trims values: an ASCII separator (English ",") gets its space here */
        size_t sl = strlen(sep);
        if (sl > 0 && (unsigned char)sep[sl - 1] < 0x80)
                sep = arena_printf(a, "%s ", sep);
        bool first = true;
        for (int d = 0; d < 7; d++) {
                if (!(weekdays & (1 << d)))
                        continue;
                const char *day = view_str(lang, arena_printf(a, "course.weekday.%d", d + 1));
                s = arena_printf(a, "%s%s%s", s, first ? "" : sep, day);
                first = false;
        }
        return arena_printf(a, "%s %s–%s", s, from, to);
}

/* P.Offerings.N.Teachers.M (Name, Kind, Qualifications) from the course_teachers rows. */
static void set_teachers(struct req *rq, struct resp *rs, const PGresult *offerings,
                         const PGresult *t)
{
        HDF *h = rs->hdf;
        struct arena *a = rq->arena;
        int n = PQntuples(offerings), c_id = db_col(offerings, "Id");
        int c_off = db_col(t, "OfferingId"), c_name = db_col(t, "Name"),
            c_kind = db_col(t, "KindKey"), c_q = db_col(t, "Qualifications");
        for (int i = 0; i < n; i++) {
                const char *id = db_val(offerings, i, c_id);
                int m = 0;
                for (int j = 0; j < PQntuples(t); j++) {
                        if (strcmp(db_val(t, j, c_off), id) != 0)
                                continue;
                        hset(h, db_val(t, j, c_name), "P.Offerings.%d.Teachers.%d.Name", i, m);
                        hset(h,
                             view_str(rq->lang, arena_printf(a, "course.teacher_kind.%s",
                                                             db_val(t, j, c_kind))),
                             "P.Offerings.%d.Teachers.%d.Kind", i, m);
                        hset(h, db_val(t, j, c_q), "P.Offerings.%d.Teachers.%d.Qualifications", i,
                             m);
                        m++;
                }
        }
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
            c_status = db_col(r, "Status"), c_days = db_col(r, "Weekdays"),
            c_from = db_col(r, "TimeFrom"), c_to = db_col(r, "TimeTo"),
            c_cancel = db_col(r, "CancelIso"), c_sched = db_col(r, "Schedule"),
            c_age = db_col(r, "MinAge"), c_res = db_col(r, "Residence");
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
                if (!PQgetisnull(r, i, c_days)) {
                        int days = atoi(db_val(r, i, c_days));
                        const char *from = db_val(r, i, c_from), *to = db_val(r, i, c_to);
                        hset(h, weekly_words(a, rq->lang, days, from, to), "P.Offerings.%d.Weekly",
                             i);
                        /* the agency's own words, when they say more than the weekly hours */
                        if (strcmp(weekly_words(a, LANG_ZH, days, from, to),
                                   db_val(r, i, c_sched)) == 0)
                                hset(h, "", "P.Offerings.%d.Schedule", i);
                }
                /* eligibility in words; HDF trims values, so English gets its spaces here */
                const char *sp = rq->lang == LANG_EN ? " " : "";
                int e = 0;
                if (!PQgetisnull(r, i, c_age))
                        hset(h,
                             arena_printf(a, "%s%s%s%s%s", view_str(rq->lang, "course.min_age_pre"),
                                          sp, db_val(r, i, c_age), sp,
                                          view_str(rq->lang, "course.min_age_post")),
                             "P.Offerings.%d.Eligibility.%d", i, e++);
                if (!PQgetisnull(r, i, c_res))
                        hset(h,
                             arena_printf(a, "%s%s%s%s%s",
                                          view_str(rq->lang, "course.residence_pre"), sp,
                                          db_val(r, i, c_res), sp,
                                          view_str(rq->lang, "course.residence_post")),
                             "P.Offerings.%d.Eligibility.%d", i, e++);
                if (!PQgetisnull(r, i, c_cancel))
                        hset(h, fmt_date(a, rq->lang, db_val(r, i, c_cancel)),
                             "P.Offerings.%d.CancelOn", i);
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
        PGresult *offerings = db_exec(cm_db_read, &course_offerings, DB_PARAMS(id, lang));
        PGresult *teachers =
            offerings ? db_exec(cm_db_read, &course_teachers, DB_PARAMS(id)) : NULL;
        PGresult *similar =
            teachers ? db_exec(cm_db_read, &course_similar, DB_PARAMS(id, cat_id, audience, lang))
                     : NULL;
        if (!similar) {
                app_db_error(rq, rs);
                return;
        }

        /* The course: the row, less the description, which the agency wrote in Markdown and
         * md_render turns into allow-listed HTML (as plain paragraphs should it refuse). */
        hset_row(h, "P.Course", c);
        hset(h, "", "P.Course.Description");
        const char *description = db_val(c, 0, db_col(c, "Description"));
        struct buf md;
        buf_init(&md);
        if (*description && md_render(description, strlen(description), &md) == 0)
                hset(h, buf_cstr(&md), "P.Course.Description.Html");
        else
                hset_paragraphs(h, a, "P.Course.Paragraphs", description);
        buf_free(&md);
        hset(h, "", "P.Course.Outcomes");
        hset_lines(h, a, "P.Course.OutcomeLines", db_val(c, 0, db_col(c, "Outcomes")));
        int c_cover = db_col(c, "Cover");
        if (!PQgetisnull(c, 0, c_cover))
                hset(h, cover_url(a, db_val(c, 0, c_cover), false), "P.Course.CoverSrc");
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
        set_teachers(rq, rs, offerings, teachers);
        catalog_set_cards(rq, rs, "P.Similar", similar);
        hset(h, cat_href, "P.SimilarMoreHref");

        hset(h, db_val(c, 0, db_col(c, "Summary")), "Page.Description");
        hset(h, "courses", "Page.Nav");
        rs->template = "pages/course/show.cs";
        rs->title = title;
}
