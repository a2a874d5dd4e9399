#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Which file is at a path, and which version of it: device, inode, modification time and
/// size from `stat(2)`.
///
/// `kb index` publishes by renaming a new file over the old one, so a replaced index shows
/// up as a new inode; an editor copying over the file in place changes the size or mtime.
struct IndexFileIdentity: Sendable, Hashable, CustomStringConvertible {
    /// The device holding the file.
    var device: UInt64
    /// The inode number.
    var inode: UInt64
    /// Modification time, seconds since 1970.
    var modificationSeconds: Int64
    /// Modification time, nanoseconds within the second.
    var modificationNanoseconds: Int64
    /// The size in bytes.
    var size: Int64

    /// The identity of the file at `path`, or nil when nothing can be `stat`ed there.
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        #if canImport(Darwin)
            modificationSeconds = Int64(info.st_mtimespec.tv_sec)
            modificationNanoseconds = Int64(info.st_mtimespec.tv_nsec)
        #else
            modificationSeconds = Int64(info.st_mtim.tv_sec)
            modificationNanoseconds = Int64(info.st_mtim.tv_nsec)
        #endif
    }

    /// `inode 1234, 56789 bytes, mtime 1700000000.123456789`.
    var description: String {
        "inode \(inode), \(size) bytes, mtime \(modificationSeconds).\(modificationNanoseconds)"
    }
}
