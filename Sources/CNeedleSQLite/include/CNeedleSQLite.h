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

/// Makes the default SQLite VFS open a name in /proc/self/fd as the kernel resolves it (the
/// file held by that descriptor, even once deleted or renamed over) instead of following the
/// link's text back to a path. Other names are opened as before. Initializes SQLite, so
/// process-wide settings must come first. Returns SQLITE_OK (0) once registered.
int needle_sqlite_open_held_files(void);

#endif
