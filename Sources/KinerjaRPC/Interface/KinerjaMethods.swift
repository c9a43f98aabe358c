/// The methods of `id.kinerja.Kinerja`, one type each, with their parameters and results
/// as the IDL declares them.
public enum Kinerja {
    public struct GetStatus: VarlinkMethod {
        public static let name = "id.kinerja.Kinerja.GetStatus"
        public typealias Parameters = LanguageParameters
        public struct Result: Codable, Sendable, Hashable { public var status: Status; public init(status: Status) { self.status = status } }
    }

    public struct ShowCycle: VarlinkMethod {
        public static let name = "id.kinerja.Kinerja.ShowCycle"
        public struct Parameters: Codable, Sendable, LanguageCarrying {
            public var language: String?
            public var cycle: String?
            public init(cycle: String? = nil) { self.cycle = cycle }
        }
        public struct Result: Codable, Sendable { public var cycle: CycleInfo; public init(cycle: CycleInfo) { self.cycle = cycle } }
    }

    public struct ListPeople: VarlinkMethod {
        public static let name = "id.kinerja.Kinerja.ListPeople"
        public static let joinPieces: (@Sendable (inout Result, Result) -> Void)? = { $0.people += $1.people }
        public struct Parameters: Codable, Sendable, LanguageCarrying {
            public var language: String?
            public var cycle, role, npsn, step: String?
            public var overdue, blocked, includeInactive: Bool?
            public init(cycle: String? = nil, role: String? = nil, npsn: String? = nil, step: String? = nil,
                        overdue: Bool? = nil, blocked: Bool? = nil, includeInactive: Bool? = nil) {
                self.cycle = cycle
                self.role = role
                self.npsn = npsn
                self.step = step
                self.overdue = overdue
                self.blocked = blocked
                self.includeInactive = includeInactive
            }
        }
        public struct Result: Codable, Sendable { public var people: [PositionSummary]; public init(people: [PositionSummary]) { self.people = people } }
    }

    public struct ShowPerson: VarlinkMethod {
        public static let name = "id.kinerja.Kinerja.ShowPerson"
        public struct Parameters: Codable, Sendable, LanguageCarrying {
            public var language: String?
            public var id: String; public init(id: String) { self.id = id }
        }
        public struct Result: Codable, Sendable { public var positions: [PositionSummary]; public init(positions: [PositionSummary]) { self.positions = positions } }
    }

    public struct ShowPlan: VarlinkMethod {
        public static let name = "id.kinerja.Kinerja.ShowPlan"
        public struct Parameters: Codable, Sendable, LanguageCarrying {
            public var language: String?
            public var plan, person, npsn, cycle: String?
            public init(plan: String? = nil, person: String? = nil, npsn: String? = nil, cycle: String? = nil) {
                self.plan = plan
                self.person = person
                self.npsn = npsn
                self.cycle = cycle
            }
        }
        public struct Result: Codable, Sendable { public var plan: PlanDetail; public init(plan: PlanDetail) { self.plan = plan } }
    }

    public struct History: VarlinkMethod {
        public static let name = "id.kinerja.Kinerja.History"
        public static let joinPieces: (@Sendable (inout Result, Result) -> Void)? = { $0.entries += $1.entries }
        public struct Parameters: Codable, Sendable, LanguageCarrying {
            public var language: String?
            public var subject: String
            public var limit: Int?
            public init(subject: String, limit: Int? = nil) {
                self.subject = subject
                self.limit = limit
            }
        }
        public struct Result: Codable, Sendable { public var entries: [AuditEntry]; public init(entries: [AuditEntry]) { self.entries = entries } }
    }

    public struct GetComplianceReport: VarlinkMethod {
        public static let name = "id.kinerja.Kinerja.ComplianceReport"
        /// The first piece has the steps and roles; every piece some of the schools.
        public static let joinPieces: (@Sendable (inout Result, Result) -> Void)? = { $0.report.schools += $1.report.schools }
        public struct Parameters: Codable, Sendable, LanguageCarrying {
            public var language: String?
            public var cycle: String?; public init(cycle: String? = nil) { self.cycle = cycle }
        }
        public struct Result: Codable, Sendable { public var report: ComplianceReport; public init(report: ComplianceReport) { self.report = report } }
    }

    public struct GetPredikatReport: VarlinkMethod {
        public static let name = "id.kinerja.Kinerja.PredikatReport"
        public struct Parameters: Codable, Sendable, LanguageCarrying {
            public var language: String?
            public var cycle: String?; public init(cycle: String? = nil) { self.cycle = cycle }
        }
        public struct Result: Codable, Sendable { public var report: PredikatReport; public init(report: PredikatReport) { self.report = report } }
    }

    /// Parameters shared by both imports.
    public struct ImportParameters: Codable, Sendable, LanguageCarrying {
        public var language: String?
        public var content, upload: String?
        public var dryRun, skipInvalid: Bool?
        /// content or upload is the file's bytes in base64 (an .xlsx, or a CSV).
        public var base64: Bool?
        /// The workbook's sheet by name; nil for the first one not hidden.
        public var sheet: String?
        /// Roster: mark inactive the people and positions the file does not name.
        public var deactivateMissing: Bool?
        public init(
            content: String? = nil, upload: String? = nil, dryRun: Bool? = nil, skipInvalid: Bool? = nil, base64: Bool? = nil,
            sheet: String? = nil, deactivateMissing: Bool? = nil
        ) {
            self.deactivateMissing = deactivateMissing
            self.content = content
            self.upload = upload
            self.dryRun = dryRun
            self.skipInvalid = skipInvalid
            self.base64 = base64
            self.sheet = sheet
        }
    }

    public struct UploadBegin: VarlinkMethod {
        public static let name = "id.kinerja.Kinerja.UploadBegin"
        public typealias Parameters = LanguageParameters
        public struct Result: Codable, Sendable { public var upload: String; public init(upload: String) { self.upload = upload } }
    }

    public struct UploadChunk: VarlinkMethod {
        public static let name = "id.kinerja.Kinerja.UploadChunk"
        public struct Parameters: Codable, Sendable, LanguageCarrying {
            public var language: String?
            public var upload, chunk: String
            public init(upload: String, chunk: String) {
                self.upload = upload
                self.chunk = chunk
            }
        }
        public struct Result: Codable, Sendable { public var bytes: Int; public init(bytes: Int) { self.bytes = bytes } }
    }

    public struct ImportResultReply: Codable, Sendable { public var result: ImportResult; public init(result: ImportResult) { self.result = result } }

    public struct ImportRoster: VarlinkMethod {
        public static let name = "id.kinerja.Kinerja.ImportRoster"
        public typealias Parameters = ImportParameters
        public typealias Result = ImportResultReply
    }

    public struct ImportProgress: VarlinkMethod {
        public static let name = "id.kinerja.Kinerja.ImportProgress"
        public typealias Parameters = ImportParameters
        public typealias Result = ImportResultReply
    }

    public struct ImportOfficials: VarlinkMethod {
        public static let name = "id.kinerja.Kinerja.ImportOfficials"
        public typealias Parameters = ImportParameters
        public typealias Result = ImportResultReply
    }

    public struct ListOfficials: VarlinkMethod {
        public static let name = "id.kinerja.Kinerja.ListOfficials"
        public typealias Parameters = LanguageParameters
        public struct Result: Codable, Sendable { public var officials: [OfficialItem]; public init(officials: [OfficialItem]) { self.officials = officials } }
    }

    public struct Transition: VarlinkMethod {
        public static let name = "id.kinerja.Kinerja.Transition"
        public struct Parameters: Codable, Sendable, LanguageCarrying {
            public var language: String?
            public var plan, person, npsn, cycle: String?
            public var action: String
            public var step, date, cause, note: String?
            public var details: StepDetailsInput?
            public init(plan: String? = nil, person: String? = nil, npsn: String? = nil, cycle: String? = nil, action: String,
                        step: String? = nil, date: String? = nil, cause: String? = nil, note: String? = nil, details: StepDetailsInput? = nil) {
                self.plan = plan
                self.person = person
                self.npsn = npsn
                self.cycle = cycle
                self.action = action
                self.step = step
                self.date = date
                self.cause = cause
                self.note = note
                self.details = details
            }
        }
        public typealias Result = ShowPlan.Result
    }

    public struct Backup: VarlinkMethod {
        public static let name = "id.kinerja.Kinerja.Backup"
        public typealias Parameters = LanguageParameters
        public struct Result: Codable, Sendable { public var backup: BackupInfo; public init(backup: BackupInfo) { self.backup = backup } }
    }

    public struct ReadBackup: VarlinkMethod {
        public static let name = "id.kinerja.Kinerja.ReadBackup"
        public struct Parameters: Codable, Sendable, LanguageCarrying {
            public var language: String?
            public var name: String; public init(name: String) { self.name = name }
        }
        public struct Result: Codable, Sendable {
            public var chunk: String
            public var offset, bytes: Int
            public init(chunk: String, offset: Int, bytes: Int) {
                self.chunk = chunk
                self.offset = offset
                self.bytes = bytes
            }
        }
    }
}

/// Error names of `id.kinerja.Kinerja`, as the IDL declares them.
public enum KinerjaError {
    public static let noSuchPerson = "id.kinerja.Kinerja.NoSuchPerson"
    public static let noSuchPlan = "id.kinerja.Kinerja.NoSuchPlan"
    public static let ambiguousPosition = "id.kinerja.Kinerja.AmbiguousPosition"
    public static let invalidInput = "id.kinerja.Kinerja.InvalidInput"
    public static let transitionRefused = "id.kinerja.Kinerja.TransitionRefused"
    public static let importRejected = "id.kinerja.Kinerja.ImportRejected"
    public static let storeFailure = "id.kinerja.Kinerja.StoreFailure"
    public static let noSuchBackup = "id.kinerja.Kinerja.NoSuchBackup"
    public static let noSuchUpload = "id.kinerja.Kinerja.NoSuchUpload"
    public static let internalError = "id.kinerja.Kinerja.InternalError"
}

extension Kinerja.ListPeople.Result: DirectJSONDecodable {
    init(reading parser: inout JSONParser) throws(JSONParsingError) {
        self.init(people: try parser.readArrayMember(CodingKeys.people, of: PositionSummary.self))
    }
}

extension Kinerja.ShowPerson.Result: DirectJSONDecodable {
    init(reading parser: inout JSONParser) throws(JSONParsingError) {
        self.init(positions: try parser.readArrayMember(CodingKeys.positions, of: PositionSummary.self))
    }
}

extension Kinerja.GetComplianceReport.Result: DirectJSONDecodable {
    init(reading parser: inout JSONParser) throws(JSONParsingError) {
        var report: ComplianceReport?
        try parser.forEachMember { key, parser throws(JSONParsingError) in
            if CodingKeys(stringValue: key) == .report { report = try ComplianceReport(reading: &parser) } else { try parser.skipValue() }
        }
        self.init(report: try parser.required(report, CodingKeys.report))
    }
}
