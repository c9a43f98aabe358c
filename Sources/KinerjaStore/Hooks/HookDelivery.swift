import Foundation

/// The delivery of one fired reminder to one hook executable: created pending with the
/// reminder, then finished by the daemon after each run (`finishDelivery`).
public struct HookDelivery: Sendable, Hashable, Codable {
    public var reminderID: String
    /// The hook's file name in `hooks_directory`.
    public var hook: String
    public var state: DeliveryState
    /// Runs so far.
    public var attempts: Int
    /// When the next run is due; nil once final (delivered or failed).
    public var nextAttemptAt: Date?
    /// The exit code of the last run; nil before any, or when it was killed (timeout).
    public var lastExitCode: Int?
    /// What went wrong last (the hook's stderr, a timeout), at most `errorLimit` bytes.
    public var lastError: String?
    public var updatedAt: Date

    /// The most bytes of `lastError` kept: a hook's stderr is unbounded, the store's rows
    /// must not be.
    public static let errorLimit = 4096

    public init(
        reminderID: String, hook: String, state: DeliveryState, attempts: Int, nextAttemptAt: Date?,
        lastExitCode: Int?, lastError: String?, updatedAt: Date
    ) {
        self.reminderID = reminderID
        self.hook = hook
        self.state = state
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.lastExitCode = lastExitCode
        self.lastError = lastError
        self.updatedAt = updatedAt
    }
}
