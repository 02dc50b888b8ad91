import CNeedleMemory

/// How the daemon keeps its heap small: glibc's allocator otherwise gives each thread an
/// arena of its own and keeps memory freed after a load.
enum HeapTuning {
    /// Gives the main thread and each event loop an arena, and no other thread one of its
    /// own (`mallopt(M_ARENA_MAX, 1 + eventLoops)`): glibc otherwise makes up to eight per
    /// core, and the arenas of threads that only helped at start-up kept 1–3 MiB each
    /// (3 MiB of RSS at 10,000 articles). One arena in all saved a little more but made the
    /// two event loops wait on its lock (15% fewer searches at 2 clients on 1,000 articles).
    /// Call it before other threads start.
    static func limitArenas(eventLoops: Int) {
        needle_limit_malloc_arenas(Int32(1 + eventLoops))
    }

    /// Returns the free pages of every arena to the system (`malloc_trim(0)`). Loading an
    /// index allocates and frees several MiB of rows and strings; without this the daemon's
    /// RSS would keep them.
    static func giveBackFreedMemory() {
        needle_give_back_free_memory()
    }
}
