import KinerjaCore
import KinerjaRPC

/// Terblokir: plans that cannot move because a precondition someone else owns is missing
/// (the Kepala Dinas's RHK, data, the Tim Kinerja's appointment), with the cause, since when,
/// for how many days, and whose action is awaited: the atasan, to whom the blocked reminders
/// go. The block's start is read from each plan (`ShowPlan`), since listings do not carry it.
enum BlockedPage {
    static func table(_ context: PageContext, _ snapshot: DataSnapshot) async throws -> (cycle: String, table: ListTable) {
        let w = context.words
        let cycle = try await snapshot.read(Kinerja.ShowCycle.self, .init(cycle: context.filter("siklus"))).cycle.cycle
        let people = try await snapshot.read(
            Kinerja.ListPeople.self, .init(cycle: cycle, role: context.filter("peran"), blocked: true)
        ).people.filter { $0.plan != nil }
        let today = LocalDate(snapshot.today)
        var rows: [(person: PositionSummary, block: BlockItem?)] = []
        for person in people {
            let detail = try await snapshot.read(Kinerja.ShowPlan.self, .init(plan: person.plan!.plan)).plan
            let block = detail.blocks.last { $0.until == nil }
            if let cause = context.filter("sebab"), block?.cause != cause { continue }
            rows.append((person, block))
        }
        func days(_ block: BlockItem?) -> Int? {
            guard let since = block.flatMap({ LocalDate($0.since) }), let today else { return nil }
            return since.days(until: today)
        }
        let descending = context.filter("arah") == "turun"
        let order: ((person: PositionSummary, block: BlockItem?), (person: PositionSummary, block: BlockItem?)) -> Bool
        switch context.filter("urut") {
        case "nama": order = { $0.person.nama < $1.person.nama }
        default: order = { (days($1.block) ?? 0, $0.person.nama) < (days($0.block) ?? 0, $1.person.nama) }  // longest first
        }
        rows.sort { descending ? order($1, $0) : order($0, $1) }
        let table = ListTable(
            fileName: "terblokir-\(cycle)",
            columns: [
                .init(w[.name], sortKey: "nama"), .init(w[.personID]), .init(w[.role]), .init(w[.school]), .init(w[.step]),
                .init(w[.cause]), .init(w[.note]), .init(w[.blockedSince]), .init(w[.daysBlocked], sortKey: "hari", numeric: true),
                .init(w[.awaiting]),
            ],
            rows: rows.map { person, block in
                let plan = person.plan!
                let awaited = [w[.actorAtasan], person.atasanId].compactMap { $0 }.joined(separator: " ")
                return [
                    .link(person.nama, href: context.link("/orang/\(person.id)")), .text(person.id), .text(w.role(person.peran)),
                    person.npsn.map { .link(person.namaSekolah ?? $0, href: context.link("/sekolah/\($0)")) } ?? .text(""),
                    .text(w.step(plan.step)), .text(w.blockCause(block?.cause ?? plan.blockCause)), .text(block?.note ?? ""),
                    .date(block?.since), .number(days(block)), .text(awaited),
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
