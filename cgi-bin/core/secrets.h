/* secrets: the account-security primitives. Password hashing with argon2id (libargon2); field
 * encryption of personal data at rest with AES-256-GCM (OpenSSL EVP) under keys derived per purpose
 * from the server secret, and keyed look-up hashes for uniqueness (PIPL: ID-card numbers); TOTP
 * second factors (RFC 4226 HOTP, RFC 6238 TOTP, RFC 4648 base32, otpauth:// URIs) and recovery
 * codes for staff. Randomness, SHA-256, HMAC-SHA256 and constant-time comparison come from
 * crypto.h.
 *
 * It must never log, print or keep (beyond the call) a password, a key, a secret, a plaintext it
 * seals or opens, a TOTP code or a recovery code; never compare any of them with memcmp/strcmp;
 * never roll its own cipher, hash or random source. Keys it derives are wiped with
 * OPENSSL_cleanse before it returns; callers wipe the keys they hold the same way. */
#ifndef CM_SECRETS_H
#define CM_SECRETS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---------------------------------------------------------------- passwords (argon2id) */

/* The current parameters: OWASP's argon2id minimum (m = 19 MiB, t = 2, p = 1). On the 2-core
 * server one hash takes tens of milliseconds of one core and 19 MiB while it runs, so the default
 * four workers can all answer logins at once in under 80 MiB. Raise them here; stored hashes below
 * them are upgraded at the next successful login (secrets_password_needs_rehash). */
#define SECRETS_ARGON2_M_KIB 19456u
#define SECRETS_ARGON2_T     2u
#define SECRETS_ARGON2_P     1u
#define SECRETS_ARGON2_SALT  16u /* bytes from crypto_random */
#define SECRETS_ARGON2_HASH  32u /* bytes of tag */
/* Verification refuses stored strings that would cost more than this (a corrupt or hostile row
 * must not make a worker allocate gigabytes): m up to 256 MiB, t up to 16, p up to 8. */
#define SECRETS_ARGON2_MAX_M_KIB 262144u
#define SECRETS_ARGON2_MAX_T     16u
#define SECRETS_ARGON2_MAX_P     8u

/* Longer passwords are refused outright (hashing cost is not the issue, request size is: DoS). */
#define SECRETS_PASSWORD_MAX 1024
/* Room for an encoded hash: "$argon2id$v=19$m=19456,t=2,p=1$<22 chars>$<43 chars>" is 97 bytes;
 * longer stored strings are refused by verify. */
#define SECRETS_PASSWORD_HASH_SIZE 128

/* Hashes password (a NUL-terminated string of at most SECRETS_PASSWORD_MAX bytes; an empty one is
 * hashed too, the password policy is the caller's) with argon2id under the current parameters and
 * a fresh 16-byte salt, writing the standard encoded string
 * "$argon2id$v=19$m=19456,t=2,p=1$<salt b64>$<hash b64>" to out. Returns 0, or -1 when the password
 * is too long, out (outlen bytes; SECRETS_PASSWORD_HASH_SIZE is enough) is too small, or libargon2
 * fails (out of memory); out is then "". */
int secrets_password_hash(const char *password, char *out, size_t outlen);

/* True when password matches the encoded argon2id string, compared in constant time by
 * argon2id_verify. False for a wrong password, a password over SECRETS_PASSWORD_MAX, anything but
 * a well-formed "$argon2id$v=19$" string, and parameters above the SECRETS_ARGON2_MAX_* bounds. */
bool secrets_password_verify(const char *encoded, const char *password);

/* True when encoded should be replaced by a fresh secrets_password_hash after a successful verify:
 * it is not argon2id version 19, its m or t is below the current parameters, its salt is shorter
 * than 16 bytes or its hash shorter than 32, or it cannot be parsed. Stronger parameters are kept.
 */
bool secrets_password_needs_rehash(const char *encoded);

/* ---------------------------------------------------------------- personal data at rest */

/* Purpose names (e.g. "idcard", "phone", "recovery-code") are program constants of 1 to 64 bytes
 * from [a-z0-9._-]; anything else is a programming error and aborts. Their having no ':' keeps the
 * derivation labels below apart. */
#define SECRETS_PURPOSE_MAX 64

/* out = HMAC-SHA256(secret, "coursemart:" purpose): the AES-256-GCM key for one purpose. A key for
 * "idcard" opens nothing sealed for "phone", and no derived key equals a look-up key. Wipe out with
 * OPENSSL_cleanse when done. */
void secrets_derive_key(const unsigned char secret[32], const char *purpose, unsigned char out[32]);

/* A sealed blob, version 1:  version (1 byte, 0x01) ‖ nonce (12 random bytes) ‖ ciphertext (as long
 * as the plaintext) ‖ GCM tag (16 bytes). The associated data authenticated with it (not stored) is
 * the version byte followed by the caller's context string of the _ad variants ("" for the plain
 * ones); so a changed version byte fails, and a blob sealed for row 42 with context
 * "users.id_card:42" fails to open as row 43's. Random 96-bit nonces allow 2^32 seals per key (NIST
 * SP 800-38D), far above a city's population; rotate the secret long before. Store the blob as
 * bytea (or crypto_b64url text). */
#define SECRETS_SEAL_VERSION  1
#define SECRETS_SEAL_NONCE    12
#define SECRETS_SEAL_TAG      16
#define SECRETS_SEAL_OVERHEAD (1 + SECRETS_SEAL_NONCE + SECRETS_SEAL_TAG) /* 29 bytes */
#define SECRETS_SEAL_MAX      65536 /* longest plaintext: these are fields, not files */

/* Seals len bytes of plaintext under key (from secrets_derive_key) into out. Returns the blob's
 * length, len + SECRETS_SEAL_OVERHEAD, or 0 when outcap is too small, len is over
 * SECRETS_SEAL_MAX, or OpenSSL fails. */
size_t secrets_seal(const unsigned char key[32], const char *plaintext, size_t len,
                    unsigned char *out, size_t outcap);
/* The same with associated data: context (NUL-terminated, NULL = "") binds the blob to where it is
 * stored; it must be given again, byte for byte, to secrets_open_ad. */
size_t secrets_seal_ad(const unsigned char key[32], const char *context, const char *plaintext,
                       size_t len, unsigned char *out, size_t outcap);

/* Opens a blob from secrets_seal: checks the version byte and the tag, writes the plaintext and a
 * NUL after it to out (outcap must be at least bloblen - SECRETS_SEAL_OVERHEAD + 1) and returns the
 * plaintext's length. Returns -1 for anything short, of another version, tampered with (any bit),
 * sealed under another key or context, or too big for out; out then holds no plaintext (wiped). */
long secrets_open(const unsigned char key[32], const unsigned char *blob, size_t bloblen, char *out,
                  size_t outcap);
long secrets_open_ad(const unsigned char key[32], const char *context, const unsigned char *blob,
                     size_t bloblen, char *out, size_t outcap);

/* out = HMAC-SHA256(HMAC-SHA256(secret, "coursemart:lookup:" purpose), normalized value): a
 * deterministic keyed hash to put under a UNIQUE index and to look a value up by, without storing
 * it in the clear. Someone with the database but not the secret cannot test guesses against it.
 * The value is normalized first, for identifiers made of letters and digits: ASCII whitespace and
 * '-' are dropped and ASCII letters upper-cased (so "11010519491231002x", "110105 19491231 002X"
 * give the same hash); other bytes are kept. The normalized copy is wiped. */
void secrets_lookup_hash(const unsigned char secret[32], const char *purpose, const char *value,
                         unsigned char out[32]);

/* ---------------------------------------------------------------- TOTP (staff second factor) */

/* A new TOTP secret is SECRETS_TOTP_KEY_LEN (160 bits, RFC 4226) bytes from crypto_random; codes
 * are 6 digits for 30-second steps from T0 = 0 (what every authenticator app assumes). */
#define SECRETS_TOTP_KEY_LEN 20
#define SECRETS_TOTP_STEP    30
#define SECRETS_TOTP_DIGITS  6
/* Room for base32 of n bytes, NUL included (33 for a 20-byte TOTP key). */
#define SECRETS_BASE32_SIZE(n) (((n)*8 + 4) / 5 + 1)

/* RFC 4226 HOTP with HMAC-SHA1: the digits-digit code (6 to 8) for counter, as a number (print it
 * with "%0*u", digits). Returns UINT32_MAX when digits is out of range or keylen is 0. */
uint32_t secrets_hotp(const unsigned char *key, size_t keylen, uint64_t counter, int digits);
/* RFC 6238 TOTP: secrets_hotp at step unix_time / 30 (T0 = 0). */
uint32_t secrets_totp_at(const unsigned char *key, size_t keylen, uint64_t unix_time, int digits);
/* True when code is exactly 6 ASCII digits and equals the TOTP of the step of now, the one before
 * or the one after (±30 s of clock drift); all three are computed and compared in constant time.
 * *matched_step (may be NULL) gets the step that matched (the latest if several). The caller keeps
 * the last accepted step per account and refuses a match at or below it, so a code works once. */
bool secrets_totp_check(const unsigned char *key, size_t keylen, const char *code, uint64_t now,
                        long *matched_step);

/* RFC 4648 base32, upper case, no padding: out needs SECRETS_BASE32_SIZE(len) bytes; returns the
 * length written. */
size_t secrets_base32_encode(const unsigned char *in, size_t len, char *out);
/* Decodes strict unpadded upper-case base32 (A-Z, 2-7) into out (room for outcap). Returns the
 * number of bytes, or -1 for any other character ('=', lower case, spaces), an impossible length,
 * non-zero leftover bits or too little room. */
long secrets_base32_decode(const char *in, unsigned char *out, size_t outcap);

/* Writes "otpauth://totp/<issuer>:<account>?secret=<base32>&issuer=<issuer>&algorithm=SHA1&digits=6
 * &period=30" (one line) to out, issuer and account percent-encoded as UTF-8 bytes (everything but
 * RFC 3986 unreserved characters, so 课程超市 → %E8%AF%BE%E7%A8%8B%E8%B6%85%E5%B8%82, a space →
 * %20). Returns its length, or 0 when it does not fit in outcap (512 bytes is plenty for a 20-byte
 * key and names of up to 60 bytes). The URI holds the secret: show it (as a QR code) only to its
 * owner on a no-store page, never log it. */
size_t secrets_otpauth_uri(const char *issuer, const char *account, const unsigned char *key,
                           size_t keylen, char *out, size_t outcap);

/* ---------------------------------------------------------------- recovery codes */

/* A recovery code is 10 characters from the 32-symbol alphabet "23456789abcdefghijkmnpqrstuvwxyz"
 * (no 0, 1, l, o, and no capitals, so no O or I), each uniformly random: 50 bits. Shown grouped as
 * "xxxx-xxxx-xx" (12 characters) plus the NUL: 13 bytes. Store only
 * secrets_lookup_hash(secret, "recovery-code", code), whose normalization also accepts the code
 * typed in capitals or with spaces instead of hyphens; delete the row when the code is used. */
#define SECRETS_RECOVERY_CODE_SIZE 13
void secrets_recovery_code(char out[SECRETS_RECOVERY_CODE_SIZE]);

#endif
