import ArgumentParser
import KinerjaRPC
import KinerjaVocabulary
import KinerjactlCore

struct PeopleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "people",
        abstract: Language.t(
            "Kepala sekolah dan pengawas sekolah, beserta sejauh mana rencana mereka.", "Principals and supervisors, with where their plan stands."),
        subcommands: [List.self, Show.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: Language.t(
                "Daftar posisi dengan rencana siklusnya; saringan dapat digabung.", "List positions with their plan of the cycle; filters combine."),
            discussion: HelpExamples.list(
                "people list --overdue", "people list --role pengawas_sekolah --blocked", "people list --npsn 20571112 --cycle 2026-2"))

        @OptionGroup var global: GlobalOptions
        @Option(help: .text("kepala_sekolah atau pengawas_sekolah.", "kepala_sekolah or pengawas_sekolah.", value: Placeholder.role)) var role: String?
        @Option(help: .text("Hanya sekolah ini.", "Only this school.", value: Placeholder.npsn)) var npsn: String?
        @Option(help: .text("Hanya rencana pada langkah ini, mis. observasi.", "Only plans at this step, e.g. observasi.", value: Placeholder.step))
        var step: String?
        @Option(help: .text("Siklusnya (bawaan: yang berjalan).", "The cycle (default: current).", value: Placeholder.cycle)) var cycle: String?
        @Flag(help: .text("Hanya rencana yang langkahnya sudah lewat batas hari ini.", "Only plans whose current step is past its deadline today."))
        var overdue = false
        @Flag(help: .text("Hanya rencana yang terblokir.", "Only blocked plans.")) var blocked = false
        @Flag(help: .text("Hanya rencana yang tidak terblokir.", "Only plans that are not blocked.")) var notBlocked = false
        @Flag(name: .customLong("all"), help: .text("Termasuk orang yang tidak lagi ada di daftar pegawai.", "Include people no longer in the roster."))
        var includeInactive = false

        func validate() throws {
            if blocked && notBlocked {
                throw ValidationError(Language.t("--blocked dan --not-blocked saling meniadakan", "--blocked and --not-blocked exclude each other"))
            }
            try checked {
                // The roster's spelling and the wire's alike: kepala_sekolah, kepala-sekolah.
                if let role { try ArgumentSyntax.known(role.replacingDashes, in: Vocabulary.roles, Placeholder.option("--role")) }
                if let step { try ArgumentSyntax.known(step, in: Vocabulary.steps, Placeholder.option("--step")) }
                if let cycle { try ArgumentSyntax.cycle(cycle, Placeholder.option("--cycle")) }
            }
        }

        func run() throws {
            let params = Kinerja.ListPeople.Parameters(
                cycle: cycle, role: role, npsn: npsn, step: step, overdue: overdue ? true : nil,
                blocked: blocked ? true : notBlocked ? false : nil, includeInactive: includeInactive ? true : nil)
            // The list comes in pieces as the daemon reads it (`more`): a country's is printed
            // as it arrives (`--json`), or gathered for the table's column widths.
            if global.json {
                var printer = PrettyJSONArray()
                try global.run { client in
                    let sent = try JSONValue(encoding: LanguageParameters.setting(client.language, in: params))
                    try client.stream(method: Kinerja.ListPeople.name, parameters: sent, replyTimeout: client.timeout) { reply in
                        guard case .array(let people)? = reply["people"] else {
                            throw VarlinkClientError.protocolError("\(Kinerja.ListPeople.name): a reply without people")
                        }
                        printer.print(people)
                        return true
                    }
                }
                return printer.finish()
            }
            var people: [PositionSummary] = []
            try global.run { client in
                try client.stream(Kinerja.ListPeople.self, params, replyTimeout: client.timeout) { piece in
                    people += piece.people
                    return true
                }
            }
            (blocked ? PeopleCommand.blockedTable(people) : PeopleCommand.table(people)).print(legend: global.legend)
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: Language.t(
                "Tampilkan satu orang: setiap posisinya dan rencananya di siklus yang berjalan.",
                "Show one person: every position and its plan of the current cycle."),
            discussion: HelpExamples.list("people show 197410051999031002"))

        @OptionGroup var global: GlobalOptions
        @Argument(help: .text("NIP atau id orang lainnya.", "NIP or other person id.", value: Placeholder.id)) var id: String

        func run() throws {
            let positions = try global.run { try $0.call(Kinerja.ShowPerson.self, .init(id: id)).positions }
            if global.json { return try Printer.json(positions) }
            guard let first = positions.first else { return }
            Printer.out("\(first.nama) (\(first.id), \(Language.t(Vocabulary.kepegawaian[first.kepegawaian])))")
            let contacts = [first.email, first.telepon].compactMap { $0 }
            let contact: [(label: String, value: TerminalText)] = contacts.isEmpty ? [] : [(Language.t("kontak", "contact"), TerminalText("\(contacts.joined(separator: ", "))"))]
            var sections = [contact]
            for p in positions {
                let position = Language.t(Vocabulary.position(role: p.peran, jabatan: p.jabatan))
                var fields: [(label: String, value: TerminalText)] = [
                    (Language.t("peran", "role"), "\(position)\(p.npsn.map { " — \($0) \(p.namaSekolah ?? "")" } ?? "")\(p.active ? "" : Language.t(" [tidak aktif]", " [inactive]"))"),
                ]
                if p.kecamatan != nil || p.jenjang != nil {
                    fields.append((Language.t("kecamatan", "district"), "\(Printer.cell(p.kecamatan))   \(Language.t("jenjang", "level")): \(Printer.cell(p.jenjang))"))
                }
                for role in ["atasan", "tim_kinerja", "pejabat_penilai"] {
                    let named = p.parties.filter { $0.role == role }
                    let words = named.isEmpty ? "-" : named.map { Language.t(Vocabulary.party(role: role, id: $0.id, nama: $0.nama, jabatan: $0.jabatan)) + ($0.nama == nil ? "" : " [\($0.id ?? "-")]") }.joined(separator: "; ")
                    fields.append((Language.t(Vocabulary.recipientRoles[role]), "\(words)"))
                }
                if !p.sekolahBinaan.isEmpty { fields.append((Language.t("sekolah binaan", "schools"), "\(p.sekolahBinaan.joined(separator: ", "))")) }
                if let plan = p.plan {
                    fields.append((Language.t("rencana", "plan"), "\(plan.plan)"))
                    let standing = [PeopleCommand.step(plan), plan.due.map { "\(Language.t("batas", "due")) \($0)" } ?? "", PeopleCommand.days(plan),
                                    Language.t(Vocabulary.flagList(plan.flags))]
                    fields.append((Language.t("langkah", "step"), "\(standing.filter { !$0.isEmpty }.joined(separator: "  "))"))
                }
                sections.append(fields)
            }
            // One column for the person's lines and every position's, a blank line between positions.
            let width = sections.joined().map(\.label.count).max() ?? 0
            for (index, fields) in sections.enumerated() where !fields.isEmpty {
                if index > 1 { Printer.out("\n") }
                for f in fields { Printer.out("  \(f.label + ":" + String(repeating: " ", count: width - f.label.count + 1))\(f.value)") }
            }
        }
    }

    static func table(_ people: [PositionSummary]) -> Table {
        var table = Table(["ID", Language.t("NAMA", "NAME"), Language.t("PERAN", "ROLE"), "NPSN", Language.t("LANGKAH", "STEP"), Language.t("BATAS", "DUE"), Language.t("HARI", "DAYS"), Language.t("TANDA", "FLAGS")])
        for p in people {
            table.add([
                p.id, p.nama, Language.t(Vocabulary.position(role: p.peran, jabatan: p.jabatan)), Printer.cell(p.npsn),
                Printer.cell(p.plan.map(step)), Printer.cell(p.plan?.due), p.plan?.daysLeft.map(String.init) ?? "-",
                p.plan.map { $0.flags.isEmpty ? "-" : Language.t(Vocabulary.flagList($0.flags)) } ?? "-",
            ])
        }
        return table
    }

    /// Blocked plans: since when, for how many days, why, and whose action is awaited.
    static func blockedTable(_ people: [PositionSummary]) -> Table {
        var table = Table([
            "ID", Language.t("NAMA", "NAME"), Language.t("PERAN", "ROLE"), "NPSN", Language.t("LANGKAH", "STEP"),
            Language.t("SEJAK", "SINCE"), Language.t("HARI", "DAYS"), Language.t("PENYEBAB", "CAUSE"), Language.t("MENUNGGU", "AWAITING"),
        ])
        for p in people {
            let plan = p.plan
            table.add([
                p.id, p.nama, Language.t(Vocabulary.position(role: p.peran, jabatan: p.jabatan)), Printer.cell(p.npsn),
                Printer.cell(plan.map(step)), Printer.cell(plan?.blockedSince), plan?.blockedDays.map(String.init) ?? "-",
                plan?.blockCause.map { Language.t(Vocabulary.blockCauses[$0]) } ?? "-", Printer.cell(plan.flatMap(awaiting)),
            ])
        }
        return table
    }

    /// Whose action a blocked plan awaits, in words; nil when it is not blocked.
    static func awaiting(_ plan: PlanSummary) -> String? {
        guard plan.blockedSince != nil else { return nil }
        guard let party = plan.awaiting else { return Language.t("lihat catatan", "see the note") }
        return Language.t(Vocabulary.party(role: party.role, id: party.id, nama: party.nama, jabatan: party.jabatan))
    }

    /// The plan's current step in words, or that every step is done.
    static func step(_ plan: PlanSummary) -> String {
        plan.step.map { Language.t(Vocabulary.steps[$0]) } ?? Language.t("semua selesai", "all done")
    }

    /// "3 hari lagi" / "terlambat 5 hari" / "hari ini"; for a blocked plan "terblokir 146
    /// hari": a blocked plan is never late.
    static func days(_ plan: PlanSummary) -> String {
        if let blocked = plan.blockedDays { return Language.t("terblokir \(blocked) hari", "blocked \(blocked) days") }
        guard let left = plan.daysLeft else { return "" }
        if left == 0 { return Language.t("hari ini", "due today") }
        return left > 0 ? Language.t("\(left) hari lagi", "\(left) days left") : Language.t("terlambat \(-left) hari", "\(-left) days overdue")
    }
}

extension String {
    /// `kepala-sekolah` as `kepala_sekolah`: the CLI takes either spelling of a role.
    var replacingDashes: String { String(map { $0 == "-" ? "_" : $0 }) }
}
