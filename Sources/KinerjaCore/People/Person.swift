/// A principal or supervisor as the roster names them.
public struct Person: Hashable, Sendable, Codable {
    public var id: PersonID
    /// Full name as written in the roster (nama).
    public var nama: String
    public var kepegawaian: Kepegawaian
    /// False once the person is deactivated (a roster import with `--deactivate-missing`
    /// that no longer lists them): history is kept, reminders stop.
    public var active: Bool
    /// Contacts for hooks (the daemon itself sends nothing): an e-mail address and a phone
    /// number (WhatsApp, SMS), as the roster gives them.
    public var email: String?
    public var telepon: String?

    public init(id: PersonID, nama: String, kepegawaian: Kepegawaian, active: Bool = true, email: String? = nil, telepon: String? = nil) {
        self.id = id
        self.nama = nama
        self.kepegawaian = kepegawaian
        self.active = active
        self.email = email
        self.telepon = telepon
    }
}
