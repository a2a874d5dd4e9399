import Foundation
import Hummingbird
import HummingbirdTesting
import KBIndex
import KBTestSupport
import Logging
import Synchronization
import Testing

@testable import kb_server

/// An application over a private copy of the sample knowledge base's index, for one test.
struct TestServer: Sendable {
    /// The folder holding the index copy; removed by ``remove()``.
    let folder: URL
    /// The index being served.
    let holder: SearcherHolder
    /// What the application logged.
    let log: CapturedLog
    /// The configuration the application was built with.
    let configuration: ServerConfiguration

    /// The index file of the sample knowledge base (`Articles/`), built once per test run.
    static let sampleIndex: URL = {
        let folder = try! Fixtures.makeTemporaryDirectory("kb-server-sample")
        let path = folder.appendingPathComponent("kb.idx")
        _ = try! IndexBuilder().build(from: Fixtures.articles, to: path)
        return path
    }()

    /// A server over a fresh copy of the sample index; `configure` adjusts the defaults
    /// (watcher off, no admin token, no CORS).
    init(_ configure: (inout ServerConfiguration) -> Void = { _ in }) throws {
        try self.init(articles: nil, configure)
    }

    /// A server over an index of the articles in `articles` (the sample index when nil).
    init(articles: URL?, _ configure: (inout ServerConfiguration) -> Void = { _ in }) throws {
        folder = try Fixtures.makeTemporaryDirectory("kb-server")
        let path = folder.appendingPathComponent("kb.idx")
        if let articles {
            _ = try IndexBuilder().build(from: articles, to: path)
        } else {
            try FileManager.default.copyItem(at: Self.sampleIndex, to: path)
        }
        var configuration = ServerConfiguration()
        configuration.indexPath = path.path
        configuration.articlesPath = (articles ?? Fixtures.articles).path
        configuration.watchInterval = nil
        configure(&configuration)
        self.configuration = configuration
        log = CapturedLog()
        holder = try SearcherHolder(opening: path.path, metrics: ServerMetrics(), logger: log.logger)
    }

    /// The application under test.
    var application: some ApplicationProtocol {
        buildApplication(configuration, holder: holder, logger: log.logger)
    }

    /// Runs `body` against the application in process.
    func test<Value: Sendable>(
        _ setup: TestingSetup = .router, _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Value
    ) async throws -> Value {
        try await application.test(setup, body)
    }

    /// Deletes the index copy.
    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Replaces the index file by renaming `bytes` over it, as `kb index` publishes.
    func replaceIndex(with bytes: Data) throws {
        let temporary = folder.appendingPathComponent("kb.idx.tmp-\(UUID().uuidString)")
        try bytes.write(to: temporary)
        guard rename(temporary.path, configuration.indexPath) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    /// Builds an index of the articles in `folders` (subfolders of `Articles/`) and renames it
    /// over the served index file.
    func replaceIndex(withArticlesIn folders: [String]) throws {
        let source = folder.appendingPathComponent("articles-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
        for name in folders {
            try FileManager.default.copyItem(
                at: Fixtures.articles.appendingPathComponent(name), to: source.appendingPathComponent(name))
        }
        _ = try IndexBuilder().build(from: source, to: URL(fileURLWithPath: configuration.indexPath))
    }
}

/// Log lines captured in memory (message and metadata), to check what is and is not logged.
final class CapturedLog: Sendable {
    private let lines = Mutex<[String]>([])

    /// A logger at info level that writes here.
    var logger: Logger {
        var logger = Logger(label: "kb-server-test") { _ in Handler(log: self) }
        logger.logLevel = .info
        return logger
    }

    /// Every line so far.
    var text: String {
        lines.withLock { $0.joined(separator: "\n") }
    }

    fileprivate func append(_ line: String) {
        lines.withLock { $0.append(line) }
    }

    /// Formats each record as level, metadata and message.
    struct Handler: LogHandler {
        let log: CapturedLog
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .info

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let all = metadata.merging(event.metadata ?? [:]) { $1 }
            let fields = all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            log.append("\(event.level) \(fields) \(event.message)")
        }
    }
}

extension TestResponse {
    /// The body as text.
    var text: String {
        String(decoding: body.readableBytesView, as: UTF8.self)
    }

    /// The body as a JSON object.
    var json: [String: Any] {
        get throws {
            let value = try JSONSerialization.jsonObject(
                with: Data(body.readableBytesView), options: [.fragmentsAllowed])
            return try #require(value as? [String: Any])
        }
    }

    /// The error code of an error body.
    var errorCode: String? {
        let decoded = try? JSONDecoder().decode(ErrorResponse.self, from: Data(body.readableBytesView))
        return decoded?.error.code
    }
}
