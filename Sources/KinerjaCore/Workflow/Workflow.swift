/// The ordered steps a plan walks through, by role.
public enum Workflow {
    /// A principal: four planning sub-steps, then five observation steps.
    public static let kepalaSekolah: [Step] = [
        .praktikKinerja, .pengembanganKompetensi, .perilakuKerja, .rangkuman,
        .dokumenPersiapan, .observasi, .dokumenTindakLanjut, .tindakLanjutObservasi, .dokumenRefleksiTindakLanjut,
    ]

    /// A supervisor: compose, review, approve, then five implementation phases.
    public static let pengawasSekolah: [Step] = [
        .penyusunan, .pemeriksaan, .persetujuan,
        .diskusiPersiapan, .pendampingan, .diskusiTindakLanjut, .upayaTindakLanjut, .refleksiTindakLanjut,
    ]

    public static func steps(for role: Role) -> [Step] {
        role == .kepalaSekolah ? kepalaSekolah : pengawasSekolah
    }
}
