import Foundation
import KinerjaRPC
import KinerjaSampleData
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Issue 14: every method of `id.kinerja.Kinerja` and `org.varlink.service`, called on the
/// real daemon with random and boundary parameters (each parameter's documented bound, one
/// past it, wrong types, unknown members, `more` and `oneway`), as root and as an
/// unprivileged user, for `KINERJA_FUZZ_SECONDS` (default 20; `make fuzz` runs 600) from
/// seed `KINERJA_FUZZ_SEED` (default 14). The daemon must stay up and answer every call with
/// a well-formed reply or a named error other than InternalError; its resident memory must
/// stay under `memoryBound` and come back under `idleBound` once the clients are gone; and
/// the store must pass `PRAGMA integrity_check`.
@Suite("RPC fuzz", .timeLimit(.minutes(15)))
struct RPCFuzzTests {
    /// High-water of the daemon's resident memory (VmHWM), in MiB, for the example district.
    static let memoryBound = 512
    /// Resident memory once every client has gone, in MiB.
    static let idleBound = 192

    static var seconds: Double {
        ProcessInfo.processInfo.environment["KINERJA_FUZZ_SECONDS"].flatMap(Double.init) ?? 20
    }

    static var seed: UInt64 {
        ProcessInfo.processInfo.environment["KINERJA_FUZZ_SEED"].flatMap { UInt64($0) } ?? 14
    }

    @Test("random and boundary calls of every method, as root and as an unprivileged user: the daemon lives, memory returns, the store is intact")
    func fuzzEveryMethod() throws {
        let account = try AuthorizationTests.unprivilegedAccount()
        let daemon = try DaemonProcess(clockStart: TestEnvironment.exampleClockStart, configCopy: true)
        let hooks = daemon.directory + "/hooks.d"
        try FileManager.default.createDirectory(atPath: hooks, withIntermediateDirectories: true)
        try "#!/bin/sh\ncat > /dev/null\nexit 0\n".write(toFile: hooks + "/10-ok", atomically: true, encoding: .utf8)
        chmod(hooks + "/10-ok", 0o755)
        let config = try String(contentsOfFile: daemon.configPath, encoding: .utf8)
        try config.replacingOccurrences(of: "\(TestEnvironment.packageRoot)/config/hooks.d", with: hooks)
            .replacingOccurrences(of: "idle_timeout_seconds = 60", with: "idle_timeout_seconds = 5")
            .replacingOccurrences(of: "timeout_seconds = 30", with: "timeout_seconds = 5")
            .write(toFile: daemon.configPath, atomically: true, encoding: .utf8)
        try daemon.start()
        chmod(daemon.directory, 0o711)
        chmod(daemon.socketPath, 0o666)
        let cli = CLI(daemon)
        _ = try cli.importFile("roster", TestEnvironment.example("roster.csv"))
        _ = try cli.importFile("progress", TestEnvironment.example("progress.csv"))
        let pid = try #require(daemon.pid)

        var fuzzer = try Fuzzer(daemon: daemon, seed: Self.seed)
        let unprivileged = try UnprivilegedConnections(daemon: daemon, account: account)
        print("rpc fuzz: seed \(Self.seed) (KINERJA_FUZZ_SEED replays it), \(Self.seconds) s, \(fuzzer.methods.count) methods")
        let start = Date()
        var lastSample = Date.distantPast
        var peakRSS = 0
        var peakTasks = 0
        while Date().timeIntervalSince(start) < Self.seconds {
            try fuzzer.step(unprivileged: unprivileged)
            if Date().timeIntervalSince(lastSample) > 0.5 {
                lastSample = Date()
                peakRSS = max(peakRSS, ProcessMemory.residentMiB(pid))
                peakTasks = max(peakTasks, ProcessMemory.tasks(of: pid))
                guard daemon.isRunning else { break }
                if fuzzer.iterations % 500 == 0 { fuzzer.pruneBackups() }
            }
        }
        fuzzer.closeAll()
        unprivileged.closeAll()
        #expect(daemon.isRunning, "kinerjad died after \(fuzzer.iterations) calls: \(daemon.logs().suffix(3000))")
        RobustnessTests.stillServes(daemon, after: "the fuzz")
        Thread.sleep(forTimeInterval: 2)
        let idle = ProcessMemory.residentMiB(pid)
        let highWater = ProcessMemory.highWaterMiB(pid)
        print("rpc fuzz: \(fuzzer.iterations) calls in \(Int(Date().timeIntervalSince(start))) s, RSS high-water \(highWater) MiB (sampled peak \(peakRSS) MiB), \(idle) MiB after; at most \(peakTasks) tasks (threads and hook processes)")
        print("rpc fuzz: replies \(fuzzer.outcomes.sorted { $0.value > $1.value }.prefix(14).map { "\($0.key) \($0.value)" }.joined(separator: ", "))")
        #expect(fuzzer.failures.isEmpty, "\(fuzzer.failures.count) calls answered wrongly, first: \(fuzzer.failures.prefix(5))")
        #expect(highWater < Self.memoryBound, "RSS high-water \(highWater) MiB, bound \(Self.memoryBound) MiB")
        #expect(idle < Self.idleBound, "RSS \(idle) MiB once the clients are gone, bound \(Self.idleBound) MiB")
        let integrity = try SQLiteShell(path: daemon.stateDirectory + "/kinerja.sqlite").integrityCheck()
        #expect(integrity == "ok", "\(integrity)")
        #expect(fuzzer.unprivilegedCalls > 0 && fuzzer.privilegedCalls > 0)
    }
}

/// The daemon's memory from /proc/PID/status.
enum ProcessMemory {
    static func field(_ name: String, _ pid: pid_t) -> Int {
        let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix(name + ":") } ?? ""
        return (Int(line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first ?? "") ?? 0) / 1024
    }

    static func residentMiB(_ pid: pid_t) -> Int { field("VmRSS", pid) }

    /// Threads of `pid` and of its child processes (hooks): what the unit's `TasksMax=` counts.
    static func tasks(of pid: pid_t) -> Int {
        let threads = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
        let children = threads.reduce(0) { count, thread in
            count + ((try? String(contentsOfFile: "/proc/\(pid)/task/\(thread)/children", encoding: .utf8)) ?? "").split(separator: " ").count
        }
        return threads.count + children
    }
    static func highWaterMiB(_ pid: pid_t) -> Int { field("VmHWM", pid) }
}

/// Connections made by the unprivileged account (so SO_PEERCRED names it), handed to the test
/// over a Unix socket (SCM_RIGHTS) by a small Python helper run with `setpriv`.
final class UnprivilegedConnections {
    let daemon: DaemonProcess
    let account: Account
    private var pool: [RawVarlinkConnection] = []

    init(daemon: DaemonProcess, account: Account) throws {
        self.daemon = daemon
        self.account = account
    }

    static let helper = """
        import socket, sys
        daemon, back, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
        made = []
        for _ in range(count):
            c = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            c.connect(daemon)
            made.append(c)
        b = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        b.connect(back)
        socket.send_fds(b, [b"k"], [c.fileno() for c in made])
        b.recv(1)
        """

    /// A connection of the unprivileged account: one of the pool, which is refilled eight at a time.
    func connection() throws -> RawVarlinkConnection {
        if pool.isEmpty { pool = try make(8) }
        return pool.removeLast()
    }

    func closeAll() { pool.removeAll() }

    private func make(_ count: Int) throws -> [RawVarlinkConnection] {
        guard let setpriv = TestEnvironment.which("setpriv") else { throw TestFailure("setpriv (util-linux) is not installed") }
        guard access("/usr/bin/python3", X_OK) == 0 else { throw TestFailure("/usr/bin/python3 is needed to connect as \(account.name)") }
        let back = daemon.directory + "/fd-\(UInt32.random(in: 0...UInt32.max)).sock"
        let listener = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        defer { close(listener); unlink(back) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(back.utf8)) }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0, listen(listener, 1) == 0, chmod(back, 0o666) == 0 else {
            throw TestFailure("cannot listen on \(back): \(String(cString: strerror(errno)))")
        }
        let helper = try ChildProcess.spawn(
            setpriv, ["--reuid=\(account.uid)", "--regid=\(account.gid)", "--clear-groups", "/usr/bin/python3", "-c", Self.helper,
                      daemon.socketPath, back, "\(count)"],
            environment: ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"])
        defer { _ = helper.wait(timeout: 10) ?? helper.killAndWait() }
        var ready = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
        guard poll(&ready, 1, 10_000) > 0 else { throw TestFailure("the connection helper did not call back within 10 s") }
        let channel = accept(listener, nil, nil)
        guard channel >= 0 else { throw TestFailure("accept: \(String(cString: strerror(errno)))") }
        defer { close(channel) }
        let fds = try Self.receiveDescriptors(channel)
        _ = send(channel, "k", 1, Int32(MSG_NOSIGNAL))
        return fds.map { RawVarlinkConnection(fd: $0) }
    }

    /// The descriptors of one SCM_RIGHTS message (x86_64 and aarch64 Linux: a 16-byte
    /// `cmsghdr`, then the descriptors as 32-bit integers).
    static func receiveDescriptors(_ channel: Int32) throws -> [Int32] {
        var byte: UInt8 = 0
        var control = [UInt8](repeating: 0, count: 1024)
        let received = withUnsafeMutablePointer(to: &byte) { bytePointer in
            control.withUnsafeMutableBytes { controlBytes in
                var vector = iovec(iov_base: UnsafeMutableRawPointer(bytePointer), iov_len: 1)
                return withUnsafeMutablePointer(to: &vector) { vectorPointer in
                    var message = msghdr()
                    message.msg_iov = vectorPointer
                    message.msg_iovlen = 1
                    message.msg_control = controlBytes.baseAddress
                    message.msg_controllen = controlBytes.count
                    let count = recvmsg(channel, &message, 0)
                    return count < 0 ? -1 : message.msg_controllen
                }
            }
        }
        guard received >= 16 else { throw TestFailure("no descriptors from the connection helper") }
        let length = control.withUnsafeBytes { $0.load(as: Int.self) }
        let level = control.withUnsafeBytes { $0.load(fromByteOffset: 8, as: Int32.self) }
        let type = control.withUnsafeBytes { $0.load(fromByteOffset: 12, as: Int32.self) }
        guard level == SOL_SOCKET, type == 1 /* SCM_RIGHTS */ else { throw TestFailure("not SCM_RIGHTS: \(level) \(type)") }
        return (0..<((length - 16) / 4)).map { index in control.withUnsafeBytes { $0.load(fromByteOffset: 16 + index * 4, as: Int32.self) } }
    }
}

/// One parameter of a method as the IDL declares it.
struct IDLParameter {
    let name: String
    /// `string`, `int`, `bool`, or a type name (`StepDetails`).
    let type: String
    let optional: Bool
}

/// Calls the daemon at random: a method, a caller, parameters.
struct Fuzzer {
    let daemon: DaemonProcess
    var random: SplitMix64
    let methods: [(name: String, parameters: [IDLParameter], bounds: ParameterBounds)]
    var privileged: [RawVarlinkConnection] = []
    var iterations = 0
    var privilegedCalls = 0
    var unprivilegedCalls = 0
    var outcomes: [String: Int] = [:]
    var failures: [String] = []
    /// Values worth sending back: ids the daemon gave out.
    var backups: [String] = []
    var uploads: [String] = []
    var reminders: [String] = []
    let people: [String]
    let schools: [String]
    let roster: String
    let progress: String

    init(daemon: DaemonProcess, seed: UInt64) throws {
        self.daemon = daemon
        random = SplitMix64(seed: seed)
        roster = try String(contentsOfFile: TestEnvironment.example("roster.csv"), encoding: .utf8)
        progress = try String(contentsOfFile: TestEnvironment.example("progress.csv"), encoding: .utf8)
        let rows = roster.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        people = rows.compactMap { $0.first.map(String.init) }
        schools = rows.compactMap { row in row.count > 5 && !row[5].isEmpty ? String(row[5]) : nil }
        let bounds = Dictionary(uniqueKeysWithValues: (Kinerja.methods + [VarlinkService.GetInfo.self, VarlinkService.GetInterfaceDescription.self]).map {
            ($0.name, $0.bounds)
        })
        var methods: [(String, [IDLParameter], ParameterBounds)] = []
        for (interface, idl) in [(KinerjaInterface.name, KinerjaInterface.description), (VarlinkService.interfaceName, VarlinkService.interfaceDescription)] {
            for (member, parameters) in Self.methods(in: idl) {
                let name = interface + "." + member
                guard let bound = bounds[name] else { throw TestFailure("\(name) has no bounds") }
                methods.append((name, parameters, bound))
            }
        }
        self.methods = methods
    }

    /// `method Name(a: ?string, b: int) -> (…)` of an IDL text.
    static func methods(in idl: String) -> [(String, [IDLParameter])] {
        let code = idl.split(separator: "\n").map { $0.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? "" }.joined(separator: " ")
        var found: [(String, [IDLParameter])] = []
        var rest = Substring(code)
        while let range = rest.range(of: "method ") {
            rest = rest[range.upperBound...]
            let name = String(rest.prefix { $0.isLetter || $0.isNumber })
            guard let open = rest.firstIndex(of: "("), let close = rest.firstIndex(of: ")") else { break }
            let parameters = rest[rest.index(after: open)..<close].split(separator: ",").compactMap { part -> IDLParameter? in
                let pieces = part.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard pieces.count == 2 else { return nil }
                let optional = pieces[1].hasPrefix("?")
                return IDLParameter(name: pieces[0], type: String(pieces[1].drop { $0 == "?" }), optional: optional)
            }
            found.append((name, parameters))
            rest = rest[close...]
        }
        return found
    }

    mutating func roll(_ n: Int) -> Int { Int(random.next() % UInt64(n)) }
    mutating func chance(_ percent: Int) -> Bool { roll(100) < percent }
    mutating func pick<T>(_ items: [T]) -> T { items[roll(items.count)] }

    /// Random text: plausible words, random Unicode (control characters, quotes, backslashes,
    /// surrogate-free astral characters), or exactly `bound` / one past it.
    mutating func text(_ bound: Int?) -> String {
        switch roll(10) {
        case 0 where bound != nil: return String(repeating: "a", count: bound!)
        case 1 where bound != nil: return String(repeating: "é", count: bound! / 2 + 1)
        case 2: return ""
        case 3, 4:
            let alphabet: [Character] = ["a", "Z", "0", "9", "-", "/", "|", "@", ".", " ", "\"", "\\", "\u{0}", "\u{1B}", "\n", "é", "𝕂", "\u{202E}", "'"]
            return String((0..<roll(40)).map { _ in pick(alphabet) })
        default:
            return pick(people + schools + [
                "2026-2", "2026-1", "2025-2", "9999-1", "2026-3", "2026-11-25", "2026-07-01", "2026-12-31", "2126-11-25", "0000-00-00",
                "praktik-kinerja", "penyusunan", "dokumen-tindak-lanjut", "refleksi-tindak-lanjut", "kepala_sekolah", "pengawas_sekolah",
                "mulai", "selesai", "disetujui", "dikembalikan", "terblokir", "dibuka", "rhk-atasan", "lainnya", "fired", "missed",
                "silenced", "pending", "retrying", "delivered", "failed", "10-ok", "../../etc/passwd", ".partial-x", "d3-visi-misi",
                "2026-2/197812012005012004/ks@20571036", "2026-2/196811021993032004/ps", "id.kinerja.Kinerja", "org.varlink.service",
            ] + backups + uploads + reminders)
        }
    }

    mutating func integer(_ bound: ParameterBound?) -> JSONValue {
        if case .integer(let range)? = bound, chance(50) {
            return .int(pick([range.lowerBound, range.upperBound, range.lowerBound &- 1, range.upperBound == Int64.max ? 0 : range.upperBound + 1]))
        }
        return pick([.int(-1), .int(0), .int(1), .int(50), .int(Int64.max), .int(Int64.min), .double(1.5), .double(1e300), .int(Int64(roll(10_000)))])
    }

    /// A value of `type`; now and then one of the wrong type.
    mutating func value(_ type: String, bound: ParameterBound?) -> JSONValue {
        if chance(5) { return pick([.null, .bool(true), .int(7), .string("x"), .array([]), .object([:]), .array([.string("a")])]) }
        switch type {
        case "string":
            if case .text(let maxBytes)? = bound, maxBytes >= 1 << 19, chance(40) {
                return .string(pick([roster, progress, "id,nama\n1,\u{0}\n", String(repeating: "x,", count: roll(50_000))]))
            }
            if case .text(let maxBytes)? = bound { return .string(text(maxBytes)) }
            return .string(text(nil))
        case "int": return integer(bound)
        case "bool": return .bool(chance(50))
        default:
            // StepDetails: a few members, of the right type or not.
            var members: [String: JSONValue] = [:]
            for member in ["praktikKinerja", "kompetensi", "sekolahFokus", "rating", "catatan"] where chance(30) {
                members[member] = .string(text(64))
            }
            if chance(20) { members["rhk"] = .array((0..<roll(70)).map { _ in .object(["id": .string(text(64)), "jumlah": integer(nil)]) }) }
            if chance(20) { members["perilakuKerja"] = .array((0..<roll(70)).map { _ in .string(text(64)) }) }
            if chance(20) { members["ratings"] = .object(Dictionary(uniqueKeysWithValues: (0..<roll(20)).map { ("k\($0)", JSONValue.string(text(64))) })) }
            if chance(10) { members["bogus"] = .int(1) }
            return .object(members)
        }
    }

    /// One call: a method, its parameters, flags, a caller; its replies read and judged.
    mutating func step(unprivileged: UnprivilegedConnections) throws {
        iterations += 1
        let method = pick(methods)
        var parameters: [String: JSONValue] = [:]
        for parameter in method.parameters where !parameter.optional || chance(50) {
            if !parameter.optional && chance(3) { continue }  // a required one left out
            parameters[parameter.name] = value(parameter.type, bound: method.bounds.parameters[parameter.name])
        }
        if chance(3) { parameters["unknown"] = .string("x") }
        let streams = method.name.hasSuffix(".WatchReminders") || method.name.hasSuffix(".ReadBackup")
        let more = streams ? chance(90) : chance(15)
        let oneway = !more && chance(3)
        var call: [String: JSONValue] = ["method": .string(method.name), "parameters": .object(parameters)]
        if more { call["more"] = .bool(true) }
        if oneway { call["oneway"] = .bool(true) }
        if chance(1) { call["upgrade"] = .bool(true) }
        let asRoot = chance(60)
        let connection = try asRoot ? privilegedConnection() : unprivileged.connection()
        if asRoot { privilegedCalls += 1 } else { unprivilegedCalls += 1 }
        guard connection.send(Array(JSONValue.object(call).jsonString(prettyPrinted: false, sortedKeys: true).utf8) + [0]) else { return }
        if oneway { return keep(connection, asRoot: asRoot, unprivileged: unprivileged) }
        var replies = 0
        while true {
            let outcome = connection.receive(timeout: method.name.hasSuffix(".WatchReminders") ? 0.05 : 60)
            switch outcome {
            case .silence where method.name.hasSuffix(".WatchReminders"):
                return  // a live feed: dropped with its connection
            case .silence:
                failures.append("\(method.name) \(parameters.keys.sorted()): no reply within 60 s")
                return
            case .closed:
                outcomes["closed", default: 0] += 1
                return
            case .reply(let text):
                replies += 1
                guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
                    failures.append("\(method.name): not a JSON object: \(text.prefix(200))")
                    return
                }
                if let error = object["error"] as? String {
                    outcomes[error.split(separator: ".").last.map(String.init) ?? error, default: 0] += 1
                    if error.hasSuffix(".InternalError") { failures.append("\(method.name) \(call): \(text.prefix(300))") }
                    return keep(connection, asRoot: asRoot, unprivileged: unprivileged)
                }
                guard let reply = object["parameters"] as? [String: Any] else {
                    failures.append("\(method.name): neither parameters nor error: \(text.prefix(200))")
                    return
                }
                if replies == 1 { outcomes["ok", default: 0] += 1 }
                remember(reply)
                if object["continues"] as? Bool != true { return keep(connection, asRoot: asRoot, unprivileged: unprivileged) }
                if method.name.hasSuffix(".WatchReminders") { return }
            }
        }
    }

    /// Keeps what later calls may use: backup names, upload ids, reminder ids.
    mutating func remember(_ reply: [String: Any]) {
        if let backup = reply["backup"] as? [String: Any], let name = backup["name"] as? String { backups.append(name) }
        if let upload = reply["upload"] as? String { uploads.append(upload) }
        if let items = reply["reminders"] as? [[String: Any]] {
            reminders = Array((reminders + items.compactMap { $0["id"] as? String }).suffix(50))
        }
    }

    mutating func privilegedConnection() throws -> RawVarlinkConnection {
        if let connection = privileged.popLast() { return connection }
        return try RawVarlinkConnection(path: daemon.socketPath)
    }

    /// Returns a connection to its pool while it may still serve.
    mutating func keep(_ connection: RawVarlinkConnection, asRoot: Bool, unprivileged: UnprivilegedConnections) {
        if asRoot && privileged.count < 4 && !connection.peerClosed { privileged.append(connection) }
    }

    mutating func closeAll() { privileged.removeAll() }

    /// Backups pile up at a few hundred KiB each: the oldest go, as an office would remove them.
    mutating func pruneBackups() {
        let directory = daemon.stateDirectory + "/backups"
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted().dropLast(5) {
            unlink(directory + "/" + name)
        }
        backups = Array(backups.suffix(5))
    }
}
