import Foundation
import KinerjaCore
import Testing

@Suite("CycleID")
struct CycleIDTests {
    @Test("start, end and planning deadline of each half", arguments: [
        ("2024-1", "2024-01-01", "2024-06-30", "2024-01-31"),
        ("2024-2", "2024-07-01", "2024-12-31", "2024-07-31"),
        ("2025-1", "2025-01-01", "2025-06-30", "2025-01-31"),
        ("2025-2", "2025-07-01", "2025-12-31", "2025-07-31"),
    ])
    func bounds(cycle: String, start: String, end: String, planning: String) throws {
        let c = try #require(CycleID(cycle))
        #expect(c.description == cycle)
        #expect(c.start == d(start))
        #expect(c.end == d(end))
        #expect(c.endOfMonth(1) == d(planning))
        #expect(c.endOfMonth(6) == c.end)
        #expect(c.contains(c.start) && c.contains(c.end))
        #expect(!c.contains(c.start.adding(days: -1)) && !c.contains(c.end.adding(days: 1)))
    }

    @Test("only YYYY-1 and YYYY-2 are cycles", arguments: [
        "2026-3", "2026-0", "2026-", "2026", "202-1", "20261", "2026--1", "-2026-1", "2026-1 ", "2026-12", "abcd-1", "２０２６-1", "",
    ])
    func notCycles(text: String) {
        #expect(CycleID(text) == nil)
        #expect(CycleID(Substring(text)) == nil)
    }

    @Test("29 February in leap-year cycles")
    func leapYear() throws {
        #expect(CycleID("2024-1")!.endOfMonth(2) == d("2024-02-29"))
        #expect(CycleID("2025-1")!.endOfMonth(2) == d("2025-02-28"))
        #expect(CycleID("2028-1")!.endOfMonth(2) == d("2028-02-29"))
        #expect(CycleID(containing: d("2024-02-29")) == CycleID("2024-1"))
        #expect(CycleID("2024-2")!.endOfMonth(2) == d("2024-08-31"))
        #expect(CycleID("2024-2")!.endOfMonth(3) == d("2024-09-30"))
    }

    @Test("containing: the month decides the half", arguments: [
        ("2025-01-01", "2025-1"), ("2025-06-30", "2025-1"), ("2025-07-01", "2025-2"), ("2025-12-31", "2025-2"),
    ])
    func containing(date: String, cycle: String) {
        #expect(CycleID(containing: d(date)) == CycleID(cycle))
    }

    @Test("refuses text that is not a cycle", arguments: ["2025-3", "2025-0", "2025", "25-1", "2025-1-1", "", "2025_1", "abcd-1"])
    func refusesBadText(text: String) {
        #expect(CycleID(text) == nil)
    }

    @Test("refuses a zero-padded or signed half, which looks like a month", arguments: ["2025-01", "2025-02", "2025-+1"])
    func refusesMonthLikeText(text: String) {
        #expect(CycleID(text) == nil)
    }

    @Test("next and ordering")
    func nextAndOrder() {
        #expect(CycleID("2024-2")!.next == CycleID("2025-1"))
        #expect(CycleID("2025-1")!.next == CycleID("2025-2"))
        #expect(CycleID("2024-2")! < CycleID("2025-1")!)
        #expect(CycleID("2025-1")! < CycleID("2025-2")!)
    }

    @Test("Codable as its text")
    func codable() throws {
        let data = try JSONEncoder().encode([CycleID("2025-2")!])
        #expect(String(decoding: data, as: UTF8.self) == #"["2025-2"]"#)
        #expect(try JSONDecoder().decode([CycleID].self, from: data) == [CycleID("2025-2")!])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([CycleID].self, from: Data(#"["2025-3"]"#.utf8)) }
    }
}
