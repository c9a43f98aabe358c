import Foundation
import KinerjaCore
import KinerjaStore
import KinerjaStoreConformance

/// A directory of its own per test (tests run in parallel, each on its own database
/// file), removed by the test's `defer`: a deinit could run as soon as the last use of
/// the path, before the store on it is done.
final class TemporaryDirectory {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("kinerja-store-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { path + "/" + name }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// The conformance suite's district, with what only the SQLite adapter's tests need.
typealias Fixture = District

extension District {
    static let today = LocalDate(year: 2025, month: 3, day: 31)!

    /// A store at a fresh path with the district's roster and the cycle's plans.
    static func seededStore(in directory: TemporaryDirectory) async throws -> SQLiteStore {
        let store = try SQLiteStore(path: directory.file("kinerja.sqlite"))
        try await seed(store)
        return store
    }
}
