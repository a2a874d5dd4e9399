/// Which article URLs (`kb:url`) responses give out: absolute `http:` and `https:` URLs only.
///
/// An article's URL comes from whoever wrote the article file. Pages and portals that receive
/// it put it in a link's `href`, where `javascript:alert(1)` or `data:text/html,...` would run
/// when clicked; so responses leave such URLs out, as if the article had none.
///
/// ```swift
/// LinkableURL.filter("https://ajuda.example/conta")  // "https://ajuda.example/conta"
/// LinkableURL.filter("javascript:alert(1)")          // nil
/// ```
public enum LinkableURL {
    /// `url` when it is an absolute `http:` or `https:` URL (any letter case) with a host and
    /// no whitespace or control characters; otherwise nil.
    public static func filter(_ url: String) -> String? {
        let lowercased = url.lowercased()
        guard let scheme = ["https://", "http://"].first(where: { lowercased.hasPrefix($0) }),
            url.utf8.count > scheme.utf8.count,
            !url.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F })
        else { return nil }
        return url
    }
}
