import Logging
import ServiceLifecycle
import UnixSignals

/// Reloads the index on `SIGHUP` (the Unix convention for "re-read your files").
struct HangupReloader: Service {
    /// The index being served.
    let holder: SearcherHolder
    /// Where to say that a reload was asked for.
    let logger: Logger

    /// Waits for signals until the application shuts down.
    func run() async throws {
        // UnixSignalsSequence ignores the signal's default action (termination) while trapping.
        for await _ in await UnixSignalsSequence(trapping: .sighup).cancelOnGracefulShutdown() {
            logger.info("SIGHUP: reloading the index.")
            _ = try? await holder.reload(trigger: .signal)
        }
    }
}
