/* validate: declarative parameter specs for the route table (like Kore's validators). The router
 * checks every declared parameter before a handler runs, so handlers see only well-formed values;
 * a bad value becomes a 400 page naming the parameter. Undeclared parameters are ignored. */
#ifndef CM_VALIDATE_H
#define CM_VALIDATE_H

#include <stdbool.h>

enum param_kind {
        PARAM_END = 0,
        PARAM_ID,   /* a positive integer id, 1 … 2^31-1 */
        PARAM_INT,  /* an integer in [min, max] */
        PARAM_NUM,  /* a decimal number in [min, max] (coordinates) */
        PARAM_TEXT, /* UTF-8 text of at most max characters, trimmed; "" counts as absent */
        PARAM_ENUM, /* one of choices */
        PARAM_SLUG, /* [a-z0-9-]{1,max} */
};

enum param_source { FROM_QUERY = 1, FROM_FORM = 2, FROM_PATH = 4 };

struct param_spec {
        const char *name;
        enum param_kind kind;
        unsigned sources; /* FROM_* bits; 0 means the query for GET and the form for POST */
        bool required;
        double min, max;            /* for INT, NUM; max characters for TEXT, max length for SLUG */
        const char *const *choices; /* NULL-terminated, for ENUM */
};

/* Checks one raw value against a spec. Returns true if valid and writes the normalized value
 * (trimmed text, canonical number) to *out (arena-allocated by the caller's arena). */
struct arena;
bool param_check(struct arena *a, const struct param_spec *spec, const char *raw, const char **out);

#endif
