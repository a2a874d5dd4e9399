import ArgumentParser
import Foundation
import Hummingbird
import KBIndex
import Logging

/// `kb-server`: serves search, ticket suggestions, articles, health and metrics over HTTP,
/// and the customer's search page.
///
/// ```sh
/// KB_ADMIN_TOKEN=secret kb-server --index kb.idx --articles Articles --port 8080
/// ```
///
/// Every option can also come from an environment variable (the option wins). With no index
/// file at `--index`, the server first indexes `--articles`, then serves.
@main
struct KBServer: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kb-server",
        abstract: "Serve the knowledge-base index over HTTP.",
        discussion: """
            Endpoints: GET /search, GET and POST /suggest, GET /articles/{id}, \
            GET /articles/{id}/related, GET /healthz, GET /metrics, POST /admin/reindex, and the \
            search page at /. The index is reloaded on SIGHUP and when the index file is replaced \
            (by `kb index`). The admin routes exist only when KB_ADMIN_TOKEN is set (environment \
            only, so the token does not show in the process list).
            """
    )

    @Option(help: "The index file (env KB_INDEX; default kb.idx). Built from --articles when missing.")
    var index: String?

    @Option(help: "The folder of articles for the first build and /admin/reindex (env KB_ARTICLES; default Articles).")
    var articles: String?

    @Option(help: "The address to listen on (env KB_HOST; default 127.0.0.1).")
    var host: String?

    @Option(help: "The port to listen on (env KB_PORT; default 8080).")
    var port: Int?

    @Option(
        help: "Where an article's main content is, for pages without <main>: '#id', '.class' or 'tag' (env KB_CONTENT)."
    )
    var content: String?

    @Option(
        name: .customLong("cors-origin"),
        help:
            "The portal origin allowed to call the API from a browser, e.g. https://portal.example.com (env KB_CORS_ORIGIN)."
    )
    var corsOrigin: String?

    @Option(
        name: .customLong("max-concurrent-requests"),
        help: "Requests handled at once before answering 503 (env KB_MAX_CONCURRENT_REQUESTS; default 64).")
    var maximumConcurrentRequests: Int?

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning or error (env KB_LOG_LEVEL).")
    var logLevel: String?

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let configuration = try makeConfiguration(environment: environment)
        let level = try Self.level(logLevel ?? environment["KB_LOG_LEVEL"] ?? "info")
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        var logger = Logger(label: "kb-server")
        logger.logLevel = level
        let application: any ApplicationProtocol
        do {
            application = try await buildApplication(configuration, logger: logger)
        } catch {
            logger.critical("\(error)")
            throw ExitCode(1)
        }
        try await application.runService()
    }

    /// The configuration from the options, then the environment, then the defaults.
    func makeConfiguration(environment: [String: String]) throws -> ServerConfiguration {
        var configuration = ServerConfiguration()
        configuration.indexPath = index ?? environment["KB_INDEX"] ?? configuration.indexPath
        configuration.articlesPath = articles ?? environment["KB_ARTICLES"] ?? configuration.articlesPath
        configuration.host = host ?? environment["KB_HOST"] ?? configuration.host
        configuration.port = try port ?? Self.integer(environment["KB_PORT"], name: "KB_PORT") ?? configuration.port
        guard (0...65_535).contains(configuration.port) else {
            throw ValidationError("The port must be between 0 and 65535, not \(configuration.port).")
        }
        if let selector = content ?? environment["KB_CONTENT"] {
            do {
                configuration.parserOptions.contentSelector = try ContentSelector(parsing: selector)
            } catch {
                throw ValidationError("--content: \(error)")
            }
        }
        configuration.corsOrigin = (corsOrigin ?? environment["KB_CORS_ORIGIN"]).flatMap { $0.isEmpty ? nil : $0 }
        configuration.adminToken = environment["KB_ADMIN_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        configuration.maximumConcurrentRequests =
            try maximumConcurrentRequests
            ?? Self.integer(environment["KB_MAX_CONCURRENT_REQUESTS"], name: "KB_MAX_CONCURRENT_REQUESTS")
            ?? configuration.maximumConcurrentRequests
        guard configuration.maximumConcurrentRequests >= 1 else {
            throw ValidationError("--max-concurrent-requests must be at least 1.")
        }
        configuration.reloadsOnHangup = true
        return configuration
    }

    /// The integer in environment variable `name`, or nil when it is not set.
    private static func integer(_ text: String?, name: String) throws -> Int? {
        guard let text else { return nil }
        guard let value = Int(text) else { throw ValidationError("\(name) must be an integer, not \"\(text)\".") }
        return value
    }

    private static func level(_ text: String) throws -> Logger.Level {
        guard let level = Logger.Level(rawValue: text.lowercased()) else {
            throw ValidationError("Unknown log level \"\(text)\": use trace, debug, info, notice, warning or error.")
        }
        return level
    }
}
