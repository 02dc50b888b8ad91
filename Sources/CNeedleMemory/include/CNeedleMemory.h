#ifndef CNEEDLEMEMORY_H
#define CNEEDLEMEMORY_H

/// Gives the free memory of every malloc arena back to the system (`malloc_trim(0)` where
/// the C library has it; nothing elsewhere).
void needle_give_back_free_memory(void);

/// Lets every thread allocate from the one main malloc arena (`mallopt(M_ARENA_MAX, 1)`
/// where the C library has it; nothing elsewhere). Call it before other threads start.
void needle_use_one_malloc_arena(void);

#endif
