public import Foundation

/// A link from an article's main content to another page of the same knowledge base.
///
/// Link text describes the page a link points to ("see <a>Reset your password</a>"), so the
/// indexer counts it for that page, in its ``IndexField/anchors`` field, and not in the
/// body of the page the link sits in. Only links that can point inside the knowledge base are
/// kept: relative links, and absolute `http`/`https` links to the host of the article's own
/// ``Article/url``. Links to the page itself (`#section`, its own URL), to other sites and
/// to other schemes (`mailto:`, `javascript:`) are not links here; their text stays in the body.
public struct ArticleLink: Sendable, Hashable, Codable {
    /// Where the link points, resolved against the page's `<base href>` and its location, without
    /// the fragment: an absolute URL (`https://help.example.com/artigos/42`) or, for a page
    /// known only by its id, a path from the articles folder (`conta/redefinir-senha.html`).
    /// The index writer matches it against the articles' URLs and ids.
    public var target: String
    /// The link's text, on one line.
    public var text: String
    /// Where the text lies in ``Article/body``, as UTF-8 byte offsets.
    public var bodyRange: Range<Int>

    /// Creates a link.
    public init(target: String, text: String, bodyRange: Range<Int>) {
        self.target = target
        self.text = text
        self.bodyRange = bodyRange
    }

    /// The scheme of the placeholder URL under which a page known only by its id is located,
    /// so that relative links resolve with the usual URL rules (`../`, `./`, `<base>`).
    private static let articleScheme = "kb-article"

    /// Where `href`, found in the article with `id` and `url`, points inside the knowledge
    /// base, or `nil` when it cannot point to another article (see the type's rules).
    ///
    /// - Parameter baseHref: the page's `<base href>`, if any.
    public static func target(of href: String, baseHref: String?, articleID id: String, articleURL url: String?)
        -> String?
    {
        guard !href.isEmpty, !href.hasPrefix("#") else { return nil }
        let page: URL
        var pageHost: String?
        if let url, let portal = webURL(url), let host = portal.host {
            page = portal
            pageHost = host.lowercased()
        } else if let placeholder = URL(string: "\(articleScheme):///" + percentEncoded(id)) {
            page = placeholder
        } else {
            return nil
        }
        var base = page
        if let baseHref, let resolvedBase = URL(string: percentEncoded(baseHref), relativeTo: page)?.absoluteURL {
            base = resolvedBase
        }
        guard let resolved = URL(string: percentEncoded(href), relativeTo: base)?.absoluteURL,
            var components = URLComponents(url: resolved, resolvingAgainstBaseURL: false)
        else { return nil }
        components.fragment = nil
        switch components.scheme?.lowercased() {
        case articleScheme:
            let path = String(components.path.drop { $0 == "/" })
            return path.isEmpty || path == id ? nil : path
        case "http", "https":
            guard let pageHost, components.host?.lowercased() == pageHost, let target = components.string else {
                return nil
            }
            return target == url.flatMap(urlKey) ? nil : target
        default:
            return nil
        }
    }

    /// The form in which a link's ``target`` matches an article's `url`: the URL percent-encoded
    /// like a link and without its `#fragment`; `nil` when `url` is not an `http`/`https` URL.
    public static func urlKey(_ url: String) -> String? {
        guard let parsed = webURL(url), var components = URLComponents(url: parsed, resolvingAgainstBaseURL: false)
        else { return nil }
        components.fragment = nil
        return components.string
    }

    /// `text` as an absolute `http`/`https` URL with a host, percent-encoded like a link, or `nil`.
    private static func webURL(_ text: String) -> URL? {
        guard let url = URL(string: percentEncoded(text)), url.host != nil,
            ["http", "https"].contains(url.scheme?.lowercased())
        else { return nil }
        return url
    }

    /// `text` with every byte outside printable ASCII (spaces, non-ASCII letters, controls)
    /// percent-encoded, so that `URL(string:)` accepts what browsers accept.
    private static func percentEncoded(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if byte > 0x20 && byte < 0x7F && byte != UInt8(ascii: "\\") {
                bytes.append(byte)
            } else if byte == UInt8(ascii: "\\") {
                bytes.append(UInt8(ascii: "/"))
            } else {
                bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
