/// The lists a year's rules let people choose from. An empty list means "not known":
/// any choice is then accepted, since refusing everything would block the office.
public struct Catalogs: Hashable, Sendable, Codable {
    /// Praktik Kinerja of a principal: the D3 Kepemimpinan Pembelajaran sub-indicators.
    public var praktikKinerjaKepalaSekolah: [CatalogItem]
    /// Praktik Kinerja of a supervisor: Rapor Pendidikan indicators.
    public var praktikKinerjaPengawas: [CatalogItem]
    /// Rencana Hasil Kerja items with points (2024-style Pengembangan Kompetensi).
    public var rhk: [CatalogItem]
    /// Competency indicators (2025-style Pengembangan Kompetensi).
    public var kompetensi: [CatalogItem]
    /// Perilaku Kerja aspects (BerAKHLAK).
    public var perilakuKerja: [PerilakuAspect]

    public init(
        praktikKinerjaKepalaSekolah: [CatalogItem] = [], praktikKinerjaPengawas: [CatalogItem] = [],
        rhk: [CatalogItem] = [], kompetensi: [CatalogItem] = [], perilakuKerja: [PerilakuAspect] = []
    ) {
        self.praktikKinerjaKepalaSekolah = praktikKinerjaKepalaSekolah
        self.praktikKinerjaPengawas = praktikKinerjaPengawas
        self.rhk = rhk
        self.kompetensi = kompetensi
        self.perilakuKerja = perilakuKerja
    }

    enum CodingKeys: String, CodingKey {
        case praktikKinerjaKepalaSekolah = "praktik_kinerja_kepala_sekolah"
        case praktikKinerjaPengawas = "praktik_kinerja_pengawas_sekolah"
        case rhk
        case kompetensi
        case perilakuKerja = "perilaku_kerja"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        praktikKinerjaKepalaSekolah = try c.decodeIfPresent([CatalogItem].self, forKey: .praktikKinerjaKepalaSekolah) ?? []
        praktikKinerjaPengawas = try c.decodeIfPresent([CatalogItem].self, forKey: .praktikKinerjaPengawas) ?? []
        rhk = try c.decodeIfPresent([CatalogItem].self, forKey: .rhk) ?? []
        kompetensi = try c.decodeIfPresent([CatalogItem].self, forKey: .kompetensi) ?? []
        perilakuKerja = try c.decodeIfPresent([PerilakuAspect].self, forKey: .perilakuKerja) ?? []
    }
}
