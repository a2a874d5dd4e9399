import Dispatch
import Foundation
import KBIndex
import KBSearch
import Logging
import Synchronization

/// Holds the index being served and swaps it whole, without downtime.
///
/// Requests read ``current`` once (a lock-protected copy of an immutable ``IndexSnapshot``).
/// A reload opens the new file and checks every section's checksum *before* swapping, so a
/// broken file is refused, logged and counted while the old index keeps serving. Reloads and
/// rebuilds run one at a time on a dedicated queue (their file I/O never blocks the
/// cooperative thread pool), whatever triggered them: `SIGHUP`, the file watcher,
/// `POST /admin/reindex` or a test.
final class SearcherHolder: Sendable {
    /// The index file.
    let indexPath: String
    /// Where reloads are counted.
    let metrics: ServerMetrics
    private let logger: Logger
    private let state: Mutex<IndexSnapshot>
    /// The file version last refused, so the watcher does not retry (and count) it every tick.
    private let refusedIdentity = Mutex<IndexFileIdentity?>(nil)
    private let worker = DispatchQueue(label: "kb-server.index-reload")

    /// Opens the index at `path` (checking every checksum).
    init(opening path: String, metrics: ServerMetrics, logger: Logger) throws(IndexFormatError) {
        let identity = IndexFileIdentity(path: path)
        let reader = try IndexReader.open(path: path, verifyChecksums: true)
        self.indexPath = path
        self.metrics = metrics
        self.logger = logger
        self.state = Mutex(IndexSnapshot(reader: reader, fileIdentity: identity))
    }

    /// Serves `reader`, an index already open (tests); reloads read `reader.path`.
    init(reader: IndexReader, metrics: ServerMetrics, logger: Logger) {
        self.indexPath = reader.path
        self.metrics = metrics
        self.logger = logger
        self.state = Mutex(IndexSnapshot(reader: reader, fileIdentity: IndexFileIdentity(path: reader.path)))
    }

    /// The index to use for one request.
    var current: IndexSnapshot {
        state.withLock { $0 }
    }

    /// Opens the index file again and swaps it in.
    ///
    /// - Throws: the ``IndexFormatError`` that made the new file unusable; the previous index
    ///   is still served.
    @discardableResult
    func reload(trigger: ReloadTrigger) async throws(IndexFormatError) -> IndexSnapshot {
        try await onWorker { () throws(IndexFormatError) in try self.reloadNow(trigger: trigger) }
    }

    /// Reloads when the file at ``indexPath`` is not the one loaded (a new inode, size or
    /// mtime) and was not already refused. A missing file changes nothing.
    func reloadIfReplaced() async {
        try? await onWorker { () throws(IndexFormatError) in
            guard let identity = IndexFileIdentity(path: self.indexPath),
                identity != self.current.fileIdentity, identity != self.refusedIdentity.withLock({ $0 })
            else { return }
            self.logger.info("The index file changed (\(identity)); reloading it.")
            _ = try self.reloadNow(trigger: .fileChange)
        }
    }

    /// Rebuilds the index file from the articles in `articles` with the analysis settings of
    /// the index being served, publishes it atomically and swaps it in.
    ///
    /// - Throws: ``IndexRebuildError``; the previous index is still served.
    func rebuild(from articles: URL, parserOptions: ArticleParserOptions) async throws(IndexRebuildError)
        -> ReindexResponse
    {
        try await onWorker { () throws(IndexRebuildError) in
            let start = ContinuousClock.now
            let options = IndexBuildOptions.matching(self.current.reader.metadata, parser: parserOptions)
            let report: IndexBuildReport
            do throws(IndexBuildError) {
                report = try IndexBuilder(options: options).build(
                    from: articles, to: URL(fileURLWithPath: self.indexPath))
            } catch {
                throw .build(error)
            }
            for skipped in report.skipped {
                self.logger.warning("Reindex skipped \(skipped)")
            }
            let snapshot: IndexSnapshot
            do throws(IndexFormatError) {
                snapshot = try self.reloadNow(trigger: .admin)
            } catch {
                throw .load(error)
            }
            let elapsed = ContinuousClock.now - start
            return ReindexResponse(
                indexed: report.indexedCount, skipped: report.skipped.count, documents: snapshot.reader.documentCount,
                tookMilliseconds: elapsed.milliseconds)
        }
    }

    /// Opens and verifies the file, then swaps; runs on ``worker`` only.
    private func reloadNow(trigger: ReloadTrigger) throws(IndexFormatError) -> IndexSnapshot {
        // The identity is taken before opening: if the file changes in between, the watcher
        // sees a difference on its next tick and loads the newer file.
        let identity = IndexFileIdentity(path: indexPath)
        let reader: IndexReader
        do {
            reader = try IndexReader.open(path: indexPath, verifyChecksums: true)
        } catch {
            refusedIdentity.withLock { $0 = identity }
            metrics.reloadFailures.increment([trigger.rawValue])
            logger.error(
                "Refused the new index (\(trigger.rawValue)): \(error) Still serving the previous index (\(current.reader.documentCount) documents)."
            )
            throw error
        }
        let snapshot = IndexSnapshot(reader: reader, fileIdentity: identity)
        state.withLock { $0 = snapshot }
        refusedIdentity.withLock { $0 = nil }
        metrics.reloads.increment([trigger.rawValue])
        logger.info(
            "Loaded the index (\(trigger.rawValue)): \(reader.documentCount) documents, \(reader.fileSize) bytes.")
        return snapshot
    }

    /// Runs `work` on the reload queue and waits for it without blocking a cooperative thread.
    private func onWorker<Value: Sendable, Failure: Error>(
        _ work: @escaping @Sendable () throws(Failure) -> Value
    ) async throws(Failure) -> Value {
        let result: Result<Value, Failure> = await withCheckedContinuation { continuation in
            worker.async {
                continuation.resume(returning: Result { () throws(Failure) in try work() })
            }
        }
        return try result.get()
    }
}

/// What made the server reload its index (the `trigger` label of the reload metrics).
enum ReloadTrigger: String, Sendable {
    /// `SIGHUP`.
    case signal
    /// The index file was replaced on disk.
    case fileChange = "file_change"
    /// `POST /admin/reindex`.
    case admin
    /// A direct call (tests, tools).
    case manual
}

/// Why `POST /admin/reindex` published or loaded nothing; the previous index still serves.
enum IndexRebuildError: Error, CustomStringConvertible {
    /// Building the new index failed (missing folder, write error); nothing was published.
    case build(IndexBuildError)
    /// The new index was published but could not be loaded.
    case load(IndexFormatError)

    /// A sentence saying what failed.
    var description: String {
        switch self {
        case .build(let error): "cannot rebuild the index: \(error)"
        case .load(let error): "the rebuilt index cannot be loaded: \(error)"
        }
    }
}

extension IndexBuildOptions {
    /// Options that rebuild an index like the one described by `metadata` (same analyzer and
    /// field settings), leaving one core to serving.
    static func matching(_ metadata: IndexMetadata, parser: ArticleParserOptions) -> IndexBuildOptions {
        IndexBuildOptions(
            analyzer: metadata.analyzer.options ?? .default,
            fields: metadata.fields.map {
                FieldSettings(name: $0.name, weight: $0.weight, lengthNormalization: $0.lengthNormalization)
            },
            parser: parser,
            jobs: max(1, IndexBuildOptions.defaultJobs - 1))
    }
}

extension Duration {
    /// The duration in milliseconds.
    var milliseconds: Double {
        Double(components.seconds) * 1e3 + Double(components.attoseconds) / 1e15
    }
}
