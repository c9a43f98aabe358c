import Synchronization

/// Thread-safe sink for ``JournalLogHandler`` fallback lines, so tests can
/// assert on what would have gone to stderr.
final class LineCollector: Sendable {
    private let storage = Mutex<[String]>([])

    var lines: [String] { storage.withLock { $0 } }

    func append(_ line: String) {
        storage.withLock { $0.append(line) }
    }
}
