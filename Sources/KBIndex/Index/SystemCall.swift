#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Small wrappers over the POSIX calls the writer and the publisher make, turning a failure
/// into an ``IndexWriterError/fileSystem(operation:path:reason:)`` with the system's reason.
enum SystemCall {
    /// The error for the last failed call (`errno`).
    static func error(_ operation: String, _ path: String, errorNumber: Int32 = errno) -> IndexWriterError {
        .fileSystem(operation: operation, path: path, reason: String(cString: strerror(errorNumber)))
    }

    /// Opens `path` with `flags`, retrying on `EINTR`.
    static func openFile(_ path: String, _ flags: Int32, mode: mode_t = 0o644, operation: String)
        throws(IndexWriterError) -> Int32
    {
        while true {
            let descriptor = open(path, flags | O_CLOEXEC, mode)
            if descriptor >= 0 { return descriptor }
            if errno != EINTR { throw error(operation, path) }
        }
    }

    /// Writes all of `bytes` to `descriptor`, retrying on short writes and `EINTR`.
    static func writeFully(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws(IndexWriterError)
    {
        var offset = 0
        while offset < bytes.count {
            let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw error("write", path)
            }
            offset += written
        }
    }

    /// Reads up to `buffer.count` bytes; returns how many (0 at the end of the file).
    static func readSome(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, path: String)
        throws(IndexWriterError) -> Int
    {
        while true {
            let count = read(descriptor, buffer.baseAddress!, buffer.count)
            if count >= 0 { return count }
            if errno != EINTR { throw error("read", path) }
        }
    }

    /// The name of an entry that `readdir` returned.
    ///
    /// `d_name` is declared with 256 bytes, but `readdir` gives each entry only the room its
    /// name needs (`d_reclen`): copying the whole field (`entry.pointee.d_name`) reads past
    /// the entry, and past the end of the directory buffer for its last entry (found by
    /// AddressSanitizer under the fuzzer). The name is read where it lies, up to its NUL.
    static func entryName(_ entry: UnsafeMutablePointer<dirent>) -> String {
        let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
        return String(cString: (UnsafeRawPointer(entry) + nameOffset).assumingMemoryBound(to: CChar.self))
    }

    /// Flushes `descriptor`'s data to the disk.
    static func synchronize(_ descriptor: Int32, path: String) throws(IndexWriterError) {
        while fsync(descriptor) != 0 {
            if errno != EINTR { throw error("flush to disk", path) }
        }
    }

    /// Flushes the directory entry changes of `directory` (a rename, a new file) to the disk.
    static func synchronizeDirectory(_ directory: String) throws(IndexWriterError) {
        let descriptor = try openFile(directory, O_RDONLY | O_DIRECTORY, operation: "open the folder")
        defer { closeDescriptor(descriptor) }
        try synchronize(descriptor, path: directory)
    }

    /// Closes `descriptor`, ignoring errors (used on paths that already failed or only read).
    static func closeDescriptor(_ descriptor: Int32) {
        _ = close(descriptor)
    }

    /// Removes the file at `path`; a missing file is not an error.
    static func removeFile(_ path: String) {
        _ = unlink(path)
    }

    /// The names in `directory` (without `.` and `..`), or `nil` if it cannot be opened
    /// (`errno` says why).
    static func directoryEntries(_ directory: String) -> [String]? {
        guard let folder = opendir(directory) else { return nil }
        defer { closedir(folder) }
        var names: [String] = []
        while let entry = readdir(folder) {
            let name = entryName(entry)
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// The path of the entry `name` of `directory`.
    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}
