import Foundation
import KinerjaRPC

/// What a hook receives: one JSON line on stdin (`"api": 1`) and the essentials as
/// KINERJA_* environment variables, so a shell hook needs no JSON parser.
struct HookEvent: Sendable {
    let reminder: ReminderItem
    let personName: String
    let role: String
    let npsn: String?
    let schoolName: String?
    let recipientName: String?
    let days: Int
    /// The daemon's state directory: a place a hook may write (the example hook's log).
    let stateDirectory: String

    var json: String {
        let object: JSONValue = [
            "api": 1,
            "reminder": [
                "id": .string(reminder.id), "kind": .string(reminder.kind), "fireAt": .string(reminder.fireAt),
                "late": .bool(reminder.late), "message": .string(reminder.message), "days": .int(Int64(days)),
            ],
            "person": [
                "id": .string(reminder.person), "nama": .string(personName), "peran": .string(role),
                "npsn": npsn.map { .string($0) } ?? .null, "namaSekolah": schoolName.map { .string($0) } ?? .null,
            ],
            "deadline": [
                "plan": .string(reminder.plan), "cycle": .string(String(reminder.plan.prefix { $0 != "/" })),
                "step": reminder.step.map { .string($0) } ?? .null, "due": .string(reminder.due),
            ],
            "recipient": [
                "role": .string(reminder.recipientRole), "id": reminder.recipient.map { .string($0) } ?? .null,
                "nama": recipientName.map { .string($0) } ?? .null,
            ],
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
            "KINERJA_NAME": personName,
            "KINERJA_ROLE": role,
            "KINERJA_NPSN": npsn ?? "",
            "KINERJA_CYCLE": String(reminder.plan.prefix { $0 != "/" }),
            "KINERJA_STEP": reminder.step ?? "",
            "KINERJA_DUE": reminder.due,
            "KINERJA_DAYS": "\(days)",
            "KINERJA_RECIPIENT": reminder.recipient ?? reminder.recipientRole,
            "KINERJA_RECIPIENT_ROLE": reminder.recipientRole,
            "KINERJA_LATE": reminder.late ? "1" : "0",
            "KINERJA_MESSAGE": reminder.message,
        ]
    }
}
