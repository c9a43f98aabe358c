import FoundationEssentials
import KinerjaCore
import KinerjaRPC

/// The calendar feeds: the office's deadlines (each role's deadlines of the current and the
/// next cycle) and a person's own (every step of each of their plans).
///
/// UIDs come from domain keys (office, cycle, role, deadline; or plan and step), so a
/// calendar program keeps one event per deadline across fetches. SEQUENCE is derived, not
/// stored: an office deadline moves only by an official extension, so its SEQUENCE is the
/// number of extensions of that deadline the cycle lists; a person's deadline moves when
/// an extension does or when an earlier step of the plan is recorded (a duration counts
/// from it), so theirs is that number plus the plan's audit rows, which only grow. Both
/// never go down and rise with every move; a rise without a move is harmless (RFC 5545
/// lets a revision raise it).
enum Feeds {
    static func office(_ snapshot: DataSnapshot, words w: Words, office: String, stamp: String) async throws -> String {
        let current = try await snapshot.read(Kinerja.ShowCycle.self, .init()).cycle
        var cycles = [current]
        if let next = CycleID(current.cycle)?.next,
           let info = try? await snapshot.read(Kinerja.ShowCycle.self, .init(cycle: next.description)).cycle {
            cycles.append(info)
        }
        var events: [ICalendar.Event] = []
        for cycle in cycles {
            let extensions = cycle.extensions.compactMap(CycleExtension.init)
            var grouped: [(key: String, deadline: CycleDeadline, steps: [String])] = []
            for deadline in cycle.deadlines {
                let key = "\(deadline.role) \(deadline.deadline)"
                if let index = grouped.firstIndex(where: { $0.key == key }) {
                    grouped[index].steps.append(deadline.step)
                } else {
                    grouped.append((key, deadline, [deadline.step]))
                }
            }
            for (_, deadline, steps) in grouped {
                guard let date = LocalDate(deadline.due) else { continue }
                let name = deadline.deadline == "perencanaan" ? "Perencanaan Kinerja" : w.step(deadline.step)
                let moves = extensions.filter { $0.deadline == deadline.deadline && ($0.role == nil || $0.role == deadline.role) }.count
                events.append(ICalendar.Event(
                    uid: "\(cycle.cycle).\(deadline.role).\(deadline.deadline)@\(uidDomain(office))", date: date,
                    summary: "\(w[.deadline]): \(name) (\(w.role(deadline.role, plural: true)))",
                    description: "\(w(.cycleLabel, cycle.cycle, w.date(cycle.start), w.date(cycle.end)))\n\(w[.step]): \(steps.map { w.step($0) }.joined(separator: ", "))",
                    sequence: moves))
            }
        }
        return ICalendar.calendar(name: "\(office): \(w[.deadlines])", events: events, stamp: stamp)
    }

    static func person(_ snapshot: DataSnapshot, id: String, words w: Words, office: String, stamp: String) async throws -> String {
        let positions = try await snapshot.read(Kinerja.ShowPerson.self, .init(id: id)).positions
        var events: [ICalendar.Event] = []
        for position in positions {
            guard let summary = position.plan else { continue }
            let plan = try await snapshot.read(Kinerja.ShowPlan.self, .init(plan: summary.plan)).plan
            let cycle = try await snapshot.read(Kinerja.ShowCycle.self, .init(cycle: summary.cycle)).cycle
            let changes = try await snapshot.read(Kinerja.History.self, .init(subject: summary.plan, limit: 100_000)).entries.count
            let extensions = cycle.extensions.compactMap(CycleExtension.init)
            let school = position.namaSekolah.map { ", \($0)" } ?? ""
            for item in plan.timeline {
                guard let date = LocalDate(item.due) else { continue }
                let deadline = Step(rawValue: item.step)?.deadlineName ?? item.step
                let moves = extensions.filter { $0.deadline == deadline && ($0.role == nil || $0.role == position.peran) }.count
                let state = item.state == TimelineState.done.rawValue ? " (\(w.timelineState(item.state)))" : ""
                events.append(ICalendar.Event(
                    uid: "\(summary.plan.replacing("/", with: ".")).\(item.step)@\(uidDomain(office))", date: date,
                    summary: "\(w[.deadline]): \(w.step(item.step))\(state)",
                    description: "\(position.nama) · \(w.role(position.peran))\(school)\n\(w(.cycleLabel, cycle.cycle, w.date(cycle.start), w.date(cycle.end)))",
                    sequence: moves + changes))
            }
        }
        let name = positions.first?.nama ?? id
        return ICalendar.calendar(name: "\(office): \(name)", events: events, stamp: stamp)
    }

    /// The office's name as the right-hand side of a UID: letters, digits and dashes.
    static func uidDomain(_ office: String) -> String {
        let slug = office.lowercased().map { $0.isLetter && $0.isASCII || $0.isNumber && $0.isASCII ? String($0) : "-" }.joined()
        let trimmed = slug.split(separator: "-").joined(separator: "-")
        return "kinerja.\(trimmed.isEmpty ? "office" : trimmed)"
    }

    /// DTSTAMP: the instant in UTC, `YYYYMMDDTHHMMSSZ`.
    static func stamp(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970)
        let day = LocalDate(dayNumber: LocalDate(year: 1970, month: 1, day: 1)!.dayNumber + seconds / 86_400)
        let time = seconds % 86_400
        func two(_ n: Int) -> String { String(n).leftPadded(to: 2) }
        return "\(ICalendar.compact(day))T\(two(time / 3600))\(two(time / 60 % 60))\(two(time % 60))Z"
    }
}

/// The feed addresses on the pages.
enum FeedLinks {
    static func office(_ context: PageContext, web: WebEnvironment, origin: String) -> Markup {
        section(context, title: context.words[.officeCalendar], url: web.feeds.map { origin + "/kalender/kantor/\($0.token(for: "kantor")).ics" })
    }

    static func person(_ context: PageContext, web: WebEnvironment, id: String, origin: String) -> Markup {
        section(context, title: context.words[.personCalendar], url: web.feeds.map {
            origin + "/kalender/orang/\(URLText.encode(id))/\($0.token(for: "orang/\(id)")).ics"
        })
    }

    private static func section(_ context: PageContext, title: String, url: String?) -> Markup {
        let w = context.words
        guard let url else { return "<section class=\"feed\"><h2>\(title)</h2><p class=\"muted\">\(w[.calendarOff])</p></section>" }
        let address = w.isEnglish ? url + "?lang=en" : url
        return "<section class=\"feed\"><h2>\(title)</h2><p>\(w[.subscribeHint])</p><p><code>\(address)</code></p></section>"
    }
}
