/* site: the learning-site network and the learning map (seeds 003 and 004). GET /sites lists the
 * four-level network (city community university → district colleges → street schools → community
 * schools and teaching points) with level and district filters; GET /sites/{id} is one site with
 * its place in the network, its nearest neighbours and the classes held there; GET /map finds the
 * sites around a point (a district centre, the city centre or the visitor's position) within a
 * radius or the ten-minute learning circle. Distances are computed in SQL (distance_m) behind a
 * lat/lng bounding box that the sites_latlng_idx index serves. The map page's list is the content;
 * static/js/map.js draws the same list on a Leaflet map when it can. Never prints HTML, never
 * builds SQL from strings. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/config.h"
#include "pages.h"

/* Limits, spelled into the SQL text at compile time. */
#define MAP_MAX_SITES    100 /* sites listed within a radius */
#define NEAREST_SITES    5   /* "nearby sites", and the map's answer when nothing is in range */
#define COURSES_PER_SITE 3   /* course links under each site on the map */
#define SQL_NUM_(x)      #x
#define SQL_NUM(x)       SQL_NUM_(x)

/* An offering a learner can still take part in: open, not ended, of a listed course of an
 * approved agency (what the course page shows). Needs o, c and a in scope. */
#define OPEN_OFFERING                                                                              \
        "o.status = 'open' AND o.ends_on >= current_date AND c.status = 'listed'"                  \
        " AND a.status = 'approved'"

/* ---------- GET /sites ---------- */

/* $1 lang, $2 level, $3 district: sites ordered by level, district and name, with the size of
 * their level and district groups. */
DB_STMT(sites_list,
        "WITH n AS (SELECT o.site_id, count(*) AS n FROM offerings o"
        "          JOIN courses c ON c.id = o.course_id JOIN agencies a ON a.id = c.agency_id"
        "         WHERE " OPEN_OFFERING " GROUP BY o.site_id)"
        " SELECT s.id AS \"Id\", s.level AS \"Level\", s.name AS \"Name\","
        "        s.address AS \"Address\", rd.district_id AS \"DistrictId\","
        "        CASE WHEN $1::text = 'en' THEN d.name_en ELSE d.name END AS \"District\","
        "        coalesce(n.n, 0) AS \"Offerings\","
        "        count(*) OVER (PARTITION BY s.level) AS \"LevelCount\","
        "        count(*) OVER (PARTITION BY s.level, rd.district_id) AS \"DistrictCount\""
        "   FROM sites s JOIN region_districts rd ON rd.region_id = s.region_id"
        "   LEFT JOIN regions d ON d.id = rd.district_id"
        "   LEFT JOIN n ON n.site_id = s.id"
        "  WHERE ($2::int IS NULL OR s.level = $2::int)"
        "    AND ($3::int IS NULL OR rd.district_id = $3::int)"
        "  ORDER BY s.level, d.code NULLS FIRST, s.name, s.id");

/* $1 district: sites per level (1 … 4, zeros included) under the district filter. */
DB_STMT(sites_level_counts,
        "SELECT l.level AS \"Level\", count(s.id) AS \"Count\""
        "   FROM generate_series(1, 4) AS l (level)"
        "   LEFT JOIN (sites s JOIN region_districts rd ON rd.region_id = s.region_id)"
        "     ON s.level = l.level AND ($1::int IS NULL OR rd.district_id = $1::int)"
        "  GROUP BY l.level ORDER BY l.level");

/* $1 lang, $2 level: every district with its sites under the level filter. */
DB_STMT(sites_district_counts,
        "SELECT d.id AS \"Id\","
        "        CASE WHEN $1::text = 'en' THEN d.name_en ELSE d.name END AS \"Name\","
        "        count(s.id) AS \"Count\""
        "   FROM regions d"
        "   LEFT JOIN (sites s JOIN region_districts rd ON rd.region_id = s.region_id)"
        "     ON rd.district_id = d.id AND ($2::int IS NULL OR s.level = $2::int)"
        "  WHERE d.level = 'district'"
        "  GROUP BY d.id ORDER BY d.code");

/* "/sites", "/sites?level=2", "/sites?level=2&district=5" */
static const char *sites_href(struct arena *a, const char *level, const char *district)
{
        if (level && district)
                return arena_printf(a, "/sites?level=%s&district=%s", level, district);
        if (level)
                return arena_printf(a, "/sites?level=%s", level);
        if (district)
                return arena_printf(a, "/sites?district=%s", district);
        return "/sites";
}

static void set_crumbs(struct req *rq, HDF *h, const char *last_label, const char *mid_label,
                       const char *mid_href)
{
        int i = 0;
        hset(h, view_str(rq->lang, "common.home"), "P.Crumbs.%d.Label", i);
        hset(h, "/", "P.Crumbs.%d.Href", i++);
        if (mid_label) {
                hset(h, mid_label, "P.Crumbs.%d.Label", i);
                hset(h, mid_href, "P.Crumbs.%d.Href", i++);
        }
        hset(h, last_label, "P.Crumbs.%d.Label", i);
}

void page_sites(struct req *rq, struct resp *rs)
{
        HDF *h = rs->hdf;
        struct arena *a = rq->arena;
        const char *lang = lang_codes[rq->lang];
        const char *level = req_param(rq, "level"), *district = req_param(rq, "district");

        PGresult *levels = db_exec(cm_db_read, &sites_level_counts, DB_PARAMS(district));
        PGresult *districts =
            levels ? db_exec(cm_db_read, &sites_district_counts, DB_PARAMS(lang, level)) : NULL;
        PGresult *r =
            districts ? db_exec(cm_db_read, &sites_list, DB_PARAMS(lang, level, district)) : NULL;
        if (!r) {
                app_db_error(rq, rs);
                return;
        }

        /* The level filter: 1 … 4, each a link keeping the district filter. */
        hset(h, sites_href(a, NULL, district), "P.LevelFacet.ClearHref");
        for (int i = 0; i < PQntuples(levels); i++) {
                const char *lv = db_val(levels, i, 0);
                bool sel = level && strcmp(level, lv) == 0;
                hset(h, lv, "P.LevelFacet.Items.%d.Level", i);
                hset(h, view_str(rq->lang, arena_printf(a, "level.%s", lv)),
                     "P.LevelFacet.Items.%d.Label", i);
                hset(h, db_val(levels, i, 1), "P.LevelFacet.Items.%d.Count", i);
                hset(h, sites_href(a, sel ? NULL : lv, district), "P.LevelFacet.Items.%d.Href", i);
                hset_int(h, sel, "P.LevelFacet.Items.%d.Selected", i);
        }

        /* The district filter; an id that names no district is a bad parameter. */
        const char *district_name = NULL;
        hset(h, sites_href(a, level, NULL), "P.DistrictFacet.ClearHref");
        for (int i = 0; i < PQntuples(districts); i++) {
                const char *id = db_val(districts, i, 0);
                bool sel = district && strcmp(district, id) == 0;
                if (sel)
                        district_name = db_val(districts, i, 1);
                hset(h, id, "P.DistrictFacet.Items.%d.Id", i);
                hset(h, db_val(districts, i, 1), "P.DistrictFacet.Items.%d.Label", i);
                hset(h, db_val(districts, i, 2), "P.DistrictFacet.Items.%d.Count", i);
                hset(h, sites_href(a, level, sel ? NULL : id), "P.DistrictFacet.Items.%d.Href", i);
                hset_int(h, sel, "P.DistrictFacet.Items.%d.Selected", i);
        }
        if (district && !district_name) {
                app_error(rq, rs, 400, "bad_param", view_str(rq->lang, "param.district"));
                return;
        }

        /* Rows come ordered by level, then district: nest them as P.Levels.L.Districts.D.Sites.S */
        int n = PQntuples(r);
        int c_id = db_col(r, "Id"), c_level = db_col(r, "Level"), c_name = db_col(r, "Name"),
            c_addr = db_col(r, "Address"), c_off = db_col(r, "Offerings"),
            c_did = db_col(r, "DistrictId"), c_district = db_col(r, "District"),
            c_lcount = db_col(r, "LevelCount"), c_dcount = db_col(r, "DistrictCount");
        const char *citywide = view_str(rq->lang, "sites.citywide");
        int li = -1, di = -1, si = 0;
        for (int i = 0; i < n; i++) {
                const char *lv = db_val(r, i, c_level), *did = db_val(r, i, c_did);
                const char *dname = *did ? db_val(r, i, c_district) : citywide;
                if (i == 0 || strcmp(lv, db_val(r, i - 1, c_level)) != 0) {
                        li++;
                        di = -1;
                        hset(h, lv, "P.Levels.%d.Level", li);
                        hset(h, view_str(rq->lang, arena_printf(a, "level.%s", lv)),
                             "P.Levels.%d.Name", li);
                        hset(h, db_val(r, i, c_lcount), "P.Levels.%d.Count", li);
                }
                /* district sub-headings only where a district has several sites of the level */
                if (atoi(db_val(r, i, c_dcount)) > 1)
                        hset_int(h, 1, "P.Levels.%d.Grouped", li);
                if (di < 0 || strcmp(did, db_val(r, i - 1, c_did)) != 0) {
                        di++;
                        si = 0;
                        const char *d = arena_printf(a, "P.Levels.%d.Districts.%d", li, di);
                        hset(h, did, "%s.Id", d);
                        hset(h, dname, "%s.Name", d);
                        hset(h, db_val(r, i, c_dcount), "%s.Count", d);
                }
                const char *p = arena_printf(a, "P.Levels.%d.Districts.%d.Sites.%d", li, di, si++);
                hset(h, db_val(r, i, c_id), "%s.Id", p);
                hset(h, db_val(r, i, c_name), "%s.Name", p);
                hset(h, db_val(r, i, c_addr), "%s.Address", p);
                hset(h, db_val(r, i, c_off), "%s.Offerings", p);
                hset(h, arena_printf(a, "/sites/%s", db_val(r, i, c_id)), "%s.Href", p);
                hset(h, dname, "%s.District", p);
        }
        hset_int(h, n, "P.Total");
        if (level)
                hset(h, view_str(rq->lang, arena_printf(a, "level.%s", level)), "P.LevelName");
        if (district_name)
                hset(h, district_name, "P.DistrictName");

        const char *title = view_str(rq->lang, "sites.title");
        set_crumbs(rq, h, title, NULL, NULL);
        hset(h, "sites", "Page.Nav");
        rs->template = "pages/site/list.cs";
        rs->title = title;
}

/* ---------- GET /sites/{id} ---------- */

/* $1 id, $2 lang. Lat/Lng rounded to 6 places (about 0.1 m) for links. */
DB_STMT(site_get,
        "WITH RECURSIVE up AS ("
        "  SELECT r.id, r.parent_id, r.level, r.name, r.name_en"
        "    FROM regions r JOIN sites s ON s.region_id = r.id WHERE s.id = $1::int"
        "  UNION ALL"
        "  SELECT p.id, p.parent_id, p.level, p.name, p.name_en"
        "    FROM regions p JOIN up ON p.id = up.parent_id)"
        " SELECT s.id AS \"Id\", s.level AS \"Level\", s.name AS \"Name\","
        "        s.address AS \"Address\", s.phone AS \"Phone\", s.opening_hours AS \"Hours\","
        "        s.step_free::int AS \"StepFree\", s.description AS \"Description\","
        "        round(s.lat::numeric, 6)::float8 AS \"Lat\","
        "        round(s.lng::numeric, 6)::float8 AS \"Lng\","
        "        p.id AS \"ParentId\", p.name AS \"ParentName\", p.level AS \"ParentLevel\","
        "        (SELECT id FROM up WHERE level = 'district' LIMIT 1) AS \"DistrictId\","
        "        (SELECT CASE WHEN $2::text = 'en' THEN name_en ELSE name END"
        "           FROM up WHERE level = 'district' LIMIT 1) AS \"District\","
        "        (SELECT CASE WHEN $2::text = 'en' THEN name_en ELSE name END"
        "           FROM up WHERE level = 'street' LIMIT 1) AS \"Street\","
        "        (SELECT CASE WHEN $2::text = 'en' THEN name_en ELSE name END"
        "           FROM up WHERE level = 'community' LIMIT 1) AS \"Community\""
        "   FROM sites s LEFT JOIN sites p ON p.id = s.parent_id"
        "  WHERE s.id = $1::int");

/* $1 id */
DB_STMT(site_children, "SELECT id AS \"Id\", name AS \"Name\", level AS \"Level\""
                       "  FROM sites WHERE parent_id = $1::int ORDER BY level, name, id");

/* $1 id: the classes held here that have not ended, of listed courses. Status as on the course
 * page: closed (by the agency or past the deadline), full, upcoming (enrollment not open), open. */
DB_STMT(site_offerings,
        "SELECT o.id AS \"Id\", c.id AS \"CourseId\", c.title AS \"Title\", o.name AS \"Name\","
        "       o.starts_on AS \"StartsIso\", o.ends_on AS \"EndsIso\","
        "       o.schedule AS \"Schedule\","
        "       greatest(o.capacity - o.seats_taken, 0) AS \"SeatsLeft\","
        "       o.price_fen AS \"PriceFen\","
        "       CASE WHEN o.status = 'closed' OR now() >= o.enroll_closes_at THEN 'closed'"
        "            WHEN o.seats_taken >= o.capacity THEN 'full'"
        "            WHEN now() < o.enroll_opens_at THEN 'upcoming'"
        "            ELSE 'open' END AS \"Status\""
        "  FROM offerings o"
        "  JOIN courses c ON c.id = o.course_id"
        "  JOIN agencies a ON a.id = c.agency_id"
        " WHERE o.site_id = $1::int AND o.status IN ('open', 'closed')"
        "   AND o.ends_on >= current_date AND c.status = 'listed' AND a.status = 'approved'"
        " ORDER BY o.starts_on, c.title, o.id"
        " LIMIT 100");

/* The open classes at site n."Id" (in category $cat, when given); as a column of an outer query. */
#define OPEN_COUNT(cat)                                                                            \
        "(SELECT count(*) FROM offerings o"                                                        \
        "   JOIN courses c ON c.id = o.course_id JOIN agencies a ON a.id = c.agency_id"            \
        "   JOIN categories k ON k.id = c.category_id"                                             \
        "  WHERE o.site_id = n.\"Id\" AND " OPEN_OFFERING " AND (" cat "::text IS NULL"            \
        "        OR k.slug = " cat "::text))"
/* Site s has an open class in category $cat (true when no category is given). */
#define HAS_OPEN(cat)                                                                              \
        "(" cat "::text IS NULL OR EXISTS ("                                                       \
        "  SELECT 1 FROM offerings o"                                                              \
        "    JOIN courses c ON c.id = o.course_id JOIN agencies a ON a.id = c.agency_id"           \
        "    JOIN categories k ON k.id = c.category_id"                                            \
        "   WHERE o.site_id = s.id AND " OPEN_OFFERING " AND k.slug = " cat "::text))"

/* $1 lat, $2 lng, $3 category slug or NULL, $4 site id to leave out or NULL: the nearest sites
 * (with an open class in the category), with their open classes. No bounding box: it must find
 * them however far; the classes are counted for the few it keeps only. */
DB_STMT(
    sites_nearest,
    "SELECT n.*, " OPEN_COUNT(
        "$3") " AS \"Offerings\""
              "  FROM (SELECT s.id AS \"Id\", s.name AS \"Name\", s.level AS \"Level\","
              "               s.address AS \"Address\", s.lat AS \"Lat\", s.lng AS \"Lng\","
              "               distance_m($1::float8, $2::float8, s.lat, s.lng) AS \"Metres\""
              "          FROM sites s"
              "         WHERE ($4::int IS NULL OR s.id <> $4::int) AND " HAS_OPEN(
                  "$3") "         ORDER BY 7, s.id LIMIT " SQL_NUM(NEAREST_SITES) ") n"
                                                                                  " ORDER BY "
                                                                                  "n.\"Metres\", "
                                                                                  "n.\"Id\"");

/* Row i of a site list → prefix.i: the row, its link, its distance in words. */
static int set_site_rows(struct req *rq, HDF *h, const char *prefix, const PGresult *r)
{
        int n = hset_rows(h, prefix, r);
        int c_id = db_col(r, "Id"), c_m = db_col(r, "Metres");
        for (int i = 0; i < n; i++) {
                hset(h, arena_printf(rq->arena, "/sites/%s", db_val(r, i, c_id)), "%s.%d.Href",
                     prefix, i);
                hset(h, fmt_distance(rq->arena, rq->lang, atof(db_val(r, i, c_m))),
                     "%s.%d.Distance", prefix, i);
        }
        return n;
}

void page_site(struct req *rq, struct resp *rs)
{
        HDF *h = rs->hdf;
        struct arena *a = rq->arena;
        const char *id = req_param(rq, "id");

        PGresult *s = app_fetch_subject(rq, rs, &site_get, DB_PARAMS(id, lang_codes[rq->lang]));
        if (!s)
                return;
        const char *lat = db_val(s, 0, db_col(s, "Lat")), *lng = db_val(s, 0, db_col(s, "Lng"));
        PGresult *children = db_exec(cm_db_read, &site_children, DB_PARAMS(id));
        PGresult *nearby =
            children ? db_exec(cm_db_read, &sites_nearest, DB_PARAMS(lat, lng, NULL, id)) : NULL;
        PGresult *offerings = nearby ? db_exec(cm_db_read, &site_offerings, DB_PARAMS(id)) : NULL;
        if (!offerings) {
                app_db_error(rq, rs);
                return;
        }

        const char *name = db_val(s, 0, db_col(s, "Name"));
        hset_row(h, "P.Site", s);
        hset(h, "", "P.Site.Description");
        hset_paragraphs(h, a, "P.Site.Paragraphs", db_val(s, 0, db_col(s, "Description")));
        hset(h, view_str(rq->lang, arena_printf(a, "level.%s", db_val(s, 0, db_col(s, "Level")))),
             "P.Site.LevelName");
        int c_parent = db_col(s, "ParentId");
        if (!PQgetisnull(s, 0, c_parent)) {
                hset(h, arena_printf(a, "/sites/%s", db_val(s, 0, c_parent)), "P.Site.ParentHref");
                hset(h,
                     view_str(rq->lang,
                              arena_printf(a, "level.%s", db_val(s, 0, db_col(s, "ParentLevel")))),
                     "P.Site.ParentLevelName");
        }
        int c_district = db_col(s, "DistrictId");
        if (!PQgetisnull(s, 0, c_district))
                hset(h, arena_printf(a, "/sites?district=%s", db_val(s, 0, c_district)),
                     "P.Site.DistrictHref");
        hset(h, arena_printf(a, "/map?lat=%s&lng=%s", lat, lng), "P.Site.MapHref");
        hset(h, arena_printf(a, "/map?lat=%s&lng=%s&walk=1", lat, lng), "P.Site.WalkHref");

        int n = hset_rows(h, "P.Children", children);
        for (int i = 0; i < n; i++) {
                hset(h, arena_printf(a, "/sites/%s", db_val(children, i, 0)), "P.Children.%d.Href",
                     i);
                hset(h, view_str(rq->lang, arena_printf(a, "level.%s", db_val(children, i, 2))),
                     "P.Children.%d.LevelName", i);
        }

        n = set_site_rows(rq, h, "P.Nearby", nearby);
        int c_nlevel = db_col(nearby, "Level");
        for (int i = 0; i < n; i++)
                hset(h,
                     view_str(rq->lang, arena_printf(a, "level.%s", db_val(nearby, i, c_nlevel))),
                     "P.Nearby.%d.LevelName", i);

        const char *free_word = view_str(rq->lang, "money.free");
        n = hset_rows(h, "P.Offerings", offerings);
        int c_course = db_col(offerings, "CourseId"), c_starts = db_col(offerings, "StartsIso"),
            c_ends = db_col(offerings, "EndsIso"), c_price = db_col(offerings, "PriceFen");
        for (int i = 0; i < n; i++) {
                hset(h, arena_printf(a, "/courses/%s", db_val(offerings, i, c_course)),
                     "P.Offerings.%d.CourseHref", i);
                hset(h, fmt_date(a, rq->lang, db_val(offerings, i, c_starts)),
                     "P.Offerings.%d.StartsOn", i);
                if (strcmp(db_val(offerings, i, c_starts), db_val(offerings, i, c_ends)) != 0)
                        hset(h, fmt_date(a, rq->lang, db_val(offerings, i, c_ends)),
                             "P.Offerings.%d.EndsOn", i);
                long long fen = atoll(db_val(offerings, i, c_price));
                hset(h, fmt_money(a, fen, free_word), "P.Offerings.%d.Price", i);
                hset_int(h, fen == 0, "P.Offerings.%d.IsFree", i);
        }

        set_crumbs(rq, h, name, view_str(rq->lang, "sites.title"), "/sites");
        hset(h, "sites", "Page.Nav");
        rs->template = "pages/site/show.cs";
        rs->title = name;
}

/* ---------- GET /map ---------- */

/* $1 lang: districts that have sites, each centred on the mean of its sites' coordinates. */
DB_STMT(map_districts,
        "SELECT d.id AS \"Id\","
        "        CASE WHEN $1::text = 'en' THEN d.name_en ELSE d.name END AS \"Name\","
        "        round(avg(s.lat)::numeric, 6)::float8 AS \"Lat\","
        "        round(avg(s.lng)::numeric, 6)::float8 AS \"Lng\""
        "   FROM sites s JOIN region_districts rd ON rd.region_id = s.region_id"
        "   JOIN regions d ON d.id = rd.district_id"
        "  GROUP BY d.id ORDER BY d.code");

/* $1 lang */
DB_STMT(map_categories,
        "SELECT slug AS \"Slug\", CASE WHEN $1::text = 'en' THEN name_en ELSE name END AS \"Name\""
        "  FROM categories ORDER BY sort, id");

/* $1 lat, $2 lng, $3 radius (m), $4 category slug or NULL: sites within the radius, nearest
 * first (with an open class in the category), with their open classes and how many there are in
 * all. The box (a degree of latitude is at least 110.5 km; longitude degrees shrink with
 * cos(lat)) lets the index on (lat, lng) cut the candidates before distance_m runs. */
DB_STMT(
    map_within,
    "WITH b AS (SELECT $1::float8 AS lat, $2::float8 AS lng, $3::float8 AS r,"
    "                  $3::float8 / 110500.0 AS dlat,"
    "                  $3::float8 / (110500.0 * greatest(cos(radians($1::float8)), 0.01))"
    "                    AS dlng)"
    " SELECT n.*, " OPEN_COUNT(
        "$4") " AS \"Offerings\""
              "   FROM (SELECT s.id AS \"Id\", s.name AS \"Name\", s.level AS \"Level\","
              "                s.address AS \"Address\", s.lat AS \"Lat\", s.lng AS \"Lng\","
              "                d.m AS \"Metres\", count(*) OVER () AS \"Total\""
              "           FROM b"
              "           JOIN sites s ON s.lat BETWEEN b.lat - b.dlat AND b.lat + b.dlat"
              "                       AND s.lng BETWEEN b.lng - b.dlng AND b.lng + b.dlng"
              "          CROSS JOIN LATERAL (SELECT distance_m(b.lat, b.lng, s.lat, s.lng) AS m) d"
              "          WHERE d.m <= b.r AND " HAS_OPEN(
                  "$4") "          ORDER BY d.m, s.id LIMIT " SQL_NUM(MAP_MAX_SITES) ") n"
                                                                                     "  ORDER BY "
                                                                                     "n.\"Metres\","
                                                                                     " n.\"Id\"");

/* $1 site ids as an array literal, $2 category slug or NULL: up to 3 courses with open classes
 * at each site, the soonest-starting first. */
DB_STMT(map_site_courses,
        "SELECT site_id AS \"SiteId\", course_id AS \"Id\", title AS \"Title\""
        "  FROM (SELECT o.site_id, c.id AS course_id, c.title,"
        "               row_number() OVER (PARTITION BY o.site_id"
        "                                  ORDER BY min(o.starts_on), c.id) AS rn"
        "          FROM offerings o"
        "          JOIN courses c ON c.id = o.course_id JOIN agencies a ON a.id = c.agency_id"
        "          JOIN categories k ON k.id = c.category_id"
        "         WHERE o.site_id = ANY ($1::int[]) AND " OPEN_OFFERING
        "           AND ($2::text IS NULL OR k.slug = $2::text)"
        "         GROUP BY o.site_id, c.id, c.title) x"
        " WHERE rn <= " SQL_NUM(COURSES_PER_SITE) " ORDER BY site_id, rn");

/* The radius choices the form offers; WALK_10_MIN_M is the ten-minute learning circle. */
static const int map_radii[] = {WALK_10_MIN_M, 1500, 3000, 5000, 10000};

/* P.Sites from r, each with its level name and up to 3 course links. False on a database error. */
static bool set_map_sites(struct req *rq, HDF *h, const PGresult *r, const char *cat)
{
        struct arena *a = rq->arena;
        int n = set_site_rows(rq, h, "P.Sites", r);
        if (n == 0)
                return true;
        int c_id = db_col(r, "Id"), c_level = db_col(r, "Level");
        size_t cap = (size_t)n * 12 + 3, len = 0;
        char *ids = arena_alloc(a, cap);
        ids[len++] = '{';
        for (int i = 0; i < n; i++) {
                len += (size_t)snprintf(ids + len, cap - len, "%s%s", i ? "," : "",
                                        db_val(r, i, c_id));
                hset(h, view_str(rq->lang, arena_printf(a, "level.%s", db_val(r, i, c_level))),
                     "P.Sites.%d.LevelName", i);
        }
        snprintf(ids + len, cap - len, "}");
        PGresult *courses = db_exec(cm_db_read, &map_site_courses, DB_PARAMS(ids, cat));
        if (!courses)
                return false;
        /* r is in distance order, the courses in site-id order: match them by id */
        int nc = PQntuples(courses);
        for (int i = 0; i < n; i++) {
                const char *sid = db_val(r, i, c_id);
                int k = 0;
                for (int j = 0; j < nc; j++) {
                        if (strcmp(db_val(courses, j, 0), sid) != 0)
                                continue;
                        hset(h, db_val(courses, j, 2), "P.Sites.%d.Courses.%d.Title", i, k);
                        hset(h, arena_printf(a, "/courses/%s", db_val(courses, j, 1)),
                             "P.Sites.%d.Courses.%d.Href", i, k++);
                }
        }
        return true;
}

void page_map(struct req *rq, struct resp *rs)
{
        HDF *h = rs->hdf;
        struct arena *a = rq->arena;
        const char *lang = lang_codes[rq->lang];
        const char *cat = req_param(rq, "cat"), *district = req_param(rq, "district");
        const char *lat = req_param(rq, "lat"), *lng = req_param(rq, "lng");

        PGresult *districts = db_exec(cm_db_read, &map_districts, DB_PARAMS(lang));
        PGresult *cats = districts ? db_exec(cm_db_read, &map_categories, DB_PARAMS(lang)) : NULL;
        if (!cats) {
                app_db_error(rq, rs);
                return;
        }

        /* The point: a district's centre, else the given lat and lng, else the city centre. */
        const char *centre = "city";
        const char *district_name = NULL;
        hset_rows(h, "P.Districts", districts);
        for (int i = 0; i < PQntuples(districts); i++) {
                if (district && strcmp(district, db_val(districts, i, 0)) == 0) {
                        district_name = db_val(districts, i, 1);
                        lat = db_val(districts, i, 2);
                        lng = db_val(districts, i, 3);
                        hset_int(h, 1, "P.Districts.%d.Selected", i);
                }
        }
        if (district && !district_name) {
                app_error(rq, rs, 400, "bad_param", view_str(rq->lang, "param.district"));
                return;
        }
        if (district_name) {
                centre = "district";
                hset(h, district, "P.Map.DistrictId");
                hset(h, district_name, "P.Map.CentreName");
        } else if (lat && lng) {
                centre = "point";
        } else {
                lat = arena_printf(a, "%.6f", CITY_CENTRE_LAT);
                lng = arena_printf(a, "%.6f", CITY_CENTRE_LNG);
        }
        hset(h, centre, "P.Map.Centre");
        hset(h, lat, "P.Map.Lat");
        hset(h, lng, "P.Map.Lng");

        /* The radius: walk=1 is the ten-minute learning circle, the same as radius=800. */
        long long radius =
            req_param(rq, "walk") ? WALK_10_MIN_M : req_param_int(rq, "radius", 3000);
        bool listed = false;
        for (size_t i = 0; i < sizeof map_radii / sizeof map_radii[0]; i++)
                listed |= radius == map_radii[i];
        hset_int(h, radius, "P.Map.Radius");
        hset_int(h, radius == WALK_10_MIN_M, "P.Map.Walk");
        hset_int(h, !listed, "P.Map.RadiusCustom");
        hset(h, fmt_distance(a, rq->lang, (double)radius), "P.Map.RadiusText");

        /* The category: an unknown slug is a bad parameter, not an empty map. */
        int n = hset_rows(h, "P.Categories", cats);
        const char *cat_name = NULL;
        for (int i = 0; cat && i < n; i++) {
                if (strcmp(cat, db_val(cats, i, 0)) == 0) {
                        cat_name = db_val(cats, i, 1);
                        hset_int(h, 1, "P.Categories.%d.Selected", i);
                }
        }
        if (cat && !cat_name) {
                app_error(rq, rs, 400, "bad_param", view_str(rq->lang, "param.cat"));
                return;
        }
        if (cat_name) {
                hset(h, cat, "P.Map.Cat");
                hset(h, cat_name, "P.Map.CatName");
        }

        /* The same search as a ten-minute walk (slugs and numbers need no escaping). */
        const char *where = district_name ? arena_printf(a, "district=%s&", district)
                            : strcmp(centre, "point") == 0
                                ? arena_printf(a, "lat=%s&lng=%s&", lat, lng)
                                : "";
        hset(h,
             arena_printf(a, "/map?%swalk=1%s%s", where, cat_name ? "&cat=" : "",
                          cat_name ? cat : ""),
             "P.Map.WalkHref");

        const char *radius_text = arena_printf(a, "%lld", radius);
        PGresult *r = db_exec(cm_db_read, &map_within, DB_PARAMS(lat, lng, radius_text, cat));
        if (!r) {
                app_db_error(rq, rs);
                return;
        }
        int total = PQntuples(r) ? atoi(db_val(r, 0, db_col(r, "Total"))) : 0;
        if (total == 0) {
                /* Nothing in range: say so, and list the nearest sites anyway. */
                r = db_exec(cm_db_read, &sites_nearest, DB_PARAMS(lat, lng, cat, NULL));
                if (!r) {
                        app_db_error(rq, rs);
                        return;
                }
                hset_int(h, 1, "P.Nearest");
        }
        hset_int(h, total, "P.Total");
        hset_int(h, PQntuples(r), "P.Shown");
        if (!set_map_sites(rq, h, r, cat)) {
                app_db_error(rq, rs);
                return;
        }

        /* The map itself is an extra: only with a tile server, and only when map.js can run. */
        if (cm_config.map_tiles && *cm_config.map_tiles) {
                hset(h, cm_config.map_tiles, "P.Map.Tiles");
                hset(h, cm_config.map_attribution, "P.Map.Attribution");
                hset(h, "vendor/leaflet/leaflet.css", "Page.Styles.0");
                hset(h, "vendor/leaflet/leaflet.js", "Page.Scripts.0");
        }
        hset(h, "js/map.js", "Page.Scripts.1");

        const char *title = view_str(rq->lang, "map.title");
        set_crumbs(rq, h, title, NULL, NULL);
        hset(h, "map", "Page.Nav");
        rs->template = "pages/site/map.cs";
        rs->title = title;
}
