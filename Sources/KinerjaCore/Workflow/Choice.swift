/// A choice or a rating a step records (a field of `StepDetails` other than the note).
/// Which step records which is the workflow's (DOMAIN.md): a choice given at a step that
/// does not record it is refused, naming where it belongs, so that a rating typed on the
/// principal's own Dokumen Tindak Lanjut does not pass for the supervisor's rating.
public enum Choice: String, Sendable, CaseIterable, Hashable, Codable {
    /// The Praktik Kinerja indicator (a principal's D3 sub-indicator, a supervisor's
    /// Rapor Pendidikan indicator).
    case praktikKinerja = "praktik-kinerja"
    /// RHK items with their quantity (2024-style Pengembangan Kompetensi).
    case rhk
    /// One competency indicator (2025-style Pengembangan Kompetensi; a supervisor's always).
    case kompetensi
    /// Perilaku Kerja aspects.
    case perilakuKerja = "perilaku-kerja"
    /// A supervisor's three planned schools.
    case sekolah
    /// The focus school, one of the three.
    case sekolahFokus = "sekolah-fokus"
    /// The rating of an observation or a Diskusi Tindak Lanjut.
    case nilai
    /// The three ratings of a Refleksi Tindak Lanjut.
    case nilaiRefleksi = "nilai-refleksi"
    /// Penilaian: the Tim Kinerja's Rating Praktik Kinerja / Hasil Kerja.
    case nilaiPraktikKinerja = "nilai-praktik-kinerja"
    /// Penilaian: the Tim Kinerja's Rating Perilaku Kerja.
    case nilaiPerilakuKerja = "nilai-perilaku-kerja"
    /// Penetapan Predikat: the predikat.
    case predikat
    /// Penetapan Predikat: the reason for a predikat other than the matrix's.
    case alasan

    /// The choice in words, e.g. `indikator Praktik Kinerja` / `Praktik Kinerja indicator`.
    public func name(in language: OfficeLanguage) -> String {
        switch self {
        case .praktikKinerja: return language.text(id: "indikator Praktik Kinerja", en: "Praktik Kinerja indicator")
        case .rhk: return language.text(id: "butir RHK", en: "RHK items")
        case .kompetensi: return language.text(id: "indikator kompetensi", en: "competency indicator")
        case .perilakuKerja: return language.text(id: "aspek Perilaku Kerja", en: "Perilaku Kerja aspects")
        case .sekolah: return language.text(id: "tiga sekolah yang direncanakan", en: "the three planned schools")
        case .sekolahFokus: return language.text(id: "sekolah fokus", en: "focus school")
        case .nilai: return language.text(id: "nilai", en: "rating")
        case .nilaiRefleksi: return language.text(id: "nilai ketiga aspek Refleksi", en: "ratings of the three Refleksi aspects")
        case .nilaiPraktikKinerja: return language.text(id: "Rating Praktik Kinerja / Hasil Kerja", en: "Rating Praktik Kinerja / Hasil Kerja")
        case .nilaiPerilakuKerja: return language.text(id: "Rating Perilaku Kerja", en: "Rating Perilaku Kerja")
        case .predikat: return language.text(id: "predikat", en: "predikat")
        case .alasan: return language.text(id: "alasan predikat", en: "reason for the predikat")
        }
    }

    /// The steps that record this choice.
    public var steps: [Step] { Step.allCases.filter { $0.choices.contains(self) } }
}

extension Step {
    /// The choices and ratings this step records (besides a note, which every step takes).
    public var choices: [Choice] {
        switch self {
        case .praktikKinerja: return [.praktikKinerja]
        case .pengembanganKompetensi: return [.rhk, .kompetensi]
        case .perilakuKerja: return [.perilakuKerja]
        case .penyusunan: return [.praktikKinerja, .rhk, .kompetensi, .perilakuKerja, .sekolah]
        case .diskusiPersiapan: return [.sekolahFokus]
        case .observasi, .diskusiTindakLanjut: return [.nilai]
        case .refleksiTindakLanjut: return [.nilaiRefleksi]
        case .penilaian: return [.nilaiPraktikKinerja, .nilaiPerilakuKerja]
        case .penetapanPredikat: return [.predikat, .alasan]
        case .rangkuman, .dokumenPersiapan, .dokumenTindakLanjut, .tindakLanjutObservasi, .dokumenRefleksiTindakLanjut,
             .pemeriksaan, .persetujuan, .pendampingan, .upayaTindakLanjut, .sinkron:
            return []
        }
    }
}

extension StepDetails {
    /// The choices given, in `Choice` order (an empty list counts as given).
    public var given: [Choice] {
        var given: [Choice] = []
        if praktikKinerja != nil { given.append(.praktikKinerja) }
        if rhk != nil { given.append(.rhk) }
        if kompetensi != nil { given.append(.kompetensi) }
        if perilakuKerja != nil { given.append(.perilakuKerja) }
        if sekolah != nil { given.append(.sekolah) }
        if sekolahFokus != nil { given.append(.sekolahFokus) }
        if rating != nil { given.append(.nilai) }
        if ratings != nil { given.append(.nilaiRefleksi) }
        if ratingPraktik != nil { given.append(.nilaiPraktikKinerja) }
        if ratingPerilaku != nil { given.append(.nilaiPerilakuKerja) }
        if predikat != nil { given.append(.predikat) }
        if alasan != nil { given.append(.alasan) }
        return given
    }
}
