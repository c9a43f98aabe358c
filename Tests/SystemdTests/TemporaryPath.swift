import Foundation

/// Unique short paths under /tmp.
///
/// Why short: `sockaddr_un.sun_path` holds only 108 bytes, so socket paths
/// cannot live under a long `$TMPDIR` or the build directory.
enum TemporaryPath {
    static func make(suffix: String = "") -> String {
        "/tmp/kinerja-\(UUID().uuidString.prefix(13).lowercased())\(suffix)"
    }
}
