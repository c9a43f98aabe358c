/// The optional contact columns of the roster and the officials file: `email` and
/// `telepon`, read the same way in both.
extension CSVRecord {
    static let contactColumns = ["email", "telepon"]

    /// The row's e-mail address and phone number, each nil when empty; a malformed one is
    /// the row's problem.
    func contact() throws(ImportProblem) -> (email: String?, telepon: String?) {
        var email: String? = nil, telepon: String? = nil
        if let text = self["email"] {
            guard let address = Contact.email(text) else {
                throw problem(id: "email '\(text)' bukan alamat e-mail (nama@domain)", en: "email '\(text)' is not an e-mail address (name@domain)")
            }
            email = address
        }
        if let text = self["telepon"] {
            guard let number = Contact.telepon(text) else {
                throw problem(
                    id: "telepon '\(text)' bukan nomor telepon (8 sampai 15 angka, boleh diawali +, mis. 0812-3456-7890)",
                    en: "telepon '\(text)' is not a phone number (8 to 15 digits, a leading + allowed, e.g. 0812-3456-7890)")
            }
            telepon = number
        }
        return (email, telepon)
    }
}
