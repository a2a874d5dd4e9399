/// Why the ``IndexWriter`` (or the ``AtomicFilePublisher``) could not build or publish an
/// index. Each case's ``description`` says what failed and what to do about it.
public enum IndexWriterError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Two articles share an id. The second one was not added; the caller reports and skips it.
    case duplicateArticleID(String)
    /// The ``IndexWriterOptions`` are unusable (the detail says which setting and why).
    case invalidOptions(String)
    /// A file operation failed: `operation` (`write`, `rename`...), the file, and the system's reason.
    case fileSystem(operation: String, path: String, reason: String)
    /// The collection exceeds a limit of index format 1 (the detail says which).
    case indexTooLarge(String)
    /// A temporary file of the build was changed or cut short by someone else.
    case damagedTemporaryFile(path: String, detail: String)
    /// An earlier error left the writer unusable; start a new build.
    case writerFailed

    /// A sentence saying what failed and how to fix it.
    public var description: String {
        switch self {
        case .duplicateArticleID(let id):
            return "duplicate article id \"\(id)\": another article already has it; this one was skipped. "
                + "Give every article a unique id (its file path or `kb:id`)."
        case .invalidOptions(let detail):
            return "invalid index writer settings: \(detail)."
        case .fileSystem(let operation, let path, let reason):
            return "cannot \(operation) \(path): \(reason). Check the folder's permissions and free disk space."
        case .indexTooLarge(let detail):
            return
                "the collection is too large for index format \(FormatVersion.current): \(detail). Split it into several indexes."
        case .damagedTemporaryFile(let path, let detail):
            return "the temporary file \(path) of the index build was damaged (\(detail)); "
                + "was it removed or changed while `kb index` ran? Run `kb index` again."
        case .writerFailed:
            return "the index writer stopped after an earlier error; run `kb index` again."
        }
    }
}
