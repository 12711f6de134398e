/* agency: GET /agencies/{id}, a training agency's public profile: name, district, founding year,
 * intro, address and phone, its unified social credit code (public business registration data),
 * how many courses and classes it runs, and its listed courses soonest first. Only approved
 * agencies are shown; pending and suspended ones are a 404. Reads only. */
#include <stdlib.h>

#include "catalog.h"

/* course.c: plain text → prefix.N.Lines.M, split at blank lines. */

/* $1 id, $2 lang */
DB_STMT(agency_get,
        "SELECT a.id AS \"Id\", a.name AS \"Name\", a.credit_code AS \"CreditCode\","
        "       a.intro AS \"Intro\", a.address AS \"Address\", a.contact_phone AS \"Phone\","
        "       a.founded_year AS \"FoundedYear\","
        "       CASE WHEN $2::text = 'en' THEN d.name_en ELSE d.name END AS \"District\","
        "       (SELECT count(*) FROM courses c"
        "         WHERE c.agency_id = a.id AND c.status = 'listed') AS \"CourseCount\","
        "       (SELECT count(*) FROM offerings o JOIN courses c ON c.id = o.course_id"
        "         WHERE c.agency_id = a.id AND c.status = 'listed'"
        "           AND o.status IN ('open', 'closed') AND o.ends_on >= current_date)"
        "         AS \"OfferingCount\""
        "  FROM agencies a"
        "  LEFT JOIN region_districts rd ON rd.region_id = a.region_id"
        "  LEFT JOIN regions d ON d.id = rd.district_id"
        " WHERE a.id = $1::int AND a.status = 'approved'");

/* $1 agency id, $2 lang. Agencies list fewer than 40 courses, so there is no paging; the limit
 * only guards the page against a runaway agency. */
/* clang-format off */
DB_STMT(agency_courses,
        "SELECT " COURSE_CARD_COLUMNS("$2::text")
        "  FROM courses c"
        "  JOIN categories cat ON cat.id = c.category_id"
        "  JOIN agencies a ON a.id = c.agency_id"
        " WHERE c.agency_id = $1::int AND c.status = 'listed'"
        " ORDER BY c.next_start ASC NULLS LAST, c.open_offerings > 0 DESC, c.title, c.id"
        " LIMIT 200");
/* clang-format on */

void page_agency(struct req *rq, struct resp *rs)
{
        HDF *h = rs->hdf;
        struct arena *a = rq->arena;
        const char *id = req_param(rq, "id");
        const char *lang = lang_codes[rq->lang];

        PGresult *ag = app_fetch_subject(rq, rs, &agency_get, DB_PARAMS(id, lang));
        if (!ag)
                return;
        PGresult *courses = db_exec(cm_db_read, &agency_courses, DB_PARAMS(id, lang));
        if (!courses) {
                app_db_error(rq, rs);
                return;
        }

        hset_row(h, "P.Agency", ag);
        hset(h, "", "P.Agency.Intro");
        hset_paragraphs(h, a, "P.Agency.Paragraphs", db_val(ag, 0, db_col(ag, "Intro")));
        int n = catalog_set_cards(rq, rs, "P.Courses", courses);
        for (int i = 0; i < n; i++) /* every card would name this agency again */
                hset(h, "", "P.Courses.%d.Agency", i);

        const char *name = arena_strdup(a, db_val(ag, 0, db_col(ag, "Name")));
        hset(h, view_str(rq->lang, "common.home"), "P.Crumbs.0.Label");
        hset(h, "/", "P.Crumbs.0.Href");
        hset(h, view_str(rq->lang, "nav.courses"), "P.Crumbs.1.Label");
        hset(h, "/courses", "P.Crumbs.1.Href");
        hset(h, name, "P.Crumbs.2.Label");

        hset(h, "courses", "Page.Nav");
        rs->template = "pages/agency/show.cs";
        rs->title = name;
}
