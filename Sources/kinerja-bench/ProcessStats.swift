import Foundation

/// What /proc says about a running process: peak memory, CPU time, context switches.
struct ProcessStats {
    let pid: Int32

    /// Peak resident set (VmHWM) in MiB.
    var peakRSSMiB: Double { Double(statusField("VmHWM", in: "/proc/\(pid)/status")) / 1024 }

    /// Voluntary and involuntary context switches summed over every thread: each one is a
    /// wake-up or a preemption of the process.
    var contextSwitches: (voluntary: Int, involuntary: Int) {
        threadWakeUps.values.reduce((0, 0)) { ($0.0 + $1.voluntary, $0.1 + $1.involuntary) }
    }

    /// Context switches of each thread, by thread id and name (`comm`), to tell which thread
    /// of an idle daemon wakes up.
    var threadWakeUps: [String: (voluntary: Int, involuntary: Int)] {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
        var result: [String: (voluntary: Int, involuntary: Int)] = [:]
        for task in tasks {
            let name = (try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/comm", encoding: .utf8))?
                .trimmingCharacters(in: .whitespacesAndNewlines) ?? "?"
            result["\(task) \(name)"] = (
                statusField("voluntary_ctxt_switches", in: "/proc/\(pid)/task/\(task)/status"),
                statusField("nonvoluntary_ctxt_switches", in: "/proc/\(pid)/task/\(task)/status"))
        }
        return result
    }

    var threadCount: Int { ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []).count }

    /// User plus system CPU seconds (utime + stime of /proc/PID/stat).
    var cpuSeconds: Double {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")")
        else { return 0 }
        // Fields after the command name: state is field 3, utime 14, stime 15.
        let fields = text[text.index(after: close)...].split(separator: " ")
        let ticks = (Double(fields[11]) ?? 0) + (Double(fields[12]) ?? 0)
        return ticks / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    private func statusField(_ name: String, in path: String) -> Int {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return 0 }
        for line in text.split(separator: "\n") where line.hasPrefix(name + ":") {
            return Int(line.dropFirst(name.count + 1).split(whereSeparator: \.isWhitespace).first ?? "") ?? 0
        }
        return 0
    }
}
