/// The rules a cycle is judged by, read from `config/rules/YYYY.toml`: they change from
/// year to year (2024 counted RHK points, 2025 asks for one indicator), so none of them
/// is a literal in code.
public struct YearRules: Hashable, Sendable, Codable {
    /// The first year these rules apply to; later years use them until a newer file exists.
    public var year: Int
    /// How a principal's Pengembangan Kompetensi is judged.
    public var pengembanganKompetensi: PengembanganKompetensiRule
    public var durations: Durations
    /// Deadline of each deadline name (`perencanaan` or a step id) of a principal.
    public var deadlinesKepalaSekolah: [String: DeadlineRule]
    /// Deadline of each deadline name of a supervisor (`pendampingan` and
    /// `upaya-tindak-lanjut` follow from `durations` instead).
    public var deadlinesPengawasSekolah: [String: DeadlineRule]
    public var extensions: [DeadlineExtension]
    public var catalogs: Catalogs
    /// What a plan must contain and what is only advised (`[requirements]`).
    public var requirements: PlanRequirements
    /// The predikat of each pair of the Tim Kinerja's ratings (`[predikat_matrix]`); nil
    /// when the file has none, and then no predikat can be set under these rules.
    public var predikatMatrix: PredikatMatrix?
    /// How the office moves a plan's deadlines for what was not the pegawai's doing (a
    /// block, a position that appeared mid-cycle). Not a key of the rules file: kinerja.toml's
    /// `[deadlines]`, the same for every year, set on each year's rules when they are loaded,
    /// so that a plan is judged by one value in whatever it is judged by.
    public var relief: DeadlineRelief
    /// When stages 1–2 are due (`[preconditions]`; office defaults when the file has none).
    public var preconditions: PreconditionDeadlines

    public init(
        year: Int, pengembanganKompetensi: PengembanganKompetensiRule, durations: Durations,
        deadlinesKepalaSekolah: [String: DeadlineRule], deadlinesPengawasSekolah: [String: DeadlineRule],
        extensions: [DeadlineExtension] = [], catalogs: Catalogs = Catalogs(), requirements: PlanRequirements = PlanRequirements(),
        predikatMatrix: PredikatMatrix? = nil, relief: DeadlineRelief = .standard, preconditions: PreconditionDeadlines = .standard
    ) {
        self.year = year
        self.pengembanganKompetensi = pengembanganKompetensi
        self.durations = durations
        self.deadlinesKepalaSekolah = deadlinesKepalaSekolah
        self.deadlinesPengawasSekolah = deadlinesPengawasSekolah
        self.extensions = extensions
        self.catalogs = catalogs
        self.requirements = requirements
        self.predikatMatrix = predikatMatrix
        self.relief = relief
        self.preconditions = preconditions
    }

    enum CodingKeys: String, CodingKey {
        case year
        case pengembanganKompetensi = "pengembangan_kompetensi"
        case durations
        case deadlines
        case extensions = "extension"
        case catalogs = "catalog"
        case requirements
        case predikatMatrix = "predikat_matrix"
        case relief
        case preconditions
    }

    enum DeadlineKeys: String, CodingKey {
        case kepalaSekolah = "kepala_sekolah"
        case pengawasSekolah = "pengawas_sekolah"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        year = try c.decode(Int.self, forKey: .year)
        pengembanganKompetensi = try c.decode(PengembanganKompetensiRule.self, forKey: .pengembanganKompetensi)
        durations = try c.decode(Durations.self, forKey: .durations)
        let d = try c.nestedContainer(keyedBy: DeadlineKeys.self, forKey: .deadlines)
        deadlinesKepalaSekolah = try d.decode([String: DeadlineRule].self, forKey: .kepalaSekolah)
        deadlinesPengawasSekolah = try d.decode([String: DeadlineRule].self, forKey: .pengawasSekolah)
        extensions = try c.decodeIfPresent([DeadlineExtension].self, forKey: .extensions) ?? []
        catalogs = try c.decodeIfPresent(Catalogs.self, forKey: .catalogs) ?? Catalogs()
        requirements = try c.decodeIfPresent(PlanRequirements.self, forKey: .requirements) ?? PlanRequirements()
        predikatMatrix = try c.decodeIfPresent(PredikatMatrix.self, forKey: .predikatMatrix)
        // Read back from the rules' JSON; a daemon sets it from kinerja.toml (`with(_:)`).
        relief = try c.decodeIfPresent(DeadlineRelief.self, forKey: .relief) ?? .standard
        preconditions = try c.decodeIfPresent(PreconditionDeadlines.self, forKey: .preconditions) ?? .standard
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(year, forKey: .year)
        try c.encode(pengembanganKompetensi, forKey: .pengembanganKompetensi)
        try c.encode(durations, forKey: .durations)
        var d = c.nestedContainer(keyedBy: DeadlineKeys.self, forKey: .deadlines)
        try d.encode(deadlinesKepalaSekolah, forKey: .kepalaSekolah)
        try d.encode(deadlinesPengawasSekolah, forKey: .pengawasSekolah)
        try c.encode(extensions, forKey: .extensions)
        try c.encode(catalogs, forKey: .catalogs)
        try c.encode(requirements, forKey: .requirements)
        try c.encodeIfPresent(predikatMatrix, forKey: .predikatMatrix)
        try c.encode(relief, forKey: .relief)
        try c.encode(preconditions, forKey: .preconditions)
    }

    /// These rules with the office's `relief` (kinerja.toml's `[deadlines]`).
    public func with(_ relief: DeadlineRelief) -> YearRules {
        var rules = self
        rules.relief = relief
        return rules
    }

    public func deadlines(for role: Role) -> [String: DeadlineRule] {
        role == .kepalaSekolah ? deadlinesKepalaSekolah : deadlinesPengawasSekolah
    }

    /// How the deadline `name` (`perencanaan` or a step id) of `role` follows from the cycle.
    /// A rules file must name every deadline (`problems()` refuses one that does not); rules
    /// built without them fall back to what DOMAIN.md knows: planning by the end of the
    /// cycle's first month ("pada bulan pertama"), anything else by the end of the cycle.
    public func deadlineRule(named name: String, for role: Role) -> DeadlineRule {
        deadlines(for: role)[name] ?? (name == Step.praktikKinerja.deadlineName ? .endOfMonth(1) : .endOfMonth(6))
    }

    /// The published planning deadline of `role` in `cycle`, before any extension (which
    /// `extensions` lists): the deadline everyone's first step shares.
    public func planningDeadline(in cycle: CycleID, for role: Role) -> LocalDate {
        switch deadlineRule(named: Step.praktikKinerja.deadlineName, for: role) {
        case .endOfMonth(let n): return cycle.endOfMonth(n)
        case .afterPreviousDays(let n): return min(cycle.start.adding(days: n), cycle.end)
        }
    }

    /// The deadline names each role's rules must define. Penilaian's are not among them:
    /// no source publishes a date for it (DOMAIN-NOTES §10.3), so a file that leaves them
    /// out gives them the cycle's last day (`deadlineRule(named:for:)`).
    public static func requiredDeadlines(for role: Role) -> [String] {
        knownDeadlines(for: role).filter { name in !Workflow.penilaian.contains { $0.deadlineName == name } }
    }

    /// Every deadline name a role's rules may define.
    public static func knownDeadlines(for role: Role) -> [String] {
        var names: [String] = []
        for step in Workflow.steps(for: role) where !step.hasDuration && !names.contains(step.deadlineName) {
            names.append(step.deadlineName)
        }
        return names
    }

    /// Every problem of these rules, in words an office administrator can act on; empty
    /// when the rules are usable. Checked at start and on reload, so that a bad file is
    /// refused before it can misjudge a plan.
    public func problems() -> [String] {
        var problems = preconditions.problems()
        for role in Role.allCases {
            let defined = deadlines(for: role)
            let known = YearRules.knownDeadlines(for: role)
            for name in YearRules.requiredDeadlines(for: role) where defined[name] == nil {
                problems.append("[deadlines.\(role.rawValue)] has no '\(name)': add e.g. \(name) = { end_of_month = 6 }")
            }
            for name in defined.keys.sorted() where !known.contains(name) {
                problems.append("[deadlines.\(role.rawValue)] '\(name)' is not a deadline of a \(role.rawValue); known: \(known.joined(separator: ", "))")
            }
        }
        let d = durations
        if d.pendampinganMinMonths < 0 || d.pendampinganMaxMonths < d.pendampinganMinMonths || d.pendampinganMaxMonths > 6 {
            problems.append("[durations] needs 0 ≤ pendampingan_min_months ≤ pendampingan_max_months ≤ 6")
        }
        if d.upayaTindakLanjutMonths < 0 || d.upayaTindakLanjutMonths > 6 {
            problems.append("[durations] upaya_tindak_lanjut_months must be 0 to 6")
        }
        if case .rhkPoints(let minimum, let maximum) = pengembanganKompetensi, minimum < 0 || (maximum ?? minimum) < minimum {
            problems.append("[pengembangan_kompetensi] needs 0 ≤ minimum_points ≤ recommended_maximum_points")
        }
        for e in extensions where e.cycle.year < year {
            problems.append("[[extension]] for cycle \(e.cycle) belongs in the rules file of \(e.cycle.year)")
        }
        for e in extensions {
            let names = (e.role.map { [$0] } ?? Role.allCases).flatMap { YearRules.knownDeadlines(for: $0) }
            if !names.contains(e.deadline) {
                problems.append("[[extension]] deadline '\(e.deadline)' is unknown; known: \(Set(names).sorted().joined(separator: ", "))")
            }
        }
        if let missing = predikatMatrix?.missingCells(), !missing.isEmpty {
            problems.append("[predikat_matrix] has no predikat for \(missing.joined(separator: ", ")): every pair of the three ratings needs one")
        }
        var seen = Set<String>()
        let ids = (catalogs.rhk + catalogs.kompetensi + catalogs.praktikKinerjaKepalaSekolah + catalogs.praktikKinerjaPengawas).map(\.id)
            + catalogs.perilakuKerja.map(\.id)
        for id in ids where !seen.insert(id).inserted {
            problems.append("catalog id '\(id)' is used twice")
        }
        for role in Role.allCases {
            for (name, rule) in deadlines(for: role).sorted(by: { $0.key < $1.key }) {
                if case .endOfMonth(let n) = rule, !(1...6).contains(n) {
                    problems.append("[deadlines.\(role.rawValue)] \(name): end_of_month must be 1 to 6 (a cycle has six months), not \(n)")
                }
            }
        }
        return problems
    }
}
