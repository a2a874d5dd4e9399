public import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Replaces a file atomically: readers of `DEST` see the old file or the complete new one,
/// never a partial one, and a crash at any point leaves the old file or the complete new one.
///
/// The protocol of ``publish(to:write:)``:
/// 1. take an exclusive lock on `DEST.lock` (created if needed, never removed), so that
///    two publishers of the same file (two `kb index` runs) do not interleave;
/// 2. remove the `DEST.tmp-*` files left by crashed runs (safe: a live run holds the lock);
/// 3. let the caller write the new file at `DEST.tmp-<pid>-<random>`, in the same folder;
/// 4. `fsync` it, `rename` it over `DEST`, `fsync` the folder;
/// 5. on error, remove the temporary file and leave `DEST` untouched.
///
/// Why each step is needed: without the `fsync` of step 4 the rename can reach the disk
/// before the data, and a power failure leaves `DEST` empty or torn; without the folder's
/// `fsync` the rename itself can be lost after `publish` returned. The steps run through a
/// ``PublishingFileSystem``: ``POSIXFileSystem`` by default, a crash-simulating double in the
/// tests, which check the claims above at every step.
///
/// ```swift
/// let summary = try AtomicFilePublisher().publish(to: indexURL) { temporary in
///     try writer.write(to: temporary)
/// }
/// ```
public struct AtomicFilePublisher<FileSystem: PublishingFileSystem> {
    /// Where the protocol's steps run.
    public let fileSystem: FileSystem

    /// Creates a publisher whose steps run on `fileSystem`.
    public init(fileSystem: FileSystem) {
        self.fileSystem = fileSystem
    }

    /// Publishes the file that `write` writes at the URL it is given as `destination`,
    /// following the protocol above, and returns what `write` returns.
    ///
    /// `write` only has to write the file (and may leave it unsynchronized): making it durable
    /// is the publisher's job. Errors thrown by `write` are rethrown as they are; failures of
    /// the protocol's own steps throw ``IndexWriterError/fileSystem(operation:path:reason:)``.
    /// If the final folder `fsync` fails, `destination` has already been replaced.
    public func publish<Value>(to destination: URL, write: (URL) throws -> Value) throws -> Value {
        let destinationPath = destination.path(percentEncoded: false)
        let directory = destination.deletingLastPathComponent().path(percentEncoded: false)
        let name = destination.lastPathComponent
        return try fileSystem.withExclusiveLock(onFileAt: destinationPath + PublishedFileName.lockSuffix) {
            removeTemporaryFiles(of: name, in: directory)
            let random = String(UInt64.random(in: 0...UInt64.max), radix: 16)
            let temporaryPath = SystemCall.join(
                directory, "\(name)\(PublishedFileName.temporaryInfix)\(getpid())-\(random)")
            do {
                let result = try write(URL(fileURLWithPath: temporaryPath))
                try fileSystem.synchronizeFile(atPath: temporaryPath)
                try fileSystem.renameFile(atPath: temporaryPath, toPath: destinationPath)
                try fileSystem.synchronizeDirectory(atPath: directory)
                return result
            } catch {
                fileSystem.removeFile(atPath: temporaryPath)
                throw error
            }
        }
    }

    /// Removes every `<name>.tmp-*` file in `directory`. Call only under the lock. A folder
    /// that cannot be listed is left alone: the write that follows reports the problem.
    func removeTemporaryFiles(of name: String, in directory: String) {
        let prefix = name + PublishedFileName.temporaryInfix
        for entry in (try? fileSystem.contentsOfDirectory(atPath: directory)) ?? []
        where entry.utf8.starts(with: prefix.utf8) {
            fileSystem.removeFile(atPath: SystemCall.join(directory, entry))
        }
    }
}

extension AtomicFilePublisher: Sendable where FileSystem: Sendable {}

extension AtomicFilePublisher where FileSystem == POSIXFileSystem {
    /// Creates a publisher that works on the real file system.
    public init() {
        self.init(fileSystem: POSIXFileSystem())
    }
}

/// The names ``AtomicFilePublisher`` gives the files beside `DEST`.
enum PublishedFileName {
    /// The infix between the destination's name and a temporary file's suffix:
    /// `DEST.tmp-<pid>-<random>`.
    static let temporaryInfix = ".tmp-"
    /// The suffix of the lock file's name: `DEST.lock`.
    static let lockSuffix = ".lock"
}
