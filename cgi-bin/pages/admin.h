/* admin: what the /admin pages share. Every admin action is a POST that changes rows and writes
 * its audit row in one transaction; a refused action shows the users page again, saying why. */
#ifndef CM_ADMIN_H
#define CM_ADMIN_H

#include "pages.h"

/* A refusal to show on the users page: status, the L.admin key of the message, and (for a
 * decision) the agency whose form it belongs to with the reasons as typed. */
struct admin_refusal {
        int status;
        const char *key;
        const char *agency_id;
        const char *note;
};

/* GET /admin/users, or the same page after a refused action (refusal may be NULL). q is the user
 * search (may be NULL). */
void admin_users_show(struct req *rq, struct resp *rs, const char *q,
                      const struct admin_refusal *refusal);

/* "/admin/users?q=…&done=what#anchor" for the redirect after an action. */
const char *admin_back(struct req *rq, const char *q, const char *done, const char *anchor);

/* The user id of the signed-in admin, as text. */
const char *admin_me(struct req *rq);

#endif
