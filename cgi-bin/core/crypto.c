/* crypto: see crypto.h. */
#include "crypto.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

void crypto_random(void *out, size_t len)
{
        if (RAND_bytes(out, (int)len) != 1) {
                fputs("crypto_random: no randomness\n", stderr);
                abort();
        }
}

void crypto_sha256(const void *data, size_t len, unsigned char out[32])
{
        unsigned int n = 0;
        EVP_Digest(data, len, out, &n, EVP_sha256(), NULL);
}

void crypto_hmac_sha256(const void *key, size_t keylen, const void *data, size_t len,
                        unsigned char out[32])
{
        unsigned int n = 0;
        HMAC(EVP_sha256(), key, (int)keylen, data, len, out, &n);
}

bool crypto_equal(const void *a, const void *b, size_t len)
{
        return CRYPTO_memcmp(a, b, len) == 0;
}

void crypto_hex(const unsigned char *in, size_t len, char *out)
{
        static const char digits[] = "0123456789abcdef";
        for (size_t i = 0; i < len; i++) {
                out[2 * i] = digits[in[i] >> 4];
                out[2 * i + 1] = digits[in[i] & 15];
        }
        out[2 * len] = '\0';
}

static int hexval(char c)
{
        if (c >= '0' && c <= '9')
                return c - '0';
        if (c >= 'a' && c <= 'f')
                return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
                return c - 'A' + 10;
        return -1;
}

int crypto_unhex(const char *in, unsigned char *out, size_t outlen)
{
        if (strlen(in) != 2 * outlen)
                return -1;
        for (size_t i = 0; i < outlen; i++) {
                int hi = hexval(in[2 * i]), lo = hexval(in[2 * i + 1]);
                if (hi < 0 || lo < 0)
                        return -1;
                out[i] = (unsigned char)(hi << 4 | lo);
        }
        return 0;
}

static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

size_t crypto_b64url(const unsigned char *in, size_t len, char *out)
{
        size_t o = 0, i = 0;
        for (; i + 2 < len; i += 3) {
                unsigned v = (unsigned)in[i] << 16 | (unsigned)in[i + 1] << 8 | in[i + 2];
                out[o++] = b64[v >> 18];
                out[o++] = b64[(v >> 12) & 63];
                out[o++] = b64[(v >> 6) & 63];
                out[o++] = b64[v & 63];
        }
        if (len - i == 1) {
                unsigned v = (unsigned)in[i] << 16;
                out[o++] = b64[v >> 18];
                out[o++] = b64[(v >> 12) & 63];
        } else if (len - i == 2) {
                unsigned v = (unsigned)in[i] << 16 | (unsigned)in[i + 1] << 8;
                out[o++] = b64[v >> 18];
                out[o++] = b64[(v >> 12) & 63];
                out[o++] = b64[(v >> 6) & 63];
        }
        out[o] = '\0';
        return o;
}

long crypto_decode_radix(const char *in, const char *alphabet, int width, unsigned char *out,
                         size_t outcap)
{
        size_t len = strlen(in), o = 0;
        /* leftover bits a whole character's worth or more cannot come from whole bytes */
        if ((len * (size_t)width) % 8 >= (size_t)width)
                return -1;
        unsigned acc = 0;
        int bits = 0;
        for (size_t i = 0; i < len; i++) {
                const char *p = in[i] ? strchr(alphabet, in[i]) : NULL;
                if (!p)
                        return -1;
                acc = (acc << width | (unsigned)(p - alphabet)) & 0xffff;
                bits += width;
                if (bits >= 8) {
                        bits -= 8;
                        if (o >= outcap)
                                return -1;
                        out[o++] = (unsigned char)(acc >> bits);
                }
        }
        /* the leftover bits of a canonical encoding are zero */
        if (bits > 0 && (acc & ((1u << bits) - 1)) != 0)
                return -1;
        return (long)o;
}

long crypto_unb64url(const char *in, unsigned char *out, size_t outcap)
{
        return crypto_decode_radix(in, b64, 6, out, outcap);
}
