/// Stages 1 and 2 of a cycle (DOMAIN.md, "The cycle"): what the office must have done for a
/// person before that person can plan at all. Each is recorded per person and cycle; while
/// one is missing the person's plans show blocked with it as the cause, owned by whoever
/// must act (DOMAIN-NOTES.md §3.2, §3.3, §14), never late. Raw values are the wire, CLI and
/// rules-file ids, the same as the `BlockCause` each one gives.
public enum Precondition: String, Sendable, Codable, CaseIterable, Hashable, Comparable {
    /// Pemutakhiran Data: NIK, NIP, Unor, Wilayah Unor and NPSN agree between Dapodik,
    /// Dukcapil and SIASN; a disparity stops the data reaching e-Kinerja. [C] PKKS-tahapan
    case pemutakhiranData = "pemutakhiran-data"
    /// Plotting Tim Kinerja: the Kepala Dinas appoints the person's Tim Kinerja by decree
    /// (SK, in SIM Tendik). [C] PKKS-tahapan, PKPS-tahapan
    case plottingTimKinerja = "plotting-tim-kinerja"

    /// The stage number in the official list (1 or 2): reminders name the number and the
    /// name, because users do not know where they are (DOMAIN-NOTES.md §14).
    public var stage: Int { self == .pemutakhiranData ? 1 : 2 }

    /// The cause a person's plans are blocked by while this is missing.
    public var blockCause: BlockCause { self == .pemutakhiranData ? .pemutakhiranData : .plottingTimKinerja }

    /// Who must act: the office's operator brings the data up to date (with the school's
    /// operator and BKD), the Kepala Dinas signs the decree.
    public var owner: RecipientRole { blockCause.awaited ?? .officeOperator }

    /// The precondition a block cause stands for, if it stands for one.
    public init?(_ cause: BlockCause) {
        switch cause {
        case .pemutakhiranData: self = .pemutakhiranData
        case .plottingTimKinerja: self = .plottingTimKinerja
        case .rhkAtasan, .lainnya: return nil
        }
    }

    public static func < (a: Precondition, b: Precondition) -> Bool { a.stage < b.stage }
}
