import Foundation
import KinerjaCore
import KinerjaRPC

/// Converts domain values to the wire types of `id.kinerja.Kinerja`: one place that
/// decides how the domain looks to clients.
enum CoreToWire {
    static func summary(_ status: PlanStatus) -> PlanSummary {
        PlanSummary(
            plan: status.plan.description, cycle: status.plan.cycle.description,
            step: status.currentStep?.rawValue, actor: status.actor?.rawValue, due: status.due?.description,
            daysLeft: status.daysLeft, flags: status.flags.map(\.rawValue), blockCause: status.blockCause?.rawValue)
    }

    static func position(_ person: Person, _ position: Position, plan: PlanSummary?) -> PositionSummary {
        PositionSummary(
            id: person.id.rawValue, nama: person.nama, kepegawaian: person.kepegawaian.rawValue,
            peran: position.key.role.rawValue, jabatan: position.jabatan.rawValue, npsn: position.key.npsn?.rawValue,
            namaSekolah: position.namaSekolah, atasanId: position.atasanID?.rawValue,
            timKinerja: position.timKinerja.map(\.rawValue), pejabatPenilaiId: position.pejabatPenilaiID?.rawValue,
            sekolahBinaan: position.sekolahBinaan.map(\.rawValue), active: person.active && position.active, plan: plan)
    }

    static func detail(
        _ plan: Plan, person: Person?, position: Position?, today: LocalDate, rules: YearRules, closure: PlanClosure?
    ) -> PlanDetail {
        let timeline = Timeline.entries(of: plan, rules: rules)
        let status = PlanStatus(of: plan, timeline: timeline, on: today, rules: rules, closure: closure)
        let items = timeline.enumerated().map { index, entry in
            let details = plan.records[index].details
            return TimelineItem(
                step: entry.step.rawValue, due: entry.due.description, startedOn: entry.startedOn?.description,
                completedOn: entry.completedOn?.description,
                state: (index < plan.currentIndex ? TimelineState.done : index == plan.currentIndex ? .current : .pending).rawValue,
                rating: details?.rating?.rawValue, catatan: details?.catatan)
        }
        return PlanDetail(
            summary: summary(status), nama: person?.nama ?? plan.id.position.personID.rawValue,
            peran: plan.role.rawValue, npsn: plan.id.position.npsn?.rawValue, namaSekolah: position?.namaSekolah,
            timeline: items,
            revisions: plan.revisions.map { RevisionItem(by: $0.by.rawValue, on: $0.on.description, reason: $0.reason) },
            blocks: plan.blocks.map { BlockItem(cause: $0.cause.rawValue, note: $0.note, since: $0.since.description, until: $0.until?.description) },
            allowed: closure == nil ? plan.allowedActions : [])
    }

    /// RFC 3339 with the office's offset, the way an administrator reads a time: what
    /// `Date.ISO8601FormatStyle` writes (whole seconds, `Z` for a zero offset), built from the
    /// zone's offset at that instant with integer arithmetic. The format style cost more than
    /// the rest of a status call and a tenth of a week's reminder preview (one per reminder).
    static func timestamp(_ date: Date, in calendar: OfficeCalendar) -> String {
        let offset = calendar.offset(at: date)
        let local = Int(date.timeIntervalSince1970.rounded(.down)) + offset
        let day = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let second = local - day * 86_400
        var text = "\(LocalDate(dayNumber: day))T\(twoDigits(second / 3_600)):\(twoDigits(second / 60 % 60)):\(twoDigits(second % 60))"
        if offset == 0 {
            text += "Z"
        } else {
            text += "\(offset < 0 ? "-" : "+")\(twoDigits(abs(offset) / 3_600)):\(twoDigits(abs(offset) / 60 % 60))"
        }
        return text
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
