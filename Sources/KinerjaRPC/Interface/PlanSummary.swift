/// Where one plan stands today (IDL type `PlanSummary`).
public struct PlanSummary: Codable, Sendable, Hashable {
    public var plan, cycle: String
    public var step, actor, due: String?
    /// Nil while blocked (see `blockedDays`).
    public var daysLeft: Int?
    public var flags: [String]
    public var blockCause: String?
    /// While blocked: since when, how many days, the note, and whose action is awaited.
    public var blockedSince: String?
    public var blockedDays: Int?
    public var blockNote: String?
    public var awaiting: Party?

    public init(
        plan: String, cycle: String, step: String?, actor: String?, due: String?, daysLeft: Int?, flags: [String], blockCause: String?,
        blockedSince: String? = nil, blockedDays: Int? = nil, blockNote: String? = nil, awaiting: Party? = nil
    ) {
        self.plan = plan
        self.cycle = cycle
        self.step = step
        self.actor = actor
        self.due = due
        self.daysLeft = daysLeft
        self.flags = flags
        self.blockCause = blockCause
        self.blockedSince = blockedSince
        self.blockedDays = blockedDays
        self.blockNote = blockNote
        self.awaiting = awaiting
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
    public var kecamatan, jenjang, email, telepon: String?
    /// The atasan, Tim Kinerja and Pejabat Penilai by name (ShowPerson; empty in listings).
    public var parties: [Party]

    public init(
        id: String, nama: String, kepegawaian: String, peran: String, jabatan: String, npsn: String?,
        namaSekolah: String?, atasanId: String?, timKinerja: [String], pejabatPenilaiId: String?,
        sekolahBinaan: [String], active: Bool, plan: PlanSummary?, kecamatan: String? = nil, jenjang: String? = nil,
        email: String? = nil, telepon: String? = nil, parties: [Party] = []
    ) {
        self.kecamatan = kecamatan
        self.jenjang = jenjang
        self.email = email
        self.telepon = telepon
        self.parties = parties
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
        object.member(CodingKeys.blockedSince, blockedSince)
        object.member(CodingKeys.blockedDays, blockedDays)
        object.member(CodingKeys.blockNote, blockNote)
        object.member(CodingKeys.awaiting, awaiting)
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
        object.member(CodingKeys.kecamatan, kecamatan)
        object.member(CodingKeys.jenjang, jenjang)
        object.member(CodingKeys.email, email)
        object.member(CodingKeys.telepon, telepon)
        object.member(CodingKeys.parties, parties)
    }
}

extension PlanSummary: DirectJSONDecodable {
    init(reading parser: inout JSONParser) throws(JSONParsingError) {
        var plan, cycle, step, actor, due, blockCause, blockedSince, blockNote: String?
        var daysLeft, blockedDays: Int?
        var flags: [String]?
        var awaiting: Party?
        try parser.forEachMember { key, parser throws(JSONParsingError) in
            switch CodingKeys(stringValue: key) {
            case .plan?: plan = try parser.readString()
            case .cycle?: cycle = try parser.readString()
            case .step?: step = try parser.readOptional { parser throws(JSONParsingError) in try parser.readString() }
            case .actor?: actor = try parser.readOptional { parser throws(JSONParsingError) in try parser.readString() }
            case .due?: due = try parser.readOptional { parser throws(JSONParsingError) in try parser.readString() }
            case .daysLeft?: daysLeft = try parser.readOptional { parser throws(JSONParsingError) in try parser.readInt() }
            case .flags?: flags = try parser.readStrings()
            case .blockCause?: blockCause = try parser.readOptional { parser throws(JSONParsingError) in try parser.readString() }
            case .blockedSince?: blockedSince = try parser.readOptional { parser throws(JSONParsingError) in try parser.readString() }
            case .blockedDays?: blockedDays = try parser.readOptional { parser throws(JSONParsingError) in try parser.readInt() }
            case .blockNote?: blockNote = try parser.readOptional { parser throws(JSONParsingError) in try parser.readString() }
            case .awaiting?: awaiting = try parser.readOptional { parser throws(JSONParsingError) in try Party(reading: &parser) }
            case nil: try parser.skipValue()
            }
        }
        self.init(
            plan: try parser.required(plan, CodingKeys.plan), cycle: try parser.required(cycle, CodingKeys.cycle), step: step,
            actor: actor, due: due, daysLeft: daysLeft, flags: try parser.required(flags, CodingKeys.flags), blockCause: blockCause,
            blockedSince: blockedSince, blockedDays: blockedDays, blockNote: blockNote, awaiting: awaiting)
    }
}

extension PositionSummary: DirectJSONDecodable {
    init(reading parser: inout JSONParser) throws(JSONParsingError) {
        var id, nama, kepegawaian, peran, jabatan, npsn, namaSekolah, atasanId, pejabatPenilaiId: String?
        var kecamatan, jenjang, email, telepon: String?
        var timKinerja, sekolahBinaan: [String]?
        var active: Bool?
        var plan: PlanSummary?
        var parties: [Party] = []
        try parser.forEachMember { key, parser throws(JSONParsingError) in
            switch CodingKeys(stringValue: key) {
            case .id?: id = try parser.readString()
            case .nama?: nama = try parser.readString()
            case .kepegawaian?: kepegawaian = try parser.readString()
            case .peran?: peran = try parser.readString()
            case .jabatan?: jabatan = try parser.readString()
            case .npsn?: npsn = try parser.readOptional { parser throws(JSONParsingError) in try parser.readString() }
            case .namaSekolah?: namaSekolah = try parser.readOptional { parser throws(JSONParsingError) in try parser.readString() }
            case .atasanId?: atasanId = try parser.readOptional { parser throws(JSONParsingError) in try parser.readString() }
            case .timKinerja?: timKinerja = try parser.readStrings()
            case .pejabatPenilaiId?: pejabatPenilaiId = try parser.readOptional { parser throws(JSONParsingError) in try parser.readString() }
            case .sekolahBinaan?: sekolahBinaan = try parser.readStrings()
            case .active?: active = try parser.readBool()
            case .plan?: plan = try parser.readOptional { parser throws(JSONParsingError) in try PlanSummary(reading: &parser) }
            case .kecamatan?: kecamatan = try parser.readOptional { parser throws(JSONParsingError) in try parser.readString() }
            case .jenjang?: jenjang = try parser.readOptional { parser throws(JSONParsingError) in try parser.readString() }
            case .email?: email = try parser.readOptional { parser throws(JSONParsingError) in try parser.readString() }
            case .telepon?: telepon = try parser.readOptional { parser throws(JSONParsingError) in try parser.readString() }
            case .parties?: parties = try parser.readArray(of: Party.self)
            case nil: try parser.skipValue()
            }
        }
        self.init(
            id: try parser.required(id, CodingKeys.id), nama: try parser.required(nama, CodingKeys.nama),
            kepegawaian: try parser.required(kepegawaian, CodingKeys.kepegawaian), peran: try parser.required(peran, CodingKeys.peran),
            jabatan: try parser.required(jabatan, CodingKeys.jabatan), npsn: npsn, namaSekolah: namaSekolah, atasanId: atasanId,
            timKinerja: try parser.required(timKinerja, CodingKeys.timKinerja), pejabatPenilaiId: pejabatPenilaiId,
            sekolahBinaan: try parser.required(sekolahBinaan, CodingKeys.sekolahBinaan), active: try parser.required(active, CodingKeys.active),
            plan: plan, kecamatan: kecamatan, jenjang: jenjang, email: email, telepon: telepon, parties: parties)
    }
}
