import Foundation
import GRDB
import KinerjaCore

/// The `person` table's row.
struct PersonRow: Codable, FetchableRecord, Sendable {
    static let databaseTableName = "person"

    var id: String
    var nama: String
    var kepegawaian: String
    var active: Bool
    var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, nama, kepegawaian, active
        case updatedAt = "updated_at"
    }

    func person() throws -> Person {
        guard let status = Kepegawaian(rawValue: kepegawaian) else {
            throw StoreError.damagedRow(table: "person", key: id, reason: "unknown kepegawaian '\(kepegawaian)'")
        }
        return Person(id: PersonID(trusted: id), nama: nama, kepegawaian: status, active: active)
    }
}
