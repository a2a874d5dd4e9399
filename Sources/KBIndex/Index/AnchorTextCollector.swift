import Foundation

/// The links of the documents added to an ``IndexWriter``, held until the last document is
/// in; then each link's text becomes part of the ``IndexField/anchors`` field of the
/// document it points to.
///
/// A link's ``AnalyzedArticle/Link/target`` is matched, in this order, against:
/// 1. the documents' URLs (``ArticleLink/urlKey(_:)``), when the target is a URL;
/// 2. the documents' ids, whole;
/// 3. the ids, dropping the target path's leading segments one at a time: a help page that
///    links to `pt-BR/text/shared/guide/x.html` through a `<base>` above the articles folder
///    reaches the article `text/shared/guide/x.html`. The longest match wins.
///
/// A link that matches no document keeps its text where it was written: it goes to the
/// `anchors` field of the linking document itself, so that no text is lost from the index.
///
/// Memory: the link texts' terms are interned once, and each link costs 12 bytes plus 8 per
/// word, so a million articles with a handful of links each need some tens of megabytes. The
/// links cannot be spilled, so they are held outside ``IndexWriterOptions/memoryBudget``
/// (counting them in would make every document spill a run once they pass the budget).
struct AnchorTextCollector {
    /// Positions left between the texts of two links in one `anchors` field, so that neither
    /// a phrase nor proximity spans two links (the proximity window is far smaller).
    static let linkGap: UInt32 = 64

    private struct PendingLink {
        var source: UInt32
        var target: UInt32
        var wordsStart: UInt32
        var wordsEnd: UInt32
    }

    private var links: [PendingLink] = []
    private var targets = ByteStringTable()
    private var words = ByteStringTable()
    private var wordIDs: [UInt32] = []
    private var wordPositions: [UInt32] = []
    private var urls = ByteStringTable()
    private var urlDocuments: [UInt32] = []

    /// Whether no document had links.
    var isEmpty: Bool { links.isEmpty }

    /// Records the links of `document`, and its URL (empty when it has none) as a link target.
    mutating func add(_ documentLinks: [AnalyzedArticle.Link], url: String, document: UInt32) {
        if !url.isEmpty, let key = ArticleLink.urlKey(url) {
            var key = key
            let (id, inserted) = key.withUTF8 { urls.intern(UnsafeRawBufferPointer($0)) }
            // Two documents with one URL: the first keeps it.
            if inserted {
                precondition(id == urlDocuments.count)
                urlDocuments.append(document)
            }
        }
        for link in documentLinks where !link.text.terms.isEmpty {
            var target = link.target
            let targetID = target.withUTF8 { targets.intern(UnsafeRawBufferPointer($0)).id }
            let start = UInt32(wordIDs.count)
            for (term, position) in zip(link.text.terms, link.text.positions) {
                var term = term
                let wordID = term.withUTF8 { words.intern(UnsafeRawBufferPointer($0)).id }
                wordIDs.append(UInt32(wordID))
                wordPositions.append(position)
            }
            links.append(
                PendingLink(
                    source: document, target: UInt32(targetID), wordsStart: start, wordsEnd: UInt32(wordIDs.count)))
        }
    }

    /// Resolves every link against `ids` (the writer's article ids, numbered by document) and
    /// calls `body` once per document that receives link text, in increasing document order,
    /// with its `anchors` field: the texts of the links that point to it, in the order the
    /// linking documents were added, ``linkGap`` positions apart.
    func forEachAnchorsField<Failure: Error>(
        ids: ByteStringTable, _ body: (UInt32, AnalyzedArticle.Field) throws(Failure) -> Void
    ) throws(Failure) {
        let resolved = (0..<targets.count).map { target in
            targets.withKey(target) { resolve($0, ids: ids) }
        }
        let destinations = links.map { resolved[Int($0.target)] ?? $0.source }
        let order = links.indices.sorted { left, right in
            destinations[left] != destinations[right] ? destinations[left] < destinations[right] : left < right
        }
        let wordStrings = (0..<words.count).map { id in words.withKey(id) { String(decoding: $0, as: UTF8.self) } }
        var start = 0
        while start < order.count {
            let destination = destinations[order[start]]
            var end = start
            var terms: [String] = []
            var positions: [UInt32] = []
            var offset: UInt32 = 0
            while end < order.count, destinations[order[end]] == destination {
                let link = links[order[end]]
                var last: UInt32 = 0
                for index in Int(link.wordsStart)..<Int(link.wordsEnd) {
                    terms.append(wordStrings[Int(wordIDs[index])])
                    let (position, overflow) = offset.addingReportingOverflow(wordPositions[index])
                    positions.append(overflow ? UInt32.max : position)
                    last = max(last, wordPositions[index])
                }
                let (next, overflow) = offset.addingReportingOverflow(last &+ Self.linkGap)
                offset = overflow ? UInt32.max : next
                end += 1
            }
            try body(destination, AnalyzedArticle.Field(terms: terms, positions: positions))
            start = end
        }
    }

    /// The document a target points to, or `nil` (see the type's matching rules).
    private func resolve(_ target: UnsafeRawBufferPointer, ids: ByteStringTable) -> UInt32? {
        if let id = urls.find(target) { return urlDocuments[id] }
        let path = Self.urlPath(target) ?? Array(target)
        var start = 0
        return path.withUnsafeBytes { path in
            while start < path.count {
                if let document = ids.find(UnsafeRawBufferPointer(rebasing: path[start...])) {
                    return UInt32(document)
                }
                guard let slash = path[start...].firstIndex(of: UInt8(ascii: "/")) else { return nil }
                start = slash + 1
            }
            return nil
        }
    }

    /// The path of an `http`/`https` URL, percent-decoded, without its leading "/", query and
    /// fragment; `nil` when `target` is not such a URL.
    private static func urlPath(_ target: UnsafeRawBufferPointer) -> [UInt8]? {
        guard let url = URLComponents(string: String(decoding: target, as: UTF8.self)),
            ["http", "https"].contains(url.scheme?.lowercased())
        else { return nil }
        return Array(url.path.drop { $0 == "/" }.utf8)
    }
}
