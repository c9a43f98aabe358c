import KinerjaVocabulary
/// The words swift-argument-parser (1.8.2) writes itself around kinerjactl's own help and
/// usage texts, in Bahasa Indonesia: its section headings ("USAGE:", "OPTIONS:"), its help flag
/// ("Show help information."), its "(default: …)" and the messages of a parse error ("Missing
/// expected argument …"). The library has no hook for them (they are literals in its
/// HelpGenerator and UsageGenerator), so kinerjactl puts its finished text through this table;
/// what the table does not know stays in English. The English texts are the library's own.
public enum ArgumentParserWords {
    /// `text` (a help screen, or a usage error's message and usage lines) with the library's
    /// words in Indonesian.
    public static func indonesian(_ text: String) -> String {
        var lines: [String] = []
        var hangingIndent = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if let heading = usageHeadings.first(where: { line.hasPrefix($0.english) }) {
                // The usage line hangs its continuation lines under the command: indent them as far.
                hangingIndent = heading.indonesian.count - heading.english.count
                lines.append(replacingPhrases(heading.indonesian + line.dropFirst(heading.english.count)))
                continue
            }
            if hangingIndent > 0, line.hasPrefix(String(repeating: " ", count: 7)) {
                lines.append(String(repeating: " ", count: hangingIndent) + replacingPhrases(line))
                continue
            }
            hangingIndent = 0
            lines.append(sections[line] ?? seeForHelp(line) ?? replacingPhrases(line))
        }
        return lines.joined(separator: "\n")
    }

    /// The usage line's heading, in a help screen and after a usage error.
    static let usageHeadings = [Bilingual("PEMAKAIAN: ", "USAGE: "), Bilingual("Pemakaian: ", "Usage: ")]

    /// Section headings, whole lines.
    static let sections: [String: String] = [
        "ARGUMENTS:": "ARGUMEN:",
        "OPTIONS:": "OPSI:",
        "SUBCOMMANDS:": "SUBPERINTAH:",
    ]

    /// Phrases anywhere in a line, English first, in the order they are tried.
    static let phrases: [(english: String, indonesian: String)] = [
        ("OVERVIEW: ", "IKHTISAR: "),
        ("Show subcommand help information.", "Tampilkan bantuan subperintah."),
        ("Show help information.", "Tampilkan bantuan ini."),
        ("(default:", "(bawaan:"),
        // After the default subcommand's name; the trailing space keeps its column.
        (" (default)", " (bawaan) "),
        ("<subcommand>", "<subperintah>"),
        ("[<options>]", "[<opsi>]"),
        ("Help:  ", "Bantuan:  "),
        ("Missing expected argument ", "Argumen belum diberikan: "),
        ("Missing required subcommand.", "Subperintah belum diberikan."),
        ("Missing one of: ", "Berikan salah satu dari: "),
        ("Missing value for ", "Nilai belum diberikan untuk "),
        ("Unknown option ", "Opsi tidak dikenal: "),
        (". Did you mean ", ". Maksudnya "),
        ("Invalid option: ", "Opsi tidak sah: "),
        ("Unexpected argument ", "Argumen tidak dikenal: "),
        ("The value ", "Nilai "),
        (" is invalid for ", " tidak sah untuk "),
        (" is invalid.", " tidak sah."),
        ("The option ", "Opsi "),
        (" does not take any value, but ", " tidak menerima nilai, tetapi "),
        (" was specified.", " diberikan."),
        ("Value to be set with ", "Nilai untuk "),
        (" had already been set with ", " sudah diberikan dengan "),
    ]

    /// The phrases as bytes: every `--help` passes its screen here, and a search of bytes
    /// keeps that far below a millisecond, which String's generic search does not.
    static let phraseBytes: [(english: [UInt8], indonesian: [UInt8])] = phrases.map { (Array($0.english.utf8), Array($0.indonesian.utf8)) }

    static func replacingPhrases(_ line: String) -> String {
        var bytes = Array(line.utf8)
        var changed = false
        for (english, indonesian) in phraseBytes {
            guard var found = firstIndex(of: english, in: bytes, from: 0) else { continue }
            var result: [UInt8] = []
            var start = 0
            while true {
                result += bytes[start..<found]
                result += indonesian
                start = found + english.count
                guard let next = firstIndex(of: english, in: bytes, from: start) else { break }
                found = next
            }
            result += bytes[start...]
            bytes = result
            changed = true
        }
        return changed ? String(decoding: bytes, as: UTF8.self) : line
    }

    /// Where `needle` first occurs in `haystack` at or after `from`.
    static func firstIndex(of needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard let first = needle.first, haystack.count - from >= needle.count else { return nil }
        var index = from
        while index <= haystack.count - needle.count {
            if haystack[index] == first, haystack[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    /// "  See 'kinerjactl help <subcommand>' for detailed help." and "  See 'kinerjactl cycle
    /// show --help' for more information.": the command kept, the words around it translated.
    static func seeForHelp(_ line: String) -> String? {
        let indent = String(line.prefix { $0 == " " })
        let rest = line.dropFirst(indent.count)
        guard rest.hasPrefix("See '") else { return nil }
        for (english, indonesian) in [("' for detailed help.", "' untuk bantuan lengkap."), ("' for more information.", "' untuk keterangan lebih lanjut.")]
        where rest.hasSuffix(english) {
            let command = rest.dropFirst(5).dropLast(english.count)
            return "\(indent)Lihat '\(replacingPhrases(String(command)))\(indonesian)"
        }
        return nil
    }
}
