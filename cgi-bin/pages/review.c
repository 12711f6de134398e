/* review: the review desk's queue and claims. GET /review lists the open submissions
 * (listing_reviews.state = 'submitted') oldest first, with how long each has waited, its kind,
 * agency and course, and who holds it since when, plus the latest decisions; "mine" and
 * "unclaimed" filter it. POST /review/{id}/claim takes a submission (another reviewer's claim may
 * be taken over once it is two hours old; a fresher one is refused), POST /review/{id}/release
 * gives it back. A reviewer who is a member of the course's agency may not claim it. The
 * submission page and the decision are in review_decide.c (docs/listings.md). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/session.h"
#include "review.h"

const char *review_me(struct req *rq)
{
        return arena_printf(rq->arena, "%lld", rq->sess->user_id);
}

const char *review_age_words(struct req *rq, long long s)
{
        enum lang l = rq->lang;
        long long d = s / 86400, h = s % 86400 / 3600, m = s % 3600 / 60;
        const char *pre = view_str(l, "review.age_pre");
        const char *ud = view_str(l, d == 1 ? "review.age_day" : "review.age_days");
        const char *uh = view_str(l, h == 1 ? "review.age_hour" : "review.age_hours");
        const char *um = view_str(l, m == 1 ? "review.age_minute" : "review.age_minutes");
        if (d > 0)
                return arena_printf(rq->arena, "%s %lld %s %lld %s", pre, d, ud, h, uh);
        if (h > 0)
                return arena_printf(rq->arena, "%s %lld %s %lld %s", pre, h, uh, m, um);
        return arena_printf(rq->arena, "%s %lld %s", pre, m, um);
}

DB_STMT(review_user_agency,
        "SELECT coalesce(agency_id::text, '') FROM users WHERE id = $1::bigint");

bool review_conflict(const char *me, const char *agency_id, bool *db_error)
{
        PGresult *r = db_exec(cm_db, &review_user_agency, DB_PARAMS(me));
        *db_error = r == NULL;
        return r && PQntuples(r) == 1 && strcmp(db_val(r, 0, 0), agency_id) == 0;
}

/* ---------- GET /review ---------- */

/* $1 me, $2 filter (mine, unclaimed or NULL) */
DB_STMT(review_queue,
        "SELECT r.id, r.kind, c.id, c.title, a.name, coalesce(u.display_name, ''),"
        "       r.claimed_by IS NOT DISTINCT FROM $1::bigint,"
        "       coalesce(to_char(r.claimed_at, 'YYYY-MM-DD HH24:MI'), ''),"
        "       extract(epoch FROM now() - r.submitted_at)::bigint,"
        "       to_char(r.submitted_at, 'YYYY-MM-DD HH24:MI')"
        "  FROM listing_reviews r JOIN courses c ON c.id = r.course_id"
        "  JOIN agencies a ON a.id = c.agency_id LEFT JOIN users u ON u.id = r.claimed_by"
        " WHERE r.state = 'submitted'"
        "   AND ($2::text IS NULL OR ($2 = 'mine' AND r.claimed_by = $1::bigint)"
        "        OR ($2 = 'unclaimed' AND r.claimed_by IS NULL))"
        " ORDER BY r.submitted_at, r.id LIMIT 200");

DB_STMT(
    review_recent,
    "SELECT r.id, r.state, c.id, c.title, a.name, coalesce(u.display_name, ''),"
    "       to_char(r.decided_at, 'YYYY-MM-DD HH24:MI')"
    "  FROM listing_reviews r JOIN courses c ON c.id = r.course_id"
    "  JOIN agencies a ON a.id = c.agency_id LEFT JOIN users u ON u.id = r.decided_by"
    " WHERE r.state IN ('approved', 'rejected') ORDER BY r.decided_at DESC, r.id DESC LIMIT 10");

void page_review_queue(struct req *rq, struct resp *rs)
{
        HDF *h = rs->hdf;
        const char *show = req_param(rq, "show");
        PGresult *q = db_exec(cm_db, &review_queue, DB_PARAMS(review_me(rq), show));
        PGresult *d = q ? db_exec(cm_db, &review_recent, 0, NULL) : NULL;
        if (!d) {
                app_db_error(rq, rs);
                return;
        }
        for (int i = 0; i < PQntuples(q); i++) {
                hset(h, db_val(q, i, 0), "P.Open.%d.Id", i);
                hset(h,
                     view_str(rq->lang, arena_printf(rq->arena, "review.kind_%s", db_val(q, i, 1))),
                     "P.Open.%d.Kind", i);
                hset(h, db_val(q, i, 2), "P.Open.%d.CourseId", i);
                hset(h, db_val(q, i, 3), "P.Open.%d.Title", i);
                hset(h, db_val(q, i, 4), "P.Open.%d.Agency", i);
                hset(h, db_val(q, i, 5), "P.Open.%d.ClaimedBy", i);
                hset_int(h, strcmp(db_val(q, i, 6), "t") == 0, "P.Open.%d.Mine", i);
                hset(h, db_val(q, i, 7), "P.Open.%d.ClaimedAt", i);
                hset(h, review_age_words(rq, atoll(db_val(q, i, 8))), "P.Open.%d.Age", i);
                hset(h, db_val(q, i, 9), "P.Open.%d.SubmittedAt", i);
        }
        for (int i = 0; i < PQntuples(d); i++) {
                hset(h, db_val(d, i, 0), "P.Recent.%d.Id", i);
                hset(
                    h,
                    view_str(rq->lang, arena_printf(rq->arena, "review.state_%s", db_val(d, i, 1))),
                    "P.Recent.%d.State", i);
                hset(h, db_val(d, i, 2), "P.Recent.%d.CourseId", i);
                hset(h, db_val(d, i, 3), "P.Recent.%d.Title", i);
                hset(h, db_val(d, i, 4), "P.Recent.%d.Agency", i);
                hset(h, db_val(d, i, 5), "P.Recent.%d.DecidedBy", i);
                hset(h, db_val(d, i, 6), "P.Recent.%d.DecidedAt", i);
        }
        hset(h, show ? show : "", "P.Show");
        const char *done = req_param(rq, "done");
        if (done)
                hset(h, done, "P.Done");
        rs->no_store = true;
        rs->title = view_str(rq->lang, "review.queue_title");
        rs->template = "pages/review/queue.cs";
}

/* ---------- POST /review/{id}/claim, /review/{id}/release ---------- */

/* $1 review: its state, claimer, whether the claim is older than two hours, and the agency */
DB_STMT(review_lock, "SELECT r.state, coalesce(r.claimed_by::text, ''),"
                     "       coalesce(r.claimed_at < now() - interval '2 hours', true), c.agency_id"
                     "  FROM listing_reviews r JOIN courses c ON c.id = r.course_id"
                     " WHERE r.id = $1::bigint FOR UPDATE OF r");
DB_STMT(
    review_claim_set,
    "UPDATE listing_reviews SET claimed_by = $2::bigint, claimed_at = now() WHERE id = $1::bigint");
DB_STMT(review_release_set, "UPDATE listing_reviews SET claimed_by = NULL, claimed_at = NULL"
                            " WHERE id = $1::bigint AND claimed_by = $2::bigint"
                            "   AND state = 'submitted'");

void page_review_claim(struct req *rq, struct resp *rs)
{
        const char *id = req_param(rq, "id"), *me = review_me(rq);
        if (!db_begin(cm_db)) {
                app_db_error(rq, rs);
                return;
        }
        PGresult *r = db_exec(cm_db, &review_lock, DB_PARAMS(id));
        if (!r || PQntuples(r) == 0) {
                db_rollback(cm_db);
                if (r)
                        app_error(rq, rs, 404, NULL, NULL);
                else
                        app_db_error(rq, rs);
                return;
        }
        const char *err = NULL;
        int status = 409;
        bool dberr = false;
        const char *holder = db_val(r, 0, 1);
        bool stale = strcmp(db_val(r, 0, 2), "t") == 0;
        if (strcmp(db_val(r, 0, 0), "submitted") != 0)
                err = "err_not_open";
        else if (review_conflict(me, db_val(r, 0, 3), &dberr))
                err = "err_conflict", status = 403;
        else if (!dberr && *holder && strcmp(holder, me) != 0 && !stale)
                err = "err_claimed";
        if (dberr) {
                db_rollback(cm_db);
                app_db_error(rq, rs);
                return;
        }
        if (err) {
                db_rollback(cm_db);
                review_show(rq, rs, id, status, err, false);
                return;
        }
        if (!db_exec(cm_db, &review_claim_set, DB_PARAMS(id, me)) || !db_commit(cm_db)) {
                db_rollback(cm_db);
                app_db_error(rq, rs);
                return;
        }
        resp_redirect(rs, 303, arena_printf(rq->arena, "/review/%s", id));
}

void page_review_release(struct req *rq, struct resp *rs)
{
        const char *id = req_param(rq, "id");
        if (!db_exec(cm_db, &review_release_set, DB_PARAMS(id, review_me(rq)))) {
                app_db_error(rq, rs);
                return;
        }
        resp_redirect(rs, 303, "/review?done=released");
}
