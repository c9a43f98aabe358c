import KinerjaRules

/// The `[hooks]` section: how reminder hooks are run.
struct HookSettings: Sendable, Equatable {
    var timeoutSeconds = 30
    var maxConcurrent = 4
    var maxAttempts = 5
    var retryBackoffSeconds = 60

    static let keys = ["timeout_seconds", "max_concurrent", "max_attempts", "retry_backoff_seconds"]

    init() {}

    init(_ r: TOMLReader) throws(ConfigError) {
        timeoutSeconds = try r.int("timeout_seconds", default: timeoutSeconds, range: 1...3600)
        maxConcurrent = try r.int("max_concurrent", default: maxConcurrent, range: 1...64)
        maxAttempts = try r.int("max_attempts", default: maxAttempts, range: 1...100)
        retryBackoffSeconds = try r.int("retry_backoff_seconds", default: retryBackoffSeconds, range: 1...86_400)
    }
}
