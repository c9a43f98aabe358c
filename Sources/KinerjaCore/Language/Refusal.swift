/// A refused request as the office reads it: each refusal of the domain (a transition, a
/// malformed id, a CSV row) says what is wrong and what would do, in either language. The
/// daemon shows it in its office's language; the same refusal reads the same whether it
/// came through a CSV import or a single RPC call.
public protocol Refusal: Error, Sendable {
    func message(in language: OfficeLanguage) -> String
}

extension TransitionError: Refusal {}
extension PersonIDError: Refusal {}
