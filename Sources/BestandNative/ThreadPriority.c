// Declares syscall(2) and SYS_gettid; defined before the first header that could read it.
#if defined(__linux__) && !defined(_GNU_SOURCE)
#define _GNU_SOURCE
#endif

#include "BestandNative.h"

#if defined(__linux__)
#include <errno.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

void bestand_lower_thread_priority(int steps) {
    if (steps <= 0) return;
    // On Linux a nice value belongs to a thread: PRIO_PROCESS with a thread id sets that one.
    id_t thread = (id_t)syscall(SYS_gettid);
    errno = 0;
    int current = getpriority(PRIO_PROCESS, thread);
    if (current == -1 && errno != 0) return;
    int lowered = current + steps > 19 ? 19 : current + steps;
    (void)setpriority(PRIO_PROCESS, thread, lowered);
}

#else

void bestand_lower_thread_priority(int steps) { (void)steps; }

#endif
