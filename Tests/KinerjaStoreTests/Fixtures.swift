import Foundation
import KinerjaCore
import KinerjaStore

/// A directory of its own per test (tests run in parallel, each on its own database
/// file), removed by the test's `defer`: a deinit could run as soon as the last use of
/// the path, before the store on it is done.
final class TemporaryDirectory {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("kinerja-store-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { path + "/" + name }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// A small district: two principals (one also Plt. at a second school), a supervisor
/// mentoring both schools, all with real-looking NIPs.
enum Fixture {
    /// One principal and their position, as migrations 3 and 4 stored them (the column
    /// set of `position` is unchanged since migration 3), for the upgrade tests.
    static let principalAtMigration3 = """
            INSERT INTO person (id, nama, kepegawaian, active, updated_at)
            VALUES ('198609262015051001', 'Budi Santoso', 'pns', 1, '2025-01-02 01:00:00.000');
            INSERT INTO position (person_id, role, npsn, jabatan, nama_sekolah, atasan_id, tim_kinerja, pejabat_penilai_id,
                                  sekolah_binaan, active, updated_at)
            VALUES ('198609262015051001', 'kepala_sekolah', '20100001', 'definitif', 'SD Negeri 1 Sukamaju',
                    '197204041998031002', '["197204041998031002"]', '196905101995121001', '[]', 1,
                    '2025-01-02 01:00:00.000');

        """

    static let admin = AuditActor(uid: 1000, user: "operator")
    static let daemon = AuditActor(uid: 990, user: "kinerjad")
    /// Whole seconds: the store keeps instants to the millisecond.
    static let now = Date(timeIntervalSince1970: 1_738_569_600) // 2025-02-03T08:00:00Z
    static let cycle = CycleID(year: 2025, half: 1)!

    static let budi = id("198609262015051001")
    static let siti = id("197803152005012002")
    static let agus = id("197204041998031002")
    static let kadis = id("196905101995121001")

    static let school1 = NPSN("20100001")!
    static let school2 = NPSN("20100002")!
    static let school3 = NPSN("20100003")!

    static func id(_ text: String) -> PersonID {
        do { return try PersonID(validating: text) } catch { fatalError("bad fixture id \(text): \(error)") }
    }

    static func principal(_ person: PersonID, nama: String, school: NPSN, jabatan: Jabatan = .definitif) -> RosterEntry {
        RosterEntry(
            person: Person(id: person, nama: nama, kepegawaian: .pns),
            position: Position(
                key: PositionKey(personID: person, role: .kepalaSekolah, npsn: school), jabatan: jabatan,
                namaSekolah: "SD Negeri \(school.rawValue.suffix(1)) Sukamaju", atasanID: agus, timKinerja: [agus],
                pejabatPenilaiID: kadis))
    }

    static func supervisor(_ person: PersonID, nama: String, binaan: [NPSN]) -> RosterEntry {
        RosterEntry(
            person: Person(id: person, nama: nama, kepegawaian: .pns),
            position: Position(
                key: PositionKey(personID: person, role: .pengawasSekolah, npsn: nil), atasanID: kadis,
                timKinerja: [kadis], pejabatPenilaiID: kadis, sekolahBinaan: binaan))
    }

    static var roster: [RosterEntry] {
        [
            principal(budi, nama: "Budi Santoso", school: school1),
            principal(budi, nama: "Budi Santoso", school: school3, jabatan: .plt),
            principal(siti, nama: "Siti Rahayu", school: school2),
            supervisor(agus, nama: "Agus Wijaya", binaan: [school1, school2, school3]),
        ]
    }

    static let rules = YearRules(
        year: 2025, pengembanganKompetensi: .oneIndicator, durations: Durations(),
        deadlinesKepalaSekolah: [:], deadlinesPengawasSekolah: [:])

    static let today = LocalDate(year: 2025, month: 3, day: 31)!

    static func planID(_ person: PersonID, _ school: NPSN?) -> PlanID {
        PlanID(cycle: cycle, position: PositionKey(personID: person, role: school == nil ? .pengawasSekolah : .kepalaSekolah, npsn: school))
    }

    /// A due date that only depends on the plan's progress, standing in for the daemon's
    /// timeline: 31 January while planning, a month later per step after that.
    static func due(_ plan: Plan) -> LocalDate? {
        plan.isComplete ? nil : LocalDate(year: 2025, month: 1, day: 31)!.adding(months: plan.currentIndex)
    }

    /// Applies `action` on `date` with the fixture rules.
    static func apply(_ action: PlanAction, to plan: Plan, on date: LocalDate) throws -> Plan {
        try plan.applying(action, on: date, today: today, rules: rules)
    }

    /// A store at a fresh path with the fixture roster and the cycle's plans.
    static func seededStore(in directory: TemporaryDirectory) throws -> SQLiteStore {
        let store = try SQLiteStore(path: directory.file("kinerja.sqlite"))
        _ = try store.applyRoster(roster, actor: admin, at: now, markMissingInactive: true)
        _ = try store.ensurePlans(cycle: cycle, due: due, actor: daemon, at: now)
        return store
    }
}
