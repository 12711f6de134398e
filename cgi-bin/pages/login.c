/* login: getting in. Citizens by phone and SMS code (/login, /login/code, /register: a number
 * with no account gets one), anyone with a password by phone and password, and staff then by a
 * TOTP code or a recovery code (/login/totp, which also enrols a new staff member's authenticator).
 * Every successful login starts a new session (sess_start rotates the token). Refusals say what
 * to do and when to retry; none of them tells whether a number has an account. Never logs or
 * shows a code or a password. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <openssl/crypto.h>

#include "core/audit.h"
#include "core/challenge.h"
#include "core/config.h"
#include "core/crypto.h"
#include "core/ident.h"
#include "core/qr.h"
#include "core/router.h"
#include "core/secrets.h"
#include "core/session.h"
#include "guard.h"
#include "pages.h"
#include "smscode.h"

#define STAFF_ROLES    (ROLE_REVIEWER | ROLE_PROCURE | ROLE_FINANCE | ROLE_ADMIN)
#define RECOVERY_CODES 10

DB_STMT(login_user_by_phone,
        "SELECT id, roles, coalesce(password_hash, ''), disabled_at IS NOT NULL"
        "  FROM users WHERE phone = $1");
DB_STMT(login_user_by_id, "SELECT id, roles, phone, display_name, totp_sealed IS NOT NULL,"
                          "       totp_enabled_at IS NOT NULL, coalesce(totp_last_step, 0)"
                          "  FROM users WHERE id = $1 AND disabled_at IS NULL");
DB_STMT(login_user_create, "INSERT INTO users (display_name, phone, roles) VALUES ($1, $2, 2)"
                           " ON CONFLICT (phone) DO NOTHING RETURNING id");
DB_STMT(login_rehash, "UPDATE users SET password_hash = $2 WHERE id = $1");
DB_STMT(login_totp_key, "SELECT totp_sealed FROM users WHERE id = $1");
DB_STMT(login_totp_store, "UPDATE users SET totp_sealed = $2::bytea WHERE id = $1"
                          "   AND totp_enabled_at IS NULL");
DB_STMT(login_totp_accept, "UPDATE users SET totp_last_step = $2::bigint,"
                           "       totp_enabled_at = coalesce(totp_enabled_at, now())"
                           " WHERE id = $1 AND coalesce(totp_last_step, -1) < $2::bigint");
DB_STMT(login_recovery_clear, "DELETE FROM recovery_codes WHERE user_id = $1");
DB_STMT(login_recovery_add,
        "INSERT INTO recovery_codes (user_id, code_hash) VALUES ($1, $2::bytea)");
DB_STMT(login_recovery_use, "UPDATE recovery_codes SET used_at = now()"
                            " WHERE user_id = $1 AND code_hash = $2::bytea AND used_at IS NULL"
                            " RETURNING (SELECT count(*) - 1 FROM recovery_codes"
                            "             WHERE user_id = $1 AND used_at IS NULL)");

/* ---------------------------------------------------------------- small helpers */

static const char *form(const struct req *rq, const char *name)
{
        const char *v = kv_get(rq->form, name);
        return v ? v : "";
}

static const char *safe_next(const struct req *rq)
{
        const char *next = kv_get(rq->method == HTTP_POST ? rq->form : rq->query, "next");
        return next && *next && strlen(next) < 1000 && resp_local_path_ok(next) ? next : NULL;
}

static const char *str(const struct req *rq, const char *key)
{
        char k[96];
        snprintf(k, sizeof k, "account.%s", key);
        return view_str(rq->lang, k);
}

static const char *hex_bytea(struct arena *a, const unsigned char *b, size_t n)
{
        char *s = arena_alloc(a, 2 + 2 * n + 1);
        s[0] = '\\', s[1] = 'x';
        crypto_hex(b, n, s + 2);
        return s;
}

/* Decodes a "\x…" bytea cell into out; its length, or -1. */
static long unbytea(const char *cell, unsigned char *out, size_t cap)
{
        size_t n = strlen(cell);
        if (n < 2 || strncmp(cell, "\\x", 2) != 0 || (n - 2) % 2 || (n - 2) / 2 > cap)
                return -1;
        return crypto_unhex(cell + 2, out, (n - 2) / 2) == 0 ? (long)((n - 2) / 2) : -1;
}

/* The phone as typed, trimmed, normalized to 11 digits; false when it is not a mainland mobile. */
static bool read_phone(const char *typed, char out[12])
{
        char buf[40];
        size_t n = strlen(typed);
        while (n > 0 && typed[n - 1] == ' ')
                n--;
        while (n > 0 && *typed == ' ')
                typed++, n--;
        if (n == 0 || n >= sizeof buf)
                return false;
        memcpy(buf, typed, n);
        buf[n] = '\0';
        return ident_mobile_normalize(buf, out);
}

/* Where to go after logging in. */
static void go_next(struct req *rq, struct resp *rs, const char *fallback)
{
        const char *next = safe_next(rq);
        resp_redirect(rs, 303, next ? next : fallback);
}

/* ---------------------------------------------------------------- the forms */

/* question with {a} and {b} replaced by the words for a and b. */
static const char *fill_question(struct arena *ar, const char *question, const char *a,
                                 const char *b)
{
        const char *pa = strstr(question, "{a}"), *pb = strstr(question, "{b}");
        if (!pa || !pb || pb < pa)
                return arena_printf(ar, "%s + %s = ?", a, b);
        return arena_printf(ar, "%.*s%s%.*s%s%s", (int)(pa - question), question, a,
                            (int)(pb - pa - 3), pa + 3, b, pb + 3);
}

/* A fresh question in the page's language. */
static void set_challenge(struct req *rq, struct resp *rs)
{
        struct challenge c;
        challenge_new(cm_config.secret, rq->sess->token_hash, time(NULL), &c);
        HDF *h = rs->hdf;
        hset(h, c.token, "P.Challenge.Token");
        const char *a = rq->lang == LANG_ZH ? challenge_zh_number(c.a) : challenge_en_number(c.a);
        const char *b = rq->lang == LANG_ZH ? challenge_zh_number(c.b) : challenge_en_number(c.b);
        hset(h, fill_question(rq->arena, str(rq, "challenge.question"), a, b),
             "P.Challenge.Question");
}

/* The first step: phone (and, to register, a name) and the question. mode is "login" or
 * "register". */
static void show_request_form(struct req *rq, struct resp *rs, const char *mode, int status)
{
        if (!sess_ensure(rq, rs)) {
                app_db_error(rq, rs);
                return;
        }
        HDF *h = rs->hdf;
        rs->status = status;
        rs->no_store = true;
        rs->template =
            strcmp(mode, "register") == 0 ? "pages/account/register.cs" : "pages/account/login.cs";
        rs->title = str(rq, strcmp(mode, "register") == 0 ? "register.title" : "login.title");
        hset(h, mode, "P.Mode");
        const char *next = safe_next(rq);
        if (next)
                hset(h, next, "P.Next");
        set_challenge(rq, rs);
}

/* The second step: the code that was sent. */
static void show_code_form(struct req *rq, struct resp *rs, const char *mode, const char *phone,
                           int status)
{
        HDF *h = rs->hdf;
        rs->status = status;
        rs->no_store = true;
        rs->template = "pages/account/code.cs";
        rs->title = str(rq, "code.title");
        hset(h, mode, "P.Mode");
        hset(h, phone, "P.Phone");
        char masked[12];
        ident_mobile_mask(phone, masked);
        hset(h, masked, "P.PhoneMasked");
        const char *name = kv_get(rq->form, "name");
        if (name)
                hset(h, name, "P.Name");
        const char *next = safe_next(rq);
        if (next)
                hset(h, next, "P.Next");
}

void page_login(struct req *rq, struct resp *rs)
{
        if (rq->sess && rq->sess->user_id) {
                go_next(rq, rs, "/me");
                return;
        }
        if (rq->sess && rq->sess->pending_user_id) {
                resp_redirect(rs, 303, "/login/totp");
                return;
        }
        show_request_form(rq, rs, "login", 200);
        if (req_param(rq, "everywhere"))
                hset(rs->hdf, "1", "P.Everywhere");
}

void page_register(struct req *rq, struct resp *rs)
{
        if (rq->sess && rq->sess->user_id) {
                go_next(rq, rs, "/me");
                return;
        }
        show_request_form(rq, rs, "register", 200);
}

/* The display name a new account starts with: the one typed on /register, else "学员" + the last
 * four digits. */
static const char *new_account_name(struct req *rq, const char *phone)
{
        const char *typed = kv_get(rq->form, "name");
        if (typed && *typed)
                return typed;
        return arena_printf(rq->arena, "%s%s", str(rq, "default_name"), phone + 7);
}

/* Checks the register form's own fields; true when they are fine. */
static bool register_fields_ok(struct req *rq, struct resp *rs)
{
        bool ok = true;
        const char *name = form(rq, "name");
        size_t n = strlen(name);
        if (n == 0 || n > 60) {
                hset(rs->hdf, str(rq, n ? "error.name_long" : "error.name_missing"),
                     "P.Errors.Name");
                ok = false;
        }
        if (strcmp(form(rq, "agree"), "1") != 0) {
                hset(rs->hdf, str(rq, "error.agree"), "P.Errors.Agree");
                ok = false;
        }
        return ok;
}

/* POST /login/code: phone + answer to the question → an SMS code, then the code form. */
void page_login_code(struct req *rq, struct resp *rs)
{
        const char *mode = strcmp(form(rq, "mode"), "register") == 0 ? "register" : "login";
        HDF *h = rs->hdf;
        char phone[12];
        const char *typed = form(rq, "phone");
        hset(h, typed, "P.Phone");
        const char *name = kv_get(rq->form, "name");
        if (name)
                hset(h, name, "P.Name");
        if (strcmp(form(rq, "agree"), "1") == 0)
                hset(h, "1", "P.Agree");
        bool ok = true;
        if (!read_phone(typed, phone)) {
                hset(h, str(rq, *typed ? "error.phone_invalid" : "error.phone_missing"),
                     "P.Errors.Phone");
                ok = false;
        }
        struct challenge c;
        if (!rq->sess || !challenge_read(cm_config.secret, rq->sess->token_hash,
                                         form(rq, "challenge"), time(NULL), &c)) {
                hset(h, str(rq, "error.challenge_stale"), "P.Errors.Answer");
                ok = false;
        } else if (!challenge_answer_ok(&c, form(rq, "answer"))) {
                hset(h, str(rq, "error.challenge_wrong"), "P.Errors.Answer");
                ok = false;
        }
        if (strcmp(mode, "register") == 0 && !register_fields_ok(rq, rs))
                ok = false;
        if (!ok) {
                show_request_form(rq, rs, mode, 400);
                return;
        }
        struct smscode_refusal why;
        switch (smscode_issue(rq, phone, "login", "login_code", NULL, c.token, &why)) {
        case SMSCODE_SENT:
                show_code_form(rq, rs, mode, phone, 200);
                hset(h, "1", "P.Sent");
                return;
        case SMSCODE_CHALLENGE_USED:
                show_request_form(rq, rs, mode, 400);
                hset(h, str(rq, "error.challenge_stale"), "P.Errors.Answer");
                return;
        case SMSCODE_UNDELIVERABLE:
                show_request_form(rq, rs, mode, 400);
                hset(h, str(rq, "error.undeliverable"), "P.Errors.Phone");
                return;
        case SMSCODE_REFUSED:
                show_request_form(rq, rs, mode, 429);
                hset(h, str(rq, arena_printf(rq->arena, "limit.%s", why.key)), "P.Refusal.Reason");
                hset(h, why.retry_at, "P.Refusal.RetryAt");
                resp_header(rs, "Retry-After", arena_printf(rq->arena, "%ld", why.retry_after_s));
                return;
        case SMSCODE_DB_ERROR:
                app_db_error(rq, rs);
                return;
        }
}

/* The account for a proven phone, made if there is none. 0 on a database error. */
static long long account_for_phone(struct req *rq, const char *phone, bool *created,
                                   unsigned *roles, bool *disabled)
{
        *created = false;
        for (int attempt = 0; attempt < 2; attempt++) {
                PGresult *r = db_exec(cm_db, &login_user_by_phone, DB_PARAMS(phone));
                if (!r)
                        return 0;
                if (PQntuples(r) == 1) {
                        *roles = (unsigned)atoi(db_val(r, 0, 1));
                        *disabled = strcmp(db_val(r, 0, 3), "t") == 0;
                        return atoll(db_val(r, 0, 0));
                }
                r = db_exec(cm_db, &login_user_create,
                            DB_PARAMS(new_account_name(rq, phone), phone));
                if (!r)
                        return 0;
                if (PQntuples(r) == 1) { /* else someone made it meanwhile: read it again */
                        *created = true;
                        *roles = ROLE_CITIZEN;
                        *disabled = false;
                        return atoll(db_val(r, 0, 0));
                }
        }
        return 0;
}

/* A locked account or address: the page of the step the person is on, with when to retry. */
static bool refuse_if_locked(struct req *rq, struct resp *rs, const char *phone,
                             void (*show)(struct req *, struct resp *))
{
        long retry_after = 0;
        bool db_error;
        const char *until = guard_locked_until(rq, phone, &retry_after, &db_error);
        if (db_error) {
                app_db_error(rq, rs);
                return true;
        }
        if (!until)
                return false;
        show(rq, rs);
        rs->status = 429;
        hset(rs->hdf, str(rq, "limit.login_locked"), "P.Refusal.Reason");
        hset(rs->hdf, until, "P.Refusal.RetryAt");
        resp_header(rs, "Retry-After", arena_printf(rq->arena, "%ld", retry_after));
        return true;
}

static void show_login_form(struct req *rq, struct resp *rs)
{
        show_request_form(rq, rs, "login", 200);
}

static void code_login(struct req *rq, struct resp *rs, const char *mode)
{
        HDF *h = rs->hdf;
        char phone[12], code[7];
        if (!read_phone(form(rq, "phone"), phone)) {
                show_request_form(rq, rs, mode, 400);
                hset(h, str(rq, "error.phone_invalid"), "P.Errors.Phone");
                return;
        }
        if (strcmp(mode, "register") == 0 && !register_fields_ok(rq, rs)) {
                show_code_form(rq, rs, mode, phone, 400);
                return;
        }
        if (!smscode_well_formed(form(rq, "code"), code)) {
                show_code_form(rq, rs, mode, phone, 400);
                hset(h, str(rq, "error.code_format"), "P.Errors.Code");
                return;
        }
        if (refuse_if_locked(rq, rs, phone, show_login_form))
                return;
        int left = 0;
        switch (smscode_check(rq, phone, "login", code, &left)) {
        case SMSCODE_OK:
                break;
        case SMSCODE_WRONG:
                guard_failed(rq, phone, "sms_code");
                show_code_form(rq, rs, mode, phone, 400);
                hset(h, str(rq, "error.code_wrong"), "P.Errors.Code");
                hset_int(h, left, "P.TriesLeft");
                return;
        case SMSCODE_BURNT:
                guard_failed(rq, phone, "sms_code");
                show_request_form(rq, rs, mode, 400);
                hset(h, phone, "P.Phone");
                hset(h, str(rq, "error.code_burnt"), "P.Errors.Phone");
                return;
        case SMSCODE_NONE:
                show_request_form(rq, rs, mode, 400);
                hset(h, phone, "P.Phone");
                hset(h, str(rq, "error.code_gone"), "P.Errors.Phone");
                return;
        case SMSCODE_CHECK_DB_ERROR:
                app_db_error(rq, rs);
                return;
        }
        bool created, disabled;
        unsigned roles = 0;
        long long uid = account_for_phone(rq, phone, &created, &roles, &disabled);
        if (!uid) {
                app_db_error(rq, rs);
                return;
        }
        if (disabled) {
                app_error(rq, rs, 403, "account_disabled", NULL);
                return;
        }
        if (roles & STAFF_ROLES) {
                /* staff prove themselves with a password and a second factor, never an SMS */
                show_login_form(rq, rs);
                rs->status = 403;
                hset(h, phone, "P.Phone");
                hset(h, str(rq, "error.staff_password"), "P.Errors.Password");
                return;
        }
        if (!sess_start(rq, rs, uid, "sms")) {
                app_db_error(rq, rs);
                return;
        }
        go_next(rq, rs, created ? "/me?welcome=1" : "/me");
}

/* A verify that costs what a real one does, for numbers without a password, so the time taken
 * does not tell whether an account exists. */
static void spend_a_verify(const char *password)
{
        static const char dummy[] = "$argon2id$v=19$m=19456,t=2,p=1$"
                                    "c29tZXNhbHRzb21lc2FsdA$"
                                    "2Qx5O0HjJx0vZbQfUuvtW2mbfaT2w2V0aY9k0b0K3dM";
        (void)secrets_password_verify(dummy, password);
}

static void password_login(struct req *rq, struct resp *rs)
{
        HDF *h = rs->hdf;
        char phone[12];
        const char *password = form(rq, "password");
        hset(h, form(rq, "phone"), "P.Phone");
        hset(h, "password", "P.Tab");
        if (!read_phone(form(rq, "phone"), phone) || !*password) {
                show_login_form(rq, rs);
                rs->status = 400;
                hset(h, "password", "P.Tab");
                hset(h, str(rq, "error.password_fields"), "P.Errors.Password");
                return;
        }
        if (refuse_if_locked(rq, rs, phone, show_login_form))
                return;
        PGresult *r = db_exec(cm_db, &login_user_by_phone, DB_PARAMS(phone));
        if (!r) {
                app_db_error(rq, rs);
                return;
        }
        bool found = PQntuples(r) == 1 && *db_val(r, 0, 2);
        bool ok = false;
        if (found)
                ok = secrets_password_verify(db_val(r, 0, 2), password);
        else
                spend_a_verify(password);
        if (!ok || strcmp(db_val(r, 0, 3), "t") == 0) {
                guard_failed(rq, phone, "password");
                show_login_form(rq, rs);
                rs->status = 400;
                hset(h, form(rq, "phone"), "P.Phone");
                hset(h, "password", "P.Tab");
                hset(h, str(rq, "error.password_wrong"), "P.Errors.Password");
                return;
        }
        long long uid = atoll(db_val(r, 0, 0));
        unsigned roles = (unsigned)atoi(db_val(r, 0, 1));
        if (secrets_password_needs_rehash(db_val(r, 0, 2))) {
                char fresh[SECRETS_PASSWORD_HASH_SIZE];
                if (secrets_password_hash(password, fresh, sizeof fresh) == 0)
                        db_exec(cm_db, &login_rehash,
                                DB_PARAMS(arena_printf(rq->arena, "%lld", uid), fresh));
        }
        bool good;
        if (roles & STAFF_ROLES)
                good = sess_start_pending(rq, rs, uid);
        else
                good = sess_start(rq, rs, uid, "password");
        if (!good) {
                app_db_error(rq, rs);
                return;
        }
        if (roles & STAFF_ROLES) {
                const char *next = safe_next(rq);
                resp_redirect(rs, 303,
                              next ? arena_printf(rq->arena, "/login/totp?next=%s",
                                                  fmt_urlenc(rq->arena, next))
                                   : "/login/totp");
                return;
        }
        go_next(rq, rs, roles & ROLE_AGENCY ? "/agency" : "/me");
}

/* POST /login: a code (from the SMS) or a password. */
void page_login_post(struct req *rq, struct resp *rs)
{
        if (kv_get(rq->form, "password"))
                password_login(rq, rs);
        else
                code_login(rq, rs, "login");
}

/* POST /register: the code, the name and the consent. */
void page_register_post(struct req *rq, struct resp *rs)
{
        code_login(rq, rs, "register");
}

/* ---------------------------------------------------------------- the second factor */

struct pending {
        long long id;
        const char *phone;
        bool has_key, enrolled;
        long last_step;
};

/* The user who passed the password in this session; false (and answered) when there is none. */
static bool pending_user(struct req *rq, struct resp *rs, struct pending *p)
{
        if (!rq->sess || !rq->sess->pending_user_id) {
                resp_redirect(rs, 303, "/login");
                return false;
        }
        PGresult *r =
            db_exec(cm_db, &login_user_by_id,
                    DB_PARAMS(arena_printf(rq->arena, "%lld", rq->sess->pending_user_id)));
        if (!r) {
                app_db_error(rq, rs);
                return false;
        }
        if (PQntuples(r) != 1) {
                resp_redirect(rs, 303, "/login");
                return false;
        }
        p->id = atoll(db_val(r, 0, 0));
        p->phone = arena_strdup(rq->arena, db_val(r, 0, 2));
        p->has_key = strcmp(db_val(r, 0, 4), "t") == 0;
        p->enrolled = strcmp(db_val(r, 0, 5), "t") == 0;
        p->last_step = atol(db_val(r, 0, 6));
        return true;
}

static const char *totp_context(struct arena *a, long long uid)
{
        return arena_printf(a, "totp:%lld", uid);
}

/* The user's TOTP key, made and stored (sealed) if enrolment has not begun. Its length, or -1. */
static long totp_key(struct req *rq, const struct pending *p, unsigned char key[32])
{
        unsigned char k[32];
        secrets_derive_key(cm_config.secret, "totp", k);
        const char *uid = arena_printf(rq->arena, "%lld", p->id);
        long n = -1;
        if (p->has_key) {
                PGresult *r = db_exec(cm_db, &login_totp_key, DB_PARAMS(uid));
                unsigned char blob[128];
                long bl = r && PQntuples(r) == 1 ? unbytea(db_val(r, 0, 0), blob, sizeof blob) : -1;
                char plain[64];
                if (bl > 0)
                        n = secrets_open_ad(k, totp_context(rq->arena, p->id), blob, (size_t)bl,
                                            plain, sizeof plain);
                if (n == SECRETS_TOTP_KEY_LEN)
                        memcpy(key, plain, (size_t)n);
                else
                        n = -1;
                OPENSSL_cleanse(plain, sizeof plain);
        } else {
                unsigned char fresh[SECRETS_TOTP_KEY_LEN], blob[SECRETS_TOTP_KEY_LEN + 64];
                crypto_random(fresh, sizeof fresh);
                size_t bl = secrets_seal_ad(k, totp_context(rq->arena, p->id), (const char *)fresh,
                                            sizeof fresh, blob, sizeof blob);
                if (bl && db_exec(cm_db, &login_totp_store,
                                  DB_PARAMS(uid, hex_bytea(rq->arena, blob, bl)))) {
                        memcpy(key, fresh, sizeof fresh);
                        n = sizeof fresh;
                }
                OPENSSL_cleanse(fresh, sizeof fresh);
        }
        OPENSSL_cleanse(k, sizeof k);
        return n;
}

static void show_totp(struct req *rq, struct resp *rs, const struct pending *p, int status)
{
        HDF *h = rs->hdf;
        rs->status = status;
        rs->no_store = true;
        const char *next = safe_next(rq);
        if (next)
                hset(h, next, "P.Next");
        if (p->enrolled) {
                rs->template = "pages/account/totp.cs";
                rs->title = str(rq, "totp.title");
                return;
        }
        unsigned char key[32];
        long n = totp_key(rq, p, key);
        if (n < 0) {
                app_db_error(rq, rs);
                return;
        }
        char b32[SECRETS_BASE32_SIZE(SECRETS_TOTP_KEY_LEN)], grouped[64], uri[512];
        secrets_base32_encode(key, (size_t)n, b32);
        size_t g = 0;
        for (size_t i = 0; b32[i]; i++) {
                if (i && i % 4 == 0)
                        grouped[g++] = ' ';
                grouped[g++] = b32[i];
        }
        grouped[g] = '\0';
        char masked[12];
        ident_mobile_mask(p->phone, masked);
        secrets_otpauth_uri(view_str(LANG_ZH, "site.name"), masked, key, (size_t)n, uri,
                            sizeof uri);
        OPENSSL_cleanse(key, sizeof key);
        hset(h, grouped, "P.Setup.Key");
        hset(h, uri, "P.Setup.Uri");
        struct buf qr;
        buf_init(&qr);
        if (qr_svg_data_uri(uri, &qr))
                hset(h, qr.data, "P.Setup.Qr");
        OPENSSL_cleanse(qr.data, qr.len);
        buf_free(&qr);
        OPENSSL_cleanse(grouped, sizeof grouped);
        OPENSSL_cleanse(b32, sizeof b32);
        OPENSSL_cleanse(uri, sizeof uri);
        rs->template = "pages/account/totp_setup.cs";
        rs->title = str(rq, "totp_setup.title");
}

void page_login_totp(struct req *rq, struct resp *rs)
{
        struct pending p;
        if (pending_user(rq, rs, &p))
                show_totp(rq, rs, &p, 200);
}

/* Makes RECOVERY_CODES new codes, stores their hashes and puts them on the page (once). */
static bool issue_recovery_codes(struct req *rq, struct resp *rs, long long uid)
{
        const char *id = arena_printf(rq->arena, "%lld", uid);
        if (!db_exec(cm_db, &login_recovery_clear, DB_PARAMS(id)))
                return false;
        for (int i = 0; i < RECOVERY_CODES; i++) {
                char code[SECRETS_RECOVERY_CODE_SIZE];
                unsigned char hash[32];
                secrets_recovery_code(code);
                secrets_lookup_hash(cm_config.secret, "recovery-code", code, hash);
                if (!db_exec(cm_db, &login_recovery_add,
                             DB_PARAMS(id, hex_bytea(rq->arena, hash, 32))))
                        return false;
                hset(rs->hdf, code, "P.Codes.%d", i);
                OPENSSL_cleanse(code, sizeof code);
        }
        return true;
}

static void totp_wrong(struct req *rq, struct resp *rs, const struct pending *p, const char *key)
{
        guard_failed(rq, p->phone, "totp");
        show_totp(rq, rs, p, 400);
        hset(rs->hdf, str(rq, key), "P.Errors.Code");
}

static bool finish_login(struct req *rq, struct resp *rs, long long uid, const char *method)
{
        return sess_start(rq, rs, uid, method) &&
               audit_write(cm_db, rq, "user.login", "user", uid,
                           arena_printf(rq->arena, "{\"method\":\"%s\"}", method), NULL);
}

static void totp_with_recovery(struct req *rq, struct resp *rs, const struct pending *p)
{
        unsigned char hash[32];
        secrets_lookup_hash(cm_config.secret, "recovery-code", form(rq, "recovery"), hash);
        PGresult *r = db_exec(
            cm_db, &login_recovery_use,
            DB_PARAMS(arena_printf(rq->arena, "%lld", p->id), hex_bytea(rq->arena, hash, 32)));
        if (!r) {
                app_db_error(rq, rs);
                return;
        }
        if (PQntuples(r) != 1) {
                totp_wrong(rq, rs, p, "error.recovery_wrong");
                return;
        }
        long left = atol(db_val(r, 0, 0));
        if (!finish_login(rq, rs, p->id, "password_recovery")) {
                app_db_error(rq, rs);
                return;
        }
        resp_redirect(rs, 303, arena_printf(rq->arena, "/me?recovery_left=%ld", left));
}

/* POST /login/totp: the authenticator's code (enrolling it the first time) or a recovery code. */
void page_login_totp_post(struct req *rq, struct resp *rs)
{
        struct pending p;
        if (!pending_user(rq, rs, &p))
                return;
        if (refuse_if_locked(rq, rs, p.phone, show_login_form))
                return;
        if (p.enrolled && *form(rq, "recovery")) {
                totp_with_recovery(rq, rs, &p);
                return;
        }
        char code[7];
        if (!smscode_well_formed(form(rq, "code"), code)) {
                show_totp(rq, rs, &p, 400);
                hset(rs->hdf, str(rq, "error.totp_format"), "P.Errors.Code");
                return;
        }
        unsigned char key[32];
        long n = p.has_key ? totp_key(rq, &p, key) : -1;
        long step = 0;
        bool match = n > 0 && secrets_totp_check(key, (size_t)n, code, (uint64_t)time(NULL), &step);
        OPENSSL_cleanse(key, sizeof key);
        if (!match || step <= p.last_step) {
                totp_wrong(rq, rs, &p, "error.totp_wrong");
                return;
        }
        const char *uid = arena_printf(rq->arena, "%lld", p.id);
        if (!db_begin(cm_db)) {
                app_db_error(rq, rs);
                return;
        }
        PGresult *r = db_exec(cm_db, &login_totp_accept,
                              DB_PARAMS(uid, arena_printf(rq->arena, "%ld", step)));
        if (!r ||
            (atoi(PQcmdTuples(r)) == 1 && !p.enrolled && !issue_recovery_codes(rq, rs, p.id))) {
                db_rollback(cm_db);
                app_db_error(rq, rs);
                return;
        }
        if (atoi(PQcmdTuples(r)) != 1) { /* another request used this step first */
                db_rollback(cm_db);
                totp_wrong(rq, rs, &p, "error.totp_wrong");
                return;
        }
        if (!p.enrolled && !audit_write(cm_db, rq, "user.totp_enrol", "user", p.id, NULL, NULL)) {
                db_rollback(cm_db);
                app_db_error(rq, rs);
                return;
        }
        if (!finish_login(rq, rs, p.id, "password_totp") || !db_commit(cm_db)) {
                db_rollback(cm_db);
                app_db_error(rq, rs);
                return;
        }
        if (p.enrolled) {
                go_next(rq, rs, "/me");
                return;
        }
        /* the recovery codes are shown now and never again */
        rs->status = 200;
        rs->template = "pages/account/recovery_codes.cs";
        rs->title = str(rq, "recovery.title");
        const char *next = safe_next(rq);
        hset(rs->hdf, next ? next : "/me", "P.Next");
}
