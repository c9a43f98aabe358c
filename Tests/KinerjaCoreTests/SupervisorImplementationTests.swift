import KinerjaCore
import Testing

@Suite("Pelaksanaan Praktik Kinerja of a supervisor")
struct SupervisorImplementationTests {
    let rules = Fixtures.rules2025

    /// Approved on 2025-01-15, Diskusi Persiapan on `diskusi`, Pendampingan started on `start`.
    func mentoring(diskusi: String = "2025-01-31", start: String = "2025-02-01", rules: YearRules = Fixtures.rules2025,
                   cycle: String = "2025-1") throws -> Plan {
        let year = String(cycle.prefix(4))
        return try Fixtures.approvedSupervisorPlan(cycle, composed: "\(year)-01-10", examined: "\(year)-01-13", approved: "\(year)-01-15", rules: rules)
            .then(.complete(.diskusiPersiapan, StepDetails(sekolahFokus: Fixtures.schoolB)), on: diskusi, rules: rules)
            .then(.start(.pendampingan), on: start, rules: rules)
    }

    func flags(_ plan: Plan, on date: String, rules: YearRules = Fixtures.rules2025) -> [PlanFlag] {
        PlanStatus(of: plan, on: d(date), rules: rules).flags
    }

    @Test("the focus school must be one of the three planned schools")
    func focusSchool() throws {
        let plan = try Fixtures.approvedSupervisorPlan()
        let error = try #require(plan.refusal(.complete(.diskusiPersiapan, StepDetails(sekolahFokus: Fixtures.schoolD)), on: "2025-01-20", rules: rules))
        #expect(error.reason == .invalidDetails(.focusSchoolNotPlanned(NPSN("20100004")!, planned: ["20100001", "20100002", "20100003"].map { NPSN($0)! })))
        #expect(error.step == .diskusiPersiapan)
        #expect(error.standing == .at(.diskusiPersiapan, startedOn: nil))
        for school in [Fixtures.schoolA, Fixtures.schoolB, Fixtures.schoolC] {
            let next = try plan.then(.complete(.diskusiPersiapan, StepDetails(sekolahFokus: school)), on: "2025-01-20", rules: rules)
            #expect(next.record(.diskusiPersiapan)?.details?.sekolahFokus == school)
            #expect(next.currentStep == .pendampingan)
        }
    }

    @Test("after a revision the focus school is checked against the schools composed last")
    func focusAfterRevision() throws {
        var recomposed = Fixtures.penyusunan
        recomposed.sekolah = [Fixtures.schoolA, Fixtures.schoolB, Fixtures.schoolD]
        let plan = try Fixtures.supervisorPlan("2025-1")
            .then(.complete(.penyusunan, Fixtures.penyusunan), on: "2025-01-10", rules: rules)
            .then(.returnForRevision(.pemeriksaan, reason: "ganti sekolah"), on: "2025-01-11", rules: rules)
            .then(.complete(.penyusunan, recomposed), on: "2025-01-12", rules: rules)
            .then(.complete(.pemeriksaan, .none), on: "2025-01-13", rules: rules)
            .then(.complete(.persetujuan, .none), on: "2025-01-14", rules: rules)
        #expect(plan.refusal(.complete(.diskusiPersiapan, StepDetails(sekolahFokus: Fixtures.schoolC)), on: "2025-01-20", rules: rules) != nil)
        #expect(try plan.then(.complete(.diskusiPersiapan, StepDetails(sekolahFokus: Fixtures.schoolD)), on: "2025-01-20", rules: rules).currentStep == .pendampingan)
    }

    @Test("Pendampingan: mulai once, then selesai")
    func startThenComplete() throws {
        let approved = try Fixtures.approvedSupervisorPlan()
            .then(.complete(.diskusiPersiapan, StepDetails(sekolahFokus: Fixtures.schoolB)), on: "2025-01-31", rules: rules)
        #expect(approved.allowedActions == ["mulai pendampingan", "selesai pendampingan", "terblokir"])
        let plan = try approved.then(.start(.pendampingan), on: "2025-02-01", rules: rules)
        #expect(plan.currentStep == .pendampingan)
        #expect(plan.record(.pendampingan)?.startedOn == d("2025-02-01"))
        #expect(plan.standing == .at(.pendampingan, startedOn: d("2025-02-01")))
        #expect(plan.allowedActions == ["selesai pendampingan", "terblokir"])
        let again = try #require(plan.refusal(.start(.pendampingan), on: "2025-02-02", rules: rules))
        #expect(again.reason == .alreadyStarted(on: d("2025-02-01")))
        #expect(again.description.contains("step 'pendampingan' already started on 2025-02-01"))
        #expect(plan.refusal(.complete(.pendampingan, .none), on: "2025-01-31", today: "2025-03-01", rules: rules)?.reason
            == .badDate(.beforeLastEvent(d("2025-01-31"), lastEvent: d("2025-02-01"))))
    }

    @Test("Pendampingan closed before one calendar month is too short", arguments: [
        // (cycle, start, completed, too short)
        ("2025-1", "2025-02-01", "2025-02-28", true), // 27 days
        ("2025-1", "2025-02-01", "2025-03-01", false), // exactly one month (28 days)
        ("2025-1", "2025-02-01", "2025-02-01", true), // same day
        ("2024-1", "2024-01-31", "2024-02-28", true), // 28 days
        ("2024-1", "2024-01-31", "2024-02-29", false), // 29 days: one month in a leap year
        ("2024-1", "2024-01-31", "2024-03-01", false),
        ("2025-1", "2025-03-31", "2025-04-29", true),
        ("2025-1", "2025-03-31", "2025-04-30", false), // clamped: 31 March + 1 month = 30 April
    ])
    func tooShort(cycle: String, start: String, completed: String, tooShort: Bool) throws {
        let rules = cycle.hasPrefix("2024") ? Fixtures.rules2024 : Fixtures.rules2025
        let running = try mentoring(diskusi: start, start: start, rules: rules, cycle: cycle)
        // While it runs, it is never "too short".
        #expect(!flags(running, on: completed, rules: rules).contains(.pendampinganTooShort))
        let done = try running.then(.complete(.pendampingan, StepDetails(catatan: "survei terkirim")), on: completed, rules: rules)
        #expect(done.currentStep == .diskusiTindakLanjut)
        let f = flags(done, on: completed, rules: rules)
        #expect(f.contains(.pendampinganTooShort) == tooShort)
        #expect(!f.contains(.pendampinganOverran))
    }

    @Test("Pendampingan past three months is overrun, while running and after completion", arguments: [
        ("2025-02-01", "2025-05-01", false), // exactly three months
        ("2025-02-01", "2025-05-02", true),
        ("2025-01-31", "2025-04-30", false), // clamped: 31 January + 3 months = 30 April
        ("2025-01-31", "2025-05-01", true),
    ])
    func overran(start: String, end: String, overran: Bool) throws {
        let running = try mentoring(diskusi: start, start: start)
        let whileRunning = PlanStatus(of: running, on: d(end), rules: rules)
        #expect(whileRunning.flags.contains(.pendampinganOverran) == overran)
        // Its due date is the recommended maximum: overdue exactly when overrun.
        #expect(whileRunning.due == d(start).adding(months: 3))
        #expect(whileRunning.daysLeft == (overran ? -1 : 0))
        #expect(whileRunning.flags.contains(.overdue) == overran)

        let done = try running.then(.complete(.pendampingan, .none), on: end, rules: rules)
        // Looked at much later, a completed Pendampingan keeps its verdict.
        let later = flags(done, on: "2025-06-01")
        #expect(later.contains(.pendampinganOverran) == overran)
        #expect(!later.contains(.pendampinganTooShort))
    }

    @Test("a Pendampingan never started explicitly starts at the Diskusi Persiapan")
    func implicitStart() throws {
        let plan = try Fixtures.approvedSupervisorPlan()
            .then(.complete(.diskusiPersiapan, StepDetails(sekolahFokus: Fixtures.schoolB)), on: "2025-01-31", rules: rules)
            .then(.complete(.pendampingan, .none), on: "2025-02-20", rules: rules)
        #expect(plan.record(.pendampingan)?.startedOn == d("2025-01-31"))
        #expect(flags(plan, on: "2025-02-20").contains(.pendampinganTooShort))
    }

    @Test("Refleksi Tindak Lanjut is rated on all three aspects", arguments: [
        ([RefleksiAspect: Rating](), ["kesadaran-dalam-refleksi", "upaya-belajar", "peningkatan-kinerja"]),
        ([.kesadaranDalamRefleksi: .sesuaiEkspektasi, .upayaBelajar: .diBawahEkspektasi], ["peningkatan-kinerja"]),
        ([.upayaBelajar: .diAtasEkspektasi], ["kesadaran-dalam-refleksi", "peningkatan-kinerja"]),
    ])
    func refleksiRatings(ratings: [RefleksiAspect: Rating], missing: [String]) throws {
        let plan = try atRefleksi()
        let error = try #require(plan.refusal(.complete(.refleksiTindakLanjut, StepDetails(ratings: ratings)), on: "2025-06-20", rules: rules))
        #expect(error.reason == .invalidDetails(.missingRefleksiAspects(missing)))
        #expect(error.step == .refleksiTindakLanjut)
        #expect(error.standing == .at(.refleksiTindakLanjut, startedOn: nil))
    }

    @Test("the whole implementation, to a complete plan")
    func complete() throws {
        let plan = try atRefleksi()
            .then(.complete(.refleksiTindakLanjut, StepDetails(ratings: Fixtures.allRatings, catatan: "umpan balik")), on: "2025-06-20", rules: rules)
            .assessed(on: "2025-06-25", rules: rules)
        #expect(plan.isComplete)
        #expect(plan.record(.refleksiTindakLanjut)?.details?.ratings == Fixtures.allRatings)
        #expect(plan.record(.diskusiTindakLanjut)?.details?.rating == .sesuaiEkspektasi)
        #expect(plan.record(.upayaTindakLanjut)?.startedOn == d("2025-04-15"))
        let status = PlanStatus(of: plan, on: d("2025-06-30"), rules: rules)
        #expect(plan.predikat == .baik)
        #expect(status.currentStep == nil && status.due == nil && status.daysLeft == nil && status.actor == nil)
        #expect(status.flags.isEmpty)
    }

    @Test("the discussions and the Refleksi are not started with 'mulai': they are only done",
          arguments: [Step.diskusiPersiapan, .diskusiTindakLanjut, .refleksiTindakLanjut])
    func cannotStart(step: Step) throws {
        let plan = try Fixtures.approvedSupervisorPlan().walked(to: step, from: "2025-01-20", rules: rules)
        #expect(!plan.allowedActions.contains { $0.hasPrefix("mulai") })
        let error = try #require(plan.refusal(.start(step), on: "2025-06-01", rules: rules))
        #expect(error.reason == .cannotStart)
        #expect(error.step == step)
    }

    @Test("Upaya Tindak Lanjut: a second 'mulai' is refused, naming the first start")
    func upayaStartedTwice() throws {
        let plan = try Fixtures.approvedSupervisorPlan().walked(to: .upayaTindakLanjut, from: "2025-01-20", rules: rules)
            .then(.start(.upayaTindakLanjut), on: "2025-04-15", rules: rules)
        #expect(plan.allowedActions == ["selesai upaya-tindak-lanjut", "terblokir"])
        let error = try #require(plan.refusal(.start(.upayaTindakLanjut), on: "2025-04-20", rules: rules))
        #expect(error.reason == .alreadyStarted(on: d("2025-04-15")))
        #expect(error.step == .upayaTindakLanjut)
    }

    @Test("a finished plan refuses every step, a block too", arguments: [
        PlanAction.complete(.refleksiTindakLanjut, StepDetails(ratings: Fixtures.allRatings)),
        .start(.upayaTindakLanjut),
        .complete(.diskusiPersiapan, .none),
        .returnForRevision(.persetujuan, reason: "ulang"),
        .block(.lainnya, note: nil),
    ])
    func finished(action: PlanAction) throws {
        let plan = try atRefleksi()
            .then(.complete(.refleksiTindakLanjut, StepDetails(ratings: Fixtures.allRatings)), on: "2025-06-20", rules: rules)
            .assessed(on: "2025-06-24", rules: rules)
        #expect(plan.isComplete)
        let error = try #require(plan.refusal(action, on: "2025-06-25", rules: rules))
        #expect(error.reason == .planComplete)
        #expect(error.step == action.step)
        #expect(error.allowed.isEmpty)
    }

    @Test("who acts at each step")
    func actors() {
        #expect(Step.penyusunan.actor == .pegawai)
        #expect(Step.pemeriksaan.actor == .timKinerja)
        #expect(Step.persetujuan.actor == .pejabatPenilai)
        #expect(Step.diskusiTindakLanjut.actor == .timKinerja)
        #expect(Step.refleksiTindakLanjut.actor == .timKinerja)
        #expect(Step.observasi.actor == .timKinerja)
        #expect(Step.pendampingan.actor == .pegawai)
    }

    func atRefleksi() throws -> Plan {
        try mentoring(diskusi: "2025-01-31", start: "2025-02-03")
            .then(.complete(.pendampingan, .none), on: "2025-04-03", rules: rules)
            .then(.complete(.diskusiTindakLanjut, StepDetails(rating: .sesuaiEkspektasi)), on: "2025-04-10", rules: rules)
            .then(.start(.upayaTindakLanjut), on: "2025-04-15", rules: rules)
            .then(.complete(.upayaTindakLanjut, .none), on: "2025-05-15", rules: rules)
    }
}
