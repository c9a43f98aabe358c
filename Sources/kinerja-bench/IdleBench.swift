import Foundation

/// An idle daemon should sleep: its wake-ups (context switches over all its threads) and
/// CPU time over a quiet minute, with no client connected.
struct IdleBench {
    let bench: Bench
    let seconds: Int

    func run(on daemon: Daemon, storeName: String) {
        let report = bench.report
        report.begin("Idle: kinerjad on the \(storeName) store, no client, \(seconds) s")
        let stats = daemon.stats
        // Let the reminder pass that follows start-up and the last queries finish.
        sleep(5)
        let threadsBefore = stats.threadWakeUps
        let before = (stats.contextSwitches, stats.cpuSeconds)
        sleep(UInt32(seconds))
        let after = (stats.contextSwitches, stats.cpuSeconds)
        let threadsAfter = stats.threadWakeUps
        let how = "voluntary/nonvoluntary_ctxt_switches of /proc/PID/task/*/status, utime+stime of /proc/PID/stat, over \(seconds) s"
        report.note("\(stats.threadCount) threads")
        for (thread, end) in threadsAfter.sorted(by: { $0.key < $1.key }) {
            let woke = end.voluntary - (threadsBefore[thread]?.voluntary ?? 0)
            if woke > 0 { report.note("thread \(thread): \(woke) wake-ups") }
        }
        report.add("wake-ups (voluntary context switches)", Double(after.0.voluntary - before.0.voluntary), "", how: how)
        report.add("preemptions (involuntary context switches)", Double(after.0.involuntary - before.0.involuntary), "", how: how)
        report.add("CPU time", (after.1 - before.1) * 1000, "ms", how: how)
    }
}
