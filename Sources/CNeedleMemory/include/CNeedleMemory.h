#ifndef CNEEDLEMEMORY_H
#define CNEEDLEMEMORY_H

/// Gives the free memory of every malloc arena back to the system (`malloc_trim(0)` where
/// the C library has it; nothing elsewhere).
void needle_give_back_free_memory(void);

/// Caps the number of malloc arenas the threads share (`mallopt(M_ARENA_MAX, count)` where
/// the C library has it; nothing elsewhere). Call it before other threads start.
void needle_limit_malloc_arenas(int count);

#endif
