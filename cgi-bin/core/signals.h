/* signals: how every long-running process here (serve, courier, gatewaysim) installs its signal
 * handlers. Never SA_RESTART: a blocked accept(), poll() or sleep must return on SIGTERM or SIGHUP
 * so the loop can look at its flags at once. */
#ifndef CM_SIGNALS_H
#define CM_SIGNALS_H

#include <signal.h>
#include <string.h>

static inline void signals_set(int sig, void (*fn)(int))
{
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = fn;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = 0;
        sigaction(sig, &sa, NULL);
}

#endif
