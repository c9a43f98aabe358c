import Foundation
import KinerjaRPC
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Issue 15, "what the office sees", walked on the example district through the real
/// daemon and kinerjactl: every plan's contents, the rules' requirements and advice, blocked
/// supervisors as blocked, a roster import that cannot empty the district, officials and
/// contacts, and the daemon's refusals in the caller's language. (The .xlsx part is
/// WorkbookImportTests; one language at a time and the first-day fixes are LanguageTests,
/// ArgumentErrorTests, SocketPermissionTests and ReadmeExamplesTests.)
@Suite("What the office sees (issue 15)", .timeLimit(.minutes(5)))
struct OfficeViewTests {
    static let blockedSupervisor = "196811021993032004"  // Sri Rahayu Ningsih: blocked since 2 July (rhk-atasan)
    static let completePrincipal = "197002141993032002"  // Hj. Siti Nurjanah: every step done
    static let neverStarted = "197812012005012004"  // Neneng Rohaeni, SD Negeri 3 Sukamaju
    static let kadis = "196808141994031005"

    /// A daemon on 25 November 2026 with the officials, the roster and the progress of the example district.
    static func exampleDistrict(configCopy: Bool = false, configure: (String) throws -> Void = { _ in }) throws -> DaemonProcess {
        let daemon = try DaemonProcess(clockStart: TestEnvironment.exampleClockStart, configCopy: configCopy)
        try configure(daemon.configPath)
        try daemon.start()
        let cli = CLI(daemon)
        for (kind, file) in [("officials", "pejabat.csv"), ("roster", "roster.csv"), ("progress", "progress.csv")] {
            let result = try cli.importFile(kind, TestEnvironment.example(file))
            guard result.applied, result.problems.isEmpty else { throw TestFailure("\(file) was refused: \(result)") }
        }
        return daemon
    }

    @Test("a plan's choices and ratings in plan show, --json and the compliance report; what the rules require refused by name")
    func choicesShownAndRequired() throws {
        let daemon = try Self.exampleDistrict()
        let cli = CLI(daemon)
        let indonesian = CLI(daemon, language: nil)

        // Every choice and rating, with the catalogs' and the roster's names.
        let complete = try cli.plan(Self.completePrincipal)
        let praktik = try #require(complete.choices.first { $0.choice == "praktik-kinerja" })
        #expect(praktik.step == "praktik-kinerja" && praktik.id == "d3-komunitas-belajar" && praktik.nama == "Aktivasi Kegiatan Komunitas Belajar")
        #expect(complete.choices.contains { $0.choice == "kompetensi" && $0.id == "kepribadian-1.1" })
        #expect(complete.choices.filter { $0.choice == "perilaku-kerja" }.count == 2)
        #expect(complete.choices.contains { $0.step == "observasi" && $0.choice == "nilai" })
        let text = try indonesian.run(["plan", "show", Self.completePrincipal])
        #expect(text.stdout.contains("Pilihan dan penilaian:") && text.stdout.contains("d3-komunitas-belajar — Aktivasi Kegiatan Komunitas Belajar"), "\(text)")
        let supervisor = try cli.plan("197501082000122001")
        #expect(supervisor.choices.filter { $0.choice == "sekolah" }.map(\.id) == ["20572001", "20572002", "20572017"])
        #expect(supervisor.choices.first { $0.choice == "sekolah-fokus" }.map { ($0.id, $0.nama) } ?? ("", nil) == ("20572017", "SMP Negeri 1 Karangsari"))
        #expect(supervisor.choices.contains { $0.step == "diskusi-tindak-lanjut" && $0.choice == "nilai" && $0.id == "di-bawah-ekspektasi" })
        let report = try cli.json(ComplianceReport.self, ["report", "compliance"])
        let d3 = report.choices.filter { $0.role == "kepala_sekolah" && $0.choice == "praktik-kinerja" }
        #expect(d3.reduce(0) { $0 + $1.plans } == 26 && d3.allSatisfy { $0.nama != nil }, "26 principals chose a sub-indicator: \(d3)")

        // praktik-kinerja without its sub-indicator: refused, naming the choice and the ids.
        let bare = try indonesian.run(["plan", "complete", Self.neverStarted, "praktik-kinerja"])
        #expect(bare.status == 1 && bare.stderr.contains("langkah praktik-kinerja memerlukan indikator Praktik Kinerja"), "\(bare)")
        #expect(bare.stderr.contains("praktik_kinerja = \"required\"") && bare.stderr.contains("d3-visi-misi"), "\(bare)")
        // A rating on the principal's own Dokumen Tindak Lanjut: refused, naming where a rating goes.
        let atDokumen = try #require(try cli.people(["--step", "dokumen-tindak-lanjut"]).first)
        let rated = try indonesian.run(["plan", "complete", atDokumen.id, "dokumen-tindak-lanjut", "--rating", "di-atas-ekspektasi"])
        #expect(rated.status == 1 && rated.stderr.contains("tidak mencatat nilai; nilai dicatat pada langkah observasi, diskusi-tindak-lanjut"), "\(rated)")

        // The supervisor's composition: nothing refused, a school outside the sekolah binaan refused.
        _ = try cli.json(PlanDetail.self, ["plan", "unblock", Self.blockedSupervisor])
        let empty = try indonesian.run(["plan", "complete", Self.blockedSupervisor, "penyusunan"])
        #expect(empty.status == 1 && empty.stderr.contains("langkah penyusunan memerlukan indikator Praktik Kinerja"), "\(empty)")
        let compose = [
            "plan", "complete", Self.blockedSupervisor, "penyusunan", "--praktik-kinerja", "d1-kualitas-pembelajaran", "--kompetensi", "kepribadian-1.1",
            "--perilaku-kerja", "berorientasi-pelayanan,akuntabel,kompeten,harmonis,loyal,adaptif,kolaboratif",
        ]
        let outside = try indonesian.run(compose + ["--sekolah", "20571034,20571036,20572001"])
        #expect(outside.status == 1 && outside.stderr.contains("sekolah 20572001 bukan sekolah binaan pengawas ini"), "\(outside)")
        let composed = try cli.json(PlanDetail.self, compose + ["--sekolah", "20571034,20571036,20571112"])
        #expect(composed.summary.step == "pemeriksaan")
        #expect(composed.choices.filter { $0.choice == "sekolah" }.map(\.nama) == ["SD Negeri 1 Sukamaju", "SD Negeri 3 Sukamaju", "SD Negeri 1 Cibeureum"])

        // Diskusi Tindak Lanjut without the Tim Kinerja's rating: refused.
        let marulam = "196909251995031003"  // Pendampingan running since 27 July
        _ = try cli.json(PlanDetail.self, ["plan", "complete", marulam, "pendampingan"])
        let unrated = try indonesian.run(["plan", "complete", marulam, "diskusi-tindak-lanjut", "--note", "dibahas"])
        #expect(unrated.status == 1 && unrated.stderr.contains("langkah diskusi-tindak-lanjut memerlukan nilai"), "\(unrated)")
        #expect(try cli.json(PlanDetail.self, ["plan", "complete", marulam, "diskusi-tindak-lanjut", "--rating", "sesuai-ekspektasi"]).summary.step
            == "upaya-tindak-lanjut")
    }

    @Test("2024: fewer than 32 RHK points is recorded, flagged with the source's advice to discuss it with the atasan")
    func rhkPointsAdvised() throws {
        let daemon = try DaemonProcess.started(clockStart: "2024-07-10T08:00:00+07:00")
        let cli = CLI(daemon)
        _ = try cli.importFile("roster", TestEnvironment.example("roster.csv"))
        let p = Self.neverStarted
        _ = try cli.json(PlanDetail.self, ["plan", "complete", p, "praktik-kinerja", "--praktik-kinerja", "d3-visi-misi"])
        // 8 + 2 × 4 = 16 points: under the 32 of a semester.
        let plan = try cli.json(PlanDetail.self, [
            "plan", "complete", p, "pengembangan-kompetensi", "--rhk", "rhk-pelatihan-mandiri", "--rhk", "rhk-peserta-berbagi-praktik-baik:2",
        ])
        #expect(plan.summary.step == "perilaku-kerja" && plan.summary.flags.contains("advice"), "\(plan.summary)")
        #expect(plan.rhkPoints == 16)
        #expect(plan.choices.filter { $0.choice == "rhk" }.map { "\($0.id) \($0.jumlah ?? 0)×\($0.poin ?? 0)" }
            == ["rhk-pelatihan-mandiri 1×8", "rhk-peserta-berbagi-praktik-baik 2×4"])
        #expect(plan.advice.map(\.requirement) == ["rhk_minimum_points"])
        let text = try CLI(daemon, language: nil).run(["plan", "show", p])
        #expect(text.stdout.contains("Jika kurang, mohon diskusikan dengan atasan Anda."), "\(text)")
        #expect(text.stdout.contains("jumlah poin RHK: 16") && text.stdout.contains("[ada saran]"), "\(text)")
        #expect(try cli.people(["--step", "perilaku-kerja"]).first { $0.id == p }?.plan?.flags.contains("advice") == true)
        #expect(try cli.json(ComplianceReport.self, ["report", "compliance"]).advised == 1)
    }

    @Test("blocked is its own standing: since, days, cause, whose action; unblocked late, a grace; a newcomer's own month")
    func blockedStanding() throws {
        let daemon = try Self.exampleDistrict()
        let cli = CLI(daemon)
        let indonesian = CLI(daemon, language: nil)
        let blocked = try cli.plan(Self.blockedSupervisor).summary
        #expect(blocked.flags == ["blocked"] && blocked.daysLeft == nil, "never late while blocked: \(blocked)")
        #expect(blocked.blockedSince == "2026-07-02" && blocked.blockedDays == 146 && blocked.blockCause == "rhk-atasan")
        #expect(blocked.awaiting == Party(role: "atasan", id: Self.kadis, nama: "Drs. H. Ahmad Syarifuddin, M.Si.", jabatan: "Kepala Dinas Pendidikan"))
        let shown = try indonesian.run(["plan", "show", Self.blockedSupervisor])
        #expect(shown.stdout.contains("terblokir 146 hari") && !shown.stdout.contains("terlambat"), "\(shown)")
        #expect(shown.stdout.contains("menunggu tindakan: Drs. H. Ahmad Syarifuddin, M.Si. (Kepala Dinas Pendidikan)"), "\(shown)")
        let list = try indonesian.run(["people", "list", "--blocked"])
        let rows = TableText.rows(list.stdout)
        #expect(rows.first == ["ID", "NAMA", "PERAN", "NPSN", "LANGKAH", "SEJAK", "HARI", "PENYEBAB", "MENUNGGU"], "\(list)")
        #expect(rows.dropFirst().map { Array($0.suffix(4)) } == [
            ["2026-07-02", "146", "RHK atasan belum ada", "Drs. H. Ahmad Syarifuddin, M.Si. (Kepala Dinas Pendidikan)"],
        ], "\(list)")
        #expect(!list.stdout.contains("-129"), "no days overdue for a blocked plan")
        #expect(try cli.people(["--overdue"]).allSatisfy { $0.id != Self.blockedSupervisor })

        // Unblocked today, four months after the planning deadline: due in the grace's 14
        // days, not at once overdue and not submitted; the days blocked beside the deadline.
        let unblocked = try cli.json(PlanDetail.self, ["plan", "unblock", Self.blockedSupervisor])
        #expect(unblocked.summary.due == "2026-12-09" && unblocked.summary.daysLeft == 14 && unblocked.summary.flags.isEmpty, "\(unblocked.summary)")
        #expect(unblocked.timeline.first?.note == DeadlineNoteItem(published: "2026-07-31", blockedDays: 146, unblockedOn: "2026-11-25", openedOn: nil))
        let after = try indonesian.run(["plan", "show", Self.blockedSupervisor])
        #expect(after.stdout.contains("2026-12-09 (semula 2026-07-31; terblokir 146 hari; dibuka 2026-11-25)"), "\(after)")

        // A principal added mid-cycle (a roster update): plans within 30 days of today.
        let newcomer = daemon.directory + "/newcomer.csv"
        try """
            id,nama,peran,jabatan,npsn,nama_sekolah,atasan_id,tim_kinerja,pejabat_penilai_id,kecamatan,jenjang
            198807072015041001,"Rina Marlina, S.Pd.",kepala_sekolah,plt,20571035,SD Negeri 2 Sukamaju,\(Self.kadis),\(Self.blockedSupervisor),\(Self.kadis),Sukamaju,SD

            """.write(toFile: newcomer, atomically: true, encoding: .utf8)
        let added = try cli.importFile("roster", newcomer)
        #expect(added.applied && added.added == 2 && added.deactivated == 0 && added.missing == 34, "\(added)")
        let fresh = try cli.plan("198807072015041001")
        #expect(fresh.openedOn == "2026-11-25" && fresh.summary.due == "2026-12-25" && fresh.summary.flags.isEmpty, "\(fresh.summary)")
        #expect(fresh.timeline.first?.note?.openedOn == "2026-11-25")
    }

    @Test("unblock_grace_days of kinerja.toml moves the deadline of a plan unblocked late")
    func configuredGrace() throws {
        let daemon = try Self.exampleDistrict(configCopy: true) { path in
            let text = try String(contentsOfFile: path, encoding: .utf8)
            try text.replacingOccurrences(of: "unblock_grace_days = 14", with: "unblock_grace_days = 7")
                .write(toFile: path, atomically: true, encoding: .utf8)
        }
        let unblocked = try CLI(daemon).json(PlanDetail.self, ["plan", "unblock", Self.blockedSupervisor])
        #expect(unblocked.summary.due == "2026-12-02" && unblocked.summary.daysLeft == 7, "\(unblocked.summary)")
    }

    @Test("a partial roster leaves the district as it is and says how many it leaves out; warnings name their lines; officials by name")
    func rosterNeverEmpties() throws {
        let daemon = try Self.exampleDistrict()
        let cli = CLI(daemon)
        let indonesian = CLI(daemon, language: nil)
        let partial = try indonesian.run(["import", "roster", TestEnvironment.example("roster-semicolon.csv")])
        #expect(partial.status == 0 && partial.stdout.contains(", 0 dinonaktifkan\n"), "\(partial)")
        #expect(partial.stdout.contains("30 orang aktif tidak ada di berkas dan tetap aktif; dengan --deactivate-missing mereka dinonaktifkan"), "\(partial)")
        #expect(try cli.people().count == 35)
        // The file has no kecamatan, jenjang, email nor telepon column: what was recorded stays.
        let dadang = try cli.json([PositionSummary].self, ["people", "show", "197410051999031002"])
        #expect(dadang.first?.email == "dadang.suherman@sdn1cibeureum.sch.id" && dadang.allSatisfy { $0.kecamatan == "Cibeureum" }, "\(dadang)")
        let whole = try cli.importFile("roster", TestEnvironment.example("roster-semicolon.csv"), ["--deactivate-missing", "--dry-run"])
        #expect(!whole.applied && whole.missing == 30 && whole.deactivated == 60, "30 people and their 30 positions: \(whole)")
        #expect(try cli.people().count == 35, "a dry run writes nothing")

        // The four checks, as warnings with their lines; the rows are imported.
        let odd = daemon.directory + "/odd.csv"
        try """
            id,nama,peran,jabatan,npsn,nama_sekolah,atasan_id,tim_kinerja,pejabat_penilai_id
            197107091996031003,"Bambang Sutrisno, S.Pd.",kepala_sekolah,definitif,20571036,SD Negeri 3 Sukamaju,\(Self.kadis),\(Self.blockedSupervisor),\(Self.kadis)
            198807072015041001,"Rina Marlina, S.Pd.",kepala_sekolah,definitif,20579999,SD Negeri Baru,196808141994031099,197002111997031004,\(Self.kadis)

            """.write(toFile: odd, atomically: true, encoding: .utf8)
        let warned = try cli.importFile("roster", odd)
        #expect(warned.applied && warned.problems.isEmpty, "\(warned)")
        #expect(warned.warnings.map(\.line) == [2, 2, 3, 3], "\(warned.warnings)")
        let texts = warned.warnings.map(\.message).joined(separator: "\n")
        #expect(texts.contains("197107091996031003 is definitif principal at 20571036 and also at 20571035 (already recorded)"), "\(texts)")
        #expect(texts.contains("school 20571036 has more than one definitif principal: also 197812012005012004 (already recorded)"), "\(texts)")
        #expect(texts.contains("school 20579999 is in no supervisor's sekolah_binaan"), "\(texts)")
        #expect(texts.contains("atasan_id 196808141994031099 is nobody known"), "\(texts)")

        // Officials and contacts by name: a person's atasan, Tim Kinerja, Pejabat Penilai.
        let person = try #require(try cli.json([PositionSummary].self, ["people", "show", "196909251995031003"]).first)
        #expect(person.email == "marulam.s@disdik.sukamaju.go.id" && person.telepon == "081266110932")
        #expect(person.parties == [
            Party(role: "atasan", id: Self.kadis, nama: "Drs. H. Ahmad Syarifuddin, M.Si.", jabatan: "Kepala Dinas Pendidikan"),
            Party(role: "tim_kinerja", id: "197002111997031004", nama: "Drs. Teguh Widodo, M.Pd.", jabatan: "Kepala Bidang Pembinaan SD"),
            Party(role: "pejabat_penilai", id: Self.kadis, nama: "Drs. H. Ahmad Syarifuddin, M.Si.", jabatan: "Kepala Dinas Pendidikan"),
        ])
        let principal = try #require(try cli.json([PositionSummary].self, ["people", "show", Self.completePrincipal]).first)
        #expect(principal.kecamatan == "Sukamaju" && principal.jenjang == "SD")
        #expect(principal.parties.first { $0.role == "tim_kinerja" }?.nama == "Dra. Sri Rahayu Ningsih, M.Pd.")
        let escalations = try cli.json([ReminderItem].self, ["reminders", "preview", "--from", "2026-11-26", "--to", "2026-12-31"])
            .filter { $0.recipientRole == "atasan" }
        #expect(!escalations.isEmpty && escalations.allSatisfy { $0.recipientNama == "Drs. H. Ahmad Syarifuddin, M.Si." })
        #expect(escalations.allSatisfy { !$0.message.contains("atasan:\(Self.kadis)") })
    }

    @Test("the daemon's refusals in the caller's language: KINERJA_LANG, and a Varlink call's language")
    func refusalsInTheCallersLanguage() throws {
        let daemon = try Self.exampleDistrict()
        let english = try CLI(daemon).run(["plan", "complete", Self.neverStarted, "observasi"])
        #expect(english.stderr.contains("step 'observasi' is not the current step (state: at praktik-kinerja; allowed:"), "\(english)")
        let indonesian = try CLI(daemon, language: nil).run(["plan", "complete", Self.neverStarted, "observasi"])
        #expect(indonesian.stderr.contains("langkah 'observasi' bukan langkah saat ini (keadaan: pada langkah praktik-kinerja;"), "\(indonesian)")

        // Any Varlink client: the call's `language`; none is kinerja.toml's (Indonesian); another refused.
        let client = try VarlinkClient(path: daemon.socketPath)
        defer { client.close() }
        func refusal(_ language: String?) throws -> VarlinkError {
            var parameters: [String: JSONValue] = ["person": .string(Self.neverStarted), "action": "selesai", "step": "observasi"]
            if let language { parameters["language"] = .string(language) }
            do {
                _ = try client.call(method: Kinerja.Transition.name, parameters: .object(parameters))
            } catch VarlinkClientError.remote(let error) {
                return error
            }
            throw TestFailure("the transition was not refused")
        }
        #expect(try refusal("en").parameters["state"] == "at praktik-kinerja")
        #expect(try refusal(nil).parameters["state"] == "pada langkah praktik-kinerja")
        let unknown = try refusal("fr")
        #expect(unknown.name == KinerjaError.invalidInput && unknown.parameters["field"] == "language", "\(unknown)")
    }

    @Test("a hook receives the recipient's name, jabatan and contacts, and the plan's choices")
    func hooksGetContacts() throws {
        let (daemon, out) = try ReminderScenario.startedRecording()
        let officials = try daemon.cli.importFile("officials", TestEnvironment.example("pejabat.csv"))
        #expect(officials.applied && officials.added == 4)
        let delivered = try reminderPoll(timeout: 30, interval: 0.2) {
            try daemon.deliveries().filter { $0.state == "delivered" }.count == 2
        }
        let deliveries = try daemon.deliveries()
        #expect(delivered, "\(deliveries)")
        let lines = try String(contentsOfFile: out + "/stdin.jsonl", encoding: .utf8).split(separator: "\n")
        let events = try lines.map { try JSONDecoder().decode(JSONValue.self, from: Data($0.utf8)) }
        let blocked = try #require(events.first { $0["reminder"]?["kind"] == "blocked" })
        #expect(blocked["recipient"]?["nama"] == "Drs. H. Ahmad Syarifuddin, M.Si.")
        #expect(blocked["recipient"]?["jabatan"] == "Kepala Dinas Pendidikan")
        #expect(blocked["recipient"]?["email"] == "kadis@disdik.sukamaju.go.id" && blocked["recipient"]?["telepon"] == "081122001005")
        #expect(blocked["person"]?["email"] == "sri.rahayu@disdik.sukamaju.go.id")
        let due = try #require(events.first { $0["reminder"]?["kind"] == "due" })
        let choices = due["deadline"]?["choices"]
        #expect(choices?[0]?["choice"] == "praktik-kinerja" && choices?[0]?["nama"] != nil, "\(String(describing: choices))")
        let env = try String(contentsOfFile: out + "/env.blocked", encoding: .utf8)
        #expect(env.contains("KINERJA_RECIPIENT_NAME=Drs. H. Ahmad Syarifuddin, M.Si.\n"), "\(env)")
        #expect(env.contains("KINERJA_RECIPIENT_JABATAN=Kepala Dinas Pendidikan\n") && env.contains("KINERJA_RECIPIENT_EMAIL=kadis@disdik.sukamaju.go.id\n"), "\(env)")
        #expect(env.contains("KINERJA_EMAIL=sri.rahayu@disdik.sukamaju.go.id\n") && env.contains("KINERJA_TELEPON=081222014417\n"), "\(env)")
    }

    @Test("hooks test sends a hook every field a reminder has, filled: contacts, a choice, the message in the office's language")
    func hookTestFillsEveryField() throws {
        let (daemon, out) = try ReminderScenario.startedRecording()
        let result = try daemon.json(HookTestResult.self, ["hooks", "test", "10-record"])
        #expect(result.outcome == "delivered", "\(result)")
        let line = try #require(try String(contentsOfFile: out + "/stdin.jsonl", encoding: .utf8).split(separator: "\n").first)
        let event = try JSONDecoder().decode(JSONValue.self, from: Data(line.utf8))
        for who in ["person", "recipient"] {
            for field in ["nama", "email", "telepon"] {
                #expect(event[who]?[field]?.stringValue?.isEmpty == false, "\(who).\(field) of the test event: \(event)")
            }
        }
        let choice = try #require(event["deadline"]?["choices"]?[0], "a choice in the test event: \(event)")
        #expect(choice["step"] == event["deadline"]?["step"] && choice["nama"]?.stringValue != nil, "\(choice)")
        #expect(event["deadline"]?["step"] == "penyusunan" && event["person"]?["peran"] == "pengawas_sekolah", "a supervisor's step for a supervisor's plan: \(event)")
        #expect(event["reminder"]?["message"]?.stringValue?.hasPrefix("Uji coba hook Kinerja") == true, "kinerja.toml's language: \(event)")
        let env = try String(contentsOfFile: out + "/env.lead", encoding: .utf8)
        #expect(env.contains("KINERJA_EMAIL=uji.coba@example.invalid\n") && env.contains("KINERJA_RECIPIENT_TELEPON=080000000000\n"), "\(env)")
    }

    @Test("people show reads as a column: every label's value starts at one place; no line ends in spaces")
    func personAsAColumn() throws {
        let daemon = try Self.exampleDistrict()
        let cli = CLI(daemon, language: nil)
        for id in ["196909251995031003", Self.completePrincipal] {
            let shown = try cli.run(["people", "show", id])
            let labelled = shown.stdout.split(separator: "\n").dropFirst().filter { $0.hasPrefix("  ") }
            let starts = Set(labelled.map { line in line.distance(from: line.startIndex, to: line.range(of: ": ")!.upperBound)
                + line[line.range(of: ": ")!.upperBound...].prefix { $0 == " " }.count })
            #expect(labelled.count >= 6 && starts.count == 1, "\(shown.stdout)")
            let plan = try cli.run(["plan", "show", id])
            for out in [shown.stdout, plan.stdout] {
                #expect(!out.split(separator: "\n").contains { $0.hasSuffix(" ") }, "\(out)")
            }
        }
    }
}
