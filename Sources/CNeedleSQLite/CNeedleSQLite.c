#include "CNeedleSQLite.h"
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
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

static _Thread_local const uint64_t *needle_thread_deadline = 0;

int needle_thread_deadline_passed(void) {
    return needle_thread_deadline && needle_monotonic_nanoseconds() >= *needle_thread_deadline;
}

void needle_sqlite_set_deadline(void *connection, const uint64_t *deadline) {
    needle_thread_deadline = deadline;
    if (deadline) {
        sqlite3_progress_handler(connection, 1000, needle_deadline_passed, (void *)deadline);
    } else {
        sqlite3_progress_handler(connection, 0, 0, 0);
    }
}

/// The most phrases times columns a row's hit counts cover; further phrases count nothing.
enum { needle_most_counts = 4096 };

static void needle_put_int32(unsigned char *out, int value) {
    uint32_t bits = (uint32_t)value;
    out[0] = bits & 0xff;
    out[1] = (bits >> 8) & 0xff;
    out[2] = (bits >> 16) & 0xff;
    out[3] = (bits >> 24) & 0xff;
}

static void needle_phrase_hits(
    const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *context, int argumentCount, sqlite3_value **arguments) {
    (void)argumentCount;
    (void)arguments;
    int columns = api->xColumnCount(fts);
    int phrases = api->xPhraseCount(fts);
    if (columns <= 0 || phrases <= 0 || phrases > needle_most_counts / columns) {
        sqlite3_result_error(context, "needle_phrase_hits: too many phrases", -1);
        return;
    }
    int *counts = calloc((size_t)(1 + phrases * columns), sizeof(int));
    if (!counts) {
        sqlite3_result_error_nomem(context);
        return;
    }
    int instances = 0;
    int rc = api->xInstCount(fts, &instances);
    for (int index = 0; rc == SQLITE_OK && index < instances; index++) {
        int phrase, column, offset;
        rc = api->xInst(fts, index, &phrase, &column, &offset);
        if (rc == SQLITE_OK && phrase >= 0 && phrase < phrases && column >= 0 && column < columns) {
            counts[1 + phrase * columns + column]++;
        }
    }
    if (rc == SQLITE_OK) rc = api->xColumnSize(fts, -1, &counts[0]);
    if (rc != SQLITE_OK) {
        free(counts);
        sqlite3_result_error_code(context, rc);
        return;
    }
    int length = 4 * (1 + phrases * columns);
    unsigned char *blob = malloc((size_t)length);
    if (!blob) {
        free(counts);
        sqlite3_result_error_nomem(context);
        return;
    }
    for (int index = 0; index < 1 + phrases * columns; index++) needle_put_int32(blob + 4 * index, counts[index]);
    free(counts);
    sqlite3_result_blob(context, blob, length, free);
}

int needle_sqlite_register_phrase_hits(void *connection) {
    fts5_api *api = 0;
    sqlite3_stmt *statement = 0;
    int rc = sqlite3_prepare_v2(connection, "SELECT fts5(?1)", -1, &statement, 0);
    if (rc != SQLITE_OK) return rc;
    sqlite3_bind_pointer(statement, 1, (void *)&api, "fts5_api_ptr", 0);
    sqlite3_step(statement);
    rc = sqlite3_finalize(statement);
    if (rc != SQLITE_OK) return rc;
    if (!api || api->iVersion < 2) return SQLITE_ERROR;
    return api->xCreateFunction(api, "needle_phrase_hits", 0, needle_phrase_hits, 0);
}
