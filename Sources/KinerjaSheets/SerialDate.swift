import KinerjaCore

/// A date cell's number as a day: spreadsheets store a date as days since an epoch, and a
/// time of day as the fraction (dropped here: the import's dates are days).
struct SerialDate {
    let uses1904Dates: Bool

    /// 31 December 9999, the last day the spreadsheets show, in the 1900 system.
    static let lastSerial = 2_958_465.0

    /// The day of `serial`, or nil where no day is shown (negative, past 9999, or serial 60
    /// of the 1900 system, the 29 February 1900 that Excel keeps from Lotus 1-2-3).
    func day(_ serial: Double) -> LocalDate? {
        guard serial >= 0, serial <= SerialDate.lastSerial else { return nil }
        let days = Int(serial.rounded(.down))
        if uses1904Dates {
            return LocalDate(year: 1904, month: 1, day: 1)?.adding(days: days)
        }
        // Serial 1 is 1 January 1900 and serial 61 is 1 March 1900: the days from 61 on
        // count from 30 December 1899, those before 60 from 31 December.
        switch days {
        case 0, 60: return nil
        case 1..<60: return LocalDate(year: 1899, month: 12, day: 31)?.adding(days: days)
        default: return LocalDate(year: 1899, month: 12, day: 30)?.adding(days: days)
        }
    }
}
