import ArgumentParser
import KinerjactlCore

/// kinerjactl's exit codes as ArgumentParser throws them (``ExitStatus`` says what each means).
enum Exit {
    static let refused = ExitCode(ExitStatus.refused)
    static let usage = ExitCode(ExitStatus.usage)
    static let unreachable = ExitCode(ExitStatus.unreachable)
    static let permissionDenied = ExitCode(ExitStatus.permissionDenied)
}

extension ExitCode {
    init(_ status: ExitStatus) { self.init(status.rawValue) }
}
