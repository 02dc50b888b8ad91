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

void needle_use_one_malloc_arena(void) {
#if defined(__GLIBC__)
    mallopt(M_ARENA_MAX, 1);
#endif
}
