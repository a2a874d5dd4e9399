import KBIndex

/// Why `kb-server` cannot start serving.
enum ServerStartupError: Error, CustomStringConvertible {
    /// There was no index and building one from the articles failed.
    case build(IndexBuildError)
    /// The index file cannot be opened or fails its checksums.
    case index(IndexFormatError)

    /// A sentence saying what failed and what to do.
    var description: String {
        switch self {
        case .build(let error):
            "No index file, and indexing the articles failed: \(error) Pass --articles DIR or build one with `kb index`."
        case .index(let error):
            "Cannot serve the index: \(error)"
        }
    }
}
