/// A refused change to a plan. It names the plan, the step, where the plan stands and
/// what would be accepted instead, because the person reading it is an administrator
/// fixing a CSV row or a command, not a developer. `message(in:)` is what the office
/// reads, in its language; `description` is the English text for logs and developers.
public struct TransitionError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Reason: Hashable, Sendable {
        /// The step is not part of this role's workflow.
        case stepNotInWorkflow
        /// The step is not the one the plan is at.
        case notCurrentStep
        /// The plan was submitted and its planning steps are frozen.
        case frozen(submittedOn: LocalDate)
        /// The plan is blocked and only `unblock` is possible.
        case blocked(BlockCause)
        /// `unblock` on a plan that is not blocked.
        case notBlocked
        /// Only review steps can be returned for revision.
        case notReviewStep
        /// `mulai` on a step that was already started.
        case alreadyStarted(on: LocalDate)
        /// `mulai` on a step without a length of its own.
        case cannotStart
        /// Every step is done.
        case planComplete
        /// The date is before the previous event, the cycle's start, or after today.
        case badDate(DateProblem)
        /// The details break the year's rules.
        case invalidDetails(DetailsProblem)
        /// The plan's cycle is closed (`CycleLifecycle`): its standing is final.
        case cycleClosed(CycleID, on: LocalDate)
    }

    /// The plan, as `CYCLE/ID/ks@NPSN` or `CYCLE/ID/ps`.
    public let plan: String
    public let step: Step?
    /// Where the plan stands.
    public let standing: PlanStanding
    /// What would be accepted now, e.g. `selesai praktik-kinerja`.
    public let allowed: [String]
    public let reason: Reason

    public var description: String { message(in: .english) }

    /// The whole refusal, e.g. `rencana …: langkah 'observasi' bukan langkah saat ini
    /// (keadaan: pada langkah praktik-kinerja; yang dapat dicatat: selesai praktik-kinerja, terblokir)`.
    public func message(in language: OfficeLanguage) -> String {
        let options = allowed.isEmpty ? language.text(id: "tidak ada", en: "nothing") : allowed.joined(separator: ", ")
        return language.text(
            id: "rencana \(plan): \(reasonText(in: language)) (keadaan: \(standing.text(in: language)); yang dapat dicatat: \(options))",
            en: "plan \(plan): \(reasonText(in: language)) (state: \(standing.text(in: language)); allowed: \(options))")
    }

    /// Why the change was refused, without the plan, its state and the alternatives.
    func reasonText(in language: OfficeLanguage) -> String {
        let name = step?.rawValue ?? "-"
        switch reason {
        case .stepNotInWorkflow:
            return language.text(
                id: "langkah '\(name)' bukan bagian dari alur kerja peran ini",
                en: "step '\(name)' is not part of this role's workflow")
        case .notCurrentStep:
            return language.text(id: "langkah '\(name)' bukan langkah saat ini", en: "step '\(name)' is not the current step")
        case .frozen(let day):
            return language.text(
                id: "rencana sudah dikirim pada \(day) dan tidak dapat diubah lagi",
                en: "the plan was submitted on \(day) and can no longer be changed")
        case .blocked(let cause):
            return language.text(
                id: "rencana sedang terblokir (\(cause.rawValue)); buka blokirnya terlebih dahulu",
                en: "the plan is blocked (\(cause.rawValue)); unblock it first")
        case .notBlocked:
            return language.text(id: "rencana tidak sedang terblokir", en: "the plan is not blocked")
        case .notReviewStep:
            return language.text(
                id: "hanya pemeriksaan dan persetujuan yang dapat mengembalikan rencana untuk diperbaiki",
                en: "only pemeriksaan and persetujuan can return a plan for revision")
        case .alreadyStarted(let day):
            return language.text(id: "langkah '\(name)' sudah dimulai pada \(day)", en: "step '\(name)' already started on \(day)")
        case .cannotStart:
            return language.text(
                id: "hanya pendampingan dan upaya-tindak-lanjut yang dimulai (mulai); selesaikan '\(name)' dengan selesai",
                en: "only pendampingan and upaya-tindak-lanjut are started (mulai); complete '\(name)' with selesai")
        case .planComplete:
            return language.text(id: "semua langkah rencana sudah selesai", en: "every step of the plan is done")
        case .badDate(let problem):
            return problem.text(in: language)
        case .invalidDetails(let problem):
            return problem.text(in: language)
        case .cycleClosed(let cycle, let day):
            return language.text(
                id: "siklus \(cycle) sudah ditutup pada \(day); kedudukan akhir rencananya tidak dapat diubah lagi",
                en: "cycle \(cycle) was closed on \(day); the plan's final standing can no longer be changed")
        }
    }
}
