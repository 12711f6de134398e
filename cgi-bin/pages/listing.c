/* listing: a course's place in the listing workflow and which edits are material
 * (listing.h). */
#include <stdlib.h>
#include <string.h>

#include "listing.h"

/* $1 course; $2 agency, or NULL for staff. FOR UPDATE comes in its own statement: a locking
 * clause cannot sit on the outer side of the view's join. */
#define LISTING_COURSE_SELECT                                                                      \
        "SELECT c.id, c.agency_id, c.status, s.stage, c.title,"                                    \
        "       s.review_state IS NOT DISTINCT FROM 'submitted' AS review_open"                    \
        "  FROM courses c JOIN course_listing_state s ON s.course_id = c.id"                       \
        " WHERE c.id = $1::int AND ($2::int IS NULL OR c.agency_id = $2::int)"

DB_STMT(listing_course_select, LISTING_COURSE_SELECT);
DB_STMT(listing_course_lock, "SELECT 1 FROM courses WHERE id = $1::int AND ($2::int IS NULL OR"
                             " agency_id = $2::int) FOR UPDATE");

static enum listing_found load(struct req *rq, const char *course_id, const char *agency_id,
                               bool lock, struct listing_course *out)
{
        memset(out, 0, sizeof *out);
        if (lock) {
                PGresult *l = db_exec(cm_db, &listing_course_lock, DB_PARAMS(course_id, agency_id));
                if (!l)
                        return LISTING_DB_ERROR;
                if (PQntuples(l) == 0)
                        return LISTING_NOT_FOUND;
        }
        PGresult *r = db_exec(cm_db, &listing_course_select, DB_PARAMS(course_id, agency_id));
        if (!r)
                return LISTING_DB_ERROR;
        if (PQntuples(r) == 0)
                return LISTING_NOT_FOUND;
        out->id = arena_strdup(rq->arena, db_val(r, 0, 0));
        out->agency_id = arena_strdup(rq->arena, db_val(r, 0, 1));
        out->status = arena_strdup(rq->arena, db_val(r, 0, 2));
        out->stage = arena_strdup(rq->arena, db_val(r, 0, 3));
        out->title = arena_strdup(rq->arena, db_val(r, 0, 4));
        out->review_open = strcmp(db_val(r, 0, 5), "t") == 0;
        out->live = strcmp(out->status, "draft") != 0;
        return LISTING_FOUND;
}

enum listing_found listing_course_of_agency(struct req *rq, const char *course_id,
                                            const char *agency_id, bool lock,
                                            struct listing_course *out)
{
        if (!agency_id || !*agency_id) /* never "any agency" by accident */
                return LISTING_NOT_FOUND;
        return load(rq, course_id, agency_id, lock, out);
}

enum listing_found listing_course_load(struct req *rq, const char *course_id, bool lock,
                                       struct listing_course *out)
{
        return load(rq, course_id, NULL, lock, out);
}

static bool same(const char *a, const char *b)
{
        return strcmp(a ? a : "", b ? b : "") == 0;
}

bool listing_offering_change_is_material(const char *field, const char *old_value,
                                         const char *new_value)
{
        static const char *const always[] = {"price_fen",       "starts_on",        "ends_on",
                                             "enroll_opens_at", "enroll_closes_at", "cancel_until",
                                             "site_id",         "teacher_ids",      NULL};
        if (same(old_value, new_value))
                return false;
        for (const char *const *f = always; *f; f++)
                if (strcmp(field, *f) == 0)
                        return true;
        if (strcmp(field, "capacity") == 0 || strcmp(field, "free_seats") == 0) {
                long long before = old_value ? atoll(old_value) : 0;
                long long after = new_value ? atoll(new_value) : 0;
                return after < before;
        }
        return false;
}

bool listing_course_field_is_material(const char *field)
{
        return strcmp(field, "category_id") == 0 || strcmp(field, "mode") == 0 ||
               strcmp(field, "credits") == 0;
}
