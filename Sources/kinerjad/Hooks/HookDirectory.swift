import Foundation

/// The reminder hooks: executables in `hooks_directory`, run in name order. Files whose
/// name starts with "." or ends in "~", ".example", ".disabled" or ".dpkg-*" are not hooks,
/// so an editor backup or a shipped example never sends messages by accident.
struct HookDirectory: Sendable {
    let path: String

    struct Entry: Sendable {
        let name: String
        let path: String
        let executable: Bool
    }

    func entries() -> [Entry] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return [] }
        return names.sorted().compactMap { name in
            guard !name.hasPrefix("."), !name.hasSuffix("~"), !name.hasSuffix(".example"), !name.hasSuffix(".disabled"),
                  !name.contains(".dpkg-")
            else { return nil }
            let full = path + "/" + name
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue else { return nil }
            return Entry(name: name, path: full, executable: FileManager.default.isExecutableFile(atPath: full))
        }
    }

    /// Names of the hooks that will run: executable entries only.
    func names() -> [String] { entries().filter(\.executable).map(\.name) }

    func entry(named name: String) -> Entry? { entries().first { $0.name == name } }
}
