import Testing

/// Parent suite for every test that changes this process's environment
/// (`NOTIFY_SOCKET`, `WATCHDOG_*`, `LISTEN_*`).
///
/// Why: the environment is process-global and Swift Testing runs suites in
/// parallel; `.serialized` here applies to all nested suites, so these tests
/// run one at a time and never see each other's variables.
@Suite(.serialized)
struct ProcessEnvironmentTests {}
