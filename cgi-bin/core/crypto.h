/* crypto: the few primitives the app needs, over OpenSSL: random bytes, SHA-256, HMAC-SHA256,
 * constant-time comparison, hex and base64url. Never rolls its own cipher or random source. */
#ifndef CM_CRYPTO_H
#define CM_CRYPTO_H

#include <stdbool.h>
#include <stddef.h>

void crypto_random(void *out, size_t len); /* aborts if the system cannot give randomness */
void crypto_sha256(const void *data, size_t len, unsigned char out[32]);
void crypto_hmac_sha256(const void *key, size_t keylen, const void *data, size_t len,
                        unsigned char out[32]);
bool crypto_equal(const void *a, const void *b, size_t len); /* constant time */
/* out needs 2 * len + 1 bytes. */
void crypto_hex(const unsigned char *in, size_t len, char *out);
/* Decodes exactly outlen bytes from 2 * outlen hex digits; -1 on anything else. */
int crypto_unhex(const char *in, unsigned char *out, size_t outlen);
/* Unpadded base64url; out needs 4 * ((len + 2) / 3) + 1 bytes. Returns the length written. */
size_t crypto_b64url(const unsigned char *in, size_t len, char *out);
/* Decodes unpadded text in an RFC 4648 alphabet of 2^width symbols (base64url: 6, base32: 5) into
 * out (room for outcap). Returns the bytes, or -1 on a character outside the alphabet, a length no
 * whole number of bytes gives, or non-zero leftover bits (a non-canonical encoding). */
long crypto_decode_radix(const char *in, const char *alphabet, int width, unsigned char *out,
                         size_t outcap);
/* Decodes unpadded base64url into out (room for outcap); returns bytes or -1 if malformed. */
long crypto_unb64url(const char *in, unsigned char *out, size_t outcap);

#endif
