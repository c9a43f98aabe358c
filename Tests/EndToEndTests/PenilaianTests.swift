import Foundation
import KinerjaRPC
import Testing

/// Stage 5 on the example district, with the real daemon: the two principals whose
/// Pelaksanaan is done are rated by their Tim Kinerja, given a predikat by the Kepala Dinas
/// (one against the matrix, refused without a reason, then recorded with one) and handed
/// over to e-Kinerja; after the cycle closes, its predikat report is final.
@Suite("Penilaian and predikat", .timeLimit(.minutes(5)))
struct PenilaianTests {
    /// Hj. Siti Nurjanah (SD Negeri 1 Sukamaju), Tim Kinerja 196811021993032004.
    static let siti = "197002141993032002"
    /// Drs. Hotman Sitompul (SMP Negeri 1 Sukamaju), Tim Kinerja 197501082000122001.
    static let hotman = "196708181993121001"

    @Test("ratings, a predikat by the matrix and one against it with a reason, Sinkron; the closed cycle's report shows the distribution")
    func wholeStage() throws {
        let daemon = try DaemonProcess(clockStart: "2026-12-20T08:00:00+07:00")
        try daemon.start()
        let cli = CLI(daemon)
        _ = try cli.importFile("roster", TestEnvironment.example("roster.csv"))
        _ = try cli.importFile("progress", TestEnvironment.example("progress.csv"))

        // Done with Pelaksanaan: at Penilaian, due on the cycle's last day, reminded to the Tim Kinerja.
        let before = try cli.plan(Self.siti)
        #expect(before.summary.step == "penilaian" && before.summary.due == "2026-12-31", "\(before.summary)")
        let preview = try cli.json([ReminderItem].self, ["reminders", "preview", "--from", "2026-12-21", "--to", "2026-12-31"])
        #expect(preview.contains {
            $0.plan.hasPrefix("2026-2/\(Self.siti)/") && $0.step == "penilaian" && $0.recipientRole == "tim_kinerja"
                && $0.recipient == "196811021993032004"
        }, "\(preview.filter { $0.step == "penilaian" }.map(\.id))")

        // A plan still in Pelaksanaan cannot be rated.
        let early = try cli.run(["plan", "rate", "197812012005012004", "--praktik", "sesuai-ekspektasi", "--perilaku", "sesuai-ekspektasi"])
        #expect(early.status == 1 && early.stderr.contains("step 'penilaian' is not the current step"), "\(early)")

        // The Tim Kinerja's ratings: above expectation in practice, as expected in behaviour → Baik.
        let rated = try cli.json(PlanDetail.self, ["plan", "rate", Self.siti, "--praktik", "di-atas-ekspektasi", "--perilaku", "sesuai-ekspektasi", "--json"])
        #expect(rated.rekomendasi == "baik")
        #expect(rated.summary.step == "penetapan-predikat")
        #expect(rated.choices.contains { $0.step == "penilaian" && $0.choice == "nilai-praktik-kinerja" && $0.id == "di-atas-ekspektasi" })
        let afterRating = try cli.json([ReminderItem].self, ["reminders", "preview", "--from", "2026-12-21", "--to", "2026-12-31"])
        #expect(afterRating.contains {
            $0.plan.hasPrefix("2026-2/\(Self.siti)/") && $0.step == "penetapan-predikat" && $0.recipientRole == "pejabat_penilai"
                && $0.recipient == "196808141994031005"
        })

        // Sangat Baik against the matrix: refused without a reason, naming the matrix's predikat…
        let refused = try cli.run(["plan", "predikat", Self.siti, "sangat-baik"])
        #expect(refused.status == 1, "\(refused)")
        #expect(refused.stderr.contains("predikat sangat-baik differs from the matrix of config/rules/2025.toml"), "\(refused)")
        #expect(refused.stderr.contains("set baik, or give the reason (--reason in kinerjactl"), "\(refused)")
        let inIndonesian = try CLI(daemon, language: nil).run(["plan", "predikat", Self.siti, "sangat-baik"])
        #expect(inIndonesian.stderr.contains("tetapkan baik, atau sertakan alasannya"), "\(inIndonesian)")
        #expect(try cli.plan(Self.siti).summary.step == "penetapan-predikat", "nothing written")
        // …recorded with one, and audited.
        let set = try cli.json(PlanDetail.self, [
            "plan", "predikat", Self.siti, "sangat-baik", "--reason", "praktik baiknya diadopsi tiga sekolah", "--json",
        ])
        #expect(set.choices.contains { $0.choice == "predikat" && $0.id == "sangat-baik" && $0.nama == "Sangat Baik" })
        #expect(set.choices.contains { $0.choice == "alasan" && $0.id == "praktik baiknya diadopsi tiga sekolah" })
        let history = try cli.history(Self.siti)
        let audited = try #require(history.first { $0.action == "selesai penetapan-predikat" }, "\(history.map(\.action))")
        #expect((audited.after ?? "").contains("sangat-baik") && (audited.after ?? "").contains("praktik baiknya diadopsi tiga sekolah"), "\(audited)")

        // The other principal: the matrix's predikat needs no reason.
        _ = try cli.json(PlanDetail.self, ["plan", "rate", Self.hotman, "--praktik", "sesuai-ekspektasi", "--perilaku", "sesuai-ekspektasi", "--json"])
        let baik = try cli.run(["plan", "predikat", Self.hotman, "baik"])
        #expect(baik.status == 0, "\(baik)")

        // Sinkron, with its day.
        for person in [Self.siti, Self.hotman] {
            let done = try cli.json(PlanDetail.self, ["plan", "sinkron", person, "--date", "2026-12-20", "--json"])
            #expect(done.summary.step == nil && done.timeline.last?.completedOn == "2026-12-20", "\(done.summary)")
        }
        let open = try cli.json(PredikatReport.self, ["report", "predikat", "--json"])
        #expect(!open.closed && open.assessed == 2 && open.sinkron == 2)

        // After the cycle closed (15 January: close_cycle_after_days = 14), the same store.
        _ = daemon.stop()
        daemon.clockStart = "2027-01-20T08:00:00+07:00"
        try daemon.start()
        let report = try cli.json(PredikatReport.self, ["report", "predikat", "--cycle", "2026-2", "--json"])
        #expect(report.closed && report.cycle == "2026-2")
        #expect(report.plans == 35 && report.assessed == 2 && report.againstMatrix == 1 && report.sinkron == 2)
        #expect(report.predikat == ["sangat-baik": 1, "baik": 1])
        let principals = try #require(report.roles.first { $0.key == "kepala_sekolah" })
        #expect(principals.predikat == ["sangat-baik": 1, "baik": 1] && principals.unassessed == principals.plans - 2)
        #expect(report.schools.first { $0.key == "20571034" }?.predikat == ["sangat-baik": 1])
        #expect(report.schools.first { $0.key == "20571034" }?.name == "SD Negeri 1 Sukamaju")
        let rater = try #require(report.supervisors.first { $0.key == "196811021993032004" })
        #expect(rater.predikat == ["sangat-baik": 1] && rater.name != nil)
        #expect(report.supervisors.first { $0.key == "197501082000122001" }?.predikat == ["baik": 1])
        #expect(report.unassessed.count == 33)
        #expect(report.unassessed.allSatisfy { $0.closedOn == "2027-01-15" && $0.pelaksanaanIncomplete })
        // The tables say the same, in either language.
        let table = try cli.run(["report", "predikat", "--cycle", "2026-2"])
        #expect(table.status == 0 && table.stdout.contains("2 of 35 plans have a predikat; 1 set against the matrix"), "\(table)")
        #expect(table.stdout.contains("SANGAT-BAIK") && table.stdout.contains("UNASSESSED"))
        let tabel = try CLI(daemon, language: nil).run(["report", "predikat", "--cycle", "2026-2"])
        #expect(tabel.stdout.contains("2 dari 35 rencana berpredikat") && tabel.stdout.contains("BELUM-DINILAI"), "\(tabel)")
        // A closed plan takes nothing more.
        let late = try cli.run(["plan", "rate", "197812012005012004", "--cycle", "2026-2", "--praktik", "sesuai-ekspektasi", "--perilaku", "sesuai-ekspektasi"])
        #expect(late.status == 1 && late.stderr.contains("cycle 2026-2 was closed on 2027-01-15"), "\(late)")
    }
}
