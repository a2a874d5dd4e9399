internal import Foundation
public import KBIndex

/// The synthetic corpus: HTML articles assembled, with a fixed seed, from the titles,
/// headings and body lines of the sample articles, so that it reads like the sample (the
/// same pt-BR help-desk vocabulary, which the `portal` queries hit) at a larger size, and is
/// byte-identical on every machine.
///
/// Each article has a title (sometimes joined with a heading), two to six sections of a
/// heading and three to twelve paragraphs (a quarter of them set as a list), and a
/// category, product and tags taken from the sample's.
public enum SyntheticCorpus {
    /// The number of articles generated.
    public static let articleCount = 2_500
    /// The generator's seed.
    public static let seed: UInt64 = 0x6B62_2D6D_6963_726F

    /// The synthetic corpus's files, made from the parsed `sample` articles.
    public static func files(from sample: [Article]) -> [CorpusFile] {
        let pools = Pools(sample)
        var generator = SplitMix64(seed: seed)
        return (0..<articleCount).map { number in
            let path = String(format: "s%02d/artigo-%05d.html", number / 100, number)
            return CorpusFile(path: path, bytes: Array(page(pools: pools, using: &generator).utf8))
        }
    }

    /// The sample's text, split into the pieces an article is assembled from.
    private struct Pools {
        var titles: [String]
        var headings: [String]
        var lines: [String]
        var categories: [String]
        var products: [String]
        var tags: [String]

        init(_ sample: [Article]) {
            titles = sample.map(\.title)
            headings = sample.flatMap(\.headings)
            let headingSet = Set(headings)
            lines = sample.flatMap { $0.body.split(separator: "\n").map(String.init) }
                .filter { !$0.isEmpty && !headingSet.contains($0) }
            categories = Array(Set(sample.compactMap(\.category))).sorted()
            products = Array(Set(sample.compactMap(\.product))).sorted()
            tags = Array(Set(sample.flatMap(\.tags))).sorted()
            precondition(
                !titles.isEmpty && !headings.isEmpty && !lines.isEmpty && !categories.isEmpty && !products.isEmpty
                    && !tags.isEmpty,
                "the sample articles give every kind of text the synthetic corpus is made of")
        }
    }

    /// One HTML page.
    private static func page(pools: Pools, using generator: inout SplitMix64) -> String {
        func pick(_ pool: [String]) -> String { pool[generator.index(below: pool.count)] }
        var title = pick(pools.titles)
        if generator.oneIn(2) { title += " — " + pick(pools.headings) }
        let tags = (0..<generator.integer(in: 1...3)).map { _ in pick(pools.tags) }
        var html = """
            <!DOCTYPE html>
            <html lang="pt-BR">
            <head>
            <meta charset="utf-8">
            <title>\(escaped(title))</title>
            <meta name="kb:category" content="\(escaped(pick(pools.categories)))">
            <meta name="kb:product" content="\(escaped(pick(pools.products)))">
            <meta name="kb:tags" content="\(escaped(tags.joined(separator: ", ")))">
            </head>
            <body>
            <header><nav><a href="/">Portal do Cliente</a></nav></header>
            <main>
            <h1>\(escaped(title))</h1>

            """
        for _ in 0..<generator.integer(in: 2...6) {
            html += "<h2>\(escaped(pick(pools.headings)))</h2>\n"
            let lines = (0..<generator.integer(in: 3...12)).map { _ in escaped(pick(pools.lines)) }
            if generator.oneIn(4) {
                html += "<ul>\n" + lines.map { "<li>\($0)</li>\n" }.joined() + "</ul>\n"
            } else {
                html += lines.map { "<p>\($0)</p>\n" }.joined()
            }
        }
        html += "</main>\n<footer>© Vértice Sistemas</footer>\n</body>\n</html>\n"
        return html
    }

    /// `text` with `&`, `<`, `>` and `"` escaped for HTML text and attribute values.
    private static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}
