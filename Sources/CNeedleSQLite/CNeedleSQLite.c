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

/// The connection's FTS5 API (https://sqlite.org/fts5.html#extending_fts5), or NULL.
static fts5_api *needle_fts5_api(sqlite3 *connection) {
    fts5_api *api = 0;
    sqlite3_stmt *statement = 0;
    if (sqlite3_prepare_v2(connection, "SELECT fts5(?1)", -1, &statement, 0) != SQLITE_OK) return 0;
    sqlite3_bind_pointer(statement, 1, (void *)&api, "fts5_api_ptr", 0);
    sqlite3_step(statement);
    if (sqlite3_finalize(statement) != SQLITE_OK || !api || api->iVersion < 2) return 0;
    return api;
}

int needle_sqlite_register_phrase_hits(void *connection) {
    fts5_api *api = needle_fts5_api(connection);
    if (!api) return SQLITE_ERROR;
    return api->xCreateFunction(api, "needle_phrase_hits", 0, needle_phrase_hits, 0);
}

/// A tokenizer instance of one connection, kept as `needle_fts5_terms`'s user data.
struct needle_terms_tokenizer {
    fts5_tokenizer methods;
    Fts5Tokenizer *instance;
};

static void needle_terms_tokenizer_free(void *pointer) {
    struct needle_terms_tokenizer *tokenizer = pointer;
    if (tokenizer->instance) tokenizer->methods.xDelete(tokenizer->instance);
    free(tokenizer);
}

/// The terms collected so far: bytes, each term followed by a space.
struct needle_terms_buffer {
    char *bytes;
    int length;
    int capacity;
};

static int needle_append_term(void *context, int flags, const char *token, int length, int start, int end) {
    (void)start;
    (void)end;
    struct needle_terms_buffer *buffer = context;
    // A colocated token is an alternative at the same position; Needle's tokenizer makes none.
    if (flags & FTS5_TOKEN_COLOCATED) return SQLITE_OK;
    if (buffer->length + length + 1 > buffer->capacity) {
        int capacity = 2 * (buffer->length + length + 1) + 64;
        char *bytes = realloc(buffer->bytes, (size_t)capacity);
        if (!bytes) return SQLITE_NOMEM;
        buffer->bytes = bytes;
        buffer->capacity = capacity;
    }
    memcpy(buffer->bytes + buffer->length, token, (size_t)length);
    buffer->length += length;
    buffer->bytes[buffer->length++] = ' ';
    return SQLITE_OK;
}

static void needle_fts5_terms(sqlite3_context *context, int argumentCount, sqlite3_value **arguments) {
    (void)argumentCount;
    struct needle_terms_tokenizer *tokenizer = sqlite3_user_data(context);
    const char *text = (const char *)sqlite3_value_text(arguments[0]);
    int length = sqlite3_value_bytes(arguments[0]);
    if (!text) {
        sqlite3_result_null(context);
        return;
    }
    struct needle_terms_buffer buffer = {0, 0, 0};
    int rc = tokenizer->methods.xTokenize(tokenizer->instance, &buffer, FTS5_TOKENIZE_QUERY, text, length, needle_append_term);
    if (rc != SQLITE_OK) {
        free(buffer.bytes);
        sqlite3_result_error_code(context, rc);
        return;
    }
    if (!buffer.bytes) {
        sqlite3_result_text(context, "", 0, SQLITE_STATIC);
        return;
    }
    // The last space goes: terms are joined, not ended, by spaces.
    sqlite3_result_text(context, buffer.bytes, buffer.length - 1, free);
}

int needle_sqlite_register_fts5_terms(void *connection) {
    fts5_api *api = needle_fts5_api(connection);
    if (!api) return SQLITE_ERROR;
    struct needle_terms_tokenizer *tokenizer = calloc(1, sizeof *tokenizer);
    if (!tokenizer) return SQLITE_NOMEM;
    void *userData = 0;
    int rc = api->xFindTokenizer(api, "porter", &userData, &tokenizer->methods);
    const char *arguments[] = {"unicode61", "remove_diacritics", "2"};
    if (rc == SQLITE_OK) rc = tokenizer->methods.xCreate(userData, arguments, 3, &tokenizer->instance);
    if (rc != SQLITE_OK) {
        free(tokenizer);
        return rc;
    }
    return sqlite3_create_function_v2(
        connection, "needle_fts5_terms", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, tokenizer,
        needle_fts5_terms, 0, 0, needle_terms_tokenizer_free);
}
