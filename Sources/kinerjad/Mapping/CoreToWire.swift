import Foundation
import KinerjaCore
import KinerjaRPC

/// Converts domain values to the wire types of `id.kinerja.Kinerja`: one place that
/// decides how the domain looks to clients.
enum CoreToWire {
    /// Where a plan stands; a blocked one with since when, how many days and whose action
    /// it awaits (`awaiting`, named through a `PartyDirectory`).
    static func summary(_ status: PlanStatus, awaiting: Party? = nil) -> PlanSummary {
        let blocked = status.blocked
        return PlanSummary(
            plan: status.plan.description, cycle: status.plan.cycle.description,
            step: status.currentStep?.rawValue, actor: status.actor?.rawValue, due: status.due?.description,
            daysLeft: status.daysLeft, flags: status.flags.map(\.rawValue), blockCause: status.blockCause?.rawValue,
            blockedSince: blocked?.since.description, blockedDays: blocked?.days, blockNote: blocked?.note,
            awaiting: blocked?.awaited == nil ? nil : awaiting)
    }

    /// The party a blocked plan awaits, named through `directory`; nil when it is not blocked
    /// or its cause names nobody.
    static func awaiting(_ status: PlanStatus, in position: Position, _ directory: PartyDirectory) -> Party? {
        guard let blocked = status.blocked, let role = blocked.awaited else { return nil }
        return directory.party(role, blocked.awaitedID(in: position))
    }

    static func position(_ person: Person, _ position: Position, plan: PlanSummary?, parties: [Party] = []) -> PositionSummary {
        PositionSummary(
            id: person.id.rawValue, nama: person.nama, kepegawaian: person.kepegawaian.rawValue,
            peran: position.key.role.rawValue, jabatan: position.jabatan.rawValue, npsn: position.key.npsn?.rawValue,
            namaSekolah: position.namaSekolah, atasanId: position.atasanID?.rawValue,
            timKinerja: position.timKinerja.map(\.rawValue), pejabatPenilaiId: position.pejabatPenilaiID?.rawValue,
            sekolahBinaan: position.sekolahBinaan.map(\.rawValue), active: person.active && position.active, plan: plan,
            kecamatan: position.kecamatan, jenjang: position.jenjang, email: person.email, telepon: person.telepon, parties: parties)
    }

    /// A plan in full: its timeline with the deadlines' notes, its choices named by the
    /// year's catalogs and the roster's schools (`schoolNames`), the rules' advice in
    /// `language`, and whose action a blocked plan awaits.
    static func detail(
        _ plan: Plan, person: Person?, position: Position?, today: LocalDate, rules: YearRules, closure: PlanClosure?,
        preconditions: PreconditionState?, directory: PartyDirectory, schoolNames: [NPSN: String], language: OfficeLanguage
    ) -> PlanDetail {
        let schedule = TimelineSchedule(cycle: plan.id.cycle, rules: rules, roles: [plan.role])
        let timeline = schedule.entries(of: plan, preconditions: preconditions)
        let status = PlanStatus(
            of: schedule.facts(of: plan, timeline: timeline, closure: closure, preconditions: preconditions), on: today)
        let items = timeline.enumerated().map { index, entry in
            let details = plan.records[index].details
            return TimelineItem(
                step: entry.step.rawValue, due: entry.due.description, startedOn: entry.startedOn?.description,
                completedOn: entry.completedOn?.description,
                state: (index < plan.currentIndex ? TimelineState.done : index == plan.currentIndex ? .current : .pending).rawValue,
                rating: details?.rating?.rawValue, catatan: details?.catatan,
                note: entry.note.map {
                    DeadlineNoteItem(
                        published: $0.published.description, blockedDays: $0.blockedDays, unblockedOn: $0.unblockedOn?.description,
                        openedOn: $0.openedOn?.description)
                })
        }
        let rhk = plan.record(.pengembanganKompetensi)?.details?.rhk
        return PlanDetail(
            summary: summary(status, awaiting: position.flatMap { awaiting(status, in: $0, directory) }),
            nama: person?.nama ?? plan.id.position.personID.rawValue,
            peran: plan.role.rawValue, npsn: plan.id.position.npsn?.rawValue, namaSekolah: position?.namaSekolah,
            timeline: items,
            revisions: plan.revisions.map { RevisionItem(by: $0.by.rawValue, on: $0.on.description, reason: $0.reason) },
            blocks: plan.blocks.map { BlockItem(cause: $0.cause.rawValue, note: $0.note, since: $0.since.description, until: $0.until?.description) },
            allowed: closure == nil ? plan.allowedActions : [],
            choices: choices(of: plan, rules: rules, schoolNames: schoolNames),
            rhkPoints: rhk.flatMap { Plan.rhkPoints($0, catalog: rules.catalogs.rhk) },
            advice: plan.advice(rules: rules).map {
                AdviceItem(requirement: $0.requirement.rawValue, step: $0.step.rawValue, message: $0.text(in: language))
            },
            openedOn: plan.openedOn?.description, rekomendasi: plan.rekomendasi(rules: rules)?.rawValue)
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
