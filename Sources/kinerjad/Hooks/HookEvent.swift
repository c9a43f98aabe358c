import Foundation
import KinerjaRPC

/// What a hook receives: one JSON line on stdin (`"api": 1`) and the essentials as
/// KINERJA_* environment variables, so a shell hook needs no JSON parser. The person and the
/// recipient come with the contacts the roster or the officials file give them (e-mail,
/// telepon: what a hook sends to), and the plan with its recorded choices.
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

    var json: String {
        var personObject = person.json
        personObject.removeValue(forKey: "jabatan")
        personObject["id"] = .string(reminder.person)
        personObject["nama"] = .string(person.nama ?? reminder.person)
        personObject["peran"] = .string(role)
        personObject["npsn"] = Who.value(npsn)
        personObject["namaSekolah"] = Who.value(schoolName)
        var recipientObject = recipient.json
        recipientObject["role"] = .string(reminder.recipientRole)
        recipientObject["id"] = Who.value(reminder.recipient)
        let choiceValues: [JSONValue] = choices.map { c in
            .object([
                "step": .string(c.step), "choice": .string(c.choice), "id": .string(c.id), "nama": Who.value(c.nama),
                "aspect": Who.value(c.aspect), "jumlah": c.jumlah.map { .int(Int64($0)) } ?? .null, "poin": c.poin.map { .int(Int64($0)) } ?? .null,
            ])
        }
        let object: JSONValue = [
            "api": 1,
            "reminder": [
                "id": .string(reminder.id), "kind": .string(reminder.kind), "fireAt": .string(reminder.fireAt),
                "late": .bool(reminder.late), "message": .string(reminder.message), "days": .int(Int64(days)),
            ],
            "person": .object(personObject),
            "deadline": [
                "plan": .string(reminder.plan), "cycle": .string(String(reminder.plan.prefix { $0 != "/" })),
                "step": reminder.step.map { .string($0) } ?? .null, "due": .string(reminder.due), "choices": .array(choiceValues),
            ],
            "recipient": .object(recipientObject),
        ]
        return object.jsonString(prettyPrinted: false, sortedKeys: true) + "\n"
    }

    /// A cleaned environment: nothing of the daemon's own, only a safe PATH and the event.
    var environment: [String: String] {
        [
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            "LANG": "C.UTF-8",
            "KINERJA_API": "1",
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
            "KINERJA_MESSAGE": reminder.message,
        ]
    }
}
