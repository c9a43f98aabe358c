import Foundation

/// Pins processes (every thread) and the calling thread to CPUs, and frees them again, so
/// that the bench, not the scheduler, decides whether a round trip crosses CPUs: left to the
/// scheduler, the echo floor measured 13 µs in one run and 43 µs in the next on this
/// project's VM, as its threads and the client landed on one CPU or on two.
/// Set with util-linux's `taskset`: glibc's `CPU_SET` is a macro Swift cannot call.
enum CPUAffinity {
    /// Every CPU this process may use.
    static var allCPUs: String { "0-\(ProcessInfo.processInfo.activeProcessorCount - 1)" }

    /// Sets the CPUs (a `taskset` list: "0", "0-1") of every thread of `pid`; threads created
    /// later inherit them from their creator. A thread that ends while `taskset` goes through
    /// the list (an idle worker of libdispatch's pool) fails it: it is tried again.
    static func set(pid: pid_t, cpus: String) throws {
        for attempt in 1... {
            do {
                _ = try Command.run("/usr/bin/taskset", ["--all-tasks", "--pid", "--cpu-list", cpus, "\(pid)"])
                return
            } catch where attempt < 5 {
                continue
            }
        }
    }

    /// Sets the CPUs of every thread of this process: the client of a measurement.
    static func setThisProcess(cpus: String) throws {
        try set(pid: getpid(), cpus: cpus)
    }
}
