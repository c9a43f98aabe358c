import Foundation
import KinerjaCore

/// Instants as the store keeps them: UTC text `YYYY-MM-DD HH:MM:SS.SSS`, GRDB's own storage
/// of a `Date` (it reads them back as `Date`), rounded to the nearest millisecond as its
/// formatter does, written here with integer arithmetic. GRDB
/// formats a `Date` argument with a `DateFormatter`, which was a tenth of an import that
/// stamps every row it writes (a test compares the two on many instants).
enum StoreTime {
    static func text(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.toNearestOrAwayFromZero))
        let day = Int(milliseconds >= 0 ? milliseconds / 86_400_000 : (milliseconds - 86_399_999) / 86_400_000)
        let inDay = Int(milliseconds - Int64(day) * 86_400_000)
        let hours = inDay / 3_600_000, minutes = inDay / 60_000 % 60, seconds = inDay / 1000 % 60, millis = inDay % 1000
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let three = millis < 10 ? "00\(millis)" : millis < 100 ? "0\(millis)" : "\(millis)"
        return "\(LocalDate(dayNumber: day)) \(two(hours)):\(two(minutes)):\(two(seconds)).\(three)"
    }
}
