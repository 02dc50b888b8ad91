import CNeedleMemory

/// How the daemon keeps its heap small: glibc's allocator otherwise gives each thread an
/// arena of its own and keeps memory freed after a load.
enum HeapTuning {
    /// Lets every thread allocate from the one main arena (`mallopt(M_ARENA_MAX, 1)`): small
    /// allocations come from each thread's cache anyway, and the event-loop threads' arenas
    /// each held 1–3 MiB they no longer used (3 MiB of RSS at 10,000 articles). Call it
    /// before the event loops start.
    static func useOneArena() {
        needle_use_one_malloc_arena()
    }

    /// Returns the free pages of every arena to the system (`malloc_trim(0)`). Loading an
    /// index allocates and frees several MiB of rows and strings; without this the daemon's
    /// RSS would keep them.
    static func giveBackFreedMemory() {
        needle_give_back_free_memory()
    }
}
