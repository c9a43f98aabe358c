import Foundation
import KinerjaStore

/// The checks every `OfficeStore` adapter must pass, written against the port alone: the
/// SQLite adapter's tests run them, and so must any later adapter's (PostgreSQL). Each check
/// gets a fresh, empty store from the adapter's factory and closes it at the end.
///
///     @Test(arguments: StoreConformance.checks)
///     func conformance(_ check: StoreCheck) async throws { try await check.run(makeStore) }
public enum StoreConformance {
    public static let checks: [StoreCheck] =
        RosterChecks.all + PlanChecks.all + RuleChecks.all + ReminderChecks.all + DeliveryChecks.all + SilenceChecks.all
        + ChangeChecks.all + OfficeViewChecks.all + PreconditionChecks.all
}

/// Makes an empty store of the adapter under test (a new file, a new schema).
public typealias StoreFactory = @Sendable () async throws -> any OfficeStore

/// One check of the suite.
public struct StoreCheck: Sendable, CustomStringConvertible {
    public let name: String
    let body: @Sendable (any OfficeStore, StoreFactory) async throws -> Void

    init(_ name: String, _ body: @escaping @Sendable (any OfficeStore) async throws -> Void) {
        self.name = name
        self.body = { store, _ in try await body(store) }
    }

    /// A check that needs more than one store handle on the same data is given the factory
    /// too; it must not assume what the factory makes beyond "an empty store".
    init(_ name: String, factory body: @escaping @Sendable (any OfficeStore, StoreFactory) async throws -> Void) {
        self.name = name
        self.body = body
    }

    public var description: String { name }

    /// Runs the check on a new store from `factory`, closing the store afterwards.
    public func run(_ factory: @escaping StoreFactory) async throws {
        let store = try await factory()
        do {
            try await body(store, factory)
        } catch {
            try? await store.close()
            throw error
        }
        try await store.close()
    }
}

/// A check that did not hold: what was expected, and what the store did.
public struct ConformanceFailure: Error, CustomStringConvertible {
    public let description: String
}

/// Fails the check with `message` unless `condition` holds.
func expect(_ condition: Bool, _ message: @autoclosure () -> String, line: Int = #line) throws {
    guard condition else { throw ConformanceFailure(description: "\(message()) (StoreConformance line \(line))") }
}

/// Fails unless `a == b`, showing both.
func expectEqual<T: Equatable>(_ a: T, _ b: T, _ what: @autoclosure () -> String, line: Int = #line) throws {
    guard a == b else { throw ConformanceFailure(description: "\(what()): \(a) is not \(b) (StoreConformance line \(line))") }
}

/// Fails unless `body` throws an error equal to `error`.
func expectThrows<E: Error & Equatable>(_ error: E, _ what: String, line: Int = #line, _ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let thrown as E where thrown == error {
        return
    } catch {
        throw ConformanceFailure(description: "\(what): threw \(error), not \(error) (StoreConformance line \(line))")
    }
    throw ConformanceFailure(description: "\(what): did not throw \(error) (StoreConformance line \(line))")
}
