import Foundation
import GRDB
import KinerjaCore

/// The `person` table's row.
package struct PersonRow: Codable, FetchableRecord, Sendable {
    static let databaseTableName = "person"

    var id: String
    var nama: String
    var kepegawaian: String
    var active: Bool
    var email: String?
    var telepon: String?
    var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, nama, kepegawaian, active, email, telepon
        case updatedAt = "updated_at"
    }

    /// The columns a listing reads of a person, after its position's, in `init(listing:at:)`'s order.
    package static let listingColumns = "person.nama, person.kepegawaian, person.active, person.email, person.telepon"

    /// Reads ``listingColumns`` from column `i` of a row read straight from SQLite
    /// (`RowStatement`), the person of id `id`.
    init(id: String, listing row: RowColumns, at i: Int32) {
        self.init(
            id: id, nama: row.text(i) ?? "", kepegawaian: row.text(i + 1) ?? "", active: row.bool(i + 2), email: row.text(i + 3),
            telepon: row.text(i + 4), updatedAt: .distantPast)
    }

    package init(id: String, nama: String, kepegawaian: String, active: Bool, email: String? = nil, telepon: String? = nil, updatedAt: Date) {
        self.id = id
        self.nama = nama
        self.kepegawaian = kepegawaian
        self.active = active
        self.email = email
        self.telepon = telepon
        self.updatedAt = updatedAt
    }

    package func person() throws -> Person {
        guard let status = Kepegawaian(rawValue: kepegawaian) else {
            throw StoreError.damagedRow(table: "person", key: id, reason: "unknown kepegawaian '\(kepegawaian)'")
        }
        return Person(id: PersonID(trusted: id), nama: nama, kepegawaian: status, active: active, email: email, telepon: telepon)
    }
}
