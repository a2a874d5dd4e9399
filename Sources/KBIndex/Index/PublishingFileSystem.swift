/// The file operations of ``AtomicFilePublisher``'s protocol, and nothing else.
///
/// The publisher never calls the system directly: it asks its file system to lock, list,
/// remove, flush (`fsync`) and rename. ``POSIXFileSystem`` performs them; the tests give the
/// publisher a double that records which of them reached the disk and simulates a power
/// failure (Lucene's `MockDirectoryWrapper` plays the same role), so that the tests can show
/// that a crash at any step leaves the old file or the complete new one.
///
/// The file's bytes themselves are written by the publisher's caller through ordinary file
/// I/O (``IndexWriter`` streams gigabytes through its own buffers). They are not durable
/// until ``synchronizeFile(atPath:)`` returns, and a file system must assume nothing about
/// them before: that call is the publisher's only promise that they are on the disk.
///
/// Paths are absolute or relative to the working directory, as the publisher received them.
public protocol PublishingFileSystem {
    /// Runs `body` while holding an exclusive advisory lock on the file at `path`, created if
    /// missing (and never removed). Waits while another process or thread holds the lock.
    ///
    /// - Throws: ``IndexWriterError/fileSystem(operation:path:reason:)`` when the lock file
    ///   cannot be created or locked; otherwise whatever `body` throws.
    func withExclusiveLock<Value>(onFileAt path: String, _ body: () throws -> Value) throws -> Value

    /// The names of the entries of `directory` (not `.` and `..`), in no particular order.
    func contentsOfDirectory(atPath directory: String) throws(IndexWriterError) -> [String]

    /// Removes the file at `path`; a missing file is not an error, and neither is any other
    /// failure (removal only tidies up).
    func removeFile(atPath path: String)

    /// Makes the data of the file at `path` durable (`fsync`). The file's name is not made
    /// durable: that needs ``synchronizeDirectory(atPath:)`` of its folder.
    func synchronizeFile(atPath path: String) throws(IndexWriterError)

    /// Renames `source` to `destination` in one step, replacing `destination` if it exists
    /// (`rename(2)`): a reader sees the old file or the new one. Not durable until the folder
    /// is synchronized.
    func renameFile(atPath source: String, toPath destination: String) throws(IndexWriterError)

    /// Makes the entries of `directory` durable (`fsync` of the folder): the names created,
    /// renamed and removed in it so far survive a crash.
    func synchronizeDirectory(atPath directory: String) throws(IndexWriterError)
}
