import Foundation
import KinerjaVocabulary
import Testing

/// One language at a time: with KINERJA_LANG unset every word kinerjactl prints is Bahasa
/// Indonesia, with KINERJA_LANG=en English; `--json` keeps the interface's ids.
@Suite("One language at a time")
struct LanguageTests {
    /// English that kinerjactl's Indonesian output used to carry, and ArgumentParser's own words.
    static let english = [
        "done", "current", "pending", "overdue", "not-submitted", "not submitted", "lead", "due", "person added", "position added",
        "delivered", "failed", "fired", "planned", "blocked", "principal", "supervisor", "escalation", "complete", "completed",
        "started", "all done", "recorded", "rows", "written", "days", "today", "bytes", "line", "before", "after", "next",
        "the", "and", "with", "for", "of", "is", "usage", "options", "arguments", "subcommands", "overview", "default",
        "show help information", "see", "error", "missing", "unknown",
    ]
    /// Indonesian that must not reach an English reader (official terms such as Praktik Kinerja
    /// or Tim Kinerja, and people's and schools' names, are the same in both).
    static let indonesian = [
        "selesai", "berjalan", "belum", "terlambat", "terblokir", "menunggu", "terkirim", "terjadwal", "dibisukan", "hari",
        "batas", "langkah", "rencana", "orang", "ditambahkan", "diubah", "baris", "bawaan", "pemakaian", "opsi", "tampilkan",
        "dan", "atau", "untuk", "dengan", "yang", "tidak", "sampai", "menjelang", "gagal", "jabatan", "contoh", "lihat",
        "berikutnya", "tercatat", "impor", "bita", "kode", "keluar", "sebelum", "sesudah", "aktif", "kepala sekolah",
        "pengawas sekolah", "dikonfirmasi", "susulan",
    ]

    /// The listed words and phrases found in `text`: whole words, any case; tokens holding an
    /// id or a path (`/`, `|`, `@`) left out.
    static func found(_ list: [String], in text: String) -> [String] {
        let words = text.split(whereSeparator: \.isWhitespace)
            .filter { !$0.contains(where: { "/|@".contains($0) }) }
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ".,;:()[]'\"…")).lowercased() }
        let joined = " " + words.joined(separator: " ") + " "
        return list.filter { joined.contains(" \($0.lowercased()) ") }
    }

    /// What an office reads from kinerjactl on the example district: the lists, plans and
    /// history, reports, reminders, hooks, status, a transition, a dry run.
    static func outputs(language: String?) throws -> [(command: String, text: String)] {
        let daemon = try DaemonProcess.started(clockStart: TestEnvironment.exampleClockStart)
        let cli = CLI(daemon, language: language)
        _ = try cli.importFile("roster", TestEnvironment.example("roster.csv"))
        _ = try cli.importFile("progress", TestEnvironment.example("progress.csv"))
        let commands: [[String]] = [
            ["status"], ["cycle", "show"], ["cycle", "show", "2024-1"], ["people", "list"], ["people", "list", "--all"],
            ["people", "show", "197410051999031002"], ["plan", "show", "196811021993032004"], ["plan", "show", "197002141993032002"],
            ["plan", "show", "197610132002031006"], ["plan", "show", "197501082000122001"],
            ["plan", "complete", "197812012005012004", "praktik-kinerja", "--praktik-kinerja", "d3-visi-misi"],
            ["plan", "block", "198506052010121003", "--cause", "pemutakhiran-data"],
            ["history", "197812012005012004"], ["history", "198506052010121003"], ["history", "197206171998121002"],
            ["reminders", "preview", "--from", "2026-11-25", "--to", "2026-12-08"], ["reminders", "list"],
            ["reminders", "deliveries"], ["hooks", "list"], ["hooks", "test", "50-append-to-file"], ["report", "compliance"],
            ["silence", "list", "--all"], ["import", "roster", TestEnvironment.example("roster-with-errors.csv"), "--dry-run"],
            ["import", "roster", TestEnvironment.example("roster.csv")],
        ]
        var outputs: [(String, String)] = []
        for command in commands {
            let result = try cli.run(command)
            let expected: Int32 = command.contains("--dry-run") ? 1 : 0
            #expect(result.status == expected, "\(result)")
            outputs.append((command.joined(separator: " "), result.stdout + result.stderr))
        }
        return outputs
    }

    @Test("KINERJA_LANG unset: tables, values, flags, history, hook tests, reminders, reports, status in Bahasa Indonesia")
    func indonesianOutput() throws {
        for (command, text) in try Self.outputs(language: nil) {
            #expect(Self.found(Self.english, in: text).isEmpty, "English in `\(command)`: \(Self.found(Self.english, in: text))\n\(text)")
        }
    }

    @Test("KINERJA_LANG=en: the same in English, ids and official terms aside")
    func englishOutput() throws {
        // The catalogs' names are the office's data in the official language (the rules
        // files' `nama`), as people's and schools' names are: left out of the check.
        let rules = try String(contentsOfFile: TestEnvironment.rulesDirectory + "/2025.toml", encoding: .utf8)
        let names = rules.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("nama = \"") else { return nil }
            return String(line.dropFirst(8).dropLast())
        }
        for (command, output) in try Self.outputs(language: "en") {
            // A refused row's reason is the daemon's, in the caller's language too.
            var text = output
            for name in names { text = text.replacingOccurrences(of: name, with: "") }
            #expect(Self.found(Self.indonesian, in: text).isEmpty, "Indonesian in `\(command)`: \(Self.found(Self.indonesian, in: text))\n\(text)")
        }
    }

    @Test("status counts people and the positions they hold apart, in either language")
    func statusCounts() throws {
        let daemon = try DaemonProcess.started(clockStart: TestEnvironment.exampleClockStart)
        _ = try CLI(daemon).importFile("roster", TestEnvironment.example("roster.csv"))
        let indonesian = try CLI(daemon, language: nil).run(["status"])
        #expect(indonesian.stdout.contains("orang aktif:    34, memegang 35 posisi (kepala sekolah 30, pengawas sekolah 5)"), "\(indonesian)")
        let english = try CLI(daemon).run(["status"])
        #expect(english.stdout.contains("active people: 34, holding 35 positions (principal 30, supervisor 5)"), "\(english)")
    }

    @Test("a dry run names a bad row as a refused import does: baris N, in the language")
    func importProblemsOneFormat() throws {
        let daemon = try DaemonProcess.started(clockStart: TestEnvironment.exampleClockStart)
        let file = TestEnvironment.example("roster-with-errors.csv")
        let cli = CLI(daemon, language: nil)
        let dry = try cli.run(["import", "roster", file, "--dry-run"])
        let refused = try cli.run(["import", "roster", file])
        // The refused rows, before the warnings about the rest (which the import goes ahead with).
        let problems = { (result: CommandResult) in
            result.stderr.split(separator: "\n").prefix { !$0.contains("peringatan untuk") && !$0.contains("warnings about") }
                .filter { $0.hasPrefix("  ") }
        }
        #expect(problems(dry).count == 4 && problems(dry) == problems(refused), "\(dry)\n\(refused)")
        #expect(problems(dry).allSatisfy { $0.hasPrefix("  baris ") } && !dry.stderr.contains("\(file):4"), "\(dry)")
        let english = try CLI(daemon).run(["import", "roster", file, "--dry-run"])
        #expect(problems(english).allSatisfy { $0.hasPrefix("  line ") }, "\(english)")
    }

    /// The ids a help text names for the user to type: steps, states, causes, roles, ratings,
    /// the progress file's status words and the files' column names.
    static let typedIDs: Set<String> = {
        let tables: [Vocabulary] = [
            .steps, .flags, .blockCauses, .planActions, .ratings, .roles, .jabatan, .kepegawaian, .reminderStates, .deliveryStates,
        ]
        let columns = ["id", "kepegawaian", "nama", "peran", "jabatan", "npsn", "nama_sekolah", "atasan_id", "tim_kinerja",
                       "pejabat_penilai_id", "sekolah_binaan", "siklus", "langkah", "status", "tanggal", "catatan"]
        return Set(tables.flatMap(\.ids) + columns)
    }()

    @Test("--help of every command: Bahasa Indonesia by default (ArgumentParser's words too), English with KINERJA_LANG=en")
    func helpScreens() throws {
        for command in HelpScreens.commands {
            let indonesian = try HelpScreens.help(command, language: nil)
            #expect(indonesian.status == 0, "\(indonesian)")
            let idProse = HelpScreens.prose(of: indonesian.stdout, ids: Self.typedIDs).joined(separator: " ")
            #expect(Self.found(Self.english, in: idProse).isEmpty, "English in `\(command) --help`: \(Self.found(Self.english, in: idProse))\n\(indonesian.stdout)")

            let english = try HelpScreens.help(command, language: "en")
            let enProse = HelpScreens.prose(of: english.stdout, ids: Self.typedIDs).joined(separator: " ")
            let leaks = Self.found(Self.indonesian.filter { !["kepala sekolah", "pengawas sekolah"].contains($0) }, in: enProse)
            #expect(leaks.isEmpty, "Indonesian in `\(command) --help` (en): \(leaks)\n\(english.stdout)")
        }
    }

    @Test("the list of commands is all of them: every help screen's subcommands are in it")
    func everyCommandListed() throws {
        for command in HelpScreens.commands {
            let help = try HelpScreens.help(command, language: "en")
            for sub in HelpScreens.subcommands(in: help.stdout) {
                #expect(HelpScreens.commands.contains(command + [sub]), "\(command + [sub]) is not in HelpScreens.commands")
            }
        }
    }

    @Test("a usage error in Bahasa Indonesia: ArgumentParser's message, usage line and hint too")
    func usageErrors() throws {
        for arguments in [["cycle", "show", "2026-2", "extra"], ["people", "list", "--bogus"], ["silence", "add", "--until"], ["history"]] {
            let result = try CLI.runRaw(arguments, language: nil)
            #expect(result.status == 2, "\(result)")
            #expect(Self.found(Self.english, in: result.stderr).isEmpty, "English: \(Self.found(Self.english, in: result.stderr))\n\(result)")
            #expect(result.stderr.contains("Pemakaian: kinerjactl"), "\(result)")
        }
    }
}
