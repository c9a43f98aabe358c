import KinerjaCore
import KinerjaRules

/// The `[deadlines]` section: how the office moves a plan's deadlines for what was not the
/// pegawai's doing (`DeadlineRelief`, where the defaults and the reasons are).
extension DeadlineRelief {
    static let keys = ["unblock_grace_days", "newcomer_planning_days"]

    init(_ r: TOMLReader) throws(ConfigError) {
        let defaults = DeadlineRelief.standard
        self.init(
            unblockGraceDays: try r.int("unblock_grace_days", default: defaults.unblockGraceDays, range: DeadlineRelief.unblockGraceRange),
            newcomerPlanningDays: try r.int(
                "newcomer_planning_days", default: defaults.newcomerPlanningDays, range: DeadlineRelief.newcomerPlanningRange))
    }
}
