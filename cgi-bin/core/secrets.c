/* secrets: see secrets.h. Every secret that passes through here (passwords, keys, plaintexts,
 * codes) stays in the caller's buffers or in locals wiped before return; nothing is logged. */
#include "secrets.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <argon2.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "crypto.h"

/* ---------------------------------------------------------------- passwords */

struct argon2_params {
        unsigned long m, t, p;
        size_t salt_b64, hash_b64; /* lengths of the two base64 fields */
};

/* Reads a decimal number of 1 to 10 digits without a leading zero at *s; advances *s. */
static bool parse_num(const char **s, unsigned long *out)
{
        const char *p = *s;
        unsigned long v = 0;
        size_t n = 0;

        while (*p >= '0' && *p <= '9') {
                if (++n > 10 || (n == 2 && v == 0))
                        return false;
                v = v * 10 + (unsigned long)(*p - '0');
                p++;
        }
        if (n == 0)
                return false;
        *s = p;
        *out = v;
        return true;
}

static bool expect(const char **s, const char *lit)
{
        size_t n = strlen(lit);

        if (strncmp(*s, lit, n) != 0)
                return false;
        *s += n;
        return true;
}

/* Length of a run of standard base64 characters (unpadded, as libargon2 writes them). */
static size_t b64_run(const char *s)
{
        size_t n = 0;

        while ((s[n] >= 'A' && s[n] <= 'Z') || (s[n] >= 'a' && s[n] <= 'z') ||
               (s[n] >= '0' && s[n] <= '9') || s[n] == '+' || s[n] == '/')
                n++;
        return n;
}

/* Parses "$argon2id$v=19$m=M,t=T,p=P$SALT$HASH" exactly; false for anything else. */
static bool parse_argon2id(const char *e, struct argon2_params *pp)
{
        if (!e || strlen(e) >= SECRETS_PASSWORD_HASH_SIZE)
                return false;
        if (!expect(&e, "$argon2id$v=19$m=") || !parse_num(&e, &pp->m) || !expect(&e, ",t=") ||
            !parse_num(&e, &pp->t) || !expect(&e, ",p=") || !parse_num(&e, &pp->p) ||
            !expect(&e, "$"))
                return false;
        pp->salt_b64 = b64_run(e);
        e += pp->salt_b64;
        if (!expect(&e, "$"))
                return false;
        pp->hash_b64 = b64_run(e);
        e += pp->hash_b64;
        return *e == '\0' && pp->salt_b64 > 0 && pp->hash_b64 > 0;
}

int secrets_password_hash(const char *password, char *out, size_t outlen)
{
        unsigned char salt[SECRETS_ARGON2_SALT];
        size_t need, pwlen;
        int rc;

        if (outlen > 0)
                out[0] = '\0';
        if (!password)
                return -1;
        pwlen = strnlen(password, SECRETS_PASSWORD_MAX + 1);
        if (pwlen > SECRETS_PASSWORD_MAX)
                return -1;
        need = argon2_encodedlen(SECRETS_ARGON2_T, SECRETS_ARGON2_M_KIB, SECRETS_ARGON2_P,
                                 SECRETS_ARGON2_SALT, SECRETS_ARGON2_HASH, Argon2_id);
        if (outlen < need)
                return -1;
        crypto_random(salt, sizeof salt);
        rc = argon2id_hash_encoded(SECRETS_ARGON2_T, SECRETS_ARGON2_M_KIB, SECRETS_ARGON2_P,
                                   password, pwlen, salt, sizeof salt, SECRETS_ARGON2_HASH, out,
                                   outlen);
        OPENSSL_cleanse(salt, sizeof salt);
        if (rc != ARGON2_OK) {
                out[0] = '\0';
                return -1;
        }
        return 0;
}

bool secrets_password_verify(const char *encoded, const char *password)
{
        struct argon2_params pp;
        size_t pwlen;

        if (!password || !parse_argon2id(encoded, &pp))
                return false;
        pwlen = strnlen(password, SECRETS_PASSWORD_MAX + 1);
        if (pwlen > SECRETS_PASSWORD_MAX)
                return false;
        if (pp.m > SECRETS_ARGON2_MAX_M_KIB || pp.t > SECRETS_ARGON2_MAX_T ||
            pp.p > SECRETS_ARGON2_MAX_P)
                return false;
        return argon2id_verify(encoded, password, pwlen) == ARGON2_OK;
}

bool secrets_password_needs_rehash(const char *encoded)
{
        struct argon2_params pp;

        if (!parse_argon2id(encoded, &pp))
                return true;
        /* unpadded base64 of n bytes is ceil(4n / 3) characters */
        return pp.m < SECRETS_ARGON2_M_KIB || pp.t < SECRETS_ARGON2_T ||
               pp.salt_b64 < (4 * SECRETS_ARGON2_SALT + 2) / 3 ||
               pp.hash_b64 < (4 * SECRETS_ARGON2_HASH + 2) / 3;
}

/* ---------------------------------------------------------------- keys and look-up hashes */

/* HMAC-SHA256(secret, prefix purpose) after checking purpose; aborts on a bad purpose (a constant
 * in the program, so the first test that uses it finds the mistake). */
static void derive(const unsigned char secret[32], const char *prefix, const char *purpose,
                   unsigned char out[32])
{
        char label[64 + SECRETS_PURPOSE_MAX];
        size_t plen = strlen(prefix), n = purpose ? strlen(purpose) : 0;

        if (n == 0 || n > SECRETS_PURPOSE_MAX ||
            strspn(purpose, "abcdefghijklmnopqrstuvwxyz"
                            "0123456789._-") != n) {
                fputs("secrets: bad purpose name\n", stderr);
                abort();
        }
        memcpy(label, prefix, plen);
        memcpy(label + plen, purpose, n);
        crypto_hmac_sha256(secret, 32, label, plen + n, out);
}

void secrets_derive_key(const unsigned char secret[32], const char *purpose, unsigned char out[32])
{
        derive(secret, "coursemart:", purpose, out);
}

void secrets_lookup_hash(const unsigned char secret[32], const char *purpose, const char *value,
                         unsigned char out[32])
{
        unsigned char key[32];
        size_t len = strlen(value), n = 0;
        char *norm = malloc(len + 1);

        if (!norm) {
                fputs("secrets: out of memory\n", stderr);
                abort();
        }
        for (size_t i = 0; i < len; i++) {
                char c = value[i];

                if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
                    c == '-')
                        continue;
                norm[n++] = (c >= 'a' && c <= 'z') ? (char)(c - 'a' + 'A') : c;
        }
        derive(secret, "coursemart:lookup:", purpose, key);
        crypto_hmac_sha256(key, sizeof key, norm, n, out);
        OPENSSL_cleanse(key, sizeof key);
        OPENSSL_cleanse(norm, len + 1);
        free(norm);
}

/* ---------------------------------------------------------------- AES-256-GCM */

size_t secrets_seal_ad(const unsigned char key[32], const char *context, const char *plaintext,
                       size_t len, unsigned char *out, size_t outcap)
{
        const unsigned char version = SECRETS_SEAL_VERSION;
        size_t ctxlen = context ? strlen(context) : 0;
        EVP_CIPHER_CTX *c;
        unsigned char *nonce, *ct;
        int n = 0, fin = 0;
        bool good;

        if (!out || (!plaintext && len > 0) || len > SECRETS_SEAL_MAX ||
            outcap < len + SECRETS_SEAL_OVERHEAD || ctxlen > INT32_MAX)
                return 0;
        nonce = out + 1;
        ct = nonce + SECRETS_SEAL_NONCE;
        c = EVP_CIPHER_CTX_new();
        if (!c)
                return 0;
        out[0] = version;
        crypto_random(nonce, SECRETS_SEAL_NONCE);
        good = EVP_EncryptInit_ex(c, EVP_aes_256_gcm(), NULL, NULL, NULL) == 1 &&
               EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_GCM_SET_IVLEN, SECRETS_SEAL_NONCE, NULL) == 1 &&
               EVP_EncryptInit_ex(c, NULL, NULL, key, nonce) == 1 &&
               EVP_EncryptUpdate(c, NULL, &n, &version, 1) == 1 &&
               (ctxlen == 0 ||
                EVP_EncryptUpdate(c, NULL, &n, (const unsigned char *)context, (int)ctxlen) == 1) &&
               EVP_EncryptUpdate(c, ct, &n, (const unsigned char *)plaintext, (int)len) == 1 &&
               (size_t)n == len && EVP_EncryptFinal_ex(c, ct + n, &fin) == 1 && fin == 0 &&
               EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_GCM_GET_TAG, SECRETS_SEAL_TAG, ct + len) == 1;
        EVP_CIPHER_CTX_free(c); /* wipes the key schedule */
        if (!good) {
                OPENSSL_cleanse(out, len + SECRETS_SEAL_OVERHEAD);
                return 0;
        }
        return len + SECRETS_SEAL_OVERHEAD;
}

size_t secrets_seal(const unsigned char key[32], const char *plaintext, size_t len,
                    unsigned char *out, size_t outcap)
{
        return secrets_seal_ad(key, NULL, plaintext, len, out, outcap);
}

long secrets_open_ad(const unsigned char key[32], const char *context, const unsigned char *blob,
                     size_t bloblen, char *out, size_t outcap)
{
        size_t ctxlen = context ? strlen(context) : 0, len;
        const unsigned char *nonce, *ct;
        unsigned char tag[SECRETS_SEAL_TAG];
        EVP_CIPHER_CTX *c;
        int n = 0, fin = 0;
        bool good;

        if (!blob || !out || bloblen < SECRETS_SEAL_OVERHEAD || blob[0] != SECRETS_SEAL_VERSION)
                return -1;
        len = bloblen - SECRETS_SEAL_OVERHEAD;
        if (len > SECRETS_SEAL_MAX || outcap < len + 1 || ctxlen > INT32_MAX)
                return -1;
        nonce = blob + 1;
        ct = nonce + SECRETS_SEAL_NONCE;
        memcpy(tag, ct + len, sizeof tag); /* the ctrl takes a non-const pointer */
        c = EVP_CIPHER_CTX_new();
        if (!c)
                return -1;
        good = EVP_DecryptInit_ex(c, EVP_aes_256_gcm(), NULL, NULL, NULL) == 1 &&
               EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_GCM_SET_IVLEN, SECRETS_SEAL_NONCE, NULL) == 1 &&
               EVP_DecryptInit_ex(c, NULL, NULL, key, nonce) == 1 &&
               EVP_DecryptUpdate(c, NULL, &n, blob, 1) == 1 &&
               (ctxlen == 0 ||
                EVP_DecryptUpdate(c, NULL, &n, (const unsigned char *)context, (int)ctxlen) == 1) &&
               EVP_DecryptUpdate(c, (unsigned char *)out, &n, ct, (int)len) == 1 &&
               (size_t)n == len &&
               EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_GCM_SET_TAG, SECRETS_SEAL_TAG, tag) == 1 &&
               EVP_DecryptFinal_ex(c, (unsigned char *)out + n, &fin) == 1 && fin == 0;
        EVP_CIPHER_CTX_free(c);
        if (!good) {
                /* GCM decrypts before it authenticates: never leave unauthenticated plaintext */
                OPENSSL_cleanse(out, len + 1);
                return -1;
        }
        out[len] = '\0';
        return (long)len;
}

long secrets_open(const unsigned char key[32], const unsigned char *blob, size_t bloblen, char *out,
                  size_t outcap)
{
        return secrets_open_ad(key, NULL, blob, bloblen, out, outcap);
}

/* ---------------------------------------------------------------- HOTP / TOTP */

uint32_t secrets_hotp(const unsigned char *key, size_t keylen, uint64_t counter, int digits)
{
        static const uint32_t pow10[] = {1000000u, 10000000u, 100000000u};
        unsigned char msg[8], mac[EVP_MAX_MD_SIZE];
        unsigned int maclen = 0;
        uint32_t bin;
        unsigned off;

        if (digits < 6 || digits > 8 || keylen == 0 || keylen > INT32_MAX)
                return UINT32_MAX;
        for (int i = 7; i >= 0; i--) {
                msg[i] = (unsigned char)(counter & 0xff);
                counter >>= 8;
        }
        if (!HMAC(EVP_sha1(), key, (int)keylen, msg, sizeof msg, mac, &maclen) || maclen != 20)
                return UINT32_MAX;
        /* RFC 4226 section 5.3: dynamic truncation */
        off = mac[19] & 0x0f;
        bin = (uint32_t)(mac[off] & 0x7f) << 24 | (uint32_t)mac[off + 1] << 16 |
              (uint32_t)mac[off + 2] << 8 | (uint32_t)mac[off + 3];
        OPENSSL_cleanse(mac, sizeof mac);
        return bin % pow10[digits - 6];
}

uint32_t secrets_totp_at(const unsigned char *key, size_t keylen, uint64_t unix_time, int digits)
{
        return secrets_hotp(key, keylen, unix_time / SECRETS_TOTP_STEP, digits);
}

bool secrets_totp_check(const unsigned char *key, size_t keylen, const char *code, uint64_t now,
                        long *matched_step)
{
        uint64_t step = now / SECRETS_TOTP_STEP;
        char want[16];
        bool found = false;
        long which = -1;

        if (!code || strlen(code) != SECRETS_TOTP_DIGITS ||
            strspn(code, "0123456789") != SECRETS_TOTP_DIGITS || keylen == 0)
                return false;
        for (int d = -1; d <= 1; d++) {
                uint64_t s = step + (uint64_t)(int64_t)d;
                uint32_t v;

                if ((d < 0 && step == 0) || s > (uint64_t)INT64_MAX)
                        continue;
                v = secrets_hotp(key, keylen, s, SECRETS_TOTP_DIGITS);
                if (v == UINT32_MAX)
                        continue;
                snprintf(want, sizeof want, "%0*u", SECRETS_TOTP_DIGITS, (unsigned)v);
                if (crypto_equal(want, code, SECRETS_TOTP_DIGITS)) {
                        found = true;
                        which = (long)s; /* the later of two matches wins */
                }
        }
        OPENSSL_cleanse(want, sizeof want);
        if (found && matched_step)
                *matched_step = which;
        return found;
}

/* ---------------------------------------------------------------- base32 */

static const char b32[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

size_t secrets_base32_encode(const unsigned char *in, size_t len, char *out)
{
        size_t o = 0;
        unsigned acc = 0;
        int bits = 0;

        for (size_t i = 0; i < len; i++) {
                acc = (acc << 8 | in[i]) & 0xfff;
                bits += 8;
                while (bits >= 5) {
                        bits -= 5;
                        out[o++] = b32[(acc >> bits) & 31];
                }
        }
        if (bits > 0)
                out[o++] = b32[(acc << (5 - bits)) & 31];
        out[o] = '\0';
        return o;
}

long secrets_base32_decode(const char *in, unsigned char *out, size_t outcap)
{
        return crypto_decode_radix(in, b32, 5, out, outcap);
}

/* ---------------------------------------------------------------- otpauth URI */

struct sink {
        char *p;
        size_t cap, len;
        bool full;
};

static void put(struct sink *s, const char *str, size_t n)
{
        if (s->full || s->len + n >= s->cap) {
                s->full = true;
                return;
        }
        memcpy(s->p + s->len, str, n);
        s->len += n;
        s->p[s->len] = '\0';
}

static void puts_lit(struct sink *s, const char *str)
{
        put(s, str, strlen(str));
}

/* Percent-encodes all but RFC 3986 unreserved characters. */
static void put_pct(struct sink *s, const char *str)
{
        static const char hex[] = "0123456789ABCDEF";

        for (const unsigned char *u = (const unsigned char *)str; *u; u++) {
                if ((*u >= 'A' && *u <= 'Z') || (*u >= 'a' && *u <= 'z') ||
                    (*u >= '0' && *u <= '9') || *u == '-' || *u == '.' || *u == '_' || *u == '~') {
                        put(s, (const char *)u, 1);
                } else {
                        char e[3] = {'%', hex[*u >> 4], hex[*u & 15]};
                        put(s, e, 3);
                }
        }
}

size_t secrets_otpauth_uri(const char *issuer, const char *account, const unsigned char *key,
                           size_t keylen, char *out, size_t outcap)
{
        struct sink s = {out, outcap, 0, outcap == 0};
        char *b = NULL;

        if (outcap > 0)
                out[0] = '\0';
        if (!issuer || !account || keylen == 0 || keylen > 64)
                return 0;
        b = malloc(SECRETS_BASE32_SIZE(keylen));
        if (!b)
                return 0;
        secrets_base32_encode(key, keylen, b);
        puts_lit(&s, "otpauth://totp/");
        put_pct(&s, issuer);
        puts_lit(&s, ":");
        put_pct(&s, account);
        puts_lit(&s, "?secret=");
        puts_lit(&s, b);
        puts_lit(&s, "&issuer=");
        put_pct(&s, issuer);
        puts_lit(&s, "&algorithm=SHA1&digits=6&period=30");
        OPENSSL_cleanse(b, SECRETS_BASE32_SIZE(keylen));
        free(b);
        if (s.full) {
                OPENSSL_cleanse(out, outcap);
                return 0;
        }
        return s.len;
}

/* ---------------------------------------------------------------- recovery codes */

void secrets_recovery_code(char out[SECRETS_RECOVERY_CODE_SIZE])
{
        static const char alphabet[] = "23456789abcdefghijkmnpqrstuvwxyz"; /* 32 symbols */
        unsigned char r[10];
        size_t o = 0;

        crypto_random(r, sizeof r);
        for (size_t i = 0; i < sizeof r; i++) {
                if (i == 4 || i == 8)
                        out[o++] = '-';
                out[o++] = alphabet[r[i] & 31]; /* 256 is a multiple of 32: no bias */
        }
        out[o] = '\0';
        OPENSSL_cleanse(r, sizeof r);
}
