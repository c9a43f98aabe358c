import Foundation
import KinerjaCore
import KinerjaStore
import PostgresNIO

/// Silences and acknowledgements: what stops reminders, kept and audited.
extension PostgresStore {
    static let silenceColumns = "id, person_id, npsn, until, reason, created_at, created_uid, created_user, removed_at"

    public func addSilence(personID: String?, npsn: String?, until: String, reason: String, actor: AuditActor, at: Date) async throws -> Silence {
        let request = try SilenceRequest(personID: personID, npsn: npsn, until: until, reason: reason)
        return try await writing([.silences, .audit]) { connection, logger in
            let rows = try await connection.query("""
                INSERT INTO silence (person_id, npsn, until, reason, created_at, created_uid, created_user)
                VALUES (\(request.personID), \(request.npsn), \(request.until), \(request.reason), \(at), \(Int64(actor.uid)), \(actor.user))
                RETURNING \(unescaped: PostgresStore.silenceColumns)
                """, logger: logger)
            guard let silence = try await PostgresStore.decodeSilences(rows).first else {
                throw StoreError.damagedRow(table: "silence", key: request.until, reason: "the insert returned no row")
            }
            try await PostgresStore.appendAudit(
                connection, logger, action: "silence added", subject: silence.auditSubject, before: nil,
                after: try JSONText.encode(SilenceAuditForm(silence)), actor: actor, at: at)
            return silence
        }
    }

    /// Active on a day (`until` inclusive) and, unless `includeRemoved`, not removed; every
    /// one without a day. Oldest first.
    public func silences(activeOn date: String?, includeRemoved: Bool) async throws -> [Silence] {
        try await reading { connection, logger in
            let rows = try await connection.query("""
                SELECT \(unescaped: PostgresStore.silenceColumns) FROM silence
                WHERE (\(date)::text IS NULL OR until >= \(date)) AND (\(includeRemoved) OR removed_at IS NULL)
                ORDER BY id
                """, logger: logger)
            return try await PostgresStore.decodeSilences(rows)
        }
    }

    /// Sets `removed_at` with an audit row; a silence removed before is returned as it is.
    public func removeSilence(id: Int64, actor: AuditActor, at: Date) async throws -> Silence? {
        try await writing([.silences, .audit]) { connection, logger in
            let found = try await connection.query(
                "SELECT \(unescaped: PostgresStore.silenceColumns) FROM silence WHERE id = \(id) FOR UPDATE", logger: logger)
            guard let before = try await PostgresStore.decodeSilences(found).first else { return nil }
            guard before.removedAt == nil else { return before }
            let updated = try await connection.query(
                "UPDATE silence SET removed_at = \(at) WHERE id = \(id) RETURNING \(unescaped: PostgresStore.silenceColumns)", logger: logger)
            guard let after = try await PostgresStore.decodeSilences(updated).first else { return nil }
            try await PostgresStore.appendAudit(
                connection, logger, action: "silence removed", subject: after.auditSubject,
                before: try JSONText.encode(SilenceAuditForm(before)), after: try JSONText.encode(SilenceAuditForm(after)), actor: actor, at: at)
            return after
        }
    }

    static func decodeSilences(_ rows: PostgresRowSequence) async throws -> [Silence] {
        var silences: [Silence] = []
        for try await (id, person, npsn, until, reason, createdAt, uid, user, removedAt) in rows.decode(
            (Int64, String?, String?, String, String, Date, Int64, String, Date?).self)
        {
            silences.append(Silence(
                id: id, personID: person, npsn: npsn, until: until, reason: reason, createdAt: createdAt,
                createdBy: AuditActor(uid: UInt32(truncatingIfNeeded: uid), user: user), removedAt: removedAt))
        }
        return silences
    }

    /// Stores the acknowledgement with an audit row on the plan; false (no audit row) when
    /// it was acknowledged before. The reminder need not be in the log.
    public func acknowledge(reminderID: String, actor: AuditActor, at: Date) async throws -> Bool {
        guard let key = AcknowledgementKey(occurrenceID: reminderID) else { throw StoreError.malformedReminderID(reminderID) }
        return try await writing([.acknowledgements, .audit]) { connection, logger in
            let rows = try await connection.query("""
                INSERT INTO acknowledgement (reminder_id, plan_id, step, due, acked_at, uid, "user")
                VALUES (\(reminderID), \(key.planID), \(key.step), \(key.due), \(at), \(Int64(actor.uid)), \(actor.user))
                ON CONFLICT DO NOTHING RETURNING 1
                """, logger: logger)
            var added = false
            for try await _ in rows { added = true }
            guard added else { return false }
            let after = AuditJSON.object([("reminder", reminderID), ("step", key.step), ("due", key.due)])
            try await PostgresStore.appendAudit(
                connection, logger, action: "reminder acknowledged", subject: key.planID, before: nil, after: after, actor: actor, at: at)
            return true
        }
    }

    public func acknowledgedKeys(planIDs: [String]?) async throws -> Set<AcknowledgementKey> {
        let plans = planIDs.map { Array(Set($0)) }
        return try await reading { connection, logger in
            let rows = try await connection.query("""
                SELECT DISTINCT plan_id, step, due FROM acknowledgement WHERE \(plans == nil) OR plan_id = ANY(\(plans ?? []))
                """, logger: logger)
            var keys = Set<AcknowledgementKey>()
            for try await (plan, step, due) in rows.decode((String, String, String).self) {
                keys.insert(AcknowledgementKey(planID: plan, step: step, due: due))
            }
            return keys
        }
    }
}
