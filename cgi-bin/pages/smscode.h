/* smscode: one-time SMS codes for logging in, registering an agency and confirming a family link.
 * Issuing one checks the anti-bombing limits (per phone 1 a minute, 5 an hour, 10 a day; per
 * address 30 an hour, 100 a day), counted in PostgreSQL so they hold across app hosts, and queues
 * the message in the outbox in the same transaction. A code is 6 random digits, valid 5 minutes,
 * good once, burnt after 5 wrong tries, and superseded by a newer one. Only a keyed hash of it is
 * stored. Never logs or shows a code. */
#ifndef CM_SMSCODE_H
#define CM_SMSCODE_H

#include <stdbool.h>

struct req;

#define SMSCODE_MAX_TRIES 5

/* Why a code was not sent: key names L.account.limit.<key>; retry_at is the local time from
 * which one may try again ("14:05", or "11-25 14:05" when it is not today), retry_after_s the
 * seconds until then (for Retry-After). */
struct smscode_refusal {
        const char *key;
        const char *retry_at;
        long retry_after_s;
};

enum smscode_issued {
        SMSCODE_SENT,
        SMSCODE_REFUSED,        /* a limit is in force: see *why */
        SMSCODE_CHALLENGE_USED, /* the check question's token already bought a code */
        SMSCODE_UNDELIVERABLE,  /* the provider refused this number within the hour */
        SMSCODE_DB_ERROR,
};

/* Issues a code for phone (canonical 11 digits) and purpose ("login", "agency", "family") and
 * queues the SMS template with {"code": …} plus the extra string fields in extra (name, value
 * pairs, NULL-terminated; may be NULL). challenge is the check question's token the request
 * answered (NULL when the person is logged in and none was asked): each buys one code. Runs its
 * own transaction. */
enum smscode_issued smscode_issue(struct req *rq, const char *phone, const char *purpose,
                                  const char *template, const char *const *extra,
                                  const char *challenge, struct smscode_refusal *why);

enum smscode_checked {
        SMSCODE_OK,    /* right: the code is now used */
        SMSCODE_WRONG, /* wrong: *tries_left more tries */
        SMSCODE_BURNT, /* wrong for the fifth time: the code is void, ask for a new one */
        SMSCODE_NONE,  /* no live code: never sent, expired, used, or superseded */
        SMSCODE_CHECK_DB_ERROR,
};

/* Checks code against the newest live code of phone and purpose, in its own transaction, so a
 * wrong try counts even when the caller's work later fails. */
enum smscode_checked smscode_check(struct req *rq, const char *phone, const char *purpose,
                                   const char *code, int *tries_left);

/* Is s exactly six ASCII digits (spaces around allowed)? Writes them to out. */
bool smscode_well_formed(const char *s, char out[7]);

#endif
