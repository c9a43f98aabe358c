/// The Predikat Kinerja the Pejabat Penilai Kinerja sets at the end of a cycle: the five
/// levels of PermenPANRB 6/2022 (DOMAIN-NOTES §10.2). Raw values are the wire, CLI and
/// rules-file ids; declared from best to worst, the order reports list them in.
public enum Predikat: String, Sendable, Codable, CaseIterable, Hashable {
    case sangatBaik = "sangat-baik"
    case baik
    case butuhPerbaikan = "butuh-perbaikan"
    /// "Kurang/Misconduct" is the official label; "Kurang" its common short form.
    case kurang
    case sangatKurang = "sangat-kurang"

    /// The official label, the same in both languages (it is the term the office uses).
    public var label: String {
        switch self {
        case .sangatBaik: return "Sangat Baik"
        case .baik: return "Baik"
        case .butuhPerbaikan: return "Butuh Perbaikan"
        case .kurang: return "Kurang/Misconduct"
        case .sangatKurang: return "Sangat Kurang"
        }
    }
}
