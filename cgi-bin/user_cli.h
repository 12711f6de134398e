/* user_cli: the `coursemart user` subcommand (see user_cli.c). */
#ifndef CM_USER_CLI_H
#define CM_USER_CLI_H

/* argv[0] is the sub-subcommand (add, roles, reset-2fa, list). Returns the exit status. */
int user_main(const char *config, int argc, char **argv);

#endif
