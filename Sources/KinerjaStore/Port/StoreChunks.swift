import Foundation
import Synchronization

/// The rows of one read, a chunk at a time, as the store reads them from one snapshot: a
/// country's listing is never whole in memory, and its first rows are on their way to the
/// client while the rest are read. The producer (the store's reader) may run at most two
/// chunks ahead of the consumer, and stops when the consumer stops iterating.
public struct StoreChunks<Element: Sendable>: AsyncSequence, Sendable {
    public typealias AsyncIterator = Iterator

    private let stream: AsyncThrowingStream<[Element], any Error>
    private let flow: ChunkFlow

    /// A sequence fed by `produce`, which runs on a thread it may block (a store's reader)
    /// and hands each chunk to `yield`; `yield` waits while two chunks are untaken, and
    /// throws `CancellationError` once the consumer has stopped.
    public init(produce: @escaping @Sendable (_ yield: @escaping @Sendable ([Element]) throws -> Void) async throws -> Void) {
        let (stream, continuation) = AsyncThrowingStream<[Element], any Error>.makeStream()
        let flow = ChunkFlow()
        continuation.onTermination = { _ in flow.stop() }
        Task.detached {
            do {
                try await produce { chunk in
                    try flow.waitForRoom()
                    continuation.yield(chunk)
                }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        self.stream = stream
        self.flow = flow
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(base: stream.makeAsyncIterator(), flow: flow)
    }

    /// Every chunk, concatenated (small reads).
    public func collect() async throws -> [Element] {
        var all: [Element] = []
        for try await chunk in self { all += chunk }
        return all
    }

    public struct Iterator: AsyncIteratorProtocol {
        var base: AsyncThrowingStream<[Element], any Error>.AsyncIterator
        let flow: ChunkFlow

        public mutating func next() async throws -> [Element]? {
            let chunk = try await base.next()
            if chunk != nil { flow.taken() }
            return chunk
        }
    }
}

/// How many chunks a producer may have handed over that the consumer has not taken.
final class ChunkFlow: Sendable {
    /// Made at 0 and raised to 2: libdispatch refuses to free a semaphore whose count is
    /// below the value it was made with, as it is when a consumer stops two chunks behind.
    private let room: DispatchSemaphore = {
        let room = DispatchSemaphore(value: 0)
        room.signal()
        room.signal()
        return room
    }()
    private let stopped = Mutex(false)

    func waitForRoom() throws {
        room.wait()
        if stopped.withLock({ $0 }) {
            room.signal()
            throw CancellationError()
        }
    }

    func taken() { room.signal() }

    func stop() {
        stopped.withLock { $0 = true }
        room.signal()
    }
}
