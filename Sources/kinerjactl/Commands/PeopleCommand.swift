import ArgumentParser
import KinerjaRPC

struct PeopleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "people", abstract: "Principals and supervisors, with where their plan stands.",
        subcommands: [List.self, Show.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List positions with their plan of the cycle; filters combine.",
            discussion: """
            Examples:
              kinerjactl people list --overdue
              kinerjactl people list --role pengawas_sekolah --blocked
              kinerjactl people list --npsn 20100001 --cycle 2026-2
            """)

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("kepala_sekolah or pengawas_sekolah.", valueName: "role")) var role: String?
        @Option(help: ArgumentHelp("Only this school.", valueName: "npsn")) var npsn: String?
        @Option(help: ArgumentHelp("Only plans at this step, e.g. observasi.", valueName: "step")) var step: String?
        @Option(help: ArgumentHelp("The cycle (default: current).", valueName: "cycle")) var cycle: String?
        @Flag(help: "Only plans whose current step is past its deadline today.") var overdue = false
        @Flag(help: "Only blocked plans.") var blocked = false
        @Flag(help: "Only plans that are not blocked.") var notBlocked = false
        @Flag(name: .customLong("all"), help: "Include people no longer in the roster.") var includeInactive = false

        func validate() throws {
            if blocked && notBlocked { throw ValidationError("--blocked and --not-blocked exclude each other") }
            if let role, !["kepala_sekolah", "pengawas_sekolah", "kepala-sekolah", "pengawas-sekolah"].contains(role) {
                throw ValidationError("--role must be kepala_sekolah or pengawas_sekolah, not '\(role)'")
            }
        }

        func run() throws {
            let params = Kinerja.ListPeople.Parameters(
                cycle: cycle, role: role, npsn: npsn, step: step, overdue: overdue ? true : nil,
                blocked: blocked ? true : notBlocked ? false : nil, includeInactive: includeInactive ? true : nil)
            let people = try global.run { try $0.callInPieces(Kinerja.ListPeople.self, params) { $0.people += $1.people }.people }
            if global.json { return try Printer.json(people) }
            Printer.out(PeopleCommand.table(people).render(legend: global.legend))
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one person: every position and its plan of the current cycle.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("NIP or other person id.", valueName: "id")) var id: String

        func run() throws {
            let positions = try global.run { try $0.call(Kinerja.ShowPerson.self, .init(id: id)).positions }
            if global.json { return try Printer.json(positions) }
            guard let first = positions.first else { return }
            Printer.out("\(first.nama) (\(first.id), \(first.kepegawaian))")
            for p in positions {
                Printer.out("")
                Printer.out("  \(Language.t("peran", "role")):    \(p.peran) \(p.jabatan)\(p.npsn.map { " — \($0) \(p.namaSekolah ?? "")" } ?? "")\(p.active ? "" : Language.t(" [tidak aktif]", " [inactive]"))")
                Printer.out("  \(Language.t("atasan", "superior")):  \(Printer.cell(p.atasanId))   Tim Kinerja: \(p.timKinerja.isEmpty ? "-" : p.timKinerja.joined(separator: ", "))   \(Language.t("pejabat penilai", "appraiser")): \(Printer.cell(p.pejabatPenilaiId))")
                if !p.sekolahBinaan.isEmpty { Printer.out("  \(Language.t("sekolah binaan", "schools")): \(p.sekolahBinaan.joined(separator: ", "))") }
                if let plan = p.plan {
                    Printer.out("  \(Language.t("rencana", "plan")):  \(plan.plan)")
                    Printer.out("  \(Language.t("langkah", "step")): \(Printer.cell(plan.step))  \(Language.t("batas", "due")) \(Printer.cell(plan.due))  \(PeopleCommand.days(plan.daysLeft))  \(plan.flags.joined(separator: ","))")
                }
            }
        }
    }

    static func table(_ people: [PositionSummary]) -> Table {
        var table = Table(["ID", Language.t("NAMA", "NAME"), Language.t("PERAN", "ROLE"), "NPSN", Language.t("LANGKAH", "STEP"), Language.t("BATAS", "DUE"), Language.t("HARI", "DAYS"), Language.t("TANDA", "FLAGS")])
        for p in people {
            let role = p.peran == "kepala_sekolah" ? (p.jabatan == "plt" ? "ks-plt" : "ks") : "pengawas"
            table.add([
                p.id, p.nama, role, Printer.cell(p.npsn), Printer.cell(p.plan.map { $0.step ?? Language.t("selesai", "complete") }),
                Printer.cell(p.plan?.due), p.plan?.daysLeft.map(String.init) ?? "-",
                p.plan.map { $0.flags.isEmpty ? "-" : $0.flags.joined(separator: ",") } ?? "-",
            ])
        }
        return table
    }

    /// "3 hari lagi" / "terlambat 5 hari" / "hari ini".
    static func days(_ left: Int?) -> String {
        guard let left else { return "" }
        if left == 0 { return Language.t("hari ini", "due today") }
        return left > 0 ? Language.t("\(left) hari lagi", "\(left) days left") : Language.t("terlambat \(-left) hari", "\(-left) days overdue")
    }
}
