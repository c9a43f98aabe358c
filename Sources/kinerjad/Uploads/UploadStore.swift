import Foundation
import KinerjaRPC
import Synchronization

/// Files too large for one Varlink message (1 MiB), sent in pieces before an import. Kept
/// in memory only, per caller, bounded in number, size and age: a country's roster is
/// 40 MiB, and an abandoned upload must not hold memory for long. A piece is appended in
/// place (a copy of the upload so far at every piece made each one slower than the last,
/// 98 ms at 50 MiB, on the connection's event loop); its size is bounded at the RPC edge
/// (`WireBounds.maxChunkBytes`).
final class UploadStore: Sendable {
    private struct Upload {
        let owner: UInt32
        var text: String
        var touched: Date
    }

    static let maxUploads = 8
    /// One upload: more than a country's roster (40 MiB) or progress file (20 MiB), and the
    /// most an import's rows (`CSVRecord.maxRows`) take.
    static let maxBytes = 64 << 20
    /// All uploads together: two of the largest at once.
    static let maxTotalBytes = 128 << 20
    static let lifetime: TimeInterval = 15 * 60

    private let uploads = Mutex<[String: Upload]>([:])

    func begin(owner: UInt32, now: Date) throws(OfficeError) -> String {
        try uploads.withLock { (table: inout [String: Upload]) throws(OfficeError) -> String in
            table = table.filter { now.timeIntervalSince($0.value.touched) < UploadStore.lifetime }
            guard table.count < UploadStore.maxUploads else {
                throw WireToCore.invalid(
                    "upload", id: "terlalu banyak unggahan yang sedang berjalan (\(UploadStore.maxUploads)); coba lagi beberapa menit lagi",
                    en: "too many uploads in progress (\(UploadStore.maxUploads)); try again in a few minutes")
            }
            let id = UUID().uuidString.lowercased()
            table[id] = Upload(owner: owner, text: "", touched: now)
            return id
        }
    }

    func append(_ id: String, chunk: String, owner: UInt32, now: Date) throws(OfficeError) -> Int {
        try uploads.withLock { (table: inout [String: Upload]) throws(OfficeError) -> Int in
            let held: Int
            do {  // A scope of its own: no copy of the upload outlives the check.
                guard let upload = table[id], upload.owner == owner, now.timeIntervalSince(upload.touched) < UploadStore.lifetime else {
                    throw OfficeError.noSuchUpload(id)
                }
                held = upload.text.utf8.count
            }
            let size = held + chunk.utf8.count
            guard size <= UploadStore.maxBytes else {
                table[id] = nil
                throw WireToCore.invalid(
                    "upload", id: "satu unggahan paling besar \(UploadStore.maxBytes >> 20) MiB", en: "an upload is at most \(UploadStore.maxBytes >> 20) MiB")
            }
            let total = table.values.reduce(0) { $0 + $1.text.utf8.count } + chunk.utf8.count
            guard total <= UploadStore.maxTotalBytes else {
                throw WireToCore.invalid(
                    "upload", id: "unggahan yang sedang berjalan sudah memakai \(UploadStore.maxTotalBytes >> 20) MiB; coba lagi setelah diimpor",
                    en: "the uploads in progress already hold \(UploadStore.maxTotalBytes >> 20) MiB; try again once they are imported")
            }
            // In place: the text has one owner, so it grows without a copy.
            table[id]!.text.append(chunk)
            table[id]!.touched = now
            return size
        }
    }

    /// The upload's text, removed from the store: an upload is used once.
    func take(_ id: String, owner: UInt32) throws(OfficeError) -> String {
        try uploads.withLock { (table: inout [String: Upload]) throws(OfficeError) -> String in
            guard let upload = table[id], upload.owner == owner else {
                throw OfficeError.noSuchUpload(id)
            }
            table[id] = nil
            return upload.text
        }
    }
}
