import Foundation
import Hummingbird
import KBIndex
import Logging
import ServiceLifecycle

/// Makes the application for `configuration`: opens the index at
/// ``ServerConfiguration/indexPath``, first building it from
/// ``ServerConfiguration/articlesPath`` when no file is there (the embedded default), then
/// calls ``buildApplication(_:holder:logger:)``.
///
/// - Throws: ``ServerStartupError`` saying what to fix.
func buildApplication(_ configuration: ServerConfiguration, logger: Logger) async throws(ServerStartupError)
    -> some ApplicationProtocol
{
    let metrics = ServerMetrics()
    if !FileManager.default.fileExists(atPath: configuration.indexPath) {
        logger.info(
            "No index at \(configuration.indexPath): indexing the articles in \(configuration.articlesPath) first.")
        let options = IndexBuildOptions(parser: configuration.parserOptions)
        let result = await Task.detached {
            Result { () throws(IndexBuildError) in
                try IndexBuilder(options: options).build(
                    from: URL(fileURLWithPath: configuration.articlesPath),
                    to: URL(fileURLWithPath: configuration.indexPath))
            }
        }.value
        switch result {
        case .success(let report):
            for skipped in report.skipped { logger.warning("Skipped \(skipped)") }
            logger.info("Indexed \(report.indexedCount) articles into \(configuration.indexPath).")
        case .failure(let error):
            throw .build(error)
        }
    }
    let holder: SearcherHolder
    do {
        holder = try SearcherHolder(opening: configuration.indexPath, metrics: metrics, logger: logger)
    } catch {
        throw .index(error)
    }
    logger.info(
        "Serving \(holder.current.reader.documentCount) documents from \(configuration.indexPath) on http://\(configuration.host):\(configuration.port)."
    )
    return buildApplication(configuration, holder: holder, logger: logger)
}

/// Makes the application around an index already open: the seam the tests call.
///
/// Middleware, outermost first: request log, metrics, CORS, error-to-JSON, limits; then the
/// routes. The log and the metrics see every response, error responses carry CORS headers,
/// and the limits answer before any route works. Below the router, each connection has
/// ``MalformedRequestHandler`` (JSON errors for what NIO's parser refuses) and Hummingbird's
/// idle timeout, which also bounds how long a request head may take to arrive.
func buildApplication(_ configuration: ServerConfiguration, holder: SearcherHolder, logger: Logger)
    -> some ApplicationProtocol
{
    let router = Router(options: .autoGenerateHeadEndpoints)
    router.add(middleware: RequestLoggingMiddleware())
    router.add(middleware: RequestMetricsMiddleware(metrics: holder.metrics))
    if let origin = configuration.corsOrigin {
        router.add(
            middleware: CORSMiddleware(
                allowOrigin: .oneOf(origin), allowHeaders: [.accept, .contentType], allowMethods: [.get, .post, .head],
                maxAge: .seconds(600)))
    }
    let allowedMethods = AllowedMethods()
    router.add(middleware: ErrorMiddleware(allowedMethods: allowedMethods))
    router.add(
        middleware: RequestLimitsMiddleware(
            maximumConcurrentRequests: configuration.maximumConcurrentRequests,
            bodyTimeout: configuration.bodyTimeout, metrics: holder.metrics))

    SearchRoutes(holder: holder).register(in: router)
    ArticleRoutes(holder: holder).register(in: router)
    HealthRoutes(holder: holder).register(in: router)
    StaticRoutes().register(in: router)
    if let token = AdminToken(configuration.adminToken) {
        AdminRoutes(
            holder: holder, token: token, articles: URL(fileURLWithPath: configuration.articlesPath),
            parserOptions: configuration.parserOptions
        ).register(in: router)
    }
    allowedMethods.record(router)

    var services: [any Service] = []
    if let interval = configuration.watchInterval {
        services.append(IndexFileWatcher(holder: holder, interval: interval))
    }
    if configuration.reloadsOnHangup {
        services.append(HangupReloader(holder: holder, logger: logger))
    }
    let metrics = holder.metrics
    return Application(
        router: router,
        server: .http1(
            configuration: .init(
                additionalChannelHandlers: [MalformedRequestHandler(metrics: metrics)],
                idleTimeout: .nanoseconds(Int64(configuration.idleTimeout.milliseconds * 1e6)),
                httpDecoderConfiguration: .init(
                    maxHeaderFieldSize: ServerConfiguration.maximumHeaderSize,
                    maxHeaderListSize: ServerConfiguration.maximumHeaderSize,
                    maxHeaderFieldCount: ServerConfiguration.maximumHeaderFieldCount))),
        configuration: ApplicationConfiguration(
            address: .hostname(configuration.host, port: configuration.port), serverName: "kb-server",
            backlog: ServerConfiguration.connectionBacklog),
        services: services,
        logger: logger)
}
