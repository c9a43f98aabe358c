import KinerjaRPC
import Testing

/// The served `id.kinerja.Kinerja` IDL, checked for what the Varlink scanners accept but
/// clients trip over: the Python reference client keeps an interface's types, methods and
/// errors in one dictionary by name, so a type named like a method (the `ComplianceReport`
/// type once was) is silently replaced by the method and replies of that type no longer
/// decode. And every member carries a doc comment, since `varlink help` is the reference an
/// administrator reads.
@Suite("The id.kinerja.Kinerja IDL")
struct KinerjaIDLTests {
    struct Member: Hashable, CustomStringConvertible {
        var keyword: String
        var name: String
        /// The line just above the declaration.
        var previousLine: String

        var description: String { "\(keyword) \(name)" }
    }

    /// Every `type`, `method` and `error` declared at the start of a line.
    static func members(of idl: String) -> [Member] {
        let lines = idl.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var members: [Member] = []
        for (index, line) in lines.enumerated() {
            let words = line.split(separator: " ", maxSplits: 1)
            guard words.count == 2, ["type", "method", "error"].contains(words[0]) else { continue }
            let name = words[1].prefix(while: { $0.isLetter || $0.isNumber || $0 == "_" })
            members.append(Member(keyword: String(words[0]), name: String(name), previousLine: index > 0 ? lines[index - 1] : ""))
        }
        return members
    }

    @Test("no two members share a name: no type is named like a method or an error")
    func memberNamesAreUnique() {
        let members = Self.members(of: KinerjaInterface.description)
        let methods = Set(members.filter { $0.keyword == "method" }.map(\.name))
        #expect(methods == VarlinkIDL.methodNames(in: KinerjaInterface.description), "the scan finds every method the router does")
        let clashes = Dictionary(grouping: members, by: \.name).values.filter { $0.count > 1 }
        #expect(clashes.isEmpty, "members sharing a name: \(clashes)")
        #expect(members.contains { $0.keyword == "type" && $0.name == "Compliance" }, "the report's type, renamed from ComplianceReport")
    }

    @Test("every type, method and error has a doc comment")
    func everyMemberIsDocumented() {
        let undocumented = Self.members(of: KinerjaInterface.description).filter { !$0.previousLine.hasPrefix("#") }
        #expect(undocumented.isEmpty, "no `# …` line above: \(undocumented)")
    }
}
