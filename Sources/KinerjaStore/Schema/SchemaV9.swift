import GRDB

/// Migration 9: Penilaian Kinerja (stage 5), the three steps that follow Pelaksanaan.
///
/// - `plan_step.rating_praktik`, `rating_perilaku`: the Tim Kinerja's two ratings at
///   `penilaian`; `predikat`, `alasan`: the Pejabat Penilai's predikat at
///   `penetapan-predikat` and the reason for one against the matrix. Columns, not JSON, so
///   the predikat report counts them in SQL.
/// - The steps are appended to each workflow, so a plan that had done every step (its
///   `current_index` the old workflow's length) now stands at `penilaian`: the derived
///   columns are derived again under the rules at the next start (`facts_rules = NULL`).
enum SchemaV9 {
    static let identifier = "v9-penilaian-predikat"

    @Sendable
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE plan_step ADD COLUMN rating_praktik TEXT;
            ALTER TABLE plan_step ADD COLUMN rating_perilaku TEXT;
            ALTER TABLE plan_step ADD COLUMN predikat TEXT;
            ALTER TABLE plan_step ADD COLUMN alasan TEXT;
            UPDATE plan SET facts_rules = NULL;
            """)
    }
}
