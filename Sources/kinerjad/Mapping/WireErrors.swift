import KinerjaCore
import KinerjaRPC
import KinerjaStore

/// The RPC edge's one translation of the office's refusals into the named errors of
/// `id.kinerja.Kinerja`, worded in the office's language.
enum WireErrors {
    /// The interface's error for `error`; nil for an error the office does not know (a bug:
    /// reported as `InternalError` by the caller).
    static func varlink(_ error: any Error, language: OfficeLanguage) -> VarlinkError? {
        if let error = error as? VarlinkError { return error }
        func message(_ refusal: any Refusal) -> JSONValue { .string(refusal.message(in: language)) }
        if let problem = error as? PositionProblem { return varlink(OfficeError.position(problem), language: language) }
        if let problem = error as? ActionProblem { return varlink(OfficeError.refusedInput(field: problem.field, problem), language: language) }
        if let error = error as? TransitionError { return varlink(OfficeError.transitionRefused(error), language: language) }
        if let error = error as? StoreError { return varlink(OfficeError.storeFailure(error), language: language) }
        guard let error = error as? OfficeError else { return nil }
        switch error {
        case .invalidInput(let field, let words):
            return VarlinkError(name: KinerjaError.invalidInput, parameters: ["field": .string(field), "message": message(words)])
        case .refusedInput(let field, let refusal):
            return VarlinkError(name: KinerjaError.invalidInput, parameters: ["field": .string(field), "message": message(refusal)])
        case .position(.noSuchPerson(let id)):
            return VarlinkError(name: KinerjaError.noSuchPerson, parameters: ["id": .string(id.rawValue)])
        case .position(.ambiguous(let id, let schools)):
            return VarlinkError(name: KinerjaError.ambiguousPosition, parameters: [
                "id": .string(id.rawValue), "npsns": .array(schools.map { .string($0.rawValue) }),
            ])
        case .position(let problem):
            let person: String
            if case .noPositionAtSchool(let id, _) = problem { person = id.rawValue } else { person = "" }
            return VarlinkError(name: KinerjaError.noSuchPlan, parameters: ["plan": .string(person), "message": message(problem)])
        case .noSuchPlan(let plan, let words):
            return VarlinkError(name: KinerjaError.noSuchPlan, parameters: ["plan": .string(plan), "message": message(words)])
        case .transitionRefused(let e):
            return VarlinkError(name: KinerjaError.transitionRefused, parameters: [
                "plan": .string(e.plan), "step": e.step.map { .string($0.rawValue) } ?? .null,
                "state": .string(e.standing.text(in: language)), "allowed": .array(e.allowed.map { .string($0) }),
                "message": message(e),
            ])
        case .importRejected(let problems):
            return VarlinkError(name: KinerjaError.importRejected, parameters: [
                "problems": .array(problems.map { .object(["line": .int(Int64($0.line)), "message": message($0.problem)]) }),
            ])
        case .storeFailure(let failure):
            return VarlinkError(name: KinerjaError.storeFailure, parameters: ["message": message(OfficeError.storeFailure(failure))])
        case .noSuchSilence(let id):
            return VarlinkError(name: KinerjaError.noSuchSilence, parameters: ["id": .int(Int64(id))])
        case .noSuchHook(let name):
            return VarlinkError(name: KinerjaError.noSuchHook, parameters: ["name": .string(name)])
        case .noSuchBackup(let name):
            return VarlinkError(name: KinerjaError.noSuchBackup, parameters: ["name": .string(name)])
        case .noSuchUpload(let id):
            return VarlinkError(name: KinerjaError.noSuchUpload, parameters: ["upload": .string(id)])
        }
    }
}
