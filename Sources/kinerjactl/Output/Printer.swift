import FoundationEssentials

/// Writes results to stdout and talk to stderr, and renders `--json` output: stable,
/// sorted keys, the wire types as the IDL defines them.
enum Printer {
    /// One or more lines on stdout; the daemon's words in them escaped (``TerminalText``).
    static func out(_ line: TerminalText) {
        let text = line.text
        FileHandleOut.write(text.hasSuffix("\n") || text.isEmpty ? text : text + "\n", fd: 1)
    }

    static func err(_ line: TerminalText) {
        let text = line.text
        FileHandleOut.write(text.hasSuffix("\n") ? text : text + "\n", fd: 2)
    }

    static func json<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // JSON escapes control characters itself.
        out(TerminalText(safe: String(decoding: try encoder.encode(value), as: UTF8.self)))
    }

    /// `-` for a missing value in a table cell.
    static func cell(_ value: String?) -> String { value ?? "-" }
}

/// Raw writes to a file descriptor, without Foundation's FileHandle (the CLI links only
/// FoundationEssentials to start fast).
enum FileHandleOut {
    static func write(_ text: String, fd: Int32) {
        write(bytes: Array(text.utf8), fd: fd)
    }

    static func write(bytes: [UInt8], fd: Int32) {
        var bytes = bytes
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n <= 0 { if errno == EINTR { continue }; return }
            offset += n
        }
    }
}

#if canImport(Glibc)
import Glibc
#endif
