import Foundation
import Logging
import Testing

import Systemd

/// Writes through libsystemd and reads back with `journalctl`, against the
/// machine's journald or one started by ``JournalFixture``.
@Suite(.enabled(if: JournalFixture.canProvideJournal, "needs journald, or root to start it"))
struct JournalRoundTripTests {
    init() throws {
        try JournalFixture.ensureRunning()
    }

    @Test func journalIsReportedAvailable() {
        #expect(JournalLogHandler.isJournalAvailable())
        #expect(Journal.isAvailable())
    }

    @Test func logRecordBecomesOneStructuredEntry() async throws {
        let testID = UUID().uuidString
        let collector = LineCollector()
        var logger = Logger(label: "kinerja.roundtrip") { label in
            JournalLogHandler(
                label: label, identifier: "kinerja-test", destination: .automatic,
                fallbackWriter: collector.append)
        }
        logger[metadataKey: "cycle-id"] = "7"
        let line = #line + 1
        logger.warning(
            "round trip\nsecond line",
            metadata: ["KINERJA_TEST_ID": "\(testID)", "tags": ["a", "b"], "unit": "not-a-unit"])

        let entries = try await JournalFixture.entries(matching: "KINERJA_TEST_ID", testID)
        #expect(collector.lines.isEmpty, "fell back to stderr: \(collector.lines)")
        try #require(entries.count == 1)
        let entry = entries[0]
        #expect(entry["MESSAGE"] as? String == "round trip\nsecond line")
        #expect(entry["PRIORITY"] as? String == "4")
        #expect(entry["SYSLOG_IDENTIFIER"] as? String == "kinerja-test")
        #expect(entry["KINERJA_TEST_ID"] as? String == testID)
        #expect(entry["CYCLE_ID"] as? String == "7")
        #expect(entry["TAGS"] as? String == "[a, b]")
        #expect(entry["X_UNIT"] as? String == "not-a-unit")
        #expect(entry["UNIT"] == nil)
        #expect(entry["LOGGER_LABEL"] as? String == "kinerja.roundtrip")
        #expect(entry["CODE_FILE"] as? String == "SystemdTests/JournalRoundTripTests.swift")
        #expect(entry["CODE_LINE"] as? String == String(line))
        #expect((entry["CODE_FUNC"] as? String)?.hasPrefix("logRecordBecomesOneStructuredEntry") == true)
        #expect(entry["_PID"] as? String == String(getpid()))
    }

    @Test func lowLevelSendKeepsFieldsAsGiven() async throws {
        let testID = UUID().uuidString
        let messageID = "8d45620c1a4348dbb17410da57c60c66"
        try Journal.send([
            ("MESSAGE", "Reminder sent"),
            ("MESSAGE_ID", messageID),
            ("PRIORITY", "5"),
            ("SYSLOG_IDENTIFIER", "kinerja-test"),
            ("KINERJA_KIND", "reminder"),
            ("KINERJA_NOTE", "line one\nline two"),
            ("KINERJA_TEST_ID", testID),
        ])

        let entries = try await JournalFixture.entries(matching: "KINERJA_TEST_ID", testID)
        try #require(entries.count == 1)
        let entry = entries[0]
        #expect(entry["MESSAGE"] as? String == "Reminder sent")
        #expect(entry["MESSAGE_ID"] as? String == messageID)
        #expect(entry["PRIORITY"] as? String == "5")
        #expect(entry["KINERJA_KIND"] as? String == "reminder")
        #expect(entry["KINERJA_NOTE"] as? String == "line one\nline two")
    }
}
