import Testing
@testable import kinerjad

/// Issue 14, finding 2: connections never take the descriptors the store and the hooks need.
@Suite("Descriptor budget")
struct DescriptorBudgetTests {
    @Test("max_connections and LimitNOFILE agree: 1024 connections + 256 reserved = 1280; fewer descriptors, fewer connections")
    func connectionsLeaveTheReserve() {
        #expect(DescriptorBudget.plan(connections: 1024, limit: 1280) == .init(maxConnections: 1024, limit: 1280, reduced: false))
        #expect(DescriptorBudget.plan(connections: 1024, limit: 1024) == .init(maxConnections: 768, limit: 1024, reduced: true))
        #expect(DescriptorBudget.plan(connections: 1024, limit: 100).maxConnections == 1, "one connection at least")
        #expect(DescriptorBudget.reserve >= HookService.maxRuns * 4 + 64, "the hooks' runs fit in the reserve")
    }

    @Test("the shipped unit's LimitNOFILE= is max_connections + the reserve")
    func unitAgrees() throws {
        let root = #filePath.components(separatedBy: "/Tests/")[0]
        let unit = try String(contentsOfFile: root + "/systemd/kinerjad.service", encoding: .utf8)
        let config = try String(contentsOfFile: root + "/config/kinerja.toml", encoding: .utf8)
        func value(_ key: String, in text: String) -> Int? {
            text.split(separator: "\n").first { $0.hasPrefix(key) }.flatMap { Int($0.split(separator: "=")[1].trimmingCharacters(in: .whitespaces)) }
        }
        let connections = try #require(value("max_connections", in: config))
        #expect(value("LimitNOFILE=", in: unit) == connections + DescriptorBudget.reserve)
    }
}
