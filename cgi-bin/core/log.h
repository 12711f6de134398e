/* log: diagnostics to stderr (one line each, with the pid) and the access log (one line per
 * request). Never logs a cookie, a token, a form body or a phone number. */
#ifndef CM_LOG_H
#define CM_LOG_H

void log_open_access(const char *path); /* "-" = stderr; reopened on SIGHUP by the new workers */
void log_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

struct access_entry {
        const char *request_id;
        const char *method;
        const char *path; /* without the query string, which may hold personal data */
        const char *route;
        int status;
        long total_us;
        long db_us;
        long body_bytes;
        const char *cache; /* "hit", "miss" or "-" (not cacheable) */
};
void log_access(const struct access_entry *e);

#endif
