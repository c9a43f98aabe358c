/// One row of the roster: a person in a role, at a school for a principal, with the
/// people who review, approve and get escalations for their plan.
public struct Position: Hashable, Sendable, Codable {
    public var key: PositionKey
    public var jabatan: Jabatan
    /// School name (nama sekolah), for a principal.
    public var namaSekolah: String?
    /// The school's kecamatan and jenjang (SD, SMP, …), for a principal, when the roster
    /// gives them (as a Dapodik export has them).
    public var kecamatan: String?
    public var jenjang: String?
    /// Direct superior (atasan langsung): reminders escalate to them.
    public var atasanID: PersonID?
    /// Tim Kinerja members: review a supervisor's plan, observe a principal.
    public var timKinerja: [PersonID]
    /// Pejabat Penilai Kinerja: approves a supervisor's plan and decides the predikat.
    public var pejabatPenilaiID: PersonID?
    /// Sekolah binaan: the schools a supervisor mentors.
    public var sekolahBinaan: [NPSN]
    /// False once a roster import no longer lists the position.
    public var active: Bool

    public init(
        key: PositionKey, jabatan: Jabatan = .definitif, namaSekolah: String? = nil,
        atasanID: PersonID? = nil, timKinerja: [PersonID] = [], pejabatPenilaiID: PersonID? = nil,
        sekolahBinaan: [NPSN] = [], active: Bool = true, kecamatan: String? = nil, jenjang: String? = nil
    ) {
        self.key = key
        self.jabatan = jabatan
        self.namaSekolah = namaSekolah
        self.kecamatan = kecamatan
        self.jenjang = jenjang
        self.atasanID = atasanID
        self.timKinerja = timKinerja
        self.pejabatPenilaiID = pejabatPenilaiID
        self.sekolahBinaan = sekolahBinaan
        self.active = active
    }
}
