import GRDB
import KinerjaCore

extension SQLiteTransaction {
    /// The names the roster gives these schools (a principal's row names its school).
    func schoolNames(_ npsns: Set<NPSN>) throws -> [NPSN: String] {
        var names: [NPSN: String] = [:]
        for batch in SQLChunks.batches(npsns.map(\.rawValue)) {
            let sql = "SELECT npsn, nama_sekolah FROM position WHERE npsn IN (\(batch.placeholders)) AND nama_sekolah IS NOT NULL"
            for row in try Row.fetchAll(db, sql: sql, arguments: StatementArguments(batch.values)) {
                names[NPSN(trusted: row[0])] = row[1]
            }
        }
        return names
    }
}
