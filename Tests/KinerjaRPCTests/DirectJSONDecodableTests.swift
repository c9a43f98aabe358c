import Foundation
@testable import KinerjaRPC
import Testing

/// Types that read their own members must read what `JSONDecoder` reads from the same
/// text, and refuse what it refuses.
@Suite("Wire types reading their own JSON")
struct DirectJSONDecodableTests {
    static let reminders = [
        ReminderItem(
            id: "r-1", plan: "2026-2/198609262015051001/ps", person: "198609262015051001", step: "penyusunan", kind: "overdue",
            due: "2026-07-31", fireAt: "2026-11-25T07:00:00+08:00", recipientRole: "atasan", recipient: nil, state: "fired",
            late: true, message: "Rencana \"belum\" dikirim.\nSegera kirim \\ ü 😀."),
        ReminderItem(
            id: "r-2", plan: "p", person: "x", step: nil, kind: "blocked", due: "2026-08-01", fireAt: "t", recipientRole: "pegawai",
            recipient: "197001011995031001", state: "upcoming", late: false, message: ""),
    ]

    /// `value` as JSONEncoder writes it, then read back by the type's own reader.
    static func readBack<T: Codable & DirectJSONDecodable>(_ value: T, formatting: JSONEncoder.OutputFormatting = []) throws -> T {
        let encoder = JSONEncoder()
        encoder.outputFormatting = formatting
        return try read(T.self, Array(try encoder.encode(value)))
    }

    static func read<T: DirectJSONDecodable>(_ type: T.Type, _ text: [UInt8]) throws -> T {
        try text.withUnsafeBytes { bytes in try JSONParser.read(bytes) { parser throws(JSONParsingError) in try T(reading: &parser) } }
    }

    static func read<T: DirectJSONDecodable>(_ type: T.Type, _ text: String) throws -> T {
        try read(type, Array(text.utf8))
    }

    @Test("Listings read back as written, compact or pretty-printed", arguments: [JSONEncoder.OutputFormatting(), [.prettyPrinted, .sortedKeys]])
    func listings(formatting: JSONEncoder.OutputFormatting) throws {
        let people = Kinerja.ListPeople.Result(people: DirectJSONEncodableTests.positions)
        #expect(try Self.readBack(people, formatting: formatting).people == people.people)
        let person = Kinerja.ShowPerson.Result(positions: Array(DirectJSONEncodableTests.positions.prefix(2)))
        #expect(try Self.readBack(person, formatting: formatting).positions == person.positions)
        let reminders = Kinerja.ListReminders.Result(reminders: Self.reminders)
        #expect(try Self.readBack(reminders, formatting: formatting).reminders == reminders.reminders)
        #expect(try Self.readBack(Kinerja.ListPeople.Result(people: [])).people.isEmpty)
        let report = Kinerja.GetComplianceReport.Result(report: ComplianceReport(
            cycle: "2026-2", asOf: "2026-11-25",
            steps: [StepCompliance(role: "kepala-sekolah", step: "praktik-kinerja", done: 3, onTime: 2, late: 1, overdue: 4, blocked: 0, pending: 7)],
            schools: [GroupCompliance(key: "20100001", name: "SD \"Satu\"", plans: 2, complete: 1, overdue: 1, blocked: 0, notSubmitted: 1),
                      GroupCompliance(key: "20100002", name: nil)],
            roles: [GroupCompliance(key: "pengawas-sekolah", name: nil, plans: 9)]))
        #expect(try Self.readBack(report, formatting: formatting).report == report.report)
    }

    @Test("An optional member may be null or missing; unknown members are skipped")
    func optionalAndUnknownMembers() throws {
        let text = #"{"plan":"p","cycle":"2026-2","step":null,"flags":[],"extra":{"a":[1,2.5,null,true]},"daysLeft":-3}"#
        let plan = try Self.read(PlanSummary.self, text)
        #expect(plan == PlanSummary(plan: "p", cycle: "2026-2", step: nil, actor: nil, due: nil, daysLeft: -3, flags: [], blockCause: nil))
        #expect(try JSONDecoder().decode(PlanSummary.self, from: Data(text.utf8)) == plan)
    }

    @Test("What JSONDecoder refuses is refused: a missing member, null for a required one, another type", arguments: [
        #"{"cycle":"2026-2","flags":[]}"#,
        #"{"plan":null,"cycle":"2026-2","flags":[]}"#,
        #"{"plan":"p","cycle":"2026-2","flags":"x"}"#,
        #"{"plan":"p","cycle":"2026-2","flags":[],"daysLeft":1.5}"#,
        #"{"plan":"p","cycle":"2026-2","flags":[],"daysLeft":"3"}"#,
        #"{"plan":"p","cycle":"2026-2","flags":[1]}"#,
        #"["plan"]"#,
        #"{"plan":"p","cycle":"2026-2","flags":[]"#,
    ])
    func refusals(text: String) throws {
        #expect(throws: (any Error).self) { try JSONDecoder().decode(PlanSummary.self, from: Data(text.utf8)) }
        #expect(throws: JSONParsingError.self) { try Self.read(PlanSummary.self, text) }
    }

    @Test("A reply is read directly when it holds parameters (and continues, a list in pieces); an error or bad text goes to JSONDecoder")
    func replies() throws {
        let reply = Array(#"{"parameters":{"reminders":[]}}"#.utf8)
        #expect(try DecodedReply<Kinerja.ListReminders.Result>.direct(reply)?.unwrap(method: "m").reminders == [])
        let error = Array(#"{"error":"id.kinerja.Kinerja.NoSuchPerson","parameters":{"id":"1"}}"#.utf8)
        #expect(DecodedReply<Kinerja.ListReminders.Result>.direct(error) == nil)
        let continues = Array(#"{"parameters":{"reminders":[]},"continues":true}"#.utf8)
        let piece = try #require(DecodedReply<Kinerja.ListReminders.Result>.direct(continues))
        let pieceReminders = try piece.unwrap(method: "m").reminders
        #expect(piece.continues && pieceReminders == [])
        #expect(DecodedReply<Kinerja.ListReminders.Result>.direct(Array(#"{"parameters":{"reminders":{}}}"#.utf8)) == nil)
        #expect(DecodedReply<Kinerja.GetStatus.Result>.direct(reply) == nil, "a result type without its own reader")
    }
}
