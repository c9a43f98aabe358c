#if canImport(Glibc)
import Glibc
#endif

/// Gives back to the system the memory a large piece of work freed. glibc's allocator keeps
/// what was freed for reuse, in the arenas of the threads that used it: after an import of a
/// district's rows, or a long listing, the daemon would hold its peak for good (a 1,000,000-
/// row file left 1.55 GiB). `malloc_trim` returns the free pages of every arena; it is looked
/// up at run time, since Swift's Glibc module leaves `<malloc.h>` out.
enum FreedMemory {
    private typealias Trim = @convention(c) (Int) -> Int32
    private static let trim: Trim? = dlsym(nil, "malloc_trim").map { unsafeBitCast($0, to: Trim.self) }

    static func release() {
        _ = trim?(0)
    }
}
