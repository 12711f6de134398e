/* fuzz_sim.c: libFuzzer target for gatewaysim's parsers of what a client sends (sim/sim_text.c):
 * the input, cut at its first NUL, is given to each as a TC3 Authorization header, a template list,
 * a phone number, an Aliyun Timestamp, and (as JSON) template parameters. The run aborts on any
 * broken invariant: a field that is not NUL-terminated inside its array, a normalized phone that is
 * not 11 digits, a timestamp that does not print back to the same text, a text without the sign.
 * It must never keep state between inputs. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sim/sim_text.h"

#define CHECK(c)                                                                                   \
        do {                                                                                       \
                if (!(c)) {                                                                        \
                        fprintf(stderr, "invariant failed: %s (line %d)\n", #c, __LINE__);         \
                        abort();                                                                   \
                }                                                                                  \
        } while (0)

static void check_auth(const char *s)
{
        struct sim_tc3_auth a;

        if (sim_tc3_parse(s, &a) < 0)
                return;
        CHECK(memchr(a.algorithm, 0, sizeof a.algorithm) && a.algorithm[0]);
        CHECK(memchr(a.secret_id, 0, sizeof a.secret_id) && a.secret_id[0]);
        CHECK(memchr(a.date, 0, sizeof a.date) && memchr(a.service, 0, sizeof a.service));
        CHECK(memchr(a.terminator, 0, sizeof a.terminator) && !strchr(a.terminator, '/'));
        CHECK(memchr(a.signed_headers, 0, sizeof a.signed_headers));
        CHECK(memchr(a.signature, 0, sizeof a.signature) && a.signature[0]);
        CHECK(!strchr(a.secret_id, '/') && !strchr(a.date, '/') && !strchr(a.service, '/'));
}

static void check_templates(const char *s)
{
        struct sim_template t[4];
        int n = sim_parse_templates(s, t, 4);

        CHECK(n >= -1 && n <= 4);
        for (int i = 0; i < n; i++) {
                CHECK(t[i].name[0] && t[i].code[0] && !strchr(t[i].code, ':'));
                CHECK(sim_template_by_code(t, (size_t)n, t[i].code) != NULL);
        }
}

static void check_phone(const char *s)
{
        char out[12];

        if (!sim_phone_normalize(s, out))
                return;
        CHECK(strlen(out) == 11 && out[0] == '1');
        for (int i = 0; i < 11; i++)
                CHECK(out[i] >= '0' && out[i] <= '9');
}

static void check_timestamp(const char *s)
{
        long long t;
        char back[32];
        struct tm tm;
        time_t tt;

        if (sim_parse_iso8601(s, &t) < 0)
                return;
        tt = (time_t)t;
        CHECK(gmtime_r(&tt, &tm));
        strftime(back, sizeof back, "%Y-%m-%dT%H:%M:%SZ", &tm);
        /* a leap second (":60") is read as the next minute's ":00" */
        CHECK(strcmp(back, s) == 0 || strncmp(s + 17, "60", 2) == 0);
}

static void check_fill(const char *s)
{
        json_t *p = json_loads(s, JSON_DECODE_ANY, NULL);
        struct buf out;

        buf_init(&out);
        if (sim_fill_named("login_code", "签", p, &out) == SIM_FILL_OK)
                CHECK(strncmp(buf_cstr(&out), "【签】", strlen("【签】")) == 0);
        buf_clear(&out);
        if (sim_fill_positional("other", "签", p, &out) == SIM_FILL_OK)
                CHECK(strncmp(buf_cstr(&out), "【签】other：", strlen("【签】other：")) == 0);
        buf_free(&out);
        json_decref(p);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
        char *s = malloc(size + 1);

        if (!s)
                return 0;
        memcpy(s, data, size);
        s[size] = '\0';
        check_auth(s);
        check_templates(s);
        check_phone(s);
        check_timestamp(s);
        check_fill(s);
        free(s);
        return 0;
}
