/// The ordered steps a plan walks through, by role.
public enum Workflow {
    /// Stage 5 of both roles: the Tim Kinerja's ratings, the Pejabat Penilai's predikat,
    /// the hand-over to e-Kinerja. Last in the workflow, so Penilaian starts only once every
    /// Pelaksanaan step is done ("Penilaian Pelaksanaan ... sebelum dilakukan Penetapan
    /// Predikat Kinerja", DOMAIN-NOTES §10.1).
    public static let penilaian: [Step] = [.penilaian, .penetapanPredikat, .sinkron]

    /// A principal: four planning sub-steps, five observation steps, then Penilaian.
    public static let kepalaSekolah: [Step] = [
        .praktikKinerja, .pengembanganKompetensi, .perilakuKerja, .rangkuman,
        .dokumenPersiapan, .observasi, .dokumenTindakLanjut, .tindakLanjutObservasi, .dokumenRefleksiTindakLanjut,
    ] + penilaian

    /// A supervisor: compose, review, approve, five implementation phases, then Penilaian.
    public static let pengawasSekolah: [Step] = [
        .penyusunan, .pemeriksaan, .persetujuan,
        .diskusiPersiapan, .pendampingan, .diskusiTindakLanjut, .upayaTindakLanjut, .refleksiTindakLanjut,
    ] + penilaian

    public static func steps(for role: Role) -> [Step] {
        role == .kepalaSekolah ? kepalaSekolah : pengawasSekolah
    }
}
