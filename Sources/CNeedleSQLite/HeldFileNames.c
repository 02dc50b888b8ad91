#include "CNeedleSQLite.h"
#include <fcntl.h>
#include <pthread.h>
#include <sqlite3.h>
#include <string.h>

// SQLite's unix VFS resolves symlinks in a database's name (unixFullPathname) and then
// opens the name it found. A name in /proc/self/fd is a symlink the kernel resolves to
// the open file itself, even after that file was deleted or renamed over, but SQLite would
// read it as text ("/path/needle.sqlite (deleted)") and open whatever the path holds now.
// This VFS is the default one with that resolution skipped for /proc/self/fd names only,
// and the unix VFS's open(2) (replaced through xSetSystemCall, SQLite's own hook for it)
// opens those names without O_NOFOLLOW, which would refuse the link.

static const char held_prefix[] = "/proc/self/fd/";
static sqlite3_vfs *base_vfs;
static sqlite3_vfs held_vfs;
static sqlite3_syscall_ptr base_open;
static int register_result = SQLITE_ERROR;
static pthread_once_t register_once = PTHREAD_ONCE_INIT;

static int is_held(const char *name) {
    return strncmp(name, held_prefix, sizeof held_prefix - 1) == 0;
}

static int held_open(const char *name, int flags, int mode) {
    if (is_held(name)) flags &= ~O_NOFOLLOW;
    return ((int (*)(const char *, int, int))base_open)(name, flags, mode);
}

static int held_full_pathname(sqlite3_vfs *vfs, const char *name, int size, char *out) {
    (void)vfs;
    if (is_held(name)) {
        size_t length = strlen(name);
        if ((int)length >= size) return SQLITE_CANTOPEN;
        memcpy(out, name, length + 1);
        return SQLITE_OK;
    }
    return base_vfs->xFullPathname(base_vfs, name, size, out);
}

static void register_held_vfs(void) {
    if (sqlite3_initialize() != SQLITE_OK) return;
    base_vfs = sqlite3_vfs_find(0);
    if (!base_vfs || base_vfs->iVersion < 3 || !base_vfs->xGetSystemCall) return;
    base_open = base_vfs->xGetSystemCall(base_vfs, "open");
    if (!base_open || base_vfs->xSetSystemCall(base_vfs, "open", (sqlite3_syscall_ptr)held_open) != SQLITE_OK) return;
    // A copy keeps the base's pAppData, which its xOpen reads from the vfs it is given.
    held_vfs = *base_vfs;
    held_vfs.zName = "needle-held";
    held_vfs.pNext = 0;
    held_vfs.xFullPathname = held_full_pathname;
    register_result = sqlite3_vfs_register(&held_vfs, 1);
}

int needle_sqlite_open_held_files(void) {
    pthread_once(&register_once, register_held_vfs);
    return register_result;
}
