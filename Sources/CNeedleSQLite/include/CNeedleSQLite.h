#ifndef CNEEDLESQLITE_H
#define CNEEDLESQLITE_H

#include <stdint.h>

/// Turns SQLite's memory statistics off (`sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0)`),
/// a variadic call Swift cannot make. Returns SQLITE_OK (0), or SQLITE_MISUSE when SQLite
/// is already initialized in this process.
int needle_sqlite_disable_memory_statistics(void);

/// Now, in nanoseconds of CLOCK_MONOTONIC: the clock `needle_sqlite_set_deadline` compares with.
uint64_t needle_monotonic_nanoseconds(void);

/// Interrupts every statement of `connection` (a `sqlite3 *`) that runs past `*deadline`
/// (CLOCK_MONOTONIC nanoseconds) with SQLITE_INTERRUPT, through SQLite's progress handler,
/// which reads the clock every 1,000 virtual-machine steps. `deadline` must stay valid until
/// the handler is removed by calling this again with NULL.
void needle_sqlite_set_deadline(void *connection, const uint64_t *deadline);

#endif
