/// Where a plan stands: at a step (maybe started), blocked, or complete. A refusal names
/// it, because "why not?" is usually answered by "where is the plan now?".
public enum PlanStanding: Hashable, Sendable {
    case at(Step, startedOn: LocalDate?)
    case blocked(BlockCause, since: LocalDate)
    case complete
    /// Its cycle closed before it was complete: the step it reached, "tidak selesai".
    case closed(Step, on: LocalDate)

    /// Short words, e.g. `pada langkah praktik-kinerja` / `at praktik-kinerja`.
    public func text(in language: OfficeLanguage) -> String {
        switch self {
        case .at(let step, nil):
            return language.text(id: "pada langkah \(step.rawValue)", en: "at \(step.rawValue)")
        case .at(let step, let started?):
            return language.text(id: "pada langkah \(step.rawValue), dimulai \(started)", en: "at \(step.rawValue), started \(started)")
        case .blocked(let cause, let since):
            return language.text(id: "terblokir (\(cause.rawValue)) sejak \(since)", en: "blocked (\(cause.rawValue)) since \(since)")
        case .complete:
            return language.text(id: "selesai", en: "complete")
        case .closed(let step, let day):
            return language.text(
                id: "tidak selesai: berhenti pada langkah \(step.rawValue), siklus ditutup \(day)",
                en: "not finished: stopped at \(step.rawValue), cycle closed \(day)")
        }
    }
}
