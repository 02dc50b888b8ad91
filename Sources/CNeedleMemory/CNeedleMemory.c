#include "CNeedleMemory.h"
#if defined(__GLIBC__)
#include <malloc.h>
#endif

void needle_give_back_free_memory(void) {
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}
