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
    /// Longer than ``PersonID/maxBytes``.
    case tooLong(length: Int)

    public var description: String { message(in: .english) }

    /// The refusal in the office's language (a roster row's problem).
    public func message(in language: OfficeLanguage) -> String {
        switch self {
        case .empty:
            return language.text(id: "id kosong", en: "the id is empty")
        case .invalidCharacters(let id):
            return language.text(
                id: "id '\(id)' hanya boleh berisi huruf, angka, '.', '-' dan '_'",
                en: "id '\(id)' may contain only letters, digits, '.', '-' and '_'")
        case .wrongLength(let id, let length):
            return language.text(
                id: "NIP '\(id)' berisi \(length) angka, sedangkan NIP terdiri atas 18 angka",
                en: "NIP '\(id)' has \(length) digits, a NIP has 18")
        case .birthDate(let id, let digits):
            return language.text(
                id: "NIP '\(id)': angka ke-1–8 (\(digits)) bukan tanggal lahir YYYYMMDD yang sah",
                en: "NIP '\(id)': digits 1–8 (\(digits)) are not a real birth date YYYYMMDD")
        case .appointmentMonth(let id, let digits):
            return language.text(
                id: "NIP '\(id)': angka ke-9–14 (\(digits)) bukan bulan pengangkatan YYYYMM (TMT CPNS)",
                en: "NIP '\(id)': digits 9–14 (\(digits)) are not an appointment month YYYYMM (TMT CPNS)")
        case .appointmentBeforeBirth(let id):
            return language.text(
                id: "NIP '\(id)': bulan pengangkatan (angka ke-9–14) lebih awal dari tanggal lahir (angka ke-1–8)",
                en: "NIP '\(id)': the appointment month (digits 9–14) is before the birth date (digits 1–8)")
        case .sexDigit(let id, let digit):
            return language.text(
                id: "NIP '\(id)': angka ke-15 adalah '\(digit)', seharusnya 1 (laki-laki) atau 2 (perempuan)",
                en: "NIP '\(id)': digit 15 is '\(digit)', it must be 1 (male) or 2 (female)")
        case .tooLong(let length):
            return language.text(
                id: "id berisi \(length) karakter; paling banyak \(PersonID.maxBytes)",
                en: "the id has \(length) characters; at most \(PersonID.maxBytes)")
        }
    }
}
