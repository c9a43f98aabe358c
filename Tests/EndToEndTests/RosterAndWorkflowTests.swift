import Foundation
import KinerjaRPC
import Testing

/// The example district (config/examples) through the real daemon and CLI: imports, the
/// Plt. principal, the blocked supervisor, both workflows step by step, and a restart.
@Suite("Roster and workflow")
struct RosterAndWorkflowTests {
    // Ids from config/examples/README.md.
    static let pltPrincipal = "197410051999031002"  // definitif at 20571112, Plt. at 20571113
    static let blockedSupervisor = "196811021993032004"  // blocked since 2 July: rhk-atasan
    static let principal = "197812012005012004"  // Neneng Rohaeni, SD Negeri 3 Sukamaju (20571036)
    static let supervisor = "196909251995031003"  // Marulam Simanjuntak, schools 20571301|…|20571397

    static let principalSteps = [
        "praktik-kinerja", "pengembangan-kompetensi", "perilaku-kerja", "rangkuman", "dokumen-persiapan", "observasi",
        "dokumen-tindak-lanjut", "tindak-lanjut-observasi", "dokumen-refleksi-tindak-lanjut",
    ]

    @Test("import roster and progress: 35 positions, the Plt. principal's two plans, the blocked supervisor")
    func rosterProgressPltAndBlocked() throws {
        let daemon = try DaemonProcess.started(clockStart: TestEnvironment.exampleClockStart)
        let cli = CLI(daemon)

        let roster = try cli.importFile("roster", TestEnvironment.example("roster.csv"))
        #expect(roster.applied && !roster.dryRun)
        #expect(roster.rows == 35 && roster.goodRows == 35)
        #expect(roster.problems.isEmpty)
        // 34 people and 35 positions (the Plt. principal has two rows).
        #expect(roster.added == 69)
        #expect(roster.updated == 0 && roster.deactivated == 0)

        let people = try cli.people()
        #expect(people.count == 35)
        #expect(people.filter { $0.peran == "kepala_sekolah" }.count == 30)
        #expect(people.filter { $0.peran == "pengawas_sekolah" }.count == 5)
        #expect(Set(people.map(\.id)).count == 34)
        #expect(people.allSatisfy { $0.plan?.cycle == "2026-2" })

        let status = try cli.status()
        #expect(status.today == "2026-11-25")
        #expect(status.currentCycle == "2026-2")
        #expect(status.clockOverridden)
        #expect(status.counts.people == 34 && status.counts.kepalaSekolah == 30 && status.counts.pengawasSekolah == 5)

        // The Plt. principal: two positions, two plans; a person id alone is ambiguous.
        let positions = try cli.json([PositionSummary].self, ["people", "show", Self.pltPrincipal])
        #expect(positions.count == 2)
        #expect(Set(positions.compactMap(\.npsn)) == ["20571112", "20571113"])
        #expect(positions.first { $0.npsn == "20571113" }?.jabatan == "plt")
        #expect(positions.first { $0.npsn == "20571112" }?.jabatan == "definitif")

        let ambiguous = try cli.run(["plan", "show", Self.pltPrincipal])
        #expect(ambiguous.status == 1, "\(ambiguous)")
        #expect(ambiguous.stderr.contains("20571112") && ambiguous.stderr.contains("20571113"), "\(ambiguous)")
        #expect(ambiguous.stderr.contains("--npsn"), "\(ambiguous)")
        #expect(ambiguous.stdout.isEmpty)
        let pltPlan = try cli.plan(Self.pltPrincipal, npsn: "20571113")
        #expect(pltPlan.summary.plan == "2026-2/\(Self.pltPrincipal)/ks@20571113")
        #expect(pltPlan.npsn == "20571113")

        // Progress: 200 rows through the workflows.
        let progress = try cli.importFile("progress", TestEnvironment.example("progress.csv"))
        #expect(progress.applied)
        #expect(progress.rows == 200 && progress.transitions == 200, "\(progress)")
        #expect(progress.problems.isEmpty)

        let blocked = try cli.plan(Self.blockedSupervisor)
        #expect(blocked.summary.flags.contains("blocked"))
        #expect(!blocked.summary.flags.contains("overdue"), "a blocked plan is shown as blocked, not as late")
        #expect(blocked.summary.blockCause == "rhk-atasan")
        #expect(blocked.blocks.count == 1)
        #expect(blocked.blocks.first?.since == "2026-07-02" && blocked.blocks.first?.until == nil)
        #expect(blocked.allowed == ["dibuka"])
        let blockedList = try cli.people(["--blocked"])
        #expect(blockedList.map(\.id) == [Self.blockedSupervisor])

        // The Plt. plan never started, the definitif one is at Tindak Lanjut Observasi (README).
        #expect(try cli.plan(Self.pltPrincipal, npsn: "20571113").summary.step == "praktik-kinerja")
        #expect(try cli.plan(Self.pltPrincipal, npsn: "20571112").summary.step == "tindak-lanjut-observasi")
    }

    @Test("a roster with bad rows is refused whole: every bad line named, nothing written")
    func rejectedRosterWritesNothing() throws {
        let daemon = try DaemonProcess.started(clockStart: TestEnvironment.exampleClockStart)
        let cli = CLI(daemon)
        _ = try cli.importFile("roster", TestEnvironment.example("roster.csv"))
        let before = try cli.people(["--all"])
        let historyBefore = try cli.history(Self.blockedSupervisor)

        let rejected = try cli.run(["import", "roster", TestEnvironment.example("roster-with-errors.csv")])
        #expect(rejected.status == 1, "\(rejected)")
        for line in [4, 5, 7, 8] {
            #expect(rejected.stderr.contains("line \(line):"), "line \(line) not named: \(rejected)")
        }
        for good in [2, 3, 6] {
            #expect(!rejected.stderr.contains("line \(good):"), "good line \(good) reported: \(rejected)")
        }
        #expect(rejected.stderr.contains("19750230") && rejected.stderr.contains("guru") && rejected.stderr.contains("2057150"))

        // kinerjactl in its default language, the daemon in the office's (config/kinerja.toml: language = "id").
        let indonesian = CLI(daemon, language: nil)
        let ditolak = try indonesian.run(["import", "roster", TestEnvironment.example("roster-with-errors.csv")])
        #expect(ditolak.status == 1, "\(ditolak)")
        #expect(ditolak.stderr == """
            kinerjactl: impor ditolak, tidak ada yang disimpan:
              baris 4: NIP '197502302000032002': angka ke-1–8 (19750230) bukan tanggal lahir YYYYMMDD yang sah
              baris 5: peran 'guru' tidak dikenal; gunakan kepala_sekolah atau pengawas_sekolah
              baris 7: kepala_sekolah memerlukan npsn sekolahnya
              baris 8: npsn '2057150' bukan NPSN (8 angka)

            """, "\(ditolak)")
        // A progress row the workflow refuses: the state machine's reason, in Bahasa Indonesia too.
        let progress = daemon.directory + "/progress-observasi.csv"
        try "id,siklus,langkah,status,tanggal\n\(Self.principal),2026-2,observasi,selesai,2026-07-06\n"
            .write(toFile: progress, atomically: true, encoding: .utf8)
        let refusedRow = try indonesian.run(["import", "progress", progress])
        #expect(refusedRow.status == 1, "\(refusedRow)")
        #expect(refusedRow.stderr.contains("""
              baris 2: rencana 2026-2/\(Self.principal)/ks@20571036: langkah 'observasi' bukan langkah saat ini \
            (keadaan: pada langkah praktik-kinerja; yang dapat dicatat: selesai praktik-kinerja, terblokir)
            """), "\(refusedRow)")

        #expect(try cli.people(["--all"]) == before)
        #expect(try cli.history(Self.blockedSupervisor) == historyBefore)
    }

    @Test("--dry-run writes nothing; --skip-invalid writes exactly the good rows")
    func dryRunAndSkipInvalid() throws {
        let daemon = try DaemonProcess.started(clockStart: TestEnvironment.exampleClockStart)
        let cli = CLI(daemon)

        let dry = try cli.importFile("roster", TestEnvironment.example("roster.csv"), ["--dry-run"])
        #expect(dry.dryRun && !dry.applied)
        #expect(dry.goodRows == 35 && dry.added == 69, "a dry run reports what it would do: \(dry)")
        #expect(try cli.people(["--all"]).isEmpty)
        #expect(try cli.status().counts.people == 0)

        let skipped = try cli.importFile("roster", TestEnvironment.example("roster-with-errors.csv"), ["--skip-invalid"])
        #expect(skipped.applied && !skipped.dryRun)
        #expect(skipped.rows == 7 && skipped.goodRows == 3)
        #expect(skipped.problems.map(\.line) == [4, 5, 7, 8])
        let people = try cli.people(["--all"])
        #expect(Set(people.map(\.id)) == ["197002141993032002", "197107091996031003", "196811021993032004"])
        #expect(people.count == 3)
        #expect(people.allSatisfy { $0.active })

        // A dry run of the bad file: nothing more written.
        let dryBad = try cli.run(["import", "roster", TestEnvironment.example("roster-with-errors.csv"), "--dry-run", "--json"])
        let dryBadResult = try CLI.decode(ImportResult.self, from: dryBad)
        #expect(!dryBadResult.applied && dryBadResult.problems.count == 4)
        #expect(try cli.people(["--all"]) == people)
    }

    @Test("the exit status of an import does not depend on --json")
    func importExitStatusSameWithJSON() throws {
        let daemon = try DaemonProcess.started(clockStart: TestEnvironment.exampleClockStart)
        let cli = CLI(daemon)
        let file = TestEnvironment.example("roster-with-errors.csv")
        let text = try cli.run(["import", "roster", file, "--dry-run"])
        let json = try cli.run(["import", "roster", file, "--dry-run", "--json"])
        #expect(text.status == json.status, "text: \(text)\njson: \(json)")
        let rejectedText = try cli.run(["import", "roster", file])
        let rejectedJSON = try cli.run(["import", "roster", file, "--json"])
        #expect(rejectedText.status == 1 && rejectedJSON.status == 1, "\(rejectedText)\n\(rejectedJSON)")
    }

    @Test("a principal through 9 steps and a supervisor through block, revisions and 5 phases survive SIGTERM and restart")
    func workflowsSurviveRestart() throws {
        let daemon = try DaemonProcess.started(clockStart: TestEnvironment.exampleClockStart)
        let cli = CLI(daemon)
        _ = try cli.importFile("roster", TestEnvironment.example("roster.csv"))

        // MARK: Principal: the four planning steps, then five observation steps.
        let p = Self.principal
        let refusedEarly = try cli.run(["plan", "complete", p, "observasi", "--date", "2026-07-06"])
        #expect(refusedEarly.status == 1, "\(refusedEarly)")
        #expect(refusedEarly.stderr.contains("selesai praktik-kinerja"), "the refusal names the allowed action: \(refusedEarly)")
        // Bahasa Indonesia end to end: kinerjactl's default frame around the daemon's words in
        // the office's language (config/kinerja.toml: language = "id").
        let ditolak = try CLI(daemon, language: nil).run(["plan", "complete", p, "observasi", "--date", "2026-07-06"])
        #expect(ditolak.status == 1, "\(ditolak)")
        #expect(ditolak.stderr == "kinerjactl: rencana 2026-2/\(p)/ks@20571036: langkah 'observasi' bukan langkah saat ini "
            + "(keadaan: pada langkah praktik-kinerja; yang dapat dicatat: selesai praktik-kinerja, terblokir)\n", "\(ditolak)")
        let notForPrincipals = try cli.run(["plan", "approve", p, "pemeriksaan", "--date", "2026-07-06"])
        #expect(notForPrincipals.status == 1, "\(notForPrincipals)")

        let principalDates = ["2026-07-06", "2026-07-08", "2026-07-10", "2026-07-14", "2026-08-03", "2026-08-20", "2026-08-24",
                              "2026-09-15", "2026-10-01"]
        let extras: [String: [String]] = [
            "praktik-kinerja": ["--praktik-kinerja", "d3-visi-misi"],
            "pengembangan-kompetensi": ["--kompetensi", "kepribadian-1.1"],
            "perilaku-kerja": ["--perilaku-kerja", "berorientasi-pelayanan,akuntabel"],
            "observasi": ["--note", "Observasi langsung", "--rating", "sesuai-ekspektasi"],
        ]
        var principalPlan: PlanDetail?
        for (index, step) in Self.principalSteps.enumerated() {
            let date = principalDates[index]
            let plan = try cli.json(PlanDetail.self, ["plan", "complete", p, step, "--date", date] + (extras[step] ?? []))
            let item = try #require(plan.timeline.first { $0.step == step })
            #expect(item.state == "done" && item.completedOn == date, "\(step): \(item)")
            // After Pelaksanaan, the plan awaits the Tim Kinerja's Penilaian (stage 5).
            let next = index + 1 < Self.principalSteps.count ? Self.principalSteps[index + 1] : "penilaian"
            #expect(plan.summary.step == next, "after \(step)")
            principalPlan = plan
        }
        let finished = try #require(principalPlan)
        #expect(finished.summary.plan == "2026-2/\(p)/ks@20571036")
        #expect(finished.allowed == ["selesai penilaian", "terblokir"])
        #expect(finished.timeline.filter { $0.state == "done" }.map(\.step) == Self.principalSteps)
        #expect(finished.timeline.first { $0.step == "observasi" }?.catatan == "Observasi langsung")
        #expect(finished.summary.flags.isEmpty, "every step on time: \(finished.summary.flags)")
        let afterEnd = try cli.run(["plan", "complete", p, "rangkuman", "--date", "2026-10-02"])
        #expect(afterEnd.status == 1, "\(afterEnd)")

        // MARK: Supervisor: blocked, unblocked, composed, returned twice, approved twice, five phases.
        let s = Self.supervisor
        var plan = try cli.json(PlanDetail.self, ["plan", "block", s, "--cause", "rhk-atasan", "--date", "2026-07-02"])
        #expect(plan.summary.flags.contains("blocked") && plan.summary.blockCause == "rhk-atasan")
        #expect(plan.allowed == ["dibuka"])
        let whileBlocked = try cli.run(["plan", "complete", s, "penyusunan", "--date", "2026-07-03"])
        #expect(whileBlocked.status == 1, "\(whileBlocked)")
        #expect(whileBlocked.stderr.contains("dibuka"), "names the allowed action: \(whileBlocked)")

        plan = try cli.json(PlanDetail.self, ["plan", "unblock", s, "--date", "2026-07-06"])
        #expect(!plan.summary.flags.contains("blocked") && plan.summary.blockCause == nil)
        #expect(plan.blocks.count == 1 && plan.blocks.first?.until == "2026-07-06")

        let twoSchools = try cli.run([
            "plan", "complete", s, "penyusunan", "--sekolah", "20571301,20571302", "--date", "2026-07-07", "--praktik-kinerja", "d1",
            "--kompetensi", "k1", "--perilaku-kerja", "berorientasi-pelayanan,akuntabel,kompeten,harmonis,loyal,adaptif,kolaboratif",
        ])
        #expect(twoSchools.status == 1, "a supervisor's plan names three schools: \(twoSchools)")

        let schools = "20571301,20571302,20571388"
        // What the 2025 rules require of a supervisor's composition, besides the schools.
        let composed = [
            "--praktik-kinerja", "d1-kualitas-pembelajaran", "--kompetensi", "kepribadian-1.1",
            "--perilaku-kerja", "berorientasi-pelayanan,akuntabel,kompeten,harmonis,loyal,adaptif,kolaboratif",
        ]
        plan = try cli.json(PlanDetail.self, ["plan", "complete", s, "penyusunan", "--sekolah", schools, "--date", "2026-07-07"] + composed)
        #expect(plan.summary.step == "pemeriksaan" && plan.summary.actor == "tim_kinerja")

        let tooEarly = try cli.run(["plan", "approve", s, "persetujuan", "--date", "2026-07-08"])
        #expect(tooEarly.status == 1, "\(tooEarly)")
        #expect(tooEarly.stderr.contains("disetujui pemeriksaan") && tooEarly.stderr.contains("dikembalikan pemeriksaan"), "\(tooEarly)")

        let reasons = ["Praktik Kinerja belum berangkat dari Rapor Pendidikan", "Strategi pendampingan belum realistis"]
        plan = try cli.json(PlanDetail.self, ["plan", "return", s, "pemeriksaan", "--reason", reasons[0], "--date", "2026-07-08"])
        #expect(plan.summary.step == "penyusunan")
        plan = try cli.json(PlanDetail.self, ["plan", "complete", s, "penyusunan", "--sekolah", schools, "--date", "2026-07-10"] + composed)
        plan = try cli.json(PlanDetail.self, ["plan", "return", s, "pemeriksaan", "--reason", reasons[1], "--date", "2026-07-13"])
        #expect(plan.revisions.map(\.reason) == reasons)
        #expect(plan.revisions.map(\.on) == ["2026-07-08", "2026-07-13"])
        plan = try cli.json(PlanDetail.self, ["plan", "complete", s, "penyusunan", "--sekolah", schools, "--date", "2026-07-15"] + composed)
        plan = try cli.json(PlanDetail.self, ["plan", "approve", s, "pemeriksaan", "--date", "2026-07-16"])
        #expect(plan.summary.step == "persetujuan" && plan.summary.actor == "pejabat_penilai")
        plan = try cli.json(PlanDetail.self, ["plan", "approve", s, "persetujuan", "--date", "2026-07-17"])
        #expect(plan.summary.step == "diskusi-persiapan")

        let wrongFocus = try cli.run(["plan", "complete", s, "diskusi-persiapan", "--sekolah-fokus", "20571397", "--date", "2026-07-22"])
        #expect(wrongFocus.status == 1, "the focus school must be one of the three: \(wrongFocus)")
        plan = try cli.json(PlanDetail.self, ["plan", "complete", s, "diskusi-persiapan", "--sekolah-fokus", "20571302", "--date", "2026-07-22"])
        #expect(plan.summary.step == "pendampingan")
        plan = try cli.json(PlanDetail.self, ["plan", "start", s, "pendampingan", "--date", "2026-07-27"])
        let pendampingan = try #require(plan.timeline.first { $0.step == "pendampingan" })
        #expect(pendampingan.startedOn == "2026-07-27" && pendampingan.state == "current")
        plan = try cli.json(PlanDetail.self, ["plan", "complete", s, "pendampingan", "--date", "2026-09-28"])
        #expect(plan.summary.step == "diskusi-tindak-lanjut")
        plan = try cli.json(PlanDetail.self, ["plan", "complete", s, "diskusi-tindak-lanjut", "--date", "2026-10-02", "--rating", "sesuai-ekspektasi"])
        plan = try cli.json(PlanDetail.self, ["plan", "start", s, "upaya-tindak-lanjut", "--date", "2026-10-05"])
        plan = try cli.json(PlanDetail.self, ["plan", "complete", s, "upaya-tindak-lanjut", "--date", "2026-11-05"])
        plan = try cli.json(PlanDetail.self, [
            "plan", "complete", s, "refleksi-tindak-lanjut", "--date", "2026-11-10",
            "--refleksi", "kesadaran-dalam-refleksi=sesuai-ekspektasi", "--refleksi", "upaya-belajar=sesuai-ekspektasi",
            "--refleksi", "peningkatan-kinerja=di-atas-ekspektasi",
        ])
        #expect(plan.summary.step == "penilaian" && plan.summary.actor == "tim_kinerja" && plan.allowed == ["selesai penilaian", "terblokir"])
        #expect(plan.timeline.filter { $0.state != "done" }.map(\.step) == ["penilaian", "penetapan-predikat", "sinkron"])
        #expect(!plan.summary.flags.contains("pendampingan-too-short") && !plan.summary.flags.contains("pendampingan-overran"))
        let supervisorPlan = plan

        // MARK: SIGTERM, restart, everything is still there.
        let historyBefore = (principal: try cli.history(finished.summary.plan), supervisor: try cli.history(supervisorPlan.summary.plan))
        #expect(historyBefore.principal.count == 9, "\(historyBefore.principal.map(\.action))")
        #expect(historyBefore.supervisor.count == 16, "\(historyBefore.supervisor.map(\.action))")
        let allEntries = historyBefore.principal + historyBefore.supervisor
        #expect(allEntries.allSatisfy { $0.user == "root" && $0.uid == 0 })
        #expect(Set(historyBefore.supervisor.map(\.action)).isSuperset(of: [
            "terblokir rhk-atasan", "dibuka", "selesai penyusunan", "dikembalikan pemeriksaan", "disetujui pemeriksaan",
            "disetujui persetujuan", "mulai pendampingan", "selesai refleksi-tindak-lanjut",
        ]))
        let peopleBefore = try cli.people()

        let mark = daemon.notify.count
        let exitStatus = daemon.stop(timeout: 10)
        #expect(exitStatus == 0, "kinerjad should exit 0 within 10 s of SIGTERM (nil = still running, killed)")
        #expect(daemon.notify.index(of: "STOPPING=1", after: mark) != nil, "no STOPPING=1: \(daemon.notifications)")

        try daemon.restart()
        #expect(try cli.plan(finished.summary.plan) == finished)
        #expect(try cli.plan(supervisorPlan.summary.plan) == supervisorPlan)
        #expect(try cli.history(finished.summary.plan) == historyBefore.principal)
        #expect(try cli.history(supervisorPlan.summary.plan) == historyBefore.supervisor)
        #expect(try cli.people() == peopleBefore)
    }

    @Test("history: a person's history includes their plans' changes, newest first")
    func historyOfPersonNewestFirst() throws {
        let daemon = try DaemonProcess.started(clockStart: TestEnvironment.exampleClockStart)
        let cli = CLI(daemon)
        _ = try cli.importFile("roster", TestEnvironment.example("roster.csv"))
        let p = Self.principal
        _ = try cli.json(PlanDetail.self, ["plan", "complete", p, "praktik-kinerja", "--date", "2026-07-06", "--praktik-kinerja", "d3-visi-misi"])
        _ = try cli.json(PlanDetail.self, ["plan", "complete", p, "pengembangan-kompetensi", "--date", "2026-07-07", "--kompetensi", "kepribadian-1.1"])
        let planID = "2026-2/\(p)/ks@20571036"

        let planHistory = try cli.history(planID)
        #expect(planHistory.map(\.action) == ["selesai pengembangan-kompetensi", "selesai praktik-kinerja"],
                "IDL and `history --help`: newest first")
        let limited = try cli.json([AuditEntry].self, ["history", planID, "--limit", "1"])
        #expect(limited.map(\.action) == ["selesai pengembangan-kompetensi"], "--limit 1 keeps the newest entry")

        let personHistory = try cli.history(p)
        #expect(personHistory.contains { $0.subject == planID },
                "history <NIP> should show the changes of the person's plans: \(personHistory.map { "\($0.subject) \($0.action)" })")
        #expect(personHistory.contains { $0.subject == p && $0.action == "person added" })
    }
}
