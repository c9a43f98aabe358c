import Foundation
import KinerjaRPC
import Testing

/// Decoding from a parsed `JSONValue` must give what `JSONDecoder` gave from the same text:
/// the same values, and errors of the same kind at the same coding path, which names the
/// field a refused call reports.
@Suite("JSONValue decoder", .timeLimit(.minutes(1)))
struct JSONValueDecoderTests {
    /// Every method's `Parameters`, by the method's member name in the IDL.
    static let parameterTypes: [String: any (Codable & Sendable).Type] = [
        "GetStatus": Kinerja.GetStatus.Parameters.self,
        "ShowCycle": Kinerja.ShowCycle.Parameters.self,
        "ListPeople": Kinerja.ListPeople.Parameters.self,
        "ShowPerson": Kinerja.ShowPerson.Parameters.self,
        "ShowPlan": Kinerja.ShowPlan.Parameters.self,
        "History": Kinerja.History.Parameters.self,
        "ComplianceReport": Kinerja.GetComplianceReport.Parameters.self,
        "PredikatReport": Kinerja.GetPredikatReport.Parameters.self,
        "ImportRoster": Kinerja.ImportRoster.Parameters.self,
        "ImportProgress": Kinerja.ImportProgress.Parameters.self,
        "ImportOfficials": Kinerja.ImportOfficials.Parameters.self,
        "ListOfficials": Kinerja.ListOfficials.Parameters.self,
        "UploadBegin": Kinerja.UploadBegin.Parameters.self,
        "UploadChunk": Kinerja.UploadChunk.Parameters.self,
        "Transition": Kinerja.Transition.Parameters.self,
        "Backup": Kinerja.Backup.Parameters.self,
        "ReadBackup": Kinerja.ReadBackup.Parameters.self,
        "ListReminders": Kinerja.ListReminders.Parameters.self,
        "PreviewReminders": Kinerja.PreviewReminders.Parameters.self,
        "WatchReminders": Kinerja.WatchReminders.Parameters.self,
        "AckReminder": Kinerja.AckReminder.Parameters.self,
        "AddSilence": Kinerja.AddSilence.Parameters.self,
        "ListSilences": Kinerja.ListSilences.Parameters.self,
        "RemoveSilence": Kinerja.RemoveSilence.Parameters.self,
        "ListHooks": Kinerja.ListHooks.Parameters.self,
        "ListDeliveries": Kinerja.ListDeliveries.Parameters.self,
        "TestHook": Kinerja.TestHook.Parameters.self,
        "GetInterfaceDescription": VarlinkService.GetInterfaceDescription.Parameters.self,
        "GetDataVersion": Kinerja.GetDataVersion.Parameters.self,
        "ShowProgress": Kinerja.ShowProgress.Parameters.self,
        "ListSchools": Kinerja.ListSchools.Parameters.self,
        "RecordPrecondition": Kinerja.RecordPrecondition.Parameters.self,
        "ImportPreconditions": Kinerja.ImportPreconditions.Parameters.self,
        "ListPreconditions": Kinerja.ListPreconditions.Parameters.self,
    ]

    @Test func everyMethodOfTheInterfaceIsCovered() {
        let methods = VarlinkIDL.methodNames(in: KinerjaInterface.description)
        #expect(methods.subtracting(Self.parameterTypes.keys).isEmpty, "add the new methods' Parameters here and samples below")
    }

    static let wellFormed: [(String, String)] = [
        ("GetStatus", "{}"),
        ("ShowCycle", #"{"cycle":"2026-1"}"#), ("ShowCycle", "{}"), ("ShowCycle", #"{"cycle":null}"#),
        ("ListPeople", #"{"overdue":true,"role":"kepala-sekolah"}"#),
        ("ListPeople", #"{"cycle":"2026-1","role":"pengawas","npsn":"20100001","step":"ttd","overdue":false,"blocked":true,"includeInactive":true}"#),
        ("ShowPerson", #"{"id":"196501011990031001"}"#),
        ("ShowPlan", #"{"plan":"p1","person":"x","npsn":"20100001","cycle":"2026-2"}"#), ("ShowPlan", #"{"npsn":null}"#),
        ("History", #"{"subject":"plan:7","limit":20}"#), ("History", #"{"subject":"s","limit":20.0}"#),
        ("History", #"{"subject":"s","limit":2e1}"#), ("History", #"{"subject":"s","limit":-9223372036854775808}"#),
        ("ComplianceReport", #"{"cycle":"2026-1"}"#),
        ("PredikatReport", #"{"cycle":"2026-2"}"#),
        ("GetDataVersion", "{}"), ("ShowProgress", #"{"cycle":"2026-2","behind":15}"#), ("ShowProgress", "{}"),
        ("ListSchools", #"{"cycle":null,"npsn":"20571112"}"#),
        ("ImportRoster", #"{"content":"npsn,nama\n1,é😀","dryRun":true,"skipInvalid":false}"#),
        ("ImportProgress", #"{"upload":"u1","dryRun":null}"#),
        ("ImportRoster", #"{"content":"id,nama\n1,x","deactivateMissing":true,"language":"en"}"#),
        ("ImportOfficials", #"{"content":"id,nama,jabatan\n1,x,Kepala Dinas","dryRun":true,"language":"id"}"#),
        ("ListOfficials", "{}"), ("ListOfficials", #"{"language":"en"}"#), ("GetStatus", #"{"language":"en"}"#),
        ("ShowPlan", #"{"plan":"p1","language":"en"}"#),
        ("UploadBegin", "{}"),
        ("UploadChunk", #"{"upload":"u1","chunk":"aGVsbG8="}"#),
        ("Transition", #"{"person":"x","action":"submit","step":"rencana","date":"2026-03-01","note":"\u00e9\n"}"#),
        ("Transition", #"""
            {"plan":"p","action":"record","details":{"praktikKinerja":"PK1","rhk":[{"id":"r1","jumlah":2},{"id":"r2","jumlah":1.0}],
             "kompetensi":"k","perilakuKerja":["a","b"],"sekolah":[],"sekolahFokus":"s","rating":"baik",
             "ratings":{"r1":"baik","r2":"sangat baik"},"catatan":null}}
            """#),
        ("Backup", "{}"),
        ("ReadBackup", #"{"name":"kinerja-2026.sqlite"}"#),
        ("ListReminders", #"{"state":"pending","person":"x","since":"2026-01-01","until":"2026-02-01","limit":5}"#),
        ("PreviewReminders", #"{"from":"2026-01-01","to":"2026-01-08"}"#),
        ("WatchReminders", "{}"),
        ("AckReminder", #"{"id":"r-1"}"#),
        ("AddSilence", #"{"npsn":"20100001","until":"2026-06-30","reason":"libur"}"#),
        ("RecordPrecondition", #"{"precondition":"plotting-tim-kinerja","persons":["198609262015051001"],"decreeNumber":"800/1","decreeDate":"2027-01-08"}"#),
        ("ImportPreconditions", #"{"content":"id,tahap\n198609262015051001,1","dryRun":true}"#),
        ("ListPreconditions", #"{"cycle":"2027-1","missing":true}"#),
        ("ListSilences", #"{"all":true}"#), ("ListSilences", "{}"),
        ("RemoveSilence", #"{"id":3}"#),
        ("ListHooks", "{}"),
        ("ListDeliveries", #"{"state":"failed","limit":100}"#),
        ("TestHook", #"{"name":"notify"}"#),
        ("GetInterfaceDescription", #"{"interface":"id.kinerja.Kinerja"}"#),
    ]

    @Test(arguments: wellFormed)
    func decodesParametersAsJSONDecoder(method: String, text: String) throws {
        let type = try #require(Self.parameterTypes[method])
        try Self.expectSameDecoding(type, text)
    }

    static func expectSameDecoding<P: Codable>(_ type: P.Type, _ text: String) throws {
        let expected = try JSONDecoder().decode(P.self, from: Data(text.utf8))
        let parsed = try #require(try JSONValue(parsing: text).objectValue)
        #expect(try sortedJSON(JSONValue.object(parsed).decode(as: P.self)) == sortedJSON(expected))
        #expect(try sortedJSON(VarlinkParameters.decode(P.self, from: parsed)) == sortedJSON(expected))
    }

    static func sortedJSON(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static let malformed: [(String, String)] = [
        ("ShowCycle", #"{"cycle":5}"#),
        ("ShowProgress", #"{"behind":"20"}"#), ("ListSchools", #"{"npsn":20571112}"#),
        ("ListPeople", #"{"overdue":"yes"}"#), ("ListPeople", #"{"role":"r","blocked":1}"#),
        ("ShowPerson", "{}"), ("ShowPerson", #"{"id":null}"#), ("ShowPerson", #"{"id":["x"]}"#),
        ("History", #"{"limit":5}"#), ("History", #"{"subject":"s","limit":"5"}"#),
        ("UploadChunk", #"{"upload":"u"}"#),
        ("Transition", #"{"plan":"p"}"#), ("Transition", #"{"action":"a","details":[]}"#),
        ("Transition", #"{"action":"a","details":{"rhk":[{"id":"r1","jumlah":2},{"id":"r2"}]}}"#),
        ("Transition", #"{"action":"a","details":{"ratings":{"r1":1}}}"#),
        ("Transition", #"{"action":"a","details":{"perilakuKerja":["a",null]}}"#),
        ("PreviewReminders", #"{"from":"2026-01-01","to":false}"#),
        ("RemoveSilence", #"{"id":"3"}"#),
        ("ListDeliveries", #"{"limit":true}"#),
        ("GetInterfaceDescription", #"{"interface":{}}"#),
    ]

    /// The same error as `JSONDecoder`'s, so a refused call names the same field as before.
    @Test(arguments: malformed)
    func refusesParametersAsJSONDecoder(method: String, text: String) throws {
        let type = try #require(Self.parameterTypes[method])
        try Self.expectSameError(type, text)
    }

    static func expectSameError<P: Codable>(_ type: P.Type, _ text: String) throws {
        let expected = try #require(Self.decodingError { try JSONDecoder().decode(P.self, from: Data(text.utf8)) })
        let parsed = try JSONValue(parsing: text)
        let actual = try #require(Self.decodingError { try parsed.decode(as: P.self) })
        #expect(Self.summary(actual) == Self.summary(expected))
        let field = VarlinkParameters.offendingField(of: expected) ?? "parameters"
        #expect(throws: VarlinkError.invalidParameter(field)) { try VarlinkParameters.decode(P.self, from: parsed.objectValue ?? [:]) }
    }

    /// A number the field's type cannot hold: `JSONDecoder` reported it with an empty coding
    /// path, so the call was refused naming `parameters`; the decoder keeps the path and
    /// names the field.
    @Test(arguments: [
        ("History", #"{"subject":"s","limit":1.5}"#, ["limit"]),
        ("History", #"{"subject":"s","limit":1e19}"#, ["limit"]),
        ("RemoveSilence", #"{"id":3.25}"#, ["id"]),
        ("Transition", #"{"action":"a","details":{"rhk":[{"id":"r1","jumlah":2},{"id":"r2","jumlah":0.5}]}}"#,
         ["details", "rhk", "Index 1", "jumlah"]),
    ])
    func namesTheFieldOfANumberOutOfRange(method: String, text: String, path: [String]) throws {
        let type = try #require(Self.parameterTypes[method])
        try Self.expectOutOfRange(type, text, path: path)
    }

    static func expectOutOfRange<P: Codable>(_ type: P.Type, _ text: String, path: [String]) throws {
        let expected = try #require(Self.decodingError { try JSONDecoder().decode(P.self, from: Data(text.utf8)) })
        #expect(Self.summary(expected) == "dataCorrupted at []")
        let parsed = try JSONValue(parsing: text)
        let actual = try #require(Self.decodingError { try parsed.decode(as: P.self) })
        #expect(Self.summary(actual) == "dataCorrupted at \(path)")
        #expect(throws: VarlinkError.invalidParameter(path[0])) { try VarlinkParameters.decode(P.self, from: parsed.objectValue ?? [:]) }
    }

    static func decodingError(_ body: () throws -> Any) -> DecodingError? {
        do {
            _ = try body()
            return nil
        } catch {
            return error as? DecodingError
        }
    }

    /// The error's case and coding path.
    static func summary(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let context): "keyNotFound \(key.stringValue) at \(path(context))"
        case .typeMismatch(let type, let context): "typeMismatch \(type) at \(path(context))"
        case .valueNotFound(let type, let context): "valueNotFound \(type) at \(path(context))"
        case .dataCorrupted(let context): "dataCorrupted at \(path(context))"
        @unknown default: "\(error)"
        }
    }

    static func path(_ context: DecodingError.Context) -> [String] {
        context.codingPath.map(\.stringValue)
    }

    // MARK: Containers and conversions

    /// Uses every kind of container the protocol offers.
    struct Everything: Decodable, Equatable {
        var double: Double
        var float: Float
        var integers: [Int64]
        var small: Int8
        var unsigned: UInt16
        var text: String
        var flag: Bool
        var missing: String?
        var null: Int?
        var pair: [String]
        var nested: [Int]
        var nestedNull: Bool
        var superValue: String
        var superKeyed: Int
        var free: JSONValue
        var map: [String: [Int]]
        var date: Date

        enum Keys: String, CodingKey {
            case double, float, integers, small, unsigned, text, flag, missing, null, list, inner, free, map, date
            case `super`
        }

        enum InnerKeys: String, CodingKey { case nested, optional }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Keys.self)
            double = try container.decode(Double.self, forKey: .double)
            float = try container.decode(Float.self, forKey: .float)
            integers = try container.decode([Int64].self, forKey: .integers)
            small = try container.decode(Int8.self, forKey: .small)
            unsigned = try container.decode(UInt16.self, forKey: .unsigned)
            text = try container.decode(String.self, forKey: .text)
            flag = try container.decode(Bool.self, forKey: .flag)
            missing = try container.decodeIfPresent(String.self, forKey: .missing)
            null = try container.decodeIfPresent(Int.self, forKey: .null)
            var list = try container.nestedUnkeyedContainer(forKey: .list)
            pair = [try list.decode(String.self)]
            if try list.decodeNil() { pair.append("nil") }
            var innerList = try list.nestedUnkeyedContainer()
            var collected: [Int] = []
            while !innerList.isAtEnd { collected.append(try innerList.decode(Int.self)) }
            nested = collected
            let keyed = try list.nestedContainer(keyedBy: InnerKeys.self)
            nestedNull = try keyed.decodeNil(forKey: .optional)
            superValue = try String(from: list.superDecoder())
            #expect(list.isAtEnd && list.count == 5 && list.currentIndex == 5)
            superKeyed = try Int(from: container.superDecoder())
            free = try container.decode(JSONValue.self, forKey: .free)
            map = try container.decode([String: [Int]].self, forKey: .map)
            date = try container.decode(Date.self, forKey: .date)
        }
    }

    @Test func decodesEveryContainerAsJSONDecoder() throws {
        // An .int into floating point, integral doubles into integers, at their edges.
        let text = #"""
            {"double":5,"float":0.1,"integers":[1.0,2e2,-9223372036854775808,9223372036854775807],"small":-128,
             "unsigned":65535.0,"text":"é","flag":false,"null":null,"list":["a",null,[1,2,3],{"optional":null},"s"],
             "super":7,"free":{"a":[1,2.5,"x",null]},"map":{"k":[1],"j":[]},"date":12.5}
            """#
        let expected = try JSONDecoder().decode(Everything.self, from: Data(text.utf8))
        #expect(try JSONValue(parsing: text).decode(as: Everything.self) == expected)
    }

    static let conversions: [(String, String)] = [
        ("Int8", "128"), ("Int8", "-129"), ("UInt", "-1"), ("UInt8", "1.5"), ("Int", "1.5"), ("Int", "1e19"),
        ("Int", "true"), ("Int", #""1""#), ("Int", "null"), ("Float", "1e300"), ("Double", #""x""#),
        ("Bool", "1"), ("String", "1"), ("String", "[]"), ("Keyed", "[]"), ("Keyed", "null"), ("Unkeyed", "{}"),
        ("Unkeyed", "[1]"), ("Keyed", #"{"a":"x"}"#), ("Keyed", "{}"),
    ]

    struct Keyed: Codable { var a: Int }
    struct Unkeyed: Decodable {
        init(from decoder: any Decoder) throws {
            var container = try decoder.unkeyedContainer()
            _ = try container.decode(Int.self)
            _ = try container.decode(Int.self)
        }
    }

    /// Conversions out of range or of the wrong type fail as in `JSONDecoder`, the path of
    /// an out-of-range number kept (see ``namesTheFieldOfANumberOutOfRange(method:text:path:)``).
    @Test(arguments: conversions)
    func refusesConversionsAsJSONDecoder(type: String, text: String) throws {
        let wrapped = #"{"value":\#(text)}"#
        switch type {
        case "Int8": try Self.expectSameWrappedError(Int8.self, wrapped)
        case "UInt": try Self.expectSameWrappedError(UInt.self, wrapped)
        case "UInt8": try Self.expectSameWrappedError(UInt8.self, wrapped)
        case "Int": try Self.expectSameWrappedError(Int.self, wrapped)
        case "Float": try Self.expectSameWrappedError(Float.self, wrapped)
        case "Double": try Self.expectSameWrappedError(Double.self, wrapped)
        case "Bool": try Self.expectSameWrappedError(Bool.self, wrapped)
        case "String": try Self.expectSameWrappedError(String.self, wrapped)
        case "Keyed": try Self.expectSameWrappedError(Keyed.self, wrapped)
        default: try Self.expectSameWrappedError(Unkeyed.self, wrapped)
        }
    }

    struct Wrapper<T: Decodable>: Decodable { var value: T }

    static func expectSameWrappedError<T: Decodable>(_ type: T.Type, _ text: String) throws {
        let expected = try #require(decodingError { try JSONDecoder().decode(Wrapper<T>.self, from: Data(text.utf8)) })
        let actual = try #require(decodingError { try JSONValue(parsing: text).decode(as: Wrapper<T>.self) })
        let expectedSummary = summary(expected) == "dataCorrupted at []" ? #"dataCorrupted at ["value"]"# : summary(expected)
        #expect(summary(actual) == expectedSummary)
    }

    /// Types `JSONDecoder` reads in its own way are refused with a clear error rather than
    /// read differently.
    @Test func refusesTypesJSONDecoderReadsItsOwnWay() {
        for value: JSONValue in [["value": "aGk="], ["value": "https://example.org"], ["value": 1.5]] {
            for error in [
                Self.decodingError { try value.decode(as: Wrapper<Data>.self) },
                Self.decodingError { try value.decode(as: Wrapper<URL>.self) },
                Self.decodingError { try value.decode(as: Wrapper<Decimal>.self) },
            ] {
                guard case .typeMismatch(_, let context)? = error else {
                    Issue.record("expected a type mismatch, got \(String(describing: error))")
                    continue
                }
                #expect(context.debugDescription.contains("not supported"))
                #expect(context.codingPath.map(\.stringValue) == ["value"])
            }
        }
    }
}
