/* guard: login throttling. Every failed proof (a wrong password, SMS code or second factor) is a
 * row in login_failures; five in 15 minutes lock the account's logins, thirty lock the address's,
 * until the oldest of them is 15 minutes old. Counted in PostgreSQL, so the limits hold across app
 * hosts; nginx's limit_req on /login is the outer fence. Never says whether an account exists. */
#ifndef CM_GUARD_H
#define CM_GUARD_H

#include <stdbool.h>

struct req;

#define GUARD_ACCOUNT_FAILURES 5
#define GUARD_ADDRESS_FAILURES 30

/* NULL when phone may try now (or on a database error: *db_error is set), else the local time
 * ("14:05") from which it may, with the seconds until then in *retry_after_s. */
const char *guard_locked_until(struct req *rq, const char *phone, long *retry_after_s,
                               bool *db_error);

/* Records a failure of kind "password", "sms_code" or "totp". */
bool guard_failed(struct req *rq, const char *phone, const char *kind);

#endif
