/// Someone the office's lists name without a plan of their own: the Kepala Dinas (atasan
/// and Pejabat Penilai of most plans), the Sekretaris and the Kepala Bidang who sit in a
/// supervisor's Tim Kinerja. The roster names them only by id (`atasan_id`, `tim_kinerja`,
/// `pejabat_penilai_id`); the officials file (`kinerjactl import officials`) gives them a
/// name and a jabatan, so that lists, reminders and hooks say "Drs. H. Ahmad Syarifuddin,
/// M.Si., Kepala Dinas Pendidikan" instead of a NIP.
public struct Official: Hashable, Sendable, Codable {
    public var id: PersonID
    public var nama: String
    /// The official's post as the office writes it, e.g. `Kepala Dinas Pendidikan`.
    public var jabatan: String
    public var email: String?
    public var telepon: String?

    public init(id: PersonID, nama: String, jabatan: String, email: String? = nil, telepon: String? = nil) {
        self.id = id
        self.nama = nama
        self.jabatan = jabatan
        self.email = email
        self.telepon = telepon
    }
}
