/// The words of a plan: its steps, their states, its flags, what blocks it, what may be
/// recorded next and the ratings given.
extension Vocabulary {
    /// The steps (`step` of PlanSummary, TimelineItem, ReminderItem…), by their official names
    /// as the platform and the juknis spell them: official terms stay Indonesian in English
    /// too (DESIGN.md, "Names"), as the reminders name them (`ReminderText.stepName`).
    public static let steps: Vocabulary = [
        "praktik-kinerja": Bilingual("Praktik Kinerja", "Praktik Kinerja"),
        "pengembangan-kompetensi": Bilingual("Pengembangan Kompetensi", "Pengembangan Kompetensi"),
        "perilaku-kerja": Bilingual("Perilaku Kerja", "Perilaku Kerja"),
        "rangkuman": Bilingual("Rangkuman", "Rangkuman"),
        "dokumen-persiapan": Bilingual("Dokumen Persiapan", "Dokumen Persiapan"),
        "observasi": Bilingual("Observasi", "Observasi"),
        "dokumen-tindak-lanjut": Bilingual("Dokumen Tindak Lanjut", "Dokumen Tindak Lanjut"),
        "tindak-lanjut-observasi": Bilingual("Tindak Lanjut Observasi", "Tindak Lanjut Observasi"),
        "dokumen-refleksi-tindak-lanjut": Bilingual("Dokumen Refleksi Tindak Lanjut", "Dokumen Refleksi Tindak Lanjut"),
        "penyusunan": Bilingual("Penyusunan", "Penyusunan"),
        "pemeriksaan": Bilingual("Pemeriksaan", "Pemeriksaan"),
        "persetujuan": Bilingual("Persetujuan", "Persetujuan"),
        "diskusi-persiapan": Bilingual("Diskusi Persiapan", "Diskusi Persiapan"),
        "pendampingan": Bilingual("Pendampingan Satuan Pendidikan", "Pendampingan Satuan Pendidikan"),
        "diskusi-tindak-lanjut": Bilingual("Diskusi Tindak Lanjut", "Diskusi Tindak Lanjut"),
        "upaya-tindak-lanjut": Bilingual("Upaya Tindak Lanjut", "Upaya Tindak Lanjut"),
        "refleksi-tindak-lanjut": Bilingual("Refleksi Tindak Lanjut", "Refleksi Tindak Lanjut"),
        "penilaian": Bilingual("Penilaian Kinerja", "Penilaian Kinerja"),
        "penetapan-predikat": Bilingual("Penetapan Predikat Kinerja", "Penetapan Predikat Kinerja"),
        "sinkron": Bilingual("Sinkron ke e-Kinerja", "Sinkron ke e-Kinerja"),
    ]

    /// Where a step of a plan's timeline stands (TimelineItem `state`).
    public static let timelineStates: Vocabulary = [
        "done": Bilingual("selesai", "done"),
        "current": Bilingual("berjalan", "current"),
        "pending": Bilingual("belum", "pending"),
    ]

    /// The signals an office wants to see about a plan (PlanSummary `flags`).
    public static let flags: Vocabulary = [
        "blocked": Bilingual("terblokir", "blocked"),
        "overdue": Bilingual("terlambat", "overdue"),
        "not-submitted": Bilingual("belum diajukan", "not submitted"),
        "late-submission": Bilingual("diajukan terlambat", "submitted late"),
        "pendampingan-overran": Bilingual("Pendampingan terlalu lama", "Pendampingan overran"),
        "pendampingan-too-short": Bilingual("Pendampingan terlalu singkat", "Pendampingan too short"),
        "awaiting-observation": Bilingual("menunggu observasi", "awaiting observation"),
        "advice": Bilingual("ada saran", "advice"),
        "tidak-selesai": Bilingual("tidak selesai", "unfinished"),
    ]

    /// Why a plan cannot move (`--cause`, BlockItem `cause`, PlanSummary `blockCause`), naming
    /// whose action is awaited.
    public static let blockCauses: Vocabulary = [
        "rhk-atasan": Bilingual("RHK atasan belum ada", "atasan's RHK missing"),
        "pemutakhiran-data": Bilingual("Pemutakhiran Data belum selesai", "Pemutakhiran Data not done"),
        "plotting-tim-kinerja": Bilingual("Tim Kinerja belum ditetapkan", "Tim Kinerja not appointed"),
        "lainnya": Bilingual("sebab lain", "another cause"),
    ]

    /// What may be recorded next (PlanDetail `allowed`: the progress file's status word, then
    /// the step): what to do, as `plan complete`, `plan approve`… do it.
    public static let planActions: Vocabulary = [
        "selesai": Bilingual("selesaikan", "complete"),
        "disetujui": Bilingual("setujui", "approve"),
        "dikembalikan": Bilingual("kembalikan untuk revisi", "return for revision"),
        "mulai": Bilingual("mulai", "start"),
        "terblokir": Bilingual("blokir", "block"),
        "dibuka": Bilingual("buka blokir", "unblock"),
    ]

    /// What a step records (PlanChoice `choice`, ChoiceCount `choice`).
    public static let choices: Vocabulary = [
        "praktik-kinerja": Bilingual("Praktik Kinerja", "Praktik Kinerja"),
        "rhk": Bilingual("RHK", "RHK"),
        "kompetensi": Bilingual("kompetensi", "competency"),
        "perilaku-kerja": Bilingual("Perilaku Kerja", "Perilaku Kerja"),
        "sekolah": Bilingual("sekolah rencana", "planned school"),
        "sekolah-fokus": Bilingual("sekolah fokus", "focus school"),
        "nilai": Bilingual("nilai", "rating"),
        "nilai-refleksi": Bilingual("nilai Refleksi", "Refleksi rating"),
        "nilai-praktik-kinerja": Bilingual("Rating Praktik Kinerja", "Rating Praktik Kinerja"),
        "nilai-perilaku-kerja": Bilingual("Rating Perilaku Kerja", "Rating Perilaku Kerja"),
        "predikat": Bilingual("predikat", "predikat"),
        "alasan": Bilingual("alasan predikat", "reason for the predikat"),
    ]

    /// The five Predikat Kinerja of PermenPANRB 6/2022 (`plan predikat`, PlanChoice `id` of a
    /// predikat, the predikat report), best first: official terms, the same in English.
    public static let predikat: Vocabulary = [
        "sangat-baik": Bilingual("Sangat Baik", "Sangat Baik"),
        "baik": Bilingual("Baik", "Baik"),
        "butuh-perbaikan": Bilingual("Butuh Perbaikan", "Butuh Perbaikan"),
        "kurang": Bilingual("Kurang/Misconduct", "Kurang/Misconduct"),
        "sangat-kurang": Bilingual("Sangat Kurang", "Sangat Kurang"),
    ]

    /// The three aspects a Refleksi Tindak Lanjut is rated on (PlanChoice `aspect`).
    public static let refleksiAspects: Vocabulary = [
        "kesadaran-dalam-refleksi": Bilingual("Kesadaran dalam Refleksi", "Kesadaran dalam Refleksi"),
        "upaya-belajar": Bilingual("Upaya Belajar", "Upaya Belajar"),
        "peningkatan-kinerja": Bilingual("Peningkatan Kinerja", "Peningkatan Kinerja"),
    ]

    /// The three levels of a rating (`--rating`, TimelineItem `rating`), PermenPAN-RB 6/2022.
    public static let ratings: Vocabulary = [
        "di-bawah-ekspektasi": Bilingual("di bawah ekspektasi", "below expectations"),
        "sesuai-ekspektasi": Bilingual("sesuai ekspektasi", "as expected"),
        "di-atas-ekspektasi": Bilingual("di atas ekspektasi", "above expectations"),
    ]

    /// A deadline's name (CycleDeadline `deadline`): the planning steps share one,
    /// "perencanaan"; every other step is its own.
    public static func deadline(_ name: String) -> Bilingual {
        name == "perencanaan" ? Bilingual("Perencanaan Kinerja", "Perencanaan Kinerja") : steps[name]
    }

    /// An official extension (CycleInfo `extensions`, "ROLE DEADLINE UNTIL", the role "semua"
    /// for both): "kepala sekolah: Perencanaan Kinerja sampai 2024-03-31".
    public static func deadlineExtension(_ text: String) -> Bilingual {
        let parts = text.split(separator: " ").map(String.init)
        guard parts.count == 3 else { return Bilingual(unknown: text) }
        let role = parts[0] == "semua" ? Bilingual("semua peran", "both roles") : roles[parts[0]]
        return role + Bilingual(": ", ": ") + deadline(parts[1]) + Bilingual(" sampai \(parts[2])", " until \(parts[2])")
    }

    /// A plan's flags, in the order the daemon sends them: "terlambat, belum diajukan".
    public static func flagList(_ flags: [String]) -> Bilingual {
        Bilingual.joined(flags.map { Vocabulary.flags[$0] }, separator: Bilingual(", ", ", "))
    }

    /// One entry of PlanDetail `allowed` ("selesai praktik-kinerja", "terblokir"):
    /// "selesaikan Praktik Kinerja" / "complete Praktik Kinerja".
    public static func allowedAction(_ action: String) -> Bilingual {
        let parts = action.split(separator: " ", maxSplits: 1).map(String.init)
        guard let verb = parts.first, planActions.knows(verb) else { return Bilingual(unknown: action) }
        guard parts.count == 2 else { return planActions[verb] }
        return planActions[verb] + Bilingual(" ", " ") + steps[parts[1]]
    }
}
