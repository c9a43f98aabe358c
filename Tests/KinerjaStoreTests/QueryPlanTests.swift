import Foundation
import KinerjaCore
import KinerjaStore
import KinerjaStoreConformance
import Testing

/// The daily questions are index searches: SQLite's EXPLAIN QUERY PLAN of each names the
/// index that answers it, so that a country's store answers as a district's does.
@Suite("Query plans")
struct QueryPlanTests {
    @Test("overdue, blocked and step listings start from the plan's indexes; status counts read a covering index")
    func plansByIndex() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try await Fixture.seededStore(in: directory)
        let overdue = try await store.explainListing(ListingQuery(cycle: Fixture.cycle, overdueOn: Fixture.today))
        #expect(overdue.contains("plan_by_cycle") || overdue.contains("plan_by_key"), "\(overdue)")
        let step = try await store.explainListing(ListingQuery(cycle: Fixture.cycle, role: .kepalaSekolah, currentStep: .observasi))
        #expect(step.contains("plan_by_cycle") || step.contains("plan_by_key"), "\(step)")
        let school = try await store.explainListing(ListingQuery(cycle: Fixture.cycle, npsn: Fixture.school1))
        #expect(school.contains("position_by_school") || school.contains("position_by_role_school"), "\(school)")
        let counts = try await store.explainPlanCounts(cycle: Fixture.cycle, on: Fixture.today)
        #expect(counts.contains("USING COVERING INDEX plan_by_cycle (cycle=?)"), "\(counts)")
        try await store.close()
    }

    @Test("the delivery queue and the reminder log are read through their indexes")
    func queues() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try SQLiteStore(path: directory.file("kinerja.sqlite"))
        let plan = try await store.explainDueDeliveries(at: Fixture.now, limit: 10)
        #expect(plan.contains("SEARCH d USING INDEX hook_delivery_due (state=? AND next_attempt_at<?)"), "\(plan)")
        let log = try await store.explainReminders(matching: ReminderQuery(personID: Fixture.budi.rawValue))
        #expect(log.contains("reminder_log_by_person"), "\(log)")
        try await store.close()
    }
}
