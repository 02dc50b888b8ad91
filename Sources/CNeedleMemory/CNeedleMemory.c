#include "CNeedleMemory.h"
#include <stdlib.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

void needle_give_back_free_memory(void) {
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

void needle_limit_malloc_arenas(int count) {
#if defined(__GLIBC__)
    mallopt(M_ARENA_MAX, count);
#endif
}
