#if canImport(Glibc)
import Glibc
#endif

/// Who may open the daemon's socket: under systemd it is mode 0660, group `kinerja`
/// (kinerjad.socket), so a user outside that group is refused on connect, before the daemon
/// hears of it. The advice names the socket's real group and the caller's account.
enum SocketAccess {
    /// The name of the group owning the socket file; nil when it cannot be read (a directory
    /// on its path refuses this user too).
    static func owningGroup(of path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        var entry = Glibc.group()
        var result: UnsafeMutablePointer<group>?
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getgrgid_r(info.st_gid, &entry, &buffer, buffer.count, &result) == 0, let found = result else { return nil }
        return String(cString: found.pointee.gr_name)
    }

    /// The caller's account name.
    static func userName() -> String? {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getpwuid_r(getuid(), &entry, &buffer, buffer.count, &result) == 0, let found = result else { return nil }
        return String(cString: found.pointee.pw_name)
    }
}
