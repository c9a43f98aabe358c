/// Recommended lengths of the supervisor's implementation phases, in calendar months
/// (people count "one month" from a date to the same date of the next month).
public struct Durations: Hashable, Sendable, Codable {
    /// Pendampingan shorter than this is flagged as closed too early (1 month).
    public var pendampinganMinMonths: Int
    /// Pendampingan is due this long after it starts, and flagged as overrun past it (3 months).
    public var pendampinganMaxMonths: Int
    /// Upaya Tindak Lanjut is due this long after it starts (about 1 month).
    public var upayaTindakLanjutMonths: Int

    public init(pendampinganMinMonths: Int = 1, pendampinganMaxMonths: Int = 3, upayaTindakLanjutMonths: Int = 1) {
        self.pendampinganMinMonths = pendampinganMinMonths
        self.pendampinganMaxMonths = pendampinganMaxMonths
        self.upayaTindakLanjutMonths = upayaTindakLanjutMonths
    }

    enum CodingKeys: String, CodingKey {
        case pendampinganMinMonths = "pendampingan_min_months"
        case pendampinganMaxMonths = "pendampingan_max_months"
        case upayaTindakLanjutMonths = "upaya_tindak_lanjut_months"
    }
}
