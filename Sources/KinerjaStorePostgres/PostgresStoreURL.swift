import Foundation
import PostgresNIO

/// Where `[store] url` points: `postgresql://USER[:PASSWORD]@[HOST][:PORT]/DATABASE`, and
/// `?host=/DIRECTORY` for a Unix socket in that directory (libpq's form, as `psql` takes it:
/// `postgresql://kinerja@/kinerja?host=/run/postgresql`, peer authentication, no password).
public struct PostgresStoreURL: Sendable, Equatable, CustomStringConvertible {
    public var user: String
    public var password: String?
    /// A host name for TCP; nil with `socketDirectory`.
    public var host: String?
    public var port: Int
    /// The directory of the server's socket (`.s.PGSQL.PORT` in it).
    public var socketDirectory: String?
    public var database: String

    /// Reads a url; nil when it is not a `postgresql://` (or `postgres://`) url naming a
    /// user, a database and a host or socket directory.
    public init?(_ text: String) {
        guard let parts = URLComponents(string: text), ["postgresql", "postgres"].contains(parts.scheme ?? ""),
            let user = parts.user, !user.isEmpty
        else { return nil }
        let database = String(parts.path.drop { $0 == "/" })
        guard !database.isEmpty, !database.contains("/") else { return nil }
        let hostParameter = parts.queryItems?.first { $0.name == "host" }?.value
        self.user = user.removingPercentEncoding ?? user
        password = parts.password?.removingPercentEncoding
        self.database = database
        port = parts.port ?? 5432
        if let directory = hostParameter, directory.hasPrefix("/") {
            socketDirectory = directory
            host = nil
        } else if let name = hostParameter ?? parts.host, !name.isEmpty {
            host = name
            socketDirectory = nil
        } else {
            return nil
        }
    }

    /// The url without its password: what `status` and errors show.
    public var description: String {
        let place = socketDirectory.map { "/\(database)?host=\($0)" } ?? "\(host ?? ""):\(port)/\(database)"
        return "postgresql://\(user)@\(place)"
    }

    /// The client's configuration: no TLS on a Unix socket, TLS preferred over TCP.
    func clientConfiguration() -> PostgresClient.Configuration {
        if let socketDirectory {
            return PostgresClient.Configuration(
                unixSocketPath: "\(socketDirectory)/.s.PGSQL.\(port)", username: user, password: password, database: database)
        }
        return PostgresClient.Configuration(
            host: host ?? "localhost", port: port, username: user, password: password, database: database,
            tls: .prefer(.makeClientConfiguration()))
    }
}
