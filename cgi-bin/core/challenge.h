/* challenge: the text question asked before an SMS code is sent ("三加四等于几？"), so a script
 * that merely knows the URL cannot make us text strangers. DESIGN.md asks for a text question,
 * never a picture puzzle, for older learners and screen readers. The question travels in a token
 * bound to the browser's session and signed with the server secret, so nothing is stored and a
 * token from another browser, or an expired one, fails. It is a speed bump, not a wall: the real
 * limits are the per-phone and per-address counters in PostgreSQL. Never the only defence. */
#ifndef CM_CHALLENGE_H
#define CM_CHALLENGE_H

#include <stdbool.h>
#include <time.h>

#define CHALLENGE_TOKEN_LEN 38   /* base64url of 28 bytes */
#define CHALLENGE_LIFETIME  1800 /* seconds: time enough for anyone to read and answer */

struct challenge {
        int a, b; /* the question is a + b, each 1..9 */
        char token[CHALLENGE_TOKEN_LEN + 1];
};

/* A new question bound to session_hash, valid until now + CHALLENGE_LIFETIME. */
void challenge_new(const unsigned char key[32], const unsigned char session_hash[32], time_t now,
                   struct challenge *out);

/* Reads a token back: true, with a and b filled in, when it was made for session_hash under key
 * and has not expired. */
bool challenge_read(const unsigned char key[32], const unsigned char session_hash[32],
                    const char *token, time_t now, struct challenge *out);

/* Does answer (as typed: ASCII or full-width digits, or Chinese numerals such as 七 or 十二, with
 * spaces around) equal a + b? */
bool challenge_answer_ok(const struct challenge *c, const char *answer);

/* The numbers 1..18 as Chinese numerals ("一" … "十八") and English words, for the question. */
const char *challenge_zh_number(int n);
const char *challenge_en_number(int n);

#endif
