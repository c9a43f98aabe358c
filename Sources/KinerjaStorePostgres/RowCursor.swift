import PostgresNIO

/// Reads a row's columns one after the other from a starting column: a query that joins two
/// tables reads each table's columns with that table's reader.
struct RowCursor {
    private let row: PostgresRandomAccessRow
    private var index: Int

    init(_ row: PostgresRow, from index: Int = 0) {
        self.row = row.makeRandomAccess()
        self.index = index
    }

    /// The next column, as `type` (an optional type reads NULL as nil).
    mutating func next<T: PostgresDecodable>(_ type: T.Type = T.self) throws -> T {
        defer { index += 1 }
        return try row[index].decode(T.self)
    }
}
