#if canImport(Glibc)
import Glibc
#endif

/// Gives back to the system the memory large replies, listings and imports freed. glibc's
/// allocator keeps what was freed for reuse, in the arenas of the threads that used it, and
/// raises its mmap threshold after each large free, so that the next megabyte-sized reply
/// comes from an arena too: after a burst of listings or an import the daemon held its peak
/// for good (1,000 ListPeople left unread kept 967 MiB; a 1,000,000-row import 820 MiB).
/// Each thread that allocates gets an arena of its own too (up to 8 per CPU), so a
/// country's imports and lists, run on different threads one after the other, added up
/// instead of reusing the same memory (1.9 GiB after `make bench`'s national queries).
/// ``configure()`` keeps two arenas and buffers of 128 KiB and more in mappings of their
/// own, returned when freed; ``release()`` (`malloc_trim`) returns the free pages of every
/// arena after large work. Both are looked up at run time, since Swift's Glibc module leaves `<malloc.h>` out.
public enum FreedMemory {
    private typealias Trim = @convention(c) (Int) -> Int32
    private typealias Option = @convention(c) (Int32, Int32) -> Int32
    private static let trim: Trim? = dlsym(nil, "malloc_trim").map { unsafeBitCast($0, to: Trim.self) }
    private static let option: Option? = dlsym(nil, "mallopt").map { unsafeBitCast($0, to: Option.self) }

    /// Replies and pieces this large or larger are worth a trim once they are gone.
    public static let largeBytes = 4 << 20

    /// `mallopt(M_MMAP_THRESHOLD, 128 KiB)`: a fixed threshold (glibc's own rises up to
    /// 32 MiB after large frees), so large buffers are mapped and unmapped, never kept;
    /// `mallopt(M_ARENA_MAX, 2)`: two arenas for all threads.
    public static func configure() {
        _ = option?(-3 /* M_MMAP_THRESHOLD */, 128 * 1024)
        _ = option?(-8 /* M_ARENA_MAX */, 2)
    }

    public static func release() {
        _ = trim?(0)
    }
}
