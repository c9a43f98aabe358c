import Foundation
import KinerjaRPC
import Testing

/// Issue 16's Done-when, with the real daemon, socket, store, journald and a hook: the
/// example district's office (tracking stages 1–2 from 2027-1) through the end of cycle
/// 2026-2 and the start of 2027-1, on the clock of `--clock-start`, one store throughout.
/// - 14 December 2026: the Kepala Dinas gets one message listing his 11 items.
/// - 21 December: every plan is taken through Pelaksanaan, rated by its Tim Kinerja and given
///   its predikat (one against the matrix, refused without a reason, then with one), and
///   Sinkron is recorded; the operator's stage 1 and the Kepala Dinas's stage 2 reminders of
///   2027-1 are planned before planning can start.
/// - 2 January 2027: the office records stage 1 for everyone and stage 2 for all but one
///   principal, who shows blocked awaiting the Kepala Dinas, by name; nobody is late.
/// - 20 January 2027 (2026-2 closed on the 15th): the closed cycle's predikat report shows
///   every plan assessed and the distribution; its compliance report, every plan complete.
@Suite("The whole cycle of the example district", .timeLimit(.minutes(8)))
struct WholeCycleTests {
    static let kepalaDinas = "196808141994031005"
    /// Hj. Siti Nurjanah, whose predikat the Kepala Dinas sets against the matrix.
    static let deviating = "197002141993032002"
    /// A principal whose Tim Kinerja the Kepala Dinas has not plotted for 2027-1.
    static let unplotted = "197812012005012004"

    @Test("stages 1–2, one message a day, every plan assessed with one predikat against the matrix, Sinkron, the closed cycle's reports")
    func wholeCycle() throws {
        try ReminderJournal.ensureRunning()
        let daemon = try ReminderDaemon(extraConfig: PreconditionTests.office)
        let out = daemon.directory + "/out"
        try daemon.writeRecordingHook("10-record", into: out)
        let cli = daemon.cli

        // 14 December 2026, 07:00: one message to the Kepala Dinas with his 11 items.
        try daemon.start(clockStart: "2026-12-14T06:59:50+07:00")
        #expect(try cli.importFile("officials", TestEnvironment.example("pejabat.csv")).applied)
        try daemon.importExampleDistrict()
        let toKadis = try daemon.preview("2026-12-14").filter { $0.recipient == Self.kepalaDinas }
        #expect(toKadis.count == 11 && Set(toKadis.map(\.digest)) == ["2026-12-14|\(Self.kepalaDinas)"])
        let entries = try ReminderJournal.waitForReminders(of: daemon, timeout: 60) { entries in
            entries.contains { $0["KINERJA_RECIPIENT"] == Self.kepalaDinas }
        }
        let kadis = entries.filter { $0["KINERJA_RECIPIENT"] == Self.kepalaDinas }
        #expect(kadis.count == 1 && kadis.first?["KINERJA_COUNT"] == "11", "\(kadis)")
        #expect(ReminderJournal.itemIDs(kadis.first ?? [:]) == toKadis.map(\.id))
        #expect(daemon.stop() == 0)

        // 21 December: Pelaksanaan finished everywhere, then stage 5 for every plan.
        try daemon.start(clockStart: "2026-12-21T08:00:00+07:00")
        let positions = try cli.people(["--cycle", "2026-2"])
        try #require(positions.count == 35)
        for position in positions {
            try Self.finishPelaksanaan(position, cli: cli)
        }
        var recommended: [String: String] = [:]
        for (index, position) in positions.enumerated() {
            let plan = try #require(position.plan?.plan)
            // Ratings spread over the matrix's rows, so the distribution has more than one predikat.
            let praktik = ["sesuai-ekspektasi", "di-atas-ekspektasi", "di-bawah-ekspektasi"][index % 3]
            let rated = try cli.json(PlanDetail.self, ["plan", "rate", plan, "--praktik", praktik, "--perilaku", "sesuai-ekspektasi", "--json"])
            #expect(rated.summary.step == "penetapan-predikat", "\(plan): \(rated.summary)")
            recommended[plan] = try #require(rated.rekomendasi, "\(plan) has no recommendation")
        }
        let deviating = try #require(positions.first { $0.id == Self.deviating }?.plan?.plan)
        #expect(recommended[deviating] != "sangat-baik", "the deviation must differ from the matrix")
        let refused = try cli.run(["plan", "predikat", deviating, "sangat-baik"])
        #expect(refused.status == 1 && refused.stderr.contains("predikat sangat-baik berbeda dari matriks"), "\(refused)")
        for position in positions {
            let plan = try #require(position.plan?.plan)
            let arguments = plan == deviating
                ? ["plan", "predikat", plan, "sangat-baik", "--reason", "praktik baiknya diadopsi tiga sekolah"]
                : ["plan", "predikat", plan, try #require(recommended[plan])]
            let set = try cli.run(arguments)
            #expect(set.status == 0, "\(set)")
            let synced = try cli.json(PlanDetail.self, ["plan", "sinkron", plan, "--date", "2026-12-21", "--json"])
            #expect(synced.summary.step == nil, "\(plan): \(synced.summary)")
        }
        let open = try cli.json(PredikatReport.self, ["report", "predikat", "--json"])
        #expect(open.plans == 35 && open.assessed == 35 && open.sinkron == 35 && open.againstMatrix == 1 && open.unassessed.isEmpty)

        // Before planning: the operator's stage 1 and the Kepala Dinas's stage 2 of 2027-1, planned.
        let preconditions = try daemon.preview("2026-12-21", "2027-01-14").filter { $0.step == nil && $0.plan.hasPrefix("2027-1/") }
        let toOperator = preconditions.filter { $0.recipientRole == "operator" }
        #expect(!toOperator.isEmpty && toOperator.allSatisfy { $0.due == "2027-01-07" && $0.recipientNama == "Siti Rahmawati, S.Kom." })
        #expect(toOperator.contains { $0.kind == "lead" && $0.fireAt < "2027-01-07" }, "a reminder before stage 1 is due")
        #expect(daemon.stop() == 0)

        // 2 January 2027: stage 1 for everyone, stage 2 for all but one principal.
        try daemon.start(clockStart: "2027-01-02T08:00:00+07:00")
        let next = try cli.people(["--cycle", "2027-1"])
        try #require(!next.isEmpty)
        #expect(next.allSatisfy { $0.plan?.blockCause == "pemutakhiran-data" && $0.plan?.awaiting?.role == "operator" })
        let persons = Array(Set(next.map(\.id))).sorted()
        let data = try cli.run(["preconditions", "record", "pemutakhiran-data"] + persons + ["--cycle", "2027-1", "--date", "2027-01-02"])
        #expect(data.status == 0, "\(data)")
        let plotted = try cli.run(
            ["preconditions", "record", "plotting-tim-kinerja"] + persons.filter { $0 != Self.unplotted }
                + ["--cycle", "2027-1", "--date", "2027-01-02", "--decree-number", "800/017/Disdik/2027", "--decree-date", "2027-01-02"])
        #expect(plotted.status == 0, "\(plotted)")
        for row in try cli.people(["--cycle", "2027-1"]) {
            if row.id == Self.unplotted {
                #expect(row.plan?.blockCause == "plotting-tim-kinerja" && row.plan?.flags == ["blocked"], "\(row.id)")
                #expect(row.plan?.awaiting?.id == Self.kepalaDinas && row.plan?.awaiting?.jabatan == "Kepala Dinas Pendidikan")
            } else {
                #expect(row.plan?.blockCause == nil && row.plan?.flags.contains("overdue") == false, "\(row.id): \(String(describing: row.plan))")
            }
        }
        #expect(daemon.stop() == 0)

        // 20 January 2027: 2026-2 closed on the 15th; its reports are final.
        try daemon.start(clockStart: "2027-01-20T08:00:00+07:00")
        let report = try cli.json(PredikatReport.self, ["report", "predikat", "--cycle", "2026-2", "--json"])
        #expect(report.closed && report.plans == 35 && report.assessed == 35 && report.sinkron == 35 && report.againstMatrix == 1)
        #expect(report.unassessed.isEmpty)
        var expected: [String: Int] = [:]
        for (plan, predikat) in recommended { expected[plan == deviating ? "sangat-baik" : predikat, default: 0] += 1 }
        #expect(report.predikat == expected, "\(report.predikat)")
        #expect(report.predikat.count >= 3, "ratings spread over the matrix: \(report.predikat)")
        #expect(report.roles.map(\.plans).reduce(0, +) == 35 && report.schools.allSatisfy { $0.unassessed == 0 })
        let table = try cli.run(["report", "predikat", "--cycle", "2026-2"])
        #expect(table.status == 0 && table.stdout.contains("35 dari 35 rencana berpredikat; 1 berbeda dari matriks (dengan alasan); 35 sudah Sinkron"), "\(table)")
        let compliance = try cli.json(ComplianceReport.self, ["report", "compliance", "--cycle", "2026-2", "--json"])
        #expect(compliance.roles.map(\.plans).reduce(0, +) == 35)
        #expect(compliance.roles.allSatisfy { $0.complete == $0.plans && $0.unfinished == 0 }, "\(compliance.roles)")
        #expect(daemon.stop() == 0)
    }

    /// Records what the plan of `position` still needs until it stands at Penilaian: an
    /// unblock, approvals, starts, and each step completed with what the 2025 rules require.
    static func finishPelaksanaan(_ position: PositionSummary, cli: CLI) throws {
        let plan = try #require(position.plan?.plan)
        let binaan = position.sekolahBinaan.prefix(3).joined(separator: ",")
        let choices: [String: [String]] = [
            "praktik-kinerja": ["--praktik-kinerja", "d3-visi-misi"],
            "pengembangan-kompetensi": ["--kompetensi", "kepribadian-1.1"],
            "perilaku-kerja": ["--perilaku-kerja", "berorientasi-pelayanan,kolaboratif"],
            "observasi": ["--rating", "sesuai-ekspektasi"],
            "penyusunan": [
                "--praktik-kinerja", "d1-kualitas-pembelajaran", "--kompetensi", "kepribadian-1.1", "--sekolah", binaan,
                "--perilaku-kerja", "berorientasi-pelayanan,akuntabel,kompeten,harmonis,loyal,adaptif,kolaboratif",
            ],
            "diskusi-persiapan": ["--sekolah-fokus", String(position.sekolahBinaan.first ?? "")],
            "diskusi-tindak-lanjut": ["--rating", "sesuai-ekspektasi"],
            "refleksi-tindak-lanjut": [
                "--refleksi", "kesadaran-dalam-refleksi=sesuai-ekspektasi", "--refleksi", "upaya-belajar=sesuai-ekspektasi",
                "--refleksi", "peningkatan-kinerja=sesuai-ekspektasi",
            ],
        ]
        for _ in 0..<24 {
            let detail = try cli.json(PlanDetail.self, ["plan", "show", plan])
            guard let step = detail.summary.step else { throw TestFailure("\(plan) ended before Penilaian") }
            if step == "penilaian" { return }
            let arguments: [String]
            if detail.summary.blockCause != nil {
                arguments = ["plan", "unblock", plan]
            } else if step == "pemeriksaan" || step == "persetujuan" {
                arguments = ["plan", "approve", plan, step]
            } else if (step == "pendampingan" || step == "upaya-tindak-lanjut"),
                      detail.timeline.first(where: { $0.step == step })?.startedOn == nil {
                arguments = ["plan", "start", plan, step]
            } else {
                arguments = ["plan", "complete", plan, step] + (choices[step] ?? [])
            }
            let result = try cli.run(arguments)
            guard result.status == 0 else { throw TestFailure("\(arguments.joined(separator: " ")): \(result)") }
        }
        throw TestFailure("\(plan) did not reach Penilaian in 24 records")
    }
}
