import Foundation

/// A generated district for the fault tests: principals with valid, distinct NIPs at
/// distinct schools, every tenth row a supervisor, all under one Kepala Dinas. Every name starts with
/// `tag` and a space, so a test can tell which import last wrote a person's row.
struct GeneratedRoster {
    let rows: Int
    let tag: String

    static let kepalaDinas = "196808141994031005"

    /// Row `index`'s NIP: birth date, appointment month, gender and serial, unique for
    /// `index` below 299,700 (the date parts repeat every 2,100 rows, the serial moves on every 300).
    static func nip(_ index: Int) -> String {
        let birthYear = 1965 + index % 25
        let month = 1 + index % 12, day = 1 + index % 28
        let serial = 1 + (index / 300) % 999
        return String(format: "%04d%02d%02d%04d%02d%d%03d", birthYear, month, day, birthYear + 25, month, 1 + index % 2, serial)
    }

    static func isSupervisor(_ index: Int) -> Bool { index % 10 == 9 }

    /// The NIPs of the principals among the first `rows` rows, in row order.
    static func principals(rows: Int) -> [String] {
        (0..<rows).filter { !isSupervisor($0) }.map(nip)
    }

    var csv: String {
        var out = "id,kepegawaian,nama,peran,jabatan,npsn,nama_sekolah,atasan_id,tim_kinerja,pejabat_penilai_id,sekolah_binaan\n"
        let kadis = Self.kepalaDinas
        for index in 0..<rows {
            let nip = Self.nip(index)
            if Self.isSupervisor(index) {
                out += "\(nip),pns,\(tag) Pengawas \(index),pengawas_sekolah,,,,\(kadis),,\(kadis),\n"
            } else {
                let npsn = String(format: "2%07d", index)
                out += "\(nip),pns,\(tag) Kepala Sekolah \(index),kepala_sekolah,definitif,\(npsn),Sekolah \(index),\(kadis),,\(kadis),\n"
            }
        }
        return out
    }

    /// Writes the CSV to `path` (replacing it) and returns the path.
    @discardableResult
    func write(to path: String) throws -> String {
        try csv.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
