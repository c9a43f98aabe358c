/// An official the roster names by id, with their name and post (IDL type `Official`).
public struct OfficialItem: Codable, Sendable, Hashable {
    public var id, nama, jabatan: String
    public var email, telepon: String?

    public init(id: String, nama: String, jabatan: String, email: String?, telepon: String?) {
        self.id = id
        self.nama = nama
        self.jabatan = jabatan
        self.email = email
        self.telepon = telepon
    }
}
