/// Stages 1 and 2 of one person in one cycle, for an office that tracks them (kinerja.toml
/// has an `[office]`): which are done and when. The one place that decides whether a plan
/// is blocked by a missing precondition, and by which: the first missing one in stage
/// order, since the cycle's first day (or a newcomer's opening), due on its day of the
/// year's rules (`PreconditionDeadlines`).
public struct PreconditionState: Hashable, Sendable {
    /// The day each recorded precondition was done.
    public let done: [Precondition: LocalDate]

    public init(done: [Precondition: LocalDate] = [:]) { self.done = done }

    /// The state `records` give `person` in `cycle` (records of others are ignored).
    public init(person: PersonID, cycle: CycleID, records: some Sequence<PreconditionRecord>) {
        var done: [Precondition: LocalDate] = [:]
        for r in records where r.person == person && r.cycle == cycle { done[r.precondition] = r.doneOn }
        self.done = done
    }

    /// The first precondition not done yet, in stage order.
    public var missing: Precondition? { Precondition.allCases.first { done[$0] == nil } }

    /// The latest day one was done: the plan's steps became current then at the earliest.
    public var lastDoneOn: LocalDate? { done.values.max() }

    /// The block a plan of `cycle` opened on `openedOn` (a newcomer's) has while one is missing.
    public func block(in cycle: CycleID, openedOn: LocalDate?) -> BlockPeriod? {
        guard let missing else { return nil }
        return BlockPeriod(cause: missing.blockCause, note: nil, since: max(cycle.start, openedOn ?? cycle.start), until: nil)
    }
}

extension PreconditionState {
    /// The state of every person `records` name (one cycle's records); a person they do
    /// not name has none done (`PreconditionState()`).
    public static func byPerson(_ records: some Sequence<PreconditionRecord>) -> [PersonID: PreconditionState] {
        var done: [PersonID: [Precondition: LocalDate]] = [:]
        for r in records { done[r.person, default: [:]][r.precondition] = r.doneOn }
        return done.mapValues { PreconditionState(done: $0) }
    }
}
