#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file of this process for inputs that the code under test reads by path (index files):
/// in `/dev/shm` when there is one, so that writing it each run costs no disk I/O, else in
/// `$TMPDIR` or `/tmp`. The name holds the process id, so parallel fuzzers do not collide.
public struct ScratchFile: Sendable {
    /// The file's path.
    public let path: String

    /// A scratch file named after `name` and this process.
    public init(_ name: String) {
        let folder: String
        if access("/dev/shm", W_OK) == 0 {
            folder = "/dev/shm"
        } else if let temporary = getenv("TMPDIR") {
            folder = String(cString: temporary)
        } else {
            folder = "/tmp"
        }
        path = "\(folder)/kb-fuzz-\(getpid())-\(name)"
    }

    /// Replaces the file's contents with `bytes`.
    public func store(_ bytes: UnsafeRawBufferPointer) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        require(descriptor >= 0, "cannot create \(path): \(String(cString: strerror(errno)))")
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let result = write(descriptor, bytes.baseAddress! + written, bytes.count - written)
            require(result > 0, "cannot write \(path): \(String(cString: strerror(errno)))")
            written += result
        }
    }

    /// Deletes the file (if it exists).
    public func remove() {
        unlink(path)
    }
}
