/// What the year's rules advise about a plan's recorded choices, where they advise rather
/// than require (`PlanRequirements`): the step was recorded, and the office is told what the
/// sources say to do. The plan carries flag `advice` while there is any.
public enum PlanAdvice: Hashable, Sendable {
    /// `step` was recorded without `choice`, which the rules advise (`requirement`).
    case missing(Choice, step: Step, requirement: PlanRequirements.Requirement)
    /// The chosen RHK items total fewer points than the semester's minimum. The 2024 source
    /// (Perdirjen GTK 7607/B.B1/HK.03/2023, DOMAIN.md) says "minimal 32 poin … Jika kurang,
    /// mohon diskusikan dengan atasan Anda": a talk with the atasan, not a refusal.
    case rhkBelowMinimum(total: Int, minimum: Int)

    /// The step the advice is about.
    public var step: Step {
        switch self {
        case .missing(_, let step, _): return step
        case .rhkBelowMinimum: return .pengembanganKompetensi
        }
    }

    /// The requirement of the rules file the advice comes from.
    public var requirement: PlanRequirements.Requirement {
        switch self {
        case .missing(_, _, let requirement): return requirement
        case .rhkBelowMinimum: return .rhkMinimumPoints
        }
    }

    public func text(in language: OfficeLanguage) -> String {
        switch self {
        case .missing(let choice, let step, _):
            return language.text(
                id: "\(step.rawValue) dicatat tanpa \(choice.name(in: language)); aturan tahun ini menyarankan untuk mengisinya",
                en: "\(step.rawValue) was recorded without the \(choice.name(in: language)), which this year's rules advise")
        case .rhkBelowMinimum(let total, let minimum):
            return language.text(
                id: "butir RHK berjumlah \(total) poin, kurang dari minimal \(minimum) poin semester ini. Jika kurang, mohon diskusikan dengan atasan Anda.",
                en: "the RHK items total \(total) points, fewer than the minimum of \(minimum) a semester. If fewer, please discuss it with your atasan.")
        }
    }
}

extension Plan {
    /// The advice the year's rules give about the steps recorded so far, in workflow order.
    public func advice(rules: YearRules) -> [PlanAdvice] {
        var advice: [PlanAdvice] = []
        for record in records where record.completedOn != nil {
            let details = record.details ?? .none
            for requirement in PlanRequirements.Requirement.allCases where rules.requirements.isAdvised(requirement) {
                if let choice = Plan.unmet(requirement, at: record.step, by: details, role: role, rules: rules) {
                    advice.append(.missing(choice, step: record.step, requirement: requirement))
                }
            }
            if record.step == .pengembanganKompetensi, rules.requirements.isAdvised(.rhkMinimumPoints),
               case .rhkPoints(let minimum, _) = rules.pengembanganKompetensi, let choices = details.rhk,
               let total = Plan.rhkPoints(choices, catalog: rules.catalogs.rhk), total < minimum {
                advice.append(.rhkBelowMinimum(total: total, minimum: minimum))
            }
        }
        return advice
    }
}
