import Foundation
import KinerjaCore
import KinerjaRPC
import KinerjaStore

/// Reminder operations: listing, previewing without firing, silences, acknowledgements.
extension Office {
    func listReminders(_ p: Kinerja.ListReminders.Parameters) throws -> [ReminderItem] {
        var state: ReminderState? = nil
        if let text = p.state {
            guard let s = ReminderState(rawValue: text) else {
                throw WireToCore.invalid(
                    "state", id: "'\(text)' bukan keadaan pengingat; gunakan fired, missed atau silenced",
                    en: "'\(text)' is not a reminder state; use fired, missed or silenced")
            }
            state = s
        }
        let today = today()
        let since = try p.since.map { try WireToCore.date($0, field: "since", default: today) }
        let until = try p.until.map { try WireToCore.date($0, field: "until", default: today) }
        if let since, let until, until < since {
            throw WireToCore.invalid("until", id: "akhir \(until) lebih awal dari awal \(since)", en: "the end \(until) is before the start \(since)")
        }
        let query = ReminderQuery(
            state: state, planID: nil, personID: p.person, since: since.map { calendar.instant($0) },
            until: until.map { calendar.endOfDay($0) }, limit: p.limit ?? 200)
        return try store.reminders(matching: query).map { ReminderItems.item($0, calendar: calendar) }
    }

    /// Every occurrence that would fire between two local dates, planned by the agenda
    /// the scheduler fires from (`Office+Agenda`), without recording or sending anything,
    /// each as its `ReminderItem`'s JSON, in fire order. A silenced or acknowledged
    /// occurrence is listed with that state instead of `planned`. Plans unchanged since the
    /// last preview of the same window reuse the reminders kept for them (`KeptPreview`).
    func previewReminders(_ p: Kinerja.PreviewReminders.Parameters) throws -> [KeptPreview.Reminder] {
        let today = today()
        let from = try WireToCore.date(p.from, field: "from", default: today)
        let to = try WireToCore.date(p.to, field: "to", default: today)
        guard from <= to else { throw WireToCore.invalid("to", id: "akhir \(to) lebih awal dari awal \(from)", en: "the end \(to) is before the start \(from)") }
        let (settings, settingsVersion) = versionedSettings
        let calendar = settings.config.calendar
        let language = settings.config.language
        _ = try rules(for: CycleID(containing: from), in: settings)
        let rosterVersion = store.rosterVersion
        // Recipients' names need everyone, the plans only `p.person`'s.
        let roster = try keptPreview.roster(version: rosterVersion) {
            KeptPreview.Roster(try store.positionsWithPeople(matching: PositionQuery(activeOnly: true)))
        }
        let agenda = try agenda(in: settings)
        let plans = try agendaPlans(
            from: from, through: to, person: p.person.map { PersonID(trusted: $0) }, positions: roster.positions.keys, settings: settings,
            today: today)
        let start = calendar.instant(from).addingTimeInterval(-1)
        let end = calendar.endOfDay(to).addingTimeInterval(-1)
        let window = KeptPreview.Window(
            start: start, end: end, settingsVersion: settingsVersion, rosterVersion: rosterVersion,
            suppressions: agenda.suppressions.hashValue)
        let schedules = plans.schedules
        return keptPreview.reminders(of: plans.plans, in: window) { plan in
            guard let (person, position) = roster.positions[plan.id.position], let schedule = schedules[plan.id.cycle] else { return [] }
            return agenda.items(of: plan, position: position, schedule: schedule, from: start, through: end).map { item in
                let o = item.occurrence
                let message = ReminderText.message(
                    o, personName: person.nama, schoolName: position.namaSekolah, recipientName: o.recipientID.flatMap { roster.names[$0] },
                    language: language)
                let wire = ReminderItems.item(o, suppression: item.suppression, message: message, calendar: calendar)
                return KeptPreview.Reminder(fireAt: o.fireAt, id: wire.id, json: wire.jsonObject)
            }
        }
    }

    /// The JSON object of `PreviewReminders.Result` holding `reminders`, written after `bytes`.
    static func writePreview(_ reminders: ArraySlice<KeptPreview.Reminder>, into bytes: inout [UInt8]) {
        bytes.append(contentsOf: #"{"reminders":["#.utf8)
        bytes.reserveCapacity(bytes.count + reminders.reduce(0) { $0 + $1.json.count + 1 } + 2)
        for (index, reminder) in reminders.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(contentsOf: reminder.json)
        }
        bytes.append(contentsOf: "]}".utf8)
    }

    /// Acknowledges the deadline of a reminder id as `reminders list` or `reminders
    /// preview` prints it (fired or still to come): the plan's position must be in the roster.
    func acknowledge(_ id: String, actor: AuditActor) throws {
        guard let key = AcknowledgementKey(occurrenceID: id), let plan = key.plan, try store.position(plan.position) != nil else {
            throw WireToCore.invalid(
                "id", id: "'\(id)' bukan id pengingat yang dikenal; salin id dari kinerjactl reminders preview atau reminders list",
                en: "'\(id)' is not a known reminder id; copy one from kinerjactl reminders preview or reminders list")
        }
        _ = try writing { try store.transaction { tx in try tx.acknowledge(reminderID: id, actor: actor, at: clock.now()) } }
        changed.poke()
    }

    func addSilence(_ p: Kinerja.AddSilence.Parameters, actor: AuditActor) throws -> SilenceItem {
        guard (p.person == nil) != (p.npsn == nil) else {
            throw WireToCore.invalid("person", id: "berikan id orang atau npsn, salah satunya", en: "give a person id or an npsn, one of them")
        }
        let until = try WireToCore.date(p.until, field: "until", default: today())
        let npsn = try WireToCore.npsn(p.npsn)
        if let person = p.person, try store.person(PersonID(trusted: person)) == nil {
            throw VarlinkError(name: KinerjaError.noSuchPerson, parameters: ["id": .string(person)])
        }
        guard !p.reason.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw WireToCore.invalid(
                "reason", id: "jeda pengingat memerlukan alasan, agar orang lain tahu mengapa pengingat berhenti",
                en: "a silence needs a reason, so that others know why reminders stopped")
        }
        let silence = try writing {
            try store.transaction { tx in
                try tx.addSilence(personID: p.person, npsn: npsn?.rawValue, until: until.description, reason: p.reason, actor: actor, at: clock.now())
            }
        }
        changed.poke()
        return silenceItem(silence)
    }

    func listSilences(all: Bool) throws -> [SilenceItem] {
        try store.silences(activeOn: all ? nil : today().description, includeRemoved: all).map(silenceItem)
    }

    func removeSilence(_ id: Int, actor: AuditActor) throws -> SilenceItem {
        guard let silence = try writing({ try store.transaction { tx in try tx.removeSilence(id: Int64(id), actor: actor, at: clock.now()) } }) else {
            throw VarlinkError(name: KinerjaError.noSuchSilence, parameters: ["id": .int(Int64(id))])
        }
        changed.poke()
        return silenceItem(silence)
    }

    func silenceItem(_ s: Silence) -> SilenceItem {
        SilenceItem(
            id: Int(s.id), person: s.personID, npsn: s.npsn, until: s.until, reason: s.reason,
            createdAt: CoreToWire.timestamp(s.createdAt, in: calendar), createdBy: s.createdBy.user,
            removedAt: s.removedAt.map { CoreToWire.timestamp($0, in: calendar) })
    }

    func deliveries(_ p: Kinerja.ListDeliveries.Parameters) throws -> [DeliveryItem] {
        var state: DeliveryState? = nil
        if let text = p.state {
            guard let s = DeliveryState(rawValue: text) else {
                throw WireToCore.invalid(
                    "state", id: "'\(text)' bukan keadaan pengiriman; gunakan pending, retrying, delivered atau failed",
                    en: "'\(text)' is not a delivery state; use pending, retrying, delivered or failed")
            }
            state = s
        }
        return try store.deliveries(matching: DeliveryQuery(state: state, reminderID: nil, limit: p.limit ?? 200)).map {
            DeliveryItem(
                reminder: $0.reminderID, hook: $0.hook, state: $0.state.rawValue, attempts: $0.attempts,
                nextAttemptAt: $0.nextAttemptAt.map { CoreToWire.timestamp($0, in: calendar) }, lastExitCode: $0.lastExitCode,
                lastError: $0.lastError)
        }
    }

    /// The event a hook receives for a recorded reminder, with names looked up now.
    func hookEvent(for record: ReminderRecord) throws -> HookEvent {
        let person = try store.person(PersonID(trusted: record.personID))
        let plan = PlanID(record.planID)
        let position = try plan.flatMap { try store.position($0.position) }
        let recipient = try record.recipientID.flatMap { try store.person(PersonID(trusted: $0)) }
        let days = LocalDate(record.due).map { ReminderOccurrence.days(due: $0, fireDate: calendar.date(of: record.fireAt)) } ?? 0
        return HookEvent(
            reminder: ReminderItems.item(record, calendar: calendar), personName: person?.nama ?? record.personID,
            role: plan?.position.role.rawValue ?? "", npsn: plan?.position.npsn?.rawValue, schoolName: position?.namaSekolah,
            recipientName: recipient?.nama, days: days, stateDirectory: settings.config.stateDirectory)
    }

    /// The event without lookups, when the store cannot be read: the hook still gets the reminder.
    func bareHookEvent(for record: ReminderRecord) -> HookEvent {
        HookEvent(
            reminder: ReminderItems.item(record, calendar: calendar), personName: record.personID, role: "", npsn: nil, schoolName: nil, recipientName: nil,
            days: 0, stateDirectory: settings.config.stateDirectory)
    }

    /// Runs a hook once with a sample reminder; nothing is recorded.
    func testHook(_ name: String, hooks: HookDirectory) async throws -> HookTestResult {
        guard let entry = try hooks.entry(named: name) else {
            throw VarlinkError(name: KinerjaError.noSuchHook, parameters: ["name": .string(name)])
        }
        if let skipped = entry.skipped {
            throw WireToCore.invalid("name", id: "hook \(name) dilewati: \(skipped)", en: "the hook \(name) is skipped: \(skipped)")
        }
        let sample = ReminderItem(
            id: "test|\(name)", plan: "\(currentCycle())/000000000000000000/ps", person: "000000000000000000", step: "praktik-kinerja",
            kind: "lead", due: currentCycle().endOfMonth(1).description, fireAt: CoreToWire.timestamp(clock.now(), in: calendar),
            recipientRole: "pegawai", recipient: "000000000000000000", state: "test", late: false,
            message: "Uji coba hook Kinerja: pesan ini tidak perlu ditindaklanjuti.")
        let event = HookEvent(reminder: sample, personName: "Uji Coba", role: "pengawas_sekolah", npsn: nil, schoolName: nil, recipientName: "Uji Coba", days: -7,
            stateDirectory: settings.config.stateDirectory)
        let result = await HookProcess.run(path: entry.path, event: event, timeout: .seconds(settings.config.hooks.timeoutSeconds))
        let outcome: HookTestOutcome
        switch result.outcome {
        case .delivered: outcome = .delivered
        case .temporaryFailure: outcome = .retry
        case .failed: outcome = .failed
        case .timedOut: outcome = .timeout
        case .notStarted: outcome = .retry
        }
        return HookTestResult(hook: name, outcome: outcome.rawValue, exitCode: result.exitCode, stderr: result.stderr, milliseconds: result.milliseconds)
    }
}
