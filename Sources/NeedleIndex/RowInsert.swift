import GRDB
import GRDBSQLite

/// An `INSERT` prepared once and run for many rows, with the values bound straight
/// through SQLite's C API (https://sqlite.org/c3ref/bind_blob.html).
///
/// `Statement.execute(arguments:)` first turns every row into an array of existential
/// values; with a few rows per passage that was a tenth of the writer's own (non-SQLite)
/// time in a large build. Strings are bound as GRDB binds them (up to the first NUL,
/// copied by SQLite).
///
/// ```swift
/// let insert = try RowInsert(db, sql: "INSERT INTO names VALUES (?, ?, ?)")
/// try insert.run { row in
///     row.bind(id)
///     row.bind("alias")
///     row.bind(name)
/// }
/// ```
struct RowInsert {
    private let statement: Statement
    private let db: Database

    init(_ db: Database, sql: String) throws {
        self.db = db
        statement = try db.makeStatement(sql: sql)
    }

    /// The values of one row, bound in parameter order.
    struct Row {
        fileprivate let statement: OpaquePointer
        fileprivate var index: Int32 = 1
        fileprivate var failure: Int32 = SQLITE_OK

        mutating func bind(_ value: Int64) {
            record(sqlite3_bind_int64(statement, index, value))
        }

        mutating func bind(_ value: Int) {
            bind(Int64(value))
        }

        mutating func bind(_ value: String?) {
            guard let value else { return record(sqlite3_bind_null(statement, index)) }
            record(sqlite3_bind_text(statement, index, value, -1, transient))
        }

        private mutating func record(_ code: Int32) {
            if code != SQLITE_OK, failure == SQLITE_OK { failure = code }
            index += 1
        }
    }

    /// Binds one row with `bind`, inserts it and resets the statement for the next.
    func run(_ bind: (inout Row) -> Void) throws {
        let handle = statement.sqliteStatement
        var row = Row(statement: handle)
        bind(&row)
        var code = row.failure
        if code == SQLITE_OK {
            code = sqlite3_step(handle)
            if code == SQLITE_DONE { code = SQLITE_OK }
        }
        let message = code == SQLITE_OK ? nil : String(cString: sqlite3_errmsg(db.sqliteConnection))
        sqlite3_reset(handle)
        if let message {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
        }
    }
}

/// SQLite's `SQLITE_TRANSIENT`: SQLite copies the bound text before the call returns.
private let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
