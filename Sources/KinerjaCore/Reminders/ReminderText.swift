/// The words of a reminder: the journal MESSAGE and the hook text. Bahasa Indonesia by
/// default, English with `language = "en"`. Each text names the step with its official
/// name, the stage (number and name) and the place in it, the person and school, the date
/// in words, and who has to act (or what blocks the plan): users often do not know where
/// they are in the cycle, nor who they are waiting for (DOMAIN-NOTES.md §14).
public enum ReminderText {
    /// The journal MESSAGE / hook text of an occurrence.
    public static func message(
        _ o: ReminderOccurrence, personName: String, schoolName: String?, recipientName: String?, language: OfficeLanguage
    ) -> String {
        let en = language == .english
        let dueText = date(o.due, language: language)
        let precondition = o.step == nil ? o.blockCause.flatMap { Precondition($0) } : nil
        var subject = o.step.map { "\(stepName($0)) (\(stagePhrase($0, role: o.plan.position.role, en: en)))" }
            ?? precondition.map { "\(name($0)) (\(en ? "stage" : "tahap") \($0.stage))" }
            ?? "Pengelolaan Kinerja"
        subject += en ? " for \(personName)" : " untuk \(personName)"
        if let school = schoolName, !school.isEmpty { subject += ", \(school)" }
        let named = recipientName.map { " (\(flatten($0)))" } ?? ""

        switch o.kind {
        case .lead, .due, .overdue, .escalation:
            let late = o.days
            let when: String
            if late < 0 {
                when = en ? "due \(dueText) (in \(days(-late, en: true)))" : "jatuh tempo \(dueText) (\(-late) hari lagi)"
            } else if late == 0 {
                when = en ? "due today (\(dueText))" : "jatuh tempo hari ini (\(dueText))"
            } else {
                when = en ? "\(days(late, en: true)) late (deadline \(dueText))" : "terlambat \(late) hari (batas \(dueText))"
            }
            let opening: String
            if o.kind == .escalation {
                opening = en ? "Escalation to the atasan\(named): " : "Eskalasi untuk atasan\(named): "
            } else {
                opening = en ? "Reminder: " : "Pengingat: "
            }
            var text = "\(opening)\(subject), \(when)."
            if let step = o.step {
                let actor = actorName(step.actor, occurrence: o, personName: personName, recipientName: recipientName, en: en)
                // Names often end in a title's period ("M.Pd."): no second one.
                let end = actor.hasSuffix(".") ? "" : "."
                text += en ? " Action needed from: \(actor)\(end)" : " Yang perlu bertindak: \(actor)\(end)"
            } else if let precondition {
                let actor = ownerName(precondition.owner, recipientName: recipientName, en: en)
                let end = actor.hasSuffix(".") ? "" : "."
                text += en
                    ? " Planning cannot start until it is done. Action needed from: \(actor)\(end)"
                    : " Perencanaan belum dapat dimulai sebelum ini selesai. Yang perlu bertindak: \(actor)\(end)"
            }
            return text
        case .blocked:
            let length = o.days
            let cause = causeText(o.blockCause ?? .lainnya, note: o.blockNote, en: en)
            return en
                ? "Reminder to the atasan\(named): \(subject), blocked since \(dueText) (\(days(length, en: true))): \(cause)."
                : "Pengingat untuk atasan\(named): \(subject), terblokir sejak \(dueText) (\(length) hari): \(cause)."
        }
    }

    /// The official name of a step, as the platform and the juknis spell it.
    public static func stepName(_ step: Step) -> String {
        switch step {
        case .praktikKinerja: return "Praktik Kinerja"
        case .pengembanganKompetensi: return "Pengembangan Kompetensi"
        case .perilakuKerja: return "Perilaku Kerja"
        case .rangkuman: return "Rangkuman"
        case .dokumenPersiapan: return "Dokumen Persiapan"
        case .observasi: return "Observasi"
        case .dokumenTindakLanjut: return "Dokumen Tindak Lanjut"
        case .tindakLanjutObservasi: return "Tindak Lanjut Observasi"
        case .dokumenRefleksiTindakLanjut: return "Dokumen Refleksi Tindak Lanjut"
        case .penyusunan: return "Penyusunan"
        case .pemeriksaan: return "Pemeriksaan"
        case .persetujuan: return "Persetujuan"
        case .diskusiPersiapan: return "Diskusi Persiapan"
        case .pendampingan: return "Pendampingan Satuan Pendidikan"
        case .diskusiTindakLanjut: return "Diskusi Tindak Lanjut"
        case .upayaTindakLanjut: return "Upaya Tindak Lanjut"
        case .refleksiTindakLanjut: return "Refleksi Tindak Lanjut"
        case .penilaian: return "Penilaian Kinerja"
        case .penetapanPredikat: return "Penetapan Predikat Kinerja"
        case .sinkron: return "Sinkron ke e-Kinerja"
        }
    }

    /// The stage of the cycle a step belongs to: 3 Perencanaan Kinerja, 4 Pelaksanaan
    /// Kinerja or 5 Penilaian Kinerja.
    public static func stage(of step: Step) -> (number: Int, name: String) {
        if step.isPenilaian { return (5, "Penilaian Kinerja") }
        return step.isPlanning ? (3, "Perencanaan Kinerja") : (4, "Pelaksanaan Kinerja")
    }

    /// A date in words: "31 Januari 2025", or "31 January 2025" in English.
    public static func date(_ d: LocalDate, language: OfficeLanguage) -> String {
        let names = language == .english ? englishMonths : indonesianMonths
        return "\(d.day) \(names[d.month - 1]) \(d.year)"
    }

    static let indonesianMonths = [
        "Januari", "Februari", "Maret", "April", "Mei", "Juni",
        "Juli", "Agustus", "September", "Oktober", "November", "Desember",
    ]
    static let englishMonths = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    /// The official name of a stage 1–2 precondition.
    public static func name(_ precondition: Precondition) -> String {
        switch precondition {
        case .pemutakhiranData: return "Pemutakhiran Data"
        case .plottingTimKinerja: return "Plotting Tim Kinerja"
        }
    }

    /// Who owns a precondition, with the recipient's name when it is theirs to act on.
    static func ownerName(_ role: RecipientRole, recipientName: String?, en: Bool) -> String {
        let name = recipientName.map { " (\(flatten($0)))" } ?? ""
        switch role {
        case .officeOperator: return (en ? "the office's operator" : "operator Dinas") + name
        case .pejabatPenilai: return "Kepala Dinas" + name
        default: return role.rawValue + name
        }
    }

    /// "tahap 3 Perencanaan Kinerja, langkah 1 dari 4".
    static func stagePhrase(_ step: Step, role: Role, en: Bool) -> String {
        let stage = stage(of: step)
        let steps = Workflow.steps(for: role).filter { self.stage(of: $0).number == stage.number }
        let position = (steps.firstIndex(of: step) ?? 0) + 1
        return en
            ? "stage \(stage.number) \(stage.name), step \(position) of \(steps.count)"
            : "tahap \(stage.number) \(stage.name), langkah \(position) dari \(steps.count)"
    }

    static func actorName(_ actor: Actor, occurrence o: ReminderOccurrence, personName: String, recipientName: String?, en: Bool) -> String {
        switch actor {
        case .pegawai:
            return personName
        case .timKinerja:
            let name = o.recipientRole == .timKinerja ? recipientName.map { " (\(flatten($0)))" } ?? "" : ""
            return "Tim Kinerja\(name)"
        case .pejabatPenilai:
            let name = o.recipientRole == .pejabatPenilai ? recipientName.map { " (\(flatten($0)))" } ?? "" : ""
            return "Pejabat Penilai Kinerja\(name)"
        }
    }

    /// What blocks the plan, naming who owns the cause.
    public static func causeText(_ cause: BlockCause, note: String?, en: Bool) -> String {
        let text: String
        switch cause {
        case .rhkAtasan:
            text = en ? "the atasan's RHK is not in e-Kinerja yet" : "RHK atasan belum ada di e-Kinerja"
        case .pemutakhiranData:
            text = en
                ? "Pemutakhiran Data (NIK, NIP, Unor, Wilayah Unor, NPSN) is not done (the office's operator)"
                : "Pemutakhiran Data (NIK, NIP, Unor, Wilayah Unor, NPSN) belum selesai (operator Dinas)"
        case .plottingTimKinerja:
            text = en
                ? "the Kepala Dinas has not appointed the Tim Kinerja (Plotting Tim Kinerja)"
                : "Kepala Dinas belum menetapkan Tim Kinerja (Plotting Tim Kinerja)"
        case .lainnya:
            text = en ? "another cause" : "sebab lain"
        }
        guard let note, !note.isEmpty else { return text }
        return "\(text) — \(flatten(note))"
    }

    static func days(_ n: Int, en: Bool) -> String { n == 1 ? "1 day" : "\(n) days" }

    /// One line: a journal MESSAGE with newlines from a note would be hard to read.
    static func flatten(_ s: String) -> String {
        s.contains(where: \.isNewline) ? s.split(whereSeparator: \.isNewline).joined(separator: " ") : s
    }
}
