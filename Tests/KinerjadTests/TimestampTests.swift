import Foundation
import KinerjaCore
import Testing
@testable import kinerjad

/// The daemon's timestamps are written without a format style; they must read exactly as
/// `Date.ISO8601FormatStyle` writes them, in every kind of zone.
@Suite struct TimestampTests {
    @Test("RFC 3339 timestamps equal ISO8601FormatStyle's", arguments: [
        "Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura", "UTC", "Asia/Kolkata", "America/New_York", "Europe/Berlin",
        "Pacific/Chatham",
    ])
    func sameAsFormatStyle(zone: String) throws {
        let calendar = try #require(OfficeCalendar(identifier: zone))
        let style = Date.ISO8601FormatStyle(timeZoneSeparator: .colon, timeZone: calendar.timeZone)
        var random = SystemRandomNumberGenerator()
        var instants = [0, 1_782_000_000, 1_782_000_000.999, 1_711_846_799, 1_711_846_800, 4_102_444_799].map(Date.init(timeIntervalSince1970:))
        for _ in 0..<2_000 { instants.append(Date(timeIntervalSince1970: Double.random(in: 946_684_800...4_102_444_800, using: &random))) }
        for instant in instants {
            #expect(CoreToWire.timestamp(instant, in: calendar) == instant.formatted(style), "\(instant.timeIntervalSince1970) in \(zone)")
        }
    }
}
