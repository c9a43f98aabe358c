import Foundation
import Systemd

/// Writes one journal entry per digest of fired reminders through sd_journal_sendv, or, without a
/// journal (a development machine), one line with the same fields on stderr.
struct ReminderJournal: Sendable {
    /// Where entries go: journald; tests count them.
    var send: @Sendable ([(String, String)]) throws -> Void = { try Journal.send($0) }
    /// Where lines go without a journal; tests capture them.
    var fallback: @Sendable (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }

    func write(_ digest: FiredDigest) {
        let fields = digest.journalFields
        do {
            try send(fields)
        } catch {
            let rest = fields.dropFirst().map { "\($0.0)=\($0.1)" }.joined(separator: " ")
            fallback("kinerjad: \(digest.message) \(rest)")
        }
    }
}
