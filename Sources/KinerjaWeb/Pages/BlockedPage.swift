import KinerjaCore
import KinerjaRPC

/// Terblokir: plans that cannot move because a precondition someone else owns is missing
/// (the Kepala Dinas's RHK, data, the Tim Kinerja's appointment), with the cause, since when,
/// for how many days, and whose action is awaited (by name and jabatan when the roster or
/// the officials file names them), all from the listing.
enum BlockedPage {
    static func table(_ context: PageContext, _ snapshot: DataSnapshot) async throws -> (cycle: String, table: ListTable) {
        let w = context.words
        let cycle = try await snapshot.read(Kinerja.ShowCycle.self, .init(cycle: context.filter("siklus"))).cycle.cycle
        var rows = try await snapshot.read(
            Kinerja.ListPeople.self, .init(cycle: cycle, role: context.filter("peran"), blocked: true)
        ).people.filter { person in
            guard let plan = person.plan else { return false }
            return context.filter("sebab").map { plan.blockCause == $0 } ?? true
        }
        let descending = context.filter("arah") == "turun"
        let order: (PositionSummary, PositionSummary) -> Bool
        switch context.filter("urut") {
        case "nama": order = { $0.nama < $1.nama }
        default: order = { ($1.plan?.blockedDays ?? 0, $0.nama) < ($0.plan?.blockedDays ?? 0, $1.nama) }  // longest first
        }
        rows.sort { descending ? order($1, $0) : order($0, $1) }
        let table = ListTable(
            fileName: "terblokir-\(cycle)",
            columns: [
                .init(w[.name], sortKey: "nama"), .init(w[.personID]), .init(w[.role]), .init(w[.school]), .init(w[.step]),
                .init(w[.cause]), .init(w[.note]), .init(w[.blockedSince]), .init(w[.daysBlocked], sortKey: "hari", numeric: true),
                .init(w[.awaiting]),
            ],
            rows: rows.map { person in
                let plan = person.plan!
                return [
                    .link(person.nama, href: context.link("/orang/\(person.id)")), .text(person.id), .text(w.role(person.peran)),
                    person.npsn.map { .link(person.namaSekolah ?? $0, href: context.link("/sekolah/\($0)")) } ?? .text(""),
                    .text(w.step(plan.step)), .text(w.blockCause(plan.blockCause)), .text(plan.blockNote ?? ""),
                    .date(plan.blockedSince), .number(plan.blockedDays), .text(w.party(plan.awaiting)),
                ]
            })
        return (cycle, table)
    }

    static func render(_ context: PageContext, _ snapshot: DataSnapshot) async throws -> Markup {
        let w = context.words
        let (cycle, table) = try await table(context, snapshot)
        var body: Markup = "<h1>\(w[.blockedTitle])</h1><p class=\"muted\">\(w[.blockedIntro])</p>"
        body += Filters.form(context, action: "/terblokir", fields: [
            .choice(name: "peran", label: w[.role], options: Role.allCases.map { ($0.rawValue, w.role($0.rawValue)) }),
            .choice(name: "sebab", label: w[.cause], options: BlockCause.allCases.map { ($0.rawValue, w.blockCause($0.rawValue)) }),
        ])
        body += ListView.render(table, downloadPath: "/terblokir", context: context)
        return Layout.page(context, title: w[.blockedTitle], section: .blocked, asOf: (snapshot.today, cycle), body: body)
    }
}
