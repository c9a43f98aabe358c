import Foundation

/// kinerjactl's commands and their `--help` screens.
enum HelpScreens {
    /// Every command, as typed after `kinerjactl` (the root first).
    static let commands: [[String]] = [
        [], ["status"], ["cycle"], ["cycle", "show"], ["people"], ["people", "list"], ["people", "show"],
        ["plan"], ["plan", "show"], ["plan", "start"], ["plan", "complete"], ["plan", "approve"], ["plan", "return"],
        ["plan", "block"], ["plan", "unblock"], ["plan", "rate"], ["plan", "predikat"], ["plan", "sinkron"], ["history"], ["report"],
        ["report", "compliance"], ["report", "predikat"],
        ["import"], ["import", "roster"], ["import", "officials"], ["import", "progress"], ["import", "preconditions"], ["preconditions"], ["preconditions", "list"], ["preconditions", "record"], ["backup"],
        ["reminders"], ["reminders", "list"], ["reminders", "preview"], ["reminders", "watch"], ["reminders", "ack"],
        ["reminders", "deliveries"], ["silence"], ["silence", "add"], ["silence", "list"], ["silence", "remove"],
        ["hooks"], ["hooks", "list"], ["hooks", "test"],
    ]

    /// `kinerjactl COMMAND --help` in a language (nil: the default, Bahasa Indonesia).
    static func help(_ command: [String], language: String?) throws -> CommandResult {
        try CLI.runRaw(command + ["--help"], language: language)
    }

    /// The subcommands a help screen lists (its SUBPERINTAH/SUBCOMMANDS section), `help` aside.
    static func subcommands(in help: String) -> [String] {
        var names: [String] = []
        var inSection = false
        for line in help.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "SUBPERINTAH:" || line == "SUBCOMMANDS:" {
                inSection = true
            } else if inSection, line.isEmpty {
                break
            } else if inSection, line.hasPrefix("  "), !line.hasPrefix("   "), let name = line.split(separator: " ").first, name != "help" {
                names.append(String(name))
            }
        }
        return names
    }

    /// The words of a help screen that are its prose: example commands, the usage block,
    /// subcommand names, options (`--date`), quoted commands ('kinerjactl help …'), paths and
    /// the ids a user types (`--state fired`, a CSV column) left out.
    static func prose(of help: String, ids: Set<String>) -> [String] {
        var words: [String] = []
        var continuing = false
        var inUsage = false
        var inSubcommands = false
        for rawLine in help.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if continuing || line.hasPrefix("kinerjactl ") {
                continuing = line.hasSuffix("\\")
                continue
            }
            if line.hasPrefix("PEMAKAIAN:") || line.hasPrefix("USAGE:") { inUsage = true; continue }
            if inUsage, rawLine.hasPrefix("       ") { continue }
            inUsage = false
            if line == "SUBPERINTAH:" || line == "SUBCOMMANDS:" { inSubcommands = true; continue }
            var tokens = line.split(separator: " ").map(String.init)
            if inSubcommands, rawLine.hasPrefix("  "), !rawLine.hasPrefix("   "), !tokens.isEmpty { tokens.removeFirst() }
            if line.isEmpty { inSubcommands = false }
            var quoted = false
            for token in tokens {
                let opens = token.hasPrefix("'"), closes = token.hasSuffix("'") || token.hasSuffix("'.")
                if quoted || opens { quoted = !closes; continue }
                let word = token.trimmingCharacters(in: CharacterSet(charactersIn: ".,;:()[]\"`"))
                if word.isEmpty || word.hasPrefix("-") || word.hasPrefix("<") || word.hasPrefix("$")
                    || word.contains(where: { "/|=@_.0123456789".contains($0) }) || ids.contains(word) {
                    continue
                }
                words.append(word)
            }
        }
        return words
    }
}
