/* test_log.c: unit tests for cgi-bin/core/log.c: log_access writes exactly one line per request to
 * the file log_open_access opened (a mkstemp file), with the fields in order after the timestamp
 * (request id, method, path, route=, status=, us=, db_us=, bytes=, cache=), "-" for NULL fields, an
 * overlong path cut to 300 bytes and an overlong line cut to 1023 bytes that still ends in '\n';
 * lines append; log_open_access("-") and an unopenable path go back to stderr and close the old
 * file; log_info, log_warn and log_error write one line each to stderr with the level word and the
 * pid (stderr is redirected with dup2 to a temporary file to read them back). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "log.h"
#include "tap.h"

/* ---------------------------------------------------------------- helpers */

static char tmpdir_path[64];

/* A new empty temporary file; its path is written to path (size 96). */
static int temp_file(char *path)
{
        snprintf(path, 96, "%s/logXXXXXX", tmpdir_path);
        int fd = mkstemp(path);

        if (fd >= 0)
                close(fd);
        return fd >= 0 ? 0 : -1;
}

/* The whole file, NUL-terminated, in a static buffer; *len gets its length. */
static const char *slurp(const char *path, size_t *len)
{
        static char data[16384];
        size_t n = 0;
        int fd = open(path, O_RDONLY);

        if (fd >= 0) {
                ssize_t r;

                while (n < sizeof data - 1 && (r = read(fd, data + n, sizeof data - 1 - n)) > 0)
                        n += (size_t)r;
                close(fd);
        }
        data[n] = '\0';
        if (len)
                *len = n;
        return data;
}

static int count_char(const char *s, size_t n, char c)
{
        int k = 0;

        for (size_t i = 0; i < n; i++)
                k += s[i] == c;
        return k;
}

/* 1 when s starts with a timestamp "YYYY-MM-DDTHH:MM:SS.mmmZ" and a space. */
static int is_stamp(const char *s)
{
        const char *pat = "dddd-dd-ddTdd:dd:dd.dddZ ";

        for (size_t i = 0; pat[i]; i++) {
                if (pat[i] == 'd' ? s[i] < '0' || s[i] > '9' : s[i] != pat[i])
                        return 0;
        }
        return 1;
}

/* The line after its timestamp, or "" when it has none. */
static const char *after_stamp(const char *line)
{
        return is_stamp(line) ? line + 25 : "";
}

/* Redirects stderr to a fresh temporary file until stderr_end(). */
static int saved_stderr = -1;
static char stderr_path[96];

static void stderr_begin(void)
{
        fflush(stderr);
        if (temp_file(stderr_path) < 0)
                return;
        int fd = open(stderr_path, O_WRONLY | O_APPEND);

        saved_stderr = dup(2);
        if (fd >= 0) {
                dup2(fd, 2);
                close(fd);
        }
}

/* Restores stderr; returns what was written to it meanwhile. */
static const char *stderr_end(size_t *len)
{
        fflush(stderr);
        if (saved_stderr >= 0) {
                dup2(saved_stderr, 2);
                close(saved_stderr);
                saved_stderr = -1;
        }
        const char *s = slurp(stderr_path, len);
        unlink(stderr_path);
        return s;
}

/* The lowest free descriptor: the one the next open() will return. */
static int next_fd(void)
{
        int fd = open("/dev/null", O_RDONLY);

        if (fd >= 0)
                close(fd);
        return fd;
}

static int fd_is_open(int fd)
{
        return fcntl(fd, F_GETFD) != -1 || errno != EBADF;
}

/* ---------------------------------------------------------------- access log */

static void test_access_line(void)
{
        char path[96];
        size_t len;

        if (temp_file(path) < 0) {
                ok(0, "mkstemp for the access log");
                return;
        }
        log_open_access(path);
        struct access_entry e = {
            .request_id = "r-0123abcd",
            .method = "GET",
            .path = "/course/12",
            .route = "course",
            .status = 200,
            .total_us = 1234,
            .db_us = 567,
            .body_bytes = 8910,
            .cache = "hit",
        };
        log_access(&e);
        const char *s = slurp(path, &len);
        ok(len > 0 && s[len - 1] == '\n', "access: the line ends in a newline");
        is_int(count_char(s, len, '\n'), 1, "access: exactly one line");
        ok(is_stamp(s), "access: starts with a UTC timestamp to the millisecond");
        is_str(after_stamp(s),
               "r-0123abcd GET /course/12 route=course status=200 us=1234 db_us=567 bytes=8910 "
               "cache=hit\n",
               "access: the fields in order");

        struct access_entry z = {.status = 404, .total_us = -1, .db_us = 0, .body_bytes = 0};
        log_access(&z);
        s = slurp(path, &len);
        is_int(count_char(s, len, '\n'), 2, "access: a second entry appends a second line");
        const char *second = strchr(s, '\n') + 1;
        ok(is_stamp(second), "access: the second line has its timestamp");
        is_str(after_stamp(second), "- - - route=- status=404 us=-1 db_us=0 bytes=0 cache=-\n",
               "access: NULL fields print \"-\"");

        /* a 2000-byte path is cut to 300 bytes */
        char longpath[2001];
        memset(longpath, 'p', 2000);
        longpath[0] = '/';
        longpath[2000] = '\0';
        e.path = longpath;
        e.cache = "miss";
        size_t before = len;
        log_access(&e);
        s = slurp(path, &len);
        const char *third = s + before;
        size_t tlen = len - before;
        ok(tlen > 0 && third[tlen - 1] == '\n', "long path: the line ends in a newline");
        is_int(count_char(third, tlen, '\n'), 1, "long path: one line");
        ok(tlen < 1024, "long path: the line is bounded (%zu bytes)", tlen);
        char want[512];
        snprintf(want, sizeof want,
                 "r-0123abcd GET %.300s route=course status=200 us=1234 db_us=567 bytes=8910 "
                 "cache=miss\n",
                 longpath);
        is_str(after_stamp(third), want, "long path: cut to its first 300 bytes, fields intact");

        /* every string field long: the whole line is cut to 1023 bytes and still ends the line */
        char big[2001];
        memset(big, 'x', 2000);
        big[2000] = '\0';
        struct access_entry huge = {.request_id = big,
                                    .method = big,
                                    .path = big,
                                    .route = big,
                                    .status = 200,
                                    .total_us = 1,
                                    .db_us = 2,
                                    .body_bytes = 3,
                                    .cache = big};
        before = len;
        log_access(&huge);
        s = slurp(path, &len);
        third = s + before;
        tlen = len - before;
        is_int((long long)tlen, 1023, "overlong line: cut to 1023 bytes");
        ok(tlen > 0 && third[tlen - 1] == '\n', "overlong line: still ends in a newline");
        is_int(count_char(third, tlen, '\n'), 1, "overlong line: one line");
        is_int(count_char(third, tlen, '\0'), 0, "overlong line: no NUL written");

        /* "-" goes back to stderr and closes the file */
        int fd_of_log = -1;
        log_open_access("-");
        fd_of_log = next_fd();
        log_open_access(path); /* opens on fd_of_log: the lowest free descriptor */
        ok(fd_is_open(fd_of_log), "log_open_access holds the file open");
        log_open_access("-");
        ok(!fd_is_open(fd_of_log), "log_open_access(\"-\") closes the file");
        size_t file_before = len;
        stderr_begin();
        log_access(&e);
        size_t elen;
        const char *err = stderr_end(&elen);
        ok(elen > 0 && count_char(err, elen, '\n') == 1 && err[elen - 1] == '\n',
           "\"-\": the access line goes to stderr, one line");
        ok(strstr(err, " route=course status=200 ") != NULL, "\"-\": it is the access line");
        slurp(path, &len);
        is_int((long long)len, (long long)file_before, "\"-\": the file gets nothing more");

        /* NULL and "" mean stderr too */
        log_open_access(path);
        log_open_access(NULL);
        stderr_begin();
        log_access(&e);
        err = stderr_end(&elen);
        ok(strstr(err, " route=course ") != NULL, "NULL path: access lines go to stderr");
        log_open_access(path);
        log_open_access("");
        stderr_begin();
        log_access(&e);
        err = stderr_end(&elen);
        ok(strstr(err, " route=course ") != NULL, "empty path: access lines go to stderr");
        slurp(path, &len);
        is_int((long long)len, (long long)file_before, "NULL and \"\": the file gets nothing");

        /* a path that cannot be opened: a warning, then stderr, and the old file is closed */
        fd_of_log = next_fd();
        log_open_access(path);
        ok(fd_is_open(fd_of_log), "reopened the file");
        stderr_begin();
        log_open_access("/nonexistent-dir-cm/access.log");
        log_access(&e);
        err = stderr_end(&elen);
        ok(strstr(err, " warn [") && strstr(err, "cannot open access log "
                                                 "/nonexistent-dir-cm/access.log"),
           "unopenable path: a warning on stderr");
        ok(strstr(err, " route=course status=200 ") != NULL,
           "unopenable path: access lines go to stderr");
        is_int(count_char(err, elen, '\n'), 2, "unopenable path: two lines on stderr");
        ok(!fd_is_open(fd_of_log), "unopenable path: the old file is closed");
        slurp(path, &len);
        is_int((long long)len, (long long)file_before, "unopenable path: the file gets nothing");
        unlink(path);
}

/* ---------------------------------------------------------------- diagnostics */

static void test_levels(void)
{
        char want[128], name[64];
        size_t len;

        stderr_begin();
        log_info("hello %d", 1);
        log_warn("careful %s", "now");
        log_error("broken: %s", "disk");
        const char *err = stderr_end(&len);
        is_int(count_char(err, len, '\n'), 3, "levels: three calls, three lines on stderr");
        ok(len > 0 && err[len - 1] == '\n', "levels: the output ends in a newline");

        static const char *const levels[] = {"info", "warn", "error"};
        static const char *const msgs[] = {"hello 1", "careful now", "broken: disk"};
        const char *line = err;
        for (int i = 0; i < 3; i++) {
                const char *nl = strchr(line, '\n');
                char copy[256];
                size_t n = nl ? (size_t)(nl - line) : strlen(line);

                if (n >= sizeof copy)
                        n = sizeof copy - 1;
                memcpy(copy, line, n);
                copy[n] = '\0';
                snprintf(name, sizeof name, "log_%s: timestamp", levels[i]);
                ok(is_stamp(copy), "%s", name);
                snprintf(want, sizeof want, "%s [%d] %s", levels[i], (int)getpid(), msgs[i]);
                snprintf(name, sizeof name, "log_%s: level word, pid, message", levels[i]);
                is_str(after_stamp(copy), want, name);
                line = nl ? nl + 1 : line + n;
        }

        /* a 5000-byte message is cut so the line is at most 2047 bytes and still ends */
        char big[5001];
        memset(big, 'm', 5000);
        big[5000] = '\0';
        stderr_begin();
        log_error("%s", big);
        err = stderr_end(&len);
        is_int((long long)len, 2047, "long message: the line is cut to 2047 bytes");
        ok(len > 0 && err[len - 1] == '\n', "long message: it still ends in a newline");
        is_int(count_char(err, len, '\n'), 1, "long message: one line");

        /* an empty message still makes a whole line */
        stderr_begin();
        log_info("%s", "");
        err = stderr_end(&len);
        snprintf(want, sizeof want, "info [%d] \n", (int)getpid());
        is_str(after_stamp(err), want, "empty message: just the prefix and a newline");
}

int main(void)
{
        const char *t = getenv("TMPDIR");

        snprintf(tmpdir_path, sizeof tmpdir_path, "%s", t && *t && strlen(t) < 40 ? t : "/tmp");
        test_access_line();
        test_levels();
        return done_testing();
}
