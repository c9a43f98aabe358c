import Dispatch
import FoundationEssentials

/// Splits a query's per-plan work over the machine's cores. A week's reminder preview plans
/// and words every reminder of every plan, one plan independent of the next, and its 1.5 MB
/// reply is written one reminder after the other: on the two cores of an office's server,
/// two halves take half the time. The calling thread waits.
public enum ParallelChunks {
    /// `transform` of consecutive chunks of `items`, concatenated in order. Fewer than
    /// `minimumChunk` items per chunk is not worth a thread: then it runs here, whole.
    public static func flatMap<T: Sendable, U: Sendable>(
        _ items: [T], minimumChunk: Int = 128, _ transform: @Sendable (ArraySlice<T>) -> [U]
    ) -> [U] {
        let chunks = min(2 * ProcessInfo.processInfo.activeProcessorCount, items.count / minimumChunk)
        guard chunks > 1 else { return transform(items[...]) }
        let results = UnsafeMutableBufferPointer<[U]>.allocate(capacity: chunks)
        results.initialize(repeating: [])
        defer {
            _ = results.deinitialize()
            results.deallocate()
        }
        // Each iteration writes only its own slot; `concurrentPerform` returns after all.
        nonisolated(unsafe) let slots = results
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let start = items.count * chunk / chunks, end = items.count * (chunk + 1) / chunks
            slots[chunk] = transform(items[start..<end])
        }
        return Array(results.joined())
    }
}
