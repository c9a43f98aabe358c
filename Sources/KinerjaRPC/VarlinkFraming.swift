#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import FoundationEssentials

/// Result of scanning buffered bytes for the NUL that terminates a Varlink message.
public enum VarlinkFrameScan: Sendable, Hashable {
    /// A complete frame of `length` bytes (NUL excluded) starts at the beginning of the buffer.
    case frame(length: Int)
    /// No terminator yet; the first `scanned` bytes contain no NUL and need not be scanned again.
    case incomplete(scanned: Int)
    /// The frame is longer than the allowed maximum.
    case tooLarge
}

public enum VarlinkFramingError: Error, Sendable, Hashable, CustomStringConvertible {
    case frameTooLarge(limit: Int)

    public var description: String {
        switch self {
        case .frameTooLarge(let limit): "Varlink message exceeds the maximum size of \(limit) bytes"
        }
    }
}

/// Pure (I/O free) helpers for the Varlink wire format: JSON objects terminated by one NUL byte.
public enum VarlinkFraming {
    /// Default maximum size of one message, NUL terminator excluded: 1 MiB.
    public static let defaultMaxFrameSize = 1 << 20
    /// Default maximum nesting depth of arrays/objects accepted in an incoming message.
    public static let defaultMaxNestingDepth = 64
    /// The message terminator.
    public static let terminator: UInt8 = 0

    /// Scans `bytes` for the terminator of the first frame.
    ///
    /// - Parameters:
    ///   - offset: bytes before this offset are known to contain no NUL (from a previous `.incomplete`).
    ///   - maxFrameSize: frames of up to this many bytes (terminator excluded) are accepted.
    public static func scan(_ bytes: UnsafeRawBufferPointer, from offset: Int = 0, maxFrameSize: Int) -> VarlinkFrameScan {
        let limit = min(bytes.count, maxFrameSize + 1)
        let start = max(0, offset)
        if start < limit, let base = bytes.baseAddress {
            if let hit = memchr(base + start, 0, limit - start) {
                return .frame(length: base.distance(to: UnsafeRawPointer(hit)))
            }
        }
        if bytes.count > maxFrameSize {
            return .tooLarge
        }
        return .incomplete(scanned: max(start, limit))
    }

    /// Encodes a message as JSON followed by the NUL terminator.
    /// (JSON encoders escape U+0000, so the payload never contains a raw NUL.)
    public static func encode<T: Encodable>(_ message: T) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        var bytes = [UInt8](try encoder.encode(message))
        bytes.append(terminator)
        return bytes
    }

    /// Decodes one incoming frame (terminator excluded) as a method call.
    ///
    /// Every failure is a protocol violation, reported as `org.varlink.service.InvalidParameter`
    /// whose `parameter` names the offending call field: one of the wrong type or missing
    /// (`method`, `parameters`, `oneway`, `more`, `upgrade`, checked in that order), or the
    /// field whose value holds a malformed string or number (bad escape, lone surrogate,
    /// control character, invalid UTF-8, leading zero, out of range); or `message` when the
    /// frame is not a JSON object at all (broken structure, bad UTF-8 in a field name, nested
    /// deeper than `maxNestingDepth`, not an object). Of several faults in the JSON text, the
    /// first is reported. The caller should reply with it and close the connection.
    public static func decodeCall(
        _ frame: UnsafeRawBufferPointer,
        maxNestingDepth: Int = defaultMaxNestingDepth
    ) throws(VarlinkError) -> VarlinkCall {
        let message: JSONValue
        do {
            message = try JSONParser.parse(frame, maxDepth: maxNestingDepth)
        } catch {
            throw .invalidParameter(error.kind == .content ? error.member ?? "message" : "message")
        }
        guard case .object(let members) = message else {
            throw .invalidParameter("message")
        }
        let call = try VarlinkCall(members: members)
        if call.hasConflictingFlags {
            throw .invalidParameter(call.upgrade ? "upgrade" : "more")
        }
        return call
    }

    /// Convenience overload of ``decodeCall(_:maxNestingDepth:)-(UnsafeRawBufferPointer,_)``.
    public static func decodeCall(
        _ frame: [UInt8],
        maxNestingDepth: Int = defaultMaxNestingDepth
    ) throws(VarlinkError) -> VarlinkCall {
        let result: Result<VarlinkCall, VarlinkError> = frame.withUnsafeBytes { raw in
            do throws(VarlinkError) {
                return .success(try decodeCall(raw, maxNestingDepth: maxNestingDepth))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }
}

/// Accumulates bytes from a stream and yields complete frames (terminator removed).
///
/// Used by the blocking client; the NIO decoder uses the same ``VarlinkFraming/scan(_:from:maxFrameSize:)``.
public struct VarlinkFrameSplitter: Sendable {
    public let maxFrameSize: Int
    private var buffer: [UInt8] = []
    private var start = 0
    private var scanned = 0

    public init(maxFrameSize: Int = VarlinkFraming.defaultMaxFrameSize) {
        precondition(maxFrameSize > 0, "maxFrameSize must be positive")
        self.maxFrameSize = maxFrameSize
    }

    /// Number of buffered bytes not yet returned as frames.
    public var bufferedByteCount: Int { buffer.count - start }

    public mutating func append(contentsOf bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        buffer.append(contentsOf: bytes)
    }

    /// The next complete frame, or `nil` if more data is needed.
    /// Throws ``VarlinkFramingError/frameTooLarge(limit:)`` once the current frame exceeds the limit
    /// (and keeps throwing: the stream cannot be resynchronised).
    public mutating func nextFrame() throws(VarlinkFramingError) -> [UInt8]? {
        let maxFrameSize = self.maxFrameSize
        let from = self.scanned
        let result = buffer.withUnsafeBytes { raw in
            VarlinkFraming.scan(UnsafeRawBufferPointer(rebasing: raw[start...]), from: from, maxFrameSize: maxFrameSize)
        }
        switch result {
        case .frame(let length):
            let frame = Array(buffer[start..<(start + length)])
            start += length + 1
            scanned = 0
            compactIfNeeded()
            return frame
        case .incomplete(let scannedBytes):
            scanned = scannedBytes
            return nil
        case .tooLarge:
            throw .frameTooLarge(limit: maxFrameSize)
        }
    }

    private mutating func compactIfNeeded() {
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: buffer.capacity <= 1 << 16)
            start = 0
        } else if start > 4096 && start * 2 > buffer.count {
            buffer.removeSubrange(0..<start)
            start = 0
        }
    }
}
