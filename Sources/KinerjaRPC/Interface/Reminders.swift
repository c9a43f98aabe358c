/// A reminder occurrence (IDL type `ReminderItem`).
public struct ReminderItem: Codable, Sendable, Hashable {
    public var id, plan, person: String
    public var step: String?
    public var kind, due, fireAt, recipientRole: String
    public var recipient: String?
    /// The recipient's name, when the roster or the officials file knows it.
    public var recipientNama: String?
    /// The recipient's post, when an official (the officials file).
    public var recipientJabatan: String?
    /// The digest it goes (or went) out in: one message a day per recipient,
    /// `YYYY-MM-DD|recipient` (`ReminderDigest`).
    public var digest: String?
    public var state: String
    public var late: Bool
    public var message: String

    public init(id: String, plan: String, person: String, step: String?, kind: String, due: String, fireAt: String,
                recipientRole: String, recipient: String?, state: String, late: Bool, message: String, recipientNama: String? = nil,
                digest: String? = nil) {
        self.recipientNama = recipientNama
        self.digest = digest
        self.id = id
        self.plan = plan
        self.person = person
        self.step = step
        self.kind = kind
        self.due = due
        self.fireAt = fireAt
        self.recipientRole = recipientRole
        self.recipient = recipient
        self.state = state
        self.late = late
        self.message = message
    }
}

/// A silence (IDL type `SilenceItem`).
public struct SilenceItem: Codable, Sendable, Hashable {
    public var id: Int
    public var person, npsn: String?
    public var until, reason, createdAt, createdBy: String
    public var removedAt: String?

    public init(id: Int, person: String?, npsn: String?, until: String, reason: String, createdAt: String, createdBy: String, removedAt: String?) {
        self.id = id
        self.person = person
        self.npsn = npsn
        self.until = until
        self.reason = reason
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.removedAt = removedAt
    }
}

/// A reminder hook (IDL type `HookItem`).
public struct HookItem: Codable, Sendable, Hashable {
    public var name, path: String
    public var executable: Bool
    /// Why the hook is not run (its owner, permissions, a symbolic link); nil when it runs.
    public var skipped: String?

    public init(name: String, path: String, executable: Bool, skipped: String? = nil) {
        self.name = name
        self.path = path
        self.executable = executable
        self.skipped = skipped
    }
}

/// One delivery of a reminder to a hook (IDL type `DeliveryItem`).
public struct DeliveryItem: Codable, Sendable, Hashable {
    public var reminder, hook, state: String
    public var attempts: Int
    public var nextAttemptAt: String?
    public var lastExitCode: Int?
    public var lastError: String?

    public init(reminder: String, hook: String, state: String, attempts: Int, nextAttemptAt: String?, lastExitCode: Int?, lastError: String?) {
        self.reminder = reminder
        self.hook = hook
        self.state = state
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.lastExitCode = lastExitCode
        self.lastError = lastError
    }
}

/// The result of a hook test (IDL type `HookTestResult`).
public struct HookTestResult: Codable, Sendable, Hashable {
    public var hook, outcome: String
    public var exitCode: Int?
    public var stderr: String
    public var milliseconds: Int

    public init(hook: String, outcome: String, exitCode: Int?, stderr: String, milliseconds: Int) {
        self.hook = hook
        self.outcome = outcome
        self.exitCode = exitCode
        self.stderr = stderr
        self.milliseconds = milliseconds
    }
}

extension Kinerja {
    public struct ListReminders: VarlinkMethod {
        public static let name = "id.kinerja.Kinerja.ListReminders"
        public struct Parameters: Codable, Sendable, LanguageCarrying {
            public var language: String?
            public var state, person: String?
            /// First and last local date (YYYY-MM-DD) of the fire time, both included.
            public var since, until: String?
            public var limit: Int?
            public init(state: String? = nil, person: String? = nil, since: String? = nil, until: String? = nil, limit: Int? = nil) {
                self.state = state
                self.person = person
                self.since = since
                self.until = until
                self.limit = limit
            }
        }
        public struct Result: Codable, Sendable { public var reminders: [ReminderItem]; public init(reminders: [ReminderItem]) { self.reminders = reminders } }
    }

    public struct PreviewReminders: VarlinkMethod {
        public static let name = "id.kinerja.Kinerja.PreviewReminders"
        public static let joinPieces: (@Sendable (inout Result, Result) -> Void)? = { $0.reminders += $1.reminders }
        public struct Parameters: Codable, Sendable, LanguageCarrying {
            public var language: String?
            public var from, to: String
            public var person: String?
            public init(from: String, to: String, person: String? = nil) {
                self.from = from
                self.to = to
                self.person = person
            }
        }
        public typealias Result = ListReminders.Result
    }

    public struct WatchReminders: VarlinkMethod {
        public static let name = "id.kinerja.Kinerja.WatchReminders"
        public typealias Parameters = LanguageParameters
        public struct Result: Codable, Sendable { public var reminder: ReminderItem; public init(reminder: ReminderItem) { self.reminder = reminder } }
    }

    public struct AckReminder: VarlinkMethod {
        public static let name = "id.kinerja.Kinerja.AckReminder"
        public struct Parameters: Codable, Sendable, LanguageCarrying {
            public var language: String?
            public var id: String; public init(id: String) { self.id = id }
        }
        public typealias Result = Empty
    }

    public struct AddSilence: VarlinkMethod {
        public static let name = "id.kinerja.Kinerja.AddSilence"
        public struct Parameters: Codable, Sendable, LanguageCarrying {
            public var language: String?
            public var person, npsn: String?
            public var until, reason: String
            public init(person: String? = nil, npsn: String? = nil, until: String, reason: String) {
                self.person = person
                self.npsn = npsn
                self.until = until
                self.reason = reason
            }
        }
        public struct Result: Codable, Sendable { public var silence: SilenceItem; public init(silence: SilenceItem) { self.silence = silence } }
    }

    public struct ListSilences: VarlinkMethod {
        public static let name = "id.kinerja.Kinerja.ListSilences"
        public static let joinPieces: (@Sendable (inout Result, Result) -> Void)? = { $0.silences += $1.silences }
        public struct Parameters: Codable, Sendable, LanguageCarrying {
            public var language: String?
            public var all: Bool?; public init(all: Bool? = nil) { self.all = all }
        }
        public struct Result: Codable, Sendable { public var silences: [SilenceItem]; public init(silences: [SilenceItem]) { self.silences = silences } }
    }

    public struct RemoveSilence: VarlinkMethod {
        public static let name = "id.kinerja.Kinerja.RemoveSilence"
        public struct Parameters: Codable, Sendable, LanguageCarrying {
            public var language: String?
            public var id: Int; public init(id: Int) { self.id = id }
        }
        public typealias Result = AddSilence.Result
    }

    public struct ListHooks: VarlinkMethod {
        public static let name = "id.kinerja.Kinerja.ListHooks"
        public typealias Parameters = LanguageParameters
        public struct Result: Codable, Sendable { public var hooks: [HookItem]; public init(hooks: [HookItem]) { self.hooks = hooks } }
    }

    public struct ListDeliveries: VarlinkMethod {
        public static let name = "id.kinerja.Kinerja.ListDeliveries"
        public struct Parameters: Codable, Sendable, LanguageCarrying {
            public var language: String?
            public var state: String?
            public var limit: Int?
            public init(state: String? = nil, limit: Int? = nil) {
                self.state = state
                self.limit = limit
            }
        }
        public struct Result: Codable, Sendable { public var deliveries: [DeliveryItem]; public init(deliveries: [DeliveryItem]) { self.deliveries = deliveries } }
    }

    public struct TestHook: VarlinkMethod {
        public static let name = "id.kinerja.Kinerja.TestHook"
        public struct Parameters: Codable, Sendable, LanguageCarrying {
            public var language: String?
            public var name: String; public init(name: String) { self.name = name }
        }
        public struct Result: Codable, Sendable { public var result: HookTestResult; public init(result: HookTestResult) { self.result = result } }
    }
}

extension KinerjaError {
    public static let noSuchSilence = "id.kinerja.Kinerja.NoSuchSilence"
    public static let noSuchHook = "id.kinerja.Kinerja.NoSuchHook"
}

extension ReminderItem: DirectJSONEncodable {
    public func writeMembers(to object: inout JSONObjectWriter) {
        object.member(CodingKeys.id, id)
        object.member(CodingKeys.plan, plan)
        object.member(CodingKeys.person, person)
        object.member(CodingKeys.step, step)
        object.member(CodingKeys.kind, kind)
        object.member(CodingKeys.due, due)
        object.member(CodingKeys.fireAt, fireAt)
        object.member(CodingKeys.recipientRole, recipientRole)
        object.member(CodingKeys.recipient, recipient)
        object.member(CodingKeys.recipientNama, recipientNama)
        object.member(CodingKeys.recipientJabatan, recipientJabatan)
        object.member(CodingKeys.digest, digest)
        object.member(CodingKeys.state, state)
        object.member(CodingKeys.late, late)
        object.member(CodingKeys.message, message)
    }
}

extension ReminderItem: DirectJSONDecodable {
    init(reading parser: inout JSONParser) throws(JSONParsingError) {
        var id, plan, person, step, kind, due, fireAt, recipientRole, recipient, recipientNama, recipientJabatan, digest, state, message: String?
        var late: Bool?
        try parser.forEachMember { key, parser throws(JSONParsingError) in
            switch CodingKeys(stringValue: key) {
            case .id?: id = try parser.readString()
            case .plan?: plan = try parser.readString()
            case .person?: person = try parser.readString()
            case .step?: step = try parser.readOptional { parser throws(JSONParsingError) in try parser.readString() }
            case .kind?: kind = try parser.readString()
            case .due?: due = try parser.readString()
            case .fireAt?: fireAt = try parser.readString()
            case .recipientRole?: recipientRole = try parser.readString()
            case .recipient?: recipient = try parser.readOptional { parser throws(JSONParsingError) in try parser.readString() }
            case .recipientNama?: recipientNama = try parser.readOptional { parser throws(JSONParsingError) in try parser.readString() }
            case .recipientJabatan?: recipientJabatan = try parser.readOptional { parser throws(JSONParsingError) in try parser.readString() }
            case .digest?: digest = try parser.readOptional { parser throws(JSONParsingError) in try parser.readString() }
            case .state?: state = try parser.readString()
            case .late?: late = try parser.readBool()
            case .message?: message = try parser.readString()
            case nil: try parser.skipValue()
            }
        }
        self.init(
            id: try parser.required(id, CodingKeys.id), plan: try parser.required(plan, CodingKeys.plan),
            person: try parser.required(person, CodingKeys.person), step: step, kind: try parser.required(kind, CodingKeys.kind),
            due: try parser.required(due, CodingKeys.due), fireAt: try parser.required(fireAt, CodingKeys.fireAt),
            recipientRole: try parser.required(recipientRole, CodingKeys.recipientRole), recipient: recipient,
            state: try parser.required(state, CodingKeys.state), late: try parser.required(late, CodingKeys.late),
            message: try parser.required(message, CodingKeys.message), recipientNama: recipientNama, digest: digest)
        self.recipientJabatan = recipientJabatan
    }
}

extension Kinerja.ListReminders.Result: DirectJSONDecodable {
    init(reading parser: inout JSONParser) throws(JSONParsingError) {
        self.init(reminders: try parser.readArrayMember(CodingKeys.reminders, of: ReminderItem.self))
    }
}
