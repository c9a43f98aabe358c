import Foundation
import KinerjaCore
import KinerjaRPC
import KinerjaRPCServer
import KinerjaStore
import NIOPosix

/// Binds the methods of `id.kinerja.Kinerja` to the office's operations: the RPC edge. It
/// checks on each change that the caller may change data (reads are open to whoever can
/// connect), and it alone turns the office's refusals into the interface's named errors, in
/// the caller's language (`WireErrors`, `CallLanguage`). Every operation that touches the store runs off the
/// connection's event loop (`registerAsync`); the rest answer at once on the event loop.
enum Routes {
    static func router(
        office: Office, authorizer: Authorizer, version: String, hooks: HookDirectory, feed: ReminderFeed,
        maxReplyBytes: Int = 16 << 20
    ) -> VarlinkRouter {
        var router = VarlinkRouter(
            vendor: "Kinerja", product: "kinerjad", version: version, url: "https://github.com/kinerja/kinerja",
            errorMapper: { error, context in
                if let mapped = WireErrors.varlink(error, language: office.language) { return mapped }
                context.logger.error("call failed", metadata: ["KINERJA_METHOD": "\(context.method)", "error": "\(error)"])
                return VarlinkError(name: KinerjaError.internalError, parameters: ["message": .string("\(error)")])
            })
        // The largest reply of a listing called without more (the IDL's 16 MiB; a test lowers it).
        router.maxReplyBytes = maxReplyBytes
        router.addInterface(name: KinerjaInterface.name, description: KinerjaInterface.description)
        let uploads = UploadStore()

        /// Runs `body` in the language the call's `parameters` ask for (`CallLanguage`),
        /// turning the office's refusals into the interface's errors worded in it.
        @Sendable func edge<P, T>(_ parameters: P, _ body: () async throws -> T) async throws -> T {
            let asked = try CallLanguage.asked(by: parameters, office: office.language)
            return try await CallLanguage.$current.withValue(asked) {
                do {
                    return try await body()
                } catch {
                    throw WireErrors.varlink(error, language: office.language) ?? error
                }
            }
        }

        @Sendable func edge<P, T>(_ parameters: P, _ body: () throws -> T) throws -> T {
            let asked = try CallLanguage.asked(by: parameters, office: office.language)
            return try CallLanguage.$current.withValue(asked) {
                do {
                    return try body()
                } catch {
                    throw WireErrors.varlink(error, language: office.language) ?? error
                }
            }
        }

        /// The caller of a change, or PermissionDenied.
        @Sendable func changer(_ context: VarlinkCallContext) throws -> AuditActor {
            let peer = context.peer
            guard peer.isKnown, authorizer.mayChange(uid: peer.uid, gid: peer.gid) else {
                context.logger.notice("change refused", metadata: ["KINERJA_METHOD": "\(context.method)", "KINERJA_UID": "\(peer.uid)"])
                throw VarlinkError.permissionDenied
            }
            return AuditActor(uid: peer.uid, user: Authorizer.userName(uid: peer.uid) ?? "uid \(peer.uid)")
        }

        router.register(
            Kinerja.GetStatus.self,
            answerNowRepeating: { _, _ in office.statusIfKept(version: version).map { .init(status: $0) } },
            otherwise: { p, _ in try await edge(p) { .init(status: try await office.status(version: version)) } })
        router.registerAsync(Kinerja.ShowCycle.self) { p, _ in try await edge(p) { .init(cycle: try await office.cycleInfoWithPreconditions(p.cycle)) } }
        router.registerList(Kinerja.ListPeople.self, key: "people", of: PositionSummary.self) { p, _, emit in
            try await edge(p) { try await office.listPeople(p, emit: { try await emit.encoded([$0]) }) }
        }
        router.registerAsync(Kinerja.ShowPerson.self) { p, _ in try await edge(p) { .init(positions: try await office.showPerson(p.id)) } }
        router.registerAsync(Kinerja.ShowPlan.self) { p, _ in
            try await edge(p) { .init(plan: try await office.showPlan(plan: p.plan, person: p.person, npsn: p.npsn, cycle: p.cycle)) }
        }
        router.registerPieces(Kinerja.History.self) { p, context in
            let entries = try await edge(p) { try await office.history(subject: p.subject, limit: p.limit) }
            return .list(entries, for: context) { entries, _ in Kinerja.History.Result(entries: Array(entries)) }
        }
        router.registerPieces(Kinerja.GetComplianceReport.self) { p, context in
            // Every piece has the cycle and its day; the first the steps, roles, choices and
            // advised count; the schools run through all.
            let report = try await edge(p) { try await office.compliance(p.cycle) }
            return .list(report.schools, for: context) { schools, index in
                Kinerja.GetComplianceReport.Result(report: ComplianceReport(
                    cycle: report.cycle, asOf: report.asOf, steps: index == 0 ? report.steps : [], schools: Array(schools),
                    roles: index == 0 ? report.roles : [], choices: index == 0 ? report.choices : [], advised: index == 0 ? report.advised : 0,
                    preconditions: index == 0 ? report.preconditions : nil))
            }
        }
        // The dashboard's reads (Office+Dashboard.swift).
        router.registerImmediate(Kinerja.GetDataVersion.self) { _, _ in office.dataVersion() }
        router.registerAsync(Kinerja.ShowProgress.self) { p, _ in try await edge(p) { .init(progress: try await office.progress(p)) } }
        router.registerPieces(Kinerja.ListSchools.self) { p, context in
            .list(try await edge(p) { try await office.schools(p) }, for: context) { schools, _ in Kinerja.ListSchools.Result(schools: Array(schools)) }
        }
        /// The file of an import: given inline, or uploaded in pieces before.
        @Sendable func file(_ p: Kinerja.ImportParameters, _ context: VarlinkCallContext) throws -> ImportFile {
            let text: String
            switch (p.content, p.upload) {
            case (let content?, nil): text = content
            case (nil, let id?): text = try uploads.take(id, owner: context.peer.uid)
            default: throw WireToCore.invalid(
                "content", id: "berikan berkas sebagai content atau id unggahan, salah satunya saja",
                en: "give the file as content, or the id of an upload, not both or neither")
            }
            return try ImportFile(wire: text, base64: p.base64 == true, sheet: p.sheet)
        }
        router.registerAsync(Kinerja.ImportRoster.self) { p, context in
            let actor = try changer(context)
            return try await edge(p) {
                .init(result: try await office.importRoster(
                    try file(p, context), dryRun: p.dryRun == true, skipInvalid: p.skipInvalid == true,
                    deactivateMissing: p.deactivateMissing == true, actor: actor))
            }
        }
        router.registerAsync(Kinerja.ImportOfficials.self) { p, context in
            let actor = try changer(context)
            return try await edge(p) {
                .init(result: try await office.importOfficials(
                    try file(p, context), dryRun: p.dryRun == true, skipInvalid: p.skipInvalid == true, actor: actor))
            }
        }
        router.registerAsync(Kinerja.GetPredikatReport.self) { p, _ in
            try await edge(p) { .init(report: try await office.predikatReport(p.cycle)) }
        }
        router.registerAsync(Kinerja.RecordPrecondition.self) { p, context in
            let actor = try changer(context)
            return try await edge(p) { .init(result: try await office.recordPrecondition(p, actor: actor)) }
        }
        router.registerAsync(Kinerja.ImportPreconditions.self) { p, context in
            let actor = try changer(context)
            return try await edge(p) {
                .init(result: try await office.importPreconditions(
                    try file(p, context), dryRun: p.dryRun == true, skipInvalid: p.skipInvalid == true, actor: actor))
            }
        }
        router.registerAsync(Kinerja.ListPreconditions.self) { p, _ in
            try await edge(p) { try await office.listPreconditions(cycle: p.cycle, missing: p.missing == true) }
        }
        router.registerAsync(Kinerja.ListOfficials.self) { p, _ in
            try await edge(p) {
                .init(officials: try await office.store.officials().map {
                    OfficialItem(id: $0.id.rawValue, nama: $0.nama, jabatan: $0.jabatan, email: $0.email, telepon: $0.telepon)
                })
            }
        }
        router.registerAsync(Kinerja.ImportProgress.self) { p, context in
            let actor = try changer(context)
            return try await edge(p) {
                .init(result: try await office.importProgress(
                    try file(p, context), dryRun: p.dryRun == true, skipInvalid: p.skipInvalid == true, actor: actor))
            }
        }
        router.registerImmediate(Kinerja.UploadBegin.self) { p, context in
            _ = try changer(context)
            return try edge(p) { .init(upload: try uploads.begin(owner: context.peer.uid, now: office.clock.now())) }
        }
        router.registerImmediate(Kinerja.UploadChunk.self) { p, context in
            _ = try changer(context)
            return try edge(p) { .init(bytes: try uploads.append(p.upload, chunk: p.chunk, owner: context.peer.uid, now: office.clock.now())) }
        }
        router.registerAsync(Kinerja.Transition.self) { p, context in
            let actor = try changer(context)
            return try await edge(p) { .init(plan: try await office.transition(p, actor: actor)) }
        }
        router.registerAsync(Kinerja.Backup.self) { p, context in
            _ = try changer(context)
            return try await edge(p) { .init(backup: try await office.backup()) }
        }
        let pool = router.blockingPool
        router.registerStream(Kinerja.ReadBackup.self) { p, context, writer in
            _ = try changer(context)
            return try await streamBackup(try edge(p) { try office.backups.open(named: p.name) }, pool: pool, writer: writer)
        }
        router.registerAsync(Kinerja.ListReminders.self) { p, _ in try await edge(p) { .init(reminders: try await office.listReminders(p)) } }
        router.registerList(Kinerja.PreviewReminders.self, key: "reminders", of: ReminderItem.self) { p, _, emit in
            try await edge(p) { try await office.previewReminders(p, emit: { try await emit.encoded($0) }) }
        }
        router.registerStream(Kinerja.WatchReminders.self) { _, _, writer in
            let (id, stream) = feed.subscribe()
            defer { feed.unsubscribe(id) }
            for await item in stream { try await writer.send(.init(reminder: item)) }
            throw CancellationError()
        }
        router.registerAsync(Kinerja.AckReminder.self) { p, context in
            let actor = try changer(context)
            try await edge(p) { try await office.acknowledge(p.id, actor: actor) }
            return Empty()
        }
        router.registerAsync(Kinerja.AddSilence.self) { p, context in
            let actor = try changer(context)
            return try await edge(p) { .init(silence: try await office.addSilence(p, actor: actor)) }
        }
        router.registerPieces(Kinerja.ListSilences.self) { p, context in
            .list(try await edge(p) { try await office.listSilences(all: p.all == true) }, for: context) { silences, _ in
                Kinerja.ListSilences.Result(silences: Array(silences))
            }
        }
        router.registerAsync(Kinerja.RemoveSilence.self) { p, context in
            let actor = try changer(context)
            return try await edge(p) { .init(silence: try await office.removeSilence(p.id, actor: actor)) }
        }
        router.registerBlocking(Kinerja.ListHooks.self) { p, _ in
            try edge(p) {
                .init(hooks: try hooks.entries().map { HookItem(name: $0.name, path: $0.path, executable: $0.executable, skipped: $0.skipped?.message(in: office.language)) })
            }
        }
        router.registerAsync(Kinerja.ListDeliveries.self) { p, _ in try await edge(p) { .init(deliveries: try await office.deliveries(p)) } }
        router.register(Kinerja.TestHook.self) { p, context in
            _ = try changer(context)
            return try await edge(p) { .init(result: try await office.testHook(p.name, hooks: hooks)) }
        }
        return router
    }

    /// Sends a backup file in base64 chunks well under the 1 MiB message limit; the last
    /// chunk is the final reply.
    /// The file is read on `pool`: the stream itself runs on the connection's event loop.
    static func streamBackup(
        _ handle: FileHandle, pool: NIOThreadPool, writer: VarlinkStreamWriter<Kinerja.ReadBackup.Result>
    ) async throws -> Kinerja.ReadBackup.Result {
        defer { try? handle.close() }
        let size = Int(try handle.seekToEnd())
        try handle.seek(toOffset: 0)
        var offset = 0
        let read: @Sendable () throws -> Data = { try handle.read(upToCount: 256 * 1024) ?? Data() }
        var chunk = try await pool.runIfActive(read)
        while true {
            let next = try await pool.runIfActive(read)
            let reply = Kinerja.ReadBackup.Result(chunk: chunk.base64EncodedString(), offset: offset, bytes: size)
            if next.isEmpty { return reply }
            try await writer.send(reply)
            offset += chunk.count
            chunk = next
        }
    }
}
