#include "CNeedleSQLite.h"
#include <sqlite3.h>
#include <time.h>

int needle_sqlite_disable_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

uint64_t needle_monotonic_nanoseconds(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (uint64_t)now.tv_sec * 1000000000u + (uint64_t)now.tv_nsec;
}

static int needle_deadline_passed(void *deadline) {
    return needle_monotonic_nanoseconds() >= *(const uint64_t *)deadline;
}

void needle_sqlite_set_deadline(void *connection, const uint64_t *deadline) {
    if (deadline) {
        sqlite3_progress_handler(connection, 1000, needle_deadline_passed, (void *)deadline);
    } else {
        sqlite3_progress_handler(connection, 0, 0, 0);
    }
}
