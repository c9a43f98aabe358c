import KinerjaCore
import KinerjaRPC

/// Sekolah: every school the roster names, filtered by kecamatan, jenjang and status and
/// sorted by any column, all in the URL (`/sekolah?kecamatan=Cibeureum&status=late&urut=kemajuan`).
enum SchoolsPage {
    /// A school's status: its most pressing plan (late before blocked before on track; done
    /// only when every plan is), nil without plans.
    static func status(_ counts: TrackCounts) -> PlanTrack? {
        if counts.late > 0 { return .late }
        if counts.blocked > 0 { return .blocked }
        if counts.onTrack > 0 { return .onTrack }
        if counts.unfinished > 0 { return .unfinished }
        return counts.plans > 0 ? .done : nil
    }

    struct Row {
        var school: SchoolProgress
        var status: PlanTrack?
    }

    static func rows(_ context: PageContext, _ snapshot: DataSnapshot, _ web: WebEnvironment) async throws -> (cycle: String, rows: [Row]) {
        let cycle = try await snapshot.read(Kinerja.ShowCycle.self, .init(cycle: context.filter("siklus"))).cycle.cycle
        let schools = try await snapshot.read(Kinerja.ListSchools.self, .init(cycle: cycle)).schools
        var rows = schools.map { Row(school: $0, status: status($0.counts)) }
        if let kecamatan = context.filter("kecamatan") { rows.removeAll { $0.school.kecamatan != kecamatan } }
        if let jenjang = context.filter("jenjang") { rows.removeAll { $0.school.level != jenjang } }
        if let status = context.filter("status") { rows.removeAll { $0.status?.rawValue != status } }
        let descending = context.filter("arah") == "turun"
        func percent(_ row: Row) -> Int { ListTable.Cell.percent(row.school.stepsDone, row.school.steps) }
        let order: (Row, Row) -> Bool
        switch context.filter("urut") {
        case "nama": order = { ($0.school.name ?? "", $0.school.npsn) < ($1.school.name ?? "", $1.school.npsn) }
        case "jenjang": order = { ($0.school.level ?? "", $0.school.npsn) < ($1.school.level ?? "", $1.school.npsn) }
        case "kecamatan": order = { ($0.school.kecamatan ?? "", $0.school.npsn) < ($1.school.kecamatan ?? "", $1.school.npsn) }
        case "status": order = { (rank($0.status), $0.school.npsn) < (rank($1.status), $1.school.npsn) }
        case "terlambat": order = { ($0.school.counts.late, $1.school.npsn) < ($1.school.counts.late, $0.school.npsn) }
        case "kemajuan": order = { (percent($0), $0.school.npsn) < (percent($1), $1.school.npsn) }
        default: order = { $0.school.npsn < $1.school.npsn }
        }
        rows.sort { descending ? order($1, $0) : order($0, $1) }
        return (cycle, rows)
    }

    /// Most pressing first when sorted by status.
    static func rank(_ track: PlanTrack?) -> Int {
        switch track {
        case .late?: 0
        case .blocked?: 1
        case .onTrack?: 2
        case .unfinished?: 3
        case .done?: 4
        case nil: 5
        }
    }

    static func table(_ context: PageContext, cycle: String, rows: [Row]) -> ListTable {
        let w = context.words
        return ListTable(
            fileName: "sekolah-\(cycle)",
            columns: [
                .init(w[.npsn], sortKey: "npsn"), .init(w[.schoolName], sortKey: "nama"), .init(w[.jenjang], sortKey: "jenjang"),
                .init(w[.kecamatan], sortKey: "kecamatan"), .init(w[.principal]), .init(w[.supervisor]),
                .init(w[.status], sortKey: "status"), .init(w[.late], sortKey: "terlambat", numeric: true),
                .init(w[.progress], sortKey: "kemajuan"),
            ],
            rows: rows.map { row in
                let school = row.school
                return [
                    .text(school.npsn),
                    .link(school.name ?? school.npsn, href: context.link("/sekolah/\(school.npsn)", [("siklus", context.filter("siklus"))])),
                    .text(row.school.level ?? ""), .text(row.school.kecamatan ?? ""),
                    .text(school.principals.map(\.nama).joined(separator: "; ")),
                    .text(school.supervisors.map(\.nama).joined(separator: "; ")),
                    row.status.map { .track($0, label: w.track($0)) } ?? .text(""),
                    .number(school.counts.late),
                    .share(done: school.stepsDone, of: school.steps),
                ]
            })
    }

    static func render(_ context: PageContext, _ snapshot: DataSnapshot, _ web: WebEnvironment) async throws -> Markup {
        let w = context.words
        let (cycle, rows) = try await rows(context, snapshot, web)
        let all = try await snapshot.read(Kinerja.ListSchools.self, .init(cycle: cycle)).schools
        var body: Markup = "<h1>\(w[.schoolsTitle])</h1>"
        body += Filters.form(context, action: "/sekolah", fields: [
            .choice(name: "kecamatan", label: w[.kecamatan], options: Set(all.compactMap(\.kecamatan)).sorted().map { ($0, $0) }),
            .choice(name: "jenjang", label: w[.jenjang], options: Set(all.compactMap(\.level)).sorted().map { ($0, $0) }),
            .choice(name: "status", label: w[.status], options: PlanTrack.allCases.map { ($0.rawValue, w.track($0)) }),
        ])
        body += ListView.render(table(context, cycle: cycle, rows: rows), downloadPath: "/sekolah", context: context)
        return Layout.page(context, title: w[.schoolsTitle], section: .schools, asOf: (snapshot.today, cycle), body: body)
    }
}
