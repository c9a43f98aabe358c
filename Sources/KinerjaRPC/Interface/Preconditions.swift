/// What recording stages 1–2 did (IDL type `PreconditionResult`).
public struct PreconditionResult: Codable, Sendable, Hashable {
    public var cycle, precondition: String
    public var recorded, updated, unchanged, plansRederived: Int

    public init(cycle: String, precondition: String, recorded: Int, updated: Int, unchanged: Int, plansRederived: Int) {
        self.cycle = cycle
        self.precondition = precondition
        self.recorded = recorded
        self.updated = updated
        self.unchanged = unchanged
        self.plansRederived = plansRederived
    }
}

/// One person's stages 1–2 in a cycle (IDL type `PreconditionItem`).
public struct PreconditionItem: Codable, Sendable, Hashable {
    public var id, nama: String
    /// The day each was done; nil while missing.
    public var pemutakhiranData, plottingTimKinerja: String?
    /// The Plotting decree, when recorded with one.
    public var decreeNumber, decreeDate: String?

    public init(id: String, nama: String, pemutakhiranData: String?, plottingTimKinerja: String?, decreeNumber: String?, decreeDate: String?) {
        self.id = id
        self.nama = nama
        self.pemutakhiranData = pemutakhiranData
        self.plottingTimKinerja = plottingTimKinerja
        self.decreeNumber = decreeNumber
        self.decreeDate = decreeDate
    }
}

/// Stages 1–2 of one cycle and who owns them (IDL type `PreconditionCounts`).
public struct PreconditionCounts: Codable, Sendable, Hashable {
    public var tracked: Bool
    /// Active persons of the roster.
    public var persons: Int
    public var pemutakhiranDataDone, pemutakhiranDataMissing, plottingTimKinerjaDone, plottingTimKinerjaMissing: Int
    public var pemutakhiranDataDue, plottingTimKinerjaDue: String
    /// The owners: the office's operator (kinerja.toml's [office]) and the Kepala Dinas.
    public var pemutakhiranDataOwner, plottingTimKinerjaOwner: Party

    public init(
        tracked: Bool, persons: Int, pemutakhiranDataDone: Int, pemutakhiranDataMissing: Int, plottingTimKinerjaDone: Int,
        plottingTimKinerjaMissing: Int, pemutakhiranDataDue: String, plottingTimKinerjaDue: String, pemutakhiranDataOwner: Party,
        plottingTimKinerjaOwner: Party
    ) {
        self.tracked = tracked
        self.persons = persons
        self.pemutakhiranDataDone = pemutakhiranDataDone
        self.pemutakhiranDataMissing = pemutakhiranDataMissing
        self.plottingTimKinerjaDone = plottingTimKinerjaDone
        self.plottingTimKinerjaMissing = plottingTimKinerjaMissing
        self.pemutakhiranDataDue = pemutakhiranDataDue
        self.plottingTimKinerjaDue = plottingTimKinerjaDue
        self.pemutakhiranDataOwner = pemutakhiranDataOwner
        self.plottingTimKinerjaOwner = plottingTimKinerjaOwner
    }
}

extension PreconditionCounts: DirectJSONEncodable {
    public func writeMembers(to object: inout JSONObjectWriter) {
        object.member(CodingKeys.tracked, tracked)
        object.member(CodingKeys.persons, persons)
        object.member(CodingKeys.pemutakhiranDataDone, pemutakhiranDataDone)
        object.member(CodingKeys.pemutakhiranDataMissing, pemutakhiranDataMissing)
        object.member(CodingKeys.plottingTimKinerjaDone, plottingTimKinerjaDone)
        object.member(CodingKeys.plottingTimKinerjaMissing, plottingTimKinerjaMissing)
        object.member(CodingKeys.pemutakhiranDataDue, pemutakhiranDataDue)
        object.member(CodingKeys.plottingTimKinerjaDue, plottingTimKinerjaDue)
        object.member(CodingKeys.pemutakhiranDataOwner, pemutakhiranDataOwner)
        object.member(CodingKeys.plottingTimKinerjaOwner, plottingTimKinerjaOwner)
    }
}

extension PreconditionCounts: DirectJSONDecodable {
    init(reading parser: inout JSONParser) throws(JSONParsingError) {
        var tracked: Bool?
        var ints: [CodingKeys: Int] = [:]
        var strings: [CodingKeys: String] = [:]
        var parties: [CodingKeys: Party] = [:]
        try parser.forEachMember { key, parser throws(JSONParsingError) in
            switch CodingKeys(stringValue: key) {
            case .tracked?: tracked = try parser.readBool()
            case let k? where k == .pemutakhiranDataDue || k == .plottingTimKinerjaDue: strings[k] = try parser.readString()
            case let k? where k == .pemutakhiranDataOwner || k == .plottingTimKinerjaOwner: parties[k] = try Party(reading: &parser)
            case let k?: ints[k] = try parser.readInt()
            case nil: try parser.skipValue()
            }
        }
        func int(_ k: CodingKeys) throws(JSONParsingError) -> Int { try parser.required(ints[k], k) }
        self.init(
            tracked: try parser.required(tracked, CodingKeys.tracked), persons: try int(.persons),
            pemutakhiranDataDone: try int(.pemutakhiranDataDone), pemutakhiranDataMissing: try int(.pemutakhiranDataMissing),
            plottingTimKinerjaDone: try int(.plottingTimKinerjaDone), plottingTimKinerjaMissing: try int(.plottingTimKinerjaMissing),
            pemutakhiranDataDue: try parser.required(strings[.pemutakhiranDataDue], CodingKeys.pemutakhiranDataDue),
            plottingTimKinerjaDue: try parser.required(strings[.plottingTimKinerjaDue], CodingKeys.plottingTimKinerjaDue),
            pemutakhiranDataOwner: try parser.required(parties[.pemutakhiranDataOwner], CodingKeys.pemutakhiranDataOwner),
            plottingTimKinerjaOwner: try parser.required(parties[.plottingTimKinerjaOwner], CodingKeys.plottingTimKinerjaOwner))
    }
}

extension Kinerja {
    public struct RecordPrecondition: VarlinkMethod {
        public static let name = "id.kinerja.Kinerja.RecordPrecondition"
        public struct Parameters: Codable, Sendable, LanguageCarrying {
            public var language: String?
            public var precondition: String
            public var persons: [String]
            public var cycle, doneOn, decreeNumber, decreeDate: String?
            public init(
                precondition: String, persons: [String], cycle: String? = nil, doneOn: String? = nil, decreeNumber: String? = nil,
                decreeDate: String? = nil
            ) {
                self.precondition = precondition
                self.persons = persons
                self.cycle = cycle
                self.doneOn = doneOn
                self.decreeNumber = decreeNumber
                self.decreeDate = decreeDate
            }
        }
        public struct Result: Codable, Sendable { public var result: PreconditionResult; public init(result: PreconditionResult) { self.result = result } }
    }

    public struct ImportPreconditions: VarlinkMethod {
        public static let name = "id.kinerja.Kinerja.ImportPreconditions"
        public typealias Parameters = ImportParameters
        public typealias Result = ImportResultReply
    }

    public struct ListPreconditions: VarlinkMethod {
        public static let name = "id.kinerja.Kinerja.ListPreconditions"
        public struct Parameters: Codable, Sendable, LanguageCarrying {
            public var language: String?
            public var cycle: String?
            /// Only persons with a stage missing.
            public var missing: Bool?
            public init(cycle: String? = nil, missing: Bool? = nil) {
                self.cycle = cycle
                self.missing = missing
            }
        }
        public struct Result: Codable, Sendable {
            public var cycle: String
            public var counts: PreconditionCounts
            public var persons: [PreconditionItem]
            public init(cycle: String, counts: PreconditionCounts, persons: [PreconditionItem]) {
                self.cycle = cycle
                self.counts = counts
                self.persons = persons
            }
        }
    }
}

extension Kinerja.RecordPrecondition: VarlinkBoundedMethod {
    public static let bounds = ParameterBounds.kinerja([
        "precondition": WireBounds.word, "persons": .list(maxCount: 10_000, element: WireBounds.personID), "cycle": WireBounds.short,
        "doneOn": WireBounds.short, "decreeNumber": WireBounds.word, "decreeDate": WireBounds.short,
    ])
}
extension Kinerja.ImportPreconditions: VarlinkBoundedMethod { public static let bounds = Kinerja.ImportParameters.bounds }
extension Kinerja.ListPreconditions: VarlinkBoundedMethod {
    public static let bounds = ParameterBounds.kinerja(["cycle": WireBounds.short, "missing": .flag])
}
