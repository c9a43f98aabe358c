import KinerjaStore
import PostgresNIO

extension PostgresStore {
    public func observeChanges(_ listener: @escaping @Sendable (StoreChange) -> Void) {
        listeners.add(listener)
    }

    /// Listens on the change channel on a connection of its own until cancelled, telling the
    /// listeners what another daemon's commit touched. After a lost connection it listens
    /// again and tells them `.everything`, since what was committed meanwhile is not known.
    public func followOtherWriters() async throws {
        var first = true
        while !Task.isCancelled {
            if !first { listeners.notify(.everything) }
            first = false
            do {
                try await client.withConnection { [instance, listeners] connection in
                    try await connection.listen(on: PostgresStore.channel) { notifications in
                        for try await notification in notifications {
                            let parts = notification.payload.split(separator: " ")
                            guard parts.count == 2, parts[0] != instance else { continue }
                            listeners.notify(Int(parts[1]).map(StoreChange.init(rawValue:)) ?? .everything)
                        }
                    }
                }
            } catch is CancellationError {
                return
            } catch {
                logger.warning("listening for other daemons' changes: \(error); listening again")
                try await Task.sleep(for: .seconds(1))
            }
        }
    }
}
