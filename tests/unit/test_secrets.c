/* test_secrets.c: unit tests for cgi-bin/core/secrets.c against published vectors: RFC 4226
 * Appendix D (HOTP, counters 0-9), RFC 6238 Appendix B (TOTP, SHA1, 8 digits), RFC 4648 section 10
 * (base32), the argon2 reference implementation's argon2id vector and one from the Debian `argon2`
 * CLI; then the behaviour around them: the TOTP window (±1 step accepted, ±2 refused, malformed
 * codes refused), argon2id hash/verify/needs_rehash and the length and cost limits, AES-256-GCM
 * seal/open (round trip, every single-byte corruption refused, wrong key, purpose or context
 * refused, version checked, fresh nonces), look-up hashes, the otpauth URI and recovery codes.
 * It needs no database, no network and no configuration file. */
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <openssl/crypto.h>

#include "crypto.h"
#include "secrets.h"
#include "tap.h"

/* ---------------------------------------------------------------- helpers */

static const char *hex32(const unsigned char p[32])
{
        static char out[65];

        crypto_hex(p, 32, out);
        return out;
}

static const char *code_str(uint32_t v, int digits)
{
        static char out[16];

        snprintf(out, sizeof out, "%0*u", digits, (unsigned)v);
        return out;
}

/* RFC 4226 / RFC 6238 SHA1 seed: the ASCII string "12345678901234567890". */
static const unsigned char rfc_key[] = "12345678901234567890";
#define RFC_KEYLEN 20

/* ---------------------------------------------------------------- HOTP / TOTP vectors */

static void test_hotp_rfc4226(void)
{
        static const char *want[10] = {"755224", "287082", "359152", "969429", "338314",
                                       "254676", "287922", "162583", "399871", "520489"};
        char name[64];

        for (int i = 0; i < 10; i++) {
                snprintf(name, sizeof name, "HOTP counter %d (RFC 4226 Appendix D)", i);
                is_str(code_str(secrets_hotp(rfc_key, RFC_KEYLEN, (uint64_t)i, 6), 6), want[i],
                       name);
        }
        is_int(secrets_hotp(rfc_key, RFC_KEYLEN, 0, 5), UINT32_MAX, "HOTP refuses 5 digits");
        is_int(secrets_hotp(rfc_key, RFC_KEYLEN, 0, 9), UINT32_MAX, "HOTP refuses 9 digits");
        is_int(secrets_hotp(rfc_key, 0, 0, 6), UINT32_MAX, "HOTP refuses an empty key");
}

static void test_totp_rfc6238(void)
{
        static const struct {
                uint64_t t;
                const char *code;
        } v[] = {
            {59, "94287082"},         {1111111109, "07081804"}, {1111111111, "14050471"},
            {1234567890, "89005924"}, {2000000000, "69279037"}, {20000000000ULL, "65353130"},
        };
        char name[80];

        for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
                snprintf(name, sizeof name, "TOTP SHA1 at %llu (RFC 6238 Appendix B)",
                         (unsigned long long)v[i].t);
                is_str(code_str(secrets_totp_at(rfc_key, RFC_KEYLEN, v[i].t, 8), 8), v[i].code,
                       name);
        }
        /* the 6-digit code is the 8-digit one's last six digits */
        is_str(code_str(secrets_totp_at(rfc_key, RFC_KEYLEN, 59, 6), 6), "287082",
               "TOTP 6 digits at 59 = HOTP counter 1");
}

static void test_totp_check(void)
{
        const uint64_t now = 1234567890; /* step 41152263, 0 s into it */
        const long step = (long)(now / 30);
        char c[16];
        long m = -7;

        snprintf(c, sizeof c, "%s", code_str(secrets_totp_at(rfc_key, RFC_KEYLEN, now, 6), 6));
        ok(secrets_totp_check(rfc_key, RFC_KEYLEN, c, now, &m), "current step accepted");
        is_int(m, step, "current step reported");
        ok(secrets_totp_check(rfc_key, RFC_KEYLEN, c, now + 29, &m), "same step, 29 s later");
        is_int(m, step, "same step reported");

        snprintf(c, sizeof c, "%s", code_str(secrets_hotp(rfc_key, RFC_KEYLEN, step - 1, 6), 6));
        ok(secrets_totp_check(rfc_key, RFC_KEYLEN, c, now, &m), "previous step (-1) accepted");
        is_int(m, step - 1, "previous step reported");
        snprintf(c, sizeof c, "%s", code_str(secrets_hotp(rfc_key, RFC_KEYLEN, step + 1, 6), 6));
        ok(secrets_totp_check(rfc_key, RFC_KEYLEN, c, now, &m), "next step (+1) accepted");
        is_int(m, step + 1, "next step reported");

        m = -7;
        snprintf(c, sizeof c, "%s", code_str(secrets_hotp(rfc_key, RFC_KEYLEN, step - 2, 6), 6));
        ok(!secrets_totp_check(rfc_key, RFC_KEYLEN, c, now, &m), "step -2 refused");
        snprintf(c, sizeof c, "%s", code_str(secrets_hotp(rfc_key, RFC_KEYLEN, step + 2, 6), 6));
        ok(!secrets_totp_check(rfc_key, RFC_KEYLEN, c, now, &m), "step +2 refused");
        is_int(m, -7, "matched_step untouched on refusal");

        snprintf(c, sizeof c, "%s", code_str(secrets_totp_at(rfc_key, RFC_KEYLEN, now, 6), 6));
        ok(secrets_totp_check(rfc_key, RFC_KEYLEN, c, now, NULL), "matched_step may be NULL");
        ok(!secrets_totp_check(rfc_key, RFC_KEYLEN, c + 1, now, NULL), "5 digits refused");
        char seven[24];
        snprintf(seven, sizeof seven, "%s0", c);
        ok(!secrets_totp_check(rfc_key, RFC_KEYLEN, seven, now, NULL), "7 digits refused");
        snprintf(seven, sizeof seven, " %s", c);
        ok(!secrets_totp_check(rfc_key, RFC_KEYLEN, seven, now, NULL), "leading space refused");
        char bad[8];
        memcpy(bad, c, 7);
        bad[2] = 'a';
        ok(!secrets_totp_check(rfc_key, RFC_KEYLEN, bad, now, NULL), "a letter refused");
        ok(!secrets_totp_check(rfc_key, RFC_KEYLEN, "12 456", now, NULL), "a space refused");
        ok(!secrets_totp_check(rfc_key, RFC_KEYLEN, "+12345", now, NULL), "a sign refused");
        /* "１２３４５６" in full-width digits: bytes, not digits */
        ok(!secrets_totp_check(rfc_key, RFC_KEYLEN, "\xef\xbc\x91\xef\xbc\x92", now, NULL),
           "full-width digits refused");
        ok(!secrets_totp_check(rfc_key, RFC_KEYLEN, "", now, NULL), "empty code refused");
        ok(!secrets_totp_check(rfc_key, RFC_KEYLEN, NULL, now, NULL), "NULL code refused");
        ok(!secrets_totp_check(rfc_key, 0, c, now, NULL), "empty key refused");

        /* step 0 has no step before it */
        snprintf(c, sizeof c, "%s", code_str(secrets_hotp(rfc_key, RFC_KEYLEN, 0, 6), 6));
        ok(secrets_totp_check(rfc_key, RFC_KEYLEN, c, 5, &m) && m == 0, "step 0 at time 5");
}

/* ---------------------------------------------------------------- base32 */

static void test_base32(void)
{
        static const char *plain[] = {"", "f", "fo", "foo", "foob", "fooba", "foobar"};
        static const char *enc[] = {"", "MY", "MZXQ", "MZXW6", "MZXW6YQ", "MZXW6YTB", "MZXW6YTBOI"};
        char out[40], name[64];
        unsigned char back[16];

        for (size_t i = 0; i < 7; i++) {
                size_t n =
                    secrets_base32_encode((const unsigned char *)plain[i], strlen(plain[i]), out);
                snprintf(name, sizeof name, "base32 \"%s\" (RFC 4648)", plain[i]);
                is_str(out, enc[i], name);
                is_int((long long)n, (long long)strlen(enc[i]), "encode returns the length");
                long m = secrets_base32_decode(enc[i], back, sizeof back);
                snprintf(name, sizeof name, "base32 decode \"%s\"", enc[i]);
                is_mem(back, m < 0 ? 0 : (size_t)m, plain[i], strlen(plain[i]), name);
        }
        secrets_base32_encode(rfc_key, RFC_KEYLEN, out);
        is_str(out, "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", "base32 of the RFC 6238 seed");
        is_int((long long)strlen(out) + 1, SECRETS_BASE32_SIZE(20), "SECRETS_BASE32_SIZE(20)");

        is_int(secrets_base32_decode("mzxw6", back, sizeof back), -1, "lower case refused");
        is_int(secrets_base32_decode("MZXW6===", back, sizeof back), -1, "padding refused");
        is_int(secrets_base32_decode("MZXW1", back, sizeof back), -1, "'1' refused");
        is_int(secrets_base32_decode("MZXW8", back, sizeof back), -1, "'8' refused");
        is_int(secrets_base32_decode("MZ XW6", back, sizeof back), -1, "space refused");
        is_int(secrets_base32_decode("M", back, sizeof back), -1, "1 character refused");
        is_int(secrets_base32_decode("MZX", back, sizeof back), -1, "3 characters refused");
        is_int(secrets_base32_decode("MY", back, sizeof back), 1, "2 characters = 1 byte");
        is_int(secrets_base32_decode("MY", back, 0), -1, "no room refused");
        is_int(secrets_base32_decode("MY", back, 1), 1, "exactly enough room");
        is_int(secrets_base32_decode("MZ", back, sizeof back), -1, "MZ: non-zero leftover bits");
        is_int(secrets_base32_decode("M7", back, sizeof back), -1, "non-zero leftover bits");
}

/* ---------------------------------------------------------------- passwords */

/* The argon2 reference implementation's argon2id vector (src/test.c: t=2, m=2^8, p=1, "password",
 * salt "somesalt"), and the Debian argon2 CLI's output for
 * `echo -n password | argon2 somesaltsalt -id -t 2 -m 10 -p 1 -e`. */
static const char ref_id[] =
    "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4";
static const char cli_id[] =
    "$argon2id$v=19$m=1024,t=2,p=1$c29tZXNhbHRzYWx0$2jRTl+9wIHBllQlQkwBnvYXftB5l/ydY4yVaDF/Zevs";

static double now_ms(void)
{
        struct timespec ts;

        clock_gettime(CLOCK_MONOTONIC, &ts);
        return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void test_password(void)
{
        char h[SECRETS_PASSWORD_HASH_SIZE], h2[SECRETS_PASSWORD_HASH_SIZE];
        static char longpw[SECRETS_PASSWORD_MAX + 2];

        ok(secrets_password_verify(ref_id, "password"), "argon2 reference vector verifies");
        ok(!secrets_password_verify(ref_id, "passwore"), "reference vector, wrong password");
        ok(secrets_password_verify(cli_id, "password"), "argon2 CLI vector verifies");
        ok(!secrets_password_verify(cli_id, "Password"), "CLI vector, wrong password");
        ok(secrets_password_needs_rehash(ref_id), "m=256 needs rehash");
        ok(secrets_password_needs_rehash(cli_id), "m=1024 needs rehash");

        double t0 = now_ms();
        int rc = secrets_password_hash("correct horse 课程超市", h, sizeof h);
        double t1 = now_ms();
        printf("# one argon2id hash (m=%u KiB, t=%u, p=%u): %.1f ms\n", SECRETS_ARGON2_M_KIB,
               SECRETS_ARGON2_T, SECRETS_ARGON2_P, t1 - t0);
        is_int(rc, 0, "hash succeeds");
        ok(strncmp(h, "$argon2id$v=19$m=19456,t=2,p=1$", 31) == 0, "encoded with current params");
        is_int((long long)strlen(h), 97, "encoded length 97 (22-char salt, 43-char hash)");
        ok(secrets_password_verify(h, "correct horse 课程超市"), "hash then verify");
        ok(!secrets_password_verify(h, "correct horse 课程超"), "wrong password refused");
        ok(!secrets_password_verify(h, ""), "empty password refused");
        ok(!secrets_password_needs_rehash(h), "fresh hash needs no rehash");
        is_int(secrets_password_hash("correct horse 课程超市", h2, sizeof h2), 0, "hash again");
        ok(strcmp(h, h2) != 0, "two hashes of one password differ (fresh salt)");

        is_int(secrets_password_hash("x", h2, 97), -1, "too small an out buffer refused");
        is_str(h2, "", "out is empty after a refusal");
        is_int(secrets_password_hash("x", h2, 98), 0, "98 bytes are enough");

        memset(longpw, 'a', SECRETS_PASSWORD_MAX + 1);
        longpw[SECRETS_PASSWORD_MAX + 1] = '\0';
        is_int(secrets_password_hash(longpw, h2, sizeof h2), -1, "1025-byte password refused");
        ok(!secrets_password_verify(h, longpw), "1025-byte password refused by verify");
        longpw[SECRETS_PASSWORD_MAX] = '\0';
        is_int(secrets_password_hash(longpw, h2, sizeof h2), 0, "1024-byte password hashed");
        ok(secrets_password_verify(h2, longpw), "1024-byte password verifies");
        ok(!secrets_password_verify(h, NULL), "NULL password refused");
        ok(!secrets_password_verify(NULL, "password"), "NULL hash refused");
        is_int(secrets_password_hash(NULL, h2, sizeof h2), -1, "NULL password not hashed");

        /* needs_rehash: weaker, stronger, other kinds */
        ok(secrets_password_needs_rehash("$argon2id$v=19$m=19456,t=1,p=1$c29tZXNhbHRzb21lc2FsdA$"
                                         "nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4"),
           "t=1 needs rehash");
        ok(secrets_password_needs_rehash("$argon2id$v=19$m=19455,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$"
                                         "nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4"),
           "m=19455 needs rehash");
        ok(!secrets_password_needs_rehash("$argon2id$v=19$m=65536,t=3,p=2$c29tZXNhbHRzb21lc2FsdA$"
                                          "nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4"),
           "stronger parameters kept");
        ok(secrets_password_needs_rehash("$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$"
                                         "nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4"),
           "8-byte salt needs rehash");
        ok(secrets_password_needs_rehash("$argon2i$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$"
                                         "wWKIMhR9lyDFvRz9YTZweHKfbftvj+qf+YFY4NeBbtA"),
           "argon2i needs rehash");
        ok(!secrets_password_verify("$argon2i$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$"
                                    "wWKIMhR9lyDFvRz9YTZweHKfbftvj+qf+YFY4NeBbtA",
                                    "password"),
           "argon2i (reference vector) refused by the argon2id verify");
        ok(secrets_password_needs_rehash("$argon2id$v=16$m=65536,t=2,p=1$c29tZXNhbHQ$"
                                         "nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4"),
           "version 16 needs rehash");
        ok(secrets_password_needs_rehash(""), "empty string needs rehash");
        ok(secrets_password_needs_rehash(NULL), "NULL needs rehash");
        ok(secrets_password_needs_rehash("$2b$12$abcdefghijklmnopqrstuv"), "bcrypt needs rehash");

        /* malformed and over-costly stored strings are refused before libargon2 runs */
        ok(!secrets_password_verify("$argon2id$v=19$m=256,t=2,p=1c29tZXNhbHQ$"
                                    "nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
                                    "password"),
           "missing '$' refused");
        ok(!secrets_password_verify("$argon2id$v=19$m=0256,t=2,p=1$c29tZXNhbHQ$"
                                    "nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
                                    "password"),
           "leading zero refused");
        ok(!secrets_password_verify("$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/"
                                    "uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4 ",
                                    "password"),
           "trailing space refused");
        double t2 = now_ms();
        ok(!secrets_password_verify("$argon2id$v=19$m=4194304,t=2,p=1$c29tZXNhbHQ$"
                                    "nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
                                    "password"),
           "m=4 GiB refused");
        ok(!secrets_password_verify("$argon2id$v=19$m=256,t=1000,p=1$c29tZXNhbHQ$"
                                    "nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
                                    "password"),
           "t=1000 refused");
        ok(!secrets_password_verify("$argon2id$v=19$m=256,t=2,p=64$c29tZXNhbHQ$"
                                    "nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
                                    "password"),
           "p=64 refused");
        ok(now_ms() - t2 < 1000, "over-costly strings refused without hashing");
}

/* ---------------------------------------------------------------- keys, seal, open */

static const unsigned char secret[32] = {
    0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f,
    0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x1f};

static void test_derive(void)
{
        unsigned char a[32], b[32], want[32], l[32];

        secrets_derive_key(secret, "idcard", a);
        crypto_hmac_sha256(secret, 32, "coursemart:idcard", 17, want);
        is_str(hex32(a), hex32(want), "derive_key = HMAC(secret, \"coursemart:idcard\")");
        secrets_derive_key(secret, "phone", b);
        ok(memcmp(a, b, 32) != 0, "keys differ per purpose");
        secrets_lookup_hash(secret, "idcard", "11010519491231002X", l);
        ok(memcmp(a, l, 32) != 0, "look-up hash is not the key");

        /* look-up hash: HMAC(HMAC(secret, "coursemart:lookup:idcard"), normalized value) */
        unsigned char lk[32];
        crypto_hmac_sha256(secret, 32, "coursemart:lookup:idcard", 24, lk);
        crypto_hmac_sha256(lk, 32, "11010519491231002X", 18, want);
        is_str(hex32(l), hex32(want), "lookup_hash = HMAC(lookup key, value)");
        ok(memcmp(lk, a, 32) != 0, "look-up key differs from the encryption key");

        unsigned char l2[32];
        secrets_lookup_hash(secret, "idcard", "11010519491231002X", l2);
        is_mem(l, 32, l2, 32, "look-up hash is deterministic");
        secrets_lookup_hash(secret, "idcard", " 110105 19491231-002x\n", l2);
        is_mem(l, 32, l2, 32, "normalized: spaces, hyphens, case");
        secrets_lookup_hash(secret, "phone", "11010519491231002X", l2);
        ok(memcmp(l, l2, 32) != 0, "look-up hash differs per purpose");
        secrets_lookup_hash(secret, "idcard", "110105194912310021", l2);
        ok(memcmp(l, l2, 32) != 0, "look-up hash differs per value");
        unsigned char other[32];
        memcpy(other, secret, 32);
        other[31] ^= 1;
        secrets_lookup_hash(other, "idcard", "11010519491231002X", l2);
        ok(memcmp(l, l2, 32) != 0, "look-up hash differs per secret");
        OPENSSL_cleanse(a, 32);
        OPENSSL_cleanse(b, 32);
        OPENSSL_cleanse(lk, 32);
}

/* True when secrets_derive_key(secret, purpose) aborts (run in a child, its stderr discarded). */
static int derive_aborts(const char *purpose)
{
        pid_t pid;
        int status = 0;

        fflush(stdout);
        pid = fork();
        if (pid == 0) {
                unsigned char k[32];
                int fd = open("/dev/null", O_WRONLY);

                if (fd >= 0)
                        dup2(fd, 2);
                secrets_derive_key(secret, purpose, k);
                _exit(0);
        }
        if (pid < 0 || waitpid(pid, &status, 0) != pid)
                return 0;
        return WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT;
}

static void test_purpose_names(void)
{
        ok(!derive_aborts("id-card_v2.enc"), "purpose from [a-z0-9._-] accepted");
        ok(derive_aborts(""), "empty purpose aborts");
        ok(derive_aborts("lookup:idcard"), "purpose with ':' aborts");
        ok(derive_aborts("IDCARD"), "capitals abort");
        ok(derive_aborts("身份证"), "non-ASCII aborts");
        ok(derive_aborts("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
           "65-byte purpose aborts");
}

static void test_seal(void)
{
        const char *pt = "11010519491231002X";
        size_t ptlen = strlen(pt);
        unsigned char key[32], key2[32], blob[128], blob2[128];
        char out[128];
        size_t n;
        long m;

        secrets_derive_key(secret, "idcard", key);
        n = secrets_seal(key, pt, ptlen, blob, sizeof blob);
        is_int((long long)n, (long long)(ptlen + SECRETS_SEAL_OVERHEAD), "blob = 29 + plaintext");
        is_int(blob[0], 1, "version byte 1");
        ok(memmem(blob, n, pt, ptlen) == NULL, "plaintext not in the blob");
        m = secrets_open(key, blob, n, out, sizeof out);
        is_int(m, (long)ptlen, "open returns the length");
        is_str(out, pt, "round trip");

        /* every single-byte corruption, in every position, refused */
        int refused = 0, total = 0, wiped = 1;
        for (size_t i = 0; i < n; i++) {
                for (int x = 1; x < 256; x <<= 1) {
                        blob[i] ^= (unsigned char)x;
                        memset(out, 'Z', sizeof out);
                        refused += secrets_open(key, blob, n, out, sizeof out) == -1;
                        for (size_t k = 0; k <= ptlen; k++)
                                wiped &= out[k] == 0 || out[k] == 'Z';
                        total++;
                        blob[i] ^= (unsigned char)x;
                }
                blob[i] ^= 0xff;
                refused += secrets_open(key, blob, n, out, sizeof out) == -1;
                total++;
                blob[i] ^= 0xff;
        }
        is_int(refused, total, "every bit flip and byte inversion of the blob refused");
        ok(wiped, "a refused open leaves no plaintext in out");
        is_int(secrets_open(key, blob, n, out, sizeof out), (long)ptlen, "restored blob opens");

        /* truncation and extension */
        is_int(secrets_open(key, blob, n - 1, out, sizeof out), -1, "truncated by one refused");
        is_int(secrets_open(key, blob, SECRETS_SEAL_OVERHEAD - 1, out, sizeof out), -1,
               "shorter than the overhead refused");
        memcpy(blob2, blob, n);
        blob2[n] = 0;
        is_int(secrets_open(key, blob2, n + 1, out, sizeof out), -1, "extended by one refused");

        /* version byte */
        memcpy(blob2, blob, n);
        blob2[0] = 2;
        is_int(secrets_open(key, blob2, n, out, sizeof out), -1, "version 2 refused");
        blob2[0] = 0;
        is_int(secrets_open(key, blob2, n, out, sizeof out), -1, "version 0 refused");

        /* wrong key, wrong purpose */
        memcpy(key2, key, 32);
        key2[0] ^= 0x80;
        is_int(secrets_open(key2, blob, n, out, sizeof out), -1, "wrong key refused");
        secrets_derive_key(secret, "phone", key2);
        is_int(secrets_open(key2, blob, n, out, sizeof out), -1, "key of another purpose refused");

        /* associated data: the context binds the blob to its row */
        n = secrets_seal_ad(key, "users.id_card:42", pt, ptlen, blob2, sizeof blob2);
        is_int((long long)n, (long long)(ptlen + SECRETS_SEAL_OVERHEAD), "seal_ad length");
        is_int(secrets_open_ad(key, "users.id_card:42", blob2, n, out, sizeof out), (long)ptlen,
               "open_ad with the same context");
        is_str(out, pt, "open_ad round trip");
        is_int(secrets_open_ad(key, "users.id_card:43", blob2, n, out, sizeof out), -1,
               "another row's context refused");
        is_int(secrets_open(key, blob2, n, out, sizeof out), -1, "no context refused");
        is_int(secrets_open_ad(key, "users.id_card:42", blob, n, out, sizeof out), -1,
               "context given to a blob sealed without one refused");
        is_int(secrets_open_ad(key, "", blob, n, out, sizeof out), (long)ptlen,
               "empty context = none");

        /* nonces differ */
        n = secrets_seal(key, pt, ptlen, blob2, sizeof blob2);
        is_int((long long)n, (long long)(ptlen + SECRETS_SEAL_OVERHEAD), "second seal");
        ok(memcmp(blob + 1, blob2 + 1, SECRETS_SEAL_NONCE) != 0, "two seals: nonces differ");
        ok(memcmp(blob + 13, blob2 + 13, ptlen) != 0, "two seals: ciphertexts differ");

        /* sizes */
        is_int((long long)secrets_seal(key, pt, ptlen, blob2, ptlen + SECRETS_SEAL_OVERHEAD - 1), 0,
               "seal into too small a buffer refused");
        is_int((long long)secrets_seal(key, pt, ptlen, blob2, ptlen + SECRETS_SEAL_OVERHEAD),
               (long long)(ptlen + SECRETS_SEAL_OVERHEAD), "exactly enough room");
        is_int(secrets_open(key, blob2, ptlen + SECRETS_SEAL_OVERHEAD, out, ptlen), -1,
               "open without room for the NUL refused");
        is_int(secrets_open(key, blob2, ptlen + SECRETS_SEAL_OVERHEAD, out, ptlen + 1), (long)ptlen,
               "open with exactly enough room");
        n = secrets_seal(key, "", 0, blob2, sizeof blob2);
        is_int((long long)n, SECRETS_SEAL_OVERHEAD, "empty plaintext sealed");
        is_int(secrets_open(key, blob2, n, out, sizeof out), 0, "empty plaintext opened");
        is_str(out, "", "empty round trip");
        char *big = calloc(1, SECRETS_SEAL_MAX + 1);
        unsigned char *bigout = malloc(SECRETS_SEAL_MAX + 1 + SECRETS_SEAL_OVERHEAD);
        if (big && bigout) {
                is_int((long long)secrets_seal(key, big, SECRETS_SEAL_MAX + 1, bigout,
                                               SECRETS_SEAL_MAX + 1 + SECRETS_SEAL_OVERHEAD),
                       0, "over SECRETS_SEAL_MAX refused");
                /* embedded NULs survive: the length is what counts */
                n = secrets_seal(key, "a\0b", 3, blob2, sizeof blob2);
                m = secrets_open(key, blob2, n, out, sizeof out);
                is_mem(out, m < 0 ? 0 : (size_t)m, "a\0b", 3, "binary plaintext round trip");
        }
        free(big);
        free(bigout);
        OPENSSL_cleanse(key, 32);
        OPENSSL_cleanse(key2, 32);
}

/* ---------------------------------------------------------------- otpauth and recovery codes */

static void test_otpauth(void)
{
        char uri[512];
        size_t n;

        n = secrets_otpauth_uri("课程超市", "13800138000", rfc_key, RFC_KEYLEN, uri, sizeof uri);
        is_str(uri,
               "otpauth://totp/%E8%AF%BE%E7%A8%8B%E8%B6%85%E5%B8%82:13800138000"
               "?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
               "&issuer=%E8%AF%BE%E7%A8%8B%E8%B6%85%E5%B8%82&algorithm=SHA1&digits=6&period=30",
               "otpauth URI with a Chinese issuer");
        is_int((long long)n, (long long)strlen(uri), "returns its length");
        secrets_otpauth_uri("CourseMart", "li.ming@example.org", rfc_key, 10, uri, sizeof uri);
        is_str(uri,
               "otpauth://totp/CourseMart:li.ming%40example.org?secret=GEZDGNBVGY3TQOJQ"
               "&issuer=CourseMart&algorithm=SHA1&digits=6&period=30",
               "'@' percent-encoded");
        secrets_otpauth_uri("A B:C", "x&y=z?#", rfc_key, 5, uri, sizeof uri);
        is_str(uri,
               "otpauth://totp/A%20B%3AC:x%26y%3Dz%3F%23?secret=GEZDGNBV"
               "&issuer=A%20B%3AC&algorithm=SHA1&digits=6&period=30",
               "space, colon and query characters percent-encoded");
        size_t full = strlen(uri);
        is_int((long long)secrets_otpauth_uri("A B:C", "x&y=z?#", rfc_key, 5, uri, full), 0,
               "no room for the NUL: 0");
        is_str(uri, "", "and out is wiped");
        is_int((long long)secrets_otpauth_uri("A B:C", "x&y=z?#", rfc_key, 5, uri, full + 1),
               (long long)full, "exactly enough room");
}

static void test_recovery(void)
{
        static const char alphabet[] = "23456789abcdefghijkmnpqrstuvwxyz";
        char c[SECRETS_RECOVERY_CODE_SIZE], first[SECRETS_RECOVERY_CODE_SIZE];
        int shape = 1, distinct = 1, seen[256] = {0};

        secrets_recovery_code(first);
        for (int i = 0; i < 1000; i++) {
                secrets_recovery_code(c);
                if (strlen(c) != 12 || c[4] != '-' || c[9] != '-')
                        shape = 0;
                for (int k = 0; k < 12; k++) {
                        if (k == 4 || k == 9)
                                continue;
                        if (!strchr(alphabet, c[k]) || c[k] == '\0')
                                shape = 0;
                        seen[(unsigned char)c[k]]++;
                }
                if (strcmp(c, first) == 0)
                        distinct = 0;
        }
        ok(shape, "1000 codes: xxxx-xxxx-xx from the 32-symbol alphabet");
        ok(distinct, "no repeat of the first code in 1000");
        int used = 0;
        for (const char *a = alphabet; *a; a++)
                used += seen[(unsigned char)*a] > 0;
        is_int(used, 32, "all 32 symbols appear");
        ok(!seen['0'] && !seen['1'] && !seen['l'] && !seen['o'] && !seen['O'] && !seen['I'],
           "no 0, 1, l, o, O, I");

        /* stored as a look-up hash; what the user types back is normalized */
        unsigned char h1[32], h2[32];
        char typed[32];
        secrets_lookup_hash(secret, "recovery-code", first, h1);
        snprintf(typed, sizeof typed, "%.4s %.4s %.2s", first, first + 5, first + 10);
        for (char *p = typed; *p; p++)
                if (*p >= 'a' && *p <= 'z')
                        *p = (char)(*p - 'a' + 'A');
        secrets_lookup_hash(secret, "recovery-code", typed, h2);
        is_mem(h1, 32, h2, 32, "typed in capitals with spaces: same look-up hash");
}

int main(void)
{
        test_hotp_rfc4226();
        test_totp_rfc6238();
        test_totp_check();
        test_base32();
        test_password();
        test_derive();
        test_purpose_names();
        test_seal();
        test_otpauth();
        test_recovery();
        return done_testing();
}
