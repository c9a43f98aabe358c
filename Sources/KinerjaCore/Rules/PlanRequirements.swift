/// What a plan must contain under a year's rules, and what the sources only advise: the
/// `[requirements]` table of `config/rules/YYYY.toml`, one key per requirement, each
/// `"required"` or `"advised"`. A required choice missing at the step that records it
/// refuses that step, naming the choice; an advised one is recorded and the plan carries
/// the advice (`PlanAdvice`, flag `advice`). The sources decide which is which: 2024's
/// 32 RHK points come with "Jika kurang, mohon diskusikan dengan atasan Anda" (a talk with
/// the atasan, not a refusal), while a plan without its Praktik Kinerja sub-indicator
/// cannot be submitted on the platform at all.
///
/// A key the file leaves out is not judged: the step is recorded with the choice or
/// without it, and nothing is said.
public struct PlanRequirements: Hashable, Sendable, Codable {
    public enum Level: String, Hashable, Sendable, Codable, CaseIterable {
        /// The step is refused without it.
        case required
        /// The step is recorded without it; the plan is flagged with the advice.
        case advised
    }

    /// One requirement, named by its key in the rules file.
    public enum Requirement: String, Hashable, Sendable, CaseIterable, Codable {
        /// The Praktik Kinerja indicator, at praktik-kinerja (principal) and penyusunan (supervisor).
        case praktikKinerja = "praktik_kinerja"
        /// Pengembangan Kompetensi: RHK items (mode "rhk") or one indicator (mode "indikator")
        /// at pengembangan-kompetensi; a supervisor's one indicator at penyusunan.
        case pengembanganKompetensi = "pengembangan_kompetensi"
        /// At least `minimum_points` RHK points (mode "rhk").
        case rhkMinimumPoints = "rhk_minimum_points"
        /// Perilaku Kerja aspects at perilaku-kerja; one per aspect at penyusunan.
        case perilakuKerja = "perilaku_kerja"
        /// A supervisor's three planned schools at penyusunan.
        case sekolah
        /// The focus school at diskusi-persiapan.
        case sekolahFokus = "sekolah_fokus"
        /// The supervisor's rating at a principal's observasi.
        case nilaiObservasi = "nilai_observasi"
        /// The Tim Kinerja's rating at diskusi-tindak-lanjut.
        case nilaiDiskusiTindakLanjut = "nilai_diskusi_tindak_lanjut"
        /// The Tim Kinerja's three ratings at refleksi-tindak-lanjut.
        case nilaiRefleksi = "nilai_refleksi"

        /// The steps at which the requirement is judged.
        public var steps: [Step] {
            switch self {
            case .praktikKinerja: return [.praktikKinerja, .penyusunan]
            case .pengembanganKompetensi: return [.pengembanganKompetensi, .penyusunan]
            case .rhkMinimumPoints: return [.pengembanganKompetensi]
            case .perilakuKerja: return [.perilakuKerja, .penyusunan]
            case .sekolah: return [.penyusunan]
            case .sekolahFokus: return [.diskusiPersiapan]
            case .nilaiObservasi: return [.observasi]
            case .nilaiDiskusiTindakLanjut: return [.diskusiTindakLanjut]
            case .nilaiRefleksi: return [.refleksiTindakLanjut]
            }
        }
    }

    /// The level of each requirement the file names.
    public var levels: [Requirement: Level]

    public init(_ levels: [Requirement: Level] = [:]) { self.levels = levels }

    /// Every requirement at `level`.
    public static func all(_ level: Level) -> PlanRequirements {
        PlanRequirements(Dictionary(uniqueKeysWithValues: Requirement.allCases.map { ($0, level) }))
    }

    /// The level of `requirement`; nil when the file leaves it out (not judged).
    public func level(of requirement: Requirement) -> Level? { levels[requirement] }

    public func isRequired(_ requirement: Requirement) -> Bool { levels[requirement] == .required }

    public func isAdvised(_ requirement: Requirement) -> Bool { levels[requirement] == .advised }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        var levels: [Requirement: Level] = [:]
        for key in c.allKeys {
            guard let requirement = Requirement(rawValue: key.stringValue) else {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: c,
                    debugDescription: "[requirements] '\(key.stringValue)' is unknown; known: \(Requirement.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let text = try c.decode(String.self, forKey: key)
            guard let level = Level(rawValue: text) else {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: c, debugDescription: "[requirements] \(key.stringValue) = \"\(text)\": use \"required\" or \"advised\"")
            }
            levels[requirement] = level
        }
        self.levels = levels
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: AnyKey.self)
        for requirement in Requirement.allCases {
            if let level = levels[requirement] { try c.encode(level.rawValue, forKey: AnyKey(requirement.rawValue)) }
        }
    }

    private struct AnyKey: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
