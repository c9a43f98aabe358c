import Foundation

/// The real journald: the drill's evidence. Started here (as root) when none accepts entries,
/// like the end-to-end tests do, and left running for later runs.
enum DrillJournal {
    static let socketPath = "/run/systemd/journal/socket"
    static let journaldPath = "/lib/systemd/systemd-journald"

    static func ensureRunning() throws {
        guard DrillProcess.which("journalctl") != nil else { throw DrillError("journalctl is not installed (Debian package systemd)") }
        if acceptsEntries() { return }
        guard geteuid() == 0, access(journaldPath, X_OK) == 0, let setsid = DrillProcess.which("setsid") else {
            throw DrillError("no journald accepts entries on \(socketPath), and \(journaldPath) cannot be started here")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: setsid)
        process.arguments = [journaldPath]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline {
            if acceptsEntries() { return }
            usleep(50_000)
        }
        throw DrillError("\(journaldPath) did not open \(socketPath) within 5 s")
    }

    static func acceptsEntries() -> Bool {
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(socketPath.utf8)) }
        let length = socklen_t(MemoryLayout<sockaddr_un>.offset(of: \.sun_path)! + socketPath.utf8.count + 1)
        return withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, length) } } == 0
    }

    /// The reminder entries (those with KINERJA_REMINDER_ID) of one process since `since`,
    /// each with the ids of its digest's items (KINERJA_REMINDER_ID, repeated: journalctl's
    /// JSON gives an array). The array is in journald's order, not the order the daemon sent
    /// the fields in (a journal file keeps an entry's items by the offset of their data), so
    /// it does not say which item is the most urgent. `--all`: journalctl's JSON gives a
    /// field of 4,096 bytes or more as null without it, and a digest of a dozen items is.
    static func reminders(pid: Int32, since: Date) throws -> [(fields: [String: String], ids: [String])] {
        guard let journalctl = DrillProcess.which("journalctl") else { throw DrillError("journalctl is not installed") }
        let output = try DrillProcess.run(
            journalctl, ["--no-pager", "-q", "--all", "-o", "json", "--since", "@\(Int(since.timeIntervalSince1970) - 1)", "_PID=\(pid)"])
        guard output.status == 0 else { throw DrillError("journalctl failed: \(output.stderr)") }
        return output.stdout.split(separator: "\n").compactMap { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
            let ids = (object["KINERJA_REMINDER_ID"] as? [String]) ?? [object["KINERJA_REMINDER_ID"] as? String].compactMap { $0 }
            return ids.isEmpty ? nil : (object.compactMapValues { $0 as? String }, ids)
        }
    }
}
