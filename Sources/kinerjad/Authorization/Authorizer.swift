import Glibc

/// Decides who may change data: uid 0, the daemon's own uid, or a member of the admin
/// group. Reading is open to whoever can connect (the socket's mode and group limit that).
/// Checked per connection from SO_PEERCRED, which the peer cannot forge.
struct Authorizer: Sendable {
    let adminGroup: String
    let daemonUID: UInt32

    init(adminGroup: String, daemonUID: UInt32 = getuid()) {
        self.adminGroup = adminGroup
        self.daemonUID = daemonUID
    }

    func mayChange(uid: UInt32, gid: UInt32) -> Bool {
        if uid == 0 || uid == daemonUID { return true }
        guard let adminGID = Authorizer.groupID(named: adminGroup) else { return false }
        if gid == adminGID { return true }
        guard let name = Authorizer.userName(uid: uid) else { return false }
        return Authorizer.groups(of: name, primary: gid).contains(adminGID)
    }

    /// The user name of `uid`, or nil when the account is unknown.
    static func userName(uid: UInt32) -> String? {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>? = nil
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getpwuid_r(uid, &entry, &buffer, buffer.count, &result) == 0, result != nil, let name = entry.pw_name else {
            return nil
        }
        return String(cString: name)
    }

    static func groupID(named name: String) -> UInt32? {
        var entry = group()
        var result: UnsafeMutablePointer<group>? = nil
        var buffer = [CChar](repeating: 0, count: 16_384)
        guard getgrnam_r(name, &entry, &buffer, buffer.count, &result) == 0, result != nil else { return nil }
        return entry.gr_gid
    }

    static func groups(of user: String, primary: UInt32) -> [UInt32] {
        var count: Int32 = 64
        var ids = [gid_t](repeating: 0, count: Int(count))
        if getgrouplist(user, primary, &ids, &count) == -1 {
            ids = [gid_t](repeating: 0, count: Int(count))
            guard getgrouplist(user, primary, &ids, &count) != -1 else { return [primary] }
        }
        return Array(ids.prefix(Int(count)))
    }
}
