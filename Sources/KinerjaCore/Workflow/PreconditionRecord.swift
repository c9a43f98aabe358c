/// One precondition recorded as done for one person in one cycle, with the decree that did
/// it when the office gives one (Plotting Tim Kinerja is a Kepala Dinas's SK).
public struct PreconditionRecord: Hashable, Sendable, Codable {
    public let person: PersonID
    public let cycle: CycleID
    public let precondition: Precondition
    /// The day it was done (a local date; what an administrator says, not when it was typed).
    public let doneOn: LocalDate
    /// The decree's number, e.g. `800/123/Disdik/2027`.
    public let decreeNumber: String?
    /// The decree's date.
    public let decreeDate: LocalDate?

    public init(
        person: PersonID, cycle: CycleID, precondition: Precondition, doneOn: LocalDate, decreeNumber: String? = nil,
        decreeDate: LocalDate? = nil
    ) {
        self.person = person
        self.cycle = cycle
        self.precondition = precondition
        self.doneOn = doneOn
        self.decreeNumber = decreeNumber
        self.decreeDate = decreeDate
    }
}
