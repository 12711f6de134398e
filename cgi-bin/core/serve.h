/* serve: the prefork supervisor. The master opens the FastCGI socket, forks single-threaded
 * workers, restarts one that dies, replaces them all on SIGHUP (config and templates reloaded, no
 * request dropped: old workers finish what they hold) and drains on SIGTERM. The master itself
 * never touches the database or a request. */
#ifndef CM_SERVE_H
#define CM_SERVE_H

int serve_main(const char *config_path);

#endif
