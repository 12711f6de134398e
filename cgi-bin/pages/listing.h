/* listing: what the agency console (agency_courses.c, agency_offerings.c, agency_teachers.c) and
 * the review desk (review.c) share about a course's place in the listing workflow
 * (docs/listings.md, schema/0008_listings.sql). It answers "is this course the agency's own, and
 * where does it stand", and which edits are material. It never decides anything for a handler
 * and never writes. */
#ifndef CM_LISTING_H
#define CM_LISTING_H

#include <stdbool.h>

#include "pages.h"

/* A course as the workflow sees it. Strings live in the request's arena. */
struct listing_course {
        const char *id, *agency_id;
        const char *status; /* draft, listed, unlisted */
        const char *stage;  /* course_listing_state.stage: draft, submitted, rejected, listed,
                               listed_changes, listed_review, listed_rejected, unlisted,
                               unlisted_review */
        const char *title;
        bool review_open; /* a submission waits for a reviewer: the agency may not edit */
        bool live;        /* listed or unlisted once: material edits go to `pending` */
};

enum listing_found { LISTING_FOUND, LISTING_NOT_FOUND, LISTING_DB_ERROR };

/* Loads course course_id if, and only if, it belongs to agency agency_id. A course of another
 * agency is LISTING_NOT_FOUND, exactly like a missing one, so ids cannot be probed. lock takes
 * the course row FOR UPDATE (call inside the caller's transaction), which serialises edits,
 * submissions and decisions on one course. */
enum listing_found listing_course_of_agency(struct req *rq, const char *course_id,
                                            const char *agency_id, bool lock,
                                            struct listing_course *out);

/* The same without the ownership test, for reviewers and admins. */
enum listing_found listing_course_load(struct req *rq, const char *course_id, bool lock,
                                       struct listing_course *out);

/* Whether a change of the given offering field, from old to new, needs review once the course is
 * live. Material: price_fen, starts_on, ends_on, enroll_opens_at, enroll_closes_at, cancel_until,
 * site_id, teacher_ids, and capacity or free_seats going down. Values are compared as text (the
 * form's canonical text for both), and integers as integers. */
bool listing_offering_change_is_material(const char *field, const char *old_value,
                                         const char *new_value);

/* The same for course fields: category_id, mode and credits are material. */
bool listing_course_field_is_material(const char *field);

#endif
