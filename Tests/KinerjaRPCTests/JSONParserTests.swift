import Foundation
import KinerjaRPC
import KinerjaSampleData
import Testing

/// The hand-written parser must read every document as `JSONDecoder` read it into a
/// `JSONValue` (the daemon's behaviour before it), and refuse what it refused.
@Suite("JSON parser", .timeLimit(.minutes(1)))
struct JSONParserTests {
    /// The reference: what the daemon did before, `JSONDecoder` into `JSONValue`.
    static func foundation(_ bytes: [UInt8]) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(bytes))
    }

    static let validDocuments: [String] = [
        // Literals and whitespace.
        "true", "false", "null", " \n\t\r true \n", "[ true , false , null ]",
        // Integers, at and beyond the edges of Int64.
        "0", "-0", "1", "-1", "42", "9223372036854775807", "-9223372036854775808",
        "9223372036854775808", "-9223372036854775809", "18446744073709551615",
        "123456789012345678901234567890", "9007199254740993",
        // Fractions and exponents: integral ones are .int, as JSONDecoder made them.
        "1.0", "-0.0", "0.0", "0.5", "-1.5e-7", "1e2", "1E2", "1e+2", "1.5e1", "1.5E+3", "100e-2", "0.1e1",
        "1e-2", "2.5e-1", "0e0", "-0e0", "1e18", "1e19", "0.30000000000000004", "123.0e-1", "1230e-1",
        "123456789012345678e0", "123456789012345678.0", "12345678901234567891e-1", "1.0000000000000000001",
        "9223372036854775807e0", "9223372036854775806e0", "9223372036854775807.0", "-9223372036854775808.0",
        "-9.223372036854775808e18", "92233720368547758070e-1",
        // Doubles at the edges of their range; underflow is zero.
        "1e308", "1.7976931348623157e308", "-1.7976931348623157e308", "4.9e-324", "5e-324", "3e-324",
        "2e-324", "1e-400", "0e99999999999", "1e-99999999999999999999",
        // Strings: every escape, surrogate pairs, raw UTF-8.
        #""""#, #""\"\\\/\b\f\n\r\t""#, #""\u0000""#, #""\u00e9\u00E9\u0041\u0042""#, #""\ud83d\ude00""#,
        #""\uD83D\uDE00""#, #""\ud800\udc00""#, #""\udbff\udfff""#, #""\u2028\u2029""#, "\"é😀ü中\"",
        "\"a\u{7F}b\"", "\"\u{2028}\"", #""a/b""#, #""x\ny é \u00e9 😀 \ud83d\ude00""#,
        // Structures.
        "[]", "{}", "[[]]", "[{}]", #"{"":1}"#, #"{"a":[1,2.5,"x",true,null],"b":{"c":-9000000000}}"#,
        " { \"a\" : [ 1 , { \"b\" : null } ] , \"c\" : \"d\" } ",
        #"{"method":"id.kinerja.Kinerja.ListPeople","parameters":{"overdue":true,"role":"kepala-sekolah"}}"#,
        // A repeated name keeps its first value.
        #"{"a":1,"a":2}"#, #"{"a":{"x":1},"a":{"y":2}}"#, #"{"a":[{"b":1,"b":2}]}"#,
        // A leading byte order mark is skipped.
        "\u{FEFF}{\"a\":1}",
        // As deep as JSONDecoder went.
        String(repeating: "[", count: 512) + String(repeating: "]", count: 512),
    ]

    @Test(arguments: validDocuments)
    func readsWhatJSONDecoderRead(document: String) throws {
        let expected = try Self.foundation(Array(document.utf8))
        #expect(try JSONValue(parsing: document) == expected)
    }

    @Test func readsNumbersAsTheDaemonDid() throws {
        #expect(try JSONValue(parsing: "9223372036854775807") == .int(.max))
        #expect(try JSONValue(parsing: "-9223372036854775808") == .int(.min))
        #expect(try JSONValue(parsing: "9223372036854775808") == .double(0x1p63))
        #expect(try JSONValue(parsing: "1.5e1") == .int(15))
        #expect(try JSONValue(parsing: "123456789012345678e0") == .int(123_456_789_012_345_678))
        #expect(try JSONValue(parsing: "1e19") == .double(1e19))
        #expect(try JSONValue(parsing: "0.25") == .double(0.25))
        #expect(try JSONValue(parsing: #""\ud83d\ude00\u00e9""#) == .string("😀é"))
    }

    static let invalidDocuments: [[UInt8]] = [
        // Structure.
        "", " ", "tru", "nul", "True", "NaN", "Infinity", "-Infinity", "+1", ".5", "0x10", "1 2", "[1 2]",
        #"{"a" 1}"#, "{a:1}", "{'a':1}", "[", "{", "]", #""abc"#, "[1]]", "{}}", "\u{0C}1", "true x", "[1]x",
        #"{"a":1"#, #"{"a":}"#, "[,]", "[,1]", #"{,"a":1}"#, #""\u12""#, #""\u00"#,
        // Numbers.
        "01", "-01", "00", "1.", "1.e5", "1e", "1e+", "-", "[-]", "1e400", "-1e400", "1.7976931348623159e308",
        // Strings: escapes, lone surrogates, raw control characters.
        #""\x""#, #""\u12G4""#, #""\U0041""#, #""\'""#, #""\ud800""#, #""\udc00""#, #""\ud800x""#,
        #""\ud800\u0041""#, #""\ud800\ud800""#, #""\ud800\\""#, #""\uDFFF""#, "\"a\tb\"", "\"a\u{1}b\"", "\"a\nb\"",
        // Too deep.
        String(repeating: "[", count: 513) + String(repeating: "]", count: 513),
    ].map { Array($0.utf8) } + [
        // Invalid UTF-8: a bad continuation, an overlong form, an encoded surrogate, a byte
        // that never occurs, a truncated sequence, beyond U+10FFFF; in a value and in a name.
        [0x22, 0xC3, 0x28, 0x22], [0x22, 0xC0, 0xAF, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22], [0x22, 0xFF, 0x22],
        [0x22, 0xE2, 0x82, 0x22], [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], Array(#"{""#.utf8) + [0xC3, 0x28] + Array(#"":1}"#.utf8),
        Array(#""\u00e9"#.utf8) + [0xC3, 0x28] + Array(#"\n""#.utf8), [0xFF, 0xFE],
    ]

    @Test(arguments: invalidDocuments)
    func refusesWhatJSONDecoderRefused(document: [UInt8]) {
        #expect(throws: (any Error).self) { try Self.foundation(document) }
        #expect(throws: DecodingError.self) { try JSONValue(parsing: document) }
    }

    /// `JSONDecoder` accepted trailing commas; RFC 8259 does not, and neither does the parser.
    @Test(arguments: ["[1,]", #"{"a":1,}"#, #"{"a":[1,2,],"b":2}"#, #"{"method":"a.B",}"#])
    func refusesTrailingCommas(document: String) {
        #expect(throws: DecodingError.self) { try JSONValue(parsing: document) }
    }

    /// Random values, written by `JSONEncoder` in each of its styles, read back unchanged.
    @Test func randomValuesSurviveJSONEncoder() throws {
        var generator = SplitMix64(seed: 0x150D_ECAF)
        let styles: [JSONEncoder.OutputFormatting] = [[], [.withoutEscapingSlashes], [.prettyPrinted, .sortedKeys]]
        for round in 0..<1500 {
            let value = Self.randomValue(depth: 0, using: &generator)
            let encoder = JSONEncoder()
            encoder.outputFormatting = styles[round % styles.count]
            let text = Array(try encoder.encode(value))
            #expect(try JSONValue(parsing: text) == value, "\(String(decoding: text, as: UTF8.self))")
            #expect(try Self.foundation(text) == value, "the reference reads it the same")
        }
    }

    static func randomValue(depth: Int, using generator: inout SplitMix64) -> JSONValue {
        switch Int.random(in: 0..<(depth < 4 ? 7 : 5), using: &generator) {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &generator))
        case 2: return .int(randomInteger(using: &generator))
        case 3: return .double(randomDouble(using: &generator))
        case 4: return .string(randomString(using: &generator))
        case 5: return .array((0..<Int.random(in: 0...5, using: &generator)).map { _ in randomValue(depth: depth + 1, using: &generator) })
        default:
            var members: [String: JSONValue] = [:]
            for _ in 0..<Int.random(in: 0...5, using: &generator) {
                members[randomString(using: &generator)] = randomValue(depth: depth + 1, using: &generator)
            }
            return .object(members)
        }
    }

    static func randomInteger(using generator: inout SplitMix64) -> Int64 {
        switch Int.random(in: 0..<4, using: &generator) {
        case 0: [Int64.min, .min + 1, -1, 0, 1, .max - 1, .max].randomElement(using: &generator)!
        case 1: Int64.random(in: -1000...1000, using: &generator)
        default: Int64(bitPattern: generator.next())
        }
    }

    /// A double the parser reads back as `.double`: not integral, or beyond Int64.
    static func randomDouble(using generator: inout SplitMix64) -> Double {
        while true {
            let candidate = Bool.random(using: &generator)
                ? Double(bitPattern: generator.next())
                : Double.random(in: -1e6...1e6, using: &generator)
            guard candidate.isFinite else { continue }
            if candidate.rounded(.towardZero) != candidate || abs(candidate) >= 0x1p63 { return candidate }
        }
    }

    static func randomString(using generator: inout SplitMix64) -> String {
        var scalars = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 0...12, using: &generator) {
            let value: UInt32 = switch Int.random(in: 0..<4, using: &generator) {
            case 0: UInt32.random(in: 0..<0x80, using: &generator)
            case 1: UInt32.random(in: 0x80..<0xD800, using: &generator)
            case 2: UInt32.random(in: 0xE000..<0x10000, using: &generator)
            default: UInt32.random(in: 0x10000...0x10FFFF, using: &generator)
            }
            scalars.append(Unicode.Scalar(value)!)
        }
        return String(scalars)
    }
}

/// Where a malformed call is reported: the field whose value holds a malformed string or
/// number, or `message` for a broken structure.
@Suite("Call decoding names the faulty field", .timeLimit(.minutes(1)))
struct CallFaultFieldTests {
    @Test(arguments: [
        // As before: faults inside a field's value name the field.
        (Array(#"{"method":"a.B","parameters":{"s":"\ud800"}}"#.utf8), "parameters"),
        (Array(#"{"method":"a.B","parameters":{"s":"a"#.utf8) + [0x09] + Array(#"b"}}"#.utf8), "parameters"),
        (Array(#"{"method":"a.B","parameters":{"n":01}}"#.utf8), "parameters"),
        (Array(#"{"method":"a.B","parameters":{"n":1e400}}"#.utf8), "parameters"),
        (Array(#"{"method":"a.B","parameters":{"a":{"b":"\x"}}}"#.utf8), "parameters"),
        (Array(#"{"method":"a.B","parameters":{"s"#.utf8) + [0xC3, 0x28] + Array(#"":1}}"#.utf8), "parameters"),
        (Array(#"{"method":"a.B","more":"#.utf8) + [0x22, 0xC3, 0x28, 0x22] + Array("}".utf8), "more"),
        (Array(#"{"method":"a.B","oneway":01}"#.utf8), "oneway"),
        (Array(#"{"method":01}"#.utf8), "method"),
        // Was `message`: the field is named now as for any other.
        (Array(#"{"method":"a\ud800"}"#.utf8), "method"),
        // Was accepted (never decoded): a malformed value is refused wherever it is.
        (Array(#"{"method":"a.B","extra":"\ud800"}"#.utf8), "extra"),
        // As before: broken structure, a malformed name at the top, nesting too deep.
        (Array(#"{"method":"a.B","parameters":{"s":.5}}"#.utf8), "message"),
        (Array(#"{"method":"a.B","parameters":{"s":"a"} x"#.utf8), "message"),
        (Array(#"{"method":"a.B","more":tru}"#.utf8), "message"),
        (Array(#"{"method":"a.B","#.utf8) + [0x22, 0xC3, 0x28, 0x22] + Array(":1}".utf8), "message"),
        (Array(#"{"method":"a.B","parameters":{"a":"#.utf8) + Array(String(repeating: "[", count: 70).utf8), "message"),
        // Was accepted: a trailing comma.
        (Array(#"{"method":"a.B",}"#.utf8), "message"),
    ] as [([UInt8], String)])
    func namesTheField(frame: [UInt8], field: String) {
        #expect(throws: VarlinkError.invalidParameter(field)) { try VarlinkFraming.decodeCall(frame) }
    }

    /// Type faults are checked in declaration order, as JSONDecoder decoded the fields, and
    /// a repeated field keeps its first value.
    @Test func checksFieldsInDeclarationOrder() throws {
        #expect(throws: VarlinkError.invalidParameter("method")) { try VarlinkFraming.decodeCall(Array(#"{"more":"x","method":7}"#.utf8)) }
        #expect(throws: VarlinkError.invalidParameter("oneway")) {
            try VarlinkFraming.decodeCall(Array(#"{"upgrade":1,"more":"x","oneway":"y","method":"a.B"}"#.utf8))
        }
        #expect(throws: VarlinkError.invalidParameter("parameters")) {
            try VarlinkFraming.decodeCall(Array(#"{"method":"a.B","parameters":[],"more":"x"}"#.utf8))
        }
        let call = try VarlinkFraming.decodeCall(Array(#"{"method":"a.B","method":5,"parameters":{"x":1},"parameters":{"y":2}}"#.utf8))
        #expect(call == VarlinkCall(method: "a.B", parameters: ["x": 1]))
    }
}
