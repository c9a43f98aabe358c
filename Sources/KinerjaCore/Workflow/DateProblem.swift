/// Why the date of a change was refused: a change happens on a real day of the cycle, not
/// in the future, and not before what the plan already records.
public enum DateProblem: Hashable, Sendable {
    case afterToday(LocalDate, today: LocalDate)
    case beforeCycleStart(LocalDate, cycle: CycleID)
    /// `dibuka` dated before the block it ends.
    case beforeBlock(LocalDate, blockedOn: LocalDate)
    case beforeLastEvent(LocalDate, lastEvent: LocalDate)

    public func text(in language: OfficeLanguage) -> String {
        switch self {
        case .afterToday(let date, let today):
            return language.text(
                id: "tanggal \(date) jatuh setelah hari ini (\(today))",
                en: "the date \(date) is after today (\(today))")
        case .beforeCycleStart(let date, let cycle):
            return language.text(
                id: "tanggal \(date) lebih awal dari awal siklus \(cycle) (\(cycle.start))",
                en: "the date \(date) is before the cycle \(cycle) starts (\(cycle.start))")
        case .beforeBlock(let date, let blockedOn):
            return language.text(
                id: "rencana baru terblokir pada \(blockedOn), setelah \(date)",
                en: "the plan was blocked on \(blockedOn), after \(date)")
        case .beforeLastEvent(let date, let lastEvent):
            return language.text(
                id: "tanggal \(date) lebih awal dari catatan terakhir pada rencana (\(lastEvent))",
                en: "the date \(date) is before the plan's last event (\(lastEvent))")
        }
    }
}
