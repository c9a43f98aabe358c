import Logging
import Testing

@testable import Systemd

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Level mapping, entry layout and the stderr fallback, without a journald.
@Suite struct JournalLogHandlerTests {
    struct DiskFull: Error, CustomStringConvertible {
        var description: String { "no space left" }
    }

    private func stderrLogger(
        _ collector: LineCollector, metadataProvider: Logger.MetadataProvider? = nil
    ) -> Logger {
        var logger = Logger(label: "kinerja.test") { label in
            JournalLogHandler(
                label: label, identifier: "kinerjad", destination: .stderr,
                metadataProvider: metadataProvider, fallbackWriter: collector.append)
        }
        logger.logLevel = .trace
        return logger
    }

    @Test(arguments: [
        (Logger.Level.trace, 7), (.debug, 7), (.info, 6), (.notice, 5), (.warning, 4), (.error, 3), (.critical, 2),
    ])
    func levelToSyslogPriority(level: Logger.Level, priority: Int) {
        #expect(JournalLogHandler.syslogPriority(for: level) == priority)
    }

    @Test func fallbackLineFormat() throws {
        let collector = LineCollector()
        let logger = stderrLogger(collector)
        logger.warning("disk almost full", metadata: ["cycle-id": "42", "path": "/var/lib/kinerja data"])

        let line = try #require(collector.lines.first)
        #expect(collector.lines.count == 1)
        let timestamp = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{2}:\d{2}/
        let match = try #require(line.wholeMatch(of: /(.+?) (.+)/))
        #expect(String(match.1).wholeMatch(of: timestamp) != nil, "timestamp: \(match.1)")
        #expect(match.2 == #"WARNING kinerjad: disk almost full CYCLE_ID=42 PATH="/var/lib/kinerja data""#)
    }

    @Test func fallbackLineKeepsOneRecordOnOneLine() throws {
        let collector = LineCollector()
        stderrLogger(collector).error(
            "first\nsecond", metadata: ["detail": "a\"b\nc", "tags": ["x", "y"], "map": ["k": "v", "a": "1"]])
        let line = try #require(collector.lines.first)
        #expect(!line.contains("\n"))
        #expect(
            line.hasSuffix(
                #"ERROR kinerjad: first\nsecond DETAIL="a\"b\nc" MAP="[a: 1, k: v]" TAGS="[x, y]""#),
            "\(line)")
    }

    @Test func iso8601UsesMillisecondsAndOffset() {
        let text = JournalLogHandler.iso8601(timespec(tv_sec: 1_700_000_000, tv_nsec: 42_999_999))
        #expect(text.wholeMatch(of: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.042[+-]\d{2}:\d{2}/) != nil, "\(text)")
    }

    /// Handler metadata < metadata provider < per-call metadata.
    @Test func metadataMergeOrder() throws {
        let collector = LineCollector()
        let provider = Logger.MetadataProvider { ["b": "provider", "c": "provider"] }
        var logger = stderrLogger(collector, metadataProvider: provider)
        logger[metadataKey: "a"] = "handler"
        logger[metadataKey: "b"] = "handler"
        logger.info("merged", metadata: ["c": "call"])
        let line = try #require(collector.lines.first)
        #expect(line.hasSuffix("INFO kinerjad: merged A=handler B=provider C=call"), "\(line)")
    }

    @Test func attachedErrorBecomesFields() throws {
        let collector = LineCollector()
        stderrLogger(collector).error("write failed", error: DiskFull())
        let line = try #require(collector.lines.first)
        #expect(line.contains(#"ERROR_MESSAGE="no space left""#), "\(line)")
        #expect(line.contains("ERROR_TYPE=SystemdTests.JournalLogHandlerTests.DiskFull"), "\(line)")
    }

    @Test func journalEntryLayout() {
        let handler = JournalLogHandler(label: "kinerja.store", identifier: "kinerjad", destination: .journal)
        let event = LogEvent(
            level: .notice, message: "hello", metadata: nil, source: nil,
            file: "Systemd/Foo.swift", function: "bar()", line: 12)
        let fields = handler.journalFields(
            event: event, message: "hello",
            metadata: ["MESSAGE_ID": "0123456789abcdef0123456789abcdef", "cycle-id": "7", "unit": "x"])
        #expect(fields.map(\.0) == [
            "MESSAGE", "PRIORITY", "SYSLOG_IDENTIFIER", "CODE_FILE", "CODE_LINE", "CODE_FUNC", "LOGGER_LABEL",
            "CYCLE_ID", "MESSAGE_ID", "X_UNIT",
        ])
        #expect(fields.map(\.1) == [
            "hello", "5", "kinerjad", "Systemd/Foo.swift", "12", "bar()", "kinerja.store",
            "7", "0123456789abcdef0123456789abcdef", "x",
        ])
        #expect(!fields.contains { $0.0 == "UNIT" })
    }

    @Test func metadataValueRendering() {
        #expect(JournalLogHandler.render("plain") == "plain")
        #expect(JournalLogHandler.render(.stringConvertible(42)) == "42")
        #expect(JournalLogHandler.render(["a", ["b", "c"]]) == "[a, [b, c]]")
        #expect(JournalLogHandler.render(["z": "1", "a": ["k": "v"]]) == "[a: [k: v], z: 1]")
        #expect(JournalLogHandler.render(.dictionary([:])) == "[:]")
        #expect(JournalLogHandler.render([]) == "[]")
    }

    @Test func sendRejectsInvalidEntriesBeforeTouchingTheJournal() {
        #expect(throws: JournalError(code: EINVAL, detail: "empty journal entry")) {
            try Journal.send([])
        }
        #expect(throws: JournalError(code: EINVAL, detail: #"invalid journal field name "lower""#)) {
            try Journal.send([("MESSAGE", "x"), ("lower", "y")])
        }
    }
}
