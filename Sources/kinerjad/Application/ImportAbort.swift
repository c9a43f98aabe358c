import KinerjaRPC

/// Thrown inside an import's transaction to roll it back while keeping the result: a dry
/// run, or bad rows in an all-or-nothing import.
struct ImportAbort: Error {
    let result: ImportResult
}
