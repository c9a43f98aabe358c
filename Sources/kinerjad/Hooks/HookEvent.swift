import Foundation
import KinerjaRPC

/// What a hook receives: one JSON line on stdin and the essentials as KINERJA_* environment
/// variables, so a shell hook needs no JSON parser. The person and the recipient come with
/// the contacts the roster or the officials file give them (e-mail, telepon: what a hook
/// sends to), and the plan with its recorded choices.
///
/// `"api": 2` (KINERJA_API=2): a hook runs once per digest, the reminders of one recipient
/// on one day (`ReminderDigest`). `digest` holds its id, `count`, whole `message` and its
/// `items` most urgent first, each with its own `reminder`, `person` and `deadline` as api 1
/// had them. The top-level `reminder`, `person` and `deadline` are still there, those of
/// the most urgent item, except that `reminder.message` (and KINERJA_MESSAGE) is the whole
/// digest's text: a hook written for api 1 keeps working and forwards the whole digest,
/// but sees the other items' fields only in that text.
struct HookEvent: Sendable {
    /// Someone the event names, with what the office knows of them.
    struct Who: Sendable {
        var nama: String?
        /// An official's post; nil for a person of the roster.
        var jabatan: String? = nil
        var email: String? = nil
        var telepon: String? = nil

        var json: [String: JSONValue] {
            ["nama": Self.value(nama), "jabatan": Self.value(jabatan), "email": Self.value(email), "telepon": Self.value(telepon)]
        }

        static func value(_ text: String?) -> JSONValue { text.map { .string($0) } ?? .null }
    }

    let reminder: ReminderItem
    let person: Who
    let role: String
    let npsn: String?
    let schoolName: String?
    let recipient: Who
    let days: Int
    /// The plan's choices and ratings (`PlanChoice` of the interface).
    var choices: [PlanChoiceItem] = []
    /// The daemon's state directory: a place a hook may write (the example hook's log).
    let stateDirectory: String
    /// The digest this event's reminder is the most urgent item of: its id, its whole text,
    /// and its items most urgent first (this event's reminder first). Nil: a digest of one.
    var digest: Digest? = nil

    struct Digest: Sendable {
        let id: String
        let message: String
        let items: [HookEvent]
    }

    /// The interface version hooks are given.
    static let api = 2

    /// The message sent: the digest's whole text, or the one reminder's.
    var message: String { digest?.message ?? reminder.message }

    /// The reminder, its person and its deadline: one item of a digest.
    private var itemObjects: [String: JSONValue] {
        var personObject = person.json
        personObject.removeValue(forKey: "jabatan")
        personObject["id"] = .string(reminder.person)
        personObject["nama"] = .string(person.nama ?? reminder.person)
        personObject["peran"] = .string(role)
        personObject["npsn"] = Who.value(npsn)
        personObject["namaSekolah"] = Who.value(schoolName)
        let choiceValues: [JSONValue] = choices.map { c in
            .object([
                "step": .string(c.step), "choice": .string(c.choice), "id": .string(c.id), "nama": Who.value(c.nama),
                "aspect": Who.value(c.aspect), "jumlah": c.jumlah.map { .int(Int64($0)) } ?? .null, "poin": c.poin.map { .int(Int64($0)) } ?? .null,
            ])
        }
        return [
            "reminder": [
                "id": .string(reminder.id), "kind": .string(reminder.kind), "fireAt": .string(reminder.fireAt),
                "late": .bool(reminder.late), "message": .string(reminder.message), "days": .int(Int64(days)),
            ],
            "person": .object(personObject),
            "deadline": [
                "plan": .string(reminder.plan), "cycle": .string(String(reminder.plan.prefix { $0 != "/" })),
                "step": reminder.step.map { .string($0) } ?? .null, "due": .string(reminder.due), "choices": .array(choiceValues),
            ],
        ]
    }

    var json: String {
        var object = itemObjects
        if case .object(var lead)? = object["reminder"] {
            lead["message"] = .string(message)
            object["reminder"] = .object(lead)
        }
        var recipientObject = recipient.json
        recipientObject["role"] = .string(reminder.recipientRole)
        recipientObject["id"] = Who.value(reminder.recipient)
        object["recipient"] = .object(recipientObject)
        object["api"] = .int(Int64(HookEvent.api))
        let items = digest?.items ?? [self]
        object["digest"] = [
            "id": .string(digest?.id ?? reminder.id), "count": .int(Int64(items.count)), "message": .string(message),
            "items": .array(items.map { .object($0.itemObjects) }),
        ]
        return JSONValue.object(object).jsonString(prettyPrinted: false, sortedKeys: true) + "\n"
    }

    /// A cleaned environment: nothing of the daemon's own, only a safe PATH and the event.
    var environment: [String: String] {
        [
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            "LANG": "C.UTF-8",
            "KINERJA_API": "\(HookEvent.api)",
            "KINERJA_COUNT": "\(digest?.items.count ?? 1)",
            "KINERJA_DIGEST_ID": digest?.id ?? reminder.id,
            // One id a line, most urgent first.
            "KINERJA_REMINDER_IDS": (digest?.items ?? [self]).map(\.reminder.id).joined(separator: "\n"),
            "KINERJA_STATE_DIRECTORY": stateDirectory,
            "KINERJA_REMINDER_ID": reminder.id,
            "KINERJA_KIND": reminder.kind,
            "KINERJA_PERSON_ID": reminder.person,
            "KINERJA_NAME": person.nama ?? reminder.person,
            "KINERJA_EMAIL": person.email ?? "",
            "KINERJA_TELEPON": person.telepon ?? "",
            "KINERJA_ROLE": role,
            "KINERJA_NPSN": npsn ?? "",
            "KINERJA_CYCLE": String(reminder.plan.prefix { $0 != "/" }),
            "KINERJA_STEP": reminder.step ?? "",
            "KINERJA_DUE": reminder.due,
            "KINERJA_DAYS": "\(days)",
            "KINERJA_RECIPIENT": reminder.recipient ?? reminder.recipientRole,
            "KINERJA_RECIPIENT_ROLE": reminder.recipientRole,
            "KINERJA_RECIPIENT_NAME": recipient.nama ?? "",
            "KINERJA_RECIPIENT_JABATAN": recipient.jabatan ?? "",
            "KINERJA_RECIPIENT_EMAIL": recipient.email ?? "",
            "KINERJA_RECIPIENT_TELEPON": recipient.telepon ?? "",
            "KINERJA_LATE": reminder.late ? "1" : "0",
            "KINERJA_MESSAGE": message,
        ]
    }
}
