import Foundation

/// The office's clock face: which local date an instant falls on, and the instant a local
/// date or time of day means, in the office's IANA zone.
///
/// Indonesia has no daylight saving, but zones are data: the offset is looked up for each
/// instant instead of being fixed, so a zone rule change in tzdata is honoured.
public struct OfficeCalendar: Sendable, Equatable {
    public let timeZone: TimeZone
    /// The zone's offset after its last transition, when it has a last one: Indonesia's zones
    /// have not changed since 1988, and asking the zone database for each instant (a locked
    /// ICU call on Linux) was most of the cost of timestamping a reply.
    private let settled: (since: Date, offset: Int)?

    public init(timeZone: TimeZone) {
        self.timeZone = timeZone
        settled = Self.lastTransition(of: timeZone).map { ($0, timeZone.secondsFromGMT(for: $0)) }
    }

    public static func == (lhs: OfficeCalendar, rhs: OfficeCalendar) -> Bool { lhs.timeZone == rhs.timeZone }

    /// The instant from which the zone keeps one offset for good, or nil when it keeps
    /// changing (daylight saving time): its transitions are followed from 1900, at most 64.
    private static func lastTransition(of zone: TimeZone) -> Date? {
        var last = Date(timeIntervalSince1970: -2_208_988_800)
        for _ in 0..<64 {
            guard let next = zone.nextDaylightSavingTimeTransition(after: last) else { return last }
            last = next
        }
        return nil
    }

    /// Seconds east of UTC at `instant`.
    public func offset(at instant: Date) -> Int {
        if let settled, instant >= settled.since { return settled.offset }
        return timeZone.secondsFromGMT(for: instant)
    }

    /// Creates the calendar for an IANA zone name, or nil when the name is unknown.
    public init?(identifier: String) {
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        self.init(timeZone: zone)
    }

    /// The local date on which `instant` falls.
    public func date(of instant: Date) -> LocalDate {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) + offset(at: instant)
        return LocalDate(dayNumber: seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
    }

    /// The instant of a local wall-clock time on `date`.
    public func instant(_ date: LocalDate, hour: Int = 0, minute: Int = 0) -> Date {
        let local = date.dayNumber * 86_400 + hour * 3_600 + minute * 60
        // The offset at the guessed instant, then once more at the corrected one: exact for
        // zones without transitions and right after a transition for zones with them.
        let guess = Date(timeIntervalSince1970: TimeInterval(local - (settled?.offset ?? timeZone.secondsFromGMT())))
        return Date(timeIntervalSince1970: TimeInterval(local - offset(at: guess)))
    }

    /// The first instant after `date` has ended: a deadline on `date` is missed at this
    /// instant, never at the date's own midnight.
    public func endOfDay(_ date: LocalDate) -> Date { instant(date.adding(days: 1)) }
}
