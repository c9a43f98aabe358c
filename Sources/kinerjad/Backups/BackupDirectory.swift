import Foundation
import KinerjaRPC

/// `backups/` under the state directory: where `Backup` writes and `ReadBackup` reads.
///
/// A backup appears under its real name (`kinerja-YYYYMMDD-HHMMSS.sqlite`) only whole: it is
/// written under a hidden partial name, synced, and then linked to the real name, which
/// never replaces a file or follows a link already there. A daemon killed while writing
/// leaves only the hidden partial, removed at the next start and never served (`ReadBackup`
/// serves no name starting with "."). The directory must be a directory of its own, not a
/// link, and a backup is read only when it is a regular file: a link planted there, to
/// `/etc/shadow` or dangling, is neither served nor written through.
struct BackupDirectory {
    let path: String

    init(stateDirectory: String) {
        path = stateDirectory + "/backups"
    }

    /// Names of backups being written (and their SQLite journals).
    static let partialPrefix = ".partial-"

    /// Writes a backup with `copy` (which creates the file at the path it is given) and gives
    /// it its real name, `kinerja-<stamp>.sqlite` or the first `kinerja-<stamp>-N.sqlite` free.
    func write(stamp: String, _ copy: (String) async throws -> Void) async throws -> BackupInfo {
        try prepare()
        let partial = path + "/" + Self.partialPrefix + stamp + "-" + UUID().uuidString.lowercased() + ".sqlite"
        defer {
            unlink(partial)
            unlink(partial + "-journal")
        }
        try await copy(partial)
        try Self.sync(partial)
        var name = "kinerja-\(stamp).sqlite"
        var counter = 1
        while link(partial, path + "/" + name) != 0 {
            guard errno == EEXIST else {
                let reason = String(cString: strerror(errno))
                throw failure(id: reason, en: reason)
            }
            counter += 1
            name = "kinerja-\(stamp)-\(counter).sqlite"
        }
        try Self.sync(path)
        var info = stat()
        stat(path + "/" + name, &info)
        return BackupInfo(name: name, path: path + "/" + name, bytes: Int(info.st_size))
    }

    /// The backup `name`, opened for reading: a regular file in this directory, reached
    /// through no link; otherwise `noSuchBackup`.
    func open(named name: String) throws(OfficeError) -> FileHandle {
        let missing = OfficeError.noSuchBackup(name)
        guard !name.isEmpty, !name.contains("/"), !name.hasPrefix("."), isOwnDirectory() else { throw missing }
        let directory = Glibc.open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard directory >= 0 else { throw missing }
        defer { close(directory) }
        let fd = openat(directory, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { throw missing }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            throw missing
        }
        return FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    }

    /// Removes what a backup interrupted by a crash left; the names removed.
    func removePartials() -> [String] {
        guard isOwnDirectory(), let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return [] }
        return names.filter { $0.hasPrefix(Self.partialPrefix) && unlink(path + "/" + $0) == 0 }
    }

    /// Creates the directory (mode 0750: readable by the daemon's group, as README's restore
    /// expects) or checks that it is one and not a link.
    private func prepare() throws {
        if mkdir(path, 0o750) == 0 || errno == EEXIST, isOwnDirectory() { return }
        throw failure(id: "bukan direktori milik daemon (tautan simbolik?)", en: "not a directory of the daemon's own (a symbolic link?)")
    }

    private func isOwnDirectory() -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    /// Flushes a file or directory to disk: a backup acknowledged is a backup on disk, and
    /// its name too.
    private static func sync(_ path: String) throws {
        let fd = Glibc.open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return }
        defer { close(fd) }
        fsync(fd)
    }

    private func failure(id indonesian: String, en english: String) -> OfficeError {
        .storeFailure(Words(id: "cadangan tidak ditulis: \(path): \(indonesian)", en: "no backup was written: \(path): \(english)"))
    }
}
