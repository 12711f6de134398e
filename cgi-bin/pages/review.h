/* review: what the review desk's pages (review.c, review_decide.c) share: who the reviewer is, the
 * words for an age, and the submission page shown again after a refused action. */
#ifndef CM_REVIEW_H
#define CM_REVIEW_H

#include "pages.h"

/* The signed-in reviewer's user id, as text. */
const char *review_me(struct req *rq);

/* "已等待 3 天 2 小时" / "waiting 3 days 2 hours" for an age in seconds. */
const char *review_age_words(struct req *rq, long long seconds);

/* GET /review/{id}, or the same page after a refused action: status and the L.review key of the
 * error (NULL for none); with refill, the decision form keeps what was sent. */
void review_show(struct req *rq, struct resp *rs, const char *id, int status, const char *err_key,
                 bool refill);

/* Whether the reviewer me is a member of agency agency_id (a conflict of interest). false on a
 * database error too, with *db_error set. */
bool review_conflict(const char *me, const char *agency_id, bool *db_error);

#endif
