import Foundation
import GRDB
import Testing
@testable import KinerjaStore

/// `StoreTime` writes instants as GRDB writes a `Date`, so rows written either way read back alike.
@Suite struct StoreTimeTests {
    @Test func textMatchesGRDBOnManyInstants() throws {
        var random = SystemRandomNumberGenerator()
        var instants: [Date] = [
            Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: 0.999),
            Date(timeIntervalSince1970: 86_399.999), Date(timeIntervalSince1970: 951_782_400),  // 2000-02-29
            Date(timeIntervalSince1970: 4_102_444_799.5), Date(timeIntervalSince1970: 1_798_761_600.0005),
        ]
        for _ in 0..<20_000 {
            instants.append(Date(timeIntervalSince1970: Double.random(in: 0..<4_102_444_800, using: &random)))
        }
        for instant in instants {
            guard case .string(let expected) = instant.databaseValue.storage else {
                Issue.record("GRDB stored \(instant) as something else than text"); continue
            }
            #expect(StoreTime.text(instant) == expected, "\(instant.timeIntervalSince1970)")
        }
    }

    @Test func textReadsBackAsTheSameMillisecond() throws {
        let queue = try DatabaseQueue()
        let instant = Date(timeIntervalSince1970: 1_798_761_600.123)
        let back = try queue.read { db in try Date.fetchOne(db, sql: "SELECT ?", arguments: [StoreTime.text(instant)]) }
        #expect(back.map { abs($0.timeIntervalSince(instant)) < 0.001 } == true)
    }
}
