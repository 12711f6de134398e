/* sim: gatewaysim's program: `gatewaysim --config FILE` reads the instance's coursemart.conf,
 * accepts exactly the SMS account the app is configured with (sms_access_key_id, the secret in
 * sms_access_key_secret_file, sms_sdk_app_id, sms_sign_name, sms_templates), creates its `sim`
 * schema in `database`, listens on the FastCGI socket `sim_listen` and preforks a few workers, so
 * a request held open for seconds does not stop the others. SIGTERM stops it: the master signals
 * the workers, which cut short any hold, finish their request and exit.
 *
 * Development and tests only: it listens on loopback behind the instance's nginx, its control
 * paths have no authentication and it shows every message it received. Never run it in production.
 * It never logs a message's text, parameters or phone number. */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <fcgiapp.h>
#include <openssl/crypto.h>

#include "app.h"
#include "arena.h"
#include "config.h"
#include "db.h"
#include "http.h"
#include "log.h"
#include "request.h"
#include "response.h"
#include "sim/sim.h"
#include "sim/sim_store.h"
#include "sim/sim_text.h"
#include "signals.h"

#define SIM_WORKERS      4
#define SIM_STOP_SECONDS 10

struct sim_account sim_account;

static pid_t workers[SIM_WORKERS];
static volatile sig_atomic_t got_term, got_chld;

static void on_signal(int sig)
{
        if (sig == SIGCHLD)
                got_chld = 1;
        else
                got_term = 1;
}

/* ---------------------------------------------------------------- the account */

/* Reads the provider secret the app signs with: the file's contents without surrounding blanks. */
static int read_secret(const char *path, char *out, size_t cap, char *err, size_t errlen)
{
        FILE *f = fopen(path, "r");
        size_t n;
        char *s, *e;

        if (!f) {
                snprintf(err, errlen, "sms_access_key_secret_file %s: %s", path, strerror(errno));
                return -1;
        }
        n = fread(out, 1, cap - 1, f);
        fclose(f);
        out[n] = '\0';
        for (s = out; isspace((unsigned char)*s); s++)
                ;
        e = s + strlen(s);
        while (e > s && isspace((unsigned char)e[-1]))
                *--e = '\0';
        memmove(out, s, (size_t)(e - s) + 1);
        if (!*out || n == cap - 1) {
                OPENSSL_cleanse(out, cap);
                snprintf(err, errlen, "sms_access_key_secret_file %s: empty or too long", path);
                return -1;
        }
        return 0;
}

static int load_account(char *err, size_t errlen)
{
        int n;

        if (!*cm_config.sim_listen) {
                snprintf(err, errlen, "%s: sim_listen is not set", cm_config.path);
                return -1;
        }
        if (!*cm_config.sms_access_key_id || !*cm_config.sms_sign_name) {
                snprintf(err, errlen, "%s: sms_access_key_id and sms_sign_name must be set",
                         cm_config.path);
                return -1;
        }
        if (read_secret(cm_config.sms_access_key_secret_file, sim_account.secret,
                        sizeof sim_account.secret, err, errlen) < 0)
                return -1;
        n = sim_parse_templates(cm_config.sms_templates, sim_account.templates, SIM_MAX_TEMPLATES);
        if (n < 0) {
                snprintf(err, errlen, "%s: sms_templates must be \"name:code name:code …\"",
                         cm_config.path);
                return -1;
        }
        sim_account.ntemplates = (size_t)n;
        sim_account.access_key_id = cm_config.sms_access_key_id;
        sim_account.sdk_app_id = cm_config.sms_sdk_app_id;
        sim_account.sign_name = cm_config.sms_sign_name;
        return 0;
}

/* ---------------------------------------------------------------- a worker */

static struct db *db;
static struct arena *arena;
static char *body_buf;
static size_t body_cap;

/* Waits ms milliseconds, or less when SIGTERM arrives. */
static void hold(int ms)
{
        struct timespec step = {0, 50 * 1000 * 1000};

        for (int waited = 0; waited < ms && !got_term; waited += 50)
                nanosleep(&step, NULL);
}

static const char *copy_env(FCGX_Request *fr, const char *name)
{
        const char *v = FCGX_GetParam(name, fr->envp);

        return v ? arena_strdup(arena, v) : NULL;
}

/* The Host header as the client sent it: our nginx passes it as SIM_HOST_HEADER, because Debian's
 * fastcgi_params set HTTP_HOST to $host, which drops the port that Tencent's signature covers. */
static const char *host_header(FCGX_Request *fr)
{
        const char *h = copy_env(fr, "SIM_HOST_HEADER");

        return h ? h : copy_env(fr, "HTTP_HOST");
}

/* Which provider a POST to / is: Tencent names its action in a header, Aliyun in a parameter. */
static int dispatch(struct sim_call *c, struct resp *rs, const char **what)
{
        const struct req *rq = c->rq;
        bool aliyun = kv_get(rq->form, "Action") || kv_get(rq->query, "Action");

        if (strcmp(rq->path, "/") == 0) {
                if (rq->method == HTTP_POST && c->tc_action) {
                        *what = "tencent";
                        return sim_tencent_handle(c, rs);
                }
                if ((rq->method == HTTP_POST || rq->method == HTTP_GET) && aliyun) {
                        *what = "aliyun";
                        return sim_aliyun_handle(c, rs);
                }
                if (rq->method == HTTP_GET || rq->method == HTTP_HEAD) {
                        resp_redirect(rs, 303, "/sim/");
                        return 0;
                }
                resp_text(rs, 400, "text/plain; charset=utf-8",
                          "gatewaysim: POST / takes an Aliyun RPC request (Action=…) or a Tencent "
                          "Cloud API 3.0 request (X-TC-Action)\n");
                return 0;
        }
        *what = "control";
        if (!sim_control_handle(c, rs, cm_config.templates))
                resp_text(rs, 404, "text/plain; charset=utf-8", "gatewaysim: no such path\n");
        return 0;
}

static void handle(FCGX_Request *fr)
{
        struct req rq = {.arena = arena};
        struct resp rs;
        struct buf out;
        struct timespec t0, t1;
        const char *what = "-";
        int held = 0;

        clock_gettime(CLOCK_MONOTONIC, &t0);
        arena_reset(arena);
        resp_init(&rs, arena);
        long body_len = app_read_body(fr, &body_buf, &body_cap);
        int status =
            body_len < 0 ? 413 : req_build(&rq, app_fcgi_env, fr, body_buf, (size_t)body_len);
        if (!rq.path)
                rq.path = "/";
        if (status) {
                resp_text(&rs, status, "text/plain; charset=utf-8",
                          "gatewaysim: malformed or oversized request\n");
        } else {
                struct sim_call call = {
                    .rq = &rq,
                    .db = db,
                    .body = body_buf,
                    .body_len = (size_t)body_len,
                    .host = host_header(fr),
                    .authorization = copy_env(fr, "HTTP_AUTHORIZATION"),
                    .tc_action = copy_env(fr, "HTTP_X_TC_ACTION"),
                    .tc_timestamp = copy_env(fr, "HTTP_X_TC_TIMESTAMP"),
                    .tc_version = copy_env(fr, "HTTP_X_TC_VERSION"),
                };
                held = dispatch(&call, &rs, &what);
        }
        if (held > 0)
                hold(held);

        buf_init(&out);
        resp_serialize(&rs, rs.body.data, rs.body.len, &out);
        FCGX_PutStr(out.data, (int)out.len, fr->out);
        buf_free(&out);
        buf_free(&rs.body);
        db_request_end(db);
        clock_gettime(CLOCK_MONOTONIC, &t1);
        log_info("%s %s %s %d %ldms", rq.method_name ? rq.method_name : "-", rq.path, what,
                 rs.status, (t1.tv_sec - t0.tv_sec) * 1000L + (t1.tv_nsec - t0.tv_nsec) / 1000000L);
}

static void worker_main(int listen_fd)
{
        sigset_t none;
        FCGX_Request fr;

        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, NULL);
        FCGX_Init();
        /* after FCGX_Init, which installs its own handlers */
        signals_set(SIGTERM, on_signal);
        signals_set(SIGINT, SIG_IGN);
        signals_set(SIGCHLD, SIG_DFL);
        signal(SIGPIPE, SIG_IGN);
        for (int tries = 0; !(db = db_connect(cm_config.database)); tries++) {
                if (got_term || tries >= 30)
                        _exit(3);
                sleep(1);
        }
        arena = arena_new(64 * 1024);
        FCGX_InitRequest(&fr, listen_fd, FCGI_FAIL_ACCEPT_ON_INTR);
        while (!got_term) {
                if (FCGX_Accept_r(&fr) < 0)
                        continue;
                handle(&fr);
                FCGX_Finish_r(&fr);
        }
        FCGX_Free(&fr, 0);
        db_close(db);
        arena_free(arena);
        free(body_buf);
        _exit(0);
}

/* ---------------------------------------------------------------- the master */

static void spawn(int listen_fd, int slot)
{
        pid_t pid = fork();

        if (pid < 0) {
                log_error("fork: %s", strerror(errno));
                return;
        }
        if (pid == 0)
                worker_main(listen_fd);
        workers[slot] = pid;
}

static int live_workers(void)
{
        int n = 0;

        for (int i = 0; i < SIM_WORKERS; i++)
                n += workers[i] != 0;
        return n;
}

static void reap(int listen_fd, bool restart)
{
        pid_t pid;
        int status;

        while ((pid = waitpid(-1, &status, WNOHANG)) > 0)
                for (int i = 0; i < SIM_WORKERS; i++) {
                        if (workers[i] != pid)
                                continue;
                        workers[i] = 0;
                        if (restart) {
                                log_warn("gatewaysim worker %d ended (status %d); restarting",
                                         (int)pid, status);
                                sleep(1); /* a worker that cannot start must not fork-bomb us */
                                spawn(listen_fd, i);
                        }
                }
}

static int create_schema(void)
{
        struct db *d = NULL;

        for (int tries = 0; !(d = db_connect(cm_config.database)); tries++) {
                if (tries >= 30)
                        return -1;
                sleep(1);
        }
        bool ok = sim_store_create(d);
        if (!ok)
                log_error("gatewaysim: cannot create the sim schema: %s", db_last_message(d));
        db_close(d);
        return ok ? 0 : -1;
}

static int serve(void)
{
        sigset_t block, old;
        int listen_fd;

        if (create_schema() < 0)
                return 1;
        FCGX_Init();
        listen_fd = FCGX_OpenSocket(cm_config.sim_listen, 128);
        if (listen_fd < 0) {
                log_error("gatewaysim: cannot listen on %s", cm_config.sim_listen);
                return 1;
        }
        fcntl(listen_fd, F_SETFD, 0);

        sigemptyset(&block);
        sigaddset(&block, SIGCHLD);
        sigaddset(&block, SIGTERM);
        sigaddset(&block, SIGINT);
        sigprocmask(SIG_BLOCK, &block, &old);
        signals_set(SIGCHLD, on_signal);
        signals_set(SIGTERM, on_signal);
        signals_set(SIGINT, on_signal);
        signal(SIGPIPE, SIG_IGN);

        for (int i = 0; i < SIM_WORKERS; i++)
                spawn(listen_fd, i);
        log_info("gatewaysim listening on %s with %d workers (Aliyun and Tencent Cloud SMS)",
                 cm_config.sim_listen, SIM_WORKERS);
        while (!got_term) {
                sigsuspend(&old);
                if (got_chld) {
                        got_chld = 0;
                        reap(listen_fd, !got_term);
                }
        }

        for (int i = 0; i < SIM_WORKERS; i++)
                if (workers[i])
                        kill(workers[i], SIGTERM);
        sigprocmask(SIG_SETMASK, &old, NULL);
        time_t deadline = time(NULL) + SIM_STOP_SECONDS;
        while (live_workers() > 0 && time(NULL) < deadline) {
                reap(listen_fd, false);
                if (live_workers() > 0)
                        usleep(50 * 1000);
        }
        for (int i = 0; i < SIM_WORKERS; i++)
                if (workers[i])
                        kill(workers[i], SIGKILL);
        while (waitpid(-1, NULL, 0) > 0)
                ;
        close(listen_fd);
        unlink(cm_config.sim_listen);
        log_info("gatewaysim stopped");
        return 0;
}

static void usage(FILE *f)
{
        fprintf(f,
                "usage: gatewaysim [--config FILE]\n\n"
                "Plays Aliyun SMS and Tencent Cloud SMS on the FastCGI socket sim_listen of the\n"
                "configuration (--config FILE, else $COURSEMART_CONFIG, else ./coursemart.conf),\n"
                "for development and tests only. See docs/gatewaysim.md.\n");
}

int main(int argc, char **argv)
{
        const char *config = getenv("COURSEMART_CONFIG");
        char err[512];
        int rc;

        if (!config || !*config)
                config = "coursemart.conf";
        for (int i = 1; i < argc; i++) {
                if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
                        usage(stdout);
                        return 0;
                }
                if ((strcmp(argv[i], "--config") == 0 || strcmp(argv[i], "-c") == 0) &&
                    i + 1 < argc) {
                        config = argv[++i];
                        continue;
                }
                fprintf(stderr, "gatewaysim: unknown argument %s\n\n", argv[i]);
                usage(stderr);
                return 2;
        }
        if (config_load(&cm_config, config, err, sizeof err) < 0 ||
            load_account(err, sizeof err) < 0) {
                log_error("gatewaysim: %s", err);
                return 1;
        }
        rc = serve();
        OPENSSL_cleanse(sim_account.secret, sizeof sim_account.secret);
        config_free(&cm_config);
        return rc;
}
