import KinerjaCore
import KinerjaRPC

/// Ringkasan: the cycle, its deadlines and where today falls; each role's plans on track,
/// late, blocked and done; how the cycle went week by week; the schools furthest behind.
/// Printed, it is the page an office head takes to the monthly meeting.
enum OverviewPage {
    static let behindSchools = 15

    static func render(_ context: PageContext, _ snapshot: DataSnapshot, _ web: WebEnvironment, origin: String) async throws -> Markup {
        let w = context.words
        let cycleText = context.filter("siklus")
        let cycle = try await snapshot.read(Kinerja.ShowCycle.self, .init(cycle: cycleText)).cycle
        let progress = try await snapshot.read(Kinerja.ShowProgress.self, .init(cycle: cycle.cycle, behind: behindSchools)).progress
        let today = LocalDate(snapshot.today) ?? LocalDate(cycle.start)!
        let start = LocalDate(cycle.start)!, end = LocalDate(cycle.end)!
        let weeksInCycle = start.days(until: end) / 7 + 1
        var body: Markup = "<h1>\(w(.overviewTitle, cycle.cycle))</h1>"
        body += "<p>\(w(.cycleLabel, cycle.cycle, w.date(cycle.start), w.date(cycle.end))), \(w(.rulesOfYear, String(cycle.rulesYear))).</p>"
        if cycle.cycle == CycleID(containing: today).description {
            let week = start.days(until: today) / 7 + 1
            body += "<p><b>\(w[.today]):</b> \(w.date(snapshot.today)) (\(w(.weekOf, String(week), String(weeksInCycle))))</p>"
        }
        body += CycleTimeline.render(cycle, today: today, words: w)
        body += tiles(progress, context)
        body += "<h2>\(w[.countsByRole])</h2>" + roleTable(progress, words: w)
        body += "<h2>\(w[.deadlines])</h2>" + deadlineTable(cycle, today: today, words: w)
        body += "<h2>\(w[.progressTitle])</h2>"
        if progress.weeks.isEmpty {
            body += "<p>\(w[.noWeeksYet])</p>"
        } else {
            body += "<p class=\"muted\">\(w[.progressNote])</p>"
            for role in progress.roles {
                body += ProgressChart.render(role, weeksInCycle: weeksInCycle, cycle: cycle, today: today, words: w)
            }
        }
        body += "<h2>\(w[.schoolsBehind])</h2>"
        body += "<p class=\"muted\">\(w(.schoolsBehindOf, String(progress.behind.count), String(progress.schools)))</p>"
        body += behindTable(progress.behind, context)
        body += "<p><a href=\"\(context.link("/sekolah"))\">\(w[.allSchools])</a></p>"
        body += FeedLinks.office(context, web: web, origin: origin)
        return Layout.page(
            context, title: w(.overviewTitle, cycle.cycle), section: .overview, asOf: (snapshot.today, cycle.cycle), body: body)
    }

    static func tiles(_ progress: CycleProgress, _ context: PageContext) -> Markup {
        let w = context.words
        var total = TrackCounts()
        for role in progress.roles {
            total.plans += role.counts.plans
            total.done += role.counts.done
            total.onTrack += role.counts.onTrack
            total.late += role.counts.late
            total.blocked += role.counts.blocked
            total.unfinished += role.counts.unfinished
        }
        func tile(_ track: PlanTrack, _ count: Int, link: String? = nil) -> Markup {
            let label = w.track(track)
            let text: Markup = link.map { "<a href=\"\(context.link($0, [("siklus", context.filter("siklus"))]))\">\(label)</a>" } ?? "\(label)"
            return "<div class=\"tile \(track.rawValue)\"><b>\(count)</b>\(text)</div>"
        }
        var html: Markup = "<div class=\"tiles\">"
        html += "<div class=\"tile\"><b>\(total.plans)</b>\(w[.plans])</div>"
        html += tile(.onTrack, total.onTrack)
        html += tile(.late, total.late, link: "/terlambat")
        html += tile(.blocked, total.blocked, link: "/terblokir")
        html += tile(.done, total.done)
        if total.unfinished > 0 { html += tile(.unfinished, total.unfinished) }
        return html + "</div>"
    }

    static func roleTable(_ progress: CycleProgress, words w: Words) -> Markup {
        var html: Markup = """
            <table class="list"><thead><tr><th scope="col">\(w[.role])</th><th class="num" scope="col">\(w[.plans])</th>\
            <th class="num" scope="col">\(w[.onTrack])</th><th class="num" scope="col">\(w[.late])</th>\
            <th class="num" scope="col">\(w[.blocked])</th><th class="num" scope="col">\(w[.done])</th>\
            <th class="num" scope="col">\(w[.unfinished])</th></tr></thead><tbody>
            """
        for role in progress.roles {
            let c = role.counts
            html += """
                <tr><td data-label="\(w[.role])">\(w.role(role.role, plural: true))</td><td class="num" data-label="\(w[.plans])">\(c.plans)</td>\
                <td class="num" data-label="\(w[.onTrack])">\(c.onTrack)</td><td class="num" data-label="\(w[.late])">\(c.late)</td>\
                <td class="num" data-label="\(w[.blocked])">\(c.blocked)</td><td class="num" data-label="\(w[.done])">\(c.done)</td>\
                <td class="num" data-label="\(w[.unfinished])">\(c.unfinished)</td></tr>
                """
        }
        return html + "</tbody></table>"
    }

    /// One row per role and deadline (the planning sub-steps share one), with where today
    /// stands against it, and the official extensions.
    static func deadlineTable(_ cycle: CycleInfo, today: LocalDate, words w: Words) -> Markup {
        var html: Markup = """
            <table class="list"><thead><tr><th scope="col">\(w[.role])</th><th scope="col">\(w[.deadline])</th>\
            <th scope="col">\(w[.date])</th><th scope="col">\(w[.state])</th></tr></thead><tbody>
            """
        var seen = Set<String>()
        for deadline in cycle.deadlines where seen.insert("\(deadline.role) \(deadline.deadline)").inserted {
            let name = deadline.deadline == "perencanaan" ? "Perencanaan Kinerja" : w.step(deadline.step)
            var state = ""
            if let due = LocalDate(deadline.due) {
                let left = today.days(until: due)
                state = left < 0 ? w(.passedDaysAgo, String(-left)) : left == 0 ? w[.dueToday] : w(.inDays, String(left))
            }
            let extensions = cycle.extensions.compactMap { CycleExtension($0) }
                .filter { $0.deadline == deadline.deadline && ($0.role == nil || $0.role == deadline.role) }
            let extended: Markup = extensions.last.map { " (\(w(.extendedTo, w.date($0.until))))" } ?? .empty
            html += """
                <tr><td data-label="\(w[.role])">\(w.role(deadline.role))</td><td data-label="\(w[.deadline])">\(name)</td>\
                <td data-label="\(w[.date])">\(w.date(deadline.due))\(extended)</td><td data-label="\(w[.state])">\(state)</td></tr>
                """
        }
        return html + "</tbody></table>"
    }

    static func behindTable(_ schools: [SchoolProgress], _ context: PageContext) -> Markup {
        let w = context.words
        var html: Markup = """
            <table class="list"><thead><tr><th scope="col">\(w[.school])</th><th scope="col">\(w[.progress])</th>\
            <th class="num" scope="col">\(w[.late])</th><th class="num" scope="col">\(w[.blocked])</th></tr></thead><tbody>
            """
        for school in schools {
            html += """
                <tr><td data-label="\(w[.school])"><a href="\(context.link("/sekolah/\(school.npsn)"))">\(school.name ?? school.npsn)</a></td>\
                <td data-label="\(w[.progress])">\(ListView.bar(done: school.stepsDone, of: school.steps))</td>\
                <td class="num" data-label="\(w[.late])">\(school.counts.late)</td><td class="num" data-label="\(w[.blocked])">\(school.counts.blocked)</td></tr>
                """
        }
        return html + "</tbody></table>"
    }
}

/// An official extension as `ShowCycle` lists it: "ROLE DEADLINE UNTIL" (ROLE `semua` for all).
struct CycleExtension: Hashable {
    var role: String?
    var deadline: String
    var until: String

    init?(_ text: String) {
        let parts = text.split(separator: " ").map(String.init)
        guard parts.count == 3 else { return nil }
        role = parts[0] == "semua" ? nil : parts[0]
        deadline = parts[1]
        until = parts[2]
    }
}
