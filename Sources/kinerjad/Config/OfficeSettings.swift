import KinerjaCore
import KinerjaRules

/// The `[office]` section: the office itself as a recipient. Its operator owns stage 1,
/// Pemutakhiran Data (the Kepala Dinas, named by the officials file, owns stage 2): an
/// office that names its operator tracks stages 1–2, so a person whose stage 1 or 2 is not
/// recorded in a cycle shows blocked with it; one that does not name one keeps to stages
/// 3–4 (its plans are never blocked by stages it does not record). `preconditions_from`
/// names the first cycle tracked, so that an office starting to record them does not see
/// the plans of a cycle under way blocked by stages nobody recorded.
struct OfficeSettings: Sendable, Equatable {
    var operatorName = ""
    var operatorJabatan = ""
    var operatorEmail = ""
    var operatorTelepon = ""
    /// The first cycle whose stages 1–2 are tracked; nil: every cycle.
    var preconditionsFrom: CycleID?

    static let keys = ["operator_name", "operator_jabatan", "operator_email", "operator_telepon", "preconditions_from"]

    /// Stages 1–2 are recorded and judged (from `preconditionsFrom` on).
    var tracksPreconditions: Bool { !operatorName.isEmpty }

    /// Stages 1–2 of `cycle` are judged: a missing one blocks a plan.
    func tracks(_ cycle: CycleID) -> Bool { tracksPreconditions && preconditionsFrom.map { cycle >= $0 } ?? true }

    /// The operator's name and post, when the office names one.
    var named: (nama: String, jabatan: String)? { tracksPreconditions ? (operatorName, operatorJabatan) : nil }

    /// What of this section changes how plans are derived, for the name of their derivation.
    var derivationName: String {
        guard tracksPreconditions else { return "" }
        return "+preconditions" + (preconditionsFrom.map { "-from-\($0)" } ?? "")
    }

    init() {}

    init(_ r: TOMLReader) throws(ConfigError) {
        operatorName = try r.string("operator_name", default: "").trimmingCharacters(in: .whitespaces)
        operatorJabatan = try r.string("operator_jabatan", default: "Operator Dinas Pendidikan").trimmingCharacters(in: .whitespaces)
        operatorEmail = try r.string("operator_email", default: "")
        operatorTelepon = try r.string("operator_telepon", default: "")
        if let text = r.table["preconditions_from"] {
            guard let cycle = text.string.flatMap({ CycleID($0) }) else {
                throw r.fail("preconditions_from must be a cycle, e.g. preconditions_from = \"2027-1\" (YYYY-1 or YYYY-2)")
            }
            preconditionsFrom = cycle
        }
        if operatorName.isEmpty, !(operatorEmail + operatorTelepon).isEmpty || r.table["operator_jabatan"] != nil {
            throw r.fail("operator_name is missing: name the operator who gets stage 1 reminders, e.g. operator_name = \"Siti Rahmawati, S.Kom.\"")
        }
    }
}
