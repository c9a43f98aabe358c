import Foundation
import KinerjaCore
@testable import KinerjaStore
import Synchronization
import Testing

@Suite("Answers kept until the next write")
struct KeptAnswersTests {
    /// Counts the reads a kept answer spares.
    final class Reads: Sendable {
        let count = Atomic(0)
        func read(_ rows: [Int]) -> [Int] {
            count.add(1, ordering: .relaxed)
            return rows
        }
        var total: Int { count.load(ordering: .relaxed) }
    }

    @Test("an answer is read once per generation; a newer generation reads again; an older one is not kept over it")
    func generations() {
        let kept = KeptAnswers<String, [Int]>()
        let reads = Reads()
        #expect(kept.answer(to: "a", generation: 1) { reads.read([1]) } == [1])
        #expect(kept.answer(to: "a", generation: 1) { reads.read([9]) } == [1])
        #expect(reads.total == 1)
        #expect(kept.answer(to: "a", generation: 2) { reads.read([2]) } == [2])
        // A read that began before the write: its answer is returned but not kept.
        #expect(kept.answer(to: "a", generation: 1) { reads.read([1]) } == [1])
        #expect(kept.answer(to: "a", generation: 2) { reads.read([9]) } == [2])
        #expect(reads.total == 3)
    }

    @Test("answers longer than maxRows are read every time; past maxQuestions the kept answers start over")
    func bounds() {
        let kept = KeptAnswers<Int, [Int]>(maxQuestions: 2, maxRows: 3)
        let reads = Reads()
        _ = kept.answer(to: 0, generation: 1) { reads.read([1, 2, 3, 4]) }
        _ = kept.answer(to: 0, generation: 1) { reads.read([1, 2, 3, 4]) }
        #expect(reads.total == 2)
        for question in 1...3 { _ = kept.answer(to: question, generation: 1) { reads.read([question]) } }
        #expect(reads.total == 5)
        _ = kept.answer(to: 3, generation: 1) { reads.read([3]) }
        _ = kept.answer(to: 1, generation: 1) { reads.read([1]) }
        #expect(reads.total == 6, "3 was kept; 1 was dropped when the third question came")
    }

    @Test("the store's listings see every write of the store: a saved plan, a new roster")
    func storeWritesDropKeptAnswers() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try Fixture.seededStore(in: directory)
        let id = Fixture.planID(Fixture.siti, Fixture.school2)
        let all = PlanQuery(cycle: Fixture.cycle)
        let before = try store.plans(matching: all)
        #expect(try store.plans(matching: all) == before)
        let initial = try #require(try store.plan(id))
        let next = try Fixture.apply(.complete(.praktikKinerja, .none), to: initial, on: LocalDate("2025-01-10")!)
        try store.savePlan(next, due: Fixture.due(next), action: "selesai praktik-kinerja", actor: Fixture.admin, at: Fixture.now)
        #expect(try store.plans(matching: all).first { $0.plan.id == id }?.plan == next)

        let everyone = PositionQuery(activeOnly: true)
        #expect(try store.positionsWithPeople(matching: everyone).count == Fixture.roster.count)
        _ = try store.applyRoster(Array(Fixture.roster.dropFirst()), actor: Fixture.admin, at: Fixture.now, markMissingInactive: true)
        #expect(try store.positionsWithPeople(matching: everyone).count == Fixture.roster.count - 1)
    }

    @Test("a patch keeps the answers of the generation just before; older answers, or no patch, are dropped")
    func advance() {
        let kept = KeptAnswers<String, [Int]>(maxQuestions: 4, maxRows: 3)
        let reads = Reads()
        _ = kept.answer(to: "a", generation: 1) { reads.read([1]) }
        _ = kept.answer(to: "b", generation: 1) { reads.read([2]) }
        kept.advance(to: 2) { question, answer in
            answer.append(10)
            return question == "a"
        }
        #expect(kept.answer(to: "a", generation: 2) { reads.read([9]) } == [1, 10])
        #expect(kept.answer(to: "b", generation: 2) { reads.read([2, 10]) } == [2, 10])
        #expect(reads.total == 3, "b could not be patched and was read again")
        kept.advance(to: 3) { _, answer in
            answer += [20, 30]
            return true
        }
        #expect(kept.answer(to: "a", generation: 3) { reads.read([1, 10, 20, 30]) } == [1, 10, 20, 30])
        #expect(reads.total == 4, "a patch that makes an answer longer than maxRows drops it")
        kept.advance(to: 5) { _, _ in true }
        #expect(kept.answer(to: "b", generation: 5) { reads.read([5]) } == [5])
        kept.advance(to: 6, patch: nil)
        #expect(kept.answer(to: "b", generation: 6) { reads.read([6]) } == [6])
        #expect(reads.total == 6, "a skipped generation, or a write without a patch, reads again")
        kept.advance(to: 6) { _, answer in
            answer = [99]
            return true
        }
        #expect(kept.answer(to: "b", generation: 6) { reads.read([0]) } == [6], "a generation already reached is not patched again")
    }

    @Test("the scheduler's checkpoint is counted as a write but keeps the listings' answers; so does a silence")
    func checkpointKeepsAnswers() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try Fixture.seededStore(in: directory)
        let all = PlanQuery(cycle: Fixture.cycle)
        let plans = try store.plans(matching: all)
        /// Whether the store would read the plans again rather than answer from what it kept.
        func readsAgain() -> Bool {
            let reads = Reads()
            _ = store.keptPlans.answer(to: all, generation: store.planGeneration.load(ordering: .acquiring)) {
                _ = reads.read([])
                return plans
            }
            return reads.total == 1
        }
        #expect(!readsAgain())
        let writes = store.writeCount
        try store.setSchedulerCheckpoint(Fixture.now)
        #expect(store.writeCount == writes + 1)
        #expect(!readsAgain())
        _ = try store.addSilence(personID: nil, npsn: "99999999", until: "2025-01-10", reason: "test", actor: Fixture.admin, at: Fixture.now)
        #expect(store.writeCount == writes + 2)
        #expect(!readsAgain())
        try store.executeRaw("UPDATE plan SET current_due = NULL")
        #expect(readsAgain(), "a write nobody described drops every kept answer")
    }
}
