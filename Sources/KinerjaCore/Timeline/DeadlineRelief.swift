/// How an office moves a plan's deadlines for time that was not the pegawai's to use
/// (kinerja.toml `[deadlines]`):
///
/// - A block (`terblokir`) stops the clock of the step it happened at: while blocked a plan
///   is never late, and once unblocked its deadline is at least `unblockGraceDays` after the
///   unblocking. Supervisors waiting for the Kepala Dinas's RHK are the sources' first
///   complaint ("sampai kapan batas waktu perencanaan … kami pengawas belum bisa masuk"); a
///   plan unblocked after its planning deadline must not be `overdue, not-submitted` the
///   same day. 14 days by default: what is left to do is composing from the atasan's RHK and
///   the two reviews, which the rules give a week each.
/// - A position that appears mid-cycle (a new principal, a Plt. appointed in April) plans
///   within `newcomerPlanningDays` of the day its plan was opened, as everyone else plans
///   within the cycle's first month ("pada bulan pertama"): 30 days by default.
///
/// The deadlines that follow a moved one by date (end of a later month) move with it, as
/// with an official extension, so that a newcomer's plan is not late at its next step the
/// day it is submitted.
public struct DeadlineRelief: Hashable, Sendable, Codable {
    public var unblockGraceDays: Int
    public var newcomerPlanningDays: Int

    public init(unblockGraceDays: Int, newcomerPlanningDays: Int) {
        self.unblockGraceDays = unblockGraceDays
        self.newcomerPlanningDays = newcomerPlanningDays
    }

    /// kinerja.toml's defaults.
    public static let standard = DeadlineRelief(unblockGraceDays: 14, newcomerPlanningDays: 30)

    /// The bounds kinerja.toml accepts.
    public static let unblockGraceRange = 0...90
    public static let newcomerPlanningRange = 0...180
}

/// Why a step's deadline is not the one the cycle's timeline shows, and how long the plan
/// was blocked at the step: shown beside the deadline, so that an office reading "due
/// 9 December" for a July cycle's planning sees the 146 days blocked that explain it.
public struct DeadlineNote: Hashable, Sendable, Codable {
    /// The deadline before the plan's own relief (the cycle's, with any official extension).
    public let published: LocalDate
    /// Days the plan was blocked while at this deadline's steps (closed blocks).
    public let blockedDays: Int
    /// The last unblocking at these steps, when a grace counts from it.
    public let unblockedOn: LocalDate?
    /// The day a newcomer's plan was opened, when the deadline counts from it.
    public let openedOn: LocalDate?

    public init(published: LocalDate, blockedDays: Int, unblockedOn: LocalDate?, openedOn: LocalDate?) {
        self.published = published
        self.blockedDays = blockedDays
        self.unblockedOn = unblockedOn
        self.openedOn = openedOn
    }
}
