/// One step of a plan's timeline (IDL type `TimelineItem`).
public struct TimelineItem: Codable, Sendable, Hashable {
    public var step, due: String
    public var startedOn, completedOn: String?
    /// `done`, `current` or `pending`.
    public var state: String
    public var rating, catatan: String?
    /// Why the deadline moved, or how long the plan was blocked at the step.
    public var note: DeadlineNoteItem?

    public init(
        step: String, due: String, startedOn: String?, completedOn: String?, state: String, rating: String?, catatan: String?,
        note: DeadlineNoteItem? = nil
    ) {
        self.note = note
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
    /// Every choice and rating recorded, in workflow order.
    public var choices: [PlanChoiceItem]
    public var rhkPoints: Int?
    public var advice: [AdviceItem]
    public var openedOn: String?
    /// The Tim Kinerja's Rekomendasi Predikat, once Penilaian is recorded.
    public var rekomendasi: String?

    public init(
        summary: PlanSummary, nama: String, peran: String, npsn: String?, namaSekolah: String?,
        timeline: [TimelineItem], revisions: [RevisionItem], blocks: [BlockItem], allowed: [String],
        choices: [PlanChoiceItem] = [], rhkPoints: Int? = nil, advice: [AdviceItem] = [], openedOn: String? = nil,
        rekomendasi: String? = nil
    ) {
        self.rekomendasi = rekomendasi
        self.choices = choices
        self.rhkPoints = rhkPoints
        self.advice = advice
        self.openedOn = openedOn
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

/// Why a step's deadline is not the cycle's (IDL type `DeadlineNote`).
public struct DeadlineNoteItem: Codable, Sendable, Hashable {
    public var published: String
    public var blockedDays: Int
    public var unblockedOn, openedOn: String?

    public init(published: String, blockedDays: Int, unblockedOn: String?, openedOn: String?) {
        self.published = published
        self.blockedDays = blockedDays
        self.unblockedOn = unblockedOn
        self.openedOn = openedOn
    }
}

/// One choice or rating recorded on a plan (IDL type `PlanChoice`).
public struct PlanChoiceItem: Codable, Sendable, Hashable {
    public var step, choice, id: String
    public var nama, aspect: String?
    public var jumlah, poin: Int?

    public init(step: String, choice: String, id: String, nama: String? = nil, aspect: String? = nil, jumlah: Int? = nil, poin: Int? = nil) {
        self.step = step
        self.choice = choice
        self.id = id
        self.nama = nama
        self.aspect = aspect
        self.jumlah = jumlah
        self.poin = poin
    }
}

/// What the year's rules advise about a plan (IDL type `Advice`).
public struct AdviceItem: Codable, Sendable, Hashable {
    public var requirement: String
    public var step: String?
    public var message: String

    public init(requirement: String, step: String?, message: String) {
        self.requirement = requirement
        self.step = step
        self.message = message
    }
}
