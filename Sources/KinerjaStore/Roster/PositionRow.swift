import Foundation
import GRDB
import KinerjaCore

/// The `position` table's row: keyed by person, role and school (the empty string for a
/// supervisor, whose position has no school of its own).
package struct PositionRow: Sendable {
    static let databaseTableName = "position"

    package var personID: String
    package var role: String
    package var npsn: String
    package var jabatan: String
    package var namaSekolah: String?
    package var atasanID: String?
    /// JSON array of person ids.
    package var timKinerja: String
    package var pejabatPenilaiID: String?
    /// JSON array of NPSNs, in the roster's order.
    package var sekolahBinaan: String
    package var active: Bool
    package var kecamatan: String?
    package var jenjang: String?
    package var updatedAt: Date

    package init(_ position: Position, at: Date) {
        personID = position.key.personID.rawValue
        role = position.key.role.rawValue
        npsn = PositionRow.npsnColumn(position.key.npsn)
        jabatan = position.jabatan.rawValue
        namaSekolah = position.namaSekolah
        atasanID = position.atasanID?.rawValue
        timKinerja = JSONText.list(position.timKinerja.map(\.rawValue))
        pejabatPenilaiID = position.pejabatPenilaiID?.rawValue
        sekolahBinaan = JSONText.list(position.sekolahBinaan.map(\.rawValue))
        active = position.active
        kecamatan = position.kecamatan
        jenjang = position.jenjang
        updatedAt = at
    }

    /// A row as a database returned it (the columns of ``listingColumns``, in order).
    package init(
        personID: String, role: String, npsn: String, jabatan: String, namaSekolah: String?, atasanID: String?, timKinerja: String,
        pejabatPenilaiID: String?, sekolahBinaan: String, active: Bool, kecamatan: String?, jenjang: String?
    ) {
        self.personID = personID
        self.role = role
        self.npsn = npsn
        self.jabatan = jabatan
        self.namaSekolah = namaSekolah
        self.atasanID = atasanID
        self.timKinerja = timKinerja
        self.pejabatPenilaiID = pejabatPenilaiID
        self.sekolahBinaan = sekolahBinaan
        self.active = active
        self.kecamatan = kecamatan
        self.jenjang = jenjang
        updatedAt = .distantPast
    }

    /// The columns ``init(columns:)`` reads, in its order.
    package static let listingColumns = """
        position.person_id, position.role, position.npsn, position.jabatan, position.nama_sekolah, \
        position.atasan_id, position.tim_kinerja, position.pejabat_penilai_id, position.sekolah_binaan, position.active, \
        position.kecamatan, position.jenjang
        """
    /// How many columns ``listingColumns`` are: a query's own columns follow them.
    static let listingColumnCount: Int32 = 12

    /// Reads ``listingColumns`` from a row read straight from SQLite (`RowStatement`), by
    /// index: listings and every reminder pass read all positions of the office. The time
    /// of the last change is not listed.
    init(columns c: RowColumns) {
        personID = c.text(0) ?? ""
        role = c.text(1) ?? ""
        npsn = c.text(2) ?? ""
        jabatan = c.text(3) ?? ""
        namaSekolah = c.text(4)
        atasanID = c.text(5)
        timKinerja = c.text(6) ?? "[]"
        pejabatPenilaiID = c.text(7)
        sekolahBinaan = c.text(8) ?? "[]"
        active = c.bool(9)
        kecamatan = c.text(10)
        jenjang = c.text(11)
        updatedAt = .distantPast
    }

    /// The `npsn` column's value for a key's school.
    package static func npsnColumn(_ npsn: NPSN?) -> String { npsn?.rawValue ?? "" }

    var keyText: String { "\(personID)/\(role)/\(npsn)" }

    package func position() throws -> Position {
        guard let role = Role(rawValue: role) else {
            throw StoreError.damagedRow(table: "position", key: keyText, reason: "unknown role '\(self.role)'")
        }
        guard let jabatan = Jabatan(rawValue: jabatan) else {
            throw StoreError.damagedRow(table: "position", key: keyText, reason: "unknown jabatan '\(self.jabatan)'")
        }
        let team = try JSONText.decodeList(timKinerja, table: "position", key: keyText)
        let schools = try JSONText.decodeList(sekolahBinaan, table: "position", key: keyText)
        return Position(
            key: PositionKey(personID: PersonID(trusted: personID), role: role, npsn: npsn.isEmpty ? nil : NPSN(trusted: npsn)),
            jabatan: jabatan, namaSekolah: namaSekolah, atasanID: atasanID.map(PersonID.init(trusted:)),
            timKinerja: team.map(PersonID.init(trusted:)), pejabatPenilaiID: pejabatPenilaiID.map(PersonID.init(trusted:)),
            sekolahBinaan: schools.map(NPSN.init(trusted:)), active: active, kecamatan: kecamatan, jenjang: jenjang)
    }
}
