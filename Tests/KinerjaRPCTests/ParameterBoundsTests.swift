import KinerjaRPC
import Testing

/// Issue 14: every parameter of every method has a documented bound, checked in one place
/// (``VarlinkParameters/decode(parametersOf:from:)``) before a handler runs. The table and
/// the IDL's comments are one statement: a test reads both.
@Suite("Parameter bounds")
struct ParameterBoundsTests {
    /// A method of the IDL: its parameters in declaration order and the comment lines above it.
    struct IDLMethod {
        var name: String
        var parameters: [String]
        var comments: [String]

        /// The comment block as one text, its lines joined by spaces without their `#`.
        var commentText: String {
            comments.map { $0.drop { $0 == "#" || $0 == " " } }.joined(separator: " ")
        }
    }

    /// Methods (and types, for their member lists) of an IDL text: the declaration's
    /// parameter names, in order, and its comment block.
    static func declarations(_ keyword: String, in idl: String) -> [IDLMethod] {
        let lines = idl.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var found: [IDLMethod] = []
        var index = 0
        while index < lines.count {
            let line = lines[index].trimmingCharacters(in: .whitespaces)
            guard line.hasPrefix(keyword + " ") else { index += 1; continue }
            var comments: [String] = []
            var back = index - 1
            while back >= 0, lines[back].trimmingCharacters(in: .whitespaces).hasPrefix("#") {
                comments.insert(lines[back].trimmingCharacters(in: .whitespaces), at: 0)
                back -= 1
            }
            let name = String(line.dropFirst(keyword.count + 1).prefix { $0.isLetter || $0.isNumber || $0 == "_" })
            // The declaration up to its first closing parenthesis: the parameters (or members).
            var text = ""
            var depth = 0
            var started = false
            scan: while index < lines.count {
                let raw = lines[index]
                let code = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
                let trimmed = raw.trimmingCharacters(in: .whitespaces)
                if trimmed.hasPrefix("#") { index += 1; continue }
                for character in code {
                    if character == "(" { depth += 1; started = true; if depth == 1 { continue } }
                    if character == ")" { depth -= 1; if started && depth == 0 { break scan } }
                    if started && depth >= 1 { text.append(character) }
                }
                text.append("\n")
                index += 1
            }
            let parameters = text.split(whereSeparator: { $0 == "," || $0 == "\n" }).compactMap { part -> String? in
                let name = part.split(separator: ":").first?.trimmingCharacters(in: .whitespaces) ?? ""
                return name.isEmpty || part.contains("(") ? nil : name
            }
            found.append(IDLMethod(name: name, parameters: parameters, comments: comments))
            index += 1
        }
        return found
    }

    static let idlMethods = declarations("method", in: KinerjaInterface.description)

    @Test("every method of the IDL is in the table, with a bound for each of its parameters and none more")
    func everyParameterIsBounded() throws {
        let table = Dictionary(uniqueKeysWithValues: Kinerja.methods.map { ($0.memberName, $0) })
        #expect(Set(table.keys) == Set(Self.idlMethods.map(\.name)), "the table and the IDL list the same methods")
        for method in Self.idlMethods {
            let bounds = try #require(table[method.name]).bounds
            #expect(Set(bounds.parameters.keys) == Set(method.parameters), "\(method.name): IDL \(method.parameters), bounds \(bounds.parameters.keys.sorted())")
        }
    }

    @Test("the IDL's comment above each method states the bounds of the table, word for word")
    func boundsAreDocumented() throws {
        let table = Dictionary(uniqueKeysWithValues: Kinerja.methods.map { ($0.memberName, $0) })
        for method in Self.idlMethods {
            guard let expected = try #require(table[method.name]).bounds.documentation(order: method.parameters) else {
                #expect(!method.commentText.contains("Bounds:"), "\(method.name) takes nothing to bound")
                continue
            }
            #expect(method.commentText.contains(expected), "\(method.name): the IDL's comment lacks\n\(expected)")
        }
        // The caller's language, which every method takes: its bound stated once, in the header.
        let language = try #require(Kinerja.GetStatus.bounds.parameters["language"])
        #expect(Kinerja.methods.allSatisfy { $0.bounds.parameters["language"] == language && $0.bounds.shared == ["language"] })
        #expect(KinerjaInterface.description.contains("# Bounds: language \(language.summary).\ninterface id.kinerja.Kinerja"))
        let details = try #require(Self.declarations("type", in: KinerjaInterface.description).first { $0.name == "StepDetails" })
        guard case .object(let members) = WireBounds.details else { Issue.record("details is not an object bound"); return }
        let expected = ParameterBounds(members).documentation(order: details.parameters)!
        #expect(details.commentText.contains(expected), "StepDetails: the IDL's comment lacks\n\(expected)")
        #expect(Set(members.keys) == Set(details.parameters))
    }

    /// A value at the bound and one just past it, for each kind of bound.
    static func edges(of bound: ParameterBound) -> (inside: JSONValue, outside: JSONValue)? {
        switch bound {
        case .text(let maxBytes):
            return (.string(String(repeating: "é", count: maxBytes / 2)), .string(String(repeating: "a", count: maxBytes + 1)))
        case .integer(let range):
            let outside: JSONValue = range.upperBound < Int64.max ? .int(range.upperBound + 1) : .int(range.lowerBound - 1)
            return (.int(range.upperBound), outside)
        case .list(let maxCount, let element):
            guard let edge = edges(of: element) else { return nil }
            return (.array(Array(repeating: edge.inside, count: maxCount)), .array(Array(repeating: edge.inside, count: maxCount + 1)))
        case .map(let maxCount, let keyBytes, let value):
            guard let edge = edges(of: value) else { return nil }
            let inside = Dictionary(uniqueKeysWithValues: (0..<maxCount).map { ("k\($0)", edge.inside) })
            return (.object(inside), .object(["k": edge.inside, String(repeating: "k", count: keyBytes + 1): edge.inside]))
        case .object(let members):
            guard let (name, member) = members.sorted(by: { $0.key < $1.key }).first(where: { edges(of: $0.value) != nil }),
                  let edge = edges(of: member) else { return nil }
            return (.object([name: edge.inside]), .object([name: edge.outside]))
        case .flag:
            return nil
        }
    }

    @Test("at every bound: the edge passes, one past it is InvalidParameter naming the parameter")
    func edgesOfEveryBound() throws {
        for method in Kinerja.methods + [VarlinkService.GetInterfaceDescription.self] {
            for (name, bound) in method.bounds.parameters.sorted(by: { $0.key < $1.key }) {
                guard let edge = Self.edges(of: bound) else { continue }
                #expect(throws: Never.self, "\(method.name).\(name) at its bound") { try method.bounds.check([name: edge.inside]) }
                do {
                    try method.bounds.check([name: edge.outside])
                    Issue.record("\(method.name).\(name) past its bound was accepted")
                } catch {
                    #expect(error.name == "org.varlink.service.InvalidParameter", "\(method.name).\(name)")
                    guard case .string(let named)? = error.parameters["parameter"] else { Issue.record("\(error)"); continue }
                    #expect(named == name || named.hasPrefix(name + "."), "\(method.name).\(name): named \(named)")
                }
            }
        }
    }

    @Test("History's limit -1 (finding 1), a preview of a century and a fractional limit are refused by name")
    func reportedCases() throws {
        #expect(throws: VarlinkError.invalidParameter("limit")) {
            _ = try VarlinkParameters.decode(parametersOf: Kinerja.History.self, from: ["subject": "nobody", "limit": -1])
        }
        #expect(throws: VarlinkError.invalidParameter("to")) {
            _ = try VarlinkParameters.decode(parametersOf: Kinerja.PreviewReminders.self, from: ["from": "2026-11-25", "to": "2126-11-25"])
        }
        let months = try VarlinkParameters.decode(
            parametersOf: Kinerja.PreviewReminders.self, from: ["from": "2026-12-01", "to": "2027-02-01"])
        #expect(months.to == "2027-02-01", "62 days are one preview")
        #expect(throws: VarlinkError.invalidParameter("to")) {
            _ = try VarlinkParameters.decode(parametersOf: Kinerja.PreviewReminders.self, from: ["from": "2026-12-01", "to": "2027-02-02"])
        }
        #expect(throws: VarlinkError.invalidParameter("limit")) {
            _ = try VarlinkParameters.decode(parametersOf: Kinerja.ListDeliveries.self, from: ["limit": .double(1e30)])
        }
        #expect(throws: VarlinkError.invalidParameter("details.catatan")) {
            _ = try VarlinkParameters.decode(
                parametersOf: Kinerja.Transition.self,
                from: ["action": "selesai", "details": ["catatan": .string(String(repeating: "x", count: 5000))]])
        }
    }

    @Test("day numbers: the civil calendar, leap years, and text that is no date")
    func dayNumbers() {
        #expect(ParameterBounds.DaySpan(from: "a", to: "b", maxDays: 1).maxDays == 1)
        let bounds = ParameterBounds(["from": .text(maxBytes: 16), "to": .text(maxBytes: 16)], span: .init(from: "from", to: "to", maxDays: 366))
        #expect(throws: Never.self) { try bounds.check(["from": "2024-01-01", "to": "2025-01-01"]) }
        #expect(throws: VarlinkError.invalidParameter("to")) { try bounds.check(["from": "2024-01-01", "to": "2025-01-02"]) }
        #expect(throws: Never.self, "not dates: left to the handler") { try bounds.check(["from": "x", "to": "9999-99-99"]) }
    }
}
