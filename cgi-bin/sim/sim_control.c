/* sim_control: how tests and developers steer gatewaysim and read what it received.
 *   POST /sim/mode      phone (11 digits or *), mode, count (default 1; 0 = until reset), hold_ms
 *   POST /sim/reset     clears the modes; with messages=1 also the messages and refusals
 *   GET  /sim/messages  ?phone=&limit= : the messages as JSON, newest first
 *   GET  /sim/          a page listing the latest messages and their text (templates/sim/)
 * None of this has authentication, by design: gatewaysim listens only on loopback, behind the
 * instance's nginx, and never runs in production; these pages show one-time codes in the clear.
 * It never renders HTML from C: the page is a ClearSilver template with HTML escaping on. */
#include "sim/sim.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ClearSilver.h>

#include "db.h"
#include "http.h"
#include "log.h"
#include "request.h"
#include "response.h"
#include "sim/sim_store.h"
#include "sim/sim_text.h"
#include "view.h"

#define SIM_MAX_HOLD_MS  120000
#define SIM_PAGE_LIMIT   "50"
#define SIM_LIST_DEFAULT 20
#define SIM_LIST_MAX     500

static void json_error(struct resp *rs, int status, const char *message)
{
        sim_json_reply(rs, status, json_pack("{s:s}", "error", message));
}

/* A whole number from lo to hi, dflt when absent or empty, -1 when malformed or out of range. */
static long number(const char *s, long dflt, long lo, long hi)
{
        char *end;
        long v;

        if (!s || !*s)
                return dflt;
        if (*s < '0' || *s > '9')
                return -1;
        v = strtol(s, &end, 10);
        return *end || v < lo || v > hi ? -1 : v;
}

static const char *form(const struct sim_call *c, const char *name)
{
        const char *v = kv_get(c->rq->form, name);

        return v ? v : kv_get(c->rq->query, name);
}

static void set_mode(struct sim_call *c, struct resp *rs)
{
        static const char *const modes[] = {"ok",      "fail",    "ratelimit",
                                            "illegal", "timeout", "slow"};
        const char *phone_in = form(c, "phone"), *mode = form(c, "mode");
        char phone[12], count_s[24], hold_s[24];
        long count, hold, dflt_hold = 0;
        bool known = false;

        for (size_t i = 0; mode && i < sizeof modes / sizeof modes[0]; i++)
                known |= strcmp(mode, modes[i]) == 0;
        if (!known)
                return json_error(rs, 400,
                                  "mode must be ok, fail, ratelimit, illegal, timeout or slow");
        if (phone_in && strcmp(phone_in, "*") == 0)
                snprintf(phone, sizeof phone, "*");
        else if (!sim_phone_normalize(phone_in, phone))
                return json_error(rs, 400, "phone must be a mainland mobile number or *");
        if (strcmp(mode, "timeout") == 0)
                dflt_hold = 15000; /* longer than the drivers' default 10 s timeout */
        else if (strcmp(mode, "slow") == 0)
                dflt_hold = 3000;
        count = number(form(c, "count"), 1, 0, 1000000);
        hold = number(form(c, "hold_ms"), dflt_hold, 0, SIM_MAX_HOLD_MS);
        if (count < 0)
                return json_error(rs, 400, "count must be a whole number (0 = until reset)");
        if (hold < 0)
                return json_error(rs, 400, "hold_ms must be a whole number up to 120000");
        snprintf(count_s, sizeof count_s, "%ld", count);
        snprintf(hold_s, sizeof hold_s, "%ld", hold);
        if (!sim_store_set_mode(c->db, phone, mode, count_s, hold_s))
                return json_error(rs, 503, "the database refused the mode");
        sim_json_reply(rs, 200,
                       json_pack("{s:s, s:s, s:i, s:i}", "phone", phone, "mode", mode, "count",
                                 (int)count, "hold_ms", (int)hold));
}

static void reset(struct sim_call *c, struct resp *rs)
{
        const char *m = form(c, "messages");
        bool messages = m && strcmp(m, "1") == 0;

        if (!sim_store_reset(c->db, messages))
                return json_error(rs, 503, "the database refused the reset");
        sim_json_reply(rs, 200, json_pack("{s:b, s:b}", "reset", 1, "messages", messages));
}

/* The phone filter of a listing: "" for all, the 11 digits, or NULL when malformed. */
static const char *phone_filter(const struct sim_call *c, char out[12])
{
        const char *p = kv_get(c->rq->query, "phone");

        if (!p || !*p) {
                out[0] = '\0';
                return out;
        }
        return sim_phone_normalize(p, out) ? out : NULL;
}

static void list_messages(struct sim_call *c, struct resp *rs)
{
        char phone[12], limit[24];
        long n = number(kv_get(c->rq->query, "limit"), SIM_LIST_DEFAULT, 1, SIM_LIST_MAX);
        PGresult *r;

        if (!phone_filter(c, phone))
                return json_error(rs, 400, "phone must be a mainland mobile number");
        if (n < 0)
                return json_error(rs, 400, "limit must be from 1 to 500");
        snprintf(limit, sizeof limit, "%ld", n);
        r = sim_store_messages(c->db, phone, limit);
        if (!r)
                return json_error(rs, 503, "the database did not answer");

        json_t *list = json_array();
        for (int i = 0; i < PQntuples(r); i++) {
                json_t *params = json_loads(db_val(r, i, db_col(r, "params")), 0, NULL);
                json_array_append_new(
                    list, json_pack("{s:I, s:s, s:s, s:s, s:s, s:o, s:s, s:s, s:s, s:s}", "id",
                                    (json_int_t)strtoll(db_val(r, i, 0), NULL, 10), "provider",
                                    db_val(r, i, 1), "phone", db_val(r, i, 2), "sign_name",
                                    db_val(r, i, 3), "template_code", db_val(r, i, 4), "params",
                                    params ? params : json_null(), "text", db_val(r, i, 6),
                                    "context", db_val(r, i, 7), "provider_id", db_val(r, i, 8),
                                    "received_at", db_val(r, i, 9)));
        }
        sim_json_reply(rs, 200, json_pack("{s:o}", "messages", list));
}

static NEOERR *append_out(void *ctx, char *s)
{
        buf_puts(ctx, s);
        return STATUS_OK;
}

/* The human page: the latest messages, rendered by templates/sim/messages.cs. */
static void page(struct sim_call *c, struct resp *rs, const char *templates_dir)
{
        char phone[12], path[1024];
        HDF *h = NULL;
        CSPARSE *cs = NULL;
        NEOERR *err;
        PGresult *r;
        struct buf out;

        if (!phone_filter(c, phone))
                phone[0] = '\0';
        r = sim_store_messages(c->db, phone, SIM_PAGE_LIMIT);
        if (!r)
                return resp_text(rs, 503, "text/plain; charset=utf-8",
                                 "gatewaysim: the database did not answer\n");
        snprintf(path, sizeof path, "%s/sim/messages.cs", templates_dir);
        buf_init(&out);
        /* escaping must be on before cs_init, or it has no effect */
        err = hdf_init(&h);
        if (!err)
                err = hdf_set_value(h, "Config.VarEscapeMode", "html");
        if (!err) {
                hset(h, phone, "Sim.Phone");
                hset(h, sim_account.access_key_id, "Sim.AccessKeyId");
                hset(h, sim_account.sign_name, "Sim.SignName");
                hset_rows(h, "Sim.Messages", r);
                err = cs_init(&cs, h);
        }
        if (!err)
                err = cs_parse_file(cs, path);
        if (!err)
                err = cs_render(cs, &out, append_out);
        if (err) {
                STRING s;
                string_init(&s);
                nerr_error_traceback(err, &s);
                log_error("gatewaysim page %s: %s", path, s.buf ? s.buf : "?");
                string_clear(&s);
                nerr_ignore(&err);
                resp_text(rs, 500, "text/plain; charset=utf-8",
                          "gatewaysim: the page template failed (see the log)\n");
        } else {
                resp_text(rs, 200, "text/html; charset=utf-8", buf_cstr(&out));
                rs->no_store = true;
        }
        if (cs)
                cs_destroy(&cs);
        if (h)
                hdf_destroy(&h);
        buf_free(&out);
}

bool sim_control_handle(struct sim_call *c, struct resp *rs, const char *templates_dir)
{
        const char *path = c->rq->path;
        bool get = c->rq->method == HTTP_GET || c->rq->method == HTTP_HEAD;
        bool post = c->rq->method == HTTP_POST;

        if (strcmp(path, "/sim/mode") == 0 && post)
                set_mode(c, rs);
        else if (strcmp(path, "/sim/reset") == 0 && post)
                reset(c, rs);
        else if (strcmp(path, "/sim/messages") == 0 && get)
                list_messages(c, rs);
        else if ((strcmp(path, "/sim/") == 0 || strcmp(path, "/sim") == 0) && get)
                page(c, rs, templates_dir);
        else if (strcmp(path, "/sim/mode") == 0 || strcmp(path, "/sim/reset") == 0 ||
                 strcmp(path, "/sim/messages") == 0 || strcmp(path, "/sim/") == 0)
                json_error(rs, 405, "method not allowed");
        else
                return false;
        return true;
}
