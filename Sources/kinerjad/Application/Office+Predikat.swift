import KinerjaCore
import KinerjaRPC
import KinerjaStore

/// The predikat report: the cycle's plans read whole (a predikat and the ratings it is
/// checked against are step details), counted by Core's `PredikatDistribution` under the
/// cycle's rules, named from the roster and the officials file.
extension Office {
    func predikatReport(_ text: String?) async throws -> PredikatReport {
        let today = today()
        let cycle = try WireToCore.cycle(text, default: CycleID(containing: today))
        let rules = try rules(for: cycle)
        let lifecycle = settings.config.lifecycle
        let listed = try await store.listing(ListingQuery(cycle: cycle, activeOnly: false)).filter { $0.plan != nil }
        let stored = try await store.plans(Set(listed.compactMap { $0.plan?.plan }))
        var entries: [PredikatDistribution.Entry] = []
        for item in listed {
            guard let id = item.plan?.plan, let s = stored[id] else { continue }
            entries.append(.init(
                plan: s.plan, position: item.position, personName: item.person.nama,
                closure: lifecycle.closure(of: s.plan, kept: s.closure, on: today)))
        }
        let d = PredikatDistribution(entries, rules: rules)
        let directory = try await directory(of: Set(d.bySupervisor.map { PersonID(trusted: $0.key) }))
        let schoolNames = Dictionary(listed.compactMap { i in i.position.key.npsn.map { ($0.rawValue, i.position.namaSekolah) } }, uniquingKeysWith: { a, b in a ?? b })
        func counts(_ c: [Predikat: Int]) -> [String: Int] { Dictionary(uniqueKeysWithValues: c.map { ($0.key.rawValue, $0.value) }) }
        func group(_ g: PredikatDistribution.Group, name: String?) -> PredikatGroup {
            PredikatGroup(key: g.key, name: name, plans: g.plans, predikat: counts(g.counts), unassessed: g.unassessed)
        }
        return PredikatReport(
            cycle: cycle.description, asOf: today.description, closed: lifecycle.isClosed(cycle, on: today), plans: d.plans,
            assessed: d.assessed, againstMatrix: d.againstMatrix, sinkron: d.sinkron, predikat: counts(d.counts),
            schools: d.bySchool.map { group($0, name: schoolNames[$0.key] ?? nil) },
            roles: d.byRole.map { group($0, name: nil) },
            supervisors: d.bySupervisor.map { group($0, name: directory.name(PersonID(trusted: $0.key))) },
            unassessed: d.unassessed.map { u in
                UnassessedPlan(
                    plan: u.plan.description, person: u.plan.position.personID.rawValue, nama: u.personName,
                    role: u.plan.position.role.rawValue, npsn: u.plan.position.npsn?.rawValue, step: u.step?.rawValue,
                    pelaksanaanIncomplete: u.pelaksanaanIncomplete, closedOn: u.closedOn?.description)
            })
    }
}
