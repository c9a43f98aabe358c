import GRDB
import Synchronization

/// Tells the store's listeners what each committed transaction touched, as SQLite reports
/// it (GRDB's `TransactionObserver`: the update hook, then the commit hook): nothing is
/// declared by the code that writes, so no write can forget to say what it changed. Runs on
/// the writer's queue, right after the commit, before the writing call returns.
final class CommitObserver: TransactionObserver, Sendable {
    private let touched = Mutex(StoreChange())
    private let listeners = Mutex<[@Sendable (StoreChange) -> Void]>([])

    func add(_ listener: @escaping @Sendable (StoreChange) -> Void) {
        listeners.withLock { $0.append(listener) }
    }

    func notify(_ change: StoreChange) {
        for listener in listeners.withLock({ $0 }) { listener(change) }
    }

    func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool { true }

    func databaseDidChange(with event: DatabaseEvent) {
        let part = CommitObserver.part(of: event.tableName)
        touched.withLock { $0.formUnion(part) }
    }

    func databaseDidCommit(_ db: Database) {
        let change = touched.withLock { change in
            defer { change = [] }
            return change
        }
        if !change.isEmpty { notify(change) }
    }

    func databaseDidRollback(_ db: Database) {
        touched.withLock { $0 = [] }
    }

    /// The part of the store a table holds; a table this code does not know (added by hand)
    /// counts as everything.
    static func part(of table: String) -> StoreChange {
        switch table {
        case "person", "position", "sekolah_binaan": return .roster
        case "plan", "plan_step", "plan_rhk", "plan_perilaku", "plan_sekolah", "plan_refleksi", "plan_block", "plan_revision":
            return .plans
        case "reminder_log": return .reminders
        case "hook_delivery": return .deliveries
        case "silence": return .silences
        case "acknowledgement": return .acknowledgements
        case "audit": return .audit
        case "scheduler_state": return .scheduler
        default: return .everything
        }
    }
}
