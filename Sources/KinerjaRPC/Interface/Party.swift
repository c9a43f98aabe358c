/// Someone a plan waits for or names, with their name when known (IDL type `Party`).
public struct Party: Codable, Sendable, Hashable {
    /// `pegawai`, `atasan`, `tim_kinerja` or `pejabat_penilai`.
    public var role: String
    public var id, nama, jabatan: String?

    public init(role: String, id: String?, nama: String?, jabatan: String?) {
        self.role = role
        self.id = id
        self.nama = nama
        self.jabatan = jabatan
    }
}

extension Party: DirectJSONEncodable {
    public func writeMembers(to object: inout JSONObjectWriter) {
        object.member(CodingKeys.role, role)
        object.member(CodingKeys.id, id)
        object.member(CodingKeys.nama, nama)
        object.member(CodingKeys.jabatan, jabatan)
    }
}

extension Party: DirectJSONDecodable {
    init(reading parser: inout JSONParser) throws(JSONParsingError) {
        var role, id, nama, jabatan: String?
        try parser.forEachMember { key, parser throws(JSONParsingError) in
            switch CodingKeys(stringValue: key) {
            case .role?: role = try parser.readString()
            case .id?: id = try parser.readOptional { parser throws(JSONParsingError) in try parser.readString() }
            case .nama?: nama = try parser.readOptional { parser throws(JSONParsingError) in try parser.readString() }
            case .jabatan?: jabatan = try parser.readOptional { parser throws(JSONParsingError) in try parser.readString() }
            case nil: try parser.skipValue()
            }
        }
        self.init(role: try parser.required(role, CodingKeys.role), id: id, nama: nama, jabatan: jabatan)
    }
}
