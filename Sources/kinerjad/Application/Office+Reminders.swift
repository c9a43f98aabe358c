import Foundation
import KinerjaCore
import KinerjaRPC
import KinerjaStore

/// Reminder operations: listing, previewing without firing, silences, acknowledgements.
extension Office {
    func listReminders(_ p: Kinerja.ListReminders.Parameters) async throws -> [ReminderItem] {
        var state: ReminderState? = nil
        if let text = p.state {
            guard let s = ReminderState(rawValue: text), ReminderState.handled.contains(s) else {
                throw WireToCore.invalid(
                    "state", id: "'\(text)' bukan keadaan pengingat; gunakan fired, missed, silenced atau uncertain",
                    en: "'\(text)' is not a reminder state; use fired, missed, silenced or uncertain")
            }
            state = s
        }
        let today = today()
        let since = try p.since.map { text throws(OfficeError) in try WireToCore.date(text, field: "since", default: today) }
        let until = try p.until.map { text throws(OfficeError) in try WireToCore.date(text, field: "until", default: today) }
        if let since, let until, until < since {
            throw WireToCore.invalid("until", id: "akhir \(until) lebih awal dari awal \(since)", en: "the end \(until) is before the start \(since)")
        }
        let calendar = calendar
        let query = ReminderQuery(
            state: state, planID: nil, personID: p.person, since: since.map { calendar.instant($0) },
            until: until.map { calendar.endOfDay($0) }, limit: p.limit ?? 200)
        // Newest first, each digest's items together, most urgent first.
        let records = ReminderRecord.digests(try await store.reminders(matching: query), calendar: calendar).flatMap { $0 }
        let names = try await directory(of: Set(records.compactMap { $0.recipientID.map(PersonID.init(trusted:)) }))
        return records.map {
            var item = ReminderItems.item($0, calendar: calendar)
            let recipient = names.party(RecipientRole(rawValue: $0.recipientRole) ?? .atasan, $0.recipientID.map(PersonID.init(trusted:)))
            item.recipientNama = recipient.nama
            item.recipientJabatan = recipient.jabatan
            return item
        }
    }

    /// Every occurrence that would fire between two local dates, planned by the agenda the
    /// scheduler fires from (`Office+Agenda`), without recording or sending anything. A
    /// silenced or acknowledged occurrence is listed with that state instead of `planned`.
    func previewReminders(_ p: Kinerja.PreviewReminders.Parameters) async throws -> [ReminderItem] {
        let collected = Collected<[UInt8]>()
        try await previewReminders(p) { collected.add($0) }
        let list = "[" + collected.all.map { String(decoding: $0, as: UTF8.self) }.joined(separator: ",") + "]"
        return try JSONDecoder().decode([ReminderItem].self, from: Data(list.utf8))
    }

    /// The preview's items as their JSON objects (comma-separated runs of them), handed to
    /// `emit` a chunk at a time in fire order. A district's is kept (`PreviewCache`) and brought up to date with the plans
    /// that changed; a country's is computed each time, the plans read a chunk at a time and
    /// only what each message needs kept until all are sorted (its week: 263,000 reminders).
    func previewReminders(_ p: Kinerja.PreviewReminders.Parameters, emit: @Sendable ([[UInt8]]) async throws -> Void) async throws {
        let today = today()
        let from = try WireToCore.date(p.from, field: "from", default: today)
        let to = try WireToCore.date(p.to, field: "to", default: today)
        guard from <= to else { throw WireToCore.invalid("to", id: "akhir \(to) lebih awal dari awal \(from)", en: "the end \(to) is before the start \(from)") }
        let (settings, settingsVersion) = versionedSettings
        _ = try rules(for: CycleID(containing: from), in: settings)
        let person = p.person.map { PersonID(trusted: $0) }
        let window = PreviewWindow(
            from: from, to: to, person: person, settings: settings, today: today, agenda: try await agenda(in: settings), language: language)
        let key = PreviewCache.Key(from: from, to: to, person: person, today: today, settingsVersion: settingsVersion, language: language)
        // Only plans that exist are kept: a cycle that has not begun has plans to come.
        let cycles = settings.config.lifecycle.openCycles(from: from, through: to)
        let keepable = cycles.allSatisfy { $0 <= CycleID(containing: today) }
        var kept: PreviewCache.Kept
        if keepable, let (found, staleness, generation) = previewCache.kept(for: key) {
            kept = found
            if staleness == .plans {
                var changed = Set<PlanID>(), versions: [CycleID: PlanVersions] = [:], known = true
                for cycle in cycles {
                    let (moved, now) = try await store.plansChanged(cycle: cycle, since: kept.versions[cycle])
                    versions[cycle] = now
                    if let moved { changed.formUnion(moved) } else { known = false }
                }
                if let person { changed = changed.filter { $0.position.personID == person } }
                if known {
                    let items = try await window.items(of: try await store.reminderSubjects(plans: changed), office: self)
                    kept.replace(changed, with: items, versions: versions)
                } else {
                    kept = try await previewKept(window, key: key, versions: versions)
                }
                previewCache.keep(kept, readAt: generation)
            }
        } else if keepable, case let generation = previewCache.generation,
                  case let versions = try await planVersions(cycles), versions.values.reduce(0, { $0 + $1.count }) <= PreviewCache.limit {
            kept = try await previewKept(window, key: key, versions: versions)
            previewCache.keep(kept, readAt: generation)
        } else {
            return try await previewLean(window, emit: emit)
        }
        if !kept.joined.isEmpty { try await emit([kept.joined]) }
    }

    /// The versions of the plans of `cycles` now.
    private func planVersions(_ cycles: [CycleID]) async throws -> [CycleID: PlanVersions] {
        var versions: [CycleID: PlanVersions] = [:]
        for cycle in cycles { versions[cycle] = try await store.plansChanged(cycle: cycle, since: nil).now }
        return versions
    }

    /// A preview computed whole, to keep.
    private func previewKept(_ window: PreviewWindow, key: PreviewCache.Key, versions: [CycleID: PlanVersions]) async throws -> PreviewCache.Kept {
        var items: [PlanID: [PreviewCache.Item]] = [:]
        try await forEachAgendaSubjects(
            from: window.from, through: window.to, person: window.person, settings: window.settings, today: window.today
        ) { subjects in
            items.merge(try await window.items(of: subjects, office: self)) { $0 + $1 }
        }
        return PreviewCache.Kept(key: key, versions: versions, items: items)
    }

    /// A preview too large to keep: the plans read a chunk at a time, only what each
    /// message needs kept until all are sorted, the JSON made a chunk at a time as it is sent.
    private func previewLean(_ window: PreviewWindow, emit: @Sendable ([[UInt8]]) async throws -> Void) async throws {
        /// One planned reminder: what the preview sorts by, and what its message needs.
        struct Planned: Sendable {
            let occurrence: ReminderOccurrence
            /// Its place, made once (the id with it): sorting made the id again at every comparison.
            let order: ReminderDigest.Order
            var id: String { order.id }
            let suppression: ReminderSuppression?
            let personName: String
            let schoolName: String?
        }
        let agenda = window.agenda
        var planned: [Planned] = []
        var recipients = Set<PersonID>()
        try await forEachAgendaSubjects(
            from: window.from, through: window.to, person: window.person, settings: window.settings, today: window.today
        ) { subjects in
            planned += ParallelChunks.flatMap(subjects, minimumChunk: 64) { chunk in
                chunk.flatMap { subject in
                    agenda.items(of: subject.plan, position: subject.position, from: window.start, through: window.end).map {
                        Planned(occurrence: $0.occurrence, order: ReminderDigest.Order($0.occurrence, id: $0.occurrence.id), suppression: $0.suppression,
                                personName: subject.personName, schoolName: subject.position.namaSekolah)
                    }
                }
            }
            recipients.formUnion(Office.recipients(of: subjects))
        }
        planned.sort { $0.order < $1.order }
        let names = try await directory(of: recipients)
        var index = 0
        while index < planned.count {
            let piece = planned[index..<min(index + Office.listingChunk, planned.count)]
            try await emit(piece.map { item in
                window.json(item.occurrence, id: item.id, suppression: item.suppression, personName: item.personName,
                            schoolName: item.schoolName, names: names)
            })
            index += Office.listingChunk
        }
    }

    /// Everyone a reminder of these plans may go to, and their holders.
    static func recipients(of subjects: [ReminderSubject]) -> Set<PersonID> {
        var recipients = Set<PersonID>()
        for subject in subjects {
            if let atasan = subject.position.atasanID { recipients.insert(atasan) }
            if let ppk = subject.position.pejabatPenilaiID { recipients.insert(ppk) }
            recipients.formUnion(subject.position.timKinerja)
            recipients.insert(subject.plan.plan.position.personID)
        }
        return recipients
    }

    /// Acknowledges the deadline of a reminder id as `reminders list` or `reminders
    /// preview` prints it (fired or still to come): the plan's position must be in the roster.
    func acknowledge(_ id: String, actor: AuditActor) async throws {
        guard let key = AcknowledgementKey(occurrenceID: id), let plan = key.plan, try await store.position(plan.position) != nil else {
            throw WireToCore.invalid(
                "id", id: "'\(id)' bukan id pengingat yang dikenal; salin id dari kinerjactl reminders preview atau reminders list",
                en: "'\(id)' is not a known reminder id; copy one from kinerjactl reminders preview or reminders list")
        }
        _ = try await writing { try await store.acknowledge(reminderID: id, actor: actor, at: clock.now()) }
    }

    func addSilence(_ p: Kinerja.AddSilence.Parameters, actor: AuditActor) async throws -> SilenceItem {
        guard (p.person == nil) != (p.npsn == nil) else {
            throw WireToCore.invalid("person", id: "berikan id orang atau npsn, salah satunya", en: "give a person id or an npsn, one of them")
        }
        let until = try WireToCore.date(p.until, field: "until", default: today())
        let npsn = try WireToCore.npsn(p.npsn)
        if let person = p.person, try await store.person(PersonID(trusted: person)) == nil {
            throw OfficeError.position(.noSuchPerson(PersonID(trusted: person)))
        }
        guard !p.reason.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw WireToCore.invalid(
                "reason", id: "jeda pengingat memerlukan alasan, agar orang lain tahu mengapa pengingat berhenti",
                en: "a silence needs a reason, so that others know why reminders stopped")
        }
        let silence = try await writing {
            try await store.addSilence(personID: p.person, npsn: npsn?.rawValue, until: until.description, reason: p.reason, actor: actor, at: clock.now())
        }
        return silenceItem(silence)
    }

    func listSilences(all: Bool) async throws -> [SilenceItem] {
        try await store.silences(activeOn: all ? nil : today().description, includeRemoved: all).map(silenceItem)
    }

    func removeSilence(_ id: Int, actor: AuditActor) async throws -> SilenceItem {
        guard let silence = try await writing({ try await store.removeSilence(id: Int64(id), actor: actor, at: clock.now()) }) else {
            throw OfficeError.noSuchSilence(id)
        }
        return silenceItem(silence)
    }

    func silenceItem(_ s: Silence) -> SilenceItem {
        SilenceItem(
            id: Int(s.id), person: s.personID, npsn: s.npsn, until: s.until, reason: s.reason,
            createdAt: CoreToWire.timestamp(s.createdAt, in: calendar), createdBy: s.createdBy.user,
            removedAt: s.removedAt.map { CoreToWire.timestamp($0, in: calendar) })
    }

    func deliveries(_ p: Kinerja.ListDeliveries.Parameters) async throws -> [DeliveryItem] {
        var state: DeliveryState? = nil
        if let text = p.state {
            guard let s = DeliveryState(rawValue: text) else {
                throw WireToCore.invalid(
                    "state", id: "'\(text)' bukan keadaan pengiriman; gunakan pending, retrying, delivered atau failed",
                    en: "'\(text)' is not a delivery state; use pending, retrying, delivered or failed")
            }
            state = s
        }
        let calendar = calendar
        return try await store.deliveries(matching: DeliveryQuery(state: state, reminderID: nil, limit: p.limit ?? 200)).map {
            DeliveryItem(
                reminder: $0.reminderID, hook: $0.hook, state: $0.state.rawValue, attempts: $0.attempts,
                nextAttemptAt: $0.nextAttemptAt.map { CoreToWire.timestamp($0, in: calendar) }, lastExitCode: $0.lastExitCode,
                lastError: $0.lastError)
        }
    }

    /// The event a hook receives for the most urgent reminder of a digest (the one whose
    /// settle created the delivery), with every item of its digest: the fired reminders to the
    /// same recipient, of the same day, settled in the same pass (`ReminderDigest`).
    func hookEvent(for record: ReminderRecord) async throws -> HookEvent {
        var event = try await hookEvent(item: record)
        let items = try await digestItems(of: record)
        var events: [HookEvent] = []
        for item in items { events.append(item.id == record.id ? event : try await hookEvent(item: item)) }
        event.digest = HookEvent.Digest(
            id: record.digestID(calendar: calendar),
            message: ReminderDigest.message(
                items: events.map(\.reminder.message), recipientName: event.recipient.nama, recipientJabatan: event.recipient.jabatan,
                fireDate: calendar.date(of: record.fireAt),
                language: settings.config.language),
            items: events)
        return event
    }

    /// The items of the digest `record` went out in, most urgent first.
    func digestItems(of record: ReminderRecord) async throws -> [ReminderRecord] {
        guard let recipient = record.recipientID else { return [record] }
        let day = calendar.date(of: record.fireAt)
        let fired = try await store.reminders(matching: ReminderQuery(
            state: .fired, recipientID: recipient, since: calendar.instant(day), until: calendar.endOfDay(day)))
        let together = fired.filter { $0.recordedAt == record.recordedAt }
        return ReminderRecord.digests(together, calendar: calendar).first { $0.contains { $0.id == record.id } } ?? [record]
    }

    /// One reminder's part of a hook event, with names, contacts and the plan's choices
    /// looked up now: the recipient is a person of the roster or an official.
    private func hookEvent(item record: ReminderRecord) async throws -> HookEvent {
        let person = try await store.person(PersonID(trusted: record.personID))
        let plan = PlanID(record.planID)
        var position: Position? = nil
        var choices: [PlanChoiceItem] = []
        if let plan {
            position = try await store.position(plan.position)
            if let stored = try await store.plan(plan), let rules = try? rules(for: plan.cycle) {
                let schools = Set(stored.plan.records.flatMap { ($0.details?.sekolah ?? []) + [$0.details?.sekolahFokus].compactMap { $0 } })
                choices = CoreToWire.choices(of: stored.plan, rules: rules, schoolNames: try await store.schoolNames(schools))
            }
        }
        var recipient = HookEvent.Who(nama: nil)
        if let id = record.recipientID.map(PersonID.init(trusted:)) {
            if let official = try await store.officials([id])[id] {
                recipient = HookEvent.Who(nama: official.nama, jabatan: official.jabatan, email: official.email, telepon: official.telepon)
            } else if let someone = try await store.person(id) {
                recipient = HookEvent.Who(nama: someone.nama, email: someone.email, telepon: someone.telepon)
            }
        } else if record.recipientRole == RecipientRole.officeOperator.rawValue, settings.config.office.tracksPreconditions {
            // The office's operator, as kinerja.toml's [office] names them.
            let office = settings.config.office
            recipient = HookEvent.Who(
                nama: office.operatorName, jabatan: office.operatorJabatan, email: office.operatorEmail.isEmpty ? nil : office.operatorEmail,
                telepon: office.operatorTelepon.isEmpty ? nil : office.operatorTelepon)
        }
        let days = record.days(calendar: calendar)
        return HookEvent(
            reminder: ReminderItems.item(record, calendar: calendar),
            person: HookEvent.Who(nama: person?.nama ?? record.personID, email: person?.email, telepon: person?.telepon),
            role: plan?.position.role.rawValue ?? "", npsn: plan?.position.npsn?.rawValue, schoolName: position?.namaSekolah,
            recipient: recipient, days: days, choices: choices, stateDirectory: settings.config.stateDirectory)
    }

    /// The event without lookups, when the store cannot be read: the hook still gets the reminder.
    func bareHookEvent(for record: ReminderRecord) -> HookEvent {
        HookEvent(
            reminder: ReminderItems.item(record, calendar: calendar), person: HookEvent.Who(nama: record.personID), role: "", npsn: nil,
            schoolName: nil, recipient: HookEvent.Who(nama: nil), days: 0, stateDirectory: settings.config.stateDirectory)
    }

    /// Runs a hook once with a sample reminder; nothing is recorded.
    func testHook(_ name: String, hooks: HookDirectory) async throws -> HookTestResult {
        guard let entry = try hooks.entry(named: name) else { throw OfficeError.noSuchHook(name) }
        if let skipped = entry.skipped {
            throw WireToCore.invalid(
                "name", id: "hook \(name) dilewati: \(skipped.indonesian)", en: "the hook \(name) is skipped: \(skipped.english)")
        }
        let event = Self.testEvent(name, cycle: currentCycle(), due: (try? rules(for: currentCycle()))?.planningDeadline(in: currentCycle(), for: .pengawasSekolah),
                                   at: CoreToWire.timestamp(clock.now(), in: calendar), settings: settings)
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

    /// What `hooks test` sends: a supervisor's lead reminder of Penyusunan with every field a
    /// real one has filled (contacts at reserved addresses, a choice), so that a hook's author
    /// sees each field their hook reads; the message in kinerja.toml's language, as the
    /// reminders are.
    static func testEvent(_ name: String, cycle: CycleID, due: LocalDate?, at fireAt: String, settings: Settings) -> HookEvent {
        let nobody = "000000000000000000"
        let sample = ReminderItem(
            id: "test|\(name)", plan: "\(cycle)/\(nobody)/ps", person: nobody, step: Step.penyusunan.rawValue,
            kind: "lead", due: (due ?? cycle.end).description, fireAt: fireAt,
            recipientRole: "pegawai", recipient: nobody, state: "test", late: false,
            message: settings.config.language.text(
                id: "Uji coba hook Kinerja: pesan ini tidak perlu ditindaklanjuti.", en: "Kinerja hook test: this message needs no action."))
        let who = HookEvent.Who(nama: "Uji Coba", email: "uji.coba@example.invalid", telepon: "080000000000")
        var event = HookEvent(
            reminder: sample, person: who, role: Role.pengawasSekolah.rawValue, npsn: nil, schoolName: nil,
            recipient: who, days: -7, stateDirectory: settings.config.stateDirectory)
        event.choices = [PlanChoiceItem(step: Step.penyusunan.rawValue, choice: "praktik-kinerja", id: "uji-coba", nama: "Uji Coba")]
        return event
    }
}

/// What a preview computes its reminders with: the window as instants, the agenda (with
/// the silences and acknowledgements in force), the office's zone and the caller's words.
struct PreviewWindow: Sendable {
    let from, to: LocalDate
    let person: PersonID?
    let settings: Settings
    let today: LocalDate
    let start, end: Date
    let agenda: ReminderAgenda
    /// The language of the messages: the caller's.
    let language: OfficeLanguage

    init(
        from: LocalDate, to: LocalDate, person: PersonID?, settings: Settings, today: LocalDate, agenda: ReminderAgenda,
        language: OfficeLanguage
    ) {
        self.language = language
        self.from = from
        self.to = to
        self.person = person
        self.settings = settings
        self.today = today
        let calendar = settings.config.calendar
        start = calendar.instant(from).addingTimeInterval(-1)
        end = calendar.endOfDay(to).addingTimeInterval(-1)
        self.agenda = agenda
    }

    /// The reminders of these subjects in the window, by plan, each with its JSON object.
    func items(of subjects: [ReminderSubject], office: Office) async throws -> [PlanID: [PreviewCache.Item]] {
        let names = try await office.directory(of: Office.recipients(of: subjects))
        let window = self
        let pieces = ParallelChunks.flatMap(subjects, minimumChunk: 64) { chunk in
            chunk.map { subject in
                (subject.plan.plan, window.agenda.items(of: subject.plan, position: subject.position, from: window.start, through: window.end).map { item in
                    let o = item.occurrence, id = o.id
                    return PreviewCache.Item(
                        plan: subject.plan.plan, order: ReminderDigest.Order(o, id: id),
                        json: window.json(o, id: id, suppression: item.suppression, personName: subject.personName,
                                          schoolName: subject.position.namaSekolah, names: names))
                })
            }
        }
        var items: [PlanID: [PreviewCache.Item]] = [:]
        for (plan, planned) in pieces where !planned.isEmpty { items[plan, default: []] += planned }
        return items
    }

    /// One reminder's JSON object, its message in the caller's language, its recipient named
    /// by the roster or the officials file.
    func json(
        _ o: ReminderOccurrence, id: String, suppression: ReminderSuppression?, personName: String, schoolName: String?,
        names: PartyDirectory
    ) -> [UInt8] {
        let recipient = names.party(o.recipientRole, o.recipientID)
        let message = ReminderText.message(o, personName: personName, schoolName: schoolName, recipientName: recipient.nama, language: language)
        var item = ReminderItems.item(o, id: id, suppression: suppression, message: message, calendar: settings.config.calendar)
        item.recipientNama = recipient.nama
        item.recipientJabatan = recipient.jabatan
        return item.jsonObject
    }
}
