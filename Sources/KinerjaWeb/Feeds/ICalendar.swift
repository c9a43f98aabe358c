import KinerjaCore

/// RFC 5545 text for deadline feeds: CRLF line ends, content lines folded at 75 octets
/// without splitting a UTF-8 character, `\ ; ,` and line breaks escaped in text values,
/// all-day events as DATE values (DTEND the day after, exclusive), DTSTAMP in UTC.
enum ICalendar {
    struct Event {
        /// Stable across fetches: built from domain keys, never random.
        var uid: String
        var date: LocalDate
        var summary: String
        var description: String
        /// Raised whenever the event's date may have moved.
        var sequence: Int
    }

    static func calendar(name: String, events: [Event], stamp: String) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Kinerja//kinerja-web//ID", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
            "X-WR-CALNAME:\(text(name))", "NAME:\(text(name))", "REFRESH-INTERVAL;VALUE=DURATION:PT6H", "X-PUBLISHED-TTL:PT6H",
        ]
        for event in events {
            lines += [
                "BEGIN:VEVENT", "UID:\(event.uid)", "DTSTAMP:\(stamp)", "SEQUENCE:\(event.sequence)",
                "DTSTART;VALUE=DATE:\(compact(event.date))", "DTEND;VALUE=DATE:\(compact(event.date.adding(days: 1)))",
                "SUMMARY:\(text(event.summary))", "DESCRIPTION:\(text(event.description))", "TRANSP:TRANSPARENT", "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// `20261130` for 30 November 2026.
    static func compact(_ date: LocalDate) -> String { date.description.replacing("-", with: "") }

    /// A TEXT value (RFC 5545 §3.3.11).
    static func text(_ value: String) -> String {
        var escaped = ""
        for character in value {
            switch character {
            case "\\": escaped += "\\\\"
            case ";": escaped += "\\;"
            case ",": escaped += "\\,"
            case "\n", "\r\n", "\r": escaped += "\\n"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// A content line folded to lines of at most 75 octets; each continuation starts with
    /// a space (RFC 5545 §3.1). Breaks fall between characters, never inside one.
    static func fold(_ line: String) -> String {
        guard line.utf8.count > 75 else { return line }
        var folded = "", octets = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if octets + size > 75 {
                folded += "\r\n "
                octets = 1
            }
            folded.unicodeScalars.append(scalar)
            octets += size
        }
        return folded
    }
}
