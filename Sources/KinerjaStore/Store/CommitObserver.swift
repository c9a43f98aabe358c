import GRDB
import Synchronization

/// Tells the store's listeners what each committed transaction touched, as SQLite reports
/// it: GRDB asks an observer, before each statement runs, whether it observes the kinds of
/// change SQLite's authorizer found in it (an insert into `plan_step`, …); the observer
/// notes the tables then and declines the row-by-row events, so that an import of a
/// hundred thousand rows costs it nothing per row (and `WITHOUT ROWID` tables, which the
/// update hook never reports, are seen like the others). Nothing is declared by the code
/// that writes, so no write can forget to say what it changed; a statement that changed
/// no row still counts, which only makes a listener look again. Runs on the writer's
/// queue, right after the commit, before the writing call returns.
final class CommitObserver: TransactionObserver, Sendable {
    private let touched = Mutex(StoreChange())
    private let listeners = Mutex<[@Sendable (StoreChange) -> Void]>([])

    func add(_ listener: @escaping @Sendable (StoreChange) -> Void) {
        listeners.withLock { $0.append(listener) }
    }

    func notify(_ change: StoreChange) {
        for listener in listeners.withLock({ $0 }) { listener(change) }
    }

    func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool {
        let table: String
        switch eventKind {
        case .insert(let name), .delete(let name): table = name
        case .update(let name, _): table = name
        }
        let part = CommitObserver.part(of: table)
        touched.withLock { $0.formUnion(part) }
        return false
    }

    func databaseDidChange(with event: DatabaseEvent) {}

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
        case "person", "position", "sekolah_binaan", "official": return .roster
        case "plan", "precondition", "plan_step", "plan_rhk", "plan_perilaku", "plan_sekolah", "plan_refleksi", "plan_block", "plan_revision":
            return .plans
        case "reminder_log": return .reminders
        case "hook_delivery": return .deliveries
        case "silence": return .silences
        case "acknowledgement": return .acknowledgements
        case "audit": return .audit
        case "scheduler_state": return .scheduler
        // A daemon's sign of life, read by the daemons' beats only: nothing a listener keeps.
        case "daemon_heartbeat": return []
        default: return .everything
        }
    }
}
