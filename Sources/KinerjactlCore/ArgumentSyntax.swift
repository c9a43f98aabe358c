import KinerjaRPC
import KinerjaVocabulary
/// The syntax of what kinerjactl's arguments take, checked in `validate()` before any call so
/// that a mistyped value is a usage error (exit 2) naming the value and what is accepted.
/// Syntax only: whether a date falls in the cycle, a step fits the plan or a school exists is
/// the daemon's to judge (its refusals name the field); KinerjaCore, where those rules live,
/// is not linked into kinerjactl.
public enum ArgumentSyntax {
    /// A cycle: `YYYY-1` (January–June) or `YYYY-2` (July–December).
    public static func cycle(_ value: String, _ label: Bilingual) throws(ArgumentProblem) {
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[0].allSatisfy(\.isASCIIDigit), parts[1] == "1" || parts[1] == "2" else {
            throw ArgumentProblem(label + Bilingual(
                ": '\(value)' bukan siklus; tulis TAHUN-1 (Januari–Juni) atau TAHUN-2 (Juli–Desember), mis. 2026-2",
                ": '\(value)' is not a cycle; write YEAR-1 (January–June) or YEAR-2 (July–December), e.g. 2026-2"))
        }
    }

    /// A day: `YYYY-MM-DD`, month 01–12, day 01–31 (a 30 February is the daemon's to refuse).
    public static func date(_ value: String, _ label: Bilingual) throws(ArgumentProblem) {
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              let month = Int(parts[1]), let day = Int(parts[2]), (1...12).contains(month), (1...31).contains(day)
        else {
            throw ArgumentProblem(label + Bilingual(
                ": '\(value)' bukan tanggal; tulis TTTT-BB-HH (tahun-bulan-hari), mis. 2026-12-01",
                ": '\(value)' is not a date; write YYYY-MM-DD, e.g. 2026-12-01"))
        }
    }

    /// One of the ids a table knows (a step, a cause, a state…).
    public static func known(_ value: String, in vocabulary: Vocabulary, _ label: Bilingual) throws(ArgumentProblem) {
        try oneOf(value, vocabulary.ids, label)
    }

    /// One of `accepted`.
    public static func oneOf(_ value: String, _ accepted: [String], _ label: Bilingual) throws(ArgumentProblem) {
        guard !accepted.contains(value) else { return }
        let list = Vocabulary.list(accepted)
        throw ArgumentProblem(label + Bilingual(": '\(value)' tidak dikenal; pilih ", ": '\(value)' is not known; choose ") + list)
    }

    /// A plan id (`CYCLE/ID/ks@NPSN`, `CYCLE/ID/ps`: what has a '/') starts with a cycle; a
    /// person id is the daemon's to find.
    public static func planOrPerson(_ value: String, _ label: Bilingual) throws(ArgumentProblem) {
        guard let slash = value.firstIndex(of: "/") else { return }
        let parts = value.split(separator: "/", omittingEmptySubsequences: false)
        let shape = Bilingual(
            "; tulis id rencana SIKLUS/ID/ks@NPSN atau SIKLUS/ID/ps (mis. 2026-2/196811021993032004/ps), atau id orang",
            "; write a plan id CYCLE/ID/ks@NPSN or CYCLE/ID/ps (e.g. 2026-2/196811021993032004/ps), or a person id")
        guard parts.count == 3, !parts[1].isEmpty, parts[2] == "ps" || (parts[2].hasPrefix("ks@") && parts[2].count > 3) else {
            throw ArgumentProblem(label + Bilingual(": '\(value)' bukan id rencana", ": '\(value)' is not a plan id") + shape)
        }
        try cycle(String(value[..<slash]), label)
    }

    /// A whole number within an integer bound of the interface (``WireBounds``): a value the
    /// daemon would refuse is refused here, before any call.
    public static func within(_ value: Int, _ bound: ParameterBound, _ label: Bilingual) throws(ArgumentProblem) {
        guard case .integer(let range) = bound, !range.contains(Int64(value)) else { return }
        throw ArgumentProblem(label + Bilingual(
            ": \(value) di luar batas; dari \(range.lowerBound) sampai \(range.upperBound)",
            ": \(value) is out of bounds; from \(range.lowerBound) to \(range.upperBound)"))
    }

    /// A whole number of at least `minimum`.
    public static func atLeast(_ value: Int, _ minimum: Int, _ label: Bilingual) throws(ArgumentProblem) {
        guard value < minimum else { return }
        throw ArgumentProblem(label + Bilingual(": \(value) terlalu kecil; paling sedikit \(minimum)", ": \(value) is too small; at least \(minimum)"))
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
