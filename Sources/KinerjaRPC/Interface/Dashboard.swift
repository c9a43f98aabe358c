/// How many plans of a role were past one step by the end of each week (IDL type `StepProgress`).
public struct StepProgress: Codable, Sendable, Hashable {
    public var step: String
    /// One count per week of ``CycleProgress/weeks``, in that order.
    public var past: [Int]

    public init(step: String, past: [Int]) {
        self.step = step
        self.past = past
    }
}

/// Plans of a cycle by where they stand today (on track, late, blocked, done, unfinished).
public struct TrackCounts: Codable, Sendable, Hashable {
    public var plans, done, onTrack, late, blocked, unfinished: Int

    public init(plans: Int = 0, done: Int = 0, onTrack: Int = 0, late: Int = 0, blocked: Int = 0, unfinished: Int = 0) {
        self.plans = plans
        self.done = done
        self.onTrack = onTrack
        self.late = late
        self.blocked = blocked
        self.unfinished = unfinished
    }
}

/// One role's plans in a cycle (IDL type `RoleProgress`).
public struct RoleProgress: Codable, Sendable, Hashable {
    public var role: String
    public var counts: TrackCounts
    /// Every step of the role's workflow, in order.
    public var steps: [StepProgress]

    public init(role: String, counts: TrackCounts, steps: [StepProgress]) {
        self.role = role
        self.counts = counts
        self.steps = steps
    }
}

/// A person named on a school's row (IDL type `SchoolPerson`).
public struct SchoolPerson: Codable, Sendable, Hashable {
    public var id, nama, jabatan: String

    public init(id: String, nama: String, jabatan: String) {
        self.id = id
        self.nama = nama
        self.jabatan = jabatan
    }
}

/// A school's principals' plans of a cycle (IDL type `SchoolProgress`).
public struct SchoolProgress: Codable, Sendable, Hashable {
    public var npsn: String
    public var name: String?
    public var counts: TrackCounts
    /// Steps completed over the school's plans, and the steps those plans have.
    public var stepsDone, steps: Int
    public var principals: [SchoolPerson]
    /// Supervisors whose sekolah binaan name the school.
    public var supervisors: [SchoolPerson]
    /// The school's kecamatan and jenjang, as its principal's roster row gives them.
    public var kecamatan, jenjang: String?

    public init(
        npsn: String, name: String?, counts: TrackCounts, stepsDone: Int, steps: Int, principals: [SchoolPerson],
        supervisors: [SchoolPerson], kecamatan: String? = nil, jenjang: String? = nil
    ) {
        self.kecamatan = kecamatan
        self.jenjang = jenjang
        self.npsn = npsn
        self.name = name
        self.counts = counts
        self.stepsDone = stepsDone
        self.steps = steps
        self.principals = principals
        self.supervisors = supervisors
    }
}

/// A cycle's progress, week by week, per role and school (IDL type `CycleProgress`).
public struct CycleProgress: Codable, Sendable, Hashable {
    public var cycle, asOf: String
    /// The last day of each week of the cycle, up to the week holding `asOf`.
    public var weeks: [String]
    public var roles: [RoleProgress]
    /// Schools with plans in the cycle.
    public var schools: Int
    /// The schools with the least progress, fewest steps done first.
    public var behind: [SchoolProgress]

    public init(cycle: String, asOf: String, weeks: [String], roles: [RoleProgress], schools: Int, behind: [SchoolProgress]) {
        self.cycle = cycle
        self.asOf = asOf
        self.weeks = weeks
        self.roles = roles
        self.schools = schools
        self.behind = behind
    }
}

extension Kinerja {
    public struct GetDataVersion: VarlinkMethod {
        public static let name = "id.kinerja.Kinerja.GetDataVersion"
        public typealias Parameters = LanguageParameters
        public struct Result: Codable, Sendable, Hashable {
            public var version, today: String
            public init(version: String, today: String) {
                self.version = version
                self.today = today
            }
        }
    }

    public struct ShowProgress: VarlinkMethod {
        public static let name = "id.kinerja.Kinerja.ShowProgress"
        public struct Parameters: Codable, Sendable, Hashable, LanguageCarrying {
            public var language: String?
            public var cycle: String?
            public var behind: Int?
            public init(cycle: String? = nil, behind: Int? = nil) {
                self.cycle = cycle
                self.behind = behind
            }
        }
        public struct Result: Codable, Sendable { public var progress: CycleProgress; public init(progress: CycleProgress) { self.progress = progress } }
    }

    public struct ListSchools: VarlinkMethod {
        public static let name = "id.kinerja.Kinerja.ListSchools"
        public static let joinPieces: (@Sendable (inout Result, Result) -> Void)? = { $0.schools += $1.schools }
        public struct Parameters: Codable, Sendable, Hashable, LanguageCarrying {
            public var language: String?
            public var cycle, npsn: String?
            public init(cycle: String? = nil, npsn: String? = nil) {
                self.cycle = cycle
                self.npsn = npsn
            }
        }
        public struct Result: Codable, Sendable { public var schools: [SchoolProgress]; public init(schools: [SchoolProgress]) { self.schools = schools } }
    }
}
