/// The bounds of `id.kinerja.Kinerja`'s parameters, each stated once here and in the IDL's
/// comments (a test reads both). They bound what one call can make the daemon hold or do;
/// the domain's own rules (a NIP's 18 digits, a name's length) are checked after them.
public enum WireBounds {
    /// A person id: a NIP is 18 digits; another unique id at most 64 bytes.
    public static let personID = ParameterBound.text(maxBytes: 64)
    /// A plan id, `CYCLE/ID/ks@NPSN`.
    public static let planID = ParameterBound.text(maxBytes: 128)
    /// `YYYY-1`, a date `YYYY-MM-DD`, an NPSN (8 digits).
    public static let short = ParameterBound.text(maxBytes: 16)
    /// A word of the interface: a role, step, action, cause, state, catalog id or rating.
    public static let word = ParameterBound.text(maxBytes: 64)
    /// Free text a person writes: a reason, a note, a catatan.
    public static let note = ParameterBound.text(maxBytes: 4096)
    /// A reminder id, `plan|step|due|kind|offset|recipient`.
    public static let reminderID = ParameterBound.text(maxBytes: 256)
    /// A file name: a backup's, a hook's.
    public static let fileName = ParameterBound.text(maxBytes: 255)
    /// A workbook's sheet name: 31 characters in Excel and LibreOffice.
    public static let sheet = ParameterBound.text(maxBytes: 128)
    /// An upload's id.
    public static let uploadID = ParameterBound.text(maxBytes: 64)
    /// The rows a listing of reminders or deliveries returns at once (`limit`): a district's
    /// year of fired reminders; 10,000 rows are some 6 MB of reply.
    public static let listLimit = ParameterBound.integer(1...10_000)
    /// The audit rows `History` returns at once: each holds a plan before and after, a few
    /// KiB, so a long history goes out in pieces (`more`); kinerja-web counts a plan's changes.
    public static let historyLimit = ParameterBound.integer(1...100_000)
    /// A file given inline: what one message can carry (messages are at most 1 MiB).
    public static let content = ParameterBound.text(maxBytes: 1 << 20)
    /// One piece of an upload.
    public static let maxChunkBytes = 512 * 1024
    /// The days a preview may span: two months, what an office plans ahead. A district's
    /// whole cycle is some 50,000 reminders, 30 MB of reply and five times that while it is
    /// made; a longer view is asked two months at a time.
    public static let previewDays = 62
    /// The days a preview of one person may span: a cycle (July–December has 184 days).
    public static let personPreviewDays = 184
    /// Step details: choices are few and their ids short.
    public static let details = ParameterBound.object([
        "praktikKinerja": word, "rhk": .list(maxCount: 64, element: .object(["id": word, "jumlah": .integer(0...10_000)])),
        "kompetensi": word, "perilakuKerja": .list(maxCount: 64, element: word), "sekolah": .list(maxCount: 256, element: short),
        "sekolahFokus": short, "rating": word, "ratings": .map(maxCount: 16, keyBytes: 64, value: word), "catatan": note,
        "ratingPraktik": word, "ratingPerilaku": word, "predikat": word, "alasan": note,
    ])
}
