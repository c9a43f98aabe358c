/// Where one plan stands today (IDL type `PlanSummary`).
public struct PlanSummary: Codable, Sendable, Hashable {
    public var plan, cycle: String
    public var step, actor, due: String?
    public var daysLeft: Int?
    public var flags: [String]
    public var blockCause: String?

    public init(plan: String, cycle: String, step: String?, actor: String?, due: String?, daysLeft: Int?, flags: [String], blockCause: String?) {
        self.plan = plan
        self.cycle = cycle
        self.step = step
        self.actor = actor
        self.due = due
        self.daysLeft = daysLeft
        self.flags = flags
        self.blockCause = blockCause
    }
}

/// A person in one position, with their plan (IDL type `PositionSummary`).
public struct PositionSummary: Codable, Sendable, Hashable {
    public var id, nama, kepegawaian, peran, jabatan: String
    public var npsn, namaSekolah, atasanId: String?
    public var timKinerja: [String]
    public var pejabatPenilaiId: String?
    public var sekolahBinaan: [String]
    public var active: Bool
    public var plan: PlanSummary?

    public init(
        id: String, nama: String, kepegawaian: String, peran: String, jabatan: String, npsn: String?,
        namaSekolah: String?, atasanId: String?, timKinerja: [String], pejabatPenilaiId: String?,
        sekolahBinaan: [String], active: Bool, plan: PlanSummary?
    ) {
        self.id = id
        self.nama = nama
        self.kepegawaian = kepegawaian
        self.peran = peran
        self.jabatan = jabatan
        self.npsn = npsn
        self.namaSekolah = namaSekolah
        self.atasanId = atasanId
        self.timKinerja = timKinerja
        self.pejabatPenilaiId = pejabatPenilaiId
        self.sekolahBinaan = sekolahBinaan
        self.active = active
        self.plan = plan
    }
}

extension PlanSummary: DirectJSONEncodable {
    public func writeMembers(to object: inout JSONObjectWriter) {
        object.member(CodingKeys.plan, plan)
        object.member(CodingKeys.cycle, cycle)
        object.member(CodingKeys.step, step)
        object.member(CodingKeys.actor, actor)
        object.member(CodingKeys.due, due)
        object.member(CodingKeys.daysLeft, daysLeft)
        object.member(CodingKeys.flags, flags)
        object.member(CodingKeys.blockCause, blockCause)
    }
}

extension PositionSummary: DirectJSONEncodable {
    public func writeMembers(to object: inout JSONObjectWriter) {
        object.member(CodingKeys.id, id)
        object.member(CodingKeys.nama, nama)
        object.member(CodingKeys.kepegawaian, kepegawaian)
        object.member(CodingKeys.peran, peran)
        object.member(CodingKeys.jabatan, jabatan)
        object.member(CodingKeys.npsn, npsn)
        object.member(CodingKeys.namaSekolah, namaSekolah)
        object.member(CodingKeys.atasanId, atasanId)
        object.member(CodingKeys.timKinerja, timKinerja)
        object.member(CodingKeys.pejabatPenilaiId, pejabatPenilaiId)
        object.member(CodingKeys.sekolahBinaan, sekolahBinaan)
        object.member(CodingKeys.active, active)
        object.member(CodingKeys.plan, plan)
    }
}
