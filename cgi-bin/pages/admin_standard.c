/* admin_standard: the admission standard (准入标准) and the categories' price guides. GET
 * /admin/standard (administrators) lists the items in order with forms to add, edit, retire and
 * reactivate them (an item is never deleted: old decisions name it) and the price guide of every
 * category in yuan per class hour (empty: none); every change is audited (standard.item_add,
 * standard.item_edit, standard.item_retire, standard.price_guide) in its transaction. GET
 * /standard is the published standard anyone may read: the active items with their guidance in
 * the page's language and the price guides. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "admin.h"
#include "core/audit.h"
#include "core/http.h"
#include "form.h"

DB_STMT(std_items_all, "SELECT id, title, title_en, guidance, guidance_en, sort, active"
                       "  FROM admission_items ORDER BY active DESC, sort, id");
DB_STMT(std_items_active, "SELECT id, title, title_en, guidance, guidance_en"
                          "  FROM admission_items WHERE active ORDER BY sort, id");
DB_STMT(std_guides, "SELECT id, name, name_en, coalesce(price_guide_fen_per_hour::text, '')"
                    "  FROM categories ORDER BY sort, id");

/* "6000" fen → "60.00" (the form's yuan). */
static const char *yuan(struct arena *a, const char *fen)
{
        if (!*fen)
                return "";
        long long f = atoll(fen);
        return arena_printf(a, "%lld.%02lld", f / 100, f % 100);
}

static void set_guides(struct req *rq, HDF *h, PGresult *g, bool money)
{
        bool en = rq->lang != LANG_ZH;
        for (int i = 0; i < PQntuples(g); i++) {
                const char *fen = db_val(g, i, 3);
                hset(h, db_val(g, i, 0), "P.Guides.%d.Id", i);
                hset(h, db_val(g, i, en ? 2 : 1), "P.Guides.%d.Name", i);
                if (money)
                        hset(h, *fen ? fmt_money(rq->arena, atoll(fen), NULL) : "",
                             "P.Guides.%d.Guide", i);
                else
                        hset(h, yuan(rq->arena, fen), "P.Guides.%d.Yuan", i);
        }
}

/* The page; err_key (an L.standard key) with form ("add", an item id or "guides") re-shows what
 * was sent in that form. */
static void show(struct req *rq, struct resp *rs, int status, const char *err_key, const char *form)
{
        HDF *h = rs->hdf;
        PGresult *it = db_exec(cm_db, &std_items_all, 0, NULL);
        PGresult *g = it ? db_exec(cm_db, &std_guides, 0, NULL) : NULL;
        if (!g) {
                app_db_error(rq, rs);
                return;
        }
        static const char *const f[] = {"title", "title_en", "guidance", "guidance_en", "sort"};
        static const char *const k[] = {"Title", "TitleEn", "Guidance", "GuidanceEn", "Sort"};
        for (int i = 0; i < PQntuples(it); i++) {
                const char *id = db_val(it, i, 0);
                bool refill = form && strcmp(form, id) == 0;
                hset(h, id, "P.Items.%d.Id", i);
                for (int j = 0; j < 5; j++) {
                        const char *v = refill ? req_param(rq, f[j]) : db_val(it, i, j + 1);
                        hset(h, v ? v : "", "P.Items.%d.%s", i, k[j]);
                }
                hset_int(h, strcmp(db_val(it, i, 6), "t") == 0, "P.Items.%d.Active", i);
                if (refill)
                        hset(h, view_str(rq->lang, arena_printf(rq->arena, "standard.%s", err_key)),
                             "P.Items.%d.Error", i);
        }
        if (form && strcmp(form, "add") == 0) {
                for (int j = 0; j < 5; j++) {
                        const char *v = req_param(rq, f[j]);
                        hset(h, v ? v : "", "P.Add.%s", k[j]);
                }
                hset(h, view_str(rq->lang, arena_printf(rq->arena, "standard.%s", err_key)),
                     "P.Add.Error");
        }
        set_guides(rq, h, g, false);
        if (form && strcmp(form, "guides") == 0) {
                for (int i = 0; i < PQntuples(g); i++) {
                        const char *v =
                            kv_get(rq->form, arena_printf(rq->arena, "g_%s", db_val(g, i, 0)));
                        hset(h, v ? v : "", "P.Guides.%d.Yuan", i);
                }
                hset(h, view_str(rq->lang, arena_printf(rq->arena, "standard.%s", err_key)),
                     "P.GuideError");
        }
        if (err_key)
                hset(h, view_str(rq->lang, arena_printf(rq->arena, "standard.%s", err_key)),
                     "P.Error");
        const char *done = req_param(rq, "done");
        if (done)
                hset(h, done, "P.Done");
        rs->status = status;
        rs->no_store = true;
        rs->title = view_str(rq->lang, "standard.admin_title");
        rs->template = "pages/admin/standard.cs";
}

void page_admin_standard(struct req *rq, struct resp *rs)
{
        show(rq, rs, 200, NULL, NULL);
}

/* Checks the item form; NULL when it is fine, else the L.standard key of the problem. */
static const char *item_problem(struct req *rq)
{
        const char *t = req_param(rq, "title"), *te = req_param(rq, "title_en");
        const char *g = req_param(rq, "guidance"), *ge = req_param(rq, "guidance_en");
        size_t tl = form_chars(t), tel = form_chars(te);
        if (tl < 2 || tl > 100)
                return "err_title";
        if (tel < 2 || tel > 200)
                return "err_title_en";
        if (form_chars(g) > 1000 || form_chars(ge) > 2000)
                return "err_guidance";
        return NULL;
}

/* $1 title $2 title_en $3 guidance $4 guidance_en $5 sort $6 admin */
DB_STMT(std_item_add,
        "INSERT INTO admission_items (title, title_en, guidance, guidance_en, sort, updated_by)"
        " VALUES ($1, $2, coalesce($3, ''), coalesce($4, ''), coalesce($5::int, 0), $6::bigint)"
        " RETURNING id");
/* $7 item */
DB_STMT(std_item_edit,
        "UPDATE admission_items SET title = $1, title_en = $2, guidance = coalesce($3, ''),"
        "       guidance_en = coalesce($4, ''), sort = coalesce($5::int, sort),"
        "       updated_by = $6::bigint, updated_at = now()"
        " WHERE id = $7::int RETURNING id");
DB_STMT(std_item_active,
        "UPDATE admission_items SET active = $2::boolean, updated_by = $3::bigint,"
        "       updated_at = now() WHERE id = $1::int AND active <> $2::boolean RETURNING title");

static void item_save(struct req *rq, struct resp *rs, const char *id)
{
        const char *form = id ? id : "add";
        const char *bad = item_problem(rq);
        if (bad) {
                show(rq, rs, 400, bad, form);
                return;
        }
        const char *t = req_param(rq, "title"), *te = req_param(rq, "title_en"),
                   *g = req_param(rq, "guidance"), *ge = req_param(rq, "guidance_en"),
                   *sort = req_param(rq, "sort");
        if (!db_begin(cm_db)) {
                app_db_error(rq, rs);
                return;
        }
        PGresult *r =
            id ? db_exec(cm_db, &std_item_edit, DB_PARAMS(t, te, g, ge, sort, admin_me(rq), id))
               : db_exec(cm_db, &std_item_add, DB_PARAMS(t, te, g, ge, sort, admin_me(rq)));
        if (!r) {
                bool dup = db_last_error(cm_db) == DB_ERR_UNIQUE;
                db_rollback(cm_db);
                if (dup)
                        show(rq, rs, 409, "err_duplicate", form);
                else
                        app_db_error(rq, rs);
                return;
        }
        if (PQntuples(r) == 0) {
                db_rollback(cm_db);
                app_error(rq, rs, 404, NULL, NULL);
                return;
        }
        const char *item = arena_strdup(rq->arena, db_val(r, 0, 0));
        bool ok = audit_write_json(cm_db, rq, id ? "standard.item_edit" : "standard.item_add",
                                   "admission_item", atoll(item),
                                   json_pack("{s:s, s:s}", "title", t, "title_en", te), NULL) &&
                  db_commit(cm_db);
        if (!ok) {
                db_rollback(cm_db);
                app_db_error(rq, rs);
                return;
        }
        resp_redirect(rs, 303,
                      arena_printf(rq->arena, "/admin/standard?done=%s#item-%s",
                                   id ? "edited" : "added", item));
}

void page_admin_standard_add(struct req *rq, struct resp *rs)
{
        item_save(rq, rs, NULL);
}

void page_admin_standard_edit(struct req *rq, struct resp *rs)
{
        item_save(rq, rs, req_param(rq, "id"));
}

void page_admin_standard_active(struct req *rq, struct resp *rs)
{
        const char *id = req_param(rq, "id"), *active = req_param(rq, "active");
        bool on = strcmp(active, "1") == 0;
        PGresult *r = NULL;
        if (!db_begin(cm_db) ||
            !(r = db_exec(cm_db, &std_item_active, DB_PARAMS(id, on ? "t" : "f", admin_me(rq))))) {
                db_rollback(cm_db);
                app_db_error(rq, rs);
                return;
        }
        if (PQntuples(r) == 0) { /* missing, or already so: nothing to do */
                db_rollback(cm_db);
                resp_redirect(rs, 303, "/admin/standard");
                return;
        }
        bool ok = audit_write_json(cm_db, rq, "standard.item_retire", "admission_item", atoll(id),
                                   json_pack("{s:s, s:b}", "title", db_val(r, 0, 0), "active", on),
                                   NULL) &&
                  db_commit(cm_db);
        if (!ok) {
                db_rollback(cm_db);
                app_db_error(rq, rs);
                return;
        }
        resp_redirect(rs, 303,
                      arena_printf(rq->arena, "/admin/standard?done=%s#item-%s",
                                   on ? "reactivated" : "retired", id));
}

/* "60", "60.5", "60.50" yuan → fen; -1 when it is not such a number (0 … 100000 yuan). */
static long long parse_yuan(const char *s)
{
        long long y = 0, f = 0;
        int digits = 0, dec = -1;
        for (const char *p = s; *p; p++) {
                if (*p == '.' && dec < 0 && digits > 0) {
                        dec = 0;
                        continue;
                }
                if (*p < '0' || *p > '9' || dec >= 2 || digits >= 6)
                        return -1;
                if (dec >= 0)
                        f = f * 10 + (*p - '0'), dec++;
                else
                        y = y * 10 + (*p - '0'), digits++;
        }
        if (digits == 0 || dec == 0)
                return -1;
        if (dec == 1)
                f *= 10;
        return y * 100 + f;
}

DB_STMT(std_guide_set, "UPDATE categories SET price_guide_fen_per_hour = $2::int"
                       " WHERE id = $1::int"
                       "   AND price_guide_fen_per_hour IS DISTINCT FROM $2::int");

void page_admin_standard_guides(struct req *rq, struct resp *rs)
{
        PGresult *g = db_exec(cm_db, &std_guides, 0, NULL);
        if (!g) {
                app_db_error(rq, rs);
                return;
        }
        int n = PQntuples(g);
        const char **fen = arena_alloc(rq->arena, sizeof *fen * (size_t)(n + 1));
        for (int i = 0; i < n; i++) {
                const char *v = kv_get(rq->form, arena_printf(rq->arena, "g_%s", db_val(g, i, 0)));
                char t[32] = "";
                if (v) { /* trimmed */
                        while (*v == ' ')
                                v++;
                        snprintf(t, sizeof t, "%s", v);
                        for (size_t l = strlen(t); l > 0 && t[l - 1] == ' '; l--)
                                t[l - 1] = '\0';
                }
                fen[i] = NULL;
                if (!*t)
                        continue;
                long long f = parse_yuan(t);
                if (f < 0 || f > 10000000 || strlen(v) >= sizeof t) {
                        show(rq, rs, 400, "err_guide", "guides");
                        return;
                }
                fen[i] = arena_printf(rq->arena, "%lld", f);
        }
        if (!db_begin(cm_db)) {
                app_db_error(rq, rs);
                return;
        }
        bool ok = true;
        json_t *changed = json_object();
        for (int i = 0; ok && i < n; i++) {
                PGresult *u = db_exec(cm_db, &std_guide_set, DB_PARAMS(db_val(g, i, 0), fen[i]));
                ok = u != NULL;
                if (ok && atoi(PQcmdTuples(u)) > 0)
                        json_object_set_new(changed, db_val(g, i, 1),
                                            fen[i] ? json_integer(atoll(fen[i])) : json_null());
        }
        if (ok && json_object_size(changed) > 0) {
                ok = audit_write_json(cm_db, rq, "standard.price_guide", "category", 0,
                                      json_pack("{s:O}", "fen_per_hour", changed), NULL);
        }
        json_decref(changed);
        ok = ok && db_commit(cm_db);
        if (!ok) {
                db_rollback(cm_db);
                app_db_error(rq, rs);
                return;
        }
        resp_redirect(rs, 303, "/admin/standard?done=guides#guides");
}

/* ---------- GET /standard ---------- */

void page_standard(struct req *rq, struct resp *rs)
{
        HDF *h = rs->hdf;
        PGresult *it = db_exec(cm_db, &std_items_active, 0, NULL);
        PGresult *g = it ? db_exec(cm_db, &std_guides, 0, NULL) : NULL;
        if (!g) {
                app_db_error(rq, rs);
                return;
        }
        bool en = rq->lang != LANG_ZH;
        for (int i = 0; i < PQntuples(it); i++) {
                hset(h, db_val(it, i, en ? 2 : 1), "P.Items.%d.Title", i);
                hset(h, db_val(it, i, en ? 4 : 3), "P.Items.%d.Guidance", i);
        }
        set_guides(rq, h, g, true);
        rs->template = "pages/about/standard.cs";
        rs->title = view_str(rq->lang, "standard.title");
}
