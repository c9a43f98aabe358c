import Foundation
import KinerjaRPC
import Testing

/// Stages 1–2, the office's own preconditions (issue 16, point 1), with the real daemon: an
/// office that names its operator and tracks stages 1–2 from 2027-1. On the eve of 2027-1
/// the operator's reminders of stage 1 are planned for the cycle's first week, before the
/// planning deadline; every 2027-1 plan shows blocked awaiting the operator; a principal's
/// data recorded, he awaits the Kepala Dinas's Plotting; plotted, he is no longer blocked.
/// The cycle under way (2026-2) is not touched.
@Suite("Stages 1–2: blocked until the office's preconditions are recorded", .timeLimit(.minutes(3)))
struct PreconditionTests {
    static let kepalaDinas = "196808141994031005"
    static let office = """

        [office]
        operator_name = "Siti Rahmawati, S.Kom."
        operator_jabatan = "Operator Dinas Pendidikan"
        preconditions_from = "2027-1"
        """

    @Test("stage 1–2 reminders to the office before planning; unplotted shown blocked with its owner; plotted, free")
    func blockedUntilPlotted() throws {
        let daemon = try ReminderDaemon(extraConfig: Self.office)
        try daemon.start(clockStart: "2026-12-31T08:00:00+07:00")
        let cli = daemon.cli
        #expect(try cli.importFile("officials", TestEnvironment.example("pejabat.csv")).applied)
        try daemon.importExampleDistrict()

        // The cycle under way keeps its standing: nothing in it is blocked by stages 1–2.
        let current = try cli.people(["--cycle", "2026-2"])
        #expect(!current.isEmpty)
        #expect(current.allSatisfy { $0.plan?.blockCause != "pemutakhiran-data" && $0.plan?.blockCause != "plotting-tim-kinerja" })

        // 2027-1's plans exist from its eve: each blocked by stage 1, awaiting the operator, not late.
        let next = try cli.people(["--cycle", "2027-1"])
        try #require(!next.isEmpty)
        for row in next {
            #expect(row.plan?.blockCause == "pemutakhiran-data", "\(row.id)")
            #expect(row.plan?.flags == ["blocked"])
            #expect(row.plan?.awaiting?.role == "operator" && row.plan?.awaiting?.nama == "Siti Rahmawati, S.Kom.")
        }

        // The operator is reminded in the cycle's first week, before the planning deadline.
        let preview = try daemon.preview("2027-01-01", "2027-01-14")
        let toOperator = preview.filter { $0.recipientRole == "operator" }
        #expect(!toOperator.isEmpty)
        #expect(toOperator.allSatisfy { $0.step == nil && $0.due == "2027-01-07" && $0.recipientNama == "Siti Rahmawati, S.Kom." })
        #expect(Set(toOperator.map { "\($0.kind) \($0.fireAt.prefix(10))" }) == ["lead 2027-01-06", "due 2027-01-07", "overdue 2027-01-14"])
        #expect(Set(toOperator.map(\.person)) == Set(next.map(\.id)), "one item per person")
        #expect(Set(toOperator.compactMap(\.digest)) == ["2027-01-06|operator", "2027-01-07|operator", "2027-01-14|operator"],
                "one message a day to the operator")
        #expect(toOperator.first?.message.contains("Pemutakhiran Data (tahap 1)") == true)

        let principal = try #require(next.first { $0.peran == "kepala_sekolah" })
        let data = try cli.run([
            "preconditions", "record", "pemutakhiran-data", principal.id, "--cycle", "2027-1", "--date", "2026-12-31",
        ])
        #expect(data.status == 0, "\(data)")
        let unplotted = try PlanDetail.summary(cli: cli, id: principal.id, npsn: principal.npsn, cycle: "2027-1")
        #expect(unplotted.blockCause == "plotting-tim-kinerja")
        #expect(unplotted.awaiting?.role == "pejabat_penilai" && unplotted.awaiting?.id == Self.kepalaDinas)
        #expect(unplotted.awaiting?.jabatan == "Kepala Dinas Pendidikan")

        let plotted = try cli.json(PreconditionResult.self, [
            "preconditions", "record", "plotting-tim-kinerja", principal.id, "--cycle", "2027-1", "--date", "2026-12-31",
            "--decree-number", "800/017/Disdik/2027", "--decree-date", "2026-12-30",
        ])
        #expect(plotted.recorded == 1 && plotted.plansRederived >= 1)
        let free = try PlanDetail.summary(cli: cli, id: principal.id, npsn: principal.npsn, cycle: "2027-1")
        #expect(free.blockCause == nil && free.flags.isEmpty && free.step == "praktik-kinerja")

        let listed = try cli.json(Kinerja.ListPreconditions.Result.self, ["preconditions", "list", "--cycle", "2027-1", "--missing"])
        #expect(listed.counts.tracked)
        #expect(listed.counts.pemutakhiranDataDone == 1 && listed.counts.plottingTimKinerjaDone == 1)
        #expect(listed.counts.plottingTimKinerjaMissing == listed.counts.persons - 1)
        #expect(listed.counts.pemutakhiranDataOwner.nama == "Siti Rahmawati, S.Kom.")
        #expect(listed.counts.plottingTimKinerjaOwner.id == Self.kepalaDinas)
        #expect(!listed.persons.contains { $0.id == principal.id })

        // Audited like any change; the office's other people stay blocked.
        #expect(try cli.history(principal.id).contains { $0.action == "precondition plotting-tim-kinerja" })
        #expect(try cli.people(["--cycle", "2027-1", "--blocked"]).count == next.count - next.filter { $0.id == principal.id }.count)
        #expect(daemon.stop() == 0)
    }
}

extension PlanDetail {
    /// The standing of a person's plan of `cycle`, as `plan show` gives it.
    static func summary(cli: CLI, id: String, npsn: String?, cycle: String) throws -> PlanSummary {
        try cli.json(PlanDetail.self, ["plan", "show", id, "--cycle", cycle] + (npsn.map { ["--npsn", $0] } ?? [])).summary
    }
}
