/* review_decide: the submission page and the decision (docs/listings.md). GET /review/{id} shows
 * the agency (status, documents), the course as proposed (description rendered, cover, offerings
 * with price per class hour against the category's price guide, teachers with their kind and
 * qualifications), the agency's note, the changes against the version approved before
 * (listing_diff), and the checklist of the active admission items. POST /review/{id}/decide takes
 * a verdict for every active item and approves (all pass or n/a) or rejects (a fail and reasons):
 * verdicts, the review's state, for an approval listing_apply and a new version, the audit row and
 * the SMS to the agency's contact are one transaction. Only the claimer decides; a member of the
 * agency never does. GET /review/courses/{id} and POST /review/courses/{id}/unlist take a listed
 * course off sale with a reason (staff unlisting). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "core/audit.h"
#include "core/buf.h"
#include "core/http.h"
#include "core/ident.h"
#include "core/markdown.h"
#include "core/session.h"
#include "core/validate.h"
#include "courier/outbox.h"
#include "cover.h"
#include "listing.h"
#include "listing_diff.h"
#include "review.h"

/* $1 review, $2 me */
DB_STMT(review_get,
        "SELECT r.id, r.kind, r.state, r.course_id, coalesce(r.note, ''), r.proposed::text,"
        "       r.approved_before::text, to_char(r.submitted_at, 'YYYY-MM-DD HH24:MI'),"
        "       coalesce(r.claimed_by::text, ''), coalesce(cu.display_name, ''),"
        "       coalesce(to_char(r.claimed_at, 'YYYY-MM-DD HH24:MI'), ''),"
        "       r.claimed_by IS NOT DISTINCT FROM $2::bigint, coalesce(r.reasons, ''),"
        "       coalesce(du.display_name, ''),"
        "       coalesce(to_char(r.decided_at, 'YYYY-MM-DD HH24:MI'), ''),"
        "       c.agency_id, a.name, a.status, c.status,"
        "       r.proposed->>'title', coalesce(r.proposed->>'summary', ''),"
        "       coalesce(r.proposed->>'description', ''), coalesce(r.proposed->>'cover', ''),"
        "       coalesce(r.proposed->>'category', ''), coalesce(r.proposed->>'mode', ''),"
        "       coalesce(r.proposed->>'hours', ''), coalesce(r.proposed->>'credits', ''),"
        "       coalesce(g.price_guide_fen_per_hour::text, ''),"
        "       extract(epoch FROM now() - r.submitted_at)::bigint"
        "  FROM listing_reviews r JOIN courses c ON c.id = r.course_id"
        "  JOIN agencies a ON a.id = c.agency_id"
        "  LEFT JOIN users cu ON cu.id = r.claimed_by LEFT JOIN users du ON du.id = r.decided_by"
        "  LEFT JOIN categories g ON g.id = (r.proposed->>'category_id')::int"
        " WHERE r.id = $1::bigint");

DB_STMT(review_docs, "SELECT id, filename, kind FROM agency_documents WHERE agency_id = $1::int"
                     " ORDER BY id");

DB_STMT(review_offerings,
        "SELECT o.n, o.v->>'name', coalesce(o.v->>'price_fen', '0'),"
        "       coalesce(o.v->>'starts_on', ''), coalesce(o.v->>'ends_on', ''),"
        "       coalesce(o.v->>'site', ''), coalesce(o.v->>'schedule', ''),"
        "       coalesce(o.v->>'capacity', ''), coalesce(o.v->>'free_seats', ''),"
        "       coalesce(o.v->>'status', '')"
        "  FROM listing_reviews r,"
        "       jsonb_array_elements(r.proposed->'offerings') WITH ORDINALITY o(v, n)"
        " WHERE r.id = $1::bigint ORDER BY o.n");

DB_STMT(review_teachers,
        "SELECT o.n, t.name, t.kind, t.qualifications"
        "  FROM listing_reviews r"
        "  CROSS JOIN LATERAL jsonb_array_elements(r.proposed->'offerings') WITH ORDINALITY o(v, n)"
        "  CROSS JOIN LATERAL jsonb_array_elements_text(o.v->'teacher_ids') tid(x)"
        "  JOIN teachers t ON t.id = tid.x::int"
        " WHERE r.id = $1::bigint ORDER BY o.n, t.id");

DB_STMT(review_items, "SELECT id, title, title_en, guidance, guidance_en FROM admission_items"
                      " WHERE active ORDER BY sort, id");

DB_STMT(review_verdicts_get, "SELECT item_title, verdict, coalesce(note, '') FROM review_verdicts"
                             " WHERE review_id = $1::bigint ORDER BY item_id");

/* The word for a coded value (group "mode": offline → 线下), or the value itself when there is
 * none. */
static const char *word(struct req *rq, const char *group, const char *value)
{
        const char *key = arena_printf(rq->arena, "%s.%s", group, value);
        const char *w = view_str(rq->lang, key);
        return strcmp(w, key) == 0 ? value : w;
}

static void set_review(struct req *rq, HDF *h, PGresult *r)
{
        static const char *const keys[] = {
            "Id",           "Kind",        "State",     "CourseId",  "Note",       NULL,
            NULL,           "SubmittedAt", "ClaimerId", "ClaimedBy", "ClaimedAt",  NULL,
            "Reasons",      "DecidedBy",   "DecidedAt", "AgencyId",  "AgencyName", "AgencyStatus",
            "CourseStatus", "Title",       "Summary",   NULL,        "Cover",      "Category",
            "Mode",         "Hours",       "Credits"};
        for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
                if (keys[i])
                        hset(h, db_val(r, 0, (int)i), "P.R.%s", keys[i]);
        hset_int(h, strcmp(db_val(r, 0, 11), "t") == 0, "P.R.Mine");
        hset(h, cover_url(rq->arena, db_val(r, 0, 22), true), "P.R.CoverThumb");
        hset(h, word(rq, "mode", db_val(r, 0, 24)), "P.R.Mode");
        hset(h, view_str(rq->lang, arena_printf(rq->arena, "review.kind_%s", db_val(r, 0, 1))),
             "P.R.KindLabel");
        hset(h, view_str(rq->lang, arena_printf(rq->arena, "review.state_%s", db_val(r, 0, 2))),
             "P.R.StateLabel");
        hset(h, review_age_words(rq, atoll(db_val(r, 0, 28))), "P.R.Age");
        hset(
            h,
            view_str(rq->lang, arena_printf(rq->arena, "admin.agency_status_%s", db_val(r, 0, 17))),
            "P.R.AgencyStatusLabel");
        const char *desc = db_val(r, 0, 21);
        struct buf b;
        buf_init(&b);
        if (md_render(desc, strlen(desc), &b) == 0)
                hset(h, buf_cstr(&b), "P.R.Description.Html");
        buf_free(&b);
}

static void set_offerings(struct req *rq, HDF *h, PGresult *o, PGresult *t, const char *hours,
                          const char *guide)
{
        long long hrs = atoll(hours);
        for (int i = 0; i < PQntuples(o); i++) {
                long long price = atoll(db_val(o, i, 2));
                hset(h, db_val(o, i, 1), "P.Offerings.%d.Name", i);
                hset(h, fmt_money(rq->arena, price, view_str(rq->lang, "review.free")),
                     "P.Offerings.%d.Price", i);
                hset(h, db_val(o, i, 3), "P.Offerings.%d.StartsOn", i);
                hset(h, db_val(o, i, 4), "P.Offerings.%d.EndsOn", i);
                hset(h, db_val(o, i, 5), "P.Offerings.%d.Site", i);
                hset(h, db_val(o, i, 6), "P.Offerings.%d.Schedule", i);
                hset(h, db_val(o, i, 7), "P.Offerings.%d.Capacity", i);
                hset(h, db_val(o, i, 8), "P.Offerings.%d.FreeSeats", i);
                hset_int(h, strcmp(db_val(o, i, 9), "draft") == 0, "P.Offerings.%d.New", i);
                if (hrs > 0) {
                        long long per = (price + hrs / 2) / hrs;
                        hset(h, fmt_money(rq->arena, per, NULL), "P.Offerings.%d.PerHour", i);
                        hset_int(h, *guide && per > atoll(guide), "P.Offerings.%d.AboveGuide", i);
                }
                int n = 0;
                for (int j = 0; j < PQntuples(t); j++) {
                        if (strcmp(db_val(t, j, 0), db_val(o, i, 0)) != 0)
                                continue;
                        hset(h, db_val(t, j, 1), "P.Offerings.%d.Teachers.%d.Name", i, n);
                        hset(h,
                             view_str(rq->lang, arena_printf(rq->arena, "review.teacher_%s",
                                                             db_val(t, j, 2))),
                             "P.Offerings.%d.Teachers.%d.Kind", i, n);
                        hset(h, db_val(t, j, 3), "P.Offerings.%d.Teachers.%d.Qualifications", i, n);
                        n++;
                }
        }
}

static void set_diff(struct req *rq, HDF *h, const char *before, const char *after)
{
        struct listing_diff_row *rows;
        int n = listing_diff(rq->arena, *before ? before : NULL, after, &rows);
        for (int i = 0; i < n; i++) {
                hset(h, rows[i].scope, "P.Diff.%d.Scope", i);
                hset(h, rows[i].offering_name, "P.Diff.%d.Offering", i);
                hset(h, view_str(rq->lang, rows[i].field), "P.Diff.%d.Field", i);
                const char *group = strcmp(rows[i].field, "review.f_mode") == 0       ? "mode"
                                    : strcmp(rows[i].field, "review.f_audience") == 0 ? "audience"
                                                                                      : NULL;
                hset(h, group ? word(rq, group, rows[i].before) : rows[i].before,
                     "P.Diff.%d.Before", i);
                hset(h, group ? word(rq, group, rows[i].after) : rows[i].after, "P.Diff.%d.After",
                     i);
                hset(h, listing_diff_kind_name(rows[i].kind), "P.Diff.%d.Kind", i);
                hset(h,
                     view_str(rq->lang, arena_printf(rq->arena, "review.diff_%s",
                                                     listing_diff_kind_name(rows[i].kind))),
                     "P.Diff.%d.KindLabel", i);
        }
        hset_int(h, n, "P.DiffCount");
}

static void set_items(struct req *rq, HDF *h, PGresult *it, bool refill)
{
        bool en = rq->lang != LANG_ZH;
        for (int i = 0; i < PQntuples(it); i++) {
                const char *id = db_val(it, i, 0);
                hset(h, id, "P.Items.%d.Id", i);
                hset(h, db_val(it, i, en ? 2 : 1), "P.Items.%d.Title", i);
                hset(h, db_val(it, i, en ? 4 : 3), "P.Items.%d.Guidance", i);
                if (refill) {
                        const char *v = kv_get(rq->form, arena_printf(rq->arena, "v_%s", id));
                        const char *n = kv_get(rq->form, arena_printf(rq->arena, "n_%s", id));
                        hset(h, v ? v : "", "P.Items.%d.Verdict", i);
                        hset(h, n ? n : "", "P.Items.%d.Note", i);
                        if (!v || !*v)
                                hset_int(h, 1, "P.Items.%d.Missing", i);
                }
        }
}

void review_show(struct req *rq, struct resp *rs, const char *id, int status, const char *err_key,
                 bool refill)
{
        HDF *h = rs->hdf;
        PGresult *r = app_fetch_subject(rq, rs, &review_get, DB_PARAMS(id, review_me(rq)));
        if (!r)
                return;
        PGresult *docs = db_exec(cm_db, &review_docs, DB_PARAMS(db_val(r, 0, 15)));
        PGresult *o = docs ? db_exec(cm_db, &review_offerings, DB_PARAMS(id)) : NULL;
        PGresult *t = o ? db_exec(cm_db, &review_teachers, DB_PARAMS(id)) : NULL;
        PGresult *it = t ? db_exec(cm_db, &review_items, 0, NULL) : NULL;
        PGresult *vd = it ? db_exec(cm_db, &review_verdicts_get, DB_PARAMS(id)) : NULL;
        if (!vd) {
                app_db_error(rq, rs);
                return;
        }
        set_review(rq, h, r);
        for (int i = 0; i < PQntuples(docs); i++) {
                hset(h, db_val(docs, i, 0), "P.Documents.%d.Id", i);
                hset(h, db_val(docs, i, 1), "P.Documents.%d.Filename", i);
        }
        const char *guide = db_val(r, 0, 27);
        if (*guide)
                hset(h, fmt_money(rq->arena, atoll(guide), NULL), "P.R.Guide");
        set_offerings(rq, h, o, t, db_val(r, 0, 25), guide);
        set_diff(rq, h, db_val(r, 0, 6), db_val(r, 0, 5));
        set_items(rq, h, it, refill);
        for (int i = 0; i < PQntuples(vd); i++) {
                hset(h, db_val(vd, i, 0), "P.Verdicts.%d.Title", i);
                hset(h,
                     view_str(rq->lang,
                              arena_printf(rq->arena, "review.verdict_%s", db_val(vd, i, 1))),
                     "P.Verdicts.%d.Verdict", i);
                hset(h, db_val(vd, i, 2), "P.Verdicts.%d.Note", i);
        }
        if (refill) {
                const char *reasons = req_param(rq, "reasons");
                hset(h, reasons ? reasons : "", "P.Reasons");
        }
        if (err_key)
                hset(h, view_str(rq->lang, arena_printf(rq->arena, "review.%s", err_key)),
                     "P.Error");
        const char *done = req_param(rq, "done");
        if (done)
                hset(h, done, "P.Done");
        rs->status = status;
        rs->no_store = true;
        rs->title = arena_printf(rq->arena, "%s %s", view_str(rq->lang, "review.review_title"),
                                 db_val(r, 0, 19));
        rs->template = "pages/review/review.cs";
}

void page_review(struct req *rq, struct resp *rs)
{
        review_show(rq, rs, req_param(rq, "id"), 200, NULL, false);
}

/* ---------- POST /review/{id}/decide ---------- */

/* $1 review */
DB_STMT(review_decide_lock,
        "SELECT r.state, coalesce(r.claimed_by::text, ''), r.course_id, c.agency_id,"
        "       coalesce(a.contact_phone, ''), c.title"
        "  FROM listing_reviews r JOIN courses c ON c.id = r.course_id"
        "  JOIN agencies a ON a.id = c.agency_id WHERE r.id = $1::bigint FOR UPDATE OF r");
DB_STMT(review_course_of, "SELECT course_id FROM listing_reviews WHERE id = $1::bigint");
/* $1 review, $2 item, $3 verdict, $4 note */
DB_STMT(review_verdict_add,
        "INSERT INTO review_verdicts (review_id, item_id, item_title, verdict, note)"
        " SELECT $1::bigint, id, title, $3, $4 FROM admission_items WHERE id = $2::int AND active");
/* $1 review, $2 state, $3 me, $4 reasons */
DB_STMT(review_decide_set,
        "UPDATE listing_reviews SET state = $2, decided_by = $3::bigint, decided_at = now(),"
        "       reasons = $4 WHERE id = $1::bigint");
DB_STMT(review_apply, "SELECT listing_apply($1::int)");
DB_STMT(review_version,
        "SELECT listing_record_version($1::int, 'approved', $2::bigint, $3::bigint)");

static const struct param_spec note_spec = {.name = "note", .kind = PARAM_TEXT, .max = 500};

/* Tells the agency's contact by SMS (when the contact phone is a mobile number). */
static bool queue_sms(const char *key, const char *phone, const char *title, const char *result)
{
        if (!ident_mobile_valid(phone))
                return true;
        json_t *j = json_pack("{s:s, s:s}", "course", title, "result", result);
        char *params = j ? json_dumps(j, JSON_COMPACT) : NULL;
        json_decref(j);
        bool ok = params && outbox_sms(cm_db, key, phone, "listing_decision", params);
        free(params);
        return ok;
}

void page_review_decide(struct req *rq, struct resp *rs)
{
        const char *id = req_param(rq, "id"), *decision = req_param(rq, "decision"),
                   *reasons = req_param(rq, "reasons"), *me = review_me(rq);
        bool approve = strcmp(decision, "approve") == 0;

        /* the verdicts, one for every active item, checked before anything is locked */
        PGresult *it = db_exec(cm_db, &review_items, 0, NULL);
        if (!it) {
                app_db_error(rq, rs);
                return;
        }
        int n = PQntuples(it), fails = 0;
        const char **verdict = arena_alloc(rq->arena, sizeof *verdict * (size_t)(n + 1));
        const char **note = arena_alloc(rq->arena, sizeof *note * (size_t)(n + 1));
        const char *err = NULL;
        for (int i = 0; i < n; i++) {
                const char *iid = db_val(it, i, 0);
                const char *v = kv_get(rq->form, arena_printf(rq->arena, "v_%s", iid));
                const char *raw = kv_get(rq->form, arena_printf(rq->arena, "n_%s", iid));
                verdict[i] = v;
                note[i] = NULL;
                if (!v ||
                    (strcmp(v, "pass") != 0 && strcmp(v, "fail") != 0 && strcmp(v, "na") != 0)) {
                        err = err ? err : "err_verdict_missing";
                        continue;
                }
                if (strcmp(v, "fail") == 0)
                        fails++;
                if (raw && *raw && !param_check(rq->arena, &note_spec, raw, &note[i]))
                        err = err ? err : "err_note_long";
                if (note[i] && !*note[i])
                        note[i] = NULL;
        }
        if (!err && approve && fails > 0)
                err = "err_approve_fail";
        if (!err && !approve && fails == 0)
                err = "err_reject_no_fail";
        if (!err && !approve && !reasons)
                err = "err_reasons";
        if (err) {
                review_show(rq, rs, id, 400, err, true);
                return;
        }

        PGresult *c = db_exec(cm_db, &review_course_of, DB_PARAMS(id));
        if (!c || PQntuples(c) == 0) {
                if (c)
                        app_error(rq, rs, 404, NULL, NULL);
                else
                        app_db_error(rq, rs);
                return;
        }
        const char *course_id = arena_strdup(rq->arena, db_val(c, 0, 0));
        struct listing_course lc;
        if (!db_begin(cm_db)) {
                app_db_error(rq, rs);
                return;
        }
        enum listing_found f = listing_course_load(rq, course_id, true, &lc);
        PGresult *r =
            f == LISTING_FOUND ? db_exec(cm_db, &review_decide_lock, DB_PARAMS(id)) : NULL;
        if (!r || PQntuples(r) == 0) {
                db_rollback(cm_db);
                if (f == LISTING_NOT_FOUND || (r && PQntuples(r) == 0))
                        app_error(rq, rs, 404, NULL, NULL);
                else
                        app_db_error(rq, rs);
                return;
        }
        const char *phone = arena_strdup(rq->arena, db_val(r, 0, 4));
        const char *title = arena_strdup(rq->arena, db_val(r, 0, 5));
        int status = 409;
        bool dberr = false;
        if (strcmp(db_val(r, 0, 0), "submitted") != 0)
                err = "err_not_open";
        else if (review_conflict(me, db_val(r, 0, 3), &dberr))
                err = "err_conflict", status = 403;
        else if (!dberr && strcmp(db_val(r, 0, 1), me) != 0)
                err = *db_val(r, 0, 1) ? "err_not_yours" : "err_claim_first";
        if (dberr) {
                db_rollback(cm_db);
                app_db_error(rq, rs);
                return;
        }
        if (err) {
                db_rollback(cm_db);
                review_show(rq, rs, id, status, err, true);
                return;
        }

        bool ok = true;
        json_t *jv = json_array();
        for (int i = 0; ok && i < n; i++) {
                ok = db_exec(cm_db, &review_verdict_add,
                             DB_PARAMS(id, db_val(it, i, 0), verdict[i], note[i])) != NULL;
                json_array_append_new(jv, json_pack("{s:s, s:s, s:s?}", "item", db_val(it, i, 1),
                                                    "verdict", verdict[i], "note", note[i]));
        }
        ok = ok && db_exec(cm_db, &review_decide_set,
                           DB_PARAMS(id, approve ? "approved" : "rejected", me,
                                     approve ? NULL : reasons)) != NULL;
        bool constraint = false;
        if (ok && approve) {
                ok = db_exec(cm_db, &review_apply, DB_PARAMS(course_id)) != NULL;
                if (!ok && db_last_error(cm_db) == DB_ERR_CHECK)
                        constraint = true;
                ok = ok && db_exec(cm_db, &review_version, DB_PARAMS(course_id, id, me)) != NULL;
        }
        if (ok) {
                json_t *j =
                    json_pack("{s:I, s:o}", "review", (json_int_t)atoll(id), "verdicts", jv);
                jv = NULL;
                if (j && reasons && !approve)
                        json_object_set_new(j, "reasons", json_string(reasons));
                ok = audit_write_json(cm_db, rq, approve ? "listing.approve" : "listing.reject",
                                      "course", atoll(course_id), j, NULL);
        }
        json_decref(jv);
        ok = ok && queue_sms(arena_printf(rq->arena, "listing_decision:%s", id), phone, title,
                             approve ? "通过" : "未通过");
        ok = ok && db_commit(cm_db);
        if (!ok) {
                db_rollback(cm_db);
                if (constraint)
                        review_show(rq, rs, id, 409, "err_constraint", true);
                else
                        app_db_error(rq, rs);
                return;
        }
        resp_redirect(rs, 303, arena_printf(rq->arena, "/review?done=%s", decision));
}

/* ---------- GET /review/courses/{id}, POST /review/courses/{id}/unlist ---------- */

DB_STMT(review_course_get,
        "SELECT c.id, c.title, c.status, a.name, coalesce(c.unlisted_by, ''),"
        "       coalesce(c.unlisted_reason, ''), c.agency_id"
        "  FROM courses c JOIN agencies a ON a.id = c.agency_id WHERE c.id = $1::int");

static void course_show(struct req *rq, struct resp *rs, const char *id, int status,
                        const char *err_key)
{
        HDF *h = rs->hdf;
        PGresult *r = app_fetch_subject(rq, rs, &review_course_get, DB_PARAMS(id));
        if (!r)
                return;
        hset(h, db_val(r, 0, 0), "P.C.Id");
        hset(h, db_val(r, 0, 1), "P.C.Title");
        hset(h, db_val(r, 0, 2), "P.C.Status");
        hset(h, view_str(rq->lang, arena_printf(rq->arena, "review.course_%s", db_val(r, 0, 2))),
             "P.C.StatusLabel");
        hset(h, db_val(r, 0, 3), "P.C.Agency");
        hset(h, db_val(r, 0, 4), "P.C.UnlistedBy");
        hset(h, db_val(r, 0, 5), "P.C.UnlistedReason");
        if (err_key) {
                hset(h, view_str(rq->lang, arena_printf(rq->arena, "review.%s", err_key)),
                     "P.Error");
                const char *reason = req_param(rq, "reason");
                hset(h, reason ? reason : "", "P.Reason");
        }
        const char *done = req_param(rq, "done");
        if (done)
                hset(h, done, "P.Done");
        rs->status = status;
        rs->no_store = true;
        rs->title = view_str(rq->lang, "review.course_title");
        rs->template = "pages/review/course.cs";
}

void page_review_course(struct req *rq, struct resp *rs)
{
        course_show(rq, rs, req_param(rq, "id"), 200, NULL);
}

DB_STMT(review_unlist_set,
        "UPDATE courses SET status = 'unlisted', unlisted_by = 'staff', unlisted_reason = $2,"
        "       unlisted_at = now(), updated_at = now()"
        " WHERE id = $1::int AND status = 'listed'");
DB_STMT(review_agency_phone, "SELECT coalesce(contact_phone, '') FROM agencies WHERE id = $1::int");
/* A change waiting for review is withdrawn with the unlisting: approving it later would put the
 * course back on sale behind the back of the staff who took it off. */
DB_STMT(review_unlist_withdraw, "UPDATE listing_reviews SET state = 'withdrawn'"
                                " WHERE course_id = $1::int AND state = 'submitted' RETURNING id");

void page_review_unlist(struct req *rq, struct resp *rs)
{
        const char *id = req_param(rq, "id"), *reason = req_param(rq, "reason");
        if (!reason) {
                course_show(rq, rs, id, 400, "err_unlist_reason");
                return;
        }
        struct listing_course lc;
        if (!db_begin(cm_db)) {
                app_db_error(rq, rs);
                return;
        }
        enum listing_found f = listing_course_load(rq, id, true, &lc);
        if (f != LISTING_FOUND) {
                db_rollback(cm_db);
                if (f == LISTING_NOT_FOUND)
                        app_error(rq, rs, 404, NULL, NULL);
                else
                        app_db_error(rq, rs);
                return;
        }
        if (strcmp(lc.status, "listed") != 0) {
                db_rollback(cm_db);
                course_show(rq, rs, id, 409, "err_not_listed");
                return;
        }
        PGresult *p = db_exec(cm_db, &review_agency_phone, DB_PARAMS(lc.agency_id));
        char audit_id[24] = "";
        PGresult *w = NULL;
        bool ok = p && PQntuples(p) == 1 &&
                  db_exec(cm_db, &review_unlist_set, DB_PARAMS(id, reason)) &&
                  (w = db_exec(cm_db, &review_unlist_withdraw, DB_PARAMS(id))) != NULL;
        if (ok) {
                json_t *detail = json_pack("{s:s, s:s}", "by", "staff", "reason", reason);
                if (detail && PQntuples(w) == 1)
                        json_object_set_new(detail, "withdrew_review",
                                            json_integer(atoll(db_val(w, 0, 0))));
                ok = audit_write_json(cm_db, rq, "listing.unlist", "course", atoll(id), detail,
                                      audit_id);
        }
        ok = ok && queue_sms(arena_printf(rq->arena, "listing_unlist:%s:%s", id, audit_id),
                             db_val(p, 0, 0), lc.title, "下架");
        ok = ok && db_commit(cm_db);
        if (!ok) {
                db_rollback(cm_db);
                app_db_error(rq, rs);
                return;
        }
        resp_redirect(rs, 303, arena_printf(rq->arena, "/review/courses/%s?done=unlisted", id));
}
