/* me: the learner's own account page (/me) and its forms: name and home district or street,
 * real-name details (the ID-card number validated, sealed with AES-256-GCM, found again only by a
 * keyed hash, shown masked), an optional password, the browsers logged in (end one, or all), and
 * family links: a carer may manage an elder's account once the elder has read out a code sent to
 * the elder's own phone. Shows the owner's own phone in full and everyone else's masked. Never
 * shows an ID-card number unmasked, not even to its owner. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <openssl/crypto.h>

#include "core/audit.h"
#include "core/config.h"
#include "core/crypto.h"
#include "core/ident.h"
#include "core/router.h"
#include "core/secrets.h"
#include "core/session.h"
#include "pages.h"
#include "smscode.h"

#define PASSWORD_MIN 8

DB_STMT(me_user,
        "SELECT u.display_name AS \"Name\", u.phone AS \"Phone\","
        "       u.real_name AS \"RealName\", u.idcard_masked AS \"IdMasked\","
        "       u.home_region_id AS \"RegionId\","
        "       coalesce(r.name || coalesce('（' || p.name || '）', ''), '') AS \"RegionZh\","
        "       coalesce(r.name_en || coalesce(' (' || p.name_en || ')', ''), '')"
        "         AS \"RegionEn\","
        "       u.password_hash IS NOT NULL AS \"HasPassword\", u.roles AS \"Roles\","
        "       u.agency_id AS \"AgencyId\", a.name AS \"AgencyName\","
        "       a.status AS \"AgencyStatus\", u.totp_enabled_at IS NOT NULL AS \"HasTotp\","
        "       (SELECT count(*) FROM recovery_codes c WHERE c.user_id = u.id"
        "           AND c.used_at IS NULL) AS \"RecoveryLeft\""
        "  FROM users u LEFT JOIN regions r ON r.id = u.home_region_id"
        "  LEFT JOIN regions p ON p.id = r.parent_id AND p.level = 'district'"
        "  LEFT JOIN agencies a ON a.id = u.agency_id"
        " WHERE u.id = $1");
DB_STMT(me_regions, "SELECT r.id AS \"Id\", r.level AS \"Level\", r.name AS \"NameZh\","
                    "       r.name_en AS \"NameEn\", d.id AS \"DistrictId\""
                    "  FROM regions r JOIN regions d ON d.id = CASE WHEN r.level = 'district'"
                    "                                          THEN r.id ELSE r.parent_id END"
                    " WHERE r.level IN ('district', 'street')"
                    " ORDER BY d.code, r.level <> 'district', r.code");
DB_STMT(me_sessions,
        "SELECT id AS \"Id\", to_char(created_at, 'YYYY-MM-DD HH24:MI') AS \"Created\","
        "       to_char(last_seen_at, 'YYYY-MM-DD HH24:MI') AS \"LastSeen\","
        "       coalesce(left(user_agent, 120), '') AS \"Agent\", coalesce(host(ip), '') AS \"Ip\","
        "       coalesce(auth_method, '') AS \"Method\", id = $2::bigint AS \"Current\""
        "  FROM sessions WHERE user_id = $1 AND expires_at > now()"
        "   AND last_seen_at + idle_timeout > now()"
        " ORDER BY last_seen_at DESC LIMIT 50");
DB_STMT(me_family,
        "SELECT f.id AS \"Id\", f.relation AS \"Relation\", f.carer_id = $1 AS \"IAmCarer\","
        "       o.display_name AS \"Name\", o.phone AS \"Phone\","
        "       to_char(f.confirmed_at, 'YYYY-MM-DD') AS \"Since\""
        "  FROM family_links f"
        "  JOIN users o ON o.id = CASE WHEN f.carer_id = $1 THEN f.elder_id ELSE f.carer_id END"
        " WHERE (f.carer_id = $1 OR f.elder_id = $1) AND f.status = 'confirmed'"
        " ORDER BY f.confirmed_at");
DB_STMT(me_set_profile, "UPDATE users SET display_name = $2, home_region_id = nullif($3, '')::int"
                        " WHERE id = $1");
DB_STMT(me_region_ok,
        "SELECT 1 FROM regions WHERE id = $1::int AND level IN ('district', 'street')");
DB_STMT(me_set_realname,
        "UPDATE users SET real_name = $2, idcard_sealed = $3::bytea, idcard_lookup = $4::bytea,"
        "                 idcard_masked = $5, birth_date = $6::date"
        " WHERE id = $1 AND idcard_sealed IS NULL");
DB_STMT(me_password_hash, "SELECT coalesce(password_hash, '') FROM users WHERE id = $1");
DB_STMT(me_set_password, "UPDATE users SET password_hash = $2, password_set_at = now()"
                         " WHERE id = $1");
DB_STMT(me_end_session, "DELETE FROM sessions WHERE id = $1 AND user_id = $2");
/* Whether an account may be looked after: a citizen's, not a staff member's nor a disabled one. */
DB_STMT(me_user_by_phone, "SELECT id, roles & 120 = 0 AND disabled_at IS NULL FROM users"
                          " WHERE phone = $1");
DB_STMT(me_elder_create, "INSERT INTO users (display_name, phone, roles) VALUES ($1, $2, 2)"
                         " ON CONFLICT (phone) DO NOTHING RETURNING id");
DB_STMT(me_link_add, "INSERT INTO family_links (carer_id, elder_id, relation, status, confirmed_at)"
                     " VALUES ($1, $2, $3, 'confirmed', now())"
                     " ON CONFLICT (carer_id, elder_id) WHERE status <> 'revoked' DO NOTHING");
DB_STMT(me_link_revoke, "UPDATE family_links SET status = 'revoked', revoked_at = now()"
                        " WHERE id = $1 AND (carer_id = $2 OR elder_id = $2)"
                        "   AND status = 'confirmed'");

static const char *const relations[] = {"child", "spouse", "grandchild", "relative", "other", NULL};

static const char *form(const struct req *rq, const char *name)
{
        const char *v = kv_get(rq->form, name);
        return v ? v : "";
}

static const char *str(const struct req *rq, const char *key)
{
        char k[96];
        snprintf(k, sizeof k, "account.%s", key);
        return view_str(rq->lang, k);
}

static const char *uid_text(const struct req *rq)
{
        return arena_printf(rq->arena, "%lld", rq->sess->user_id);
}

static int today_yyyymmdd(void)
{
        time_t now = time(NULL);
        struct tm tm;
        localtime_r(&now, &tm);
        return (tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday;
}

/* Fills the whole page. false (and answered) on a database error. */
static bool load_me(struct req *rq, struct resp *rs, int status)
{
        HDF *h = rs->hdf;
        const char *uid = uid_text(rq);
        PGresult *r = db_exec(cm_db, &me_user, DB_PARAMS(uid));
        PGresult *regions = r ? db_exec(cm_db_read, &me_regions, 0, NULL) : NULL;
        PGresult *sessions =
            regions ? db_exec(cm_db, &me_sessions,
                              DB_PARAMS(uid, arena_printf(rq->arena, "%lld", rq->sess->id)))
                    : NULL;
        PGresult *family = sessions ? db_exec(cm_db, &me_family, DB_PARAMS(uid)) : NULL;
        if (!family || PQntuples(r) != 1) {
                app_db_error(rq, rs);
                return false;
        }
        hset_row(h, "P.Me", r);
        hset(h, db_val(r, 0, db_col(r, rq->lang == LANG_ZH ? "RegionZh" : "RegionEn")),
             "P.Me.Region");
        int n = PQntuples(regions);
        for (int i = 0; i < n; i++) {
                hset(h, db_val(regions, i, 0), "P.Regions.%d.Id", i);
                hset(h, db_val(regions, i, 1), "P.Regions.%d.Level", i);
                hset(h, db_val(regions, i, rq->lang == LANG_ZH ? 2 : 3), "P.Regions.%d.Name", i);
        }
        hset_rows(h, "P.Sessions", sessions);
        n = PQntuples(family);
        for (int i = 0; i < n; i++) {
                char masked[12];
                ident_mobile_mask(db_val(family, i, db_col(family, "Phone")), masked);
                hset(h, db_val(family, i, 0), "P.Family.%d.Id", i);
                hset(h, str(rq, arena_printf(rq->arena, "relation.%s", db_val(family, i, 1))),
                     "P.Family.%d.Relation", i);
                hset(h, db_val(family, i, 2), "P.Family.%d.IAmCarer", i);
                hset(h, db_val(family, i, 3), "P.Family.%d.Name", i);
                hset(h, masked, "P.Family.%d.Phone", i);
                hset(h, db_val(family, i, 5), "P.Family.%d.Since", i);
        }
        for (int i = 0; relations[i]; i++) {
                hset(h, relations[i], "P.Relations.%d.Value", i);
                hset(h, str(rq, arena_printf(rq->arena, "relation.%s", relations[i])),
                     "P.Relations.%d.Label", i);
        }
        hset(h, strcmp(rq->sess->auth_method, "sms") != 0 ? "1" : "0", "P.NeedCurrentPassword");
        int roles = atoi(db_val(r, 0, db_col(r, "Roles")));
        hset(h, roles & 120 ? "1" : "0", "P.IsStaff");
        hset(h, roles & ROLE_ADMIN ? "1" : "0", "P.IsAdmin");
        const char *welcome = kv_get(rq->query, "welcome");
        if (welcome && strcmp(welcome, "1") == 0)
                hset(h, "1", "P.Welcome");
        const char *left = kv_get(rq->query, "recovery_left");
        if (left && strlen(left) <= 2 && strspn(left, "0123456789") == strlen(left))
                hset(h, left, "P.RecoveryLeftNotice");
        const char *done = kv_get(rq->query, "done");
        if (done && strspn(done, "abcdefghijklmnopqrstuvwxyz_") == strlen(done) &&
            strlen(done) < 30)
                hset(h, str(rq, arena_printf(rq->arena, "done.%s", done)), "P.Done");
        rs->status = status;
        rs->no_store = true;
        rs->template = "pages/account/me.cs";
        rs->title = str(rq, "me.title");
        return true;
}

void page_me(struct req *rq, struct resp *rs)
{
        load_me(rq, rs, 200);
}

static void done(struct req *rq, struct resp *rs, const char *what)
{
        resp_redirect(rs, 303, arena_printf(rq->arena, "/me?done=%s", what));
}

/* Re-shows /me with one section's error (and what was typed) after a refused form. */
static void refuse(struct req *rq, struct resp *rs, const char *field, const char *key)
{
        if (!load_me(rq, rs, 400))
                return;
        hset(rs->hdf, str(rq, key), "P.Errors.%s", field);
        for (const struct kv *f = rq->form; f; f = f->next)
                if (strcmp(f->name, "csrf") != 0 && strstr(f->name, "password") == NULL &&
                    strcmp(f->name, "idcard") != 0)
                        hset(rs->hdf, f->value, "P.Form.%s", f->name);
}

void page_me_profile(struct req *rq, struct resp *rs)
{
        const char *name = form(rq, "name");
        const char *region = form(rq, "region");
        size_t n = strlen(name);
        if (n == 0 || n > 60) {
                refuse(rq, rs, "Name", n ? "error.name_long" : "error.name_missing");
                return;
        }
        if (*region) {
                PGresult *r = strspn(region, "0123456789") == strlen(region) && strlen(region) < 9
                                  ? db_exec(cm_db, &me_region_ok, DB_PARAMS(region))
                                  : NULL;
                if (!r || PQntuples(r) != 1) {
                        refuse(rq, rs, "Region", "error.region");
                        return;
                }
        }
        if (!db_exec(cm_db, &me_set_profile, DB_PARAMS(uid_text(rq), name, region))) {
                if (db_last_error(cm_db) == DB_ERR_CHECK)
                        refuse(rq, rs, "Name", "error.name_long");
                else
                        app_db_error(rq, rs);
                return;
        }
        done(rq, rs, "profile");
}

/* Seals the ID number for this user's row and stores it with its look-up hash and mask. */
void page_me_realname(struct req *rq, struct resp *rs)
{
        const char *name = form(rq, "real_name");
        size_t n = strlen(name);
        if (n < 2 || n > 50) {
                refuse(rq, rs, "RealName", "error.real_name");
                return;
        }
        char id[19];
        if (!ident_idcard_normalize(form(rq, "idcard"), id, today_yyyymmdd())) {
                refuse(rq, rs, "IdCard",
                       *form(rq, "idcard") ? "error.idcard" : "error.idcard_missing");
                return;
        }
        unsigned char key[32], blob[64], lookup[32];
        secrets_derive_key(cm_config.secret, "idcard", key);
        size_t bl = secrets_seal_ad(key, arena_printf(rq->arena, "idcard:%lld", rq->sess->user_id),
                                    id, 18, blob, sizeof blob);
        OPENSSL_cleanse(key, sizeof key);
        secrets_lookup_hash(cm_config.secret, "idcard", id, lookup);
        char masked[19], *sealed_hex = arena_alloc(rq->arena, 2 + 2 * sizeof blob + 1),
                         *lookup_hex = arena_alloc(rq->arena, 2 + 64 + 1);
        ident_idcard_mask(id, masked);
        int birth = ident_idcard_birth(id);
        OPENSSL_cleanse(id, sizeof id);
        if (bl == 0) {
                app_error(rq, rs, 500, NULL, NULL);
                return;
        }
        sealed_hex[0] = lookup_hex[0] = '\\';
        sealed_hex[1] = lookup_hex[1] = 'x';
        crypto_hex(blob, bl, sealed_hex + 2);
        crypto_hex(lookup, 32, lookup_hex + 2);
        PGresult *r = db_exec(cm_db, &me_set_realname,
                              DB_PARAMS(uid_text(rq), name, sealed_hex, lookup_hex, masked,
                                        arena_printf(rq->arena, "%04d-%02d-%02d", birth / 10000,
                                                     birth / 100 % 100, birth % 100)));
        if (!r) {
                if (db_last_error(cm_db) == DB_ERR_UNIQUE)
                        refuse(rq, rs, "IdCard", "error.idcard_taken");
                else
                        app_db_error(rq, rs);
                return;
        }
        if (atoi(PQcmdTuples(r)) != 1) {
                refuse(rq, rs, "IdCard", "error.realname_set");
                return;
        }
        done(rq, rs, "realname");
}

void page_me_password(struct req *rq, struct resp *rs)
{
        const char *pw = form(rq, "new_password"), *again = form(rq, "new_password2");
        PGresult *r = db_exec(cm_db, &me_password_hash, DB_PARAMS(uid_text(rq)));
        if (!r || PQntuples(r) != 1) {
                app_db_error(rq, rs);
                return;
        }
        const char *current = db_val(r, 0, 0);
        /* a fresh SMS login proves the phone, which is enough to replace a forgotten password */
        if (*current && strcmp(rq->sess->auth_method, "sms") != 0 &&
            !secrets_password_verify(current, form(rq, "current_password"))) {
                refuse(rq, rs, "Password", "error.current_password");
                return;
        }
        if (strlen(pw) < PASSWORD_MIN || strlen(pw) > SECRETS_PASSWORD_MAX) {
                refuse(rq, rs, "Password", "error.password_short");
                return;
        }
        if (strcmp(pw, again) != 0) {
                refuse(rq, rs, "Password", "error.password_mismatch");
                return;
        }
        char hash[SECRETS_PASSWORD_HASH_SIZE];
        if (secrets_password_hash(pw, hash, sizeof hash) != 0) {
                app_error(rq, rs, 500, NULL, NULL);
                return;
        }
        if (!db_begin(cm_db) || !db_exec(cm_db, &me_set_password, DB_PARAMS(uid_text(rq), hash)) ||
            !audit_write(cm_db, rq, "user.password", "user", rq->sess->user_id, NULL, NULL) ||
            !db_commit(cm_db)) {
                db_rollback(cm_db);
                app_db_error(rq, rs);
                return;
        }
        done(rq, rs, "password");
}

void page_me_session_end(struct req *rq, struct resp *rs)
{
        const char *id = req_param(rq, "id");
        if (atoll(id) == rq->sess->id) {
                page_logout(rq, rs);
                return;
        }
        if (!db_exec(cm_db, &me_end_session, DB_PARAMS(id, uid_text(rq)))) {
                app_db_error(rq, rs);
                return;
        }
        done(rq, rs, "session_ended");
}

void page_me_sessions_end_all(struct req *rq, struct resp *rs)
{
        if (!sess_end_all(rq, rs)) {
                app_db_error(rq, rs);
                return;
        }
        resp_redirect(rs, 303, "/login?everywhere=1");
}

/* ---------------------------------------------------------------- family links */

static bool relation_ok(const char *r)
{
        for (int i = 0; relations[i]; i++)
                if (strcmp(r, relations[i]) == 0)
                        return true;
        return false;
}

/* Reads the add-an-elder form; false (and answered) when it is wrong. */
static bool read_family_form(struct req *rq, struct resp *rs, char phone[12])
{
        const char *typed = form(rq, "elder_phone");
        if (!ident_mobile_normalize(typed, phone)) {
                refuse(rq, rs, "Family", *typed ? "error.phone_invalid" : "error.phone_missing");
                return false;
        }
        if (!relation_ok(form(rq, "relation"))) {
                refuse(rq, rs, "Family", "error.relation");
                return false;
        }
        size_t n = strlen(form(rq, "elder_name"));
        if (n == 0 || n > 60) {
                refuse(rq, rs, "Family", "error.elder_name");
                return false;
        }
        return true;
}

static bool is_own_phone(struct req *rq, const char *phone)
{
        PGresult *r = db_exec(cm_db, &me_user, DB_PARAMS(uid_text(rq)));
        return r && PQntuples(r) == 1 && strcmp(db_val(r, 0, 1), phone) == 0;
}

static void show_family_confirm(struct req *rq, struct resp *rs, const char *phone, int status)
{
        HDF *h = rs->hdf;
        char masked[12];
        ident_mobile_mask(phone, masked);
        hset(h, phone, "P.Phone");
        hset(h, masked, "P.PhoneMasked");
        hset(h, form(rq, "relation"), "P.Relation");
        hset(h, form(rq, "elder_name"), "P.ElderName");
        rs->status = status;
        rs->no_store = true;
        rs->template = "pages/account/family_confirm.cs";
        rs->title = str(rq, "family_confirm.title");
}

/* POST /me/family: sends the elder a code that says who asks. */
void page_me_family_add(struct req *rq, struct resp *rs)
{
        char phone[12];
        if (!read_family_form(rq, rs, phone))
                return;
        if (is_own_phone(rq, phone)) {
                refuse(rq, rs, "Family", "error.family_self");
                return;
        }
        PGresult *r = db_exec(cm_db, &me_user_by_phone, DB_PARAMS(phone));
        if (!r) {
                app_db_error(rq, rs);
                return;
        }
        if (PQntuples(r) == 1 && strcmp(db_val(r, 0, 1), "t") != 0) { /* ask no one in vain */
                refuse(rq, rs, "Family", "error.family_unavailable");
                return;
        }
        const char *extra[] = {"name", rq->sess->display_name, NULL};
        struct smscode_refusal why;
        switch (smscode_issue(rq, phone, "family", "family_code", extra, NULL, &why)) {
        case SMSCODE_SENT:
                show_family_confirm(rq, rs, phone, 200);
                return;
        case SMSCODE_REFUSED:
                refuse(rq, rs, "Family", arena_printf(rq->arena, "limit.%s", why.key));
                rs->status = 429;
                hset(rs->hdf, why.retry_at, "P.Errors.RetryAt");
                resp_header(rs, "Retry-After", arena_printf(rq->arena, "%ld", why.retry_after_s));
                return;
        case SMSCODE_UNDELIVERABLE:
                refuse(rq, rs, "Family", "error.undeliverable");
                return;
        case SMSCODE_CHALLENGE_USED: /* cannot happen: no question's token is passed */
        case SMSCODE_DB_ERROR:
                app_db_error(rq, rs);
                return;
        }
}

/* POST /me/family/confirm: the code the elder read out makes the link (and the elder's account,
 * if the elder had none). */
void page_me_family_confirm(struct req *rq, struct resp *rs)
{
        char phone[12], code[7];
        if (!read_family_form(rq, rs, phone))
                return;
        if (!smscode_well_formed(form(rq, "code"), code)) {
                show_family_confirm(rq, rs, phone, 400);
                hset(rs->hdf, str(rq, "error.code_format"), "P.Errors.Code");
                return;
        }
        int left = 0;
        switch (smscode_check(rq, phone, "family", code, &left)) {
        case SMSCODE_OK:
                break;
        case SMSCODE_WRONG:
                show_family_confirm(rq, rs, phone, 400);
                hset(rs->hdf, str(rq, "error.code_wrong"), "P.Errors.Code");
                hset_int(rs->hdf, left, "P.TriesLeft");
                return;
        case SMSCODE_BURNT:
        case SMSCODE_NONE:
                refuse(rq, rs, "Family", "error.code_gone");
                return;
        case SMSCODE_CHECK_DB_ERROR:
                app_db_error(rq, rs);
                return;
        }
        if (!db_begin(cm_db)) {
                app_db_error(rq, rs);
                return;
        }
        PGresult *r = db_exec(cm_db, &me_user_by_phone, DB_PARAMS(phone));
        if (r && PQntuples(r) == 0) /* no account yet: the elder gets one (or the one just made) */
                r = db_exec(cm_db, &me_elder_create, DB_PARAMS(form(rq, "elder_name"), phone))
                        ? db_exec(cm_db, &me_user_by_phone, DB_PARAMS(phone))
                        : NULL;
        if (!r || PQntuples(r) != 1) {
                db_rollback(cm_db);
                app_db_error(rq, rs);
                return;
        }
        long long elder = atoll(db_val(r, 0, 0));
        if (elder == rq->sess->user_id || strcmp(db_val(r, 0, 1), "t") != 0) {
                db_rollback(cm_db);
                refuse(rq, rs, "Family",
                       elder == rq->sess->user_id ? "error.family_self"
                                                  : "error.family_unavailable");
                return;
        }
        if (!db_exec(cm_db, &me_link_add,
                     DB_PARAMS(uid_text(rq), arena_printf(rq->arena, "%lld", elder),
                               form(rq, "relation")))) {
                db_rollback(cm_db);
                app_db_error(rq, rs);
                return;
        }
        if (!audit_write(cm_db, rq, "family.link", "user", elder,
                         arena_printf(rq->arena, "{\"relation\":\"%s\"}", form(rq, "relation")),
                         NULL) ||
            !db_commit(cm_db)) {
                db_rollback(cm_db);
                app_db_error(rq, rs);
                return;
        }
        done(rq, rs, "family_linked");
}

void page_me_family_revoke(struct req *rq, struct resp *rs)
{
        if (!db_begin(cm_db)) {
                app_db_error(rq, rs);
                return;
        }
        PGresult *r = db_exec(cm_db, &me_link_revoke, DB_PARAMS(req_param(rq, "id"), uid_text(rq)));
        if (r && atoi(PQcmdTuples(r)) != 1) {
                db_rollback(cm_db);
                app_error(rq, rs, 404, NULL, NULL);
                return;
        }
        if (!r ||
            !audit_write(cm_db, rq, "family.revoke", "family_link", atoll(req_param(rq, "id")),
                         NULL, NULL) ||
            !db_commit(cm_db)) {
                db_rollback(cm_db);
                app_db_error(rq, rs);
                return;
        }
        done(rq, rs, "family_revoked");
}
