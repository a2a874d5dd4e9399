public import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Replaces a file atomically: readers of `DEST` see the old file or the complete new one,
/// never a partial one, and a crash at any point leaves the old file in place.
///
/// The protocol of ``publish(to:write:)``:
/// 1. take an exclusive `flock` on `DEST.lock` (created if needed, never removed), so that
///    two publishers of the same file (two `kb index` runs) do not interleave;
/// 2. remove the `DEST.tmp-*` files left by crashed runs (safe: a live run holds the lock);
/// 3. let the caller write the new file at `DEST.tmp-<pid>-<random>`, in the same folder;
/// 4. `fsync` it, `rename` it over `DEST`, `fsync` the folder;
/// 5. on error, remove the temporary file and leave `DEST` untouched.
///
/// ```swift
/// let summary = try AtomicFilePublisher().publish(to: indexURL) { temporary in
///     try writer.write(to: temporary)
/// }
/// ```
public struct AtomicFilePublisher: Sendable {
    /// The infix between the destination's name and the temporary file's suffix.
    static let temporaryInfix = ".tmp-"

    /// Creates a publisher.
    public init() {}

    /// Publishes the file that `write` writes at the URL it is given as `destination`,
    /// following the protocol above, and returns what `write` returns.
    ///
    /// Errors thrown by `write` are rethrown as they are; failures of the protocol's own
    /// steps throw ``IndexWriterError/fileSystem(operation:path:reason:)``. If the final
    /// folder `fsync` fails, `destination` has already been replaced.
    public func publish<Value>(to destination: URL, write: (URL) throws -> Value) throws -> Value {
        let destinationPath = destination.path(percentEncoded: false)
        let directory = destination.deletingLastPathComponent().path(percentEncoded: false)
        let name = destination.lastPathComponent
        let lockPath = destinationPath + ".lock"
        let lock = try SystemCall.openFile(lockPath, O_RDWR | O_CREAT, operation: "create the lock file")
        defer { SystemCall.closeDescriptor(lock) }  // releases the lock
        while flock(lock, LOCK_EX) != 0 {
            if errno != EINTR { throw SystemCall.error("lock", lockPath) }
        }
        Self.removeTemporaryFiles(of: name, in: directory)

        let random = String(UInt64.random(in: 0...UInt64.max), radix: 16)
        let temporaryPath = Self.join(directory, "\(name)\(Self.temporaryInfix)\(getpid())-\(random)")
        do {
            let result = try write(URL(fileURLWithPath: temporaryPath))
            let descriptor = try SystemCall.openFile(temporaryPath, O_RDONLY, operation: "open the new file")
            defer { SystemCall.closeDescriptor(descriptor) }
            try SystemCall.synchronize(descriptor, path: temporaryPath)
            guard rename(temporaryPath, destinationPath) == 0 else {
                throw SystemCall.error("replace", destinationPath)
            }
            try SystemCall.synchronizeDirectory(directory)
            return result
        } catch {
            SystemCall.removeFile(temporaryPath)
            throw error
        }
    }

    /// Removes every `<name>.tmp-*` file in `directory`. Call only under the lock.
    static func removeTemporaryFiles(of name: String, in directory: String) {
        guard let folder = opendir(directory) else { return }
        let prefix = name + temporaryInfix
        var stale: [String] = []
        while let entry = readdir(folder) {
            let entryName = SystemCall.entryName(entry)
            if entryName.utf8.starts(with: prefix.utf8) { stale.append(entryName) }
        }
        closedir(folder)
        for entryName in stale {
            SystemCall.removeFile(join(directory, entryName))
        }
    }

    private static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}
