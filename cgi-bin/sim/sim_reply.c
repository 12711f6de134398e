/* sim_reply: the small pieces every simulated provider answers with: request ids, random serial
 * numbers and JSON bodies. Never writes a secret or a message's parameters anywhere but the body
 * it is given. */
#include "sim/sim.h"

#include <stdlib.h>

#include "crypto.h"
#include "response.h"

void sim_request_id(char out[37], bool upper)
{
        unsigned char r[16];
        static const char hex_upper[] = "0123456789ABCDEF", hex_lower[] = "0123456789abcdef";
        const char *hex = upper ? hex_upper : hex_lower;
        size_t o = 0;

        crypto_random(r, sizeof r);
        r[6] = (unsigned char)((r[6] & 0x0F) | 0x40); /* a version 4 UUID, as both providers send */
        r[8] = (unsigned char)((r[8] & 0x3F) | 0x80);
        for (size_t i = 0; i < sizeof r; i++) {
                if (i == 4 || i == 6 || i == 8 || i == 10)
                        out[o++] = '-';
                out[o++] = hex[r[i] >> 4];
                out[o++] = hex[r[i] & 15];
        }
        out[o] = '\0';
}

void sim_random_digits(char *out, size_t n)
{
        unsigned char r[64];

        while (n > 0) {
                size_t k = n < sizeof r ? n : sizeof r;
                crypto_random(r, k);
                for (size_t i = 0; i < k; i++)
                        *out++ = (char)('0' + r[i] % 10);
                n -= k;
        }
        *out = '\0';
}

void sim_json_reply(struct resp *rs, int status, json_t *body)
{
        char *text = body ? json_dumps(body, JSON_COMPACT) : NULL;

        resp_text(rs, status, "application/json;charset=utf-8", text ? text : "{}");
        free(text);
        json_decref(body);
}
