/// Atasan chains that come back to where they started: A's atasan is B and B's is A, or a
/// longer ring. Every chain of superiors ends at someone with none (the Kepala Dinas, or an
/// official outside the roster): in a ring each would escalate the other's overdue steps,
/// and nobody above them would ever be told. A roster that makes one is refused at the rows
/// that close it, whether the ring lies within the file or runs through people already in
/// the store whom the file does not name.
public enum AtasanCycles {
    /// A problem for each row of `lines` whose atasan lies on a ring; `existing` are the
    /// stored links (the file's people's are replaced by the file's rows).
    public static func problems(lines: [RosterLine], existing: [AtasanLink]) -> [ImportProblem] {
        var atasan: [PersonID: Set<PersonID>] = [:]
        for link in existing { atasan[link.person, default: []].insert(link.atasan) }
        let named = Set(lines.map(\.person.id))
        for person in named { atasan[person] = [] }
        for line in lines { if let a = line.position.atasanID { atasan[line.person.id, default: []].insert(a) } }
        let rings = components(atasan)
        return lines.compactMap { line in
            guard let a = line.position.atasanID, let ring = rings[line.person.id], rings[a] == ring,
                  let path = path(from: a, to: line.person.id, in: atasan, within: { rings[$0] == ring })
            else { return nil }
            let chain = ([line.person.id] + path).map(\.rawValue).joined(separator: " → ")
            return ImportProblem(
                line: line.line,
                id: "atasan_id: rantai atasan kembali ke orang ini (\(chain)); seseorang tidak dapat menjadi atasan dari atasannya sendiri",
                en: "atasan_id: the chain of superiors comes back to this person (\(chain)); nobody can be their own superior's superior")
        }
    }

    /// Each person on a ring of at least two, with the number of its ring (Tarjan's strongly
    /// connected components, without recursion: a country has 250,000 people).
    static func components(_ edges: [PersonID: Set<PersonID>]) -> [PersonID: Int] {
        var index: [PersonID: Int] = [:], low: [PersonID: Int] = [:]
        var stack: [PersonID] = [], onStack = Set<PersonID>()
        var result: [PersonID: Int] = [:]
        var counter = 0, ringCount = 0
        for root in edges.keys where index[root] == nil {
            var work: [(node: PersonID, next: [PersonID], position: Int)] = []
            func open(_ node: PersonID) {
                index[node] = counter; low[node] = counter; counter += 1
                stack.append(node); onStack.insert(node)
                work.append((node, Array(edges[node] ?? []), 0))
            }
            open(root)
            while var frame = work.popLast() {
                if frame.position < frame.next.count {
                    let target = frame.next[frame.position]
                    frame.position += 1
                    work.append(frame)
                    if index[target] == nil {
                        open(target)
                    } else if onStack.contains(target) {
                        low[frame.node] = min(low[frame.node]!, index[target]!)
                    }
                    continue
                }
                if let parent = work.last?.node { low[parent] = min(low[parent]!, low[frame.node]!) }
                guard low[frame.node] == index[frame.node] else { continue }
                var members: [PersonID] = []
                while let member = stack.popLast() {
                    onStack.remove(member)
                    members.append(member)
                    if member == frame.node { break }
                }
                if members.count > 1 {
                    ringCount += 1
                    for member in members { result[member] = ringCount }
                }
            }
        }
        return result
    }

    /// The shortest chain of atasan from `start` to `goal` through people `within` allows.
    static func path(from start: PersonID, to goal: PersonID, in edges: [PersonID: Set<PersonID>], within: (PersonID) -> Bool) -> [PersonID]? {
        var previous: [PersonID: PersonID] = [:]
        var queue = [start], head = 0
        var seen: Set<PersonID> = [start]
        while head < queue.count {
            let node = queue[head]
            head += 1
            if node == goal {
                var chain = [node]
                while let before = previous[chain[0]] { chain.insert(before, at: 0) }
                return chain
            }
            for next in (edges[node] ?? []).sorted() where within(next) && seen.insert(next).inserted {
                previous[next] = node
                queue.append(next)
            }
        }
        return nil
    }
}

/// One position's atasan: `person`, in a position, reports to `atasan`.
public struct AtasanLink: Sendable, Hashable {
    public var person: PersonID
    public var atasan: PersonID

    public init(person: PersonID, atasan: PersonID) {
        self.person = person
        self.atasan = atasan
    }
}
