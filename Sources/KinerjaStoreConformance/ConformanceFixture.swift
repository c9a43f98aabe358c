import Foundation
import KinerjaCore
import KinerjaSampleData
import KinerjaStore

/// A small district for the checks (and the adapters' own tests): two principals (one also
/// Plt. at a second school), a supervisor mentoring three schools, and rules with the
/// deadlines of a real rules file.
public enum District {
    public static let admin = AuditActor(uid: 1000, user: "operator")
    public static let daemon = AuditActor(uid: 990, user: "kinerjad")
    /// Whole seconds: stores keep instants to the millisecond.
    public static let now = Date(timeIntervalSince1970: 1_738_569_600) // 2025-02-03T08:00:00Z
    public static let cycle = CycleID(year: 2025, half: 1)!
    public static let rulesName = "rules-2025-test"

    public static let budi = PersonID(trusted: "198609262015051001")
    public static let siti = PersonID(trusted: "197803152005012002")
    public static let agus = PersonID(trusted: "197204041998031002")
    public static let kadis = PersonID(trusted: "196905101995121001")

    public static let school1 = NPSN(trusted: "20100001")
    public static let school2 = NPSN(trusted: "20100002")
    public static let school3 = NPSN(trusted: "20100003")

    public static func principal(_ person: PersonID, nama: String, school: NPSN, jabatan: Jabatan = .definitif) -> RosterEntry {
        RosterEntry(
            person: Person(id: person, nama: nama, kepegawaian: .pns),
            position: Position(
                key: PositionKey(personID: person, role: .kepalaSekolah, npsn: school), jabatan: jabatan,
                namaSekolah: "SD Negeri \(school.rawValue.suffix(1)) Sukamaju", atasanID: agus, timKinerja: [agus],
                pejabatPenilaiID: kadis))
    }

    public static func supervisor(_ person: PersonID, nama: String, binaan: [NPSN]) -> RosterEntry {
        RosterEntry(
            person: Person(id: person, nama: nama, kepegawaian: .pns),
            position: Position(
                key: PositionKey(personID: person, role: .pengawasSekolah, npsn: nil), atasanID: kadis,
                timKinerja: [kadis], pejabatPenilaiID: kadis, sekolahBinaan: binaan))
    }

    public static var roster: [RosterEntry] {
        [
            principal(budi, nama: "Budi Santoso", school: school1),
            principal(budi, nama: "Budi Santoso", school: school3, jabatan: .plt),
            principal(siti, nama: "Siti Rahayu", school: school2),
            supervisor(agus, nama: "Agus Wijaya", binaan: [school1, school2, school3]),
        ]
    }

    public static let rules = YearRules(
        year: 2025, pengembanganKompetensi: .rhkPoints(minimumPoints: 0, recommendedMaximumPoints: nil), durations: Durations(),
        deadlinesKepalaSekolah: [
            "perencanaan": .endOfMonth(1), "dokumen-persiapan": .endOfMonth(2), "observasi": .endOfMonth(3),
            "dokumen-tindak-lanjut": .afterPreviousDays(14), "tindak-lanjut-observasi": .endOfMonth(5),
            "dokumen-refleksi-tindak-lanjut": .endOfMonth(6),
        ],
        deadlinesPengawasSekolah: [
            "perencanaan": .endOfMonth(1), "pemeriksaan": .afterPreviousDays(7), "persetujuan": .afterPreviousDays(7),
            "diskusi-persiapan": .endOfMonth(2), "diskusi-tindak-lanjut": .afterPreviousDays(14),
            "refleksi-tindak-lanjut": .endOfMonth(6),
        ],
        catalogs: Catalogs(rhk: [CatalogItem(id: "rhk-a", nama: "A", poin: 8), CatalogItem(id: "rhk-b", nama: "B")]))

    public static let schedule = TimelineSchedule(cycle: cycle, rules: rules)

    @Sendable public static func derive(_ plan: Plan) -> PlanDerivation {
        (plan.id.cycle == cycle ? schedule : TimelineSchedule(cycle: plan.id.cycle, rules: rules)).derivation(of: plan)
    }

    public static var creation: PlanCreation { creation(on: cycle.start) }

    /// The cycle's plans made on `day` (after the cycle's start, a newcomer's are opened that day).
    public static func creation(on day: LocalDate) -> PlanCreation { PlanCreation(cycle: cycle, rules: rulesName, today: day, derive: derive) }

    public static func importRecord(_ kind: String, rows: Int) -> ImportRecord {
        ImportRecord(kind: kind, sha256: String(repeating: "ab", count: 32), counts: ["rows": rows])
    }

    public static func planID(_ person: PersonID, _ school: NPSN?) -> PlanID {
        PlanID(cycle: cycle, position: PositionKey(personID: person, role: school == nil ? .pengawasSekolah : .kepalaSekolah, npsn: school))
    }

    /// A store with the district's roster and the cycle's plans.
    public static func seed(_ store: any OfficeStore) async throws {
        _ = try await store.applyRoster(
            roster, markMissingInactive: true, plans: [creation], dryRun: false, record: importRecord("roster", rows: 4), actor: admin, at: now)
    }

    /// A save of `plan` over `old`, derived with the district's rules.
    public static func save(_ plan: Plan, over old: StoredPlan?, action: String = "test") -> PlanSave {
        PlanSave(old: old, plan: plan, derivation: derive(plan), rules: rulesName, action: action)
    }

    public static func apply(_ action: PlanAction, to plan: Plan, on date: String) throws -> Plan {
        try plan.applying(action, on: LocalDate(date)!, today: LocalDate("2025-12-31")!, rules: rules)
    }
}

/// Random plans: any combination of what a plan can hold (`arbitrary`), and plans a
/// workflow reaches (`walked`), for the round-trip and rule checks.
struct RandomPlans {
    var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    mutating func int(_ bound: Int) -> Int { Int(random.next() % UInt64(bound)) }
    mutating func coin() -> Bool { random.next() % 2 == 0 }
    mutating func pick<T>(_ items: [T]) -> T { items[int(items.count)] }

    /// Texts with everything a store could get wrong: quotes, backslashes, control
    /// characters, non-ASCII, emoji, SQL.
    static let texts = ["biasa", "kutip \"ganda\" 'tunggal'", "garis\\miring/dan", "baris\nbaru\ttab", "\u{01}\u{1F}", "ü 😀 – ©", "'); DROP TABLE plan; --"]

    mutating func date(from start: LocalDate) -> LocalDate { start.adding(days: int(180)) }

    /// A plan with every field present or absent, in any combination a store must keep.
    mutating func arbitrary(id: PlanID) -> Plan {
        let start = id.cycle.start
        let records = Workflow.steps(for: id.position.role).map { step -> StepRecord in
            var record = StepRecord(step: step)
            if coin() { record.startedOn = date(from: start) }
            if coin() { record.completedOn = date(from: start) }
            if int(3) == 0 {
                var d = StepDetails()
                if coin() { d.praktikKinerja = pick(Self.texts) }
                if coin() { d.kompetensi = pick(Self.texts) }
                if coin() { d.catatan = pick(Self.texts) }
                if coin() { d.perilakuKerja = (0..<int(3)).map { _ in pick(Self.texts) } }
                if coin() { d.sekolah = (0..<int(4)).map { _ in NPSN(trusted: "2010\(1000 + int(9000))") } }
                if coin() { d.sekolahFokus = NPSN(trusted: "20109999") }
                if coin() { d.rating = pick(Rating.allCases) }
                if coin() { d.rhk = (0..<int(3)).map { _ in RHKChoice(id: pick(["rhk-a", "rhk-b", "rhk-x"]), jumlah: int(5)) } }
                if coin() {
                    var ratings: [RefleksiAspect: Rating] = [:]
                    for aspect in RefleksiAspect.allCases where coin() { ratings[aspect] = pick(Rating.allCases) }
                    d.ratings = ratings
                }
                record.details = d
            }
            return record
        }
        let blocks = (0..<int(3)).map { _ in
            BlockPeriod(cause: pick(BlockCause.allCases), note: coin() ? pick(Self.texts) : nil, since: date(from: start), until: coin() ? date(from: start) : nil)
        }
        let revisions = (0..<int(3)).map { _ in Revision(by: pick([Step.pemeriksaan, .persetujuan]), on: date(from: start), reason: pick(Self.texts)) }
        return Plan(
            restoring: id, records: records, currentIndex: int(records.count + 1), blocks: blocks, revisions: revisions,
            firstSubmittedOn: coin() ? date(from: start) : nil)
    }

    /// A plan some administrator could have recorded: random actions through the workflow
    /// (completions, starts, returns, blocks), each dated after the last.
    mutating func walked(id: PlanID, steps: Int) -> Plan {
        var plan = Plan(id: id)
        var day = id.cycle.start.adding(days: int(20))
        for _ in 0..<steps {
            day = day.adding(days: int(15))
            let action: PlanAction
            switch int(10) {
            case 0: action = plan.openBlock == nil ? .block(pick(BlockCause.allCases), note: coin() ? "catatan" : nil) : .unblock
            case 1: action = .start(plan.currentStep ?? .praktikKinerja)
            case 2: action = .returnForRevision(plan.currentStep ?? .pemeriksaan, reason: "belum realistis")
            default: action = .complete(plan.currentStep ?? .praktikKinerja, coin() ? StepDetails(catatan: "ok") : .none)
            }
            if let next = try? plan.applying(action, on: day, today: id.cycle.end, rules: District.rules) { plan = next }
        }
        return plan
    }
}
