import Foundation
import KinerjaCore
import TOMLKit

/// Reads every `YYYY.toml` of the rules directory into a `RulesBook`, refusing the whole
/// set when one file is bad: judging a cycle by half-read rules would be worse than
/// keeping the previous ones. A library of its own so that the benchmark judges its plans by
/// the shipped rules files, as the daemon does, instead of a copy of them.
public enum RulesLoader {
    public static func load(directory: String) throws(ConfigError) -> RulesBook {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw ConfigError(file: directory, message: "cannot read the rules directory; set rules_directory in kinerja.toml")
        }
        var years: [YearRules] = []
        for name in names.sorted() where name.hasSuffix(".toml") {
            let path = directory + "/" + name
            let rules = try loadFile(path)
            guard name == "\(rules.year).toml" else {
                throw ConfigError(file: path, message: "the file says year = \(rules.year); name it \(rules.year).toml")
            }
            years.append(rules)
        }
        guard !years.isEmpty else {
            throw ConfigError(file: directory, message: "no rules file (YYYY.toml) in the rules directory")
        }
        return RulesBook(years)
    }

    public static func loadFile(_ path: String) throws(ConfigError) -> YearRules {
        let rules: YearRules
        do {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let table = try TOMLTable(string: text)
            rules = try TOMLDecoder().decode(YearRules.self, from: table)
        } catch let error as TOMLParseError {
            throw ConfigError(file: path, message: "line \(error.source.begin.line), column \(error.source.begin.column): \(error.description)")
        } catch let error as DecodingError {
            throw ConfigError(file: path, message: describe(error))
        } catch {
            throw ConfigError(file: path, message: "\(error)")
        }
        let problems = rules.problems()
        guard problems.isEmpty else { throw ConfigError(file: path, message: problems.joined(separator: "; ")) }
        return rules
    }

    /// A decoding error as "at deadlines.kepala_sekolah.observasi: …".
    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "missing key '\(key.stringValue)'" + (context.codingPath.isEmpty ? "" : " in \(path(context.codingPath))")
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "at \(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}
