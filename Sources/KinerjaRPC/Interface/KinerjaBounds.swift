/// Every method's parameters with their bounds (``WireBounds``), in one table: the server
/// checks each call against it before the method's handler runs.
extension Kinerja.GetStatus: VarlinkBoundedMethod { public static let bounds = ParameterBounds.kinerja() }
extension Kinerja.ShowCycle: VarlinkBoundedMethod { public static let bounds = ParameterBounds.kinerja(["cycle": WireBounds.short]) }
extension Kinerja.ListPeople: VarlinkBoundedMethod {
    public static let bounds = ParameterBounds.kinerja([
        "cycle": WireBounds.short, "role": WireBounds.word, "npsn": WireBounds.short, "step": WireBounds.word,
        "overdue": .flag, "blocked": .flag, "includeInactive": .flag,
    ])
}
extension Kinerja.ShowPerson: VarlinkBoundedMethod { public static let bounds = ParameterBounds.kinerja(["id": WireBounds.personID]) }
extension Kinerja.ShowPlan: VarlinkBoundedMethod {
    public static let bounds = ParameterBounds.kinerja([
        "plan": WireBounds.planID, "person": WireBounds.personID, "npsn": WireBounds.short, "cycle": WireBounds.short,
    ])
}
extension Kinerja.History: VarlinkBoundedMethod {
    public static let bounds = ParameterBounds.kinerja(["subject": WireBounds.planID, "limit": WireBounds.historyLimit])
}
extension Kinerja.GetComplianceReport: VarlinkBoundedMethod { public static let bounds = ParameterBounds.kinerja(["cycle": WireBounds.short]) }
extension Kinerja.GetPredikatReport: VarlinkBoundedMethod { public static let bounds = ParameterBounds.kinerja(["cycle": WireBounds.short]) }
extension Kinerja.ImportParameters {
    static let bounds = ParameterBounds.kinerja([
        "content": WireBounds.content, "upload": WireBounds.uploadID, "dryRun": .flag, "skipInvalid": .flag,
        "base64": .flag, "sheet": WireBounds.sheet,
    ])
}
extension Kinerja.ImportRoster: VarlinkBoundedMethod {
    public static let bounds = Kinerja.ImportParameters.bounds.adding(["deactivateMissing": .flag])
}
extension Kinerja.ImportProgress: VarlinkBoundedMethod { public static let bounds = Kinerja.ImportParameters.bounds }
extension Kinerja.ImportOfficials: VarlinkBoundedMethod { public static let bounds = Kinerja.ImportParameters.bounds }
extension Kinerja.ListOfficials: VarlinkBoundedMethod { public static let bounds = ParameterBounds.kinerja() }
extension Kinerja.UploadBegin: VarlinkBoundedMethod { public static let bounds = ParameterBounds.kinerja() }
extension Kinerja.UploadChunk: VarlinkBoundedMethod {
    public static let bounds = ParameterBounds.kinerja(["upload": WireBounds.uploadID, "chunk": .text(maxBytes: WireBounds.maxChunkBytes)])
}
extension Kinerja.Transition: VarlinkBoundedMethod {
    public static let bounds = ParameterBounds.kinerja([
        "plan": WireBounds.planID, "person": WireBounds.personID, "npsn": WireBounds.short, "cycle": WireBounds.short,
        "action": WireBounds.word, "step": WireBounds.word, "date": WireBounds.short, "cause": WireBounds.word,
        "note": WireBounds.note, "details": WireBounds.details,
    ])
}
extension Kinerja.Backup: VarlinkBoundedMethod { public static let bounds = ParameterBounds.kinerja() }
extension Kinerja.ReadBackup: VarlinkBoundedMethod { public static let bounds = ParameterBounds.kinerja(["name": WireBounds.fileName]) }
extension Kinerja.ListReminders: VarlinkBoundedMethod {
    public static let bounds = ParameterBounds.kinerja([
        "state": WireBounds.word, "person": WireBounds.personID, "since": WireBounds.short, "until": WireBounds.short,
        "limit": WireBounds.listLimit,
    ])
}
extension Kinerja.PreviewReminders: VarlinkBoundedMethod {
    public static let bounds = ParameterBounds.kinerja(
        ["from": WireBounds.short, "to": WireBounds.short, "person": WireBounds.personID],
        span: .init(from: "from", to: "to", maxDays: WireBounds.previewDays, narrowedBy: "person", narrowedDays: WireBounds.personPreviewDays))
}
extension Kinerja.WatchReminders: VarlinkBoundedMethod { public static let bounds = ParameterBounds.kinerja() }
extension Kinerja.AckReminder: VarlinkBoundedMethod { public static let bounds = ParameterBounds.kinerja(["id": WireBounds.reminderID]) }
extension Kinerja.AddSilence: VarlinkBoundedMethod {
    public static let bounds = ParameterBounds.kinerja([
        "person": WireBounds.personID, "npsn": WireBounds.short, "until": WireBounds.short, "reason": WireBounds.note,
    ])
}
extension Kinerja.ListSilences: VarlinkBoundedMethod { public static let bounds = ParameterBounds.kinerja(["all": .flag]) }
extension Kinerja.RemoveSilence: VarlinkBoundedMethod {
    public static let bounds = ParameterBounds.kinerja(["id": .integer(1...ParameterBound.maxSafeInteger)])
}
extension Kinerja.ListHooks: VarlinkBoundedMethod { public static let bounds = ParameterBounds.kinerja() }
extension Kinerja.ListDeliveries: VarlinkBoundedMethod {
    public static let bounds = ParameterBounds.kinerja(["state": WireBounds.word, "limit": WireBounds.listLimit])
}
extension Kinerja.TestHook: VarlinkBoundedMethod { public static let bounds = ParameterBounds.kinerja(["name": WireBounds.fileName]) }
extension Kinerja.GetDataVersion: VarlinkBoundedMethod { public static let bounds = ParameterBounds.kinerja() }
extension Kinerja.ShowProgress: VarlinkBoundedMethod {
    public static let bounds = ParameterBounds.kinerja(["cycle": WireBounds.short, "behind": .integer(0...1000)])
}
extension Kinerja.ListSchools: VarlinkBoundedMethod {
    public static let bounds = ParameterBounds.kinerja(["cycle": WireBounds.short, "npsn": WireBounds.short])
}

extension VarlinkService.GetInfo: VarlinkBoundedMethod { public static let bounds = ParameterBounds.none }
extension VarlinkService.GetInterfaceDescription: VarlinkBoundedMethod {
    /// An interface name is at most 255 bytes (Varlink's reverse-domain names are far shorter).
    public static let bounds = ParameterBounds(["interface": .text(maxBytes: 255)])
}

extension Kinerja {
    /// Every method of `id.kinerja.Kinerja`, for the checks that every one is served,
    /// bounded and documented.
    public static let methods: [any VarlinkBoundedMethod.Type] = [
        GetStatus.self, ShowCycle.self, ListPeople.self, ShowPerson.self, ShowPlan.self, History.self,
        GetComplianceReport.self, GetPredikatReport.self, ImportRoster.self, ImportProgress.self, ImportOfficials.self, ListOfficials.self, UploadBegin.self, UploadChunk.self,
        Transition.self, Backup.self, ReadBackup.self, ListReminders.self, PreviewReminders.self, WatchReminders.self,
        AckReminder.self, AddSilence.self, ListSilences.self, RemoveSilence.self, ListHooks.self, ListDeliveries.self,
        TestHook.self, GetDataVersion.self, ShowProgress.self, ListSchools.self,
        RecordPrecondition.self, ImportPreconditions.self, ListPreconditions.self,
    ]
}

extension ParameterBounds {
    /// A method's bounds with the caller's `language`, which every method of
    /// `id.kinerja.Kinerja` takes ("id" or "en"; the interface's header states its bound).
    static func kinerja(_ parameters: [String: ParameterBound] = [:], span: DaySpan? = nil) -> ParameterBounds {
        ParameterBounds(parameters.merging(["language": WireBounds.short]) { own, _ in own }, span: span, shared: ["language"])
    }

    /// These bounds and more parameters'.
    func adding(_ more: [String: ParameterBound]) -> ParameterBounds {
        var bounds = self
        bounds.parameters.merge(more) { own, _ in own }
        return bounds
    }
}
