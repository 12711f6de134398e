/* main: the coursemart command and its subcommands, one table like cgit's cmd.c. Parses only the
 * global options; each subcommand owns the rest. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/db.h"
#include "core/migrate.h"
#include "core/serve.h"
#include "courier/courier.h"
#include "user_cli.h"

struct command {
        const char *name;
        int (*run)(const char *config, int argc, char **argv);
        const char *usage;
        const char *help;
};

static bool has_flag(int argc, char **argv, const char *flag)
{
        for (int i = 0; i < argc; i++)
                if (strcmp(argv[i], flag) == 0)
                        return true;
        return false;
}

static int cmd_serve(const char *config, int argc, char **argv)
{
        (void)argc, (void)argv;
        return serve_main(config);
}

static int cmd_courier(const char *config, int argc, char **argv)
{
        (void)argc, (void)argv;
        return courier_main(config);
}

static int cmd_migrate(const char *config, int argc, char **argv)
{
        return migrate_main(config, has_flag(argc, argv, "--status"));
}

static int cmd_demo(const char *config, int argc, char **argv)
{
        return demo_main(config, has_flag(argc, argv, "--reset"));
}

static int cmd_user(const char *config, int argc, char **argv)
{
        return user_main(config, argc, argv);
}

/* Prints the program's prepared statements: all names, or one statement's SQL. */
static int cmd_sql(const char *config, int argc, char **argv)
{
        (void)config;
        for (const struct db_stmt *s = db_stmts_begin(); s < db_stmts_end(); s++) {
                if (argc == 0)
                        puts(s->name);
                else if (strcmp(argv[0], s->name) == 0) {
                        puts(s->sql);
                        return 0;
                }
        }
        if (argc == 0)
                return 0;
        fprintf(stderr, "coursemart: no statement named %s\n", argv[0]);
        return 1;
}

static const struct command commands[] = {
    {"serve", cmd_serve, "serve",
     "run the FastCGI server: a master and its workers (SIGHUP reloads, SIGTERM drains)"},
    {"courier", cmd_courier, "courier",
     "send what the outbox holds: SMS, daily jobs (SIGHUP reloads, SIGTERM ends after the job "
     "in hand)"},
    {"migrate", cmd_migrate, "migrate [--status]",
     "apply the schema migrations in order (--status lists them)"},
    {"demo", cmd_demo, "demo [--reset]",
     "load the demo city, sites, agencies and courses (--reset replaces them)"},
    {"user", cmd_user, "user add|roles|...",
     "staff and agency accounts: add, roles, reset-2fa, list"},
    {"sql", cmd_sql, "sql [NAME]",
     "list the program's prepared statements, or print one (to review or EXPLAIN it)"},
    {NULL, NULL, NULL, NULL},
};

static void usage(FILE *f)
{
        fprintf(f, "usage: coursemart [--config FILE] COMMAND [ARGS]\n\n"
                   "CourseMart (课程超市): a city's online course supermarket for lifelong "
                   "learning.\n\ncommands:\n");
        for (const struct command *c = commands; c->name; c++)
                fprintf(f, "  %-20s %s\n", c->usage, c->help);
        fprintf(f, "\nThe configuration file is --config FILE, else $COURSEMART_CONFIG, else "
                   "./coursemart.conf\n(see etc/coursemart.conf.example).\n");
}

int main(int argc, char **argv)
{
        const char *config = getenv("COURSEMART_CONFIG");
        if (!config || !*config)
                config = "coursemart.conf";
        int i = 1;
        for (; i < argc && argv[i][0] == '-'; i++) {
                if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
                        usage(stdout);
                        return 0;
                }
                if (strcmp(argv[i], "--version") == 0) {
                        puts("coursemart " CM_VERSION);
                        return 0;
                }
                if ((strcmp(argv[i], "--config") == 0 || strcmp(argv[i], "-c") == 0) &&
                    i + 1 < argc) {
                        config = argv[++i];
                        continue;
                }
                fprintf(stderr, "coursemart: unknown option %s\n\n", argv[i]);
                usage(stderr);
                return 2;
        }
        if (i >= argc) {
                usage(stderr);
                return 2;
        }
        for (const struct command *c = commands; c->name; c++)
                if (strcmp(c->name, argv[i]) == 0)
                        return c->run(config, argc - i - 1, argv + i + 1);
        fprintf(stderr, "coursemart: no command '%s'\n\n", argv[i]);
        usage(stderr);
        return 2;
}
