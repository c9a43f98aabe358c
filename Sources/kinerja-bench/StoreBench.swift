import Foundation
import KinerjaRPC

/// A generated workload imported into a fresh store, then what an office asks of it daily,
/// each timed twice: as `kinerjactl` (process start and table included) and as the Varlink
/// call alone (the daemon's part).
struct StoreBench {
    let bench: Bench
    let name: String
    let title: String
    let workload: Workload
    /// Runs of each kinerjactl command, and of each call alone.
    let cliRepeats: Int
    let callRepeats: Int
    /// A district's store gets every figure. A country's: its lists are timed once, not
    /// again after a change (the daemon keeps no list of more than 20,000 rows, so they cost
    /// the same), and kinerjactl does not print the week's preview (263,000 lines), which
    /// keeps `make bench` within its ten minutes.
    let isCountry: Bool

    /// Leaves the daemon, restarted on the imported store, running for later measurements;
    /// with it the calls that block one principal's plan and unblock it (a change of its data).
    func run() throws -> (daemon: Daemon, changes: [[UInt8]]) {
        let report = bench.report
        report.begin(title)
        let (positions, roster, progress, generation) = workload.files()
        let rosterPath = try bench.write(roster, to: "\(name)-roster.csv")
        let progressPath = try bench.write(progress, to: "\(name)-progress.csv")
        let progressRows = progress.utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } - 1
        report.note(String(
            format: "%d positions in %d districts, roster %.1f MiB, progress %d rows %.1f MiB, generated in %.1f s",
            positions.count, workload.districts, Double(roster.utf8.count) / 1_048_576, progressRows,
            Double(progress.utf8.count) / 1_048_576, generation))

        let state = "\(bench.work)/\(name)-state"
        let importer = try Daemon(bench: bench, stateDirectory: state, name: name)
        let rosterSeconds = try bench.ctl(importer, ["import", "roster", rosterPath])
        report.add("roster import, \(positions.count) positions", rosterSeconds, "s", how: "kinerjactl import roster \(name)-roster.csv")
        let progressSeconds = try bench.ctl(importer, ["import", "progress", progressPath])
        report.add("progress import, \(progressRows) rows", progressSeconds, "s", how: "kinerjactl import progress \(name)-progress.csv")
        report.add("roster + progress import", rosterSeconds + progressSeconds, "s", how: "the two imports above, together")
        report.add("progress import rate", Double(progressRows) / progressSeconds, "rows/s", how: "rows / seconds of the import above")
        report.add("peak RSS of the importing daemon", importer.stats.peakRSSMiB, "MiB", how: "VmHWM in /proc/PID/status")
        importer.stop()

        let daemon = try Daemon(bench: bench, stateDirectory: state, name: name)
        report.add("start-up to READY=1", daemon.ready * 1000, "ms", how: "launch → READY=1 on NOTIFY_SOCKET")
        report.add("start-up to socket answering", daemon.answering * 1000, "ms", how: "launch → first GetInfo reply")
        let principal = positions.first { !$0.isSupervisor }!
        let queries: [(String, [String], [UInt8])] = [
            ("people list --overdue", ["people", "list", "--overdue"],
             try RawConnection.call(Kinerja.ListPeople.self, .init(overdue: true), more: true)),
            ("people list --npsn (one school)", ["people", "list", "--npsn", principal.npsn],
             try RawConnection.call(Kinerja.ListPeople.self, .init(npsn: principal.npsn), more: true)),
            ("report compliance", ["report", "compliance"],
             try RawConnection.call(Kinerja.GetComplianceReport.self, .init(), more: true)),
            ("reminders preview, one week", ["reminders", "preview", "--from", Bench.today, "--to", "2026-12-01"],
             try RawConnection.call(Kinerja.PreviewReminders.self, .init(from: Bench.today, to: "2026-12-01"), more: true)),
        ]
        // The daemon keeps what its listings read until a write changes it: "after a change"
        // is each call right after a plan's transition (one principal's plan blocked, then
        // unblocked), the change an office makes most.
        let changes = try ["terblokir", "dibuka"].map {
            try RawConnection.call(Kinerja.Transition.self, .init(person: principal.id, npsn: principal.npsn, action: $0, note: "kinerja-bench"))
        }
        try RawConnection(path: daemon.socket).roundTrip(changes[1])
        var changeCount = 0
        for (label, arguments, request) in queries {
            let connection = try RawConnection(path: daemon.socket)
            var reply: [UInt8] = []
            if !isCountry || arguments.contains("--npsn") {
                var afterChange: [Double] = []
                for _ in 0..<callRepeats {
                    _ = try connection.answer(changes[changeCount % 2])
                    changeCount += 1
                    afterChange.append(try Stopwatch.time { reply = try connection.answer(request) })
                }
                report.add("\(label): call after a change", afterChange.sorted().median * 1000, "ms",
                           how: "kinerja-bench: median of \(callRepeats) calls, each right after a Transition (a plan blocked or unblocked)")
            }
            let calls = try Stopwatch.samples(callRepeats) { reply = try connection.answer(request) }
            report.add("\(label): call", calls.median * 1000, "ms",
                       how: "kinerja-bench: median of \(callRepeats) calls of \(String(decoding: request.dropLast(), as: UTF8.self))")
            guard !isCountry || arguments.first != "reminders" else {
                report.note("reply \(reply.count / 1024) KiB")
                continue
            }
            let cli = try bench.ctlMedian(daemon, arguments, repeats: cliRepeats)
            report.add("\(label): kinerjactl", cli.seconds * 1000, "ms",
                       how: "median of \(cliRepeats) runs of kinerjactl \(arguments.joined(separator: " "))")
            report.note("reply \(reply.count / 1024) KiB, kinerjactl printed \(cli.lines) lines")
        }
        report.add("peak RSS after the queries", daemon.stats.peakRSSMiB, "MiB", how: "VmHWM in /proc/PID/status")
        return (daemon, changes)
    }
}
