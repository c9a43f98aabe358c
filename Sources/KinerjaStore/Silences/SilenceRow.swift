import Foundation
import GRDB

/// The `silence` table's row. Removing a silence sets `removed_at`; rows are never
/// deleted.
struct SilenceRow: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    static let databaseTableName = "silence"

    var id: Int64?
    var personID: String?
    var npsn: String?
    var until: String
    var reason: String
    var createdAt: Date
    var createdUID: Int64
    var createdUser: String
    var removedAt: Date?

    enum CodingKeys: String, CodingKey {
        case id
        case personID = "person_id"
        case npsn, until, reason
        case createdAt = "created_at"
        case createdUID = "created_uid"
        case createdUser = "created_user"
        case removedAt = "removed_at"
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    var silence: Silence {
        Silence(
            id: id ?? 0, personID: personID, npsn: npsn, until: until, reason: reason, createdAt: createdAt,
            createdBy: AuditActor(uid: UInt32(truncatingIfNeeded: createdUID), user: createdUser), removedAt: removedAt)
    }
}

/// A silence as its audit rows show it: instants as ISO-8601 text, readable by whoever
/// looks at the history (the default JSON form of a `Date` is a bare number).
package struct SilenceAuditForm: Encodable {
    var personID: String?
    var npsn: String?
    var until: String
    var reason: String
    var createdAt: String
    var createdBy: AuditActor
    var removedAt: String?

    package init(_ silence: Silence) {
        personID = silence.personID
        npsn = silence.npsn
        until = silence.until
        reason = silence.reason
        createdAt = silence.createdAt.formatted(.iso8601)
        createdBy = silence.createdBy
        removedAt = silence.removedAt?.formatted(.iso8601)
    }
}
