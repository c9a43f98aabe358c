import Foundation
import KinerjaCore

/// A silence as asked for, checked as every adapter must before storing it: exactly one of
/// person and school, an end that is a real `YYYY-MM-DD` day (it is compared as text), a
/// reason (an office must see why reminders stopped).
package struct SilenceRequest {
    package let personID: String?
    package let npsn: String?
    package let until: String
    package let reason: String

    /// `StoreError.invalidSilence` for what the scheduler could not apply.
    package init(personID: String?, npsn: String?, until: String, reason: String) throws {
        let person = personID.flatMap { $0.isEmpty ? nil : $0 }
        let school = npsn.flatMap { $0.isEmpty ? nil : $0 }
        guard (person == nil) != (school == nil) else {
            throw StoreError.invalidSilence(reason: "name exactly one person or one school")
        }
        guard LocalDate(until)?.description == until else {
            throw StoreError.invalidSilence(reason: "'\(until)' is not a date YYYY-MM-DD")
        }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw StoreError.invalidSilence(reason: "give a reason") }
        self.personID = person
        self.npsn = school
        self.until = until
        self.reason = reason
    }
}
