import KinerjaRules
import TOMLKit

/// Reads typed values out of one TOML table and refuses keys it does not know, so that a
/// typo such as `fire_tme` is an error naming the key instead of a silently ignored line.
struct TOMLReader {
    let file: String
    let section: String
    let table: TOMLTable
    private let known: Set<String>

    init(file: String, section: String, table: TOMLTable, known: [String]) throws(ConfigError) {
        self.file = file
        self.section = section
        self.table = table
        self.known = Set(known)
        for key in table.keys where !self.known.contains(key) {
            throw fail("unknown key '\(key)'; the keys of \(sectionName) are: \(known.joined(separator: ", "))")
        }
    }

    var sectionName: String { section.isEmpty ? "the top level" : "[\(section)]" }

    func fail(_ message: String) -> ConfigError { ConfigError(file: file, message: "\(section.isEmpty ? "" : "[\(section)] ")\(message)") }

    func string(_ key: String, default value: String) throws(ConfigError) -> String {
        guard let raw = table[key] else { return value }
        guard let text = raw.string else { throw fail("\(key) must be a string, e.g. \(key) = \"\(value)\"") }
        return text
    }

    func int(_ key: String, default value: Int, range: ClosedRange<Int>) throws(ConfigError) -> Int {
        guard let raw = table[key] else { return value }
        guard let number = raw.int, range.contains(number) else {
            throw fail("\(key) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    func bool(_ key: String, default value: Bool) throws(ConfigError) -> Bool {
        guard let raw = table[key] else { return value }
        guard let flag = raw.bool else { throw fail("\(key) must be true or false") }
        return flag
    }

    func ints(_ key: String, default value: [Int], range: ClosedRange<Int>) throws(ConfigError) -> [Int] {
        guard let raw = table[key] else { return value }
        guard let array = raw.array else { throw fail("\(key) must be a list of numbers, e.g. \(key) = \(value)") }
        var numbers: [Int] = []
        for element in array {
            guard let number = element.int, range.contains(number) else {
                throw fail("\(key) must hold whole numbers from \(range.lowerBound) to \(range.upperBound)")
            }
            numbers.append(number)
        }
        return numbers
    }

    func strings(_ key: String, default value: [String]) throws(ConfigError) -> [String] {
        guard let raw = table[key] else { return value }
        guard let array = raw.array else { throw fail("\(key) must be a list of strings") }
        var texts: [String] = []
        for element in array {
            guard let text = element.string else { throw fail("\(key) must hold strings in quotes") }
            texts.append(text)
        }
        return texts
    }

    func section(_ key: String, known: [String]) throws(ConfigError) -> TOMLReader {
        let name = section.isEmpty ? key : "\(section).\(key)"
        guard let raw = table[key] else { return try TOMLReader(file: file, section: name, table: TOMLTable(), known: known) }
        guard let sub = raw.table else { throw fail("\(key) must be a table: [\(name)]") }
        return try TOMLReader(file: file, section: name, table: sub, known: known)
    }
}
