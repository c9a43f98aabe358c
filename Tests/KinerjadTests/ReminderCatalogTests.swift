import Foundation
import KinerjaCore
import Testing
@testable import kinerjad

/// Every reminder kind's MESSAGE_ID is documented in systemd/kinerja.catalog, in English
/// and Indonesian, so `journalctl -x` explains every entry the daemon writes.
@Suite struct ReminderCatalogTests {
    static let catalog: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return (try? String(contentsOf: root.appendingPathComponent("systemd/kinerja.catalog"), encoding: .utf8)) ?? ""
    }()

    @Test(arguments: ReminderKind.allCases)
    func everyKindIsDocumented(kind: ReminderKind) {
        let id = ReminderMessageID.of(kind)
        #expect(id.count == 32 && id.allSatisfy(\.isHexDigit))
        #expect(Self.catalog.contains("-- \(id)\n"))
        #expect(Self.catalog.contains("-- \(id) id\n"))
    }

    @Test func idsAreDistinct() {
        #expect(Set(ReminderKind.allCases.map(ReminderMessageID.of)).count == ReminderKind.allCases.count)
    }
}
