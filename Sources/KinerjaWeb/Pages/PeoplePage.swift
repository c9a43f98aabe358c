import KinerjaCore
import KinerjaRPC

/// Orang: every position of the roster with its plan of the cycle, searchable by name or
/// NIP and filtered by role and status; each name leads to the person's page.
enum PeoplePage {
    static func table(_ context: PageContext, _ snapshot: DataSnapshot) async throws -> (cycle: String, table: ListTable) {
        let w = context.words
        let cycle = try await snapshot.read(Kinerja.ShowCycle.self, .init(cycle: context.filter("siklus"))).cycle.cycle
        var people = try await snapshot.read(Kinerja.ListPeople.self, .init(cycle: cycle, role: context.filter("peran"))).people
        if let status = context.filter("status") { people.removeAll { $0.plan?.track.rawValue != status } }
        if let query = context.filter("q")?.lowercased() {
            people.removeAll { !$0.nama.lowercased().contains(query) && !$0.id.lowercased().contains(query) }
        }
        let descending = context.filter("arah") == "turun"
        let order: (PositionSummary, PositionSummary) -> Bool
        switch context.filter("urut") {
        case "sekolah": order = { ($0.namaSekolah ?? "", $0.nama) < ($1.namaSekolah ?? "", $1.nama) }
        case "status": order = { (SchoolsPage.rank($0.plan?.track), $0.nama) < (SchoolsPage.rank($1.plan?.track), $1.nama) }
        case "batas": order = { ($0.plan?.due ?? "9999", $0.nama) < ($1.plan?.due ?? "9999", $1.nama) }
        default: order = { ($0.nama, $0.npsn ?? "") < ($1.nama, $1.npsn ?? "") }
        }
        people.sort { descending ? order($1, $0) : order($0, $1) }
        let table = ListTable(
            fileName: "orang-\(cycle)",
            columns: [
                .init(w[.name], sortKey: "nama"), .init(w[.personID]), .init(w[.role]), .init(w[.jabatan]),
                .init(w[.school], sortKey: "sekolah"), .init(w[.currentStep]), .init(w[.status], sortKey: "status"),
                .init(w[.due], sortKey: "batas"),
            ],
            rows: people.map { person in
                let track = person.plan?.track
                return [
                    .link(person.nama, href: context.link("/orang/\(person.id)")), .text(person.id), .text(w.role(person.peran)),
                    .text(w.jabatan(person.jabatan)),
                    person.npsn.map { .link(person.namaSekolah ?? $0, href: context.link("/sekolah/\($0)")) } ?? .text(""),
                    .text(w.step(person.plan?.step)), track.map { .track($0, label: w.track($0)) } ?? .text(""),
                    .date(person.plan?.due),
                ]
            })
        return (cycle, table)
    }

    static func render(_ context: PageContext, _ snapshot: DataSnapshot) async throws -> Markup {
        let w = context.words
        let (cycle, table) = try await table(context, snapshot)
        var body: Markup = "<h1>\(w[.peopleTitle])</h1>"
        body += Filters.form(context, action: "/orang", fields: [
            .text(name: "q", label: w[.searchName]),
            .choice(name: "peran", label: w[.role], options: Role.allCases.map { ($0.rawValue, w.role($0.rawValue)) }),
            .choice(name: "status", label: w[.status], options: PlanTrack.allCases.map { ($0.rawValue, w.track($0)) }),
        ])
        body += ListView.render(table, downloadPath: "/orang", context: context)
        return Layout.page(context, title: w[.peopleTitle], section: .people, asOf: (snapshot.today, cycle), body: body)
    }
}
