import Foundation
import KinerjaRPC
@testable import KinerjaRPCServer
import Testing

/// Runs the Python reference client (`pip install varlink==31.0.0`) against the server:
/// `$KINERJA_PYTHON` (set by `make test` to its venv), else `python3` on PATH.
/// Skipped when that package is not installed, which `make test` never allows.
@Suite("Python reference client", .timeLimit(.minutes(1)))
struct InteropTests {
    static let pythonVarlinkAvailable: Bool = {
        (try? run(["-c", "import varlink"]))?.status == 0
    }()

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String]) throws -> Output {
        let process = Process()
        if let python = ProcessInfo.processInfo.environment["KINERJA_PYTHON"] {
            process.executableURL = URL(fileURLWithPath: python)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3"] + arguments
        }
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus,
            stdout: String(decoding: out, as: UTF8.self),
            stderr: String(decoding: err, as: UTF8.self)
        )
    }

    static func cli(_ arguments: [String]) async throws -> Output {
        try await onThread { try run(["-m", "varlink.cli"] + arguments) }
    }

    @Test(.enabled(if: pythonVarlinkAvailable))
    func referenceClientTalksToTheServer() async throws {
        let (server, path) = try await startServer()

        let info = try await Self.cli(["info", "unix:\(path)"])
        #expect(info.status == 0, "\(info.stderr)")
        #expect(info.stdout.contains("Vendor: Kinerja"))
        #expect(info.stdout.contains("id.kinerja.Test"))
        #expect(info.stdout.contains("org.varlink.service"))

        let call = try await Self.cli(["call", "unix:\(path)/id.kinerja.Test.Ping", #"{"message": "py", "times": 2}"#])
        #expect(call.status == 0, "\(call.stderr)")
        #expect(try JSONValue(parsing: call.stdout) == ["pong": "pypy"])

        let stream = try await Self.cli(["call", "-m", "unix:\(path)/id.kinerja.Test.Count", #"{"upTo": 3}"#])
        #expect(stream.status == 0, "\(stream.stderr)")
        let values = stream.stdout.split(separator: "}").compactMap { chunk -> Int64? in
            try? JSONValue(parsing: String(chunk) + "}")["value"]?.intValue
        }
        #expect(values == [1, 2, 3])

        let bad = try await Self.cli(["call", "unix:\(path)/id.kinerja.Test.Ping", #"{"message": "py", "colour": "red"}"#])
        #expect(bad.stderr.contains("org.varlink.service.InvalidParameter"))
        #expect(bad.stderr.contains("colour"))

        // The reference IDL scanner accepts the org.varlink.service description we serve.
        let parse = try await onThread {
            try Self.run([
                "-c",
                """
                import sys, varlink
                c = varlink.Client.new_with_address('unix:\(path)')
                for name in ['org.varlink.service', 'id.kinerja.Test']:
                    iface = c.get_interface(name)
                    print(iface.name)
                """,
            ])
        }
        #expect(parse.status == 0, "\(parse.stderr)")
        #expect(parse.stdout.split(separator: "\n") == ["org.varlink.service", "id.kinerja.Test"])

        await server.shutdown()
    }
}
