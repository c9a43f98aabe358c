import ArgumentParser

/// Which plan a command means: a plan id (CYCLE/ID/ks@NPSN, CYCLE/ID/ps) or a person id,
/// with --npsn when they head two schools and --cycle for another cycle than the current.
struct PlanTarget: ParsableArguments {
    @Argument(help: ArgumentHelp("A plan id (2026-2/ID/ks@NPSN, 2026-2/ID/ps) or a person id (NIP).", valueName: "plan-or-person"))
    var target: String

    @Option(help: ArgumentHelp("The school, for a principal who heads two (definitif and Plt.).", valueName: "npsn"))
    var npsn: String?

    @Option(help: ArgumentHelp("The cycle, when a person id is given (default: current).", valueName: "cycle"))
    var cycle: String?

    /// A plan id contains a '/', a person id never does.
    var isPlanID: Bool { target.contains("/") }

    func validate() throws {
        if isPlanID && (npsn != nil || cycle != nil) {
            throw ValidationError("--npsn and --cycle go with a person id; a plan id already names both")
        }
    }

    var plan: String? { isPlanID ? target : nil }
    var person: String? { isPlanID ? nil : target }
}
