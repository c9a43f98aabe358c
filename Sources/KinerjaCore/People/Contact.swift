/// How the roster and the officials file write a person's contacts, which hooks use to send
/// an e-mail or a WhatsApp message (the daemon itself sends nothing).
public enum Contact {
    /// The address as typed, when it reads as one: one `@` with text before it, a dot in the
    /// domain, no spaces. Nothing more is checked: only the mail server knows.
    public static func email(_ text: String) -> String? {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !text.contains(where: \.isWhitespace) else { return nil }
        let domain = parts[1]
        guard let dot = domain.firstIndex(of: "."), dot != domain.startIndex, domain.last != "." else { return nil }
        return text
    }

    /// The number with its separators (spaces, `-`, `.`, brackets) dropped, a leading `+`
    /// kept: `0812-3456-7890` is `081234567890`, `+62 812 3456 7890` is `+6281234567890`.
    /// 8 to 15 digits (E.164's longest); a letter refuses it. Whether a `0` becomes `+62` is
    /// the hook's to decide (a WhatsApp gateway wants the country code, an SMS modem not).
    public static func telepon(_ text: String) -> String? {
        var digits = ""
        for (index, c) in text.enumerated() {
            if c.isASCII, c.isNumber {
                digits.append(c)
            } else if c == "+" && index == 0 {
                digits.append(c)
            } else if !(c == " " || c == "-" || c == "." || c == "(" || c == ")") {
                return nil
            }
        }
        let count = digits.filter(\.isNumber).count
        return (8...15).contains(count) ? digits : nil
    }
}
