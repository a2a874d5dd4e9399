import Foundation
import KBIndex
import KBSearch

/// One loaded index, immutable: the searcher, its snippet generator, and which file version
/// it came from.
///
/// A request takes the current snapshot once, at its start, and uses only that one; a reload
/// swaps in a new snapshot while requests in flight finish on theirs (the old reader's
/// mapping stays valid as long as a snapshot references it).
struct IndexSnapshot: Sendable {
    /// Searches this index.
    let searcher: Searcher
    /// Makes snippets with this index's analyzer.
    let snippets: SnippetGenerator
    /// The file version that was opened, when known.
    let fileIdentity: IndexFileIdentity?
    /// When this server loaded the index.
    let loadedAt: Date

    /// The snapshot of `reader`.
    init(reader: IndexReader, fileIdentity: IndexFileIdentity?, loadedAt: Date = Date()) {
        searcher = Searcher(reader: reader)
        snippets = SnippetGenerator(analyzer: reader.analyzer)
        self.fileIdentity = fileIdentity
        self.loadedAt = loadedAt
    }

    /// The index.
    var reader: IndexReader { searcher.reader }
}
