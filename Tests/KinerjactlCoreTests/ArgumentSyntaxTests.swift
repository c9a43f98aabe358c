import KinerjaVocabulary
import KinerjactlCore
import Testing

/// The syntax kinerjactl checks before any call: a refused value names itself and what is
/// accepted, in both languages.
@Suite("kinerjactl's argument syntax")
struct ArgumentSyntaxTests {
    static let label = Bilingual("--cycle", "--cycle")

    @Test("cycles: YYYY-1 and YYYY-2")
    func cycles() throws {
        for good in ["2026-1", "2026-2", "1999-2"] { try ArgumentSyntax.cycle(good, Self.label) }
        for bad in ["2026-3", "2026-0", "26-2", "2026", "2026-2-1", "2026-", "abcd-1", "2026-12", ""] {
            #expect(throws: ArgumentProblem.self, "\(bad)") { try ArgumentSyntax.cycle(bad, Self.label) }
        }
        #expect(throws: ArgumentProblem(Bilingual(
            "--cycle: '2026-3' bukan siklus; tulis TAHUN-1 (Januari–Juni) atau TAHUN-2 (Juli–Desember), mis. 2026-2",
            "--cycle: '2026-3' is not a cycle; write YEAR-1 (January–June) or YEAR-2 (July–December), e.g. 2026-2"))) {
            try ArgumentSyntax.cycle("2026-3", Self.label)
        }
    }

    @Test("dates: YYYY-MM-DD, month 01–12, day 01–31")
    func dates() throws {
        for good in ["2026-12-01", "2026-01-31", "2024-02-29"] { try ArgumentSyntax.date(good, Self.label) }
        for bad in ["2026-13-01", "2026-00-10", "2026-12-32", "2026-12-00", "2026-3-1", "20261201", "2026/12/01", "2026-12-01x", "tomorrow"] {
            #expect(throws: ArgumentProblem.self, "\(bad)") { try ArgumentSyntax.date(bad, Self.label) }
        }
        do {
            try ArgumentSyntax.date("2026-13-01", Bilingual("--from", "--from"))
            Issue.record("2026-13-01 accepted")
        } catch {
            #expect(error.words.indonesian.hasPrefix("--from: '2026-13-01' bukan tanggal; tulis TTTT-BB-HH"))
            #expect(error.words.english.hasPrefix("--from: '2026-13-01' is not a date; write YYYY-MM-DD"))
        }
    }

    @Test("an id a table knows; a refusal lists what it knows")
    func knownIDs() throws {
        try ArgumentSyntax.known("rhk-atasan", in: Vocabulary.blockCauses, Bilingual("--cause", "--cause"))
        #expect(throws: ArgumentProblem(Bilingual(
            "--cause: 'rhk' tidak dikenal; pilih rhk-atasan, pemutakhiran-data, plotting-tim-kinerja atau lainnya",
            "--cause: 'rhk' is not known; choose rhk-atasan, pemutakhiran-data, plotting-tim-kinerja or lainnya"))) {
            try ArgumentSyntax.known("rhk", in: Vocabulary.blockCauses, Bilingual("--cause", "--cause"))
        }
    }

    @Test("a plan id begins with a cycle and ends with ps or ks@NPSN; a person id passes to the daemon")
    func planOrPerson() throws {
        for good in ["2026-2/196811021993032004/ps", "2026-2/197410051999031002/ks@20571113", "196811021993032004", "NONASN-0001"] {
            try ArgumentSyntax.planOrPerson(good, Self.label)
        }
        for bad in ["2026-3/196811021993032004/ps", "2026-2/196811021993032004", "2026-2//ps", "2026-2/1968/ks@", "2026-2/1968/kepala"] {
            #expect(throws: ArgumentProblem.self, "\(bad)") { try ArgumentSyntax.planOrPerson(bad, Self.label) }
        }
    }

    @Test("a number's least value")
    func atLeast() throws {
        try ArgumentSyntax.atLeast(1, 1, Bilingual("--timeout", "--timeout"))
        #expect(throws: ArgumentProblem.self) { try ArgumentSyntax.atLeast(0, 1, Bilingual("--timeout", "--timeout")) }
    }
}
