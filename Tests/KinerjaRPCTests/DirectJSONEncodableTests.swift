import Foundation
import KinerjaRPC
import Testing

/// Types that write their own members must write what their Codable conformance writes:
/// the same keys, the same values, `nil` left out.
@Suite("Wire types writing their own JSON")
struct DirectJSONEncodableTests {
    static let plans: [PlanSummary?] = [
        nil,
        PlanSummary(plan: "2026-2/198609262015051001/ks@20100001", cycle: "2026-2", step: nil, actor: nil, due: nil,
                    daysLeft: nil, flags: [], blockCause: nil),
        PlanSummary(plan: "2026-2/198609262015051001/ps", cycle: "2026-2", step: "penyusunan", actor: "pegawai",
                    due: "2026-07-31", daysLeft: -117, flags: ["overdue", "not-submitted"], blockCause: "rhk-atasan"),
    ]

    static let positions: [PositionSummary] = plans.map { plan in
        PositionSummary(
            id: "198609262015051001", nama: "Dra. \"Sri\" Wahyuni\\Putri, M.Pd.", kepegawaian: "pns", peran: "kepala-sekolah",
            jabatan: plan == nil ? "plt" : "definitif", npsn: plan == nil ? nil : "20100001",
            namaSekolah: plan == nil ? nil : "SD Negeri 1 Tenggarong\nKutai", atasanId: plan == nil ? nil : "197001011995031001",
            timKinerja: plan == nil ? [] : ["197001011995031001", "ü/ñ"], pejabatPenilaiId: nil,
            sekolahBinaan: plan == nil ? [] : ["20100001", "20100002", "20100003"], active: plan != nil, plan: plan)
    }

    @Test("Each position summary streams as JSONEncoder writes it", arguments: positions)
    func positionSummary(position: PositionSummary) throws {
        try StreamingJSONEncoderTests.expectSame(position)
        try StreamingJSONEncoderTests.expectSame([position, position])
    }

    @Test("Each plan summary streams as JSONEncoder writes it", arguments: plans.compactMap { $0 })
    func planSummary(plan: PlanSummary) throws {
        try StreamingJSONEncoderTests.expectSame(plan)
    }

    @Test("A long array, written in pieces on several threads, streams as JSONEncoder writes it, in order")
    func longArrayInPieces() throws {
        let rows = (0..<2_000).map { index in
            PositionSummary(
                id: "\(index)", nama: "Guru \(index) \"ke-\(index)\"", kepegawaian: "pns", peran: "kepala-sekolah", jabatan: "definitif",
                npsn: index % 3 == 0 ? nil : "2010\(index)", namaSekolah: nil, atasanId: nil, timKinerja: [], pejabatPenilaiId: nil,
                sekolahBinaan: [], active: index % 2 == 0, plan: Self.plans[index % Self.plans.count])
        }
        try StreamingJSONEncoderTests.expectSame(rows)
        try StreamingJSONEncoderTests.expectSame(Array(rows.prefix(300)))
        try StreamingJSONEncoderTests.expectSame([PositionSummary]())
    }

    @Test("A direct member has no key when nil, as encodeIfPresent")
    func nilMembersAreLeftOut() throws {
        let text = String(decoding: try StreamingJSONEncoder.encode(Self.positions[0]), as: UTF8.self)
        #expect(!text.contains("npsn"))
        #expect(!text.contains("\"plan\""))
        #expect(text.hasPrefix(#"{"id":"198609262015051001","nama":"Dra. \"Sri\" Wahyuni\\Putri, M.Pd.""#))
    }
}

extension DirectJSONEncodableTests {
    @Test("Compliance rows stream as JSONEncoder writes them")
    func complianceRows() throws {
        try StreamingJSONEncoderTests.expectSame(ComplianceReport(
            cycle: "2026-2", asOf: "2026-11-25",
            steps: [StepCompliance(role: "kepala-sekolah", step: "praktik-kinerja", done: 3, onTime: 2, late: 1, overdue: 4, blocked: 0, pending: 7)],
            schools: [GroupCompliance(key: "20100001", name: "SD \"Satu\"", plans: 2, complete: 1, overdue: 1, blocked: 0, notSubmitted: 1),
                      GroupCompliance(key: "20100002", name: nil)],
            roles: [GroupCompliance(key: "pengawas-sekolah", name: nil, plans: 9)]))
    }

    @Test("Reminder items stream as JSONEncoder writes them")
    func reminderItems() throws {
        let item = ReminderItem(
            id: "r-1", plan: "2026-2/198609262015051001/ps", person: "198609262015051001", step: "penyusunan", kind: "overdue",
            due: "2026-07-31", fireAt: "2026-11-25T07:00:00+08:00", recipientRole: "atasan", recipient: nil, state: "fired",
            late: true, message: "Rencana belum dikirim.\nSegera kirim.")
        try StreamingJSONEncoderTests.expectSame([item, ReminderItem(
            id: "r-2", plan: "p", person: "x", step: nil, kind: "blocked", due: "2026-08-01", fireAt: "t", recipientRole: "pegawai",
            recipient: "197001011995031001", state: "upcoming", late: false, message: "")])
    }
}

extension DirectJSONEncodableTests {
    @Test("The status streams as JSONEncoder writes it")
    func status() throws {
        try StreamingJSONEncoderTests.expectSame(Status(
            version: "0.1.0", startedAt: "2026-11-25T10:00:00+07:00", now: "2026-11-25T10:05:00+07:00", uptimeSeconds: 300,
            clockOverridden: true, timezone: "Asia/Jakarta", language: "id", today: "2026-11-25", currentCycle: "2026-2",
            storePath: "/var/lib/kinerja/kinerja.sqlite", storeBytes: 4_096_000, rulesYears: [2024, 2025],
            counts: Counts(people: 2000, kepalaSekolah: 1900, pengawasSekolah: 100, plans: 2000, complete: 3, blocked: 12, overdue: 788),
            remindersFired: 5, remindersMissed: 1, remindersSilenced: 2, deliveriesFailed: 0))
    }
}
