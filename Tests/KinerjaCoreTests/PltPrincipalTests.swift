import KinerjaCore
import Testing

@Suite("Plt. principal: one plan per role and school")
struct PltPrincipalTests {
    let rules = Fixtures.rules2025

    @Test("a definitif plan at school A and a Plt. plan at school B progress independently")
    func twoPlans() throws {
        let person = try PersonID(validating: "19860926 201505 1 001")
        let definitif = Position(key: PositionKey(personID: person, role: .kepalaSekolah, npsn: Fixtures.schoolA), jabatan: .definitif)
        let plt = Position(key: PositionKey(personID: person, role: .kepalaSekolah, npsn: Fixtures.schoolB), jabatan: .plt)
        #expect(definitif.key != plt.key)
        let cycle = CycleID("2025-1")!
        var a = Plan(id: PlanID(cycle: cycle, position: definitif.key))
        var b = Plan(id: PlanID(cycle: cycle, position: plt.key))
        #expect(a.id.description == "2025-1/198609262015051001/ks@20100001")
        #expect(b.id.description == "2025-1/198609262015051001/ks@20100002")
        #expect(Set([a.id, b.id]).count == 2)

        a = try a.then(.complete(.praktikKinerja, Fixtures.praktik), on: "2025-01-05", rules: rules)
            .then(.complete(.pengembanganKompetensi, StepDetails(kompetensi: "kom-sosial-1")), on: "2025-01-06", rules: rules)
            .then(.complete(.perilakuKerja, Fixtures.perilakuDua), on: "2025-01-07", rules: rules)
            .then(.complete(.rangkuman, .none), on: "2025-01-08", rules: rules)
        b = try b.then(.complete(.praktikKinerja, StepDetails(praktikKinerja: "d3-komunitas-belajar")), on: "2025-01-20", rules: rules)
            .then(.block(.pemutakhiranData, note: "Unor belum Plt."), on: "2025-01-21", rules: rules)

        #expect(a.currentStep == .dokumenPersiapan)
        #expect(b.currentStep == .pengembanganKompetensi)
        #expect(a.record(.praktikKinerja)?.details?.praktikKinerja == "d3-perencanaan-pembelajaran")
        #expect(b.record(.praktikKinerja)?.details?.praktikKinerja == "d3-komunitas-belajar")
        #expect(a.openBlock == nil)
        #expect(b.openBlock?.cause == .pemutakhiranData)

        // A's frozen plan does not freeze B, and B's block does not stop A.
        #expect(a.refusal(.complete(.praktikKinerja, .none), on: "2025-01-22", rules: rules)?.reason == .frozen(submittedOn: d("2025-01-08")))
        a = try a.then(.complete(.dokumenPersiapan, .none), on: "2025-01-22", rules: rules)
        #expect(a.currentStep == .observasi)
        b = try b.then(.unblock, on: "2025-02-03", rules: rules)
            .then(.complete(.pengembanganKompetensi, StepDetails(kompetensi: "kom-profesional-1")), on: "2025-02-03", rules: rules)
        #expect(b.currentStep == .perilakuKerja)

        let statusA = PlanStatus(of: a, on: d("2025-02-03"), rules: rules)
        let statusB = PlanStatus(of: b, on: d("2025-02-03"), rules: rules)
        #expect(statusA.plan == a.id && statusB.plan == b.id)
        #expect(statusA.flags == [.awaitingObservation])
        // B was blocked from 21 January to 3 February: its planning deadline is 14 days after
        // the unblocking (17 February), not the 31 January that passed while it was blocked.
        #expect(statusB.flags == [])
        #expect(statusB.due == d("2025-02-17"))
        #expect(PlanStatus(of: b, on: d("2025-02-18"), rules: rules).flags == [.overdue, .notSubmitted])
    }
}
