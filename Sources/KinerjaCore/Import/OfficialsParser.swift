/// Reads an officials file (`kinerjactl import officials`): one row per official the roster
/// names by id, with `id`, `nama`, `jabatan` and optional `email`, `telepon`.
public enum OfficialsParser {
    public static let columns = ["id", "nama", "jabatan"] + CSVRecord.contactColumns
    public static let requiredColumns = ["id", "nama", "jabatan"]

    /// The good rows of a table (a CSV's, a workbook sheet's) and a problem for every bad one.
    public static func parse(_ table: CSVTable) -> (lines: [OfficialLine], problems: [ImportProblem]) {
        var seen: [PersonID: Int] = [:]
        return CSVRecord.parse(table, columns: columns, required: requiredColumns) { (r: CSVRecord) throws(ImportProblem) -> OfficialLine in
            guard let idText = r["id"] else { throw r.problem(id: "id kosong", en: "id is empty") }
            let id: PersonID
            do throws(PersonIDError) { id = try PersonID(validating: idText) } catch { throw r.problem(error) }
            if let line = seen[id] {
                throw r.problem(id: "id \(id) sudah ada di baris \(line)", en: "id \(id) is already on line \(line)")
            }
            guard let nama = r["nama"] else { throw r.problem(id: "nama kosong", en: "nama is empty") }
            guard let jabatan = r["jabatan"] else {
                throw r.problem(id: "jabatan kosong, mis. Kepala Dinas Pendidikan", en: "jabatan is empty, e.g. Kepala Dinas Pendidikan")
            }
            let (email, telepon) = try r.contact()
            seen[id] = r.line
            return OfficialLine(line: r.line, official: Official(id: id, nama: nama, jabatan: jabatan, email: email, telepon: telepon))
        }
    }

    public static func parse(_ text: String) -> (lines: [OfficialLine], problems: [ImportProblem]) {
        CSVRecord.parse(text, through: parse)
    }
}

/// One good row of an officials file.
public struct OfficialLine: Hashable, Sendable {
    public let line: Int
    public let official: Official
}
