import GRDB
import KinerjaCore
#if canImport(GRDBSQLite)
import GRDBSQLite
#elseif canImport(SQLite3)
import SQLite3
#endif

/// A statement an import runs thousands of times in one transaction, its values bound
/// straight to SQLite and its rows read straight from it: GRDB's `StatementArguments` and
/// `Row` cost three times what SQLite does for a small row. The first run of each statement
/// in a transaction goes through GRDB (`execute(arguments:)`), so that GRDB asks its
/// transaction observers about the tables it writes (`CommitObserver` notes them then);
/// later runs write the same tables. One value serves one transaction.
struct RowStatement {
    private let statement: Statement
    private let db: Database
    private var observed = false

    init(_ db: Database, _ sql: String) throws {
        self.db = db
        statement = try db.cachedStatement(sql: sql)
    }

    /// Runs the statement with the values `bind` adds, in placeholder order.
    mutating func execute(_ bind: (inout RowValues) -> Void) throws {
        if !observed {
            var values = RowValues(collecting: ())
            bind(&values)
            try statement.execute(arguments: StatementArguments(values.collected))
            observed = true
            return
        }
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        var values = RowValues(handle: handle)
        bind(&values)
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE || code == SQLITE_ROW else {
            sqlite3_reset(handle)
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage, sql: statement.sql)
        }
    }

    /// Runs a write that returns one integer (`… RETURNING id`), and returns it: nil when
    /// the write matched no row.
    mutating func executeReturningInteger(_ bind: (inout RowValues) -> Void) throws -> Int64? {
        if !observed {
            var values = RowValues(collecting: ())
            bind(&values)
            observed = true
            return try Int64.fetchOne(statement, arguments: StatementArguments(values.collected))
        }
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        var values = RowValues(handle: handle)
        bind(&values)
        var result: Int64? = nil
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else {
                sqlite3_reset(handle)
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage, sql: statement.sql)
            }
            if result == nil { result = sqlite3_column_int64(handle, 0) }
        }
        return result
    }

    /// Calls `body` with each row of the statement run with the values `bind` adds. Reads
    /// change nothing, so no observer needs them run through GRDB.
    func forEach(_ bind: (inout RowValues) -> Void, _ body: (RowColumns) throws -> Void) throws {
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        var values = RowValues(handle: handle)
        bind(&values)
        defer { sqlite3_reset(handle) }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage, sql: statement.sql)
            }
            try body(RowColumns(handle: handle))
        }
    }
}

/// The values of one run of a `RowStatement`, added in placeholder order.
struct RowValues {
    private let handle: OpaquePointer?
    private var index: Int32 = 1
    fileprivate var collected: [DatabaseValue] = []

    fileprivate init(handle: OpaquePointer) { self.handle = handle }
    fileprivate init(collecting: Void) { handle = nil }

    /// SQLite copies the text it is given (`SQLITE_TRANSIENT`).
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    mutating func add(_ value: Int64) {
        if let handle { sqlite3_bind_int64(handle, index, value) } else { collected.append(value.databaseValue) }
        index += 1
    }

    mutating func add(_ value: Int) { add(Int64(value)) }
    mutating func add(_ value: Bool) { add(Int64(value ? 1 : 0)) }

    mutating func add(_ value: Int?) {
        if let value { add(Int64(value)) } else { addNull() }
    }

    mutating func add(_ value: Bool?) {
        if let value { add(value) } else { addNull() }
    }

    mutating func add(_ value: String?) {
        guard let value else { return addNull() }
        if let handle {
            var text = value
            text.withUTF8 { bytes in
                _ = bytes.withMemoryRebound(to: CChar.self) {
                    sqlite3_bind_text(handle, index, $0.baseAddress, Int32($0.count), RowValues.transient)
                }
            }
        } else {
            collected.append(value.databaseValue)
        }
        index += 1
    }

    /// A date as the store keeps it, `YYYY-MM-DD`.
    mutating func add(_ value: LocalDate?) { add(value?.description) }

    /// Several values in a row: `v.add(id, index, step.rawValue)`.
    mutating func add<each V: RowValue>(_ values: repeat each V) {
        repeat (each values).add(to: &self)
    }

    mutating func addNull() {
        if let handle { sqlite3_bind_null(handle, index) } else { collected.append(.null) }
        index += 1
    }
}

/// The columns of the current row of a `RowStatement`, by index from 0.
struct RowColumns {
    fileprivate let handle: OpaquePointer

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }
    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }
    func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(handle, column)) }
    func bool(_ column: Int32) -> Bool { sqlite3_column_int64(handle, column) != 0 }
    func optionalInt(_ column: Int32) -> Int? { isNull(column) ? nil : int(column) }
    func optionalBool(_ column: Int32) -> Bool? { isNull(column) ? nil : bool(column) }

    /// The column's UTF-8 bytes, valid during `body` only.
    func withBytes<T>(_ column: Int32, _ body: (UnsafeBufferPointer<UInt8>?) throws -> T) rethrows -> T {
        guard let text = sqlite3_column_text(handle, column) else { return try body(nil) }
        return try body(UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, column))))
    }

    func text(_ column: Int32) -> String? {
        withBytes(column) { $0.map { String(decoding: $0, as: UTF8.self) } }
    }

    /// A column holding one of an enumeration's raw values (a role, a step), matched byte by
    /// byte without making a string; nil for NULL or any other text.
    func value<T: RawRepresentable & CaseIterable>(_ column: Int32, as type: T.Type = T.self) -> T? where T.RawValue == String {
        withBytes(column) { bytes in
            guard let bytes else { return nil }
            return T.allCases.first { $0.rawValue.utf8.elementsEqual(bytes) }
        }
    }

    /// A `YYYY-MM-DD` column, read without making a string.
    func date(_ column: Int32) -> LocalDate? {
        withBytes(column) { $0.flatMap { LocalDate(utf8: $0) } }
    }
}

/// A value a `RowStatement` binds: text, integers, booleans, dates, and nil as NULL.
protocol RowValue {
    func add(to values: inout RowValues)
}

extension String: RowValue {
    func add(to values: inout RowValues) { values.add(Optional(self)) }
}

extension Int: RowValue {
    func add(to values: inout RowValues) { values.add(Int64(self)) }
}

extension Int64: RowValue {
    func add(to values: inout RowValues) { values.add(self) }
}

extension Bool: RowValue {
    func add(to values: inout RowValues) { values.add(Int64(self ? 1 : 0)) }
}

extension LocalDate: RowValue {
    func add(to values: inout RowValues) { values.add(Optional(description)) }
}

extension Optional: RowValue where Wrapped: RowValue {
    func add(to values: inout RowValues) {
        if let value = self { value.add(to: &values) } else { values.addNull() }
    }
}
