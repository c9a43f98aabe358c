import Foundation
import KinerjaRPC
import KinerjactlCore
import Testing

/// kinerjactl's exit codes: what each failure of a call maps to, and that the README's table
/// says the same.
@Suite("kinerjactl's exit codes")
struct ExitStatusTests {
    @Test("each failure of a call has its documented code")
    func failures() {
        #expect(ExitStatus(.notReachable(path: "/run/kinerja/kinerja.sock", reason: "No such file or directory")) == .unreachable)
        #expect(ExitStatus(.timeout) == .unreachable)
        #expect(ExitStatus(.protocolError("closed")) == .unreachable)
        #expect(ExitStatus(.accessDenied(path: "/run/kinerja/kinerja.sock")) == .permissionDenied, "a socket this user may not open: 4, not 3")
        #expect(ExitStatus(.remote(.permissionDenied)) == .permissionDenied)
        #expect(ExitStatus(.remote(VarlinkError(name: KinerjaError.transitionRefused))) == .refused)
        #expect(ExitStatus(.remote(VarlinkError(name: KinerjaError.importRejected))) == .refused)
    }

    @Test("the codes are README's table of kinerjactl exit codes")
    func readmeTable() throws {
        let readme = try String(contentsOfFile: Self.packageRoot + "/README.md", encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "## kinerjactl exit codes").dropFirst().first)
        let codes = section.split(separator: "\n").prefix { !$0.hasPrefix("#") }.compactMap { line -> Int32? in
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            return cells.first.flatMap { Int32($0) }
        }
        #expect(codes == ExitStatus.allCases.map(\.rawValue))
    }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
}
