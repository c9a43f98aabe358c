/// A chosen RHK item (IDL type `RHKChoice`).
public struct RHKChoiceInput: Codable, Sendable, Hashable {
    public var id: String
    public var jumlah: Int

    public init(id: String, jumlah: Int) {
        self.id = id
        self.jumlah = jumlah
    }
}

/// What was chosen or rated at a step (IDL type `StepDetails`).
public struct StepDetailsInput: Codable, Sendable, Hashable {
    public var praktikKinerja: String?
    public var rhk: [RHKChoiceInput]?
    public var kompetensi: String?
    public var perilakuKerja: [String]?
    public var sekolah: [String]?
    public var sekolahFokus: String?
    public var rating: String?
    public var ratings: [String: String]?
    public var catatan: String?
    public var ratingPraktik: String?
    public var ratingPerilaku: String?
    public var predikat: String?
    public var alasan: String?

    public init(
        praktikKinerja: String? = nil, rhk: [RHKChoiceInput]? = nil, kompetensi: String? = nil,
        perilakuKerja: [String]? = nil, sekolah: [String]? = nil, sekolahFokus: String? = nil,
        rating: String? = nil, ratings: [String: String]? = nil, catatan: String? = nil,
        ratingPraktik: String? = nil, ratingPerilaku: String? = nil, predikat: String? = nil, alasan: String? = nil
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
}
