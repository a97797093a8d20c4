#include "BestandNative.h"

#if defined(__GLIBC__)
#include <malloc.h>

void bestand_limit_malloc_arenas(int count) { mallopt(M_ARENA_MAX, count < 1 ? 1 : count); }

#else

void bestand_limit_malloc_arenas(int count) { (void)count; }

#endif
