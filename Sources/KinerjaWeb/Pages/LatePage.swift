import KinerjaCore
import KinerjaRPC

/// Terlambat: plans past their current step's deadline (blocked plans are never here), with
/// how many days, why (the plan's other flags), whose action is awaited and since when.
enum LatePage {
    static func table(_ context: PageContext, _ snapshot: DataSnapshot) async throws -> (cycle: String, table: ListTable) {
        let w = context.words
        let cycle = try await snapshot.read(Kinerja.ShowCycle.self, .init(cycle: context.filter("siklus"))).cycle.cycle
        var people = try await snapshot.read(
            Kinerja.ListPeople.self, .init(cycle: cycle, role: context.filter("peran"), step: context.filter("langkah"), overdue: true)
        ).people.filter { $0.plan != nil }
        if let actor = context.filter("menunggu") { people.removeAll { $0.plan?.actor != actor } }
        let descending = context.filter("arah") == "turun"
        let order: (PositionSummary, PositionSummary) -> Bool
        switch context.filter("urut") {
        case "nama": order = { $0.nama < $1.nama }
        case "sekolah": order = { ($0.namaSekolah ?? "", $0.nama) < ($1.namaSekolah ?? "", $1.nama) }
        case "langkah": order = { ($0.plan?.step ?? "", $0.nama) < ($1.plan?.step ?? "", $1.nama) }
        default: order = { ($1.plan?.daysLeft ?? 0, $0.nama) < ($0.plan?.daysLeft ?? 0, $1.nama) }  // most days late first
        }
        people.sort { descending ? order($1, $0) : order($0, $1) }
        let table = ListTable(
            fileName: "terlambat-\(cycle)",
            columns: [
                .init(w[.name], sortKey: "nama"), .init(w[.personID]), .init(w[.role]), .init(w[.school], sortKey: "sekolah"),
                .init(w[.step], sortKey: "langkah"), .init(w[.due]), .init(w[.daysLate], sortKey: "hari", numeric: true),
                .init(w[.cause]), .init(w[.awaiting]), .init(w[.lateSince]),
            ],
            rows: people.map { person in
                let plan = person.plan!
                let causes = plan.planFlags.filter { $0 != .overdue }.map { w.flag($0) }
                let since = plan.due.flatMap(LocalDate.init).map { $0.adding(days: 1).description }
                return [
                    .link(person.nama, href: context.link("/orang/\(person.id)")), .text(person.id), .text(w.role(person.peran)),
                    person.npsn.map { .link(person.namaSekolah ?? $0, href: context.link("/sekolah/\($0)")) } ?? .text(""),
                    .text(w.step(plan.step)), .date(plan.due), .number(plan.daysLeft.map { -$0 }),
                    .text(causes.joined(separator: ", ")), .text(w.actor(plan.actor)), .date(since),
                ]
            })
        return (cycle, table)
    }

    static func render(_ context: PageContext, _ snapshot: DataSnapshot) async throws -> Markup {
        let w = context.words
        let (cycle, table) = try await table(context, snapshot)
        var body: Markup = "<h1>\(w[.lateTitle])</h1><p class=\"muted\">\(w[.lateIntro])</p>"
        body += Filters.form(context, action: "/terlambat", fields: [
            .choice(name: "peran", label: w[.role], options: Role.allCases.map { ($0.rawValue, w.role($0.rawValue)) }),
            .choice(name: "langkah", label: w[.step], options: stepOptions(w)),
            .choice(name: "menunggu", label: w[.awaiting], options: ["pegawai", "tim_kinerja", "pejabat_penilai"].map { ($0, w.actor($0)) }),
        ])
        body += ListView.render(table, downloadPath: "/terlambat", context: context)
        return Layout.page(context, title: w[.lateTitle], section: .late, asOf: (snapshot.today, cycle), body: body)
    }

    /// Every step of both workflows, each once, in workflow order.
    static func stepOptions(_ w: Words) -> [(String, String)] {
        var seen = Set<Step>()
        return Role.allCases.flatMap { Workflow.steps(for: $0) }.filter { seen.insert($0).inserted }.map { ($0.rawValue, w.step($0.rawValue)) }
    }
}
