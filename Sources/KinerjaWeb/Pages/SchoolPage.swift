import KinerjaCore
import KinerjaRPC

/// A school: its principal(s), each with their plan and its steps, and its supervisor(s).
enum SchoolPage {
    static func render(_ context: PageContext, _ snapshot: DataSnapshot, _ web: WebEnvironment, npsn: String) async throws -> Markup {
        let w = context.words
        let cycle = try await snapshot.read(Kinerja.ShowCycle.self, .init(cycle: context.filter("siklus"))).cycle.cycle
        guard let school = try await snapshot.read(Kinerja.ListSchools.self, .init(cycle: cycle, npsn: npsn)).schools.first else {
            throw WebError.notFound
        }
        let name = school.name ?? npsn
        var body: Markup = "<h1>\(name)</h1><dl class=\"facts\">"
        body += "<dt>\(w[.npsn])</dt><dd>\(npsn)</dd>"
        if let jenjang = school.level { body += "<dt>\(w[.jenjang])</dt><dd>\(jenjang)</dd>" }
        if let kecamatan = school.kecamatan { body += "<dt>\(w[.kecamatan])</dt><dd>\(kecamatan)</dd>" }
        if let status = SchoolsPage.status(school.counts) {
            body += "<dt>\(w[.status])</dt><dd>\(ListView.badge(status, w.track(status)))</dd>"
        }
        body += "<dt>\(w[.progress])</dt><dd>\(ListView.bar(done: school.stepsDone, of: school.steps))</dd></dl>"

        body += "<h2>\(w[.principal])</h2>"
        if school.principals.isEmpty { body += "<p>\(w[.noPrincipal])</p>" }
        for principal in school.principals {
            body += "<h3><a href=\"\(context.link("/orang/\(principal.id)"))\">\(principal.nama)</a> <span class=\"muted\">(\(w.jabatan(principal.jabatan)))</span></h3>"
            do {
                let plan = try await snapshot.read(Kinerja.ShowPlan.self, .init(person: principal.id, npsn: npsn, cycle: cycle)).plan
                body += PlanView.summary(plan.summary, words: w)
                body += PlanView.timeline(plan.timeline, words: w)
            } catch DaemonError.refused {
                body += "<p>\(w[.noPlan])</p>"
            }
        }
        body += "<h2>\(w[.supervisor])</h2>"
        if school.supervisors.isEmpty { body += "<p>\(w[.noSupervisor])</p>" }
        body += "<ul>" + Markup.joined(school.supervisors.map { "<li><a href=\"\(context.link("/orang/\($0.id)"))\">\($0.nama)</a></li>" }) + "</ul>"
        return Layout.page(context, title: w(.schoolTitle, name), section: .schools, asOf: (snapshot.today, cycle), body: body)
    }
}

/// A plan's pieces as pages show them.
enum PlanView {
    /// Where the plan stands: its track, current step and deadline, whose action is awaited,
    /// its flags.
    static func summary(_ plan: PlanSummary, words w: Words) -> Markup {
        let track = plan.track
        var html: Markup = "<dl class=\"facts\"><dt>\(w[.status])</dt><dd>\(ListView.badge(track, w.track(track)))"
        let flags = plan.planFlags.filter { $0 != .blocked && $0 != .overdue }
        if !flags.isEmpty { html += " " + Markup(stringLiteral: flags.map { w.flag($0) }.joined(separator: ", ")) }
        html += "</dd>"
        if let step = plan.step {
            html += "<dt>\(w[.currentStep])</dt><dd>\(w.step(step))</dd>"
            if let due = plan.due {
                var left = ""
                if let days = plan.daysLeft, plan.blockCause == nil {
                    left = days < 0 ? " (\(w(.lateBy, String(-days))))" : days == 0 ? " (\(w[.dueToday]))" : " (\(w(.inDays, String(days))))"
                }
                html += "<dt>\(w[.due])</dt><dd>\(w.date(due))\(left)</dd>"
            }
            if let cause = plan.blockCause {
                html += "<dt>\(w[.cause])</dt><dd>\(w.blockCause(cause, note: plan.blockNote))</dd>"
                if let since = plan.blockedSince {
                    html += "<dt>\(w[.blockedSince])</dt><dd>\(w.date(since)) (\(w(.days, String(plan.blockedDays ?? 0))))</dd>"
                }
                html += "<dt>\(w[.awaiting])</dt><dd>\(w.party(plan.awaiting))</dd>"
            } else {
                html += "<dt>\(w[.awaiting])</dt><dd>\(w.actor(plan.actor))</dd>"
            }
        }
        return html + "</dl>"
    }

    static func timeline(_ items: [TimelineItem], words w: Words) -> Markup {
        var html: Markup = """
            <table class="list"><thead><tr><th scope="col">\(w[.step])</th><th scope="col">\(w[.due])</th><th scope="col">\(w[.started])</th>\
            <th scope="col">\(w[.completed])</th><th scope="col">\(w[.state])</th></tr></thead><tbody>
            """
        for item in items {
            html += """
                <tr><td data-label="\(w[.step])">\(w.step(item.step))</td><td data-label="\(w[.due])">\(w.date(item.due))\(note(item, words: w))</td>\
                <td data-label="\(w[.started])">\(w.date(item.startedOn))</td><td data-label="\(w[.completed])">\(w.date(item.completedOn))</td>\
                <td data-label="\(w[.state])">\(w.timelineState(item.state))</td></tr>
                """
        }
        return html + "</tbody></table>"
    }

    /// Beside a deadline: where it moved from and why, or the days the plan was blocked at the step.
    static func note(_ item: TimelineItem, words w: Words) -> Markup {
        guard let note = item.note else { return .empty }
        var parts: [String] = []
        if note.published != item.due { parts.append(w(.dueMovedFrom, w.date(note.published))) }
        if note.blockedDays > 0 { parts.append(w(.blockedDaysAtStep, String(note.blockedDays))) }
        if let day = note.unblockedOn { parts.append(w(.unblockedOn, w.date(day))) }
        if let day = note.openedOn { parts.append(w(.newcomerSince, w.date(day))) }
        return parts.isEmpty ? .empty : " <span class=\"muted\">(\(parts.joined(separator: "; ")))</span>"
    }
}
