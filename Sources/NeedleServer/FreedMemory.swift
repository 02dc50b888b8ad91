import CNeedleMemory

/// Memory the allocator keeps after a large load is freed.
enum FreedMemory {
    /// Returns the free pages of every malloc arena to the system (glibc's `malloc_trim`).
    /// Loading an index allocates and frees several MiB of rows and strings; without this
    /// the daemon's RSS would keep them.
    static func giveBack() {
        needle_give_back_free_memory()
    }
}
