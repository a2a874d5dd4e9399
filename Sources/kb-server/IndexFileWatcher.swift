import Logging
import ServiceLifecycle

/// Reloads the index when its file is replaced on disk (an editor ran `kb index`): checks the
/// file's inode, size and mtime every ``interval`` (a `Task` loop; polling needs no
/// platform-specific file events and costs one `stat` per tick).
struct IndexFileWatcher: Service {
    /// The index being served.
    let holder: SearcherHolder
    /// Time between two checks.
    let interval: Duration

    /// Polls until the application shuts down.
    func run() async throws {
        try await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try await Task.sleep(for: interval)
                await holder.reloadIfReplaced()
            }
        }
    }
}
