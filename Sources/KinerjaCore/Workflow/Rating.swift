/// A rating by the Tim Kinerja or the observer: the three PermenPAN-RB 6/2022 levels,
/// the only scale the public sources confirm.
public enum Rating: String, Sendable, Codable, CaseIterable, Hashable {
    /// Di Bawah Ekspektasi: below expectation.
    case diBawahEkspektasi = "di-bawah-ekspektasi"
    /// Sesuai Ekspektasi: as expected.
    case sesuaiEkspektasi = "sesuai-ekspektasi"
    /// Di Atas Ekspektasi: above expectation.
    case diAtasEkspektasi = "di-atas-ekspektasi"
}

/// The three aspects the Tim Kinerja rates at a supervisor's Refleksi Tindak Lanjut.
public enum RefleksiAspect: String, Sendable, Codable, CodingKeyRepresentable, CaseIterable, Hashable {
    /// Kesadaran dalam Refleksi: awareness shown in reflection.
    case kesadaranDalamRefleksi = "kesadaran-dalam-refleksi"
    /// Upaya Belajar: learning effort.
    case upayaBelajar = "upaya-belajar"
    /// Peningkatan Kinerja: improvement of performance.
    case peningkatanKinerja = "peningkatan-kinerja"
}
