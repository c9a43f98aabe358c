import Foundation
import KinerjaRPC
import Synchronization

/// Files too large for one Varlink message (1 MiB), sent in pieces before an import. Kept
/// in memory only, per caller, bounded in number, size and age: a national roster is tens
/// of MiB, and an abandoned upload must not hold memory for long.
final class UploadStore: Sendable {
    private struct Upload {
        let owner: UInt32
        var text: String
        var touched: Date
    }

    static let maxUploads = 8
    static let maxBytes = 512 * 1024 * 1024
    static let maxChunk = 512 * 1024
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
        guard chunk.utf8.count <= UploadStore.maxChunk else {
            throw WireToCore.invalid(
                "chunk", id: "satu potongan paling besar \(UploadStore.maxChunk) byte", en: "a chunk is at most \(UploadStore.maxChunk) bytes")
        }
        return try uploads.withLock { (table: inout [String: Upload]) throws(OfficeError) -> Int in
            guard var upload = table[id], upload.owner == owner, now.timeIntervalSince(upload.touched) < UploadStore.lifetime else {
                throw OfficeError.noSuchUpload(id)
            }
            guard upload.text.utf8.count + chunk.utf8.count <= UploadStore.maxBytes else {
                table[id] = nil
                throw WireToCore.invalid(
                    "upload", id: "satu unggahan paling besar \(UploadStore.maxBytes / 1024 / 1024) MiB",
                    en: "an upload is at most \(UploadStore.maxBytes / 1024 / 1024) MiB")
            }
            upload.text += chunk
            upload.touched = now
            table[id] = upload
            return upload.text.utf8.count
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
