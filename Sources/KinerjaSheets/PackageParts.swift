import Foundation
import ZIPFoundation

/// The parts of an .xlsx package (a zip, read by ZIPFoundation from the bytes in memory),
/// unpacked one at a time within `WorkbookLimits`: the uncompressed bytes are counted as
/// they come out of inflate, so a zip bomb stops at the bound, whatever sizes its
/// directory claims.
final class PackageParts {
    private let archive: Archive
    /// Entries by lower-cased name: part names compare case-insensitively (OPC, ECMA-376 Part 2, "Part Names").
    private let entries: [String: Entry]
    private let limits: WorkbookLimits
    private var bytesRead = 0

    init(_ data: Data, limits: WorkbookLimits) throws(WorkbookError) {
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw .damaged("zip", "\(error)")
        }
        var entries: [String: Entry] = [:]
        for entry in archive where entry.type == .file {
            entries[entry.path.lowercased()] = entry
        }
        self.entries = entries
        self.limits = limits
    }

    func contains(_ name: String) -> Bool { entries[name.lowercased()] != nil }

    /// The part's bytes, checked against its CRC-32; nil when the package has no such part.
    func data(_ name: String) throws(WorkbookError) -> Data? {
        guard let entry = entries[name.lowercased()] else { return nil }
        var data = Data()
        let limits = self.limits
        let before = bytesRead
        let checksum: CRC32
        do {
            checksum = try archive.extract(entry, bufferSize: 64 * 1024) { chunk in
                data.append(chunk)
                if data.count > limits.partBytes { throw PartTooLarge.part }
                if before + data.count > limits.totalBytes { throw PartTooLarge.total }
            }
        } catch PartTooLarge.part {
            throw .tooLarge(
                id: "bagian \(name) lebih dari \(limits.partBytes / 1024 / 1024) MiB setelah dibuka",
                en: "its part \(name) unpacks to more than \(limits.partBytes / 1024 / 1024) MiB")
        } catch PartTooLarge.total {
            throw .tooLarge(
                id: "isinya lebih dari \(limits.totalBytes / 1024 / 1024) MiB setelah dibuka",
                en: "it unpacks to more than \(limits.totalBytes / 1024 / 1024) MiB")
        } catch {
            throw .damaged(name, "\(error)")
        }
        guard checksum == entry.checksum else { throw .damaged(name, "CRC-32") }
        bytesRead = before + data.count
        return data
    }

    private enum PartTooLarge: Error { case part, total }
}
