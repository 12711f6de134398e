/* challenge: see challenge.h. Token layout (28 bytes, then base64url):
 *   expiry (4 bytes, big-endian unix time) ‖ a (1) ‖ b (1) ‖ nonce (6) ‖ tag (16)
 * with tag = HMAC-SHA256(key, "challenge" ‖ session_hash ‖ the first 12 bytes)[0..16). */
#include "challenge.h"

#include <stdint.h>
#include <string.h>

#include "crypto.h"

#define BODY_LEN 12
#define TAG_LEN  16
#define RAW_LEN  (BODY_LEN + TAG_LEN)

static void tag_of(const unsigned char key[32], const unsigned char session_hash[32],
                   const unsigned char body[BODY_LEN], unsigned char tag[TAG_LEN])
{
        unsigned char msg[9 + 32 + BODY_LEN], mac[32];
        memcpy(msg, "challenge", 9);
        memcpy(msg + 9, session_hash, 32);
        memcpy(msg + 9 + 32, body, BODY_LEN);
        crypto_hmac_sha256(key, 32, msg, sizeof msg, mac);
        memcpy(tag, mac, TAG_LEN);
}

/* A uniform number in 1..9 from one random byte (rejecting 252..255 keeps it uniform). */
static int digit_1_9(void)
{
        unsigned char r;
        do
                crypto_random(&r, 1);
        while (r >= 252);
        return 1 + r % 9;
}

void challenge_new(const unsigned char key[32], const unsigned char session_hash[32], time_t now,
                   struct challenge *out)
{
        unsigned char raw[RAW_LEN];
        uint32_t expiry = (uint32_t)(now + CHALLENGE_LIFETIME);
        raw[0] = (unsigned char)(expiry >> 24), raw[1] = (unsigned char)(expiry >> 16);
        raw[2] = (unsigned char)(expiry >> 8), raw[3] = (unsigned char)expiry;
        out->a = digit_1_9();
        out->b = digit_1_9();
        raw[4] = (unsigned char)out->a;
        raw[5] = (unsigned char)out->b;
        crypto_random(raw + 6, 6);
        tag_of(key, session_hash, raw, raw + BODY_LEN);
        crypto_b64url(raw, RAW_LEN, out->token);
}

bool challenge_read(const unsigned char key[32], const unsigned char session_hash[32],
                    const char *token, time_t now, struct challenge *out)
{
        unsigned char raw[RAW_LEN + 4], tag[TAG_LEN];
        if (!token || strlen(token) != CHALLENGE_TOKEN_LEN ||
            crypto_unb64url(token, raw, sizeof raw) != RAW_LEN)
                return false;
        tag_of(key, session_hash, raw, tag);
        if (!crypto_equal(tag, raw + BODY_LEN, TAG_LEN))
                return false;
        uint32_t expiry = (uint32_t)raw[0] << 24 | (uint32_t)raw[1] << 16 | (uint32_t)raw[2] << 8 |
                          (uint32_t)raw[3];
        if ((int64_t)expiry < (int64_t)now || raw[4] < 1 || raw[4] > 9 || raw[5] < 1 || raw[5] > 9)
                return false;
        out->a = raw[4];
        out->b = raw[5];
        memcpy(out->token, token, CHALLENGE_TOKEN_LEN + 1);
        return true;
}

static const char *const zh_numbers[] = {"零",   "一",   "二",   "三",   "四",   "五",   "六",
                                         "七",   "八",   "九",   "十",   "十一", "十二", "十三",
                                         "十四", "十五", "十六", "十七", "十八"};
static const char *const en_numbers[] = {"zero",    "one",     "two",       "three",    "four",
                                         "five",    "six",     "seven",     "eight",    "nine",
                                         "ten",     "eleven",  "twelve",    "thirteen", "fourteen",
                                         "fifteen", "sixteen", "seventeen", "eighteen"};

const char *challenge_zh_number(int n)
{
        return n >= 0 && n <= 18 ? zh_numbers[n] : "";
}

const char *challenge_en_number(int n)
{
        return n >= 0 && n <= 18 ? en_numbers[n] : "";
}

/* The answer as a number, or -1: ASCII digits, full-width digits (U+FF10..FF19, EF BC 90..99 in
 * UTF-8), or one of the Chinese numerals above; spaces (ASCII or U+3000) around are ignored. */
static int parse_answer(const char *s)
{
        while (*s == ' ' || strncmp(s, "\xe3\x80\x80", 3) == 0)
                s += *s == ' ' ? 1 : 3;
        char buf[32];
        size_t n = strlen(s);
        while (n > 0 && (s[n - 1] == ' ' || (n >= 3 && strncmp(s + n - 3, "\xe3\x80\x80", 3) == 0)))
                n -= s[n - 1] == ' ' ? 1 : 3;
        if (n == 0 || n >= sizeof buf)
                return -1;
        memcpy(buf, s, n);
        buf[n] = '\0';
        for (int i = 0; i <= 18; i++)
                if (strcmp(buf, zh_numbers[i]) == 0)
                        return i;
        int value = 0, digits = 0;
        for (const char *p = buf; *p;) {
                int d;
                if (*p >= '0' && *p <= '9')
                        d = *p++ - '0';
                else if ((unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBC &&
                         (unsigned char)p[2] >= 0x90 && (unsigned char)p[2] <= 0x99)
                        d = (unsigned char)p[2] - 0x90, p += 3;
                else
                        return -1;
                if (++digits > 2)
                        return -1;
                value = value * 10 + d;
        }
        return value;
}

bool challenge_answer_ok(const struct challenge *c, const char *answer)
{
        return answer && parse_answer(answer) == c->a + c->b;
}
