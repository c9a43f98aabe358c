/// Why a person id was refused, naming the part of a NIP that is wrong so that an
/// administrator can find the typo.
public enum PersonIDError: Error, Sendable, Equatable, CustomStringConvertible {
    case empty
    case invalidCharacters(String)
    case wrongLength(id: String, length: Int)
    case birthDate(id: String, digits: String)
    case appointmentMonth(id: String, digits: String)
    case appointmentBeforeBirth(id: String)
    case sexDigit(id: String, digit: Character)

    public var description: String {
        switch self {
        case .empty:
            return "the id is empty"
        case .invalidCharacters(let id):
            return "id '\(id)' may contain only letters, digits, '.', '-' and '_'"
        case .wrongLength(let id, let length):
            return "NIP '\(id)' has \(length) digits, a NIP has 18"
        case .birthDate(let id, let digits):
            return "NIP '\(id)': digits 1–8 (\(digits)) are not a real birth date YYYYMMDD"
        case .appointmentMonth(let id, let digits):
            return "NIP '\(id)': digits 9–14 (\(digits)) are not an appointment month YYYYMM (TMT CPNS)"
        case .appointmentBeforeBirth(let id):
            return "NIP '\(id)': the appointment month (digits 9–14) is before the birth date (digits 1–8)"
        case .sexDigit(let id, let digit):
            return "NIP '\(id)': digit 15 is '\(digit)', it must be 1 (male) or 2 (female)"
        }
    }
}
