import NIOPosix

/// Runs the CPU-bound part of a request (searching, snippets, encoding JSON) on NIO's shared
/// blocking thread pool (`NIOThreadPool.singleton`, one thread per core) rather than on Swift's
/// cooperative pool.
///
/// The cooperative pool also has one thread per core, and it runs Hummingbird's accept loop and
/// every connection's task. A search holds its thread for as long as it computes (tens of
/// milliseconds for a query of 32 misspelt words), so under a flood of such queries the accept
/// loop waited its turn behind them: `scripts/abuse-check` saw ~950 connections queued in the
/// kernel, unaccepted, for seconds. With the computing on the thread pool, the operating
/// system shares the cores between it and the accept loop, and the cooperative pool only
/// moves requests along.
enum CPUWork {
    /// The value of `body`, computed on the thread pool; the calling task waits without
    /// holding a thread.
    static func run<Value: Sendable>(_ body: @escaping @Sendable () throws -> Value) async throws -> Value {
        try await NIOThreadPool.singleton.runIfActive(body)
    }
}
