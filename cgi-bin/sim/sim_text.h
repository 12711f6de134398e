/* sim_text: gatewaysim's pure helpers: the configured template list, mainland mobile numbers, the
 * timestamp and Authorization formats the providers sign, and the message text a template and its
 * parameters make. No I/O, no clock, no randomness (unit-tested in tests/unit/test_sim.c); it must
 * never log, since parameters hold one-time codes. */
#ifndef CM_SIM_TEXT_H
#define CM_SIM_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

#include "buf.h"
#include "sim/sim.h"

/* Parses "name:code name:code" (blanks between pairs) into out[cap]. Returns the count, or -1 on
 * a pair without ':' or an empty side, a name or code that does not fit, or more than cap pairs. */
int sim_parse_templates(const char *spec, struct sim_template *out, size_t cap);

/* The configured template with this provider code, or NULL. */
const struct sim_template *sim_template_by_code(const struct sim_template *t, size_t n,
                                                const char *code);

/* A mainland mobile number in any form the providers take ("13800138000", "+8613800138000",
 * "8613800138000", "008613800138000") written as 11 digits to out; false for anything else. */
bool sim_phone_normalize(const char *in, char out[12]);

/* Aliyun's Timestamp "YYYY-MM-DDThh:mm:ssZ" (ISO 8601, UTC) to unix seconds; -1 if malformed. */
int sim_parse_iso8601(const char *s, long long *unix_seconds);

/* The parts of a TC3 Authorization header:
 * "TC3-HMAC-SHA256 Credential=ID/DATE/SERVICE/tc3_request, SignedHeaders=a;b, Signature=HEX". */
struct sim_tc3_auth {
        char algorithm[32];
        char secret_id[128];
        char date[16];
        char service[32];
        char terminator[32]; /* "tc3_request" */
        char signed_headers[128];
        char signature[80];
};

/* 0, or -1 when the header is not of that shape (a part missing or too long). */
int sim_tc3_parse(const char *header, struct sim_tc3_auth *out);

enum sim_fill {
        SIM_FILL_OK,
        SIM_FILL_NOT_STRING, /* a parameter value is not a string (both providers refuse) */
        SIM_FILL_MISSING,    /* Aliyun: the template names a variable the parameters lack */
        SIM_FILL_COUNT,      /* Tencent: not as many parameters as the template has places */
        SIM_FILL_BAD,        /* params is not an object (Aliyun) or an array (Tencent) */
};

/* The text a phone receives, "【sign】…", into *out: the template named name (our name, e.g.
 * "login_code") filled from Aliyun's TemplateParam object by variable name. A template gatewaysim
 * has no text for reads "【sign】name：value，value". */
enum sim_fill sim_fill_named(const char *name, const char *sign, json_t *params, struct buf *out);
/* The same from Tencent's TemplateParamSet array, whose strings fill the places in order. */
enum sim_fill sim_fill_positional(const char *name, const char *sign, json_t *params,
                                  struct buf *out);

#endif
