import Hummingbird
import Synchronization

/// The methods each registered path answers, so that a known path asked with another method
/// gets `405 Method Not Allowed` with an `Allow` header (RFC 9110 §15.5.6) rather than the
/// `404` Hummingbird's router gives when only the method does not match.
///
/// ``ErrorMiddleware`` is added to the router before the routes are, so it holds this table
/// and ``record(_:)`` fills it once every route is registered.
final class AllowedMethods: Sendable {
    /// One registered path (a route template such as `/articles/**`) and its methods.
    struct Entry: Sendable {
        /// The template.
        let path: RouterPath
        /// Its methods, in `Allow` order.
        let methods: [HTTPRequest.Method]
    }

    private let entries = Mutex<[Entry]>([])

    /// An empty table (every path unknown).
    init() {}

    /// Records the routes of `router`; a `GET` route answers `HEAD` too (the router generates it).
    func record<Context>(_ router: Router<Context>) {
        var methodsByPath: [String: (path: RouterPath, methods: Set<HTTPRequest.Method>)] = [:]
        for route in router.routes {
            methodsByPath[route.path.description, default: (route.path, [])].methods.insert(route.method)
            if route.method == .get { methodsByPath[route.path.description]?.methods.insert(.head) }
        }
        let order: [HTTPRequest.Method] = [.get, .head, .post, .put, .patch, .delete, .options]
        let recorded = methodsByPath.values.map { path, methods in
            Entry(
                path: path,
                methods: order.filter(methods.contains)
                    + methods.subtracting(order).sorted { $0.rawValue < $1.rawValue })
        }
        entries.withLock { $0 = recorded }
    }

    /// The methods a route answers for the request path `path`, or nil when no route has it.
    func methods(forPath path: String) -> [HTTPRequest.Method]? {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        return entries.withLock { entries in
            entries.first { Self.matches($0.path, segments) }?.methods
        }
    }

    /// Whether `template` matches the path `segments` (`**` takes one or more segments).
    static func matches(_ template: RouterPath, _ segments: [Substring]) -> Bool {
        var remaining = segments[...]
        for component in template.components {
            if component.description == "**" { return !remaining.isEmpty }
            guard let segment = remaining.first, component ~= segment else { return false }
            remaining = remaining.dropFirst()
        }
        return remaining.isEmpty
    }
}
