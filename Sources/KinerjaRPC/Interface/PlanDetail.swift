/// One step of a plan's timeline (IDL type `TimelineItem`).
public struct TimelineItem: Codable, Sendable, Hashable {
    public var step, due: String
    public var startedOn, completedOn: String?
    /// `done`, `current` or `pending`.
    public var state: String
    public var rating, catatan: String?

    public init(step: String, due: String, startedOn: String?, completedOn: String?, state: String, rating: String?, catatan: String?) {
        self.step = step
        self.due = due
        self.startedOn = startedOn
        self.completedOn = completedOn
        self.state = state
        self.rating = rating
        self.catatan = catatan
    }
}

/// A return for revision (IDL type `RevisionItem`).
public struct RevisionItem: Codable, Sendable, Hashable {
    public var by, on, reason: String

    public init(by: String, on: String, reason: String) {
        self.by = by
        self.on = on
        self.reason = reason
    }
}

/// A period in which a plan was blocked (IDL type `BlockItem`).
public struct BlockItem: Codable, Sendable, Hashable {
    public var cause: String
    public var note: String?
    public var since: String
    public var until: String?

    public init(cause: String, note: String?, since: String, until: String?) {
        self.cause = cause
        self.note = note
        self.since = since
        self.until = until
    }
}

/// A plan in full (IDL type `PlanDetail`).
public struct PlanDetail: Codable, Sendable, Hashable {
    public var summary: PlanSummary
    public var nama, peran: String
    public var npsn, namaSekolah: String?
    public var timeline: [TimelineItem]
    public var revisions: [RevisionItem]
    public var blocks: [BlockItem]
    public var allowed: [String]

    public init(
        summary: PlanSummary, nama: String, peran: String, npsn: String?, namaSekolah: String?,
        timeline: [TimelineItem], revisions: [RevisionItem], blocks: [BlockItem], allowed: [String]
    ) {
        self.summary = summary
        self.nama = nama
        self.peran = peran
        self.npsn = npsn
        self.namaSekolah = namaSekolah
        self.timeline = timeline
        self.revisions = revisions
        self.blocks = blocks
        self.allowed = allowed
    }
}
