import ArgumentParser
import Foundation
import KinerjaStorePostgres

extension Kinerjad {
    /// `--copy-store FROM TO`: a whole store between a SQLite file and a PostgreSQL
    /// database (`StoreCopy`), each table's rows on stdout as copied and counted; an error
    /// (a target not empty, counts that differ, a database that does not answer) on stderr,
    /// exit status 1.
    static func copy(from: String, to: String) async throws {
        let started = ContinuousClock.now
        let counts: StoreCopy.Counts
        // `validate()` made sure exactly one side is a url.
        guard let url = PostgresStoreURL(to) ?? PostgresStoreURL(from) else { throw ValidationError("--copy-store needs a postgresql:// url on one side") }
        do {
            let postgres = try await PostgresStore.open(url: url)
            do {
                counts = PostgresStoreURL(to) != nil
                    ? try await StoreCopy.copy(sqlite: from, to: postgres) : try await StoreCopy.copy(postgres, toSQLite: to)
            } catch {
                try? await postgres.close()
                throw error
            }
            try await postgres.close()
        } catch {
            printError("cannot copy \(from) to \(to): \(error)")
            throw ExitCode(1)
        }
        for (table, rows) in counts { print("\(table)\t\(rows)") }
        let elapsed = (ContinuousClock.now - started).components
        let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
        printError("copied \(counts.reduce(0) { $0 + $1.rows }) rows from \(from) to \(to) in \(String(format: "%.1f", seconds)) s; every table's count matches")
    }
}
