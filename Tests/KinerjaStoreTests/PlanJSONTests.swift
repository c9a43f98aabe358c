import Foundation
import KinerjaCore
import KinerjaSampleData
@testable import KinerjaStore
import Testing

/// The plan writer must write, byte for byte, what `JSONEncoder` (sorted keys) wrote: stored
/// plans are compared as text (the decoded-plan cache, audit rows), and a store holds plans
/// written by both.
@Suite("Plans written as JSONEncoder writes them")
struct PlanJSONTests {
    /// Texts with everything a writer could get wrong: quotes, backslashes, slashes, control
    /// characters, non-ASCII, emoji.
    static let texts = ["", "biasa", "kutip \"ganda\"", "garis\\miring/dan/slash", "baris\nbaru\ttab\r", "\u{01}\u{1F}\u{7F}", "Kepala Sekolah ü 😀 – ©"]

    /// A random plan with every field present or absent, built through the plan's own
    /// `Decodable` so that any combination is reachable, not only the workflow's.
    static func randomPlan(_ random: inout SplitMix64) throws -> Plan {
        func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
        func maybe(_ value: @autoclosure () -> Any) -> Any? { random.next() % 2 == 0 ? value() : nil }
        func date() -> String { LocalDate("2026-07-01")!.adding(days: Int(random.next() % 200)).description }
        let role = pick(Role.allCases)
        var position: [String: Any] = ["personID": "19800101200001\(1000 + random.next() % 9000)", "role": role.rawValue]
        if role == .kepalaSekolah { position["npsn"] = "2010\(1000 + random.next() % 9000)" }
        let records: [[String: Any]] = Workflow.steps(for: role).map { step in
            var record: [String: Any] = ["step": step.rawValue]
            record["startedOn"] = maybe(date())
            record["completedOn"] = maybe(date())
            if random.next() % 3 == 0 {
                var details: [String: Any] = [:]
                details["praktikKinerja"] = maybe(pick(texts))
                details["kompetensi"] = maybe(pick(texts))
                details["catatan"] = maybe(pick(texts))
                details["perilakuKerja"] = maybe((0..<random.next() % 3).map { _ in pick(texts) })
                details["sekolah"] = maybe((0..<random.next() % 4).map { _ in "2010\(1000 + random.next() % 9000)" })
                details["sekolahFokus"] = maybe("20109999")
                details["rating"] = maybe(pick(Rating.allCases).rawValue)
                details["rhk"] = maybe((0..<random.next() % 3).map { _ in ["id": pick(texts), "jumlah": Int(random.next() % 5)] as [String: Any] })
                if random.next() % 2 == 0 {
                    var ratings: [String: String] = [:]
                    for aspect in RefleksiAspect.allCases where random.next() % 2 == 0 { ratings[aspect.rawValue] = pick(Rating.allCases).rawValue }
                    details["ratings"] = ratings
                }
                record["details"] = details
            }
            return record
        }
        let blocks: [[String: Any]] = (0..<random.next() % 3).map { _ in
            var block: [String: Any] = ["cause": pick(BlockCause.allCases).rawValue, "since": date()]
            block["note"] = maybe(pick(texts))
            block["until"] = maybe(date())
            return block
        }
        let revisions: [[String: Any]] = (0..<random.next() % 3).map { _ in
            ["by": pick([Step.pemeriksaan, .persetujuan]).rawValue, "on": date(), "reason": pick(texts)]
        }
        var plan: [String: Any] = [
            "id": ["cycle": pick(["2026-1", "2026-2", "2027-1"]), "position": position],
            "records": records, "currentIndex": Int(random.next() % UInt64(records.count + 1)), "blocks": blocks, "revisions": revisions,
        ]
        plan["firstSubmittedOn"] = maybe(date())
        return try JSONDecoder().decode(Plan.self, from: JSONSerialization.data(withJSONObject: plan))
    }

    @Test("2,000 random plans: the same bytes as JSONEncoder with sorted keys")
    func sameBytesAsJSONEncoder() throws {
        var random = SplitMix64(seed: 7)
        for _ in 0..<2_000 {
            let plan = try Self.randomPlan(&random)
            let expected = try JSONText.encode(plan)
            #expect(PlanJSON.encode(plan) == expected)
            #expect(try JSONText.decode(Plan.self, from: Data(PlanJSON.encode(plan).utf8), table: "plan", key: "test") == plan)
        }
    }

    @Test("a plan of the workflow, as an import leaves it")
    func workflowPlan() throws {
        var plan = Plan(id: Fixture.planID(Fixture.agus, nil))
        for step in [Step.penyusunan, .pemeriksaan] {
            plan = try Fixture.apply(.complete(step, .none), to: plan, on: LocalDate("2025-01-10")!)
        }
        plan = try Fixture.apply(.block(.rhkAtasan, note: "menunggu \"RHK\"\nKepala Dinas"), to: plan, on: LocalDate("2025-01-12")!)
        #expect(PlanJSON.encode(plan) == (try JSONText.encode(plan)))
    }
}
