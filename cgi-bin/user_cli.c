/* user_cli: `coursemart user …`, how staff and agency accounts come to exist (citizens register
 * themselves). Subcommands: add, roles, reset-2fa, list. Every change writes an audit row with no
 * actor and {"via":"cli"}, in the same transaction. A generated password is printed once and
 * never stored in the clear; a password given on stdin is never echoed. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>

#include "core/config.h"
#include "core/crypto.h"
#include "core/db.h"
#include "core/ident.h"
#include "core/router.h"
#include "core/secrets.h"
#include "user_cli.h"

DB_STMT(cli_user_insert,
        "INSERT INTO users (display_name, phone, roles, agency_id, password_hash, password_set_at)"
        " VALUES ($1, $2, $3::int, nullif($4, '')::int, $5, now()) RETURNING id");
DB_STMT(cli_user_find, "SELECT id, roles FROM users WHERE phone = $1");
DB_STMT(cli_user_roles, "UPDATE users SET roles = $2::int WHERE id = $1");
DB_STMT(cli_user_reset_2fa, "UPDATE users SET totp_sealed = NULL, totp_enabled_at = NULL,"
                            "                 totp_last_step = NULL WHERE id = $1");
DB_STMT(cli_user_drop_codes, "DELETE FROM recovery_codes WHERE user_id = $1");
DB_STMT(cli_user_drop_sessions, "DELETE FROM sessions WHERE user_id = $1 OR pending_user_id = $1");
DB_STMT(cli_user_list, "SELECT id, phone, display_name, roles, coalesce(agency_id::text, '-'),"
                       "       totp_enabled_at IS NOT NULL"
                       "  FROM users WHERE roles & $1::int <> 0 ORDER BY id");
DB_STMT(cli_audit, "INSERT INTO audit_log (actor_id, action, object_type, object_id, detail)"
                   " VALUES (NULL, $1, 'user', $2::bigint, $3::jsonb)");

static const struct {
        const char *name;
        unsigned bit;
} role_names[] = {
    {"citizen", ROLE_CITIZEN}, {"agency", ROLE_AGENCY},   {"reviewer", ROLE_REVIEWER},
    {"procure", ROLE_PROCURE}, {"finance", ROLE_FINANCE}, {"admin", ROLE_ADMIN},
};
#define N_ROLES (sizeof role_names / sizeof role_names[0])
#define STAFF   (ROLE_REVIEWER | ROLE_PROCURE | ROLE_FINANCE | ROLE_ADMIN)

/* "reviewer,admin" → bits; 0 (with a message) for an unknown name. */
static unsigned parse_roles(const char *list)
{
        unsigned bits = 0;
        char buf[256];
        snprintf(buf, sizeof buf, "%s", list);
        for (char *save = NULL, *t = strtok_r(buf, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
                bool found = false;
                for (size_t i = 0; i < N_ROLES; i++)
                        if (strcmp(t, role_names[i].name) == 0)
                                bits |= role_names[i].bit, found = true;
                if (!found) {
                        fprintf(stderr,
                                "coursemart user: unknown role '%s' (roles: citizen, agency, "
                                "reviewer, procure, finance, admin)\n",
                                t);
                        return 0;
                }
        }
        return bits;
}

static void print_roles(unsigned bits, FILE *f)
{
        const char *sep = "";
        for (size_t i = 0; i < N_ROLES; i++)
                if (bits & role_names[i].bit) {
                        fprintf(f, "%s%s", sep, role_names[i].name);
                        sep = ",";
                }
        if (!*sep)
                fputs("-", f);
}

static const char *opt(int argc, char **argv, const char *name)
{
        for (int i = 0; i + 1 < argc; i++)
                if (strcmp(argv[i], name) == 0)
                        return argv[i + 1];
        return NULL;
}

static bool flag(int argc, char **argv, const char *name)
{
        for (int i = 0; i < argc; i++)
                if (strcmp(argv[i], name) == 0)
                        return true;
        return false;
}

/* 16 characters from the recovery-code alphabet: about 80 bits, easy to type once. */
static void generate_password(char out[17])
{
        char a[SECRETS_RECOVERY_CODE_SIZE], b[SECRETS_RECOVERY_CODE_SIZE];
        secrets_recovery_code(a);
        secrets_recovery_code(b);
        snprintf(out, 17, "%.4s%.4s%.4s%.4s", a, a + 5, b, b + 5);
        OPENSSL_cleanse(a, sizeof a);
        OPENSSL_cleanse(b, sizeof b);
}

/* One line from stdin without its newline; false when empty or too long. */
static bool read_password(char *out, size_t cap)
{
        if (!fgets(out, (int)cap, stdin))
                return false;
        size_t n = strcspn(out, "\r\n");
        if (out[n] == '\0' && n == cap - 1)
                return false;
        out[n] = '\0';
        return n > 0;
}

static struct db *open_db(const char *config)
{
        char err[512];
        if (config_load(&cm_config, config, err, sizeof err) < 0) {
                fprintf(stderr, "%s\n", err);
                return NULL;
        }
        return db_connect(cm_config.database);
}

/* The user id for --phone, or 0 (with a message). */
static long long find_user(struct db *db, const char *typed, unsigned *roles)
{
        char phone[12];
        if (!typed || !ident_mobile_normalize(typed, phone)) {
                fprintf(stderr, "coursemart user: give --phone with a mainland mobile number\n");
                return 0;
        }
        PGresult *r = db_exec(db, &cli_user_find, DB_PARAMS(phone));
        if (!r || PQntuples(r) != 1) {
                fprintf(stderr, "coursemart user: no user with phone %s\n", phone);
                return 0;
        }
        *roles = (unsigned)atoi(PQgetvalue(r, 0, 1));
        return atoll(PQgetvalue(r, 0, 0));
}

static int finish(struct db *db, bool ok)
{
        if (ok && db_commit(db))
                return 0;
        fprintf(stderr, "coursemart user: database error: %s\n", db_last_message(db));
        db_rollback(db);
        return 1;
}

static int user_add(struct db *db, int argc, char **argv)
{
        const char *typed = opt(argc, argv, "--phone"), *name = opt(argc, argv, "--name");
        const char *role_list = opt(argc, argv, "--role"), *agency = opt(argc, argv, "--agency");
        char phone[12];
        if (!typed || !ident_mobile_normalize(typed, phone) || !name || !*name || !role_list) {
                fprintf(stderr, "usage: coursemart user add --phone MOBILE --name NAME --role "
                                "ROLE[,ROLE] [--agency ID] [--password-stdin]\n");
                return 2;
        }
        unsigned roles = parse_roles(role_list);
        if (!roles)
                return 2;
        if ((roles & ROLE_AGENCY) && !agency) {
                fprintf(stderr, "coursemart user: the agency role needs --agency ID\n");
                return 2;
        }
        char password[SECRETS_PASSWORD_MAX + 2];
        bool generated = !flag(argc, argv, "--password-stdin");
        if (generated)
                generate_password(password);
        else if (!read_password(password, sizeof password) || strlen(password) < 10) {
                fprintf(stderr, "coursemart user: the password on stdin must be one line of 10 "
                                "or more characters\n");
                return 2;
        }
        char hash[SECRETS_PASSWORD_HASH_SIZE];
        if (secrets_password_hash(password, hash, sizeof hash) != 0) {
                fprintf(stderr, "coursemart user: cannot hash the password\n");
                return 1;
        }
        if (!db_begin(db))
                return finish(db, false);
        char roles_s[16];
        snprintf(roles_s, sizeof roles_s, "%u", roles);
        PGresult *r = db_exec(db, &cli_user_insert,
                              DB_PARAMS(name, phone, roles_s, agency ? agency : "", hash));
        if (!r) {
                if (db_last_error(db) == DB_ERR_UNIQUE)
                        fprintf(stderr,
                                "coursemart user: %s already has an account: use 'coursemart "
                                "user roles --phone %s --role …'\n",
                                phone, phone);
                else if (db_last_error(db) == DB_ERR_FOREIGN)
                        fprintf(stderr, "coursemart user: no agency %s\n", agency);
                else
                        fprintf(stderr, "coursemart user: %s\n", db_last_message(db));
                db_rollback(db);
                OPENSSL_cleanse(password, sizeof password);
                return 1;
        }
        const char *id = PQgetvalue(r, 0, 0);
        char detail[128];
        snprintf(detail, sizeof detail, "{\"via\":\"cli\",\"roles\":%u}", roles);
        bool ok = db_exec(db, &cli_audit, DB_PARAMS("user.create", id, detail)) != NULL;
        if (ok)
                printf("user %s created: phone %s, roles ", id, phone);
        if (ok)
                print_roles(roles, stdout);
        if (ok && generated)
                printf("\npassword (shown once, give it to them in person): %s\n", password);
        else if (ok)
                putchar('\n');
        if (ok && (roles & STAFF))
                printf("At the first login they set up an authenticator app (TOTP).\n");
        OPENSSL_cleanse(password, sizeof password);
        return finish(db, ok);
}

static int user_roles(struct db *db, int argc, char **argv)
{
        const char *list = opt(argc, argv, "--role");
        unsigned old = 0, roles = list ? parse_roles(list) : 0;
        if (!roles) {
                fprintf(stderr, "usage: coursemart user roles --phone MOBILE --role ROLE[,ROLE]\n");
                return 2;
        }
        long long id = find_user(db, opt(argc, argv, "--phone"), &old);
        if (!id)
                return 1;
        char ids[24], roles_s[16], detail[128];
        snprintf(ids, sizeof ids, "%lld", id);
        snprintf(roles_s, sizeof roles_s, "%u", roles);
        snprintf(detail, sizeof detail, "{\"via\":\"cli\",\"from\":%u,\"to\":%u}", old, roles);
        if (!db_begin(db))
                return finish(db, false);
        bool ok = db_exec(db, &cli_user_roles, DB_PARAMS(ids, roles_s)) &&
                  db_exec(db, &cli_audit, DB_PARAMS("user.roles", ids, detail));
        if (!ok && db_last_error(db) == DB_ERR_CHECK) {
                fprintf(stderr, "coursemart user: staff roles need a password and the agency "
                                "role an agency; the account has not\n");
                db_rollback(db);
                return 1;
        }
        if (ok) {
                printf("user %lld roles: ", id);
                print_roles(roles, stdout);
                putchar('\n');
        }
        return finish(db, ok);
}

static int user_reset_2fa(struct db *db, int argc, char **argv)
{
        unsigned roles;
        long long id = find_user(db, opt(argc, argv, "--phone"), &roles);
        if (!id)
                return 1;
        char ids[24];
        snprintf(ids, sizeof ids, "%lld", id);
        if (!db_begin(db))
                return finish(db, false);
        bool ok = db_exec(db, &cli_user_reset_2fa, DB_PARAMS(ids)) &&
                  db_exec(db, &cli_user_drop_codes, DB_PARAMS(ids)) &&
                  db_exec(db, &cli_user_drop_sessions, DB_PARAMS(ids)) &&
                  db_exec(db, &cli_audit, DB_PARAMS("user.reset_totp", ids, "{\"via\":\"cli\"}"));
        if (ok)
                printf("user %lld: authenticator and recovery codes cleared, logged out "
                       "everywhere; the next login sets up a new authenticator\n",
                       id);
        return finish(db, ok);
}

static int user_list(struct db *db, int argc, char **argv)
{
        unsigned mask = flag(argc, argv, "--all") ? 0x7e : STAFF | ROLE_AGENCY;
        char mask_s[16];
        snprintf(mask_s, sizeof mask_s, "%u", mask);
        PGresult *r = db_exec(db, &cli_user_list, DB_PARAMS(mask_s));
        if (!r)
                return finish(db, false);
        printf("%-6s %-12s %-10s %-24s %s\n", "id", "phone", "agency", "roles", "name");
        for (int i = 0; i < PQntuples(r); i++) {
                printf("%-6s %-12s %-10s ", PQgetvalue(r, i, 0), PQgetvalue(r, i, 1),
                       PQgetvalue(r, i, 4));
                char roles[64];
                FILE *m = fmemopen(roles, sizeof roles, "w");
                if (m) {
                        print_roles((unsigned)atoi(PQgetvalue(r, i, 3)), m);
                        fclose(m);
                }
                printf("%-24s %s%s\n", m ? roles : "?", PQgetvalue(r, i, 2),
                       PQgetvalue(r, i, 5)[0] == 't' ? "" : " (no authenticator yet)");
        }
        return 0;
}

int user_main(const char *config, int argc, char **argv)
{
        static const struct {
                const char *name;
                int (*run)(struct db *, int, char **);
        } subs[] = {{"add", user_add},
                    {"roles", user_roles},
                    {"reset-2fa", user_reset_2fa},
                    {"list", user_list}};
        for (size_t i = 0; argc > 0 && i < sizeof subs / sizeof subs[0]; i++) {
                if (strcmp(argv[0], subs[i].name) != 0)
                        continue;
                struct db *db = open_db(config);
                if (!db)
                        return 1;
                int rc = subs[i].run(db, argc - 1, argv + 1);
                db_close(db);
                return rc;
        }
        fprintf(stderr, "usage: coursemart user add --phone MOBILE --name NAME --role ROLE[,ROLE]\n"
                        "                           [--agency ID] [--password-stdin]\n"
                        "       coursemart user roles --phone MOBILE --role ROLE[,ROLE]\n"
                        "       coursemart user reset-2fa --phone MOBILE\n"
                        "       coursemart user list [--all]\n"
                        "roles: citizen, agency, reviewer, procure, finance, admin\n");
        return 2;
}
