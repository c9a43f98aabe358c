/// One entry of a year's catalog (a D3 sub-indicator, an RHK item, a competency
/// indicator). Catalogs are data in `config/rules/YYYY.toml` because the official lists
/// are only partly public: the office completes them without a release.
public struct CatalogItem: Hashable, Sendable, Codable {
    /// Stable id used on the wire and in CSV files, e.g. `d3-visi-misi`.
    public var id: String
    /// Official name (nama) as the platform shows it.
    public var nama: String
    /// Points (poin) of an RHK item; nil where the value is not known.
    public var poin: Int?
    /// Where the item comes from (sumber), so an office can tell known items from its own additions.
    public var sumber: String?

    public init(id: String, nama: String, poin: Int? = nil, sumber: String? = nil) {
        self.id = id
        self.nama = nama
        self.poin = poin
        self.sumber = sumber
    }
}

/// A Perilaku Kerja aspect (one of the BerAKHLAK core values) and its known indicators.
public struct PerilakuAspect: Hashable, Sendable, Codable {
    public var id: String
    public var nama: String
    /// Known indikator/perwujudan texts; may be empty where the platform's texts are unknown.
    public var indikator: [String]

    public init(id: String, nama: String, indikator: [String] = []) {
        self.id = id
        self.nama = nama
        self.indikator = indikator
    }

    enum CodingKeys: String, CodingKey { case id, nama, indikator }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        nama = try c.decode(String.self, forKey: .nama)
        indikator = try c.decodeIfPresent([String].self, forKey: .indikator) ?? []
    }
}
