/// Where ``JournalLogHandler`` sends records.
///
/// Why it is configurable: production wants the journal, a development machine
/// without journald wants readable stderr, and tests need to force one or the
/// other to assert on exact output.
public enum JournalDestination: Sendable, Hashable {
    /// Try the journal; when it is unreachable (socket missing, journald
    /// stopped, write refused) write the record to the fallback writer instead,
    /// so nothing is lost on a machine without journald.
    case automatic
    /// Journal only. A failed write is dropped, never duplicated to stderr
    /// (useful when stderr is itself captured by the journal).
    case journal
    /// Fallback writer only: one human-readable line per record.
    case stderr
}
