/// What was chosen or recorded at a step. Every field is optional because an office often
/// knows only that a step is done (the content lives on the national platform); what is
/// given is checked against the year's rules.
public struct StepDetails: Hashable, Sendable, Codable {
    /// Praktik Kinerja: catalog id of the chosen indicator.
    public var praktikKinerja: String?
    /// Pengembangan Kompetensi (RHK rules): chosen RHK items with their quantity (target kuantitas).
    public var rhk: [RHKChoice]?
    /// Pengembangan Kompetensi (indicator rules): catalog id of the one competency indicator.
    public var kompetensi: String?
    /// Perilaku Kerja: chosen aspect ids (BerAKHLAK).
    public var perilakuKerja: [String]?
    /// Penyusunan of a supervisor: the three planned schools.
    public var sekolah: [NPSN]?
    /// Diskusi Persiapan: the focus school, one of the three planned.
    public var sekolahFokus: NPSN?
    /// Observasi / Diskusi Tindak Lanjut: the rating given.
    public var rating: Rating?
    /// Refleksi Tindak Lanjut: a rating per aspect.
    public var ratings: [RefleksiAspect: Rating]?
    /// Free note (catatan).
    public var catatan: String?
    /// Penilaian: the Tim Kinerja's Rating Praktik Kinerja / Hasil Kerja.
    public var ratingPraktik: Rating?
    /// Penilaian: the Tim Kinerja's Rating Perilaku Kerja.
    public var ratingPerilaku: Rating?
    /// Penetapan Predikat: the predikat the Pejabat Penilai Kinerja set.
    public var predikat: Predikat?
    /// Penetapan Predikat: why the predikat is not the matrix's (required when it is not).
    public var alasan: String?

    public init(
        praktikKinerja: String? = nil, rhk: [RHKChoice]? = nil, kompetensi: String? = nil,
        perilakuKerja: [String]? = nil, sekolah: [NPSN]? = nil, sekolahFokus: NPSN? = nil,
        rating: Rating? = nil, ratings: [RefleksiAspect: Rating]? = nil, catatan: String? = nil,
        ratingPraktik: Rating? = nil, ratingPerilaku: Rating? = nil, predikat: Predikat? = nil, alasan: String? = nil
    ) {
        self.praktikKinerja = praktikKinerja
        self.rhk = rhk
        self.kompetensi = kompetensi
        self.perilakuKerja = perilakuKerja
        self.sekolah = sekolah
        self.sekolahFokus = sekolahFokus
        self.rating = rating
        self.ratings = ratings
        self.catatan = catatan
        self.ratingPraktik = ratingPraktik
        self.ratingPerilaku = ratingPerilaku
        self.predikat = predikat
        self.alasan = alasan
    }

    public static let none = StepDetails()
}

/// An RHK item chosen with its quantity: points count as item points × quantity.
public struct RHKChoice: Hashable, Sendable, Codable {
    public var id: String
    public var jumlah: Int

    public init(id: String, jumlah: Int = 1) {
        self.id = id
        self.jumlah = jumlah
    }
}
