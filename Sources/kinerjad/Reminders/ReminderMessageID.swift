import KinerjaCore

/// The journal MESSAGE_ID of each reminder kind: fixed forever, documented in
/// systemd/kinerja.catalog so that `journalctl -x` explains an entry and
/// `journalctl MESSAGE_ID=…` finds every reminder of a kind.
enum ReminderMessageID {
    static func of(_ kind: ReminderKind) -> String {
        switch kind {
        case .lead: return "5e7b5c6d3b5d4791ba08a97e1a2d93b2"
        case .due: return "8319cef1524f4d6e8d747098f0258724"
        case .overdue: return "02ebd28ec11d4a6a84c461d879a0bb6f"
        case .escalation: return "ed4a7ac0198f4e408af76bc1efe6d528"
        case .blocked: return "0157c12b6f364e5e998a9e5c6a690136"
        }
    }
}
