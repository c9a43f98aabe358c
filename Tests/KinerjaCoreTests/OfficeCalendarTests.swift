import Foundation
import KinerjaCore
import Testing

@Suite("OfficeCalendar and CycleID at the office's midnight")
struct OfficeCalendarTests {
    /// The last second of a cycle and the first of the next, in UTC, for each zone: at
    /// 30 June → 1 July, and at 31 December → 1 January, where the year changes too.
    @Test("a cycle ends at the office's midnight, and the next cycle begins there", arguments: [
        ("Asia/Jakarta", "2025-06-30T16:59:59Z", "2025-06-30T17:00:00Z", "2025-2"), // WIB, UTC+7
        ("Asia/Makassar", "2025-06-30T15:59:59Z", "2025-06-30T16:00:00Z", "2025-2"), // WITA, UTC+8
        ("Asia/Jayapura", "2025-06-30T14:59:59Z", "2025-06-30T15:00:00Z", "2025-2"), // WIT, UTC+9
        ("Asia/Jakarta", "2025-12-31T16:59:59Z", "2025-12-31T17:00:00Z", "2026-1"),
        ("Asia/Makassar", "2025-12-31T15:59:59Z", "2025-12-31T16:00:00Z", "2026-1"),
        ("Asia/Jayapura", "2025-12-31T14:59:59Z", "2025-12-31T15:00:00Z", "2026-1"),
    ])
    func cycleEdge(zone: String, lastSecond: String, firstSecond: String, newCycle: String) throws {
        let calendar = try #require(OfficeCalendar(identifier: zone))
        let cycle = try #require(CycleID(newCycle))
        let lastDay = cycle.start.adding(days: -1)
        let before = calendar.date(of: Fixtures.instant(lastSecond))
        let after = calendar.date(of: Fixtures.instant(firstSecond))
        #expect(before == lastDay)
        #expect(CycleID(containing: before).next == cycle)
        #expect(after == cycle.start)
        #expect(CycleID(containing: after) == cycle)
        // A fraction of a second before midnight is still the old day.
        let almost = Fixtures.instant(firstSecond).addingTimeInterval(-0.001)
        #expect(calendar.date(of: almost) == lastDay)
        // And the instant of local midnight is exactly the first second.
        #expect(calendar.instant(cycle.start) == Fixtures.instant(firstSecond))
        #expect(calendar.endOfDay(lastDay) == Fixtures.instant(firstSecond))
    }

    @Test("endOfDay is the next local midnight", arguments: [
        ("Asia/Jakarta", "2025-01-31T17:00:00Z"),
        ("Asia/Makassar", "2025-01-31T16:00:00Z"),
        ("Asia/Jayapura", "2025-01-31T15:00:00Z"),
    ])
    func endOfDay(zone: String, expected: String) throws {
        let calendar = try #require(OfficeCalendar(identifier: zone))
        #expect(calendar.endOfDay(d("2025-01-31")) == Fixtures.instant(expected))
    }

    @Test("instant of a wall-clock time in Jakarta")
    func instantWithTime() throws {
        let jakarta = try #require(OfficeCalendar(identifier: "Asia/Jakarta"))
        #expect(jakarta.instant(d("2025-01-02"), hour: 7, minute: 30) == Fixtures.instant("2025-01-02T00:30:00Z"))
        #expect(jakarta.instant(d("2025-01-02"), hour: 6, minute: 59) == Fixtures.instant("2025-01-01T23:59:00Z"))
        #expect(jakarta.date(of: jakarta.instant(d("2024-02-29"), hour: 23, minute: 59)) == d("2024-02-29"))
    }

    @Test("date(of:) before 1970 uses floor division")
    func beforeEpoch() throws {
        let jakarta = try #require(OfficeCalendar(identifier: "Asia/Jakarta"))
        #expect(jakarta.date(of: Fixtures.instant("1969-12-31T16:00:00Z")) == d("1969-12-31"))
        #expect(jakarta.date(of: Fixtures.instant("1969-12-31T17:00:00Z")) == d("1970-01-01"))
        #expect(jakarta.date(of: Fixtures.instant("1969-12-30T17:00:00Z")) == d("1969-12-31"))
    }

    @Test("an unknown zone name gives nil")
    func unknownZone() {
        #expect(OfficeCalendar(identifier: "Asia/Atlantis") == nil)
    }
}

/// The offset kept after a zone's last transition must be the zone database's, before and
/// after that transition, and zones that keep changing must still be asked each time.
@Suite struct OfficeCalendarOffsetTests {
    @Test("offset(at:) equals the zone database's from 1900 to 2100", arguments: [
        "Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura", "UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata",
    ])
    func offsetsMatchTheZone(zone: String) throws {
        let calendar = try #require(OfficeCalendar(identifier: zone))
        var random = SystemRandomNumberGenerator()
        // 1 January 1964, when WIB took its present offset, and random instants around it.
        var instants = [-189_414_000, -189_414_001, 0, 1_782_000_000].map { Date(timeIntervalSince1970: TimeInterval($0)) }
        for _ in 0..<2_000 {
            instants.append(Date(timeIntervalSince1970: Double.random(in: -2_208_988_800...4_102_444_800, using: &random)))
        }
        for instant in instants {
            #expect(calendar.offset(at: instant) == calendar.timeZone.secondsFromGMT(for: instant), "\(instant) in \(zone)")
        }
    }
}
