import Testing

@testable import Systemd

/// Metadata keys → journal field names (`Journal.fieldName(forMetadataKey:)`).
@Suite struct FieldNameMappingTests {
    @Test(arguments: [
        ("cycle-id", "CYCLE_ID"),
        ("cycleId", "CYCLEID"),
        ("http.status", "HTTP_STATUS"),
        ("_x", "X_X"),
        ("__private", "X__PRIVATE"),
        ("1st", "X_1ST"),
        ("MESSAGE_ID", "MESSAGE_ID"),
        ("KINERJA_KIND", "KINERJA_KIND"),
        ("grüße", "GR__E"),
        ("a b=c", "A_B_C"),
        ("unit", "X_UNIT"),
        ("UNIT", "X_UNIT"),
        ("", "X"),
    ])
    func mapsKeys(key: String, expected: String) {
        let name = Journal.fieldName(forMetadataKey: key)
        #expect(name == expected)
        #expect(Journal.isValidFieldName(name))
    }

    @Test func longKeysAreCutTo64Characters() {
        let name = Journal.fieldName(forMetadataKey: String(repeating: "k", count: 100))
        #expect(name == String(repeating: "K", count: 64))
        #expect(Journal.isValidFieldName(name))
    }

    @Test(arguments: ["", "lower", "_TRUSTED", "1ABC", "A-B", "ÄB", String(repeating: "A", count: 65)])
    func rejectsInvalidNames(name: String) {
        #expect(!Journal.isValidFieldName(name))
    }

    @Test(arguments: ["MESSAGE", "A", "KINERJA_TEST_ID", "X1", String(repeating: "A", count: 64)])
    func acceptsValidNames(name: String) {
        #expect(Journal.isValidFieldName(name))
    }

    /// Metadata cannot override the fields the handler writes itself.
    @Test(arguments: [
        ("message", "X_MESSAGE"),
        ("priority", "X_PRIORITY"),
        ("syslog_identifier", "X_SYSLOG_IDENTIFIER"),
        ("code-line", "X_CODE_LINE"),
        ("message_id", "MESSAGE_ID"),
    ])
    func handlerProtectsItsOwnFields(key: String, expected: String) {
        #expect(JournalLogHandler.metadataFieldName(forKey: key) == expected)
    }
}
