import CSystemd

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Low-level structured writes to the systemd journal, via `sd_journal_sendv(3)`.
///
/// Why this exists next to ``JournalLogHandler``: some records are data, not
/// log lines. The reminder code writes entries with a `MESSAGE_ID` and
/// `KINERJA_*` fields that are later queried with `journalctl`, and it must know
/// whether the write succeeded. The log handler uses the same ``send(_:)`` so
/// there is exactly one copy of the iovec marshalling.
///
/// `sd_journal_send` itself is variadic and cannot be called from Swift;
/// `sd_journal_sendv` takes one `KEY=value` iovec per field and handles values
/// with embedded newlines (it switches to the binary-safe encoding itself).
public enum Journal {
    /// The native-protocol socket journald listens on. libsystemd always uses
    /// this fixed path.
    public static let socketPath = "/run/systemd/journal/socket"

    /// Journal field names are at most this long (see `sd_journal_send(3)`).
    public static let maximumFieldNameLength = 64

    /// Field names that systemd sets on behalf of other processes. A service
    /// writing them would make its entries look like they were about (or from)
    /// another unit, so metadata keys that map onto them are renamed.
    public static let reservedFieldNames: Set<String> = ["UNIT", "USER_UNIT", "OBJECT_PID"]

    /// Writes one journal entry with the given fields, in order.
    ///
    /// Field names must be valid (``isValidFieldName(_:)``); use
    /// ``fieldName(forMetadataKey:)`` to derive one from arbitrary text. The same
    /// name may appear more than once (the journal allows multi-valued fields).
    /// Values may contain newlines and arbitrary UTF-8.
    ///
    /// - Throws: ``JournalError`` with `EINVAL` for an empty entry or an invalid
    ///   field name (journald would silently drop such a field), `ENOENT` when
    ///   ``socketPath`` does not exist (libsystemd itself would silently drop the
    ///   entry), or the errno from `sd_journal_sendv` (e.g. `ECONNREFUSED` when a
    ///   stopped journald left its socket behind).
    public static func send(_ fields: [(String, String)]) throws(JournalError) {
        guard !fields.isEmpty else {
            throw JournalError(code: EINVAL, detail: "empty journal entry")
        }
        var byteCount = 0
        for (name, value) in fields {
            guard isValidFieldName(name) else {
                throw JournalError(code: EINVAL, detail: "invalid journal field name \"\(name)\"")
            }
            byteCount += name.utf8.count + 1 + value.utf8.count
        }

        // libsystemd deliberately reports success when the socket does not exist
        // ("fail silently if the journal is not available"); callers here need to
        // know, so a missing socket is an error.
        guard access(socketPath, F_OK) == 0 else {
            throw JournalError(code: ENOENT, detail: "journal socket \(socketPath) missing")
        }

        // One buffer holds every "NAME=value" back to back; the iovecs point into it.
        let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: byteCount, alignment: 1)
        defer { storage.deallocate() }
        let vectors = UnsafeMutableBufferPointer<iovec>.allocate(capacity: fields.count)
        defer { vectors.deallocate() }

        var offset = 0
        for (index, (name, value)) in fields.enumerated() {
            let start = offset
            offset += UnsafeMutableRawBufferPointer(rebasing: storage[offset...]).copyUTF8(of: name)
            storage[offset] = UInt8(ascii: "=")
            offset += 1
            offset += UnsafeMutableRawBufferPointer(rebasing: storage[offset...]).copyUTF8(of: value)
            vectors[index] = iovec(iov_base: storage.baseAddress! + start, iov_len: offset - start)
        }

        let result = sd_journal_sendv(vectors.baseAddress, Int32(fields.count))
        if result < 0 {
            throw JournalError(code: -result, detail: "sd_journal_sendv failed")
        }
    }

    /// Whether journald is accepting entries right now.
    ///
    /// Checks more than the socket file's existence: a journald that was killed
    /// leaves a stale socket behind, so this actually connects a datagram socket
    /// to ``socketPath`` (which fails with `ECONNREFUSED` when nobody listens).
    public static func isAvailable() -> Bool {
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }

        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let pathBytes = Array(socketPath.utf8)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: pathBytes)  // the path is far shorter than sun_path; rest stays 0
        }
        let length = socklen_t(MemoryLayout<sockaddr_un>.offset(of: \.sun_path)! + pathBytes.count + 1)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, length) }
        }
        return result == 0
    }

    /// Whether `name` is a field name journald accepts from a client: 1–64
    /// characters of `A–Z`, `0–9` and `_`, not starting with `_` (reserved for
    /// trusted fields journald adds itself) or a digit.
    public static func isValidFieldName(_ name: String) -> Bool {
        let bytes = name.utf8
        guard let first = bytes.first, bytes.count <= maximumFieldNameLength else { return false }
        guard first >= UInt8(ascii: "A"), first <= UInt8(ascii: "Z") else { return false }
        return bytes.allSatisfy { byte in
            (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "_")
        }
    }

    /// Turns an arbitrary metadata key into a valid journal field name.
    ///
    /// Why: swift-log metadata keys are free-form (`cycle-id`, `http.status`),
    /// while journald silently drops fields with invalid names. The mapping is
    /// predictable so the field can be queried: letters are upper-cased, any
    /// other character outside `[A-Z0-9_]` becomes `_`, a result starting with `_`
    /// gets an `X` in front and one starting with a digit an `X_`, and the name is
    /// cut to 64 characters. Names that are already valid journal names
    /// (`MESSAGE_ID`, `KINERJA_KIND`) come out unchanged, except the
    /// ``reservedFieldNames``, which get an `X_` prefix.
    ///
    /// Examples: `cycle-id` → `CYCLE_ID`, `_x` → `X_X`, `1st` → `X_1ST`,
    /// `unit` → `X_UNIT`, `` (empty) → `X`.
    public static func fieldName(forMetadataKey key: String) -> String {
        var name = ""
        name.reserveCapacity(key.utf8.count)
        for scalar in key.unicodeScalars {
            switch scalar {
            case "A"..."Z", "0"..."9", "_":
                name.unicodeScalars.append(scalar)
            case "a"..."z":
                name.unicodeScalars.append(Unicode.Scalar(scalar.value - 32)!)
            default:
                name.append("_")
            }
        }
        if name.isEmpty {
            name = "X"
        } else if name.hasPrefix("_") {
            name = "X" + name
        } else if let first = name.unicodeScalars.first, ("0"..."9").contains(first) {
            name = "X_" + name
        } else if reservedFieldNames.contains(name) {
            name = "X_" + name
        }
        if name.utf8.count > maximumFieldNameLength {
            name = String(name.prefix(maximumFieldNameLength))  // all ASCII: characters == bytes
        }
        return name
    }
}

extension UnsafeMutableRawBufferPointer {
    /// Copies the UTF-8 bytes of `string` to the start of this buffer and returns
    /// how many were copied. The buffer must be large enough.
    fileprivate func copyUTF8(of string: String) -> Int {
        var string = string
        return string.withUTF8 { utf8 in
            guard let source = utf8.baseAddress, utf8.count > 0 else { return 0 }
            self.baseAddress!.copyMemory(from: source, byteCount: utf8.count)
            return utf8.count
        }
    }
}
