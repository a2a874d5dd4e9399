import Hummingbird

/// The customer's search page: `GET /` (`Public/index.html`), `/static/app.js` and
/// `/static/style.css`, embedded in the binary at build time (SwiftPM `embedInCode`), so the
/// server is one self-contained file.
///
/// Every file carries a strong `ETag` (answering `If-None-Match` with 304) and a strict
/// `Content-Security-Policy`: the page loads nothing but its own script and style sheet.
struct StaticRoutes<Context: RequestContext>: Sendable {
    /// One embedded file.
    struct File: Sendable {
        /// The bytes.
        let bytes: ByteBuffer
        /// The `Content-Type`.
        let contentType: String
        /// The `Cache-Control`.
        let cacheControl: String
        /// A strong validator derived from the bytes.
        let entityTag: String

        init(_ bytes: [UInt8], contentType: String, cacheControl: String) {
            self.bytes = ByteBuffer(bytes: bytes)
            self.contentType = contentType
            self.cacheControl = cacheControl
            self.entityTag = "\"" + String(Self.fingerprint(bytes), radix: 16) + "\""
        }

        /// FNV-1a, 64 bits: enough to tell versions of one file apart.
        private static func fingerprint(_ bytes: [UInt8]) -> UInt64 {
            bytes.reduce(0xcbf2_9ce4_8422_2325 as UInt64) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01b3 }
        }
    }

    /// The page's policy: scripts, styles, images and API calls from this origin only.
    static var contentSecurityPolicy: String { "default-src 'self'" }

    /// The page (revalidated on every load, so a new deployment shows at once).
    static var page: File {
        File(PackageResources.index_html, contentType: "text/html; charset=utf-8", cacheControl: "no-cache")
    }
    /// The script.
    static var script: File {
        File(PackageResources.app_js, contentType: "text/javascript; charset=utf-8", cacheControl: "no-cache")
    }
    /// The style sheet.
    static var styleSheet: File {
        File(PackageResources.style_css, contentType: "text/css; charset=utf-8", cacheControl: "no-cache")
    }

    /// Adds the routes to `router`.
    func register(in router: Router<Context>) {
        let page = Self.page
        let script = Self.script
        let styleSheet = Self.styleSheet
        router.get("/") { request, _ in Self.serve(page, to: request) }
        router.get("/static/app.js") { request, _ in Self.serve(script, to: request) }
        router.get("/static/style.css") { request, _ in Self.serve(styleSheet, to: request) }
        // Browsers ask for an icon on their own; the page has none (a data: icon would break
        // the content security policy), so answer "no content" rather than a 404 in the logs.
        router.get("/favicon.ico") { _, _ in
            Response(status: .noContent, headers: [.cacheControl: "max-age=86400"])
        }
    }

    /// `file`, or 304 when the client's copy is current.
    static func serve(_ file: File, to request: Request) -> Response {
        var headers: HTTPFields = [
            .contentType: file.contentType,
            .cacheControl: file.cacheControl,
            .eTag: file.entityTag,
            .contentSecurityPolicy: contentSecurityPolicy,
            .xContentTypeOptions: "nosniff",
        ]
        let presented = request.headers[values: .ifNoneMatch].flatMap { $0.split(separator: ",") }
        if presented.contains(where: { $0.trimmingCharacters(in: .whitespaces) == file.entityTag || $0 == "*" }) {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentLength] = String(file.bytes.readableBytes)
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: file.bytes))
    }
}
