/// Every step of every workflow of DOMAIN.md. Raw values are the wire, CLI and CSV ids.
public enum Step: String, Sendable, Codable, CaseIterable, Hashable {
    // Perencanaan Kinerja of a principal (four sub-steps, then submitted and frozen).
    /// Praktik Kinerja: one D3 Kepemimpinan Pembelajaran sub-indicator.
    case praktikKinerja = "praktik-kinerja"
    /// Pengembangan Kompetensi: RHK items with points (2024) or one competency indicator (2025).
    case pengembanganKompetensi = "pengembangan-kompetensi"
    /// Perilaku Kerja: the prioritised BerAKHLAK work behaviours.
    case perilakuKerja = "perilaku-kerja"
    /// Rangkuman: review and submit to the atasan; the plan is frozen afterwards.
    case rangkuman

    // Pelaksanaan of a principal: the observation steps.
    /// Dokumen Persiapan: target behaviours and planned efforts, submitted to the supervisor.
    case dokumenPersiapan = "dokumen-persiapan"
    /// Observasi: the supervisor observes and rates the principal.
    case observasi
    /// Dokumen Tindak Lanjut: chosen improvement efforts.
    case dokumenTindakLanjut = "dokumen-tindak-lanjut"
    /// Tindak Lanjut Observasi: carrying out the improvement efforts.
    case tindakLanjutObservasi = "tindak-lanjut-observasi"
    /// Dokumen Refleksi Tindak Lanjut: reflection on the follow-up.
    case dokumenRefleksiTindakLanjut = "dokumen-refleksi-tindak-lanjut"

    // Perencanaan Kinerja of a supervisor.
    /// Penyusunan: composing the plan (Praktik Kinerja, Perilaku Kerja, Pengembangan Kompetensi, three schools).
    case penyusunan
    /// Pemeriksaan: Tim Kinerja reviews; approves or returns for revision.
    case pemeriksaan
    /// Persetujuan: the Pejabat Penilai Kinerja approves or returns for revision.
    case persetujuan

    // Pelaksanaan Praktik Kinerja of a supervisor: five phases.
    /// Diskusi Persiapan: with Tim Kinerja; picks one of the three planned schools.
    case diskusiPersiapan = "diskusi-persiapan"
    /// Pendampingan Satuan Pendidikan: mentoring the chosen school, 1 to 3 months.
    case pendampingan
    /// Diskusi Tindak Lanjut: discussion of results; Tim Kinerja rates it.
    case diskusiTindakLanjut = "diskusi-tindak-lanjut"
    /// Upaya Tindak Lanjut: carrying out the agreed plan, about one month.
    case upayaTindakLanjut = "upaya-tindak-lanjut"
    /// Refleksi Tindak Lanjut: reflection; Tim Kinerja rates its three aspects.
    case refleksiTindakLanjut = "refleksi-tindak-lanjut"

    // Penilaian Kinerja (stage 5) of both roles, after Pelaksanaan (DOMAIN-NOTES §10).
    /// Penilaian: the Tim Kinerja rates Praktik Kinerja / Hasil Kerja and Perilaku Kerja;
    /// its Rekomendasi Predikat follows from the two ratings by the year's matrix.
    case penilaian
    /// Penetapan Predikat: the Pejabat Penilai Kinerja (Kepala Dinas) sets the predikat.
    case penetapanPredikat = "penetapan-predikat"
    /// Sinkron: the result handed over to e-Kinerja (BKN); the pegawai triggers "Sinkron
    /// PMM" in e-Kinerja (DOMAIN-NOTES §10.3), the office records the day it was done.
    case sinkron

    /// Who must act for the step to move: reminders go to them.
    public var actor: Actor {
        switch self {
        case .pemeriksaan, .observasi, .diskusiTindakLanjut, .refleksiTindakLanjut, .penilaian: return .timKinerja
        case .persetujuan, .penetapanPredikat: return .pejabatPenilai
        default: return .pegawai
        }
    }

    /// The name of the deadline that governs the step; the principal's four planning
    /// sub-steps and the supervisor's composition share the planning deadline.
    public var deadlineName: String {
        switch self {
        case .praktikKinerja, .pengembanganKompetensi, .perilakuKerja, .rangkuman, .penyusunan: return "perencanaan"
        default: return rawValue
        }
    }

    /// True for steps of Perencanaan (planning), false for Pelaksanaan (implementation).
    public var isPlanning: Bool {
        switch self {
        case .praktikKinerja, .pengembanganKompetensi, .perilakuKerja, .rangkuman,
             .penyusunan, .pemeriksaan, .persetujuan: return true
        default: return false
        }
    }

    /// True for the steps of Penilaian Kinerja (stage 5), which follow Pelaksanaan.
    public var isPenilaian: Bool { Workflow.penilaian.contains(self) }

    /// Steps that an approver either approves or returns for revision.
    public var isReview: Bool { self == .pemeriksaan || self == .persetujuan }

    /// Steps with a start and an end whose length matters (started with `mulai`).
    public var hasDuration: Bool { self == .pendampingan || self == .upayaTindakLanjut }
}

/// Who acts on a step.
public enum Actor: String, Sendable, Codable, Hashable {
    /// The pegawai: the principal or supervisor whose plan it is.
    case pegawai
    /// The Tim Kinerja (for a principal: their supervisor).
    case timKinerja = "tim_kinerja"
    /// The Pejabat Penilai Kinerja (the Kepala Dinas).
    case pejabatPenilai = "pejabat_penilai"
}
