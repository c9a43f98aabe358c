import KinerjaCore

/// Failures of the store that an administrator must act on; each description says what to
/// do, because it ends up in the journal and in the CLI's error output.
public enum StoreError: Refusal, Equatable, CustomStringConvertible {
    /// The database has migrations this code does not know: a newer Kinerja wrote it, and
    /// running older code on it could misread or damage its data.
    case newerSchema(path: String, unknownMigrations: [String])
    /// The file is not a SQLite database, or is damaged.
    case unreadable(path: String, reason: String)
    /// The file could not be opened or created (missing directory, permissions).
    case cannotOpen(path: String, reason: String)
    /// The file system holding `directory` has no space left (SQLite's SQLITE_FULL, from
    /// ENOSPC): the change or backup was rolled back, and the next one may work once space
    /// is freed. Reads go on meanwhile.
    case diskFull(directory: String)
    /// The store could not be written although there is space: the file or its file system
    /// is read-only, or writing failed (SQLite's SQLITE_READONLY, SQLITE_IOERR). The change
    /// was rolled back; reads go on.
    case cannotWrite(directory: String, reason: String)
    /// A database server did not answer in time, or the connection to it was lost: the
    /// change (if any) was not committed, and the adapter reconnects by itself.
    case unreachable(location: String, reason: String)
    /// A backup would overwrite an existing file.
    case backupExists(path: String)
    /// A plan was saved for a position the roster does not have.
    case noSuchPosition(PositionKey)
    /// A stored row could not be read back (edited by hand, or written by a buggy version).
    case damagedRow(table: String, key: String, reason: String)
    /// A silence that cannot be kept: it must name exactly one person or one school, end on
    /// a `YYYY-MM-DD` date and give a reason (an office must see why reminders stopped).
    case invalidSilence(reason: String)
    /// An acknowledgement of a reminder id that is not `plan|step|due|…` (see
    /// `AcknowledgementKey`).
    case malformedReminderID(String)
    /// A hook delivery was finished that was never created (`settleReminder` creates them).
    case noSuchDelivery(reminderID: String, hook: String)
    /// The plan changed since it was read (another writer saved it first): read it again
    /// and apply the change to what is stored now.
    case conflict(plan: String)

    public var description: String { message(in: .english) }

    /// The text in the office's language: a change refused for a full disk reaches the
    /// administrator through the daemon's `StoreFailure`.
    public func message(in language: OfficeLanguage) -> String {
        switch self {
        case .newerSchema(let path, let unknown):
            let migrations = unknown.joined(separator: ", ")
            return language.text(
                id: "basis data di \(path) ditulis oleh Kinerja yang lebih baru (migrasi \(migrations)); gunakan versi itu atau pulihkan cadangan",
                en: "the database at \(path) was written by a newer Kinerja (migrations \(migrations)); use that version or restore a backup")
        case .unreadable(let path, let reason):
            return language.text(
                id: "basis data di \(path) tidak dapat dibaca (\(reason)); pulihkan cadangan yang dibuat dengan kinerjactl backup; berkas yang rusak tidak diubah",
                en: "the database at \(path) cannot be read (\(reason)); restore a backup made with kinerjactl backup; the damaged file was left untouched")
        case .cannotOpen(let path, let reason):
            return language.text(
                id: "basis data di \(path) tidak dapat dibuka (\(reason)); periksa bahwa direktorinya ada dan pengguna daemon boleh menulis di sana",
                en: "the database at \(path) cannot be opened (\(reason)); check that its directory exists and that the daemon's user may write there")
        case .diskFull(let directory):
            return language.text(
                id: "sistem berkas yang memuat \(directory) sudah penuh: tidak ada yang ditulis; kosongkan sebagian ruang di sana lalu coba lagi",
                en: "no space left on the file system holding \(directory): nothing was written; free space there and try again")
        case .cannotWrite(let directory, let reason):
            return language.text(
                id: "penyimpanan di \(directory) tidak dapat ditulis (\(reason)): tidak ada yang diubah; periksa bahwa sistem berkasnya terpasang baca-tulis dan tanpa galat (dmesg) dan berkasnya boleh ditulis, lalu coba lagi",
                en: "the store in \(directory) cannot be written (\(reason)): nothing was changed; check that its file system is mounted read-write and without errors (dmesg) and that its files may be written, then try again")
        case .unreachable(let location, let reason):
            return language.text(
                id: "basis data \(location) tidak menjawab (\(reason)): tidak ada yang diubah; periksa bahwa PostgreSQL berjalan dan dapat dicapai, daemon menyambung kembali sendiri, lalu coba lagi",
                en: "the database \(location) did not answer (\(reason)): nothing was changed; check that PostgreSQL runs and can be reached (the daemon reconnects by itself), then try again")
        case .backupExists(let path):
            return language.text(
                id: "sudah ada berkas di \(path); cadangan tidak pernah menimpa berkas, pilih nama lain",
                en: "a file already exists at \(path); a backup never overwrites one, choose another name")
        case .noSuchPosition(let key):
            return language.text(
                id: "posisi \(key) tidak ada dalam roster; impor dahulu roster yang memuatnya",
                en: "no position \(key) in the roster; import a roster that lists it first")
        case .damagedRow(let table, let key, let reason):
            return language.text(
                id: "baris \(key) pada tabel \(table) tidak dapat dibaca (\(reason)); pulihkan cadangan yang dibuat dengan kinerjactl backup",
                en: "the \(table) row \(key) cannot be read (\(reason)); restore a backup made with kinerjactl backup")
        case .invalidSilence(let reason):
            return language.text(id: "jeda pengingat tidak ditambahkan: \(reason)", en: "the silence was not added: \(reason)")
        case .malformedReminderID(let id):
            return language.text(
                id: "'\(id)' bukan id pengingat (plan|step|due|kind|offset|recipient); salin dari pengingat atau kinerjactl status",
                en: "'\(id)' is not a reminder id (plan|step|due|kind|offset|recipient); copy it from the reminder or kinerjactl status")
        case .conflict(let plan):
            return language.text(
                id: "rencana \(plan) baru saja diubah oleh penulis lain; tidak ada yang ditulis, coba lagi",
                en: "the plan \(plan) was just changed by another writer; nothing was written, try again")
        case .noSuchDelivery(let reminderID, let hook):
            return language.text(
                id: "tidak ada pengiriman pengingat \(reminderID) ke hook \(hook) yang tercatat; ini bug pada daemon, mohon laporkan",
                en: "no delivery of reminder \(reminderID) to hook \(hook) is recorded; this is a bug in the daemon, report it")
        }
    }
}
