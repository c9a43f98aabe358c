import KinerjactlCore

/// The placeholders of help texts (`<siklus>`, `<TTTT-BB-HH>`) and the names of arguments in
/// messages, in both languages.
enum Placeholder {
    static let cycle = Words("siklus", "cycle")
    static let date = Words("TTTT-BB-HH", "YYYY-MM-DD")
    static let step = Words("langkah", "step")
    static let file = Words("berkas", "file")
    static let text = Words("teks", "text")
    static let id = Words("id", "id")
    static let ids = Words("id,…", "id,…")
    static let npsn = Words("npsn", "npsn")
    static let npsns = Words("npsn,npsn,npsn", "npsn,npsn,npsn")
    static let count = Words("n", "n")
    static let seconds = Words("detik", "seconds")
    static let path = Words("jalur", "path")
    static let name = Words("nama", "name")
    static let role = Words("peran", "role")
    static let state = Words("keadaan", "state")
    static let cause = Words("sebab", "cause")
    static let rating = Words("nilai", "rating")
    static let planOrPerson = Words("rencana-atau-orang", "plan-or-person")
    static let subject = Words("subjek", "subject")

    /// A positional argument as ArgumentParser names it in usage lines: `<siklus>`.
    static func argument(_ words: Words) -> Words { Words("<\(words.indonesian)>", "<\(words.english)>") }

    /// An option as it is typed: `--from`.
    static func option(_ name: String) -> Words { Words(name, name) }
}
