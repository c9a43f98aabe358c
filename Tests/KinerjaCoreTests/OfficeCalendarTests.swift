import Foundation
import KinerjaCore
import Testing

@Suite("OfficeCalendar and CycleID at the office's midnight")
struct OfficeCalendarTests {
    /// The last second of 30 June and the first of 1 July, in UTC, for each zone.
    @Test("30 June ends at the office's midnight, and cycle 2025-2 begins there", arguments: [
        ("Asia/Jakarta", "2025-06-30T16:59:59Z", "2025-06-30T17:00:00Z"), // WIB, UTC+7
        ("Asia/Makassar", "2025-06-30T15:59:59Z", "2025-06-30T16:00:00Z"), // WITA, UTC+8
        ("Asia/Jayapura", "2025-06-30T14:59:59Z", "2025-06-30T15:00:00Z"), // WIT, UTC+9
    ])
    func cycleEdge(zone: String, lastSecond: String, firstSecond: String) throws {
        let calendar = try #require(OfficeCalendar(identifier: zone))
        let before = calendar.date(of: Fixtures.instant(lastSecond))
        let after = calendar.date(of: Fixtures.instant(firstSecond))
        #expect(before == d("2025-06-30"))
        #expect(CycleID(containing: before) == CycleID("2025-1"))
        #expect(after == d("2025-07-01"))
        #expect(CycleID(containing: after) == CycleID("2025-2"))
        // A fraction of a second before midnight is still the old day.
        let almost = Fixtures.instant(firstSecond).addingTimeInterval(-0.001)
        #expect(calendar.date(of: almost) == d("2025-06-30"))
        // And the instant of local midnight is exactly the first second.
        #expect(calendar.instant(d("2025-07-01")) == Fixtures.instant(firstSecond))
        #expect(calendar.endOfDay(d("2025-06-30")) == Fixtures.instant(firstSecond))
    }

    @Test("the year's edge: 31 December 16:59:59Z is still 2025-2 in Jakarta, 17:00Z is 2026-1")
    func yearEdge() throws {
        let jakarta = try #require(OfficeCalendar(identifier: "Asia/Jakarta"))
        #expect(CycleID(containing: jakarta.date(of: Fixtures.instant("2025-12-31T16:59:59Z"))) == CycleID("2025-2"))
        #expect(CycleID(containing: jakarta.date(of: Fixtures.instant("2025-12-31T17:00:00Z"))) == CycleID("2026-1"))
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
