/* serve: see serve.h. */

#include "serve.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <fcgiapp.h>

#include "app.h"
#include "config.h"
#include "log.h"
#include "signals.h"

#define MAX_WORKERS   256
#define DRAIN_SECONDS 20

struct worker {
        pid_t pid;
        unsigned generation;
        time_t started;
};

static struct worker workers[MAX_WORKERS];
static unsigned generation = 1;
static volatile sig_atomic_t got_chld, got_hup, got_term;
static volatile sig_atomic_t worker_stop;

static void on_signal(int sig)
{
        if (sig == SIGCHLD)
                got_chld = 1;
        else if (sig == SIGHUP)
                got_hup = 1;
        else
                got_term = 1;
}

static void on_worker_term(int sig)
{
        (void)sig;
        worker_stop = 1;
}

static int worker_count(void)
{
        if (cm_config.workers > 0)
                return cm_config.workers > MAX_WORKERS ? MAX_WORKERS : cm_config.workers;
        long n = sysconf(_SC_NPROCESSORS_ONLN);
        if (n < 1)
                n = 1;
        return n * 2 > MAX_WORKERS ? MAX_WORKERS : (int)n * 2;
}

static void worker_main(int listen_fd)
{
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, NULL);
        FCGX_Init();
        /* after FCGX_Init, which installs its own handlers */
        signals_set(SIGTERM, on_worker_term);
        signals_set(SIGINT, SIG_IGN);
        signals_set(SIGHUP, SIG_IGN);
        signals_set(SIGCHLD, SIG_DFL);
        signal(SIGPIPE, SIG_IGN);
        log_open_access(cm_config.access_log);
        char err[256];
        if (config_load_secret(&cm_config, err, sizeof err) < 0) {
                log_error("%s", err);
                _exit(3);
        }
        for (int tries = 0; app_init() < 0; tries++) {
                if (worker_stop || tries >= 30)
                        _exit(3);
                app_shutdown();
                sleep(1);
        }
        FCGX_Request fr;
        FCGX_InitRequest(&fr, listen_fd, FCGI_FAIL_ACCEPT_ON_INTR);
        while (!worker_stop) {
                if (FCGX_Accept_r(&fr) < 0) {
                        if (worker_stop)
                                break;
                        continue;
                }
                app_handle(&fr);
                FCGX_Finish_r(&fr);
        }
        FCGX_Free(&fr, 0);
        app_shutdown();
        _exit(0);
}

static void spawn(int listen_fd, int slot)
{
        pid_t pid = fork();
        if (pid < 0) {
                log_error("fork: %s", strerror(errno));
                return;
        }
        if (pid == 0)
                worker_main(listen_fd);
        workers[slot].pid = pid;
        workers[slot].generation = generation;
        workers[slot].started = time(NULL);
}

static void spawn_generation(int listen_fd)
{
        int want = worker_count();
        for (int i = 0, made = 0; i < MAX_WORKERS && made < want; i++)
                if (workers[i].pid == 0) {
                        spawn(listen_fd, i);
                        made++;
                }
        log_info("serving with %d workers (generation %u)", want, generation);
}

static int live_workers(void)
{
        int n = 0;
        for (int i = 0; i < MAX_WORKERS; i++)
                n += workers[i].pid != 0;
        return n;
}

static void reap(int listen_fd, int restart)
{
        int status;
        pid_t pid;
        while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
                for (int i = 0; i < MAX_WORKERS; i++) {
                        if (workers[i].pid != pid)
                                continue;
                        bool current = workers[i].generation == generation;
                        time_t lived = time(NULL) - workers[i].started;
                        workers[i].pid = 0;
                        if (!restart || !current)
                                break;
                        if (WIFSIGNALED(status) || WEXITSTATUS(status) != 0)
                                log_warn("worker %d died (%s %d); restarting", (int)pid,
                                         WIFSIGNALED(status) ? "signal" : "exit",
                                         WIFSIGNALED(status) ? WTERMSIG(status)
                                                             : WEXITSTATUS(status));
                        if (lived < 1)
                                sleep(1); /* a worker that cannot start must not fork-bomb us */
                        spawn(listen_fd, i);
                        break;
                }
        }
}

static void signal_generation(unsigned gen, int sig, bool all)
{
        for (int i = 0; i < MAX_WORKERS; i++)
                if (workers[i].pid && (all || workers[i].generation == gen))
                        kill(workers[i].pid, sig);
}

static void write_pid_file(void)
{
        if (!cm_config.pid_file || !*cm_config.pid_file)
                return;
        FILE *f = fopen(cm_config.pid_file, "w");
        if (!f) {
                log_warn("pid_file %s: %s", cm_config.pid_file, strerror(errno));
                return;
        }
        fprintf(f, "%d\n", (int)getpid());
        fclose(f);
}

/* nginx must be able to write to the socket: as root its workers run as www-data. */
static void socket_permissions(const char *path)
{
        if (geteuid() == 0) {
                struct group *g = getgrnam("www-data");
                if (g && chown(path, 0, g->gr_gid) == 0) {
                        chmod(path, 0660);
                        return;
                }
                chmod(path, 0666);
                return;
        }
        chmod(path, 0600);
}

static void reload(int listen_fd)
{
        struct config fresh;
        char err[512];
        if (config_load(&fresh, cm_config.path, err, sizeof err) < 0) {
                log_error("reload refused, keeping the running configuration: %s", err);
                return;
        }
        if (strcmp(fresh.listen, cm_config.listen) != 0)
                log_warn("reload: 'listen' changes need a restart; keeping %s", cm_config.listen);
        free(fresh.listen);
        fresh.listen = strdup(cm_config.listen);
        config_free(&cm_config);
        cm_config = fresh;
        unsigned old = generation++;
        spawn_generation(listen_fd);
        signal_generation(old, SIGTERM, false);
        log_info("reloaded %s", cm_config.path);
}

int serve_main(const char *config_path)
{
        char err[512];
        if (config_load(&cm_config, config_path, err, sizeof err) < 0 ||
            config_load_secret(&cm_config, err, sizeof err) < 0) {
                log_error("%s", err);
                return 1;
        }
        FCGX_Init();
        int listen_fd = FCGX_OpenSocket(cm_config.listen, 1024);
        if (listen_fd < 0) {
                log_error("cannot listen on %s", cm_config.listen);
                return 1;
        }
        fcntl(listen_fd, F_SETFD, 0);
        socket_permissions(cm_config.listen);
        write_pid_file();

        sigset_t block, old;
        sigemptyset(&block);
        sigaddset(&block, SIGCHLD);
        sigaddset(&block, SIGHUP);
        sigaddset(&block, SIGTERM);
        sigaddset(&block, SIGINT);
        sigprocmask(SIG_BLOCK, &block, &old);
        signals_set(SIGCHLD, on_signal);
        signals_set(SIGHUP, on_signal);
        signals_set(SIGTERM, on_signal);
        signals_set(SIGINT, on_signal);
        signal(SIGPIPE, SIG_IGN);

        log_info("coursemart listening on %s", cm_config.listen);
        spawn_generation(listen_fd);
        while (!got_term) {
                sigsuspend(&old);
                if (got_chld) {
                        got_chld = 0;
                        reap(listen_fd, !got_term);
                }
                if (got_hup) {
                        got_hup = 0;
                        reload(listen_fd);
                }
        }

        log_info("draining: letting workers finish their requests");
        signal_generation(0, SIGTERM, true);
        time_t deadline = time(NULL) + DRAIN_SECONDS;
        sigprocmask(SIG_SETMASK, &old, NULL);
        while (live_workers() > 0 && time(NULL) < deadline) {
                reap(listen_fd, 0);
                if (live_workers() > 0)
                        usleep(50 * 1000);
        }
        if (live_workers() > 0) {
                log_warn("workers still busy after %d s; killing them", DRAIN_SECONDS);
                signal_generation(0, SIGKILL, true);
                while (waitpid(-1, NULL, 0) > 0)
                        ;
        }
        close(listen_fd);
        unlink(cm_config.listen);
        if (cm_config.pid_file && *cm_config.pid_file)
                unlink(cm_config.pid_file);
        log_info("stopped");
        config_free(&cm_config);
        return 0;
}
