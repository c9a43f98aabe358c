import KinerjaCore
import KinerjaRPC

/// A person: each position and its plan of the current cycle (where it stands, its choices
/// and ratings, its timeline, returns and blocks), the history of changes, the reminders
/// sent and those planned to the cycle's end, and their own deadline calendar.
///
enum PersonPage {
    static func render(
        _ context: PageContext, _ snapshot: DataSnapshot, _ web: WebEnvironment, id: String, origin: String
    ) async throws -> Markup {
        let w = context.words
        let positions: [PositionSummary]
        do {
            positions = try await snapshot.read(Kinerja.ShowPerson.self, .init(id: id)).positions
        } catch DaemonError.refused {
            throw WebError.notFound
        }
        guard let first = positions.first else { throw WebError.notFound }
        let cycle = try await snapshot.read(Kinerja.ShowCycle.self, .init()).cycle
        var body: Markup = "<h1>\(first.nama)</h1><dl class=\"facts\">"
        body += "<dt>\(w[.personID])</dt><dd>\(first.id)</dd><dt>\(w[.kepegawaian])</dt><dd>\(first.kepegawaian.uppercased().replacing("_", with: "-"))</dd></dl>"

        for position in positions {
            let school: Markup = position.npsn.map {
                " · <a href=\"\(context.link("/sekolah/\($0)"))\">\(position.namaSekolah ?? $0)</a>"
            } ?? .empty
            let inactive: Markup = position.active ? .empty : " <span class=\"muted\">(\(w[.inactive]))</span>"
            body += "<h2>\(w.role(position.peran)) (\(w.jabatan(position.jabatan)))\(school)\(inactive)</h2>"
            guard let summary = position.plan else {
                body += "<p>\(w[.noPlan])</p>"
                continue
            }
            let plan = try await snapshot.read(Kinerja.ShowPlan.self, .init(plan: summary.plan)).plan
            body += PlanView.summary(plan.summary, words: w)
            body += "<h3>\(w[.choicesAndRatings])</h3>" + choices(plan, words: w)
            body += "<h3>\(w[.timeline])</h3>" + PlanView.timeline(plan.timeline, words: w)
            if !plan.revisions.isEmpty {
                body += "<h3>\(w[.revisions])</h3><ul>"
                for revision in plan.revisions {
                    body += "<li>\(w.date(revision.on)), \(w.step(revision.by)): \(revision.reason)</li>"
                }
                body += "</ul>"
            }
            if !plan.blocks.isEmpty {
                body += "<h3>\(w[.blockPeriods])</h3><ul>"
                for block in plan.blocks {
                    let until = block.until.map { w.date($0) } ?? w[.stillBlocked]
                    body += "<li>\(w.date(block.since)) – \(until): \(w.blockCause(block.cause, note: block.note))</li>"
                }
                body += "</ul>"
            }
        }

        let history = try await snapshot.read(Kinerja.History.self, .init(subject: id, limit: 100)).entries
        body += "<h2>\(w[.history])</h2>"
        if history.isEmpty {
            body += "<p>\(w[.noHistory])</p>"
        } else {
            body += "<table class=\"list\"><thead><tr><th scope=\"col\">\(w[.when])</th><th scope=\"col\">\(w[.by])</th><th scope=\"col\">\(w[.change])</th></tr></thead><tbody>"
            for entry in history {
                body += """
                    <tr><td data-label="\(w[.when])">\(w.date(String(entry.at.prefix(10)))) \(String(entry.at.dropFirst(11).prefix(5)))</td>\
                    <td data-label="\(w[.by])">\(entry.user)</td><td data-label="\(w[.change])">\(w.historyAction(entry.action))</td></tr>
                    """
            }
            body += "</tbody></table>"
        }

        let sent = try await snapshot.read(Kinerja.ListReminders.self, .init(person: id, limit: 100)).reminders
        body += "<h2>\(w[.remindersSent])</h2>" + reminders(sent, words: w)
        let planned = try await snapshot.read(
            Kinerja.PreviewReminders.self, .init(from: snapshot.today, to: max(snapshot.today, cycle.end), person: id)
        ).reminders
        body += "<h2>\(w[.remindersPlanned])</h2>" + reminders(planned, words: w)
        body += FeedLinks.person(context, web: web, id: id, origin: origin)
        return Layout.page(context, title: first.nama, section: .people, asOf: (snapshot.today, cycle.cycle), body: body)
    }

    /// Every choice and rating recorded (the D3 sub-indicator, RHK items and points,
    /// Perilaku Kerja, the three schools and the focus school, the Tim Kinerja's ratings),
    /// the notes, and what the year's rules advise.
    static func choices(_ plan: PlanDetail, words w: Words) -> Markup {
        let notes = plan.timeline.filter { $0.catatan != nil }
        guard !plan.choices.isEmpty || !notes.isEmpty || !plan.advice.isEmpty else { return "<p class=\"muted\">\(w[.choicesPending])</p>" }
        var html: Markup = "<table class=\"list\"><thead><tr><th scope=\"col\">\(w[.step])</th><th scope=\"col\">\(w[.choice])</th><th scope=\"col\">\(w[.value])</th></tr></thead><tbody>"
        for item in plan.choices {
            html += "<tr><td data-label=\"\(w[.step])\">\(w.step(item.step))</td><td data-label=\"\(w[.choice])\">\(w.choice(item))</td><td data-label=\"\(w[.value])\">\(w.choiceValue(item))</td></tr>"
        }
        for item in notes {
            html += "<tr><td data-label=\"\(w[.step])\">\(w.step(item.step))</td><td data-label=\"\(w[.choice])\">\(w[.note])</td><td data-label=\"\(w[.value])\">\(item.catatan ?? "")</td></tr>"
        }
        html += "</tbody></table>"
        if let points = plan.rhkPoints { html += "<p>\(w(.rhkTotal, String(points)))</p>" }
        for advice in plan.advice { html += "<p class=\"advice\"><strong>\(w[.advice]):</strong> \(advice.message)</p>" }
        return html
    }

    static func reminders(_ items: [ReminderItem], words w: Words) -> Markup {
        guard !items.isEmpty else { return "<p>\(w[.noReminders])</p>" }
        var html: Markup = """
            <table class="list"><thead><tr><th scope="col">\(w[.date])</th><th scope="col">\(w[.kind])</th><th scope="col">\(w[.step])</th>\
            <th scope="col">\(w[.due])</th><th scope="col">\(w[.recipient])</th><th scope="col">\(w[.state])</th></tr></thead><tbody>
            """
        for item in items {
            let recipient = [w.recipientRole(item.recipientRole), item.recipientNama ?? item.recipient].compactMap { $0 }.joined(separator: " ")
            let late: Markup = item.late ? " (\(w[.lateFired]))" : .empty
            html += """
                <tr><td data-label="\(w[.date])">\(w.date(String(item.fireAt.prefix(10))))</td><td data-label="\(w[.kind])">\(w.reminderKind(item.kind))</td>\
                <td data-label="\(w[.step])">\(w.step(item.step))</td><td data-label="\(w[.due])">\(w.date(item.due))</td>\
                <td data-label="\(w[.recipient])">\(recipient)</td><td data-label="\(w[.state])">\(w.reminderState(item.state))\(late)</td></tr>
                """
        }
        return html + "</tbody></table>"
    }
}
