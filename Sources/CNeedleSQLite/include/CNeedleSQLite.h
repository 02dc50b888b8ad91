#ifndef CNEEDLESQLITE_H
#define CNEEDLESQLITE_H

/// Turns SQLite's memory statistics off (`sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0)`),
/// a variadic call Swift cannot make. Returns SQLITE_OK (0), or SQLITE_MISUSE when SQLite
/// is already initialized in this process.
int needle_sqlite_disable_memory_statistics(void);

#endif
