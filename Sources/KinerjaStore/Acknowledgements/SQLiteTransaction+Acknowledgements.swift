import Foundation
import GRDB
import KinerjaCore

extension SQLiteTransaction {
    /// Stores the acknowledgement with an audit row on the plan; false (and no audit row)
    /// when this reminder was acknowledged before. The reminder need not be in the log:
    /// an upcoming one seen in a preview can be acknowledged ahead.
    func acknowledge(reminderID: String, actor: AuditActor, at: Date) throws -> Bool {
        guard let key = AcknowledgementKey(occurrenceID: reminderID) else {
            throw StoreError.malformedReminderID(reminderID)
        }
        try db.execute(sql: """
            INSERT OR IGNORE INTO acknowledgement (reminder_id, plan_id, step, due, acked_at, uid, user)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [reminderID, key.planID, key.step, key.due, at, Int64(actor.uid), actor.user])
        guard db.changesCount > 0 else { return false }
        let after = AuditJSON.object([("reminder", reminderID), ("step", key.step), ("due", key.due)])
        try appendAudit(action: "reminder acknowledged", subject: key.planID, before: nil, after: after, actor: actor, at: at)
        return true
    }

    /// The key of every acknowledgement of the given plans (all plans when nil).
    func acknowledgedKeys(planIDs: [String]?) throws -> Set<AcknowledgementKey> {
        let sql = "SELECT DISTINCT plan_id, step, due FROM acknowledgement"
        var rows: [Row] = []
        if let planIDs {
            for batch in SQLChunks.batches(Array(Set(planIDs))) {
                rows += try Row.fetchAll(
                    db, sql: sql + " WHERE plan_id IN (\(batch.placeholders))", arguments: StatementArguments(batch.values))
            }
        } else {
            rows = try Row.fetchAll(db, sql: sql)
        }
        return Set(rows.map { AcknowledgementKey(planID: $0["plan_id"], step: $0["step"], due: $0["due"]) })
    }
}
