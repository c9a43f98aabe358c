/// A blocked plan as an office asks about it: since when, for how many days, why, and
/// whose action would free it. Blocked is a standing of its own (DOMAIN.md: "Track this as
/// a blocked state with its cause, not as late"): a blocked plan has no days left or
/// overdue, it has days blocked.
public struct BlockedStanding: Hashable, Sendable, Codable {
    public let cause: BlockCause
    public let note: String?
    public let since: LocalDate
    /// Days from the block's start to `today` (0 on the day it began).
    public let days: Int
    /// Who must act for the block to end; nil when the cause does not say (`lainnya`: the
    /// note does).
    public let awaited: RecipientRole?

    public init(block: BlockPeriod, on today: LocalDate) {
        cause = block.cause
        note = block.note
        since = block.since
        days = max(0, block.since.days(until: today))
        awaited = block.cause.awaited
    }

    /// The person awaited among those `position` names: the atasan, the Pejabat Penilai (the
    /// atasan when the roster names none) or the pegawai themself.
    public func awaitedID(in position: Position) -> PersonID? {
        switch awaited {
        case .atasan?: return position.atasanID
        case .pejabatPenilai?: return position.pejabatPenilaiID ?? position.atasanID
        case .pegawai?: return position.key.personID
        case .timKinerja?: return position.timKinerja.first
        case .officeOperator?, nil: return nil
        }
    }
}

extension BlockCause {
    /// Whose action frees a plan blocked by this cause: the atasan writes the RHK and IKI a
    /// supervisor's RHK cascades from; the Kepala Dinas, as Pejabat Penilai, appoints the
    /// Tim Kinerja by decree (Plotting Tim Kinerja); the office's operator brings NIK, NIP, Unor,
    /// Wilayah Unor and NPSN into agreement (Pemutakhiran Data: the Dinas's operator with the
    /// school's and BKD, DOMAIN-NOTES.md §11, §14). `lainnya` says so in its note.
    public var awaited: RecipientRole? {
        switch self {
        case .rhkAtasan: return .atasan
        case .plottingTimKinerja: return .pejabatPenilai
        case .pemutakhiranData: return .officeOperator
        case .lainnya: return nil
        }
    }
}
