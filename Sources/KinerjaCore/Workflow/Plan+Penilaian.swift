extension Plan {
    /// The Tim Kinerja's two ratings, once Penilaian is recorded.
    public var penilaianRatings: (praktik: Rating, perilaku: Rating)? {
        guard let d = record(.penilaian)?.details, let praktik = d.ratingPraktik, let perilaku = d.ratingPerilaku else { return nil }
        return (praktik, perilaku)
    }

    /// The Tim Kinerja's Rekomendasi Predikat: what the year's matrix gives its two ratings
    /// (DOMAIN-NOTES §10.1: the recommendation is made "from" the two ratings); nil before
    /// Penilaian or without a matrix.
    public func rekomendasi(rules: YearRules) -> Predikat? {
        guard let ratings = penilaianRatings else { return nil }
        return rules.predikatMatrix?.predikat(praktik: ratings.praktik, perilaku: ratings.perilaku)
    }

    /// The predikat the Pejabat Penilai Kinerja set, once Penetapan Predikat is done.
    public var predikat: Predikat? {
        guard let r = record(.penetapanPredikat), r.completedOn != nil else { return nil }
        return r.details?.predikat
    }

    /// What Penilaian and Penetapan Predikat need: both ratings at Penilaian; at Penetapan
    /// Predikat a predikat, and a reason (`alasan`) when it is not the one the year's matrix
    /// gives the Tim Kinerja's ratings: the Pejabat Penilai decides, but a predikat against
    /// the matrix must say why, for whoever checks the distribution later.
    static func penilaianProblem(_ details: StepDetails, at step: Step, of plan: Plan, rules: YearRules) -> DetailsProblem? {
        let ratings = Rating.allCases.map(\.rawValue)
        if step == .penilaian {
            if details.ratingPraktik == nil { return .penilaianNeeds(.nilaiPraktikKinerja, step: step, known: ratings) }
            if details.ratingPerilaku == nil { return .penilaianNeeds(.nilaiPerilakuKerja, step: step, known: ratings) }
            return nil
        }
        guard let matrix = rules.predikatMatrix else { return .noPredikatMatrix(rulesFile: rules.fileName) }
        guard let (praktik, perilaku) = plan.penilaianRatings, let expected = matrix.predikat(praktik: praktik, perilaku: perilaku) else {
            return .noPredikatMatrix(rulesFile: rules.fileName)
        }
        guard let given = details.predikat else {
            return .penilaianNeeds(.predikat, step: step, known: [expected.rawValue] + Predikat.allCases.map(\.rawValue).filter { $0 != expected.rawValue })
        }
        let reason = details.alasan.map { Substring($0).trimmedOfWhitespace() } ?? ""
        if given != expected && reason.isEmpty {
            return .predikatAgainstMatrix(given, matrix: expected, praktik: praktik, perilaku: perilaku, rulesFile: rules.fileName)
        }
        return nil
    }
}
