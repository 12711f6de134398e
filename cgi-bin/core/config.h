/* config: the process-wide settings read from coursemart.conf ("key = value" lines, # comments).
 * Loaded once by the master and again on SIGHUP; workers only read it. Never holds request data. */
#ifndef CM_CONFIG_H
#define CM_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

struct config {
        char *path;     /* the file it came from */
        char *listen;   /* unix socket path for FastCGI */
        int workers;    /* 0 = 2 × cores */
        char *database; /* libpq conninfo */
        char
            *database_read; /* optional conninfo for catalog reads (a replica); "" = use database */
        char *templates;    /* templates/ directory */
        char *static_dir;   /* static/ directory (nginx serves it; we read asset versions) */
        char *schema;       /* schema/ directory for migrate and demo */
        char *secret_file;  /* 32+ random bytes, hex, for HMACs (CSRF, keyed hashes) */
        char *access_log;   /* path, or "-" for stderr */
        char *pid_file;     /* "" = none */
        char *map_tiles;    /* tile URL template for Leaflet, "" = list only */
        char *map_attribution;
        int page_cache_mb;      /* per worker, for anonymous GETs of public pages; 0 = off */
        int page_cache_seconds; /* the longest a cached page (and its seat counts) may lag */
        bool https;             /* cookies get Secure */
        char *uploads;          /* agency documents etc.: a folder outside the web root */
        /* SMS (gateways/sms.h): the driver ("aliyun" or "tencent"), its endpoint and keys; the
         * secret itself is read from a file so the config can be world-readable */
        char *sms_driver;
        char *sms_endpoint;
        char *sms_access_key_id;
        char *sms_access_key_secret_file;
        char *sms_sign_name;
        char *sms_region;
        char *sms_sdk_app_id;
        char *sms_templates;     /* "login_code:SMS_1 family_code:SMS_2 …": our name → theirs */
        int sms_timeout_seconds; /* one call to the provider */
        int courier_lease_seconds; /* a claimed job is another courier's after this */
        char *sim_listen;          /* gatewaysim's FastCGI socket (dev and tests only) */
        unsigned char secret[32];  /* derived from secret_file */
        bool have_secret;
};

extern struct config cm_config;

/* Reads path into *out (fresh strings; free with config_free). On error writes a message naming the
 * line to err and returns -1; *out is then untouched. */
int config_load(struct config *out, const char *path, char *err, size_t errlen);
/* Reads and checks the secret file into c->secret. */
int config_load_secret(struct config *c, char *err, size_t errlen);
void config_free(struct config *c);

#endif
