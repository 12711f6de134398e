/* test_challenge.c: unit tests for cgi-bin/core/challenge.c: the text question asked before an SMS
 * is sent. A token round-trips for its session and expires; it fails for another session, another
 * key, after any single-character change, and when malformed; answers are accepted as ASCII or
 * full-width digits or Chinese numerals, with spaces around, and nothing else. */
#include <stdio.h>
#include <string.h>

#include "challenge.h"
#include "tap.h"

static const unsigned char key[32] = "0123456789abcdef0123456789abcdef";
static const unsigned char other_key[32] = "fedcba9876543210fedcba9876543210";
static const unsigned char sess[32] = "session-hash-session-hash-sessio";
static const unsigned char other_sess[32] = "another-session-another-session-";

static void test_round_trip(void)
{
        const time_t now = 1790000000;
        for (int i = 0; i < 200; i++) {
                struct challenge c, back;
                challenge_new(key, sess, now, &c);
                if (!ok(c.a >= 1 && c.a <= 9 && c.b >= 1 && c.b <= 9, "numbers in 1..9 (%d, %d)",
                        c.a, c.b))
                        return;
                if (!ok(strlen(c.token) == CHALLENGE_TOKEN_LEN, "token length"))
                        return;
                bool read = challenge_read(key, sess, c.token, now + 10, &back);
                if (!ok(read && back.a == c.a && back.b == c.b, "token %d reads back", i))
                        return;
        }
        struct challenge c, back;
        challenge_new(key, sess, now, &c);
        ok(challenge_read(key, sess, c.token, now + CHALLENGE_LIFETIME, &back),
           "valid to the last second");
        ok(!challenge_read(key, sess, c.token, now + CHALLENGE_LIFETIME + 1, &back),
           "expired one second later");
        ok(!challenge_read(key, other_sess, c.token, now, &back), "another session's: refused");
        ok(!challenge_read(other_key, sess, c.token, now, &back), "another key's: refused");
        int refused = 0;
        for (size_t i = 0; i < CHALLENGE_TOKEN_LEN; i++) {
                char t[CHALLENGE_TOKEN_LEN + 1];
                memcpy(t, c.token, sizeof t);
                t[i] = t[i] == 'A' ? 'B' : 'A';
                refused += !challenge_read(key, sess, t, now, &back);
        }
        is_int(refused, CHALLENGE_TOKEN_LEN, "every single-character change is refused");
        ok(!challenge_read(key, sess, "", now, &back), "empty: refused");
        ok(!challenge_read(key, sess, NULL, now, &back), "NULL: refused");
        char longer[CHALLENGE_TOKEN_LEN + 2];
        snprintf(longer, sizeof longer, "%sA", c.token);
        ok(!challenge_read(key, sess, longer, now, &back), "too long: refused");
        ok(!challenge_read(key, sess, "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!", now, &back),
           "not base64url: refused");
}

static void test_answers(void)
{
        struct challenge c = {.a = 3, .b = 4};
        const char *good[] = {"7", " 7 ", "07", "\xef\xbc\x97", "七", "\xe3\x80\x80七\xe3\x80\x80"};
        for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
                ok(challenge_answer_ok(&c, good[i]), "3 + 4: '%s' accepted", good[i]);
        const char *bad[] = {"", "8", "6", "7.0", "+7", "7a", "seven", "十七", "777", NULL};
        for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
                ok(!challenge_answer_ok(&c, bad[i]), "3 + 4: '%s' refused",
                   bad[i] ? bad[i] : "NULL");
        struct challenge big = {.a = 9, .b = 9};
        ok(challenge_answer_ok(&big, "18"), "9 + 9: 18");
        ok(challenge_answer_ok(&big, "十八"), "9 + 9: 十八");
        ok(challenge_answer_ok(&big, "\xef\xbc\x91\xef\xbc\x98"), "9 + 9: full-width 18");
        is_str(challenge_zh_number(12), "十二", "12 in Chinese");
        is_str(challenge_en_number(9), "nine", "9 in English");
        is_str(challenge_zh_number(19), "", "out of range: empty");
}

int main(void)
{
        test_round_trip();
        test_answers();
        return done_testing();
}
