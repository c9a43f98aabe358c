import Foundation
import KinerjaCore
import Testing

@Suite("LocalDate")
struct LocalDateTests {
    @Test("parses real dates in YYYY-MM-DD", arguments: [
        ("2024-02-29", 2024, 2, 29),
        ("2025-01-01", 2025, 1, 1),
        ("2025-12-31", 2025, 12, 31),
        ("2000-02-29", 2000, 2, 29),
        ("1970-01-01", 1970, 1, 1),
    ])
    func parsesGoodDates(text: String, year: Int, month: Int, day: Int) throws {
        let date = try #require(LocalDate(text))
        #expect(date.year == year)
        #expect(date.month == month)
        #expect(date.day == day)
        #expect(date.description == text)
    }

    @Test("refuses text that is not a real YYYY-MM-DD date", arguments: [
        "2025-02-29", // not a leap year
        "1900-02-29", // century, not a leap year
        "2025-13-01",
        "2025-00-10",
        "2025-04-31",
        "2025-01-00",
        "2025-1-01",
        "2025-01-1",
        "25-01-01",
        "2025/01/01",
        "2025-01-01T00:00",
        "2025-01",
        "",
        "2025--01-01",
        "abcd-ef-gh",
        " 2025-01-01",
    ])
    func refusesBadDates(text: String) {
        #expect(LocalDate(text) == nil)
    }

    @Test("refuses a sign inside a date part", arguments: ["2025-+1-01", "2025-01-+1", "+202-01-01"])
    func refusesSigns(text: String) {
        #expect(LocalDate(text) == nil)
    }

    @Test("init(year:month:day:) refuses days that do not exist")
    func memberwiseValidation() {
        #expect(LocalDate(year: 2024, month: 2, day: 29) != nil)
        #expect(LocalDate(year: 2025, month: 2, day: 29) == nil)
        #expect(LocalDate(year: 2025, month: 6, day: 31) == nil)
        #expect(LocalDate(year: 2025, month: 0, day: 1) == nil)
        #expect(LocalDate(year: 2025, month: 1, day: 0) == nil)
    }

    @Test("known day numbers")
    func knownDayNumbers() {
        #expect(d("1970-01-01").dayNumber == 0)
        #expect(d("1970-01-02").dayNumber == 1)
        #expect(d("1969-12-31").dayNumber == -1)
        #expect(d("2000-03-01").dayNumber == 11_017)
        #expect(d("2025-01-01").dayNumber == 20_089)
        #expect(LocalDate(dayNumber: 20_089) == d("2025-01-01"))
    }

    @Test("dayNumber round trips and agrees with Foundation's Gregorian calendar over 1900–2200")
    func dayNumberRoundTrip() throws {
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = try #require(TimeZone(identifier: "UTC"))
        let first = d("1900-01-01").dayNumber
        let last = d("2200-12-31").dayNumber
        var previous: LocalDate?
        for n in first...last {
            let date = LocalDate(dayNumber: n)
            #expect(date.dayNumber == n)
            if let p = previous {
                #expect(p < date)
                #expect(p.adding(days: 1) == date)
                #expect(p.days(until: date) == 1)
            }
            // Every 97th day, compare against Foundation to keep the loop fast.
            if n % 97 == 0 {
                let instant = Date(timeIntervalSince1970: TimeInterval(n) * 86_400)
                let c = gregorian.dateComponents([.year, .month, .day], from: instant)
                #expect(c.year == date.year && c.month == date.month && c.day == date.day)
                #expect(LocalDate(date.description) == date)
            }
            previous = date
        }
    }

    @Test("day numbers before 1970 and far away round trip", arguments: [-1_000_000, -719_468, -1, 0, 1, 2_932_896, 10_000_000])
    func extremeDayNumbers(n: Int) {
        #expect(LocalDate(dayNumber: n).dayNumber == n)
    }

    @Test("adding months clamps to the end of a shorter month", arguments: [
        ("2024-01-31", 1, "2024-02-29"),
        ("2025-01-31", 1, "2025-02-28"),
        ("2025-03-31", 1, "2025-04-30"),
        ("2025-01-31", 3, "2025-04-30"),
        ("2025-08-31", 6, "2026-02-28"),
        ("2025-01-15", 12, "2026-01-15"),
        ("2025-03-31", -1, "2025-02-28"),
        ("2025-01-15", -1, "2024-12-15"),
        ("2024-02-29", 12, "2025-02-28"),
        ("2024-02-29", 48, "2028-02-29"),
        ("2025-02-01", 1, "2025-03-01"),
        ("2025-07-01", 6, "2026-01-01"),
        ("2025-05-10", 0, "2025-05-10"),
    ])
    func addingMonths(from: String, months: Int, expected: String) {
        #expect(d(from).adding(months: months) == d(expected))
    }

    @Test("adding days across month and year ends")
    func addingDays() {
        #expect(d("2024-02-28").adding(days: 1) == d("2024-02-29"))
        #expect(d("2025-02-28").adding(days: 1) == d("2025-03-01"))
        #expect(d("2024-12-31").adding(days: 1) == d("2025-01-01"))
        #expect(d("2025-01-01").adding(days: -1) == d("2024-12-31"))
        #expect(d("2025-01-01").days(until: d("2025-12-31")) == 364)
        #expect(d("2024-01-01").days(until: d("2024-12-31")) == 365)
        #expect(d("2025-03-01").days(until: d("2025-02-01")) == -28)
    }

    @Test("end of month", arguments: [
        ("2024-02-10", "2024-02-29"), ("2025-02-10", "2025-02-28"), ("2025-04-01", "2025-04-30"), ("2025-12-31", "2025-12-31"),
    ])
    func endOfMonth(date: String, expected: String) {
        #expect(d(date).endOfMonth == d(expected))
    }

    @Test("ISO weekday of known dates", arguments: [
        ("1970-01-01", 4), // Thursday
        ("1969-12-28", 7), // Sunday
        ("2000-01-01", 6), // Saturday
        ("2024-02-29", 4), // Thursday
        ("2025-01-01", 3), // Wednesday
        ("2025-06-30", 1), // Monday
        ("2025-08-17", 7), // Sunday, Hari Kemerdekaan
        ("1945-08-17", 5), // Friday, the proclamation
    ])
    func isoWeekday(date: String, weekday: Int) {
        #expect(d(date).isoWeekday == weekday)
    }

    @Test("ordering follows the calendar")
    func ordering() {
        #expect(d("2024-12-31") < d("2025-01-01"))
        #expect(d("2025-01-31") < d("2025-02-01"))
        #expect(d("2025-02-01") > d("2025-01-31"))
        #expect([d("2025-03-01"), d("2024-12-31"), d("2025-01-15")].sorted() == [d("2024-12-31"), d("2025-01-15"), d("2025-03-01")])
    }

    @Test("Codable as a YYYY-MM-DD string; bad strings are refused")
    func codable() throws {
        let data = try JSONEncoder().encode([d("2024-02-29")])
        #expect(String(decoding: data, as: UTF8.self) == #"["2024-02-29"]"#)
        #expect(try JSONDecoder().decode([LocalDate].self, from: data) == [d("2024-02-29")])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([LocalDate].self, from: Data(#"["2025-02-29"]"#.utf8))
        }
    }
}
