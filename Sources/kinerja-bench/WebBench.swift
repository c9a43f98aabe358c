import Foundation
import KinerjaRPC

/// kinerja-web (release) in front of a bench daemon: the overview's render time as a reader
/// waits for it, HTTP request to the last byte with every Varlink call it makes, first
/// after a change in kinerjad (its kept answers dropped, all read again) and kept (the data
/// unchanged, only GetDataVersion asked); and kinerja-web's peak memory.
struct WebBench {
    let bench: Bench
    /// "district" or "country": the section's name and how much is rendered.
    let store: String
    let repeats: Int
    /// Besides the overview, the pages read once before the memory is taken (a country's
    /// list of 250,000 people is not a page anyone opens whole).
    let otherPages: [String]

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// `changes`: the Varlink calls that block a plan and unblock it, each a change of kinerjad's data.
    func run(against daemon: Daemon, changes: [[UInt8]]) throws {
        let report = bench.report
        report.begin("Web (\(store)): kinerja-web's overview (/) on the \(store == "district" ? "office" : "national") store")
        let port = try HTTPGet.freePort()
        let web = Process()
        web.executableURL = URL(fileURLWithPath: "\(bench.bin)/kinerja-web")
        web.arguments = ["--socket", daemon.socket, "--listen", "127.0.0.1:\(port)"]
        let log = "\(bench.work)/web-\(store).log"
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        web.standardOutput = handle
        web.standardError = handle
        try web.run()
        defer {
            web.terminate()
            web.waitUntilExit()
        }
        let start = Stopwatch.now()
        while !HTTPGet.answers(port: port) {
            guard web.isRunning, Stopwatch.now() - start < 60 else { throw Failure(description: "kinerja-web did not listen; see \(log)") }
            usleep(1000)
        }

        let how = "kinerja-bench: GET / on a new connection to kinerja-web --socket (the daemon) --listen 127.0.0.1:PORT, to the last byte"
        var page: [UInt8] = []
        let first = try Stopwatch.time { page = try overview(port) }
        report.add("overview: first render after start", first * 1000, "ms", how: how + ", once, kinerja-web just started")
        report.note("overview \(page.count / 1024) KiB")
        // The plan unblocked first (refused if it is not blocked), then blocked and unblocked in turn.
        let connection = try RawConnection(path: daemon.socket)
        try connection.roundTrip(changes[1])
        var afterChange: [Double] = []
        for index in 0..<repeats {
            _ = try connection.answer(changes[index % 2])
            afterChange.append(try Stopwatch.time { page = try overview(port) })
        }
        try connection.roundTrip(changes[1])
        report.add("overview: first render after a change", afterChange.sorted().median * 1000, "ms",
                   how: how + ", median of \(repeats), each right after a Transition in kinerjad (a plan blocked or unblocked)")
        // kinerjad writes on its own after a change (its reminder pass over the plans, long
        // on a country): the kept renders begin once its data version stood still for 3 s.
        let settling = Stopwatch.now()
        var versionBefore = try dataVersion(connection)
        var stillSince = settling
        while Stopwatch.now() - stillSince < 3, Stopwatch.now() - settling < 300 {
            usleep(250_000)
            let now = try dataVersion(connection)
            if now != versionBefore { (versionBefore, stillSince) = (now, Stopwatch.now()) }
        }
        report.note(String(format: "data version still for 3 s after %.1f s", Stopwatch.now() - settling))
        let kept = try Stopwatch.samples(repeats) { page = try overview(port) }
        report.add("overview: kept render", kept.median * 1000, "ms", how: how + ", median of \(repeats), data unchanged")
        let versionAfter = try dataVersion(connection)
        // Kept answers hold only while kinerjad's data version stands still: when it moved
        // (kinerjad's own writes), the renders above read everything again.
        report.note("kept renders: \(kept.map { String(Int(($0 * 1000).rounded())) }.joined(separator: ", ")) ms; data version \(versionBefore)\(versionAfter == versionBefore ? " unchanged" : " → \(versionAfter)")")
        for path in otherPages {
            let seconds = try Stopwatch.time { _ = try get(path, port) }
            report.note("\(path) once: \(Int(seconds * 1000)) ms")
        }
        let pages = (["/"] + otherPages).joined(separator: " ")
        report.add("peak RSS of kinerja-web", ProcessStats(pid: web.processIdentifier).peakRSSMiB, "MiB",
                   how: "VmHWM in /proc/PID/status after the renders above and \(pages)")
    }

    private func dataVersion(_ connection: RawConnection) throws -> String {
        struct Reply: Decodable { var parameters: Kinerja.GetDataVersion.Result }
        let reply = try connection.answer(RawConnection.call(Kinerja.GetDataVersion.self, .init()))
        return try JSONDecoder().decode(Reply.self, from: Data(reply.dropLast())).parameters.version
    }

    private func overview(_ port: UInt16) throws -> [UInt8] {
        let body = try get("/", port)
        guard String(decoding: body, as: UTF8.self).contains("<h1>") else {
            throw Failure(description: "GET / is not a page: \(String(decoding: body.prefix(300), as: UTF8.self))")
        }
        return body
    }

    private func get(_ path: String, _ port: UInt16) throws -> [UInt8] {
        let (status, body) = try HTTPGet.get(port: port, path: path)
        guard status == 200 else { throw Failure(description: "GET \(path): \(status) \(String(decoding: body.prefix(300), as: UTF8.self))") }
        return body
    }
}
