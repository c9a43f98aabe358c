import Foundation

/// The office's clock face: which local date an instant falls on, and the instant a local
/// date or time of day means, in the office's IANA zone.
///
/// Indonesia has no daylight saving, but zones are data: the offset is looked up for each
/// instant instead of being fixed, so a zone rule change in tzdata is honoured.
public struct OfficeCalendar: Sendable, Equatable {
    public let timeZone: TimeZone

    public init(timeZone: TimeZone) { self.timeZone = timeZone }

    /// Creates the calendar for an IANA zone name, or nil when the name is unknown.
    public init?(identifier: String) {
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        self.init(timeZone: zone)
    }

    /// The local date on which `instant` falls.
    public func date(of instant: Date) -> LocalDate {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: instant)
        return LocalDate(dayNumber: seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
    }

    /// The instant of a local wall-clock time on `date`.
    public func instant(_ date: LocalDate, hour: Int = 0, minute: Int = 0) -> Date {
        let local = date.dayNumber * 86_400 + hour * 3_600 + minute * 60
        // The offset at the guessed instant, then once more at the corrected one: exact for
        // zones without transitions and right after a transition for zones with them.
        let guess = Date(timeIntervalSince1970: TimeInterval(local - timeZone.secondsFromGMT()))
        let offset = timeZone.secondsFromGMT(for: guess)
        return Date(timeIntervalSince1970: TimeInterval(local - offset))
    }

    /// The first instant after `date` has ended: a deadline on `date` is missed at this
    /// instant, never at the date's own midnight.
    public func endOfDay(_ date: LocalDate) -> Date { instant(date.adding(days: 1)) }
}
