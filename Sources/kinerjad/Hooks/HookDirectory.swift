import Foundation

/// The reminder hooks: executables in `hooks_directory`, run in name order. Files whose
/// name starts with "." or ends in "~", ".example", ".disabled" or ".dpkg-*" are not hooks,
/// so an editor backup or a shipped example never sends messages by accident.
///
/// A hook runs as the daemon's user with every reminder's names in its input, so only its
/// owners may put one there: a hook runs only when it is a regular file (not a symbolic
/// link: a link to `/bin/sh` would run the reminder's JSON line as a script, and a link's
/// target can sit anywhere) owned by root or the daemon's user and writable by no one else,
/// in a directory of the same kind, under directories that others cannot rename it out of
/// (owned by root or the daemon's user, not writable by group or others unless sticky, as
/// `/tmp` is). Anything else is listed with the reason it is skipped, and not run.
/// A directory that does not exist holds no hooks; one that exists but cannot be read
/// (descriptors exhausted, permissions) is ``ListingFailed``, never "no hooks": the
/// scheduler then keeps the reminders due until it can list them.
struct HookDirectory: Sendable {
    let path: String
    /// Besides root, the owner a hook and its directories may have: the daemon's own user.
    let owner: uid_t

    init(path: String, owner: uid_t = geteuid()) {
        self.path = path
        self.owner = owner
    }

    struct Entry: Sendable {
        let name: String
        let path: String
        let executable: Bool
        /// Why the hook does not run although it is there (ownership, permissions, a link),
        /// in both of the office's languages; nil when it runs (if executable).
        let skipped: Words?

        /// Run for each fired reminder.
        var runs: Bool { executable && skipped == nil }
    }

    /// The directory exists but cannot be listed.
    struct ListingFailed: Error, CustomStringConvertible {
        let path: String
        let reason: String
        var description: String { "cannot list the hooks in \(path): \(reason)" }
    }

    /// Every entry of the directory that names a hook, in name order.
    func entries() throws(ListingFailed) -> [Entry] {
        let directoryProblem = unsafeDirectory()
        return try names().compactMap { name -> Entry? in
            guard !name.hasPrefix("."), !name.hasSuffix("~"), !name.hasSuffix(".example"), !name.hasSuffix(".disabled"),
                  !name.contains(".dpkg-")
            else { return nil }
            let full = path + "/" + name
            var info = stat()
            guard lstat(full, &info) == 0, info.st_mode & S_IFMT != S_IFDIR else { return nil }
            return Entry(name: name, path: full, executable: access(full, X_OK) == 0, skipped: directoryProblem ?? problem(ofHook: info))
        }
    }

    /// The directory's entries, sorted; none when it does not exist.
    private func names() throws(ListingFailed) -> [String] {
        guard let directory = opendir(path) else {
            let code = errno
            if code == ENOENT { return [] }
            throw ListingFailed(path: path, reason: String(cString: strerror(code)))
        }
        defer { closedir(directory) }
        var names: [String] = []
        errno = 0
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != "." && name != ".." { names.append(name) }
        }
        if errno != 0 { throw ListingFailed(path: path, reason: String(cString: strerror(errno))) }
        return names.sorted()
    }

    /// The hooks that run, in name order.
    func runnable() throws(ListingFailed) -> [Entry] { try entries().filter(\.runs) }

    func entry(named name: String) throws(ListingFailed) -> Entry? { try entries().first { $0.name == name } }

    /// Why a hook file with this `lstat` may not run, or nil.
    private func problem(ofHook info: stat) -> Words? {
        switch info.st_mode & S_IFMT {
        case S_IFLNK:
            return Words(
                id: "tautan simbolik: hook harus berkas biasa (tautan ke /bin/sh akan menjalankan baris JSON sebagai skrip)",
                en: "a symbolic link: a hook must be a regular file (a link to /bin/sh would run the JSON line as a script)")
        case S_IFREG:
            return ownership(info, what: Words(id: "berkas hook", en: "the hook file"), stickyAllowed: false)
        default:
            return Words(id: "bukan berkas biasa", en: "not a regular file")
        }
    }

    /// Why the directory, or a directory above it, lets someone else place or swap a hook; nil
    /// when none does.
    func unsafeDirectory() -> Words? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        var directory = String(cString: resolved)
        var first = true
        while true {
            var info = stat()
            guard stat(directory, &info) == 0 else {
                return Words(id: "\(directory) tidak dapat diperiksa", en: "\(directory) cannot be checked")
            }
            let what = first ? Words(id: "direktori hook", en: "the hook directory") : Words(id: directory, en: directory)
            if let problem = ownership(info, what: what, stickyAllowed: !first) { return problem }
            if directory == "/" { return nil }
            directory = (directory as NSString).deletingLastPathComponent
            first = false
        }
    }

    /// Why `info`'s owner or mode lets someone other than root and the daemon's user change
    /// it; nil when nobody else can. A sticky directory above the hooks (`/tmp`) lets others
    /// add entries but not rename or remove ours.
    private func ownership(_ info: stat, what: Words, stickyAllowed: Bool) -> Words? {
        if info.st_uid != 0 && info.st_uid != owner {
            return Words(
                id: "\(what.indonesian) dimiliki uid \(info.st_uid), bukan root atau pengguna daemon (uid \(owner))",
                en: "\(what.english) is owned by uid \(info.st_uid), not root or the daemon's user (uid \(owner))")
        }
        let writable = info.st_mode & (S_IWGRP | S_IWOTH)
        if writable != 0 && !(stickyAllowed && info.st_mode & S_ISVTX != 0) {
            let mode = String(info.st_mode & 0o7777, radix: 8)
            return Words(
                id: "\(what.indonesian) dapat ditulis oleh grup atau pengguna lain (mode \(mode))",
                en: "\(what.english) is writable by group or others (mode \(mode))")
        }
        return nil
    }
}
