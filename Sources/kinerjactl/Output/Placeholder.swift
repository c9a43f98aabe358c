import KinerjaVocabulary

/// The placeholders of help texts (`<siklus>`, `<TTTT-BB-HH>`) and the names of arguments in
/// messages, in both languages.
enum Placeholder {
    static let cycle = Bilingual("siklus", "cycle")
    static let date = Bilingual("TTTT-BB-HH", "YYYY-MM-DD")
    static let step = Bilingual("langkah", "step")
    static let file = Bilingual("berkas", "file")
    static let text = Bilingual("teks", "text")
    static let id = Bilingual("id", "id")
    static let ids = Bilingual("id,…", "id,…")
    static let npsn = Bilingual("npsn", "npsn")
    static let npsns = Bilingual("npsn,npsn,npsn", "npsn,npsn,npsn")
    static let count = Bilingual("n", "n")
    static let seconds = Bilingual("detik", "seconds")
    static let path = Bilingual("jalur", "path")
    static let name = Bilingual("nama", "name")
    static let role = Bilingual("peran", "role")
    static let state = Bilingual("keadaan", "state")
    static let cause = Bilingual("sebab", "cause")
    static let stage = Bilingual("tahap", "stage")
    static let rating = Bilingual("nilai", "rating")
    static let planOrPerson = Bilingual("rencana-atau-orang", "plan-or-person")
    static let subject = Bilingual("subjek", "subject")

    /// A positional argument as ArgumentParser names it in usage lines: `<siklus>`.
    static func argument(_ words: Bilingual) -> Bilingual { Bilingual("<\(words.indonesian)>", "<\(words.english)>") }

    /// An option as it is typed: `--from`.
    static func option(_ name: String) -> Bilingual { Bilingual(name, name) }
}
