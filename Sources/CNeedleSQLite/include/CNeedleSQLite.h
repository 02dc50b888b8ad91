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
/// the handler is removed by calling this again with NULL. The deadline is also the calling
/// thread's, for `needle_thread_deadline_passed` (a query runs on one thread from start to end).
void needle_sqlite_set_deadline(void *connection, const uint64_t *deadline);

/// 1 when the calling thread has a deadline (`needle_sqlite_set_deadline`) and it has passed,
/// else 0: how loops that run outside SQLite honour the same deadline.
int needle_thread_deadline_passed(void);

/// Registers the FTS5 auxiliary function `needle_phrase_hits(table)` on `connection`
/// (a `sqlite3 *`). For the current row of a full-text query it returns a blob of
/// little-endian 32-bit integers: the row's size in tokens (all columns), then for each
/// phrase of the query and each column of the table, how many times the phrase occurs there.
/// These are the inputs of FTS5's own bm25, which Needle computes itself with document
/// frequencies stored at index time. Returns SQLITE_OK, or an SQLite error code.
int needle_sqlite_register_phrase_hits(void *connection);

/// Registers the SQL function `needle_fts5_terms(text)` on `connection` (a `sqlite3 *`): the
/// terms FTS5 makes of `text` with Needle's tokenizer (`porter unicode61 remove_diacritics 2`,
/// as a query's phrase is tokenized), joined by single spaces ('' for none). Two phrases match
/// the same rows exactly when their terms are equal, so this names a phrase's stored postings.
/// Returns SQLITE_OK, or an SQLite error code.
int needle_sqlite_register_fts5_terms(void *connection);

/// Makes the default SQLite VFS open a name in /proc/self/fd as the kernel resolves it (the
/// file held by that descriptor, even once deleted or renamed over) instead of following the
/// link's text back to a path. Other names are opened as before. Initializes SQLite, so
/// process-wide settings must come first. Returns SQLITE_OK (0) once registered.
int needle_sqlite_open_held_files(void);

#endif
