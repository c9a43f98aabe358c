/// A principal or supervisor as the roster names them.
public struct Person: Hashable, Sendable, Codable {
    public var id: PersonID
    /// Full name as written in the roster (nama).
    public var nama: String
    public var kepegawaian: Kepegawaian
    /// False once a roster import no longer lists the person: history is kept, reminders stop.
    public var active: Bool

    public init(id: PersonID, nama: String, kepegawaian: Kepegawaian, active: Bool = true) {
        self.id = id
        self.nama = nama
        self.kepegawaian = kepegawaian
        self.active = active
    }
}
