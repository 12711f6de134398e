/* config: parses coursemart.conf. Unknown keys are errors, so a typo never silently falls back to a
 * default. Must never print the secret or the database password. */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>

struct config cm_config;

static char *dup_or_die(const char *s)
{
        char *d = strdup(s);
        if (!d) {
                perror("strdup");
                abort();
        }
        return d;
}

static char *trim(char *s)
{
        while (isspace((unsigned char)*s))
                s++;
        char *e = s + strlen(s);
        while (e > s && isspace((unsigned char)e[-1]))
                *--e = '\0';
        return s;
}

enum kind { K_STR, K_INT, K_BOOL };

struct key {
        const char *name;
        enum kind kind;
        size_t offset;
};

#define STR_KEY(n, field)                                                                          \
        {                                                                                          \
                n, K_STR, offsetof(struct config, field)                                           \
        }

static const struct key keys[] = {
    STR_KEY("listen", listen),
    {"workers", K_INT, offsetof(struct config, workers)},
    STR_KEY("database", database),
    STR_KEY("database_read", database_read),
    STR_KEY("templates", templates),
    STR_KEY("static", static_dir),
    STR_KEY("schema", schema),
    STR_KEY("secret_file", secret_file),
    STR_KEY("access_log", access_log),
    STR_KEY("pid_file", pid_file),
    STR_KEY("map_tiles", map_tiles),
    STR_KEY("map_attribution", map_attribution),
    {"page_cache_mb", K_INT, offsetof(struct config, page_cache_mb)},
    {"page_cache_seconds", K_INT, offsetof(struct config, page_cache_seconds)},
    {"https", K_BOOL, offsetof(struct config, https)},
    STR_KEY("uploads", uploads),
    STR_KEY("sms_driver", sms_driver),
    STR_KEY("sms_endpoint", sms_endpoint),
    STR_KEY("sms_access_key_id", sms_access_key_id),
    STR_KEY("sms_access_key_secret_file", sms_access_key_secret_file),
    STR_KEY("sms_sign_name", sms_sign_name),
    STR_KEY("sms_region", sms_region),
    STR_KEY("sms_sdk_app_id", sms_sdk_app_id),
    STR_KEY("sms_templates", sms_templates),
    {"sms_timeout_seconds", K_INT, offsetof(struct config, sms_timeout_seconds)},
    {"courier_lease_seconds", K_INT, offsetof(struct config, courier_lease_seconds)},
    STR_KEY("sim_listen", sim_listen),
};

static void set_defaults(struct config *c)
{
        memset(c, 0, sizeof(*c));
        c->listen = dup_or_die("var/run/coursemart.sock");
        c->database = dup_or_die("dbname=coursemart");
        c->database_read = dup_or_die("");
        c->templates = dup_or_die("templates");
        c->static_dir = dup_or_die("static");
        c->schema = dup_or_die("schema");
        c->secret_file = dup_or_die("var/secret.key");
        c->access_log = dup_or_die("-");
        c->pid_file = dup_or_die("");
        c->map_tiles = dup_or_die("https://tile.openstreetmap.org/{z}/{x}/{y}.png");
        c->map_attribution = dup_or_die("© OpenStreetMap contributors");
        c->page_cache_mb = 32;
        c->page_cache_seconds = 10;
        c->uploads = dup_or_die("var/uploads");
        c->sms_driver = dup_or_die("");
        c->sms_endpoint = dup_or_die("");
        c->sms_access_key_id = dup_or_die("");
        c->sms_access_key_secret_file = dup_or_die("");
        c->sms_sign_name = dup_or_die("");
        c->sms_region = dup_or_die("");
        c->sms_sdk_app_id = dup_or_die("");
        c->sms_templates = dup_or_die("");
        c->sms_timeout_seconds = 10;
        c->courier_lease_seconds = 60;
        c->sim_listen = dup_or_die("");
}

int config_load(struct config *out, const char *path, char *err, size_t errlen)
{
        FILE *f = fopen(path, "r");
        if (!f) {
                snprintf(err, errlen, "%s: %s", path, strerror(errno));
                return -1;
        }
        struct config c;
        set_defaults(&c);
        c.path = dup_or_die(path);
        char line[4096];
        int lineno = 0;
        while (fgets(line, sizeof line, f)) {
                lineno++;
                if (!strchr(line, '\n') && !feof(f)) {
                        snprintf(err, errlen, "%s:%d: line too long", path, lineno);
                        goto fail;
                }
                char *s = trim(line);
                if (*s == '\0' || *s == '#')
                        continue;
                char *eq = strchr(s, '=');
                if (!eq) {
                        snprintf(err, errlen, "%s:%d: expected key = value", path, lineno);
                        goto fail;
                }
                *eq = '\0';
                char *name = trim(s), *value = trim(eq + 1);
                const struct key *k = NULL;
                for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
                        if (strcmp(keys[i].name, name) == 0)
                                k = &keys[i];
                if (!k) {
                        snprintf(err, errlen, "%s:%d: unknown key '%s'", path, lineno, name);
                        goto fail;
                }
                void *field = (char *)&c + k->offset;
                if (k->kind == K_STR) {
                        free(*(char **)field);
                        *(char **)field = dup_or_die(value);
                } else if (k->kind == K_INT) {
                        char *end;
                        long v = strtol(value, &end, 10);
                        if (*value == '\0' || *end != '\0' || v < 0 || v > 1024) {
                                snprintf(err, errlen, "%s:%d: %s must be a number from 0 to 1024",
                                         path, lineno, name);
                                goto fail;
                        }
                        *(int *)field = (int)v;
                } else {
                        bool on = strcmp(value, "on") == 0 || strcmp(value, "true") == 0 ||
                                  strcmp(value, "yes") == 0;
                        bool off = strcmp(value, "off") == 0 || strcmp(value, "false") == 0 ||
                                   strcmp(value, "no") == 0;
                        if (!on && !off) {
                                snprintf(err, errlen, "%s:%d: %s must be on or off", path, lineno,
                                         name);
                                goto fail;
                        }
                        *(bool *)field = on;
                }
        }
        fclose(f);
        *out = c;
        return 0;
fail:
        fclose(f);
        config_free(&c);
        return -1;
}

int config_load_secret(struct config *c, char *err, size_t errlen)
{
        FILE *f = fopen(c->secret_file, "r");
        if (!f) {
                snprintf(err, errlen, "secret_file %s: %s", c->secret_file, strerror(errno));
                return -1;
        }
        char hex[257];
        size_t n = fread(hex, 1, sizeof hex - 1, f);
        fclose(f);
        hex[n] = '\0';
        char *s = trim(hex);
        size_t len = strlen(s);
        if (len < 64) {
                snprintf(err, errlen, "secret_file %s: needs at least 64 hex characters",
                         c->secret_file);
                return -1;
        }
        for (size_t i = 0; i < len; i++)
                if (!isxdigit((unsigned char)s[i])) {
                        snprintf(err, errlen, "secret_file %s: not hexadecimal", c->secret_file);
                        return -1;
                }
        /* Whatever its length, the key is the SHA-256 of the text, so every HMAC gets 32 bytes. */
        unsigned int outlen = 0;
        EVP_Digest(s, len, c->secret, &outlen, EVP_sha256(), NULL);
        c->have_secret = true;
        return 0;
}

void config_free(struct config *c)
{
        for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
                if (keys[i].kind == K_STR) {
                        char **p = (char **)((char *)c + keys[i].offset);
                        free(*p);
                        *p = NULL;
                }
        free(c->path);
        c->path = NULL;
        OPENSSL_cleanse(c->secret, sizeof c->secret);
}
