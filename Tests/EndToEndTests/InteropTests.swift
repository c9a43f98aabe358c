import Foundation
import KinerjaRPC
import Testing

/// The daemon through an independent Varlink implementation: the Python reference client
/// (`python3 -m varlink.cli`, varlink==31.0.0 from `make test-deps`).
///
/// Note: varlink.cli prints a Varlink error reply on stderr and still exits 0, so every good
/// call asserts an empty stderr and every bad one the error name on stderr.
@Suite("Interop with the Python reference client")
struct InteropTests {
    /// `$KINERJA_PYTHON`, checked to import `varlink`. Missing: a recorded failure, never a skip.
    static func python() throws -> String {
        guard let python = TestEnvironment.python else {
            throw TestFailure("""
                KINERJA_PYTHON is not set: the interop test needs the Python reference Varlink client. \
                Run `make test`, or `make test-deps` and KINERJA_PYTHON=\(TestEnvironment.packageRoot)/.build/pyvenv/bin/python3
                """)
        }
        let probe = try ChildProcess.run(python, ["-c", "import varlink"], timeout: 30)
        guard probe.status == 0 else {
            throw TestFailure("KINERJA_PYTHON=\(python) cannot import varlink (run `make test-deps`): \(probe)")
        }
        return python
    }

    static func varlink(_ python: String, _ arguments: [String]) throws -> CommandResult {
        try ChildProcess.run(python, ["-m", "varlink.cli"] + arguments, timeout: 60)
    }

    static func object(_ text: String) throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            throw TestFailure("not a JSON object: \(text)")
        }
        return object
    }

    static func decode<T: Decodable>(_ type: T.Type, _ result: CommandResult) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(result.stdout.utf8))
        } catch {
            throw TestFailure("cannot decode \(T.self) from \(result)\n(\(error))")
        }
    }

    static func json(_ value: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: value), as: UTF8.self)
    }

    @Test("info, help, GetStatus, ImportRoster and Transition through varlink.cli")
    func referenceClientReadsAndChanges() throws {
        let python = try Self.python()
        let daemon = try DaemonProcess.started(clockStart: TestEnvironment.exampleClockStart)
        let cli = CLI(daemon)
        let address = "unix:" + daemon.socketPath

        let info = try Self.varlink(python, ["info", address])
        #expect(info.status == 0 && info.stderr.isEmpty, "\(info)")
        let infoLines = info.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(infoLines.contains("Vendor: Kinerja"), "\(info)")
        #expect(infoLines.contains("Product: kinerjad"), "\(info)")
        #expect(infoLines.contains("id.kinerja.Kinerja") && infoLines.contains("org.varlink.service"), "\(info)")
        let version = try cli.status().version
        #expect(infoLines.contains("Version: \(version)"), "\(info)")

        let help = try Self.varlink(python, ["help", address + "/id.kinerja.Kinerja"])
        #expect(help.status == 0 && help.stderr.isEmpty, "\(help)")
        let idl = try String(contentsOfFile: TestEnvironment.packageRoot + "/Sources/KinerjaRPC/id.kinerja.Kinerja.varlink", encoding: .utf8)
        #expect(help.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == idl.trimmingCharacters(in: .whitespacesAndNewlines),
                "GetInterfaceDescription serves the IDL file")

        let statusCall = try Self.varlink(python, ["call", address + "/id.kinerja.Kinerja.GetStatus", "{}"])
        #expect(statusCall.status == 0 && statusCall.stderr.isEmpty, "\(statusCall)")
        let status = try Self.decode(Kinerja.GetStatus.Result.self, statusCall).status
        #expect(status.version == version)
        #expect(status.today == "2026-11-25" && status.currentCycle == "2026-2" && status.clockOverridden)
        #expect(status.timezone == "Asia/Jakarta")
        #expect(status.counts.people == 0)
        #expect(status.storePath == daemon.stateDirectory + "/kinerja.sqlite")

        // A change: the roster's content as the call's string parameter.
        let content = try String(contentsOfFile: TestEnvironment.example("roster.csv"), encoding: .utf8)
        let importCall = try Self.varlink(python, [
            "call", address + "/id.kinerja.Kinerja.ImportRoster", try Self.json(["content": content]),
        ])
        #expect(importCall.status == 0 && importCall.stderr.isEmpty, "\(importCall)")
        let imported = try Self.decode(Kinerja.ImportResultReply.self, importCall).result
        #expect(imported.applied && imported.goodRows == 35 && imported.added == 69)
        #expect(try cli.people().count == 35, "what the Python client imported is what kinerjactl lists")

        let principal = RosterAndWorkflowTests.principal
        let transition = try Self.varlink(python, [
            "call", address + "/id.kinerja.Kinerja.Transition",
            try Self.json([
                "person": principal, "action": "selesai", "step": "praktik-kinerja", "date": "2026-07-06",
                "details": ["praktikKinerja": "d3-visi-misi"],
            ]),
        ])
        #expect(transition.status == 0 && transition.stderr.isEmpty, "\(transition)")
        let raw = try Self.object(transition.stdout)
        #expect((raw["plan"] as? [String: Any])?["summary"] != nil, "\(transition.stdout)")
        let plan = try Self.decode(Kinerja.Transition.Result.self, transition).plan
        #expect(plan.summary.plan == "2026-2/\(principal)/ks@20571036")
        #expect(plan.summary.step == "pengembangan-kompetensi")
        #expect(plan.timeline.first?.completedOn == "2026-07-06")
        #expect(try cli.plan(principal) == plan, "kinerjactl sees the same plan")
        let history = try cli.history(plan.summary.plan)
        #expect(history.map(\.action) == ["selesai praktik-kinerja"])
        #expect(history.first?.user == "root" && history.first?.uid == 0)

        // A refused change: the named error on stderr (exit 0: varlink.cli's way).
        let refused = try Self.varlink(python, [
            "call", address + "/id.kinerja.Kinerja.Transition",
            try Self.json(["person": principal, "action": "selesai", "step": "observasi", "date": "2026-07-07"]),
        ])
        #expect(refused.stderr.contains("id.kinerja.Kinerja.TransitionRefused"), "\(refused)")
        #expect(refused.stderr.contains("pengembangan-kompetensi"), "the allowed action is named: \(refused)")
        #expect(try cli.plan(principal) == plan, "a refused change changes nothing")
    }

    /// The typed Python client: `Client.open` reads the interface description and filters each
    /// reply through the method's declared type. It printed the reply as JSON.
    static let typedComplianceCall = """
        import json, sys, varlink
        with varlink.Client(address=sys.argv[1]) as client, client.open('id.kinerja.Kinerja') as kinerja:
            print(json.dumps(kinerja.ComplianceReport()))
        """

    @Test("ComplianceReport through varlink.cli and through the typed Python client")
    func complianceReportThroughPython() throws {
        let python = try Self.python()
        let daemon = try DaemonProcess.started(clockStart: TestEnvironment.exampleClockStart)
        let cli = CLI(daemon)
        let address = "unix:" + daemon.socketPath
        _ = try cli.importFile("roster", TestEnvironment.example("roster.csv"))
        _ = try cli.importFile("progress", TestEnvironment.example("progress.csv"))
        let expected = try cli.json(ComplianceReport.self, ["report", "compliance"])
        #expect(expected.cycle == "2026-2" && expected.roles.count == 2 && !expected.schools.isEmpty, "\(expected)")

        let call = try Self.varlink(python, ["call", address + "/id.kinerja.Kinerja.ComplianceReport", "{}"])
        #expect(call.status == 0 && call.stderr.isEmpty, "\(call)")
        #expect(try Self.decode(Kinerja.GetComplianceReport.Result.self, call).report == expected)

        // Before the IDL's type was renamed from ComplianceReport to Compliance, the method
        // replaced the type of the same name here and the client raised InvalidParameter client.reply.report.
        let typed = try ChildProcess.run(python, ["-c", Self.typedComplianceCall, address], timeout: 60)
        #expect(typed.status == 0 && typed.stderr.isEmpty, "\(typed)")
        #expect(try Self.decode(Kinerja.GetComplianceReport.Result.self, typed).report == expected)
    }

    @Test("an unknown field gets org.varlink.service.InvalidParameter")
    func unknownFieldIsInvalidParameter() throws {
        let python = try Self.python()
        let daemon = try DaemonProcess.started()
        let address = "unix:" + daemon.socketPath

        let bad = try Self.varlink(python, ["call", address + "/id.kinerja.Kinerja.GetStatus", #"{"bogus": 1}"#])
        #expect(bad.stderr.contains("org.varlink.service.InvalidParameter"), "\(bad)")
        #expect(bad.stderr.contains("bogus"), "the parameter is named: \(bad)")
        #expect(bad.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(bad)")

        let unknownMethod = try Self.varlink(python, ["call", address + "/id.kinerja.Kinerja.NoSuchMethod", "{}"])
        #expect(unknownMethod.stderr.contains("org.varlink.service.MethodNotFound"), "\(unknownMethod)")

        let good = try Self.varlink(python, ["call", address + "/id.kinerja.Kinerja.ShowCycle", #"{"cycle": "2026-2"}"#])
        #expect(good.status == 0 && good.stderr.isEmpty, "\(good)")
        let cycle = try Self.decode(Kinerja.ShowCycle.Result.self, good).cycle
        #expect(cycle.cycle == "2026-2" && cycle.start == "2026-07-01" && cycle.end == "2026-12-31")
        #expect(cycle.rulesYear == 2025, "2026 is judged by the newest older rules file (2025.toml)")
    }
}
