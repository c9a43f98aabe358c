import Foundation
import KinerjaRPC

/// Kinerja beside Taskwarrior, which an office might use instead to track deadlines with
/// hooks: the same deadlines (every plan's current one, from a 10,000-position store)
/// imported into both, then the overdue ones listed by both, as JSON. Taskwarrior gets
/// each deadline as a task due at the end of its day in the office's zone (shifted by
/// the days between the daemon's clock and the real one, so that the same ones are
/// overdue), blocked plans tagged `terblokir` and left out of the listing, as Kinerja does.
struct PeerBench {
    let bench: Bench
    let workload: Workload

    func run() throws {
        let report = bench.report
        report.begin("Peer: \(workload.positions) deadlines in Kinerja and in Taskwarrior")
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/task") else {
            report.note("skipped: /usr/bin/task missing (make bench installs the Debian package taskwarrior)")
            return
        }
        let positions = workload.generate()
        let roster = try bench.write(workload.rosterCSV(positions), to: "peer-roster.csv")
        let progress = try bench.write(workload.progressCSV(positions), to: "peer-progress.csv")
        let daemon = try Daemon(bench: bench, stateDirectory: "\(bench.work)/peer-state", name: "peer")
        defer { daemon.stop() }
        let kinerjaImport = try bench.ctl(daemon, ["import", "roster", roster]) + bench.ctl(daemon, ["import", "progress", progress])
        let kinerjaList = try bench.ctlMedian(daemon, ["people", "list", "--overdue", "--json"], repeats: 3).seconds
        let kinerjaOverdue = try PeerBench.count(jsonArrayAt: "\(bench.work)/out.txt")

        let everyone = try RawConnection(path: daemon.socket).answer(try RawConnection.call(Kinerja.ListPeople.self, .init()))
        let tasks = try PeerBench.tasks(from: everyone)
        let taskwarrior = try Taskwarrior(directory: "\(bench.work)/taskwarrior")
        let tasksFile = "\(bench.work)/tasks.json"
        try JSONSerialization.data(withJSONObject: tasks).write(to: URL(fileURLWithPath: tasksFile))
        let taskImport = try taskwarrior.run(["import", tasksFile])
        let listed = "\(bench.work)/task-overdue.json"
        let taskList = try (0..<3).map { _ in try taskwarrior.run(["+OVERDUE", "-terblokir", "export"], stdout: listed) }.sorted().median
        let taskOverdue = try PeerBench.count(jsonArrayAt: listed)
        report.note("\(tasks.count) deadlines; overdue: Kinerja \(kinerjaOverdue), Taskwarrior \(taskOverdue)")
        guard kinerjaOverdue == taskOverdue else {
            throw Daemon.Failure(description: "Kinerja lists \(kinerjaOverdue) overdue, Taskwarrior \(taskOverdue): not the same deadlines")
        }
        report.add("import, Kinerja (roster + progress)", kinerjaImport, "s",
                   how: "kinerjactl import roster peer-roster.csv; kinerjactl import progress peer-progress.csv")
        report.add("import, Taskwarrior", taskImport, "s", how: "task import tasks.json")
        report.add("import, Kinerja / Taskwarrior", kinerjaImport / taskImport, "×", how: "")
        report.add("list overdue, Kinerja", kinerjaList * 1000, "ms", how: "median of 3: kinerjactl people list --overdue --json")
        report.add("list overdue, Taskwarrior", taskList * 1000, "ms", how: "median of 3: task +OVERDUE -terblokir export")
        report.add("list overdue, Kinerja / Taskwarrior", kinerjaList / taskList, "×", how: "")
    }

    /// One Taskwarrior task per plan with a deadline, from a ListPeople reply.
    static func tasks(from reply: [UInt8]) throws -> [[String: Any]] {
        struct Reply: Decodable { var parameters: Kinerja.ListPeople.Result }
        let people = try JSONDecoder().decode(Reply.self, from: Data(reply.dropLast())).parameters.people
        let shift = Calendar.current.dateComponents([.day], from: day(Bench.today), to: day(todayInJakarta())).day ?? 0
        return people.compactMap { p -> [String: Any]? in
            guard let plan = p.plan, let due = plan.due, let step = plan.step else { return nil }
            var task: [String: Any] = [
                "description": "\(p.nama): \(step)", "status": "pending", "project": p.npsn ?? "pengawas",
                "due": taskDate(endOf: Calendar.current.date(byAdding: .day, value: shift, to: day(due))!),
            ]
            if plan.blockCause != nil { task["tags"] = ["terblokir"] }
            return task
        }
    }

    static let jakarta = TimeZone(identifier: "Asia/Jakarta")!

    static func day(_ text: String) -> Date {
        let f = DateFormatter()
        f.dateFormat = "yyyy-MM-dd"
        f.timeZone = jakarta
        return f.date(from: text)!
    }

    static func todayInJakarta() -> String {
        let f = DateFormatter()
        f.dateFormat = "yyyy-MM-dd"
        f.timeZone = jakarta
        return f.string(from: Date())
    }

    /// The end of the local day (a deadline's meaning) in Taskwarrior's UTC form.
    static func taskDate(endOf day: Date) -> String {
        let f = DateFormatter()
        f.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        f.timeZone = TimeZone(identifier: "UTC")
        return f.string(from: day.addingTimeInterval(86_400 - 1))
    }

    static func count(jsonArrayAt path: String) throws -> Int {
        (try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [Any])?.count ?? 0
    }
}

/// Taskwarrior in a throwaway data directory: no confirmations, no hooks, nothing
/// read from the user's ~/.taskrc.
struct Taskwarrior {
    let rc: String

    init(directory: String) throws {
        try FileManager.default.createDirectory(atPath: "\(directory)/data", withIntermediateDirectories: true)
        rc = "\(directory)/taskrc"
        try "data.location=\(directory)/data\nconfirmation=off\nhooks=off\nverbose=nothing\njson.array=on\n"
            .write(toFile: rc, atomically: true, encoding: .utf8)
    }

    func run(_ arguments: [String], stdout: String? = nil) throws -> Double {
        try Command.run("/usr/bin/task", arguments, environment: ["TASKRC": rc], stdout: stdout)
    }
}
