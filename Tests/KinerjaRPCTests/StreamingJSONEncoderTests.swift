import Foundation
import KinerjaRPC
import Testing

/// The streaming encoder must write the JSON `JSONEncoder` (`.withoutEscapingSlashes`)
/// writes, streamed or not: the same values, escaped the same way. Member order is not
/// compared: `JSONEncoder`'s changes from process to process.
@Suite("Streaming JSON encoder")
struct StreamingJSONEncoderTests {
    static func foundation<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }

    static func expectSame<T: Encodable>(_ value: T, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let streamed = try JSONDecoder().decode(JSONValue.self, from: Data(StreamingJSONEncoder.encode(value)))
        let expected = try JSONDecoder().decode(JSONValue.self, from: Data(foundation(value)))
        #expect(streamed == expected, sourceLocation: sourceLocation)
    }

    struct Inner: Encodable {
        var name: String
        var tags: [String]
        var note: String?
    }

    struct Everything: Encodable {
        var text: String
        var flag: Bool
        var small: Int8
        var big: UInt64
        var negative: Int
        var missing: String?
        var present: Int?
        var inner: Inner
        var inners: [Inner]
        var empty: [String]
        var matrix: [[Int]]
        var optionalInner: Inner?
    }

    /// Encodes through a nested container, which the streaming encoder leaves to JSONEncoder.
    struct Nested: Encodable {
        enum Keys: String, CodingKey { case outer, inner }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            var nested = container.nestedContainer(keyedBy: Keys.self, forKey: .outer)
            try nested.encode("x", forKey: .inner)
            try container.encode(1, forKey: .inner)
        }
    }

    struct WithDouble: Encodable {
        var ratio: Double
        var name: String
    }

    @Test("structs, optionals, arrays and integers stream as the same JSON")
    func plainValues() throws {
        let inner = Inner(name: "SD Negeri 1 Sukamaju", tags: ["a", "b/c"], note: nil)
        try Self.expectSame(Everything(
            text: "Hj. Siti Nurjanah, S.Pd., M.Pd.", flag: true, small: -8, big: .max, negative: -42, missing: nil, present: 7,
            inner: inner, inners: [inner, Inner(name: "", tags: [], note: "catatan")], empty: [], matrix: [[1, 2], [], [3]],
            optionalInner: nil))
    }

    @Test("every ASCII character and non-ASCII text are escaped as JSONEncoder does")
    func escaping() throws {
        let ascii = String(decoding: (0..<128).map { UInt8($0) }, as: UTF8.self)
        // An array keeps its order in both: the bytes must be the same.
        let strings = [ascii, "é ü — 🙂", "\u{2028}\u{2029}", "\"quoted\" \\ back/slash", "\u{7F}", ""]
        #expect(try StreamingJSONEncoder.encode(strings) == Self.foundation(strings))
        try Self.expectSame(Inner(name: ascii, tags: strings, note: "\u{7F}"))
    }

    @Test("doubles, dictionaries, JSONValue and nested containers fall back to JSONEncoder")
    func fallbacks() throws {
        try Self.expectSame(WithDouble(ratio: 0.1, name: "x"))
        try Self.expectSame(["only": 1])
        try Self.expectSame(JSONValue.object(["message": .string("x"), "n": .int(3)]))
        try Self.expectSame(Nested())
    }

    @Test("interface results encode as the same JSON, members in declaration order")
    func interfaceTypes() throws {
        let plan = PlanSummary(
            plan: "2026-2/198609262015051001/ks@20100001", cycle: "2026-2", step: "observasi", actor: "tim_kinerja",
            due: "2026-09-30", daysLeft: -56, flags: ["overdue", "awaiting_observation"], blockCause: nil)
        let person = PositionSummary(
            id: "198609262015051001", nama: "Budi Santoso, S.Pd.", kepegawaian: "pns", peran: "kepala_sekolah", jabatan: "definitif",
            npsn: "20100001", namaSekolah: "SD Negeri 1 Sukamaju", atasanId: nil, timKinerja: ["197204041998031002"],
            pejabatPenilaiId: "196905101995121001", sekolahBinaan: [], active: true, plan: plan)
        try Self.expectSame(Kinerja.ListPeople.Result(people: [person, person]))
        let text = String(decoding: try StreamingJSONEncoder.encode(plan), as: UTF8.self)
        #expect(text == #"{"plan":"2026-2/198609262015051001/ks@20100001","cycle":"2026-2","step":"observasi","actor":"tim_kinerja","due":"2026-09-30","daysLeft":-56,"flags":["overdue","awaiting_observation"]}"#)
    }
}
