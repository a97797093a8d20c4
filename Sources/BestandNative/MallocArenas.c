#include "BestandNative.h"

#if defined(__GLIBC__)
#include <malloc.h>

void bestand_use_one_malloc_arena(void) { mallopt(M_ARENA_MAX, 1); }

#else

void bestand_use_one_malloc_arena(void) {}

#endif
