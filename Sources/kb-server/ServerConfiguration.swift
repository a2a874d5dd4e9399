import Foundation
import KBIndex

/// Everything `kb-server` needs to know to serve: where the index and the articles are, where
/// to listen, who may call the admin routes and from which origin browsers may call the API.
///
/// `KBServer` fills it from options and environment variables; tests build one directly.
struct ServerConfiguration: Sendable {
    /// The index file served (and rebuilt by `POST /admin/reindex`).
    var indexPath: String = "kb.idx"
    /// The folder of articles indexed when no index exists and by `POST /admin/reindex`.
    var articlesPath: String = "Articles"
    /// The address to listen on.
    var host: String = "127.0.0.1"
    /// The port to listen on.
    var port: Int = 8080
    /// How HTML articles are parsed when the server (re)builds the index (`--content`).
    var parserOptions = ArticleParserOptions()
    /// The bearer token of the admin routes; nil turns them off (they answer 404).
    var adminToken: String?
    /// The one browser origin allowed to call the API (`https://portal.example.com`), or nil.
    var corsOrigin: String?
    /// The largest number of requests handled at once, computing or waiting for one of
    /// ``CPUWork``'s threads; the next ones get 503 with Retry-After at once, so a flood cannot
    /// build a queue of work longer than this.
    var maximumConcurrentRequests = 64
    /// How long a connection may stay silent (also while sending its request head) before it
    /// is closed, so slow clients cannot hold connections.
    var idleTimeout: Duration = .seconds(15)
    /// How long a client may take to send a request body once its head has arrived; a slower
    /// one gets 408 and is disconnected, so slow bodies cannot hold the request slots.
    var bodyTimeout: Duration = .seconds(10)
    /// How often the index file is checked for replacement; nil turns the watcher off.
    var watchInterval: Duration? = .seconds(2)
    /// Whether `SIGHUP` reloads the index (off in tests, which share one process).
    var reloadsOnHangup = false

    /// The largest request body accepted (`POST /suggest`), in bytes.
    static let maximumBodySize = 64 * 1024
    /// The longest request target (path and query) accepted, in bytes.
    static let maximumURILength = 16 * 1024
    /// The longest query (`q`) or ticket subject accepted, in characters (Unicode scalars, as
    /// JSON Schema's `maxLength` counts them; at most 8 KB of UTF-8).
    static let maximumQueryLength = 2_048
    /// The largest request line and header section accepted, in bytes (each separately and
    /// together); larger ones get 414 (a long request line) or 431.
    static let maximumHeaderSize = 32 * 1024
    /// Connections the kernel may hold for the server before it accepts them (`listen(2)`'s
    /// backlog, capped by `net.core.somaxconn`). Hummingbird's default of 256 drops the
    /// connection attempts of a burst of clients, which then retry a second or more later.
    static let connectionBacklog = 4_096
    /// The most header fields accepted in one request; more get 431.
    static let maximumHeaderFieldCount = 100

    /// A configuration with kb's defaults.
    init() {}
}
