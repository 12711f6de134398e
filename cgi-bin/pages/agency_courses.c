/* agency_courses: an agency's courses in its console (docs/listings.md). GET /agency/courses lists
 * them with where each stands; GET,POST /agency/courses/new writes a draft; GET
 * /agency/courses/{id} is the overview (fields as they will be, pending values marked, offerings,
 * reviews with their verdicts, versions); GET,POST /agency/courses/{id}/edit edits the fields
 * (before the first listing directly; once live, cosmetic fields at once with a version, material
 * ones into courses.pending); and the POSTs submit, withdraw, unlist, relist and discard move the
 * course through the workflow. Every handler loads the course with listing_course_of_agency(), so
 * another agency's course is a plain 404. Each write is one transaction with its audit row. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "agency_console.h"
#include "core/audit.h"
#include "core/buf.h"
#include "core/http.h"
#include "core/markdown.h"
#include "core/session.h"
#include "form.h"
#include "cover.h"
#include "listing.h"

#define HOURS_MAX 1000

/* ---------- the form ---------- */

struct course_form {
        const char *title, *summary, *description, *category, *audience, *mode, *credits, *hours,
            *outcomes;
};

static const char *str(const char *s)
{
        return s ? s : "";
}

static const char *user_id(struct req *rq)
{
        return arena_printf(rq->arena, "%lld", rq->sess->user_id);
}

static const char *const audiences[] = {"all",      "seniors",    "migrant_workers",
                                        "youth",    "parents",    "farmers",
                                        "disabled", "jobseekers", NULL};
static const char *const modes[] = {"online", "offline", "blended", NULL};

static bool one_of(const char *v, const char *const *choices)
{
        for (; v && *choices; choices++)
                if (strcmp(v, *choices) == 0)
                        return true;
        return false;
}

/* $1 lang */
DB_STMT(agency_course_categories, "SELECT id, CASE WHEN $1::text = 'en' THEN name_en ELSE name END"
                                  "  FROM categories ORDER BY sort, id");

static bool set_choices(struct req *rq, HDF *h, const struct course_form *f, bool *cat_found)
{
        PGresult *r = db_exec(cm_db, &agency_course_categories, DB_PARAMS(lang_codes[rq->lang]));
        if (!r)
                return false;
        *cat_found = false;
        for (int i = 0; i < PQntuples(r); i++) {
                bool sel = f->category && strcmp(f->category, db_val(r, i, 0)) == 0;
                *cat_found |= sel;
                hset(h, db_val(r, i, 0), "P.Categories.%d.Id", i);
                hset(h, db_val(r, i, 1), "P.Categories.%d.Name", i);
                hset_int(h, sel, "P.Categories.%d.Selected", i);
        }
        for (int i = 0; audiences[i]; i++) {
                hset(h, audiences[i], "P.Audiences.%d.Value", i);
                hset_int(h, f->audience && strcmp(f->audience, audiences[i]) == 0,
                         "P.Audiences.%d.Selected", i);
        }
        for (int i = 0; modes[i]; i++) {
                hset(h, modes[i], "P.Modes.%d.Value", i);
                hset_int(h, f->mode && strcmp(f->mode, modes[i]) == 0, "P.Modes.%d.Selected", i);
        }
        return true;
}

static void set_form(HDF *h, const struct course_form *f)
{
        hset(h, str(f->title), "P.Form.title");
        hset(h, str(f->summary), "P.Form.summary");
        hset(h, str(f->description), "P.Form.description");
        hset(h, str(f->credits), "P.Form.credits");
        hset(h, str(f->hours), "P.Form.hours");
        hset(h, str(f->outcomes), "P.Form.outcomes");
}

static void read_form(struct req *rq, struct course_form *f)
{
        f->title = req_param(rq, "title");
        f->summary = req_param(rq, "summary");
        f->description = req_param(rq, "description");
        f->category = req_param(rq, "category");
        f->audience = req_param(rq, "audience");
        f->mode = req_param(rq, "mode");
        f->credits = req_param(rq, "credits");
        f->hours = req_param(rq, "hours");
        f->outcomes = req_param(rq, "outcomes");
}

/* "2", "2.5", "02.50" → "2.0", "2.5"; NULL when not a number 0–99.9 with at most one decimal. */
static const char *credits_canonical(struct arena *a, const char *s)
{
        if (!s)
                return NULL;
        const char *p = s;
        int whole = 0, digits = 0;
        while (*p >= '0' && *p <= '9' && digits < 3) {
                whole = whole * 10 + (*p++ - '0');
                digits++;
        }
        if (digits == 0 || whole > 99)
                return NULL;
        int tenth = 0;
        if (*p == '.') {
                p++;
                if (*p < '0' || *p > '9')
                        return NULL;
                tenth = *p++ - '0';
                while (*p == '0') /* 2.50 */
                        p++;
        }
        if (*p)
                return NULL;
        return arena_printf(a, "%d.%d", whole, tenth);
}

static const char *hours_canonical(struct arena *a, const char *s)
{
        if (!s || !*s || strlen(s) > 4)
                return NULL;
        for (const char *p = s; *p; p++)
                if (*p < '0' || *p > '9')
                        return NULL;
        int n = atoi(s);
        return n <= HOURS_MAX ? arena_printf(a, "%d", n) : NULL;
}

/* Checks the fields; normalizes credits and hours in place. false only on a database error. */
static bool check_form(struct req *rq, struct form_errors *fc, struct course_form *f)
{
        size_t n = form_chars(f->title);
        if (n < 2 || n > 80)
                form_error(fc, "title", "err_title");
        n = form_chars(f->summary);
        if (n < 2 || n > 300)
                form_error(fc, "summary", "err_summary");
        if (f->description) {
                switch (md_check(f->description, strlen(f->description))) {
                case MD_OK:
                        break;
                case MD_TOO_LONG:
                        form_error(fc, "description", "err_description_long");
                        break;
                case MD_BAD_UTF8:
                        form_error(fc, "description", "err_description_text");
                        break;
                case MD_TOO_DEEP:
                        form_error(fc, "description", "err_description_deep");
                        break;
                }
        }
        bool cat_found;
        if (!set_choices(rq, fc->h, f, &cat_found))
                return false;
        if (!cat_found)
                form_error(fc, "category", "err_category");
        if (!one_of(f->audience, audiences))
                form_error(fc, "audience", "err_audience");
        if (!one_of(f->mode, modes))
                form_error(fc, "mode", "err_mode");
        const char *c = credits_canonical(rq->arena, f->credits);
        if (c)
                f->credits = c;
        else
                form_error(fc, "credits", "err_credits");
        const char *h = hours_canonical(rq->arena, f->hours);
        if (h)
                f->hours = h;
        else
                form_error(fc, "hours", "err_hours");
        if (form_chars(f->outcomes) > 2000)
                form_error(fc, "outcomes", "err_outcomes");
        return true;
}

/* The description rendered for the preview or the overview, under a key ending in .Html. */
static void set_markdown(HDF *h, const char *text, const char *key)
{
        struct buf b;
        buf_init(&b);
        if (text && md_render(text, strlen(text), &b) == 0)
                hset(h, buf_cstr(&b), "%s", key);
        buf_free(&b);
}

static void show_form(struct req *rq, struct resp *rs, int status, const char *mode,
                      const char *course_id)
{
        HDF *h = rs->hdf;
        rs->title = view_str(rq->lang, strcmp(mode, "edit") == 0 ? "agency_courses.edit_title"
                                                                 : "agency_courses.new_title");
        hset(h, mode, "P.Mode");
        if (course_id)
                hset(h, course_id, "P.CourseId");
        hset(h, COVER_FIELD, "P.CoverField");
        rs->status = status;
        rs->no_store = true;
        rs->template = "pages/agency/course_form.cs";
}

/* The file input's refusal, by img_status code or "storage". */
static void cover_error(struct form_errors *fc, const char *code)
{
        char k[64];
        snprintf(k, sizeof k, "err_cover_%s", code);
        form_error(fc, COVER_FIELD, k);
}

/* ---------- GET /agency/courses ---------- */

/* $1 agency */
DB_STMT(
    agency_course_list,
    "SELECT c.id AS \"Id\", c.title AS \"Title\", c.status AS \"Status\", s.stage AS \"Stage\","
    "       CASE WHEN s.stage IN ('rejected', 'listed_rejected') THEN coalesce(s.review_reasons,"
    "            '') ELSE '' END AS \"Reasons\","
    "       to_char(c.updated_at, 'YYYY-MM-DD HH24:MI') AS \"UpdatedAt\","
    "       (SELECT count(*) FROM offerings o WHERE o.course_id = c.id"
    "           AND o.status <> 'cancelled') AS \"Offerings\""
    "  FROM courses c JOIN course_listing_state s ON s.course_id = c.id"
    " WHERE c.agency_id = $1::int ORDER BY c.id DESC");

static const char *stage_text(enum lang lang, const char *stage, const char *suffix)
{
        char k[96];
        snprintf(k, sizeof k, "agency_courses.stage_%s%s", stage, suffix);
        return view_str(lang, k);
}

void page_agency_courses(struct req *rq, struct resp *rs)
{
        const char *agency = agency_of_member(rq, rs);
        if (!agency)
                return;
        PGresult *r = db_exec(cm_db, &agency_course_list, DB_PARAMS(agency));
        if (!r) {
                app_db_error(rq, rs);
                return;
        }
        hset_rows(rs->hdf, "P.Courses", r);
        for (int i = 0; i < PQntuples(r); i++)
                hset(rs->hdf, stage_text(rq->lang, db_val(r, i, 3), ""), "P.Courses.%d.StageText",
                     i);
        rs->status = 200;
        rs->no_store = true;
        rs->title = view_str(rq->lang, "agency_courses.list_title");
        rs->template = "pages/agency/courses.cs";
}

/* ---------- GET,POST /agency/courses/new ---------- */

/* $1 agency, $2 category, $3 title, $4 summary, $5 description, $6 audience, $7 mode,
 * $8 credits, $9 hours, $10 outcomes, $11 cover or NULL */
DB_STMT(agency_course_insert,
        "INSERT INTO courses (agency_id, category_id, title, summary, description, audience, mode,"
        "                     credits, hours, outcomes, cover, status)"
        " VALUES ($1::int, $2::int, $3, $4, $5, $6, $7, $8::numeric, $9::smallint, $10, $11,"
        "         'draft') RETURNING id");

void page_agency_course_new(struct req *rq, struct resp *rs)
{
        HDF *h = rs->hdf;
        const char *agency = agency_of_member(rq, rs);
        if (!agency)
                return;
        struct course_form f;
        read_form(rq, &f);
        if (rq->method != HTTP_POST) {
                f = (struct course_form){
                    .audience = "all", .mode = "offline", .credits = "0.0", .hours = "0"};
                bool found;
                if (!set_choices(rq, h, &f, &found)) {
                        app_db_error(rq, rs);
                        return;
                }
                set_form(h, &f);
                show_form(rq, rs, 200, "new", NULL);
                return;
        }
        struct form_errors fc = {.h = h, .lang = rq->lang, .family = "agency_courses"};
        if (!check_form(rq, &fc, &f)) {
                app_db_error(rq, rs);
                return;
        }
        set_form(h, &f);
        const struct upload *up = cover_upload(rq);
        char cover[COVER_NAME_LEN + 1] = "";
        if (!fc.count && up) {
                const char *err = cover_store(up, cover);
                if (err)
                        cover_error(&fc, err);
        }
        if (fc.count || req_param(rq, "preview")) {
                if (!fc.count)
                        set_markdown(h, f.description, "P.Preview.Html");
                if (*cover) /* a preview keeps nothing: the file is chosen again on saving */
                        cover_remove(cover);
                show_form(rq, rs, fc.count ? 400 : 200, "new", NULL);
                return;
        }
        PGresult *ins = NULL;
        bool ok = db_begin(cm_db) &&
                  (ins = db_exec(cm_db, &agency_course_insert,
                                 DB_PARAMS(agency, f.category, f.title, f.summary,
                                           str(f.description), f.audience, f.mode, f.credits,
                                           f.hours, str(f.outcomes), *cover ? cover : NULL)));
        const char *id = ins ? arena_strdup(rq->arena, db_val(ins, 0, 0)) : NULL;
        ok = ok && ins &&
             audit_write_json(cm_db, rq, "course.create", "course", atoll(id),
                              json_pack("{s:s, s:b}", "title", f.title, "cover", *cover != '\0'),
                              NULL) &&
             db_commit(cm_db);
        if (!ok) {
                db_rollback(cm_db);
                if (*cover)
                        cover_remove(cover);
                app_db_error(rq, rs);
                return;
        }
        resp_redirect(rs, 303, arena_printf(rq->arena, "/agency/courses/%s?done=created", id));
}

/* ---------- GET /agency/courses/{id} ---------- */

/* $1 course, $2 lang: the fields, live and pending. */
DB_STMT(
    agency_course_get,
    "SELECT c.title AS \"Title\", c.summary AS \"Summary\", c.description AS \"Description\","
    "       c.outcomes AS \"Outcomes\", c.audience AS \"Audience\", c.mode AS \"Mode\","
    "       c.credits::text AS \"Credits\", c.hours::text AS \"Hours\","
    "       c.category_id::text AS \"CategoryId\","
    "       (SELECT CASE WHEN $2::text = 'en' THEN name_en ELSE name END FROM categories"
    "         WHERE id = c.category_id) AS \"Category\","
    "       coalesce(c.cover, '') AS \"Cover\","
    "       coalesce(c.pending ->> 'category_id', '') AS \"PendingCategoryId\","
    "       coalesce((SELECT CASE WHEN $2::text = 'en' THEN name_en ELSE name END"
    "                   FROM categories WHERE id = (c.pending ->> 'category_id')::int), '')"
    "           AS \"PendingCategory\","
    "       coalesce(c.pending ->> 'mode', '') AS \"PendingMode\","
    "       coalesce(((c.pending ->> 'credits')::numeric(4, 1))::text, '') AS \"PendingCredits\","
    "       c.status AS \"Status\", coalesce(c.unlisted_by, '') AS \"UnlistedBy\","
    "       coalesce(c.unlisted_reason, '') AS \"UnlistedReason\","
    "       coalesce(to_char(c.listed_at, 'YYYY-MM-DD HH24:MI'), '') AS \"ListedAt\","
    "       coalesce(to_char(c.unlisted_at, 'YYYY-MM-DD HH24:MI'), '') AS \"UnlistedAt\","
    "       listing_has_changes(c.id)::int AS \"HasChanges\""
    "  FROM courses c WHERE c.id = $1::int");

/* $1 course */
DB_STMT(agency_course_offerings,
        "SELECT o.id AS \"Id\", o.name AS \"Name\", o.starts_on::text AS \"StartsOn\","
        "       o.ends_on::text AS \"EndsOn\", coalesce(s.name, '') AS \"Site\","
        "       o.price_fen AS \"PriceFen\", o.capacity AS \"Capacity\", o.status AS \"Status\","
        "       (o.pending IS NOT NULL)::int AS \"Changed\""
        "  FROM offerings o LEFT JOIN sites s ON s.id = o.site_id"
        " WHERE o.course_id = $1::int ORDER BY o.starts_on, o.id");

/* $1 course */
DB_STMT(agency_course_reviews,
        "SELECT id AS \"Id\", kind AS \"Kind\", state AS \"State\","
        "       to_char(submitted_at, 'YYYY-MM-DD HH24:MI') AS \"SubmittedAt\","
        "       coalesce(to_char(decided_at, 'YYYY-MM-DD HH24:MI'), '') AS \"DecidedAt\","
        "       coalesce(reasons, '') AS \"Reasons\", coalesce(note, '') AS \"Note\""
        "  FROM listing_reviews WHERE course_id = $1::int ORDER BY id DESC");

/* $1 course */
DB_STMT(agency_course_verdicts,
        "SELECT v.review_id, v.item_title, v.verdict, coalesce(v.note, '')"
        "  FROM review_verdicts v JOIN listing_reviews r ON r.id = v.review_id"
        " WHERE r.course_id = $1::int ORDER BY v.review_id DESC, v.item_id");

/* $1 course */
DB_STMT(agency_course_versions,
        "SELECT no AS \"No\", cause AS \"Cause\","
        "       to_char(made_at, 'YYYY-MM-DD HH24:MI') AS \"MadeAt\""
        "  FROM course_versions WHERE course_id = $1::int ORDER BY no DESC");

/* What the agency may do now, by stage and the course's facts. */
struct course_can {
        bool edit, submit, withdraw, unlist, relist, discard;
};

static struct course_can course_can(const struct listing_course *c, bool has_changes,
                                    const char *unlisted_by)
{
        struct course_can can = {0};
        const char *st = c->stage;
        bool agency_unlisted = strcmp(str(unlisted_by), "agency") == 0;
        can.edit = !c->review_open;
        can.withdraw = c->review_open;
        can.submit = !c->review_open &&
                     (strcmp(st, "draft") == 0 || strcmp(st, "rejected") == 0 ||
                      strcmp(st, "listed_changes") == 0 || strcmp(st, "listed_rejected") == 0 ||
                      (strcmp(st, "unlisted") == 0 && (!agency_unlisted || has_changes)));
        can.unlist = strcmp(c->status, "listed") == 0;
        can.relist = strcmp(st, "unlisted") == 0 && agency_unlisted && !has_changes;
        can.discard = c->live && !c->review_open && has_changes;
        return can;
}

/* Field names of a done=saved redirect's live= or held= list, as their labels. */
static void set_field_list(struct req *rq, HDF *h, const char *list, const char *prefix)
{
        static const char *const known[] = {"title",    "summary", "description", "outcomes",
                                            "audience", "hours",   "cover",       "category",
                                            "mode",     "credits", NULL};
        int n = 0;
        for (int i = 0; list && known[i]; i++) {
                size_t len = strlen(known[i]);
                for (const char *p = list; (p = strstr(p, known[i])); p += len) {
                        bool start = p == list || p[-1] == ',';
                        bool end = p[len] == '\0' || p[len] == ',';
                        if (start && end) {
                                char k[64];
                                snprintf(k, sizeof k, "agency_courses.f_%s", known[i]);
                                hset(h, view_str(rq->lang, k), "%s.%d", prefix, n++);
                                break;
                        }
                }
        }
}

/* The overview, with a refusal (an L.agency_courses key, or NULL) and status. A refused
 * submission has put the offerings that lack a site in P.Missing already. */
static void course_show(struct req *rq, struct resp *rs, const char *course_id, const char *agency,
                        int status, const char *refusal)
{
        HDF *h = rs->hdf;
        struct listing_course c;
        enum listing_found found = listing_course_of_agency(rq, course_id, agency, false, &c);
        if (found == LISTING_NOT_FOUND) {
                app_error(rq, rs, 404, NULL, NULL);
                return;
        }
        PGresult *cr = found == LISTING_FOUND ? db_exec(cm_db, &agency_course_get,
                                                        DB_PARAMS(c.id, lang_codes[rq->lang]))
                                              : NULL;
        PGresult *offs = cr ? db_exec(cm_db, &agency_course_offerings, DB_PARAMS(c.id)) : NULL;
        PGresult *revs = offs ? db_exec(cm_db, &agency_course_reviews, DB_PARAMS(c.id)) : NULL;
        PGresult *verd = revs ? db_exec(cm_db, &agency_course_verdicts, DB_PARAMS(c.id)) : NULL;
        PGresult *vers = verd ? db_exec(cm_db, &agency_course_versions, DB_PARAMS(c.id)) : NULL;
        if (!vers || PQntuples(cr) == 0) {
                app_db_error(rq, rs);
                return;
        }
        hset(h, c.id, "P.Course.Id");
        hset_row(h, "P.Course", cr);
        set_markdown(h, db_val(cr, 0, db_col(cr, "Description")), "P.Course.Description.Html");
        hset_paragraphs(h, rq->arena, "P.Course.OutcomeLines",
                        db_val(cr, 0, db_col(cr, "Outcomes")));
        const char *cover = db_val(cr, 0, db_col(cr, "Cover"));
        if (*cover) {
                hset(h, cover_url(rq->arena, cover, true), "P.Course.CoverThumb");
                hset(h, cover_url(rq->arena, cover, false), "P.Course.CoverUrl");
        }
        hset(h, c.stage, "P.Stage");
        hset(h, stage_text(rq->lang, c.stage, ""), "P.StageText");
        hset(h, stage_text(rq->lang, c.stage, "_next"), "P.StageNext");
        bool has_changes = strcmp(db_val(cr, 0, db_col(cr, "HasChanges")), "1") == 0;
        struct course_can can =
            course_can(&c, has_changes, db_val(cr, 0, db_col(cr, "UnlistedBy")));
        hset_int(h, can.edit, "P.Can.Edit");
        hset_int(h, can.submit, "P.Can.Submit");
        hset_int(h, can.withdraw, "P.Can.Withdraw");
        hset_int(h, can.unlist, "P.Can.Unlist");
        hset_int(h, can.relist, "P.Can.Relist");
        hset_int(h, can.discard, "P.Can.Discard");
        hset_int(h, c.live, "P.Live");

        hset_rows(h, "P.Offerings", offs);
        const char *free_word = view_str(rq->lang, "fee.free");
        for (int i = 0; i < PQntuples(offs); i++)
                hset(h,
                     fmt_money(rq->arena, atoll(db_val(offs, i, db_col(offs, "PriceFen"))),
                               free_word),
                     "P.Offerings.%d.Price", i);
        hset_rows(h, "P.Reviews", revs);
        for (int i = 0; i < PQntuples(revs); i++) {
                const char *rid = db_val(revs, i, 0);
                int n = 0;
                for (int j = 0; j < PQntuples(verd); j++) {
                        if (strcmp(db_val(verd, j, 0), rid) != 0)
                                continue;
                        hset(h, db_val(verd, j, 1), "P.Reviews.%d.Verdicts.%d.Item", i, n);
                        hset(h, db_val(verd, j, 2), "P.Reviews.%d.Verdicts.%d.Verdict", i, n);
                        hset(h, db_val(verd, j, 3), "P.Reviews.%d.Verdicts.%d.Note", i, n);
                        n++;
                }
        }
        hset_rows(h, "P.Versions", vers);

        const char *done = req_param(rq, "done");
        if (done && status == 200) {
                hset(h, done, "P.Done");
                set_field_list(rq, h, req_param(rq, "live"), "P.DoneLive");
                set_field_list(rq, h, req_param(rq, "held"), "P.DoneHeld");
        }
        if (refusal) {
                char k[96];
                snprintf(k, sizeof k, "agency_courses.%s", refusal);
                hset(h, view_str(rq->lang, k), "P.Refusal");
        }
        rs->status = status;
        rs->no_store = true;
        rs->title = arena_printf(rq->arena, "%s · %s", c.title,
                                 view_str(rq->lang, "agency_courses.list_title"));
        rs->template = "pages/agency/course.cs";
}

void page_agency_course(struct req *rq, struct resp *rs)
{
        const char *agency = agency_of_member(rq, rs);
        if (agency)
                course_show(rq, rs, req_param(rq, "id"), agency, 200, NULL);
}

/* ---------- GET,POST /agency/courses/{id}/edit ---------- */

/* $1 course, $2 title, $3 summary, $4 description, $5 outcomes, $6 audience, $7 hours,
 * $8 cover or NULL (keep), $9 category, $10 mode, $11 credits: a draft is written whole. */
DB_STMT(agency_course_update_draft,
        "UPDATE courses SET title = $2, summary = $3, description = $4, outcomes = $5,"
        "       audience = $6, hours = $7::smallint, cover = coalesce($8, cover),"
        "       category_id = $9::int, mode = $10, credits = $11::numeric, pending = NULL,"
        "       updated_at = now()"
        " WHERE id = $1::int AND status = 'draft'");

/* The same for a live course: cosmetic fields at once, material ones into pending (only those
 * that differ from the live value; an empty object is NULL). */
DB_STMT(
    agency_course_update_live,
    "UPDATE courses SET title = $2, summary = $3, description = $4, outcomes = $5,"
    "       audience = $6, hours = $7::smallint, cover = coalesce($8, cover),"
    "       updated_at = now(),"
    "       pending = nullif((coalesce(pending, '{}'::jsonb) - 'category_id' - 'mode' - 'credits')"
    "           || CASE WHEN $9::int <> category_id"
    "                   THEN jsonb_build_object('category_id', $9::int) ELSE '{}'::jsonb END"
    "           || CASE WHEN $10::text <> mode"
    "                   THEN jsonb_build_object('mode', $10::text) ELSE '{}'::jsonb END"
    "           || CASE WHEN $11::numeric <> credits"
    "                   THEN jsonb_build_object('credits', $11::numeric) ELSE '{}'::jsonb END,"
    "           '{}'::jsonb)"
    " WHERE id = $1::int AND status <> 'draft'");

/* $1 course, $2 user */
DB_STMT(agency_course_version,
        "SELECT listing_record_version($1::int, 'cosmetic', NULL, $2::bigint)");

/* The form filled with the course as it will be (pending values over the live ones). */
static void form_from_row(const PGresult *cr, struct course_form *f)
{
#define V(name)  db_val(cr, 0, db_col(cr, name))
#define PV(p, l) (*V(p) ? V(p) : V(l))
        *f = (struct course_form){V("Title"),
                                  V("Summary"),
                                  V("Description"),
                                  PV("PendingCategoryId", "CategoryId"),
                                  V("Audience"),
                                  PV("PendingMode", "Mode"),
                                  PV("PendingCredits", "Credits"),
                                  V("Hours"),
                                  V("Outcomes")};
#undef PV
#undef V
}

static void list_add(struct buf *b, const char *name)
{
        if (b->len)
                buf_putc(b, ',');
        buf_puts(b, name);
}

void page_agency_course_edit(struct req *rq, struct resp *rs)
{
        HDF *h = rs->hdf;
        const char *agency = agency_of_member(rq, rs);
        if (!agency)
                return;
        const char *id = req_param(rq, "id");
        struct listing_course c;
        enum listing_found found = listing_course_of_agency(rq, id, agency, false, &c);
        if (found != LISTING_FOUND) {
                if (found == LISTING_NOT_FOUND)
                        app_error(rq, rs, 404, NULL, NULL);
                else
                        app_db_error(rq, rs);
                return;
        }
        if (c.review_open) {
                course_show(rq, rs, id, agency, 409, "refuse_review_open");
                return;
        }
        hset_int(h, c.live, "P.Live");
        hset(h, c.title, "P.CourseTitle");
        struct course_form f;
        if (rq->method != HTTP_POST) {
                PGresult *cr =
                    db_exec(cm_db, &agency_course_get, DB_PARAMS(c.id, lang_codes[rq->lang]));
                bool cat_found;
                if (!cr || PQntuples(cr) == 0) {
                        app_db_error(rq, rs);
                        return;
                }
                form_from_row(cr, &f);
                if (!set_choices(rq, h, &f, &cat_found)) {
                        app_db_error(rq, rs);
                        return;
                }
                const char *cover = db_val(cr, 0, db_col(cr, "Cover"));
                if (*cover)
                        hset(h, cover_url(rq->arena, cover, true), "P.CoverThumb");
                set_form(h, &f);
                show_form(rq, rs, 200, "edit", c.id);
                return;
        }

        read_form(rq, &f);
        struct form_errors fc = {.h = h, .lang = rq->lang, .family = "agency_courses"};
        if (!check_form(rq, &fc, &f)) {
                app_db_error(rq, rs);
                return;
        }
        set_form(h, &f);
        const struct upload *up = cover_upload(rq);
        char cover[COVER_NAME_LEN + 1] = "";
        if (!fc.count && up && !req_param(rq, "preview")) {
                const char *err = cover_store(up, cover);
                if (err)
                        cover_error(&fc, err);
        }
        if (fc.count || req_param(rq, "preview")) {
                if (!fc.count)
                        set_markdown(h, f.description, "P.Preview.Html");
                if (*cover)
                        cover_remove(cover);
                show_form(rq, rs, fc.count ? 400 : 200, "edit", c.id);
                return;
        }

        const char *user = user_id(rq);
        const char *new_cover = *cover ? cover : NULL;
        struct buf live, held;
        buf_init(&live);
        buf_init(&held);
        const char *old_cover = NULL, *refusal = NULL;
        bool ok = db_begin(cm_db);
        found = ok ? listing_course_of_agency(rq, id, agency, true, &c) : LISTING_DB_ERROR;
        PGresult *cr = found == LISTING_FOUND ? db_exec(cm_db, &agency_course_get,
                                                        DB_PARAMS(c.id, lang_codes[rq->lang]))
                                              : NULL;
        ok = cr && PQntuples(cr) == 1;
        if (ok && c.review_open) {
                refusal = "refuse_review_open";
                ok = false;
        }
        if (ok) {
                const char *prev = db_val(cr, 0, db_col(cr, "Cover"));
                old_cover = new_cover && *prev ? arena_strdup(rq->arena, prev) : NULL;
        }
        if (ok && !c.live) {
                ok = db_exec(cm_db, &agency_course_update_draft,
                             DB_PARAMS(c.id, f.title, f.summary, str(f.description),
                                       str(f.outcomes), f.audience, f.hours, new_cover, f.category,
                                       f.mode, f.credits)) != NULL;
        } else if (ok) {
#define CHANGED(field, col) (strcmp(str(field), db_val(cr, 0, db_col(cr, col))) != 0)
                if (CHANGED(f.title, "Title"))
                        list_add(&live, "title");
                if (CHANGED(f.summary, "Summary"))
                        list_add(&live, "summary");
                if (CHANGED(f.description, "Description"))
                        list_add(&live, "description");
                if (CHANGED(f.outcomes, "Outcomes"))
                        list_add(&live, "outcomes");
                if (CHANGED(f.audience, "Audience"))
                        list_add(&live, "audience");
                if (CHANGED(f.hours, "Hours"))
                        list_add(&live, "hours");
                if (new_cover)
                        list_add(&live, "cover");
                if (CHANGED(f.category, "CategoryId"))
                        list_add(&held, "category");
                if (CHANGED(f.mode, "Mode"))
                        list_add(&held, "mode");
                if (CHANGED(f.credits, "Credits"))
                        list_add(&held, "credits");
#undef CHANGED
                ok = db_exec(cm_db, &agency_course_update_live,
                             DB_PARAMS(c.id, f.title, f.summary, str(f.description),
                                       str(f.outcomes), f.audience, f.hours, new_cover, f.category,
                                       f.mode, f.credits)) != NULL;
                if (ok && live.len)
                        ok = db_exec(cm_db, &agency_course_version, DB_PARAMS(c.id, user)) != NULL;
        }
        const char *live_list = arena_strdup(rq->arena, live.len ? buf_cstr(&live) : "");
        const char *held_list = arena_strdup(rq->arena, held.len ? buf_cstr(&held) : "");
        buf_free(&live);
        buf_free(&held);
        ok = ok &&
             audit_write_json(cm_db, rq, "course.update", "course", atoll(c.id),
                              json_pack("{s:b, s:s, s:s}", "live", c.live, "applied", live_list,
                                        "held", held_list),
                              NULL) &&
             db_commit(cm_db);
        if (!ok) {
                db_rollback(cm_db);
                if (new_cover)
                        cover_remove(new_cover);
                if (found == LISTING_NOT_FOUND)
                        app_error(rq, rs, 404, NULL, NULL);
                else if (refusal)
                        course_show(rq, rs, id, agency, 409, refusal);
                else
                        app_db_error(rq, rs);
                return;
        }
        if (old_cover)
                cover_remove(old_cover);
        const char *to = arena_printf(rq->arena, "/agency/courses/%s?done=saved", c.id);
        if (*live_list)
                to = arena_printf(rq->arena, "%s&live=%s", to, live_list);
        if (*held_list)
                to = arena_printf(rq->arena, "%s&held=%s", to, held_list);
        resp_redirect(rs, 303, to);
}

/* ---------- the workflow's POSTs ---------- */

/* The member's agency (out in *agency), then the transaction begun and the course loaded locked.
 * false when it has answered (not an agency member, 404, or 503 on a database error), with the
 * transaction rolled back. */
static bool begin_own_course(struct req *rq, struct resp *rs, const char **agency,
                             struct listing_course *c)
{
        *agency = agency_of_member(rq, rs);
        if (!*agency)
                return false;
        enum listing_found found = LISTING_DB_ERROR;
        if (db_begin(cm_db))
                found = listing_course_of_agency(rq, req_param(rq, "id"), *agency, true, c);
        if (found == LISTING_FOUND)
                return true;
        db_rollback(cm_db);
        if (found == LISTING_NOT_FOUND)
                app_error(rq, rs, 404, NULL, NULL);
        else
                app_db_error(rq, rs);
        return false;
}

/* Rolls back the transaction and answers with the database error page. */
static void fail(struct req *rq, struct resp *rs)
{
        db_rollback(cm_db);
        app_db_error(rq, rs);
}

/* Rolls back and shows the overview with the refusal. */
static void refuse(struct req *rq, struct resp *rs, const char *agency, const char *key)
{
        db_rollback(cm_db);
        course_show(rq, rs, req_param(rq, "id"), agency, 409, key);
}

/* Writes the audit row, commits and sends the agency back to the overview with done=. */
static void finish(struct req *rq, struct resp *rs, const struct listing_course *c,
                   const char *action, json_t *detail, const char *done)
{
        if (audit_write_json(cm_db, rq, action, "course", atoll(c->id), detail, NULL) &&
            db_commit(cm_db)) {
                resp_redirect(rs, 303,
                              arena_printf(rq->arena, "/agency/courses/%s?done=%s", c->id, done));
                return;
        }
        fail(rq, rs);
}

/* $1 course: the course's facts the workflow decides by. */
DB_STMT(agency_course_facts, "SELECT coalesce(unlisted_by, ''), listing_has_changes(id)::int"
                             "  FROM courses WHERE id = $1::int");

/* $1 course: offerings as they would be listed (drafts and pending values included, cancelled
 * and closed left out), and the mode as it would be. */
DB_STMT(agency_course_listable, "WITH s AS (SELECT listing_snapshot($1::int, true) AS j)"
                                " SELECT o ->> 'name', o ->> 'site_id' IS NULL, s.j ->> 'mode'"
                                "   FROM s, jsonb_array_elements(s.j -> 'offerings') o"
                                "  WHERE o ->> 'status' IN ('draft', 'open')");

/* $1 course, $2 user, $3 note */
DB_STMT(agency_course_submit, "SELECT listing_submit($1::int, $2::bigint, $3)");

void page_agency_course_submit(struct req *rq, struct resp *rs)
{
        const char *agency;
        struct listing_course c;
        if (!begin_own_course(rq, rs, &agency, &c))
                return;
        PGresult *facts = db_exec(cm_db, &agency_course_facts, DB_PARAMS(c.id));
        PGresult *off = facts ? db_exec(cm_db, &agency_course_listable, DB_PARAMS(c.id)) : NULL;
        if (!off) {
                fail(rq, rs);
                return;
        }
        bool has_changes = strcmp(db_val(facts, 0, 1), "1") == 0;
        struct course_can can = course_can(&c, has_changes, db_val(facts, 0, 0));
        if (c.review_open) {
                refuse(rq, rs, agency, "refuse_review_open");
                return;
        }
        if (!can.submit) {
                refuse(rq, rs, agency,
                       strcmp(c.stage, "unlisted") == 0 ? "refuse_relist_instead"
                                                        : "refuse_nothing_to_review");
                return;
        }
        if (PQntuples(off) == 0) {
                refuse(rq, rs, agency, "refuse_no_offering");
                return;
        }
        /* offline and blended courses are held at sites: every offering needs one */
        int n = 0;
        for (int i = 0; i < PQntuples(off); i++)
                if (strcmp(db_val(off, i, 1), "t") == 0 && strcmp(db_val(off, i, 2), "online") != 0)
                        hset(rs->hdf, db_val(off, i, 0), "P.Missing.%d", n++);
        if (n) {
                refuse(rq, rs, agency, "refuse_no_site");
                return;
        }
        const char *note = req_param(rq, "note");
        PGresult *r = db_exec(cm_db, &agency_course_submit, DB_PARAMS(c.id, user_id(rq), note));
        if (!r) {
                if (db_last_error(cm_db) == DB_ERR_UNIQUE) {
                        refuse(rq, rs, agency, "refuse_review_open");
                        return;
                }
                fail(rq, rs);
                return;
        }
        finish(rq, rs, &c, "listing.submit",
               json_pack("{s:s, s:s, s:s?}", "review", db_val(r, 0, 0), "stage", c.stage, "note",
                         note),
               "submitted");
}

/* $1 course: the open review, withdrawn. */
DB_STMT(agency_course_withdraw,
        "UPDATE listing_reviews SET state = 'withdrawn'"
        " WHERE course_id = $1::int AND state = 'submitted' AND decided_at IS NULL RETURNING id");

void page_agency_course_withdraw(struct req *rq, struct resp *rs)
{
        const char *agency;
        struct listing_course c;
        if (!begin_own_course(rq, rs, &agency, &c))
                return;
        PGresult *r = db_exec(cm_db, &agency_course_withdraw, DB_PARAMS(c.id));
        if (!r) {
                fail(rq, rs);
                return;
        }
        if (PQntuples(r) == 0) {
                refuse(rq, rs, agency, "refuse_no_review");
                return;
        }
        finish(rq, rs, &c, "listing.withdraw", json_pack("{s:s}", "review", db_val(r, 0, 0)),
               "withdrawn");
}

/* $1 course, $2 reason */
DB_STMT(agency_course_unlist,
        "UPDATE courses SET status = 'unlisted', unlisted_by = 'agency', unlisted_at = now(),"
        "       unlisted_reason = $2, updated_at = now()"
        " WHERE id = $1::int AND status = 'listed'");

void page_agency_course_unlist(struct req *rq, struct resp *rs)
{
        const char *agency;
        struct listing_course c;
        if (!begin_own_course(rq, rs, &agency, &c))
                return;
        if (strcmp(c.status, "listed") != 0) {
                refuse(rq, rs, agency, "refuse_not_listed");
                return;
        }
        const char *reason = req_param(rq, "reason");
        if (!db_exec(cm_db, &agency_course_unlist, DB_PARAMS(c.id, reason))) {
                fail(rq, rs);
                return;
        }
        finish(rq, rs, &c, "listing.unlist", json_pack("{s:s?}", "reason", reason), "unlisted");
}

/* $1 course: back on sale, the agency's own unlisting undone. */
DB_STMT(agency_course_relist,
        "UPDATE courses SET status = 'listed', unlisted_by = NULL, unlisted_at = NULL,"
        "       unlisted_reason = NULL, updated_at = now()"
        " WHERE id = $1::int AND status = 'unlisted' AND unlisted_by = 'agency'");

void page_agency_course_relist(struct req *rq, struct resp *rs)
{
        const char *agency;
        struct listing_course c;
        if (!begin_own_course(rq, rs, &agency, &c))
                return;
        PGresult *facts = db_exec(cm_db, &agency_course_facts, DB_PARAMS(c.id));
        if (!facts) {
                fail(rq, rs);
                return;
        }
        struct course_can can =
            course_can(&c, strcmp(db_val(facts, 0, 1), "1") == 0, db_val(facts, 0, 0));
        if (!can.relist) {
                refuse(rq, rs, agency,
                       strcmp(c.status, "unlisted") == 0 ? "refuse_relist_review"
                                                         : "refuse_not_unlisted");
                return;
        }
        if (!db_exec(cm_db, &agency_course_relist, DB_PARAMS(c.id))) {
                fail(rq, rs);
                return;
        }
        finish(rq, rs, &c, "listing.relist", json_object(), "relisted");
}

/* $1 course: the changes kept aside, dropped. */
DB_STMT(agency_course_discard_course,
        "UPDATE courses SET pending = NULL, updated_at = now() WHERE id = $1::int");
DB_STMT(agency_course_discard_offerings, "UPDATE offerings SET pending = NULL, updated_at = now()"
                                         " WHERE course_id = $1::int AND pending IS NOT NULL");
DB_STMT(agency_course_discard_drafts,
        "DELETE FROM offerings WHERE course_id = $1::int AND status = 'draft'");

void page_agency_course_discard(struct req *rq, struct resp *rs)
{
        const char *agency;
        struct listing_course c;
        if (!begin_own_course(rq, rs, &agency, &c))
                return;
        if (c.review_open) {
                refuse(rq, rs, agency, "refuse_review_open");
                return;
        }
        if (!c.live) {
                refuse(rq, rs, agency, "refuse_discard_draft");
                return;
        }
        PGresult *drafts = NULL;
        bool ok = db_exec(cm_db, &agency_course_discard_course, DB_PARAMS(c.id)) &&
                  db_exec(cm_db, &agency_course_discard_offerings, DB_PARAMS(c.id)) &&
                  (drafts = db_exec(cm_db, &agency_course_discard_drafts, DB_PARAMS(c.id)));
        if (!ok) {
                fail(rq, rs);
                return;
        }
        finish(rq, rs, &c, "listing.discard",
               json_pack("{s:i}", "draft_offerings", atoi(PQcmdTuples(drafts))), "discarded");
}
