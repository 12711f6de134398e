/* home: GET /, the front door: a big search box, the categories with their course counts, courses
 * whose enrollment is open and that start soonest, and the learning sites nearest the city centre.
 */
#include <stdio.h>
#include <stdlib.h>

#include "catalog.h"

DB_STMT(home_categories,
        "SELECT cat.slug AS \"Slug\","
        "       CASE WHEN $1::text = 'en' THEN cat.name_en ELSE cat.name END AS \"Name\","
        "       count(c.id) AS \"Count\""
        "  FROM categories cat"
        "  LEFT JOIN (courses c JOIN agencies a ON a.id = c.agency_id AND a.status = 'approved')"
        "         ON c.category_id = cat.id AND c.status = 'listed'"
        " GROUP BY cat.id ORDER BY cat.sort, cat.id");

/* Open for enrollment now, with seats, starting soonest. */
DB_STMT(
    home_open_now,
    "SELECT " COURSE_CARD_COLUMNS(
        "$1::text") "  FROM courses c"
                    "  JOIN categories cat ON cat.id = c.category_id"
                    "  JOIN agencies a ON a.id = c.agency_id"
                    "  JOIN LATERAL (SELECT min(o.starts_on) AS starts FROM offerings o"
                    "                 WHERE o.course_id = c.id AND o.status = 'open'"
                    "                   AND o.seats_taken < o.capacity AND o.starts_on >= "
                    "current_date"
                    "                   AND now() BETWEEN o.enroll_opens_at AND "
                    "o.enroll_closes_at) n ON true"
                    " WHERE c.status = 'listed' AND a.status = 'approved' AND n.starts IS NOT NULL"
                    " ORDER BY n.starts, c.rating_count DESC, c.id LIMIT 8");

DB_STMT(home_sites_near,
        "SELECT s.id AS \"Id\", s.name AS \"Name\", s.address AS \"Address\", s.level AS \"Level\","
        "       distance_m($1::float8, $2::float8, s.lat, s.lng) AS \"Metres\""
        "  FROM sites s ORDER BY 5 LIMIT 6");

DB_STMT(home_totals, "SELECT count(*), (SELECT count(*) FROM sites),"
                     "       (SELECT count(*) FROM agencies WHERE status = 'approved'),"
                     "       count(*) FILTER (WHERE c.max_price_fen = 0)"
                     "  FROM courses c JOIN agencies a ON a.id = c.agency_id"
                     " WHERE c.status = 'listed' AND a.status = 'approved'");

void page_home(struct req *rq, struct resp *rs)
{
        struct arena *a = rq->arena;
        HDF *h = rs->hdf;
        const char *lang = lang_codes[rq->lang];
        PGresult *cats = db_exec(cm_db_read, &home_categories, DB_PARAMS(lang));
        PGresult *open = cats ? db_exec(cm_db_read, &home_open_now, DB_PARAMS(lang)) : NULL;
        PGresult *sites = open ? db_exec(cm_db_read, &home_sites_near,
                                         DB_PARAMS(arena_printf(a, "%.6f", CITY_CENTRE_LAT),
                                                   arena_printf(a, "%.6f", CITY_CENTRE_LNG)))
                               : NULL;
        PGresult *totals = sites ? db_exec(cm_db_read, &home_totals, 0, NULL) : NULL;
        if (!totals) {
                app_db_error(rq, rs);
                return;
        }
        int n = hset_rows(h, "P.Categories", cats);
        for (int i = 0; i < n; i++)
                hset(h, arena_printf(a, "/courses?cat=%s", fmt_urlenc(a, db_val(cats, i, 0))),
                     "P.Categories.%d.Href", i);
        catalog_set_cards(rq, rs, "P.OpenNow", open);
        n = hset_rows(h, "P.Sites", sites);
        for (int i = 0; i < n; i++) {
                hset(h, fmt_distance(a, rq->lang, atof(db_val(sites, i, 4))), "P.Sites.%d.Distance",
                     i);
                hset(h, view_str(rq->lang, arena_printf(a, "level.%s", db_val(sites, i, 3))),
                     "P.Sites.%d.LevelName", i);
        }
        hset(h, db_val(totals, 0, 0), "P.Totals.Courses");
        hset(h, db_val(totals, 0, 1), "P.Totals.Sites");
        hset(h, db_val(totals, 0, 2), "P.Totals.Agencies");
        hset(h, db_val(totals, 0, 3), "P.Totals.Free");
        hset(h, "/courses?soon=1", "P.SoonHref");
        hset(h, "/courses?fee=free&audience=seniors", "P.SeniorsFreeHref");
        hset(h, arena_printf(a, "/map?walk=1"), "P.WalkHref");
        hset(h, "home", "Page.Nav");
        rs->template = "pages/home/index.cs";
        rs->title = view_str(rq->lang, "home.title");
}
