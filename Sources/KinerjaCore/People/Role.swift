import Foundation

/// The two roles whose Pengelolaan Kinerja an office tracks. Wire and CSV ids are the
/// snake/kebab forms used by the national platform's vocabulary.
public enum Role: String, Sendable, Codable, CaseIterable, Hashable {
    /// Kepala Sekolah: a school principal, definitif or Plt.
    case kepalaSekolah = "kepala_sekolah"
    /// Pengawas Sekolah: a school supervisor who mentors several schools.
    case pengawasSekolah = "pengawas_sekolah"

    /// Parses the CSV/CLI spelling, accepting `-` for `_` and any case.
    public init?(parsing text: String) {
        self.init(rawValue: snakeCased(text))
    }
}

/// How a principal holds the position.
public enum Jabatan: String, Sendable, Codable, CaseIterable, Hashable {
    /// Definitif: the appointed principal of the school.
    case definitif
    /// Plt. (pelaksana tugas): acting principal of a school other than (or besides) their own.
    case plt

    public init?(parsing text: String) { self.init(rawValue: text.lowercased().filter { $0 != "." }) }
}

/// Employment status, which decides how the person's id is checked.
public enum Kepegawaian: String, Sendable, Codable, CaseIterable, Hashable {
    /// PNS: civil servant with an 18-digit NIP whose structure is checked.
    case pns
    /// PPPK: contract civil servant; 18 digits whose parts mean something else.
    case pppk
    /// Non-ASN: not a civil servant; any unique id.
    case nonAsn = "non_asn"

    public init?(parsing text: String) {
        self.init(rawValue: snakeCased(text))
    }
}

/// A CSV/CLI spelling as its raw value: any case, `-` for `_`.
private func snakeCased(_ text: String) -> String {
    String(text.lowercased().map { $0 == "-" ? "_" : $0 })
}
