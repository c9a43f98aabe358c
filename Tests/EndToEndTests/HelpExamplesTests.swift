import Foundation
import Testing

/// Every example a help screen gives runs as written on the example district (on its day,
/// 25 November 2026): the same commands in both languages, each command's examples in order
/// on a fresh daemon.
@Suite("Examples in --help")
struct HelpExamplesTests {
    /// Commands whose examples import the progress file: their daemon has the roster only.
    static let importing: Set<[String]> = [["import"], ["import", "progress"]]

    @Test("each command's examples, in Bahasa Indonesia and English alike, exit 0 on the example district")
    func examplesRun() throws {
        var total = 0
        for command in HelpScreens.commands {
            let indonesian = CommandLines.commands(in: try HelpScreens.help(command, language: nil).stdout.split(separator: "\n"))
            let english = CommandLines.commands(in: try HelpScreens.help(command, language: "en").stdout.split(separator: "\n"))
            #expect(indonesian == english, "\(command): the two languages give other examples")
            guard !english.isEmpty else { continue }
            total += english.count

            let daemon = try DaemonProcess.started(clockStart: TestEnvironment.exampleClockStart)
            let cli = CLI(daemon)
            _ = try cli.importFile("roster", TestEnvironment.example("roster.csv"))
            if !Self.importing.contains(command) { _ = try cli.importFile("progress", TestEnvironment.example("progress.csv")) }
            let directory = try CommandLines.workingDirectory(for: daemon)
            defer { TestEnvironment.removeTree(directory) }
            for example in english {
                let result = try CommandLines.run(example, exports: ["export PATH=\"$PWD/.build/debug:$PATH\" KINERJA_SOCKET=\"$PWD/.state/kinerja.sock\""], in: directory)
                #expect(result.status == 0, "`kinerjactl \(command.joined(separator: " ")) --help`: \(result)")
            }
        }
        #expect(total >= 35, "examples found: \(total)")
    }
}
