import Foundation
import KinerjaRPC
import KinerjaRPCServer
import KinerjaStore
import NIOPosix

/// Binds the methods of `id.kinerja.Kinerja` to the office's operations, checking on each
/// change that the caller may change data (reads are open to whoever can connect). Every
/// operation that touches the store or a file is registered blocking (it runs on the router's
/// thread pool); the rest answer at once on the connection's event loop, TestHook (which waits
/// for the hook's process) in a task there.
enum Routes {
    static func router(office: Office, authorizer: Authorizer, version: String, hooks: HookDirectory, feed: ReminderFeed) -> VarlinkRouter {
        var router = VarlinkRouter(
            vendor: "Kinerja", product: "kinerjad", version: version, url: "https://github.com/kinerja/kinerja",
            errorMapper: { error, context in
                context.logger.error("call failed", metadata: ["KINERJA_METHOD": "\(context.method)", "error": "\(error)"])
                return VarlinkError(name: KinerjaError.internalError, parameters: ["message": .string("\(error)")])
            })
        router.addInterface(name: KinerjaInterface.name, description: KinerjaInterface.description)
        let uploads = UploadStore()

        /// The caller of a change, or PermissionDenied.
        @Sendable func changer(_ context: VarlinkCallContext) throws -> AuditActor {
            let peer = context.peer
            guard peer.isKnown, authorizer.mayChange(uid: peer.uid, gid: peer.gid) else {
                context.logger.notice("change refused", metadata: ["KINERJA_METHOD": "\(context.method)", "KINERJA_UID": "\(peer.uid)"])
                throw VarlinkError.permissionDenied
            }
            return AuditActor(uid: peer.uid, user: Authorizer.userName(uid: peer.uid) ?? "uid \(peer.uid)")
        }

        let pool = router.blockingPool
        router.register(
            Kinerja.GetStatus.self,
            answerNowRepeating: { _, _ in office.statusIfKept(version: version).map { .init(status: $0) } },
            otherwise: { _, _ in .init(status: try await pool.runIfActive { try office.status(version: version) }) })
        router.registerImmediate(Kinerja.ShowCycle.self) { p, _ in .init(cycle: try office.cycleInfo(p.cycle)) }
        router.registerBlockingPieces(Kinerja.ListPeople.self) { p, context in
            .list(try office.listPeople(p), for: context) { people, _ in Kinerja.ListPeople.Result(people: Array(people)) }
        }
        router.registerBlocking(Kinerja.ShowPerson.self) { p, _ in .init(positions: try office.showPerson(p.id)) }
        router.registerBlocking(Kinerja.ShowPlan.self) { p, _ in
            .init(plan: try office.showPlan(plan: p.plan, person: p.person, npsn: p.npsn, cycle: p.cycle))
        }
        router.registerBlockingPieces(Kinerja.History.self) { p, context in
            .list(try office.history(subject: p.subject, limit: p.limit), for: context) { entries, _ in Kinerja.History.Result(entries: Array(entries)) }
        }
        router.registerBlockingPieces(Kinerja.GetComplianceReport.self) { p, context in
            // Every piece has the cycle and its day; the first the steps and roles; the schools run through all.
            let report = try office.compliance(p.cycle)
            return .list(report.schools, for: context) { schools, index in
                Kinerja.GetComplianceReport.Result(report: ComplianceReport(
                    cycle: report.cycle, asOf: report.asOf, steps: index == 0 ? report.steps : [], schools: Array(schools),
                    roles: index == 0 ? report.roles : []))
            }
        }
        // The dashboard's reads (Office+Dashboard.swift).
        router.registerImmediate(Kinerja.GetDataVersion.self) { _, _ in office.dataVersion() }
        router.registerBlocking(Kinerja.ShowProgress.self) { p, _ in .init(progress: try office.progress(p)) }
        router.registerBlockingPieces(Kinerja.ListSchools.self) { p, context in
            .list(try office.schools(p), for: context) { schools, _ in Kinerja.ListSchools.Result(schools: Array(schools)) }
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
        router.registerBlocking(Kinerja.ImportRoster.self) { p, context in
            let actor = try changer(context)
            return .init(result: try office.importRoster(
                try file(p, context), dryRun: p.dryRun == true, skipInvalid: p.skipInvalid == true, actor: actor))
        }
        router.registerBlocking(Kinerja.ImportProgress.self) { p, context in
            let actor = try changer(context)
            return .init(result: try office.importProgress(
                try file(p, context), dryRun: p.dryRun == true, skipInvalid: p.skipInvalid == true, actor: actor))
        }
        router.registerImmediate(Kinerja.UploadBegin.self) { _, context in
            _ = try changer(context)
            return .init(upload: try uploads.begin(owner: context.peer.uid, now: office.clock.now()))
        }
        router.registerImmediate(Kinerja.UploadChunk.self) { p, context in
            _ = try changer(context)
            return .init(bytes: try uploads.append(p.upload, chunk: p.chunk, owner: context.peer.uid, now: office.clock.now()))
        }
        router.registerBlocking(Kinerja.Transition.self) { p, context in
            .init(plan: try office.transition(p, actor: try changer(context)))
        }
        router.registerBlocking(Kinerja.Backup.self) { _, context in
            _ = try changer(context)
            return .init(backup: try office.backup())
        }
        router.registerStream(Kinerja.ReadBackup.self) { p, context, writer in
            _ = try changer(context)
            return try await streamBackup(try office.backups.open(named: p.name), pool: pool, writer: writer)
        }
        router.registerBlocking(Kinerja.ListReminders.self) { p, _ in .init(reminders: try office.listReminders(p)) }
        router.registerBlockingPieces(Kinerja.PreviewReminders.self) { p, context in
            .slices(try office.previewReminders(p), for: context) { reminders, _, bytes in Office.writePreview(reminders, into: &bytes) }
        }
        router.registerStream(Kinerja.WatchReminders.self) { _, _, writer in
            let (id, stream) = feed.subscribe()
            defer { feed.unsubscribe(id) }
            for await item in stream { try await writer.send(.init(reminder: item)) }
            throw CancellationError()
        }
        router.registerBlocking(Kinerja.AckReminder.self) { p, context in
            try office.acknowledge(p.id, actor: try changer(context))
            return Empty()
        }
        router.registerBlocking(Kinerja.AddSilence.self) { p, context in .init(silence: try office.addSilence(p, actor: try changer(context))) }
        router.registerBlockingPieces(Kinerja.ListSilences.self) { p, context in
            .list(try office.listSilences(all: p.all == true), for: context) { silences, _ in Kinerja.ListSilences.Result(silences: Array(silences)) }
        }
        router.registerBlocking(Kinerja.RemoveSilence.self) { p, context in .init(silence: try office.removeSilence(p.id, actor: try changer(context))) }
        router.registerBlocking(Kinerja.ListHooks.self) { _, _ in
            .init(hooks: try hooks.entries().map { HookItem(name: $0.name, path: $0.path, executable: $0.executable, skipped: $0.skipped) })
        }
        router.registerBlocking(Kinerja.ListDeliveries.self) { p, _ in .init(deliveries: try office.deliveries(p)) }
        router.register(Kinerja.TestHook.self) { p, context in
            _ = try changer(context)
            return .init(result: try await office.testHook(p.name, hooks: hooks))
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
