/// Batches for `IN (?, ?, …)` lists: SQLite caps the parameters of one statement (999 in
/// older builds), and the daemon asks about every occurrence of a planning horizon at once.
enum SQLChunks {
    static let size = 500

    /// `values` in batches of at most `size`, each with its `?, ?, …` placeholder list.
    static func batches<T>(_ values: [T]) -> [(values: ArraySlice<T>, placeholders: String)] {
        stride(from: 0, to: values.count, by: size).map { start in
            let batch = values[start..<min(start + size, values.count)]
            return (batch, Array(repeating: "?", count: batch.count).joined(separator: ", "))
        }
    }
}
