/// The words of a plan: its steps, their states, its flags, what blocks it, what may be
/// recorded next and the ratings given.
extension Vocabulary {
    /// The steps (`step` of PlanSummary, TimelineItem, ReminderItem…), by their official names
    /// as the platform and the juknis spell them: official terms stay Indonesian in English
    /// too (DESIGN.md, "Names"), as the reminders name them (`ReminderText.stepName`).
    public static let steps: Vocabulary = [
        "praktik-kinerja": Words("Praktik Kinerja", "Praktik Kinerja"),
        "pengembangan-kompetensi": Words("Pengembangan Kompetensi", "Pengembangan Kompetensi"),
        "perilaku-kerja": Words("Perilaku Kerja", "Perilaku Kerja"),
        "rangkuman": Words("Rangkuman", "Rangkuman"),
        "dokumen-persiapan": Words("Dokumen Persiapan", "Dokumen Persiapan"),
        "observasi": Words("Observasi", "Observasi"),
        "dokumen-tindak-lanjut": Words("Dokumen Tindak Lanjut", "Dokumen Tindak Lanjut"),
        "tindak-lanjut-observasi": Words("Tindak Lanjut Observasi", "Tindak Lanjut Observasi"),
        "dokumen-refleksi-tindak-lanjut": Words("Dokumen Refleksi Tindak Lanjut", "Dokumen Refleksi Tindak Lanjut"),
        "penyusunan": Words("Penyusunan", "Penyusunan"),
        "pemeriksaan": Words("Pemeriksaan", "Pemeriksaan"),
        "persetujuan": Words("Persetujuan", "Persetujuan"),
        "diskusi-persiapan": Words("Diskusi Persiapan", "Diskusi Persiapan"),
        "pendampingan": Words("Pendampingan Satuan Pendidikan", "Pendampingan Satuan Pendidikan"),
        "diskusi-tindak-lanjut": Words("Diskusi Tindak Lanjut", "Diskusi Tindak Lanjut"),
        "upaya-tindak-lanjut": Words("Upaya Tindak Lanjut", "Upaya Tindak Lanjut"),
        "refleksi-tindak-lanjut": Words("Refleksi Tindak Lanjut", "Refleksi Tindak Lanjut"),
    ]

    /// Where a step of a plan's timeline stands (TimelineItem `state`).
    public static let timelineStates: Vocabulary = [
        "done": Words("selesai", "done"),
        "current": Words("berjalan", "current"),
        "pending": Words("belum", "pending"),
    ]

    /// The signals an office wants to see about a plan (PlanSummary `flags`).
    public static let flags: Vocabulary = [
        "blocked": Words("terblokir", "blocked"),
        "overdue": Words("terlambat", "overdue"),
        "not-submitted": Words("belum diajukan", "not submitted"),
        "late-submission": Words("diajukan terlambat", "submitted late"),
        "pendampingan-overran": Words("Pendampingan terlalu lama", "Pendampingan overran"),
        "pendampingan-too-short": Words("Pendampingan terlalu singkat", "Pendampingan too short"),
        "awaiting-observation": Words("menunggu observasi", "awaiting observation"),
        "tidak-selesai": Words("tidak selesai", "unfinished"),
    ]

    /// Why a plan cannot move (`--cause`, BlockItem `cause`, PlanSummary `blockCause`), naming
    /// whose action is awaited.
    public static let blockCauses: Vocabulary = [
        "rhk-atasan": Words("RHK atasan belum ada", "atasan's RHK missing"),
        "pemutakhiran-data": Words("Pemutakhiran Data belum selesai", "Pemutakhiran Data not done"),
        "plotting-tim-kinerja": Words("Tim Kinerja belum ditetapkan", "Tim Kinerja not appointed"),
        "lainnya": Words("sebab lain", "another cause"),
    ]

    /// What may be recorded next (PlanDetail `allowed`: the progress file's status word, then
    /// the step): what to do, as `plan complete`, `plan approve`… do it.
    public static let planActions: Vocabulary = [
        "selesai": Words("selesaikan", "complete"),
        "disetujui": Words("setujui", "approve"),
        "dikembalikan": Words("kembalikan untuk revisi", "return for revision"),
        "mulai": Words("mulai", "start"),
        "terblokir": Words("blokir", "block"),
        "dibuka": Words("buka blokir", "unblock"),
    ]

    /// The three levels of a rating (`--rating`, TimelineItem `rating`), PermenPAN-RB 6/2022.
    public static let ratings: Vocabulary = [
        "di-bawah-ekspektasi": Words("di bawah ekspektasi", "below expectations"),
        "sesuai-ekspektasi": Words("sesuai ekspektasi", "as expected"),
        "di-atas-ekspektasi": Words("di atas ekspektasi", "above expectations"),
    ]

    /// A deadline's name (CycleDeadline `deadline`): the planning steps share one,
    /// "perencanaan"; every other step is its own.
    public static func deadline(_ name: String) -> Words {
        name == "perencanaan" ? Words("Perencanaan Kinerja", "Perencanaan Kinerja") : steps[name]
    }

    /// An official extension (CycleInfo `extensions`, "ROLE DEADLINE UNTIL", the role "semua"
    /// for both): "kepala sekolah: Perencanaan Kinerja sampai 2024-03-31".
    public static func deadlineExtension(_ text: String) -> Words {
        let parts = text.split(separator: " ").map(String.init)
        guard parts.count == 3 else { return Words(unknown: text) }
        let role = parts[0] == "semua" ? Words("semua peran", "both roles") : roles[parts[0]]
        return role + Words(": ", ": ") + deadline(parts[1]) + Words(" sampai \(parts[2])", " until \(parts[2])")
    }

    /// A plan's flags, in the order the daemon sends them: "terlambat, belum diajukan".
    public static func flagList(_ flags: [String]) -> Words {
        Words.joined(flags.map { Vocabulary.flags[$0] }, separator: Words(", ", ", "))
    }

    /// One entry of PlanDetail `allowed` ("selesai praktik-kinerja", "terblokir"):
    /// "selesaikan Praktik Kinerja" / "complete Praktik Kinerja".
    public static func allowedAction(_ action: String) -> Words {
        let parts = action.split(separator: " ", maxSplits: 1).map(String.init)
        guard let verb = parts.first, planActions.knows(verb) else { return Words(unknown: action) }
        guard parts.count == 2 else { return planActions[verb] }
        return planActions[verb] + Words(" ", " ") + steps[parts[1]]
    }
}
