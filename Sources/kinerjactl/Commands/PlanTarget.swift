import ArgumentParser
import KinerjactlCore

/// Which plan a command means: a plan id (CYCLE/ID/ks@NPSN, CYCLE/ID/ps) or a person id,
/// with --npsn when they head two schools and --cycle for another cycle than the current.
struct PlanTarget: ParsableArguments {
    @Argument(help: .text(
        "Id rencana (2026-2/ID/ks@NPSN, 2026-2/ID/ps) atau id orang (NIP).", "A plan id (2026-2/ID/ks@NPSN, 2026-2/ID/ps) or a person id (NIP).",
        value: Placeholder.planOrPerson))
    var target: String

    @Option(help: .text(
        "Sekolahnya, bagi kepala sekolah yang memimpin dua sekolah (definitif dan Plt.).",
        "The school, for a principal who heads two (definitif and Plt.).", value: Placeholder.npsn))
    var npsn: String?

    @Option(help: .text(
        "Siklusnya, bila yang diberikan id orang (bawaan: yang berjalan).", "The cycle, when a person id is given (default: current).",
        value: Placeholder.cycle))
    var cycle: String?

    /// A plan id contains a '/', a person id never does.
    var isPlanID: Bool { target.contains("/") }

    func validate() throws {
        if isPlanID && (npsn != nil || cycle != nil) {
            throw ValidationError(Language.t(
                "--npsn dan --cycle hanya bersama id orang; id rencana sudah menyebut keduanya",
                "--npsn and --cycle go with a person id; a plan id already names both"))
        }
        try checked {
            try ArgumentSyntax.planOrPerson(target, Placeholder.argument(Placeholder.planOrPerson))
            if let cycle { try ArgumentSyntax.cycle(cycle, Placeholder.option("--cycle")) }
        }
    }

    var plan: String? { isPlanID ? target : nil }
    var person: String? { isPlanID ? nil : target }
}
