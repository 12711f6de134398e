/* agency_offerings: an agency's offerings (班次) of its courses, in its console.
 * GET,POST /agency/courses/{id}/offerings/new adds one (always a draft: nobody sees it until a
 * reviewer approves the course or the change); GET,POST /agency/offerings/{id} edits one; POST
 * /agency/offerings/{id}/delete deletes a draft. The form holds the name, dates, weekly schedule,
 * site (or online, as the course's mode allows), seats, free public-interest seats, price (yuan,
 * stored as fen), enrollment window, cancellation deadline, eligibility and teachers.
 *
 * A draft offering is written directly. Once the offering is live (docs/listings.md), cosmetic
 * changes (name, schedule, eligibility, capacity up, free seats up) are written at once and
 * recorded as a course version, and material ones (listing_offering_change_is_material) go into
 * offerings.pending, only the keys that differ from the live row. While the course's review is
 * open nothing can be changed (409). Every check is in the agency's own courses, teachers and the
 * learning network's sites: anything else is a 404 (URL) or an error in the form (field), with
 * nothing written. Bad input gets the form back, filled in, with the errors in words. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "agency_console.h"
#include "core/http.h"
#include "core/session.h"
#include "form.h"
#include "listing.h"

#define MAX_TEACHERS 50

/* The material fields, in the order of the columns of offering_load (live at MAT_LIVE + i, the
 * pending value at MAT_PENDING + i, NULL when not pending), and the form field each shows in. */
enum {
        M_PRICE,
        M_STARTS,
        M_ENDS,
        M_OPENS,
        M_CLOSES,
        M_CANCEL,
        M_SITE,
        M_CAPACITY,
        M_FREE,
        M_TEACHERS,
        M_COUNT
};
static const char *const mat_key[M_COUNT] = {
    "price_fen",    "starts_on", "ends_on",  "enroll_opens_at", "enroll_closes_at",
    "cancel_until", "site_id",   "capacity", "free_seats",      "teacher_ids"};
static const char *const mat_field[M_COUNT] = {"price",      "starts_on",    "ends_on", "opens_at",
                                               "closes_at",  "cancel_until", "site",    "capacity",
                                               "free_seats", "teacher"};
#define MAT_LIVE    10
#define MAT_PENDING 20

/* An offering as canonical text: dates YYYY-MM-DD, times HH:MM, timestamps YYYY-MM-DDTHH:MM in
 * Shanghai time, ids and integers in decimal, site "" for online, teachers as sorted ids joined by
 * commas; min_age, region and cancel_until "" when not set. */
struct offering {
        const char *name, *time_from, *time_to, *min_age, *region;
        int weekdays;
        const char *m[M_COUNT];
};

static bool blank(const char *s)
{
        return !s || !*s;
}

/* ---------- parsing the form's text into canonical text ---------- */

static bool all_digits(const char *s, size_t n)
{
        for (size_t i = 0; i < n; i++)
                if (s[i] < '0' || s[i] > '9')
                        return false;
        return n > 0;
}

static const char *parse_date(struct arena *a, const char *s)
{
        static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-' || !all_digits(s, 4) ||
            !all_digits(s + 5, 2) || !all_digits(s + 8, 2))
                return NULL;
        int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
        if (y < 2000 || y > 2100 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
                return NULL;
        if (m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
                return NULL;
        return arena_strndup(a, s, 10);
}

/* HH:MM, or HH:MM:SS with the seconds dropped */
static const char *parse_time(struct arena *a, const char *s)
{
        if (!s || (strlen(s) != 5 && strlen(s) != 8) || s[2] != ':' || !all_digits(s, 2) ||
            !all_digits(s + 3, 2))
                return NULL;
        if (strlen(s) == 8 && (s[5] != ':' || !all_digits(s + 6, 2)))
                return NULL;
        if (atoi(s) > 23 || atoi(s + 3) > 59)
                return NULL;
        return arena_strndup(a, s, 5);
}

/* a datetime-local value: YYYY-MM-DDTHH:MM[:SS] (a space for the T is taken too) */
static const char *parse_datetime(struct arena *a, const char *s)
{
        if (!s || strlen(s) < 16 || (s[10] != 'T' && s[10] != ' '))
                return NULL;
        const char *d = parse_date(a, arena_strndup(a, s, 10));
        const char *t = parse_time(a, s + 11);
        return d && t ? arena_printf(a, "%sT%s", d, t) : NULL;
}

static bool parse_int(const char *s, long long min, long long max, long long *out)
{
        if (!s || !all_digits(s, strlen(s)) || strlen(s) > 9)
                return false;
        *out = atoll(s);
        return *out >= min && *out <= max;
}

/* yuan with at most two decimals, at most 1,000,000 yuan, to fen */
static bool parse_yuan(const char *s, long long *fen)
{
        if (!s)
                return false;
        if (strncmp(s, "¥", strlen("¥")) == 0)
                s += strlen("¥");
        const char *dot = strchr(s, '.');
        size_t whole = dot ? (size_t)(dot - s) : strlen(s);
        if (!all_digits(s, whole) || whole > 7)
                return false;
        long long f = atoll(s) * 100;
        if (dot) {
                size_t dec = strlen(dot + 1);
                if (dec < 1 || dec > 2 || !all_digits(dot + 1, dec))
                        return false;
                f += atoi(dot + 1) * (dec == 1 ? 10 : 1);
        }
        if (f > 100000000)
                return false;
        *fen = f;
        return true;
}

static bool csv_has(const char *csv, const char *id)
{
        size_t n = strlen(id);
        for (const char *p = csv; p && *p;) {
                const char *e = strchrnul(p, ',');
                if ((size_t)(e - p) == n && memcmp(p, id, n) == 0)
                        return true;
                p = *e ? e + 1 : e;
        }
        return false;
}

static int cmp_ll(const void *a, const void *b)
{
        long long x = *(const long long *)a, y = *(const long long *)b;
        return (x > y) - (x < y);
}

/* "每周二、四 09:00–11:00": the words kept in offerings.schedule, always Chinese like the data */
static const char *schedule_text(struct arena *a, int weekdays, const char *from, const char *to)
{
        static const char *const days[] = {"一", "二", "三", "四", "五", "六", "日"};
        const char *s = "每周";
        for (int d = 0; d < 7; d++)
                if (weekdays & (1 << d)) {
                        s = arena_printf(a, "%s%s%s", s, strcmp(s, "每周") ? "、" : "", days[d]);
                }
        return arena_printf(a, "%s %s–%s", s, from, to);
}

static const char *yuan_text(struct arena *a, const char *fen)
{
        long long f = atoll(fen);
        return arena_printf(a, "%lld.%02lld", f / 100, f % 100);
}

/* ---------- the form's choices ---------- */

/* $1 lang: every site of the learning network with its district */
DB_STMT(
    offering_sites,
    "SELECT s.id, s.name, coalesce(CASE WHEN $1::text = 'en' THEN d.name_en ELSE d.name END, '')"
    "  FROM sites s"
    "  LEFT JOIN region_districts rd ON rd.region_id = s.region_id"
    "  LEFT JOIN regions d ON d.id = rd.district_id"
    " ORDER BY d.code NULLS LAST, s.level, s.name");

/* $1 lang: districts and their streets, for the residence requirement */
DB_STMT(offering_regions,
        "SELECT r.id, CASE WHEN $1::text = 'en' THEN r.name_en ELSE r.name END, r.level,"
        "       coalesce(CASE WHEN $1::text = 'en' THEN d.name_en ELSE d.name END, '')"
        "  FROM regions r"
        "  JOIN region_districts rd ON rd.region_id = r.id"
        "  JOIN regions d ON d.id = rd.district_id"
        " WHERE r.level IN ('district', 'street')"
        " ORDER BY d.code, r.level <> 'district', r.code");

/* $1 agency, $2 offering or NULL: the agency's active teachers and those already on it */
DB_STMT(offering_teacher_choices,
        "SELECT t.id, t.name, t.kind, t.active FROM teachers t"
        " WHERE t.agency_id = $1::int AND (t.active OR t.id IN"
        "       (SELECT teacher_id FROM offering_teachers WHERE offering_id = $2::int))"
        " ORDER BY t.name, t.id");

/* $1 course: its mode as it will be (a pending change counts) */
DB_STMT(offering_course_mode,
        "SELECT coalesce(pending ->> 'mode', mode) FROM courses WHERE id = $1::int");

struct choices {
        PGresult *sites, *regions, *teachers;
        const char *mode;
};

static bool load_choices(struct req *rq, const char *agency, const char *course,
                         const char *offering, struct choices *c)
{
        const char *lang = lang_codes[rq->lang];
        c->sites = db_exec(cm_db, &offering_sites, DB_PARAMS(lang));
        c->regions = c->sites ? db_exec(cm_db, &offering_regions, DB_PARAMS(lang)) : NULL;
        c->teachers = c->regions
                          ? db_exec(cm_db, &offering_teacher_choices, DB_PARAMS(agency, offering))
                          : NULL;
        PGresult *m = c->teachers ? db_exec(cm_db, &offering_course_mode, DB_PARAMS(course)) : NULL;
        if (!m || PQntuples(m) == 0)
                return false;
        c->mode = arena_strdup(rq->arena, db_val(m, 0, 0));
        return true;
}

static bool in_result(PGresult *r, const char *id)
{
        for (int i = 0; i < PQntuples(r); i++)
                if (strcmp(db_val(r, i, 0), id) == 0)
                        return true;
        return false;
}

/* Fills the selects and checkboxes, with what is chosen marked. */
static void set_choices(struct req *rq, HDF *h, const struct choices *c, const struct offering *o)
{
        hset(h, c->mode, "P.Mode");
        int g = -1, k = 0;
        const char *last = NULL;
        for (int i = 0; i < PQntuples(c->sites); i++) {
                const char *district = db_val(c->sites, i, 2);
                if (!last || strcmp(last, district) != 0) {
                        g++, k = 0;
                        last = district;
                        hset(h, *district ? district : view_str(rq->lang, "agency_offerings.other"),
                             "P.SiteGroups.%d.Name", g);
                }
                hset(h, db_val(c->sites, i, 0), "P.SiteGroups.%d.Sites.%d.Id", g, k);
                hset(h, db_val(c->sites, i, 1), "P.SiteGroups.%d.Sites.%d.Name", g, k);
                hset_int(h, o->m[M_SITE] && strcmp(o->m[M_SITE], db_val(c->sites, i, 0)) == 0,
                         "P.SiteGroups.%d.Sites.%d.Selected", g, k);
                k++;
        }
        g = -1, k = 0, last = NULL;
        for (int i = 0; i < PQntuples(c->regions); i++) {
                const char *district = db_val(c->regions, i, 3);
                if (!last || strcmp(last, district) != 0) {
                        g++, k = 0;
                        last = district;
                        hset(h, district, "P.RegionGroups.%d.Name", g);
                }
                hset(h, db_val(c->regions, i, 0), "P.RegionGroups.%d.Regions.%d.Id", g, k);
                hset(h, db_val(c->regions, i, 1), "P.RegionGroups.%d.Regions.%d.Name", g, k);
                hset_int(h, strcmp(db_val(c->regions, i, 2), "district") == 0,
                         "P.RegionGroups.%d.Regions.%d.District", g, k);
                hset_int(h, o->region && strcmp(o->region, db_val(c->regions, i, 0)) == 0,
                         "P.RegionGroups.%d.Regions.%d.Selected", g, k);
                k++;
        }
        for (int i = 0; i < PQntuples(c->teachers); i++) {
                hset(h, db_val(c->teachers, i, 0), "P.TeacherChoices.%d.Id", i);
                hset(h, db_val(c->teachers, i, 1), "P.TeacherChoices.%d.Name", i);
                hset(h, db_val(c->teachers, i, 2), "P.TeacherChoices.%d.Kind", i);
                hset_int(h, strcmp(db_val(c->teachers, i, 3), "t") == 0,
                         "P.TeacherChoices.%d.Active", i);
                hset_int(h, csv_has(o->m[M_TEACHERS], db_val(c->teachers, i, 0)),
                         "P.TeacherChoices.%d.Checked", i);
        }
        for (int d = 0; d < 7; d++) {
                char k2[48];
                snprintf(k2, sizeof k2, "agency_offerings.day_%d", d + 1);
                hset_int(h, d + 1, "P.Days.%d.Value", d);
                hset(h, view_str(rq->lang, k2), "P.Days.%d.Label", d);
                hset_int(h, (o->weekdays >> d) & 1, "P.Days.%d.Checked", d);
        }
}

/* The form's text fields as they are shown: from the offering (canonical text). */
static void set_form_from(struct req *rq, HDF *h, const struct offering *o)
{
        hset(h, o->name ? o->name : "", "P.Form.name");
        hset(h, o->m[M_STARTS] ? o->m[M_STARTS] : "", "P.Form.starts_on");
        hset(h, o->m[M_ENDS] ? o->m[M_ENDS] : "", "P.Form.ends_on");
        hset(h, o->time_from ? o->time_from : "", "P.Form.time_from");
        hset(h, o->time_to ? o->time_to : "", "P.Form.time_to");
        hset(h, o->m[M_CAPACITY] ? o->m[M_CAPACITY] : "", "P.Form.capacity");
        hset(h, o->m[M_FREE] ? o->m[M_FREE] : "0", "P.Form.free_seats");
        bool free = o->m[M_PRICE] && atoll(o->m[M_PRICE]) == 0;
        hset_int(h, free, "P.Form.free");
        hset(h, o->m[M_PRICE] && !free ? yuan_text(rq->arena, o->m[M_PRICE]) : "", "P.Form.price");
        hset(h, o->m[M_OPENS] ? o->m[M_OPENS] : "", "P.Form.opens_at");
        hset(h, o->m[M_CLOSES] ? o->m[M_CLOSES] : "", "P.Form.closes_at");
        hset(h, o->m[M_CANCEL] ? o->m[M_CANCEL] : "", "P.Form.cancel_until");
        hset(h, o->min_age ? o->min_age : "", "P.Form.min_age");
        hset(h, o->m[M_SITE] && !*o->m[M_SITE] ? "1" : "0", "P.Form.online");
}

/* ---------- reading and checking the form ---------- */

/* Reads the posted form into o (canonical text), recording every error; the typed text goes back
 * into P.Form so the form is re-shown as it was sent. */
static void read_form(struct req *rq, struct form_errors *fc, const struct choices *c,
                      const char *seats_taken, struct offering *o)
{
        struct arena *a = rq->arena;
        HDF *h = fc->h;
        memset(o, 0, sizeof *o);
        static const char *const text_fields[] = {
            "name",       "starts_on", "ends_on",   "time_from",    "time_to", "capacity", "price",
            "free_seats", "opens_at",  "closes_at", "cancel_until", "min_age", NULL};
        for (const char *const *f = text_fields; *f; f++) {
                const char *v = req_param(rq, *f);
                hset(h, v ? v : "", "P.Form.%s", *f);
        }

        o->name = req_param(rq, "name");
        size_t n = form_chars(o->name);
        if (n < 2 || n > 60)
                form_error(fc, "name", "err_name");

        o->m[M_STARTS] = parse_date(a, req_param(rq, "starts_on"));
        if (!o->m[M_STARTS])
                form_error(fc, "starts_on", "err_date");
        o->m[M_ENDS] = parse_date(a, req_param(rq, "ends_on"));
        if (!o->m[M_ENDS])
                form_error(fc, "ends_on", "err_date");
        else if (o->m[M_STARTS] && strcmp(o->m[M_ENDS], o->m[M_STARTS]) < 0)
                form_error(fc, "ends_on", "err_ends_before");

        for (const struct kv *kv = rq->form; kv; kv = kv->next)
                if (strcmp(kv->name, "weekday") == 0) {
                        long long d;
                        if (parse_int(kv->value, 1, 7, &d))
                                o->weekdays |= 1 << (d - 1);
                        else
                                form_error(fc, "weekdays", "err_weekdays");
                }
        if (!o->weekdays)
                form_error(fc, "weekdays", "err_weekdays");
        o->time_from = parse_time(a, req_param(rq, "time_from"));
        if (!o->time_from)
                form_error(fc, "time_from", "err_time");
        o->time_to = parse_time(a, req_param(rq, "time_to"));
        if (!o->time_to)
                form_error(fc, "time_to", "err_time");
        else if (o->time_from && strcmp(o->time_to, o->time_from) <= 0)
                form_error(fc, "time_to", "err_time_order");

        const char *site = req_param(rq, "site");
        bool online = site && strcmp(site, "online") == 0;
        o->m[M_SITE] = online ? "" : site;
        hset(h, online ? "1" : "0", "P.Form.online");
        if (online && strcmp(c->mode, "offline") == 0)
                form_error(fc, "site", "err_site_needed");
        else if (!online && blank(site))
                form_error(fc, "site",
                           strcmp(c->mode, "online") == 0 ? "err_site_online" : "err_site_needed");
        else if (!online && strcmp(c->mode, "online") == 0)
                form_error(fc, "site", "err_site_online");
        else if (!online && !in_result(c->sites, site))
                form_error(fc, "site", "err_site_unknown");

        long long cap = 0, free_seats = 0, fen = 0;
        if (!parse_int(req_param(rq, "capacity"), 1, 100000, &cap))
                form_error(fc, "capacity", "err_capacity");
        else if (cap < atoll(seats_taken))
                form_error(fc, "capacity", "err_capacity_taken");
        else
                o->m[M_CAPACITY] = arena_printf(a, "%lld", cap);
        const char *fs = req_param(rq, "free_seats");
        if (!blank(fs) && !parse_int(fs, 0, 100000, &free_seats))
                form_error(fc, "free_seats", "err_free_seats");
        else if (cap && free_seats > cap)
                form_error(fc, "free_seats", "err_free_over");
        else
                o->m[M_FREE] = arena_printf(a, "%lld", free_seats);

        bool is_free = req_param(rq, "free") != NULL;
        hset_int(h, is_free, "P.Form.free");
        const char *price = req_param(rq, "price");
        if (is_free)
                o->m[M_PRICE] = "0";
        else if (!parse_yuan(price, &fen))
                form_error(fc, "price", blank(price) ? "err_price_missing" : "err_price");
        else
                o->m[M_PRICE] = arena_printf(a, "%lld", fen);

        o->m[M_OPENS] = parse_datetime(a, req_param(rq, "opens_at"));
        if (!o->m[M_OPENS])
                form_error(fc, "opens_at", "err_datetime");
        o->m[M_CLOSES] = parse_datetime(a, req_param(rq, "closes_at"));
        if (!o->m[M_CLOSES])
                form_error(fc, "closes_at", "err_datetime");
        else if (o->m[M_OPENS] && strcmp(o->m[M_CLOSES], o->m[M_OPENS]) <= 0)
                form_error(fc, "closes_at", "err_closes_before");
        else if (o->m[M_STARTS] &&
                 strcmp(o->m[M_CLOSES], arena_printf(a, "%sT23:59", o->m[M_STARTS])) > 0)
                form_error(fc, "closes_at", "err_closes_after_start");
        const char *cu = req_param(rq, "cancel_until");
        o->m[M_CANCEL] = blank(cu) ? "" : parse_datetime(a, cu);
        if (!o->m[M_CANCEL])
                form_error(fc, "cancel_until", "err_datetime");
        else if (*o->m[M_CANCEL] && o->m[M_STARTS] &&
                 strcmp(o->m[M_CANCEL], arena_printf(a, "%sT23:59", o->m[M_STARTS])) > 0)
                form_error(fc, "cancel_until", "err_cancel_after_start");

        const char *age = req_param(rq, "min_age");
        long long age_n;
        if (blank(age))
                o->min_age = "";
        else if (parse_int(age, 1, 120, &age_n))
                o->min_age = arena_printf(a, "%lld", age_n);
        else
                form_error(fc, "min_age", "err_min_age");
        const char *region = req_param(rq, "region");
        if (blank(region))
                o->region = "";
        else if (in_result(c->regions, region))
                o->region = region;
        else
                form_error(fc, "region", "err_region");

        long long ids[MAX_TEACHERS] = {0};
        int nids = 0;
        bool bad_teacher = false;
        for (const struct kv *kv = rq->form; kv; kv = kv->next) {
                if (strcmp(kv->name, "teacher") != 0)
                        continue;
                long long id;
                if (!parse_int(kv->value, 1, 2147483647, &id) ||
                    !in_result(c->teachers, kv->value) || nids == MAX_TEACHERS) {
                        bad_teacher = true;
                        continue;
                }
                bool dup = false;
                for (int i = 0; i < nids; i++)
                        dup |= ids[i] == id;
                if (!dup)
                        ids[nids++] = id;
        }
        if (bad_teacher)
                form_error(fc, "teachers", "err_teacher");
        qsort(ids, (size_t)nids, sizeof ids[0], cmp_ll);
        const char *csv = "";
        for (int i = 0; i < nids; i++)
                csv = arena_printf(a, "%s%s%lld", csv, i ? "," : "", ids[i]);
        o->m[M_TEACHERS] = csv;
}

/* ---------- loading an offering ---------- */

#define TS_TEXT(x) "to_char((" x ") AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD\"T\"HH24:MI')"

/* $1 offering, $2 agency: the offering if it is of one of the agency's courses. Columns 0-9 the
 * row, MAT_LIVE.. the live material values, MAT_PENDING.. the pending ones (NULL: not pending). */
DB_STMT(
    offering_load,
    "SELECT o.id, o.course_id, o.status, o.name, coalesce(o.weekdays, 0),"
    "       coalesce(to_char(o.time_from, 'HH24:MI'), ''),"
    "       coalesce(to_char(o.time_to, 'HH24:MI'), ''),"
    "       coalesce(o.min_age::text, ''), coalesce(o.residence_region_id::text, ''),"
    "       o.seats_taken,"
    "       o.price_fen::text, o.starts_on::text, o.ends_on::text,"
    "       " TS_TEXT(
        "o.enroll_opens_at") ","
                             "       " TS_TEXT(
                                 "o.enroll_closes_at") ","
                                                       "       coalesce(" TS_TEXT(
                                                           "o.cancel_until") ", ''),"
                                                                             "       "
                                                                             "coalesce(o.site_id::"
                                                                             "text, ''), "
                                                                             "o.capacity::text, "
                                                                             "o.free_seats::text,"
                                                                             "       "
                                                                             "coalesce((SELECT "
                                                                             "string_agg(teacher_"
                                                                             "id::text, ',' ORDER "
                                                                             "BY teacher_id)"
                                                                             "                   "
                                                                             "FROM "
                                                                             "offering_teachers "
                                                                             "WHERE offering_id = "
                                                                             "o.id), ''),"
                                                                             "       p ->> "
                                                                             "'price_fen',"
                                                                             "       CASE WHEN p ? "
                                                                             "'starts_on' THEN p "
                                                                             "->> 'starts_on' END,"
                                                                             "       CASE WHEN p ? "
                                                                             "'ends_on' THEN p ->> "
                                                                             "'ends_on' END,"
                                                                             "       CASE WHEN p ? "
                                                                             "'enroll_opens_at'"
                                                                             "            "
                                                                             "THEN " TS_TEXT(
                                                                                 "(p "
                                                                                 "->> "
                                                                                 "'enro"
                                                                                 "ll_"
                                                                                 "opens"
                                                                                 "_at')"
                                                                                 "::"
                                                                                 "times"
                                                                                 "tampt"
                                                                                 "z") " END,"
                                                                                      "       CASE "
                                                                                      "WHEN p ? "
                                                                                      "'enroll_"
                                                                                      "closes_at'"
                                                                                      "            "
                                                                                      "THEN"
                                                                                      " " TS_TEXT(
                                                                                          "(p ->> "
                                                                                          "'enroll_"
                                                                                          "closes_"
                                                                                          "at')::"
                                                                                          "timestam"
                                                                                          "ptz") " "
                                                                                                 "E"
                                                                                                 "N"
                                                                                                 "D"
                                                                                                 ","
                                                                                                 " "
                                                                                                 " "
                                                                                                 " "
                                                                                                 " "
                                                                                                 " "
                                                                                                 " "
                                                                                                 " "
                                                                                                 "C"
                                                                                                 "A"
                                                                                                 "S"
                                                                                                 "E"
                                                                                                 " "
                                                                                                 "W"
                                                                                                 "H"
                                                                                                 "E"
                                                                                                 "N"
                                                                                                 " "
                                                                                                 "p"
                                                                                                 " "
                                                                                                 "?"
                                                                                                 " "
                                                                                                 "'"
                                                                                                 "c"
                                                                                                 "a"
                                                                                                 "n"
                                                                                                 "c"
                                                                                                 "e"
                                                                                                 "l"
                                                                                                 "_"
                                                                                                 "u"
                                                                                                 "n"
                                                                                                 "t"
                                                                                                 "i"
                                                                                                 "l"
                                                                                                 "'"
                                                                                                 " "
                                                                                                 " "
                                                                                                 " "
                                                                                                 " "
                                                                                                 " "
                                                                                                 " "
                                                                                                 " "
                                                                                                 " "
                                                                                                 " "
                                                                                                 " "
                                                                                                 " "
                                                                                                 " "
                                                                                                 "T"
                                                                                                 "H"
                                                                                                 "E"
                                                                                                 "N"
                                                                                                 " "
                                                                                                 "c"
                                                                                                 "o"
                                                                                                 "a"
                                                                                                 "l"
                                                                                                 "e"
                                                                                                 "s"
                                                                                                 "c"
                                                                                                 "e"
                                                                                                 "(" TS_TEXT(
                                                                                                     "(p ->> 'cancel_until')::timestamptz") ", '') END,"
                                                                                                                                            "       CASE WHEN p ? 'site_id' THEN coalesce(p ->> 'site_id', '') END,"
                                                                                                                                            "       p ->> 'capacity', p ->> 'free_seats',"
                                                                                                                                            "       CASE WHEN p ? 'teacher_ids' THEN coalesce((SELECT string_agg(x, ',' ORDER BY x::int)"
                                                                                                                                            "             FROM jsonb_array_elements_text(p -> 'teacher_ids') x), '') END"
                                                                                                                                            "  FROM offerings o JOIN courses c ON c.id = o.course_id,"
                                                                                                                                            "       LATERAL (SELECT coalesce(o.pending, '{}'::jsonb) AS p) pp"
                                                                                                                                            " WHERE o.id = $1::int AND c.agency_id = $2::int");

struct loaded {
        const char *id, *course_id, *status, *seats_taken;
        struct offering live, shown; /* shown: with the pending values laid over */
        bool pending[M_COUNT];
};

static enum listing_found load_offering(struct req *rq, const char *id, const char *agency,
                                        struct loaded *l)
{
        PGresult *r = db_exec(cm_db, &offering_load, DB_PARAMS(id, agency));
        if (!r)
                return LISTING_DB_ERROR;
        if (PQntuples(r) == 0)
                return LISTING_NOT_FOUND;
        struct arena *a = rq->arena;
        memset(l, 0, sizeof *l);
        l->id = arena_strdup(a, db_val(r, 0, 0));
        l->course_id = arena_strdup(a, db_val(r, 0, 1));
        l->status = arena_strdup(a, db_val(r, 0, 2));
        l->live.name = arena_strdup(a, db_val(r, 0, 3));
        l->live.weekdays = atoi(db_val(r, 0, 4));
        l->live.time_from = arena_strdup(a, db_val(r, 0, 5));
        l->live.time_to = arena_strdup(a, db_val(r, 0, 6));
        l->live.min_age = arena_strdup(a, db_val(r, 0, 7));
        l->live.region = arena_strdup(a, db_val(r, 0, 8));
        l->seats_taken = arena_strdup(a, db_val(r, 0, 9));
        l->shown = l->live;
        for (int i = 0; i < M_COUNT; i++) {
                l->live.m[i] = arena_strdup(a, db_val(r, 0, MAT_LIVE + i));
                l->pending[i] = !PQgetisnull(r, 0, MAT_PENDING + i);
                l->shown.m[i] =
                    l->pending[i] ? arena_strdup(a, db_val(r, 0, MAT_PENDING + i)) : l->live.m[i];
        }
        return LISTING_FOUND;
}

/* ---------- showing the form ---------- */

static void show_form(struct req *rq, struct resp *rs, int status, const struct listing_course *c,
                      const struct loaded *l)
{
        HDF *h = rs->hdf;
        hset(h, c->id, "P.Course.Id");
        hset(h, c->title, "P.Course.Title");
        hset_int(h, c->live, "P.Course.Live");
        hset_int(h, c->review_open, "P.Locked");
        if (l) {
                hset(h, l->id, "P.Id");
                hset(h, l->status, "P.Status");
                hset(h, l->seats_taken, "P.SeatsTaken");
                for (int i = 0; i < M_COUNT; i++)
                        if (l->pending[i])
                                hset(h, "1", "P.Pending.%s", mat_field[i]);
        }
        rs->title =
            view_str(rq->lang, l ? "agency_offerings.edit_title" : "agency_offerings.new_title");
        rs->status = status;
        rs->no_store = true;
        rs->template = "pages/agency/offering_form.cs";
}

/* Labels for a comma-separated list of field names, after a save. */
static void set_field_labels(struct req *rq, HDF *h, const char *list, const char *prefix)
{
        static const char *const known[] = {"name",     "schedule",   "min_age",   "region",
                                            "capacity", "free_seats", "price",     "starts_on",
                                            "ends_on",  "opens_at",   "closes_at", "cancel_until",
                                            "site",     "teacher",    NULL};
        int n = 0;
        for (const char *const *k = known; *k; k++)
                if (csv_has(list, *k)) {
                        char key[64];
                        snprintf(key, sizeof key, "agency_offerings.f_%s", *k);
                        hset(h, view_str(rq->lang, key), "%s.%d", prefix, n++);
                }
}

/* ---------- writing ---------- */

/* $1 course, $2 site, $3 name, $4 starts, $5 ends, $6 schedule, $7 capacity, $8 price, $9 opens,
 * $10 closes, $11 weekdays, $12 from, $13 to, $14 free seats, $15 cancel until, $16 min age,
 * $17 region. Timestamps are Shanghai wall-clock time. */
DB_STMT(offering_insert,
        "INSERT INTO offerings (course_id, site_id, name, starts_on, ends_on, schedule, capacity,"
        "                       price_fen, enroll_opens_at, enroll_closes_at, status, weekdays,"
        "                       time_from, time_to, free_seats, cancel_until, min_age,"
        "                       residence_region_id)"
        " VALUES ($1::int, $2::int, $3, $4::date, $5::date, $6, $7::int, $8::bigint,"
        "         $9::timestamp AT TIME ZONE 'Asia/Shanghai',"
        "         $10::timestamp AT TIME ZONE 'Asia/Shanghai', 'draft', $11::smallint, $12::time,"
        "         $13::time, $14::int, $15::timestamp AT TIME ZONE 'Asia/Shanghai', $16::smallint,"
        "         $17::int)"
        " RETURNING id");

/* the same as offering_insert for a draft, $1 the offering */
DB_STMT(offering_update_draft,
        "UPDATE offerings SET site_id = $2::int, name = $3, starts_on = $4::date,"
        "       ends_on = $5::date, schedule = $6, capacity = $7::int, price_fen = $8::bigint,"
        "       enroll_opens_at = $9::timestamp AT TIME ZONE 'Asia/Shanghai',"
        "       enroll_closes_at = $10::timestamp AT TIME ZONE 'Asia/Shanghai',"
        "       weekdays = $11::smallint, time_from = $12::time, time_to = $13::time,"
        "       free_seats = $14::int, cancel_until = $15::timestamp AT TIME ZONE 'Asia/Shanghai',"
        "       min_age = $16::smallint, residence_region_id = $17::int, updated_at = now()"
        " WHERE id = $1::int AND status = 'draft'");

/* $1 offering, $2 name, $3 weekdays, $4 from, $5 to, $6 schedule, $7 min age, $8 region,
 * $9 capacity, $10 free seats, $11 pending (jsonb or NULL) */
DB_STMT(offering_update_live,
        "UPDATE offerings SET name = $2, weekdays = $3::smallint, time_from = $4::time,"
        "       time_to = $5::time, schedule = $6, min_age = $7::smallint,"
        "       residence_region_id = $8::int, capacity = $9::int, free_seats = $10::int,"
        "       pending = $11::jsonb, updated_at = now()"
        " WHERE id = $1::int AND status <> 'draft'");

DB_STMT(offering_teachers_clear, "DELETE FROM offering_teachers WHERE offering_id = $1::int");

/* $1 offering, $2 teacher ids joined by commas, $3 agency */
DB_STMT(offering_teachers_set,
        "INSERT INTO offering_teachers (offering_id, teacher_id, agency_id)"
        " SELECT $1::int, t.id, t.agency_id FROM teachers t"
        "  WHERE t.id = ANY (string_to_array($2, ',')::int[]) AND t.agency_id = $3::int");

/* $1 course, $2 user */
DB_STMT(offering_version, "SELECT listing_record_version($1::int, 'cosmetic', NULL, $2::bigint)");

static const char *nul(const char *s)
{
        return blank(s) ? NULL : s;
}

static const char *weekdays_text(struct arena *a, int w)
{
        return arena_printf(a, "%d", w);
}

static bool write_draft(struct req *rq, const char *agency, const char *course, const char *id,
                        const struct offering *o, const char **new_id)
{
        struct arena *a = rq->arena;
        const char *schedule = schedule_text(a, o->weekdays, o->time_from, o->time_to);
        const char *wd = weekdays_text(a, o->weekdays);
        PGresult *r;
        if (!id) {
                r = db_exec(cm_db, &offering_insert,
                            DB_PARAMS(course, nul(o->m[M_SITE]), o->name, o->m[M_STARTS],
                                      o->m[M_ENDS], schedule, o->m[M_CAPACITY], o->m[M_PRICE],
                                      o->m[M_OPENS], o->m[M_CLOSES], wd, o->time_from, o->time_to,
                                      o->m[M_FREE], nul(o->m[M_CANCEL]), nul(o->min_age),
                                      nul(o->region)));
                if (!r)
                        return false;
                id = arena_strdup(a, db_val(r, 0, 0));
        } else {
                r = db_exec(cm_db, &offering_update_draft,
                            DB_PARAMS(id, nul(o->m[M_SITE]), o->name, o->m[M_STARTS], o->m[M_ENDS],
                                      schedule, o->m[M_CAPACITY], o->m[M_PRICE], o->m[M_OPENS],
                                      o->m[M_CLOSES], wd, o->time_from, o->time_to, o->m[M_FREE],
                                      nul(o->m[M_CANCEL]), nul(o->min_age), nul(o->region)));
                if (!r || !db_exec(cm_db, &offering_teachers_clear, DB_PARAMS(id)))
                        return false;
        }
        *new_id = id;
        return db_exec(cm_db, &offering_teachers_set, DB_PARAMS(id, o->m[M_TEACHERS], agency)) !=
               NULL;
}

/* A pending value with the JSON type listing_apply reads. */
static json_t *pending_value(struct arena *a, int i, const char *v)
{
        switch (i) {
        case M_PRICE:
        case M_CAPACITY:
        case M_FREE:
                return json_integer(atoll(v));
        case M_SITE:
                return *v ? json_integer(atoll(v)) : json_null();
        case M_OPENS:
        case M_CLOSES:
                return json_string(arena_printf(a, "%s:00+08:00", v));
        case M_CANCEL:
                return *v ? json_string(arena_printf(a, "%s:00+08:00", v)) : json_null();
        case M_TEACHERS: {
                json_t *arr = json_array();
                for (const char *p = v; *p;) {
                        json_array_append_new(arr, json_integer(atoll(p)));
                        const char *e = strchrnul(p, ',');
                        p = *e ? e + 1 : e;
                }
                return arr;
        }
        default:
                return json_string(v);
        }
}

static const char *append(struct arena *a, const char *list, const char *item)
{
        return *list ? arena_printf(a, "%s,%s", list, item) : item;
}

/* Writes the cosmetic changes of a live offering and keeps the material ones aside. *went_live
 * and *held get the form fields of each, comma-separated. */
static bool write_live(struct req *rq, const struct loaded *l, const struct offering *o,
                       const char **went_live, const char **held)
{
        struct arena *a = rq->arena;
        const struct offering *lv = &l->live;
        const char *done = "", *kept = "";
        if (strcmp(lv->name, o->name) != 0)
                done = append(a, done, "name");
        if (lv->weekdays != o->weekdays || strcmp(lv->time_from, o->time_from) != 0 ||
            strcmp(lv->time_to, o->time_to) != 0)
                done = append(a, done, "schedule");
        if (strcmp(lv->min_age, o->min_age) != 0)
                done = append(a, done, "min_age");
        if (strcmp(lv->region, o->region) != 0)
                done = append(a, done, "region");

        json_t *p = json_object();
        const char *cap = lv->m[M_CAPACITY], *free_seats = lv->m[M_FREE];
        for (int i = 0; i < M_COUNT; i++) {
                if (listing_offering_change_is_material(mat_key[i], lv->m[i], o->m[i])) {
                        json_object_set_new(p, mat_key[i], pending_value(a, i, o->m[i]));
                        kept = append(a, kept, mat_field[i]);
                } else if (strcmp(lv->m[i], o->m[i]) != 0) { /* capacity or free seats up */
                        if (i == M_CAPACITY)
                                cap = o->m[i];
                        else
                                free_seats = o->m[i];
                        done = append(a, done, mat_field[i]);
                }
        }
        char *pending = json_object_size(p) ? json_dumps(p, JSON_COMPACT) : NULL;
        json_decref(p);
        const char *pending_text = pending ? arena_strdup(a, pending) : NULL;
        free(pending);

        const char *schedule = schedule_text(a, o->weekdays, o->time_from, o->time_to);
        if (!db_exec(cm_db, &offering_update_live,
                     DB_PARAMS(l->id, o->name, weekdays_text(a, o->weekdays), o->time_from,
                               o->time_to, schedule, nul(o->min_age), nul(o->region), cap,
                               free_seats, pending_text)))
                return false;
        if (*done) {
                char user[24];
                snprintf(user, sizeof user, "%lld", rq->sess->user_id);
                if (!db_exec(cm_db, &offering_version, DB_PARAMS(l->course_id, user)))
                        return false;
        }
        *went_live = done;
        *held = kept;
        return true;
}

/* ---------- GET,POST /agency/courses/{id}/offerings/new ---------- */

static void locked(struct req *rq, struct resp *rs)
{
        app_error(rq, rs, 409, "offering_locked", NULL);
}

/* true when found; else answers (404, or 503 on a database error) and, when in_tx, rolls the
 * transaction back. */
static bool found_or_answer(struct req *rq, struct resp *rs, enum listing_found f, bool in_tx)
{
        if (f == LISTING_DB_ERROR)
                app_db_error(rq, rs);
        else if (f == LISTING_NOT_FOUND)
                app_error(rq, rs, 404, NULL, NULL);
        if (f != LISTING_FOUND && in_tx)
                db_rollback(cm_db);
        return f == LISTING_FOUND;
}

/* Rolls the transaction back when in_tx and answers with the database error page. */
static void fail(struct req *rq, struct resp *rs, bool in_tx)
{
        if (in_tx)
                db_rollback(cm_db);
        app_db_error(rq, rs);
}

void page_agency_offering_new(struct req *rq, struct resp *rs)
{
        const char *agency = agency_of_member(rq, rs);
        if (!agency)
                return;
        const char *cid = req_param(rq, "id");
        bool post = rq->method == HTTP_POST;
        struct listing_course c;
        if (post && !db_begin(cm_db)) {
                app_db_error(rq, rs);
                return;
        }
        if (!found_or_answer(rq, rs, listing_course_of_agency(rq, cid, agency, post, &c), post))
                return;
        struct choices ch;
        if (!load_choices(rq, agency, cid, NULL, &ch)) {
                fail(rq, rs, post);
                return;
        }
        if (!post) {
                struct offering o = {
                    .m[M_CAPACITY] = "30", .m[M_FREE] = "0", .min_age = "", .m[M_TEACHERS] = ""};
                if (strcmp(ch.mode, "online") == 0)
                        o.m[M_SITE] = "";
                set_form_from(rq, rs->hdf, &o);
                set_choices(rq, rs->hdf, &ch, &o);
                show_form(rq, rs, c.review_open ? 409 : 200, &c, NULL);
                return;
        }
        if (c.review_open) {
                db_rollback(cm_db);
                locked(rq, rs);
                return;
        }
        struct form_errors fc = {.h = rs->hdf, .lang = rq->lang, .family = "agency_offerings"};
        struct offering o;
        read_form(rq, &fc, &ch, "0", &o);
        set_choices(rq, rs->hdf, &ch, &o);
        if (fc.count) {
                db_rollback(cm_db);
                show_form(rq, rs, 400, &c, NULL);
                return;
        }
        const char *id;
        if (!write_draft(rq, agency, cid, NULL, &o, &id) || !db_commit(cm_db)) {
                fail(rq, rs, true);
                return;
        }
        resp_redirect(rs, 303, arena_printf(rq->arena, "/agency/offerings/%s?done=created", id));
}

/* ---------- GET,POST /agency/offerings/{id} ---------- */

/* $1 offering, $2 agency: its course, if the offering is the agency's */
DB_STMT(offering_course_of,
        "SELECT o.course_id FROM offerings o JOIN courses c ON c.id = o.course_id"
        " WHERE o.id = $1::int AND c.agency_id = $2::int");

/* Finds the offering's course (ownership checked) and loads it, locked when lock. */
static enum listing_found course_of_offering(struct req *rq, const char *id, const char *agency,
                                             bool lock, struct listing_course *c)
{
        PGresult *r = db_exec(cm_db, &offering_course_of, DB_PARAMS(id, agency));
        if (!r)
                return LISTING_DB_ERROR;
        if (PQntuples(r) == 0)
                return LISTING_NOT_FOUND;
        return listing_course_of_agency(rq, db_val(r, 0, 0), agency, lock, c);
}

void page_agency_offering(struct req *rq, struct resp *rs)
{
        const char *agency = agency_of_member(rq, rs);
        if (!agency)
                return;
        const char *id = req_param(rq, "id");
        bool post = rq->method == HTTP_POST;
        struct listing_course c;
        struct loaded l;
        if (post && !db_begin(cm_db)) {
                app_db_error(rq, rs);
                return;
        }
        enum listing_found f = course_of_offering(rq, id, agency, post, &c);
        if (f == LISTING_FOUND)
                f = load_offering(rq, id, agency, &l);
        if (!found_or_answer(rq, rs, f, post))
                return;
        struct choices ch;
        if (!load_choices(rq, agency, c.id, id, &ch)) {
                fail(rq, rs, post);
                return;
        }
        HDF *h = rs->hdf;
        if (!post) {
                const char *done = req_param(rq, "done");
                if (done) {
                        hset(h, done, "P.Done");
                        const char *live = req_param(rq, "live"), *held = req_param(rq, "held");
                        if (live)
                                set_field_labels(rq, h, live, "P.WentLive");
                        if (held)
                                set_field_labels(rq, h, held, "P.Held");
                }
                set_form_from(rq, h, &l.shown);
                set_choices(rq, h, &ch, &l.shown);
                show_form(rq, rs, 200, &c, &l);
                return;
        }
        if (c.review_open) {
                db_rollback(cm_db);
                locked(rq, rs);
                return;
        }
        struct form_errors fc = {.h = h, .lang = rq->lang, .family = "agency_offerings"};
        struct offering o;
        read_form(rq, &fc, &ch, l.seats_taken, &o);
        set_choices(rq, h, &ch, &o);
        if (fc.count) {
                db_rollback(cm_db);
                show_form(rq, rs, 400, &c, &l);
                return;
        }
        bool draft = strcmp(l.status, "draft") == 0;
        const char *went_live = "", *held = "", *same_id;
        bool ok = draft ? write_draft(rq, agency, c.id, id, &o, &same_id)
                        : write_live(rq, &l, &o, &went_live, &held);
        if (!ok || !db_commit(cm_db)) {
                fail(rq, rs, true);
                return;
        }
        resp_redirect(rs, 303,
                      arena_printf(rq->arena, "/agency/offerings/%s?done=saved%s%s%s%s", id,
                                   *went_live ? "&live=" : "", went_live, *held ? "&held=" : "",
                                   held));
}

/* ---------- POST /agency/offerings/{id}/delete ---------- */

/* $1 offering: only a draft */
DB_STMT(offering_delete, "DELETE FROM offerings WHERE id = $1::int AND status = 'draft'"
                         " RETURNING id");

void page_agency_offering_delete(struct req *rq, struct resp *rs)
{
        const char *agency = agency_of_member(rq, rs);
        if (!agency)
                return;
        const char *id = req_param(rq, "id");
        struct listing_course c;
        if (!db_begin(cm_db)) {
                app_db_error(rq, rs);
                return;
        }
        if (!found_or_answer(rq, rs, course_of_offering(rq, id, agency, true, &c), true))
                return;
        if (c.review_open) {
                db_rollback(cm_db);
                locked(rq, rs);
                return;
        }
        PGresult *r = db_exec(cm_db, &offering_delete, DB_PARAMS(id));
        if (!r) {
                fail(rq, rs, true);
                return;
        }
        if (PQntuples(r) == 0) {
                db_rollback(cm_db);
                app_error(rq, rs, 409, "offering_live", NULL);
                return;
        }
        if (!db_commit(cm_db)) {
                fail(rq, rs, true);
                return;
        }
        resp_redirect(rs, 303,
                      arena_printf(rq->arena, "/agency/courses/%s?done=offering_deleted", c.id));
}
