#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A read-only memory mapping of a whole file.
///
/// The mapping is private and read-only, and it is never written through, so sharing one
/// between threads is safe: hence `@unchecked Sendable`. It is unmapped when released.
final class MappedFile: @unchecked Sendable {
    /// The mapped bytes.
    let bytes: UnsafeRawBufferPointer
    /// The file's path, for error messages.
    let path: String
    /// The file's modification time, seconds since 1970.
    let modificationTime: Double

    /// Maps the file at `path`. Throws `.unreadable` when it cannot be opened or mapped and
    /// `.truncated` when it is empty.
    init(path: String) throws(IndexFormatError) {
        self.path = path
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw IndexFormatError(.unreadable(Self.systemMessage()), path: path)
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw IndexFormatError(.unreadable(Self.systemMessage()), path: path)
        }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            throw IndexFormatError(.unreadable("not a regular file"), path: path)
        }
        let size = Int(status.st_size)
        guard size > 0 else {
            throw IndexFormatError(.truncated, path: path, offset: 0)
        }
        #if canImport(Darwin)
            modificationTime = Double(status.st_mtimespec.tv_sec) + Double(status.st_mtimespec.tv_nsec) / 1e9
        #else
            modificationTime = Double(status.st_mtim.tv_sec) + Double(status.st_mtim.tv_nsec) / 1e9
        #endif
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else {
            throw IndexFormatError(.unreadable("cannot map the file: \(Self.systemMessage())"), path: path)
        }
        bytes = UnsafeRawBufferPointer(start: address, count: size)
    }

    deinit {
        munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count)
    }

    private static func systemMessage() -> String {
        String(cString: strerror(errno))
    }
}
