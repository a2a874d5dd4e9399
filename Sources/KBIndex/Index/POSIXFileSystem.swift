#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The real file system for ``AtomicFilePublisher``: each operation is the POSIX call it is
/// named after (`flock`, `readdir`, `unlink`, `fsync`, `rename`), retried on `EINTR`.
public struct POSIXFileSystem: PublishingFileSystem, Sendable {
    /// Creates the file system.
    public init() {}

    /// Locks `path` with `flock(LOCK_EX)`; the lock is released when the descriptor is
    /// closed, after `body` returns or throws (or by the kernel, if the process dies).
    public func withExclusiveLock<Value>(onFileAt path: String, _ body: () throws -> Value) throws -> Value {
        let lock = try SystemCall.openFile(path, O_RDWR | O_CREAT, operation: "create the lock file")
        defer { SystemCall.closeDescriptor(lock) }
        while flock(lock, LOCK_EX) != 0 {
            if errno != EINTR { throw SystemCall.error("lock", path) }
        }
        return try body()
    }

    /// The names in `directory`, read with `readdir`.
    public func contentsOfDirectory(atPath directory: String) throws(IndexWriterError) -> [String] {
        guard let names = SystemCall.directoryEntries(directory) else {
            throw SystemCall.error("list the folder", directory)
        }
        return names
    }

    /// Unlinks `path`, ignoring errors.
    public func removeFile(atPath path: String) {
        SystemCall.removeFile(path)
    }

    /// Opens `path` read-only and `fsync`s it.
    public func synchronizeFile(atPath path: String) throws(IndexWriterError) {
        let descriptor = try SystemCall.openFile(path, O_RDONLY, operation: "open the new file")
        defer { SystemCall.closeDescriptor(descriptor) }
        try SystemCall.synchronize(descriptor, path: path)
    }

    /// `rename(2)`.
    public func renameFile(atPath source: String, toPath destination: String) throws(IndexWriterError) {
        guard rename(source, destination) == 0 else { throw SystemCall.error("replace", destination) }
    }

    /// Opens the folder and `fsync`s it.
    public func synchronizeDirectory(atPath directory: String) throws(IndexWriterError) {
        try SystemCall.synchronizeDirectory(directory)
    }
}
