import Logging

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A swift-log handler that writes every record as one structured journal entry.
///
/// Why not just print to stderr under systemd: stderr lines reach the journal
/// as flat text, losing the level (everything becomes one priority unless
/// prefixed), the source location and all metadata. Written natively, each
/// record keeps `PRIORITY`, `CODE_FILE`/`CODE_LINE`/`CODE_FUNC` and one journal
/// field per metadata key, so `journalctl -p warning` or
/// `journalctl CYCLE_ID=42` just work.
///
/// Fields written, in this order: `MESSAGE`, `PRIORITY` (see
/// ``syslogPriority(for:)``), `SYSLOG_IDENTIFIER` (the `identifier`),
/// `CODE_FILE`, `CODE_LINE`, `CODE_FUNC`, `LOGGER_LABEL` (the swift-log label,
/// to tell subsystems apart), then the metadata, each key mapped with
/// ``Journal/fieldName(forMetadataKey:)`` and sorted by the resulting name.
/// Metadata is merged handler < metadata provider < per-call, later winning,
/// like swift-log's own handlers; an attached `error` becomes
/// `ERROR_MESSAGE`/`ERROR_TYPE`. Metadata keys that
/// would collide with the fields above are prefixed with `X_` instead of
/// overriding them, and `UNIT` is never written.
///
/// When the journal is unreachable, ``JournalDestination/automatic`` writes one
/// line per record to the fallback writer (stderr by default) instead:
/// `<ISO 8601 time> <LEVEL> <identifier>: <message> KEY=value KEY=value`.
public struct JournalLogHandler: LogHandler {
    /// Receives one complete fallback line, without the trailing newline.
    public typealias LineWriter = @Sendable (String) -> Void

    /// Field names the handler writes itself; metadata may not override them.
    static let ownedFieldNames: Set<String> = [
        "MESSAGE", "PRIORITY", "SYSLOG_IDENTIFIER", "CODE_FILE", "CODE_LINE", "CODE_FUNC", "LOGGER_LABEL",
    ]

    /// The swift-log label of the logger this handler belongs to.
    public let label: String
    /// The `SYSLOG_IDENTIFIER`, e.g. `kinerjad`; what `journalctl -t` filters on.
    public let identifier: String
    /// Where records go.
    public let destination: JournalDestination

    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    public var logLevel: Logger.Level = .info

    private let fallbackWriter: LineWriter

    /// - Parameters:
    ///   - label: The swift-log label (passed in by `LoggingSystem.bootstrap`).
    ///   - identifier: The `SYSLOG_IDENTIFIER` of every entry, normally the
    ///     program name.
    ///   - destination: Journal, fallback writer, or journal-with-fallback.
    ///   - metadataProvider: Contextual metadata, e.g. from task locals.
    ///   - fallbackWriter: Where fallback lines go; stderr unless a test captures them.
    public init(
        label: String,
        identifier: String,
        destination: JournalDestination = .automatic,
        metadataProvider: Logger.MetadataProvider? = nil,
        fallbackWriter: @escaping LineWriter = JournalLogHandler.standardError
    ) {
        self.label = label
        self.identifier = identifier
        self.destination = destination
        self.metadataProvider = metadataProvider
        self.fallbackWriter = fallbackWriter
    }

    /// A factory for `LoggingSystem.bootstrap(_:metadataProvider:)`, so the daemon
    /// can write `LoggingSystem.bootstrap(JournalLogHandler.factory(identifier:
    /// "kinerjad"), metadataProvider: provider)` and every logger, including
    /// those created inside libraries, ends up in the journal.
    public static func factory(
        identifier: String,
        destination: JournalDestination = .automatic,
        logLevel: Logger.Level = .info
    ) -> @Sendable (String, Logger.MetadataProvider?) -> any LogHandler {
        { label, provider in
            var handler = JournalLogHandler(
                label: label, identifier: identifier, destination: destination, metadataProvider: provider)
            handler.logLevel = logLevel
            return handler
        }
    }

    /// Whether journald is accepting entries (see ``Journal/isAvailable()``).
    public static func isJournalAvailable() -> Bool {
        Journal.isAvailable()
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let merged = mergedMetadata(event)
        let message = event.message.description
        switch destination {
        case .stderr:
            fallbackWriter(Self.fallbackLine(level: event.level, identifier: identifier, message: message, metadata: merged))
        case .journal:
            try? Journal.send(journalFields(event: event, message: message, metadata: merged))
        case .automatic:
            do {
                try Journal.send(journalFields(event: event, message: message, metadata: merged))
            } catch {
                fallbackWriter(Self.fallbackLine(level: event.level, identifier: identifier, message: message, metadata: merged))
            }
        }
    }

    // MARK: - Building entries

    /// Handler metadata, overridden by the provider, overridden by the call, plus the error.
    private func mergedMetadata(_ event: LogEvent) -> Logger.Metadata {
        var merged = metadata
        if let provided = metadataProvider?.get(), !provided.isEmpty {
            merged.merge(provided) { _, provided in provided }
        }
        if let explicit = event.metadata, !explicit.isEmpty {
            merged.merge(explicit) { _, explicit in explicit }
        }
        if let error = event.error {
            merged["error.message"] = "\(error)"
            merged["error.type"] = "\(String(reflecting: type(of: error)))"
        }
        return merged
    }

    func journalFields(event: LogEvent, message: String, metadata: Logger.Metadata) -> [(String, String)] {
        var fields: [(String, String)] = [
            ("MESSAGE", message),
            ("PRIORITY", String(Self.syslogPriority(for: event.level))),
            ("SYSLOG_IDENTIFIER", identifier),
            ("CODE_FILE", event.file),
            ("CODE_LINE", String(event.line)),
            ("CODE_FUNC", event.function),
        ]
        if !label.isEmpty { fields.append(("LOGGER_LABEL", label)) }
        fields.reserveCapacity(fields.count + metadata.count)
        for (name, value) in Self.metadataFields(metadata) {
            fields.append((name, value))
        }
        return fields
    }

    /// Metadata as `(journal field name, rendered value)`, sorted by field name
    /// (then by original key, for keys that map to the same name).
    static func metadataFields(_ metadata: Logger.Metadata) -> [(String, String)] {
        metadata
            .map { key, value in (name: metadataFieldName(forKey: key), key: key, value: value) }
            .sorted { ($0.name, $0.key) < ($1.name, $1.key) }
            .map { ($0.name, render($0.value)) }
    }

    /// ``Journal/fieldName(forMetadataKey:)`` plus protection of the handler's own fields.
    static func metadataFieldName(forKey key: String) -> String {
        let name = Journal.fieldName(forMetadataKey: key)
        guard ownedFieldNames.contains(name) else { return name }
        return "X_" + name
    }

    /// swift-log level → syslog priority, the scale `PRIORITY=` and
    /// `journalctl -p` use. swift-log has no "alert"/"emergency" (those are for
    /// the whole system), and both `trace` and `debug` are syslog debug (7).
    public static func syslogPriority(for level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: return 7
        case .info: return 6
        case .notice: return 5
        case .warning: return 4
        case .error: return 3
        case .critical: return 2
        }
    }

    /// Renders a metadata value as text: strings as is, arrays as `[a, b]`,
    /// dictionaries as `[key: value, …]` sorted by key, nested recursively.
    static func render(_ value: Logger.Metadata.Value) -> String {
        switch value {
        case .string(let string):
            return string
        case .stringConvertible(let convertible):
            return convertible.description
        case .array(let values):
            return "[" + values.map(render).joined(separator: ", ") + "]"
        case .dictionary(let dictionary):
            if dictionary.isEmpty { return "[:]" }
            return "[" + dictionary.sorted { $0.key < $1.key }.map { "\($0.key): \(render($0.value))" }
                .joined(separator: ", ") + "]"
        }
    }

    // MARK: - Fallback

    /// Writes `line` plus a newline to file descriptor 2 with a single `write`,
    /// so lines from concurrent loggers do not interleave mid-line.
    public static let standardError: LineWriter = { line in
        var bytes = Array(line.utf8)
        bytes.append(UInt8(ascii: "\n"))
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(2, raw.baseAddress! + offset, raw.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0 && errno == EINTR {
                    continue
                } else {
                    return
                }
            }
        }
    }

    /// The one-line stderr form of a record:
    /// `<ISO 8601 local time> <LEVEL> <identifier>: <message> KEY=value …`.
    ///
    /// Keys are the journal field names, so what you see is what you would query.
    /// Newlines and other control characters are escaped so one record stays one
    /// line; values that are empty or contain spaces, quotes or `=` are quoted.
    static func fallbackLine(
        level: Logger.Level,
        identifier: String,
        message: String,
        metadata: Logger.Metadata,
        time: timespec = currentRealtime()
    ) -> String {
        var line = "\(iso8601(time)) \(level.rawValue.uppercased()) \(identifier): \(escapeControlCharacters(message))"
        for (name, value) in metadataFields(metadata) {
            line += " \(name)=\(quoteIfNeeded(value))"
        }
        return line
    }

    static func currentRealtime() -> timespec {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return now
    }

    /// `2026-11-25T06:18:03.042+01:00`: local time, milliseconds, numeric offset.
    static func iso8601(_ time: timespec) -> String {
        var seconds = time_t(time.tv_sec)
        var parts = tm()
        localtime_r(&seconds, &parts)
        let offsetMinutes = Int(parts.tm_gmtoff) / 60
        let sign = offsetMinutes < 0 ? "-" : "+"
        return "\(pad(Int(parts.tm_year) + 1900, 4))-\(pad(Int(parts.tm_mon) + 1))-\(pad(Int(parts.tm_mday)))"
            + "T\(pad(Int(parts.tm_hour))):\(pad(Int(parts.tm_min))):\(pad(Int(parts.tm_sec)))"
            + ".\(pad(Int(time.tv_nsec) / 1_000_000, 3))"
            + "\(sign)\(pad(abs(offsetMinutes) / 60)):\(pad(abs(offsetMinutes) % 60))"
    }

    private static func pad(_ value: Int, _ width: Int = 2) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    static func escapeControlCharacters(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return text }
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\t": escaped += "\\t"
            case _ where scalar.properties.generalCategory == .control:
                escaped += "\\u{\(String(scalar.value, radix: 16))}"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    static func quoteIfNeeded(_ value: String) -> String {
        let needsQuotes = value.isEmpty || value.unicodeScalars.contains { scalar in
            scalar == " " || scalar == "\"" || scalar == "=" || scalar.properties.generalCategory == .control
        }
        guard needsQuotes else { return value }
        let inner = escapeControlCharacters(value.replacingBackslashesAndQuotes())
        return "\"\(inner)\""
    }
}

extension String {
    /// `\` → `\\` and `"` → `\"`, for quoting a value in a fallback line.
    fileprivate func replacingBackslashesAndQuotes() -> String {
        var result = ""
        for character in self {
            switch character {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            default: result.append(character)
            }
        }
        return result
    }
}
