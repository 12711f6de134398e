/* log: see log.h. Writes whole lines with one write() so lines from several workers never mix. */
#include "log.h"

#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static int access_fd = 2;

void log_open_access(const char *path)
{
        if (!path || strcmp(path, "-") == 0 || *path == '\0') {
                if (access_fd > 2)
                        close(access_fd); /* going back to stderr: do not leak the file */
                access_fd = 2;
                return;
        }
        int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0640);
        if (fd < 0) {
                log_warn("cannot open access log %s; using stderr", path);
                if (access_fd > 2)
                        close(access_fd); /* going back to stderr: do not leak the file */
                access_fd = 2;
                return;
        }
        if (access_fd > 2)
                close(access_fd);
        access_fd = fd;
}

static void stamp(char *out, size_t n)
{
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        struct tm tm;
        gmtime_r(&ts.tv_sec, &tm);
        char day[24];
        strftime(day, sizeof day, "%Y-%m-%dT%H:%M:%S", &tm);
        snprintf(out, n, "%s.%03dZ", day, (int)(ts.tv_nsec / 1000000) % 1000);
}

static void vlog(const char *level, const char *fmt, va_list ap)
{
        char line[2048], when[48];
        stamp(when, sizeof when);
        int n = snprintf(line, sizeof line, "%s %s [%d] ", when, level, (int)getpid());
        int m = vsnprintf(line + n, sizeof line - (size_t)n - 1, fmt, ap);
        size_t len = (size_t)n + (m < 0 ? 0 : (size_t)m);
        if (len > sizeof line - 2)
                len = sizeof line - 2;
        line[len++] = '\n';
        ssize_t w = write(2, line, len);
        (void)w;
}

#define LOG_FN(name, level)                                                                        \
        void name(const char *fmt, ...)                                                            \
        {                                                                                          \
                va_list ap;                                                                        \
                va_start(ap, fmt);                                                                 \
                vlog(level, fmt, ap);                                                              \
                va_end(ap);                                                                        \
        }
LOG_FN(log_info, "info")
LOG_FN(log_warn, "warn")
LOG_FN(log_error, "error")

void log_access(const struct access_entry *e)
{
        char line[1024], when[48];
        stamp(when, sizeof when);
        int n = snprintf(line, sizeof line,
                         "%s %s %s %.300s route=%s status=%d us=%ld db_us=%ld bytes=%ld cache=%s\n",
                         when, e->request_id ? e->request_id : "-", e->method ? e->method : "-",
                         e->path ? e->path : "-", e->route ? e->route : "-", e->status, e->total_us,
                         e->db_us, e->body_bytes, e->cache ? e->cache : "-");
        if (n < 0)
                return;
        if ((size_t)n >= sizeof line)
                n = sizeof line - 1, line[n - 1] = '\n';
        ssize_t w = write(access_fd, line, (size_t)n);
        (void)w;
}
