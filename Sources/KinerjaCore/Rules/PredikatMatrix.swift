/// How the two ratings of the Tim Kinerja give a predikat: the matrix of PermenPANRB
/// 6/2022 (DOMAIN-NOTES §10.2, [C2]), read from the year's rules file (`[predikat_matrix]`),
/// rows Rating Praktik Kinerja / Hasil Kerja, columns Rating Perilaku Kerja. The one place
/// a rating pair becomes a predikat: the Tim Kinerja's Rekomendasi, the check of the
/// Pejabat Penilai's predikat and every report call `predikat(praktik:perilaku:)`.
public struct PredikatMatrix: Hashable, Sendable, Codable {
    /// The predikat of each (praktik, perilaku) pair the rules file names.
    public private(set) var cells: [Rating: [Rating: Predikat]]

    public init(cells: [Rating: [Rating: Predikat]]) {
        self.cells = cells
    }

    /// The predikat the matrix gives; nil when the rules file leaves the cell out (which
    /// `problems()` refuses, so loaded rules always have one).
    public func predikat(praktik: Rating, perilaku: Rating) -> Predikat? {
        cells[praktik]?[perilaku]
    }

    /// The cells the rules file leaves out, as `praktik × perilaku` phrases.
    public func missingCells() -> [String] {
        Rating.allCases.flatMap { praktik in
            Rating.allCases.compactMap { perilaku in
                predikat(praktik: praktik, perilaku: perilaku) == nil ? "\(praktik.rawValue) × \(perilaku.rawValue)" : nil
            }
        }
    }

    public init(from decoder: any Decoder) throws {
        let rows = try decoder.singleValueContainer().decode([String: [String: String]].self)
        var cells: [Rating: [Rating: Predikat]] = [:]
        for (row, columns) in rows {
            guard let praktik = Rating(rawValue: row) else { throw PredikatMatrix.unknown("rating", row, decoder) }
            for (column, value) in columns {
                guard let perilaku = Rating(rawValue: column) else { throw PredikatMatrix.unknown("rating", column, decoder) }
                guard let predikat = Predikat(rawValue: value) else { throw PredikatMatrix.unknown("predikat", value, decoder) }
                cells[praktik, default: [:]][perilaku] = predikat
            }
        }
        self.cells = cells
    }

    public func encode(to encoder: any Encoder) throws {
        var rows: [String: [String: String]] = [:]
        for (praktik, columns) in cells {
            for (perilaku, predikat) in columns { rows[praktik.rawValue, default: [:]][perilaku.rawValue] = predikat.rawValue }
        }
        var c = encoder.singleValueContainer()
        try c.encode(rows)
    }

    private static func unknown(_ what: String, _ value: String, _ decoder: any Decoder) -> DecodingError {
        let known = what == "rating" ? Rating.allCases.map(\.rawValue) : Predikat.allCases.map(\.rawValue)
        return .dataCorrupted(.init(
            codingPath: decoder.codingPath,
            debugDescription: "[predikat_matrix]: '\(value)' is not a \(what); known: \(known.joined(separator: ", "))"))
    }
}
