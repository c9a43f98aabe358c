import Foundation
import KinerjaCore
import KinerjaDrill

// kinerja-drill: one kinerjad, never restarted, on an accelerated clock over the example
// district, driven through a scripted year with kinerjactl, then checked from the journal
// and the hook's log (see KinerjaDrill). `make drill` runs it from 2026-12-20 to 2028-01-05.
//
//   kinerja-drill [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--rate N] [--bin-dir DIR] [--root DIR]

func option(_ name: String) -> String? {
    let arguments = Array(CommandLine.arguments.dropFirst())
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}
let root = option("--root") ?? FileManager.default.currentDirectoryPath
let binDirectory = option("--bin-dir") ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path
guard let from = LocalDate(option("--from") ?? "2026-12-20"), let to = LocalDate(option("--to") ?? "2028-01-05"), from < to,
      let rate = Int(option("--rate") ?? "100000"), rate >= 1
else {
    FileHandle.standardError.write(Data("usage: kinerja-drill [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--rate N] [--bin-dir DIR] [--root DIR]\n".utf8))
    exit(2)
}
let options = DrillOptions(binDirectory: binDirectory, packageRoot: root, from: from, to: to, rate: rate) { line in
    FileHandle.standardError.write(Data("drill: \(line)\n".utf8))
}
do {
    let report = try Drill.run(options)
    print("Drill \(report.firstDay) → \(report.lastDay), one kinerjad at ×\(report.rate), \(Int(report.seconds.rounded())) s")
    print(report.table)
    print("plans made before their cycle's first instant: \(report.eveChecked.joined(separator: ", "))")
    print("closed cycles: \(report.closed.joined(separator: "; "))")
    if report.failures.isEmpty {
        print("drill passed")
    } else {
        print("drill FAILED, \(report.failures.count) problems:")
        for failure in report.failures.prefix(50) { print("  - \(failure)") }
        exit(1)
    }
} catch {
    FileHandle.standardError.write(Data("kinerja-drill: \(error)\n".utf8))
    exit(1)
}
