import Foundation
import KinerjaCore
import Testing

@Suite("Reminder texts")
struct ReminderTextTests {
    typealias F = ReminderFixtures
    let rules = Fixtures.rules2025

    func occurrences(_ plan: Plan, position: Position? = nil, through: String = "2025-03-01T00:00:00+08:00") -> [ReminderOccurrence] {
        ReminderPlanner.occurrences(
            of: plan, position: position ?? F.position(for: plan), rules: rules, policy: ReminderPolicy(), calendar: F.wita,
            from: Fixtures.instant("2025-01-01T00:00:00+08:00"), through: Fixtures.instant(through))
    }

    func text(_ o: ReminderOccurrence?, _ language: OfficeLanguage = .indonesian, school: String? = "SD Negeri 1 Sukamaju", recipient: String? = nil) -> String {
        guard let o else { return "(none)" }
        return ReminderText.message(o, personName: "Budi Santoso", schoolName: school, recipientName: recipient, language: language)
    }

    @Test("a principal who never plans: lead, due, overdue and escalation in Bahasa Indonesia")
    func indonesian() {
        let all = occurrences(Fixtures.principalPlan("2025-1"))
        let lead = all.first { $0.kind == .lead && $0.offsetDays == -7 }
        #expect(text(lead) == "Pengingat: Praktik Kinerja (tahap 3 Perencanaan Kinerja, langkah 1 dari 4) untuk Budi Santoso, "
            + "SD Negeri 1 Sukamaju, jatuh tempo 31 Januari 2025 (7 hari lagi). Yang perlu bertindak: Budi Santoso.")
        #expect(text(all.first { $0.kind == .due }) == "Pengingat: Praktik Kinerja (tahap 3 Perencanaan Kinerja, langkah 1 dari 4) "
            + "untuk Budi Santoso, SD Negeri 1 Sukamaju, jatuh tempo hari ini (31 Januari 2025). Yang perlu bertindak: Budi Santoso.")
        #expect(text(all.first { $0.kind == .overdue && $0.offsetDays == 14 }) == "Pengingat: Praktik Kinerja (tahap 3 Perencanaan "
            + "Kinerja, langkah 1 dari 4) untuk Budi Santoso, SD Negeri 1 Sukamaju, terlambat 14 hari (batas 31 Januari 2025). "
            + "Yang perlu bertindak: Budi Santoso.")
        #expect(text(all.first { $0.kind == .escalation }, recipient: "Drs. Ahmad Yani") == "Eskalasi untuk atasan (Drs. Ahmad Yani): "
            + "Praktik Kinerja (tahap 3 Perencanaan Kinerja, langkah 1 dari 4) untuk Budi Santoso, SD Negeri 1 Sukamaju, "
            + "terlambat 14 hari (batas 31 Januari 2025). Yang perlu bertindak: Budi Santoso.")
    }

    @Test("the same in English")
    func english() {
        let all = occurrences(Fixtures.principalPlan("2025-1"))
        #expect(text(all.first { $0.kind == .lead && $0.offsetDays == -1 }, .english) == "Reminder: Praktik Kinerja (stage 3 Perencanaan "
            + "Kinerja, step 1 of 4) for Budi Santoso, SD Negeri 1 Sukamaju, due 31 January 2025 (in 1 day). "
            + "Action needed from: Budi Santoso.")
        #expect(text(all.first { $0.kind == .due }, .english).contains("due today (31 January 2025)"))
        #expect(text(all.first { $0.kind == .overdue && $0.offsetDays == 7 }, .english).contains("7 days late (deadline 31 January 2025)"))
        #expect(text(all.first { $0.kind == .escalation }, .english, recipient: "Drs. Ahmad Yani")
            .hasPrefix("Escalation to the atasan (Drs. Ahmad Yani): Praktik Kinerja"))
    }

    @Test("a due reminder moved to the Friday before counts the days left from the day it fires")
    func movedDue() throws {
        let plan = try Fixtures.submittedPrincipalPlan("2025-1", submitted: "2025-01-20", rules: rules)
            .then(.complete(.dokumenPersiapan, .none), on: "2025-02-10", rules: rules)
        // Observasi is due Monday 31 March; the lead -1 (Sunday 30) fires Friday 28 March.
        let lead = occurrences(plan, through: "2025-04-01T00:00:00+08:00").first { $0.kind == .lead && $0.offsetDays == -1 }
        #expect(text(lead, recipient: "Siti Rahma") == "Pengingat: Observasi (tahap 4 Pelaksanaan Kinerja, langkah 2 dari 5) untuk "
            + "Budi Santoso, SD Negeri 1 Sukamaju, jatuh tempo 31 Maret 2025 (3 hari lagi). Yang perlu bertindak: Tim Kinerja (Siti Rahma).")
        #expect(text(lead, .english, recipient: "Siti Rahma").contains("(in 3 days). Action needed from: Tim Kinerja (Siti Rahma)."))
    }

    @Test("a blocked plan names the cause and who owns it; a supervisor has no school")
    func blocked() throws {
        let plan = try Fixtures.supervisorPlan("2025-1").then(.block(.rhkAtasan, note: nil), on: "2025-01-06", rules: rules)
        let first = occurrences(plan).first
        #expect(text(first, school: nil, recipient: "Drs. Ahmad Yani") == "Pengingat untuk atasan (Drs. Ahmad Yani): Penyusunan "
            + "(tahap 3 Perencanaan Kinerja, langkah 1 dari 3) untuk Budi Santoso, terblokir sejak 6 Januari 2025 (7 hari): "
            + "RHK atasan belum ada di e-Kinerja.")
        #expect(text(first, .english, school: nil) == "Reminder to the atasan: Penyusunan (stage 3 Perencanaan Kinerja, step 1 of 3) "
            + "for Budi Santoso, blocked since 6 January 2025 (7 days): the atasan's RHK is not in e-Kinerja yet.")
        let plotting = try Fixtures.supervisorPlan("2025-1")
            .then(.block(.plottingTimKinerja, note: "SK belum\nditandatangani"), on: "2025-01-06", rules: rules)
        #expect(text(occurrences(plotting).first).hasSuffix(
            "Kepala Dinas belum menetapkan Tim Kinerja (Plotting Tim Kinerja) — SK belum ditandatangani."))
    }

    @Test("Pejabat Penilai for Persetujuan")
    func pejabat() throws {
        let plan = try Fixtures.supervisorPlan("2025-1")
            .then(.complete(.penyusunan, Fixtures.penyusunan), on: "2025-01-10", rules: rules)
            .then(.complete(.pemeriksaan, .none), on: "2025-01-13", rules: rules)
        let due = occurrences(plan).first { $0.kind == .due }
        #expect(text(due, school: nil, recipient: "Dr. Kadis").hasSuffix(
            "Persetujuan (tahap 3 Perencanaan Kinerja, langkah 3 dari 3) untuk Budi Santoso, jatuh tempo hari ini (20 Januari 2025). "
                + "Yang perlu bertindak: Pejabat Penilai Kinerja (Dr. Kadis)."))
    }

    @Test("month names and official step names")
    func names() {
        let id = (1...12).map { ReminderText.date(LocalDate(year: 2026, month: $0, day: 1)!, language: .indonesian) }
        #expect(id == [
            "1 Januari 2026", "1 Februari 2026", "1 Maret 2026", "1 April 2026", "1 Mei 2026", "1 Juni 2026",
            "1 Juli 2026", "1 Agustus 2026", "1 September 2026", "1 Oktober 2026", "1 November 2026", "1 Desember 2026",
        ])
        #expect(ReminderText.date(d("2026-07-31"), language: .english) == "31 July 2026")
        #expect(ReminderText.stepName(.diskusiTindakLanjut) == "Diskusi Tindak Lanjut")
        #expect(ReminderText.stepName(.pendampingan) == "Pendampingan Satuan Pendidikan")
        #expect(Set(Step.allCases.map(ReminderText.stepName)).count == Step.allCases.count)
        #expect(ReminderText.stage(of: .observasi) == (4, "Pelaksanaan Kinerja"))
    }
}
