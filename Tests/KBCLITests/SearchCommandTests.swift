import Foundation
import KBTestSupport
import Testing

/// `kb search`: one query as text or JSON, or a batch of queries as a run.
@Suite struct SearchCommandTests {
    /// One result of the text output: `N. Title  [id]  score`, then an indented snippet line.
    struct TextHit: Equatable {
        var rank: Int
        var title: String
        var id: String
        var score: Double
    }

    /// The results of `kb search`'s text output.
    static func textHits(_ output: KBOutput) throws -> [TextHit] {
        var hits: [TextHit] = []
        var lines = output.lines[...]
        while let line = lines.popFirst() {
            let match = try #require(
                line.wholeMatch(of: /([0-9]+)\. (.+)  \[(\S+)\]  ([0-9]+\.[0-9]{3})/), "not a result line: \(line)")
            hits.append(
                TextHit(rank: Int(match.1)!, title: String(match.2), id: String(match.3), score: Double(match.4)!))
            let next = lines.popFirst()
            let snippet = try #require(next, "no snippet line after \(line)")
            #expect(snippet.hasPrefix("   ") && snippet.count > 3, "not a snippet line: \(snippet)")
        }
        return hits
    }

    /// The JSON output's top-level object.
    static func jsonObject(_ output: KBOutput) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any], "\(output)")
    }

    /// The JSON output's hits.
    static func jsonHits(_ output: KBOutput) throws -> [[String: Any]] {
        try #require(try jsonObject(output)["hits"] as? [[String: Any]], "\(output)")
    }

    // MARK: - One query

    @Test func findsTheArticleThatAnswersTheQueryFirst() throws {
        let output = try kb("search", "esqueci minha senha", "--index", ArticlesIndex.path(), "--limit", "3")
        #expect(output.status == 0, "\(output)")
        #expect(output.stderr == "")
        let hits = try Self.textHits(output)
        #expect(hits.map(\.rank) == [1, 2, 3])
        #expect(hits.first?.id == "conta/redefinir-senha.html")
        #expect(hits.first?.title == "Como redefinir a senha esquecida")
        #expect(hits.map(\.score) == hits.map(\.score).sorted(by: >))
    }

    @Test func aQueryWithoutMatchesPrintsNoResults() throws {
        let output = try kb("search", "xyzzyq", "--index", ArticlesIndex.path())
        #expect(output.status == 0, "\(output)")
        #expect(output.stdout == "no results\n")
    }

    @Test func jsonHasTheServersShape() throws {
        let output = try kb("search", "esqueci minha senha", "--index", ArticlesIndex.path(), "--limit", "3", "--json")
        #expect(output.status == 0, "\(output)")
        #expect(output.lines.count == 1, "one line of JSON")

        let object = try Self.jsonObject(output)
        let keys = Set(object.keys)
        #expect(keys.isSuperset(of: ["query", "total", "took_ms", "hits"]))
        #expect(keys.isSubset(of: ["query", "total", "took_ms", "hits", "did_you_mean", "facets"]), "\(keys)")
        #expect(object["query"] as? String == "esqueci minha senha")
        #expect((object["took_ms"] as? Double ?? -1) >= 0)

        let hits = try Self.jsonHits(output)
        #expect(hits.count == 3)
        #expect((object["total"] as? Int ?? 0) >= hits.count)
        let hitKeys: Set<String> = ["id", "title", "url", "category", "product", "summary", "snippet", "score"]
        for hit in hits {
            #expect(Set(hit.keys).isSubset(of: hitKeys), "\(hit.keys)")
            // url, category and product are absent when the article has none; the sample has no url.
            #expect(Set(hit.keys).isSuperset(of: hitKeys.subtracting(["url"])), "\(hit.keys)")
        }
        let first = try #require(hits.first)
        #expect(first["id"] as? String == "conta/redefinir-senha.html")
        #expect(first["title"] as? String == "Como redefinir a senha esquecida")
        #expect(first["category"] as? String == "Conta e acesso")
        #expect(first["product"] as? String == "Portal do Cliente")
        #expect((first["snippet"] as? String)?.contains("<mark>") == true)

        // The same ranking as the text output.
        let text = try kb("search", "esqueci minha senha", "--index", ArticlesIndex.path(), "--limit", "3")
        #expect(try Self.textHits(text).map(\.id) == hits.map { $0["id"] as? String ?? "" })
    }

    @Test func jsonHitsCarryTheArticlesUrl() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let export = try folder.write(
            """
            {"id": "faq/senha", "title": "Trocar a senha", "body": "<p>Abra Conta e escolha Trocar senha.</p>", \
            "url": "https://ajuda.example/faq/senha", "category": "Conta", "product": "App"}

            """, to: "export.jsonl")
        let index = folder.path("kb.idx")
        #expect(try kb("index", export, "--index", index).status == 0)

        let output = try kb("search", "senha", "--index", index, "--json")
        #expect(output.status == 0, "\(output)")
        let hit = try #require(try Self.jsonHits(output).first)
        #expect(
            Set(hit.keys) == ["id", "title", "url", "category", "product", "summary", "snippet", "score"])
        #expect(hit["url"] as? String == "https://ajuda.example/faq/senha")
    }

    @Test func categoryKeepsOnlyThatCategory() throws {
        let index = try ArticlesIndex.path()
        let all = try Self.jsonHits(kb("search", "senha", "--index", index, "--limit", "100", "--json"))
        let filtered = try Self.jsonHits(
            kb("search", "senha", "--index", index, "--limit", "100", "--json", "--category", "Conta e acesso"))
        #expect(!filtered.isEmpty)
        #expect(filtered.allSatisfy { $0["category"] as? String == "Conta e acesso" })
        #expect(filtered.count < all.count)
        #expect(filtered.count == all.filter { $0["category"] as? String == "Conta e acesso" }.count)

        let none = try kb("search", "senha", "--index", index, "--category", "Não existe")
        #expect(none.stdout == "no results\n", "\(none)")
    }

    @Test func productKeepsOnlyThatProduct() throws {
        let output = try kb(
            "search", "senha", "--index", ArticlesIndex.path(), "--limit", "100", "--json", "--product", "Integra")
        #expect(output.status == 0, "\(output)")
        let hits = try Self.jsonHits(output)
        #expect(!hits.isEmpty)
        #expect(hits.allSatisfy { $0["product"] as? String == "Integra" })
    }

    @Test func tagsKeepOnlyArticlesWithEveryTag() throws {
        let index = try ArticlesIndex.path()
        let one = try kb("search", "senha", "--index", index, "--tag", "esqueci minha senha")
        #expect(one.status == 0, "\(one)")
        #expect(try Self.textHits(one).map(\.id) == ["conta/redefinir-senha.html"])

        let both = try kb("search", "senha", "--index", index, "--limit", "100", "--tag", "senha", "--tag", "login")
        #expect(both.status == 0, "\(both)")
        let tagged = try SampleArticleTags.load()
        let ids = try Self.textHits(both).map(\.id)
        #expect(!ids.isEmpty)
        for id in ids {
            #expect(tagged[id]?.isSuperset(of: ["senha", "login"]) == true, "\(id) has tags \(tagged[id] ?? [])")
        }
    }

    @Test func offsetSkipsTheFirstResults() throws {
        let index = try ArticlesIndex.path()
        let first = try Self.textHits(kb("search", "senha", "--index", index, "--limit", "4"))
        let shifted = try Self.textHits(kb("search", "senha", "--index", index, "--limit", "3", "--offset", "1"))
        #expect(first.count == 4)
        #expect(shifted.map(\.id) == first.dropFirst().map(\.id))
        #expect(shifted.map(\.rank) == [1, 2, 3], "ranks are printed from 1 on the page")
    }

    @Test func theLastWordIsAPrefixUnlessNoPrefixIsGiven() throws {
        let index = try ArticlesIndex.path()
        let prefix = try kb("search", "prox", "--index", index)
        #expect(try Self.textHits(prefix).first?.id == "integra/vpn-e-proxy.html", "\(prefix)")

        let whole = try kb("search", "prox", "--index", index, "--no-prefix")
        #expect(whole.status == 0, "\(whole)")
        #expect(whole.stdout == "no results\n")
    }

    @Test func aMissingIndexExitsWith1() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let output = try kb("search", "senha", "--index", folder.path("missing.idx"))
        #expect(output.status == 1, "\(output)")
        #expect(output.stdout == "")
        #expect(output.stderr.hasPrefix("kb: "), "\(output)")
    }

    // MARK: - Batch mode

    static let queries = "q1\tesqueci minha senha\nq2\tanexar arquivo grande\nq3\txyzzyq\nq4\tIntegra lento\n"

    @Test func batchModePrintsTRECLinesWithRanksFromOne() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let queries = try folder.write(Self.queries, to: "queries.tsv")
        let timings = folder.path("timings.tsv")
        let index = try ArticlesIndex.path()

        let output = try kb(
            "search", "--queries", queries, "--format", "trec", "--timings", timings, "--index", index, "--limit", "5")
        #expect(output.status == 0, "\(output)")
        var byQuery: [String: [(id: String, rank: Int, score: Double)]] = [:]
        var order: [String] = []
        for line in output.lines {
            let fields = line.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            try #require(fields.count == 6, "not a TREC line: \(line)")
            #expect(fields[1] == "Q0")
            #expect(fields[5] == "kb")
            let rank = try #require(Int(fields[3]), "\(line)")
            let score = try #require(Double(fields[4]), "\(line)")
            if byQuery[fields[0]] == nil { order.append(fields[0]) }
            byQuery[fields[0], default: []].append((fields[2], rank, score))
        }
        #expect(order == ["q1", "q2", "q4"], "queries in file order; q3 finds nothing")
        for (query, hits) in byQuery {
            #expect(hits.map(\.rank) == Array(1...hits.count), "\(query)")
            #expect(hits.count <= 5)
            #expect(hits.map(\.score) == hits.map(\.score).sorted(by: >), "\(query)")
        }
        #expect(byQuery["q1"]?.first?.id == "conta/redefinir-senha.html")

        // The same documents, in the same order, as the query on its own.
        let single = try Self.textHits(kb("search", "esqueci minha senha", "--index", index, "--limit", "5"))
        #expect(byQuery["q1"]?.map(\.id) == single.map(\.id))

        let timingLines = KBOutput.lines(of: try String(contentsOfFile: timings, encoding: .utf8))
        #expect(timingLines.count == 5)
        #expect(timingLines.map { $0.prefix { $0 != "\t" } } == ["#open", "q1", "q2", "q3", "q4"])
        for line in timingLines {
            #expect(line.wholeMatch(of: /(#open|q[0-9])\t[0-9]+\.[0-9]/) != nil, "\(line)")
        }
    }

    @Test func batchModeWritesTSVAndTheRunTag() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let queries = try folder.write(Self.queries, to: "queries.tsv")
        let index = try ArticlesIndex.path()

        let trec = try kb("search", "--queries", queries, "--index", index, "--limit", "2", "--run-tag", "teste")
        #expect(trec.status == 0, "\(trec)")
        #expect(!trec.lines.isEmpty)
        #expect(trec.lines.allSatisfy { $0.hasSuffix(" teste") })

        let tsv = try kb("search", "--queries", queries, "--index", index, "--limit", "2", "--format", "tsv")
        #expect(tsv.status == 0, "\(tsv)")
        // qid<TAB>rank<TAB>docid<TAB>score, the same run.
        let fromTSV = tsv.lines.map { $0.split(separator: "\t").map(String.init) }
        let fromTREC = trec.lines.map { $0.split(separator: " ").map(String.init) }
        #expect(fromTSV.allSatisfy { $0.count == 4 })
        #expect(fromTSV.map { [$0[0], $0[1], $0[2], $0[3]] } == fromTREC.map { [$0[0], $0[3], $0[2], $0[4]] })
    }

    @Test func aMissingQueryFileExitsWith1() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let missing = folder.path("missing.tsv")
        let output = try kb("search", "--queries", missing, "--index", ArticlesIndex.path())
        #expect(output.status == 1, "\(output)")
        #expect(output.stderr.contains(missing), "\(output)")
    }

    // MARK: - Usage errors

    struct UsageErrorCase: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var message: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    @Test(arguments: [
        UsageErrorCase(
            arguments: ["esqueci minha senha", "--queries", "queries.tsv"],
            message: "Give either a QUERY or --queries FILE."),
        UsageErrorCase(arguments: [], message: "Give either a QUERY or --queries FILE."),
        UsageErrorCase(arguments: ["senha", "--limit", "0"], message: "--limit must be between 1 and 100."),
        UsageErrorCase(arguments: ["senha", "--limit", "101"], message: "--limit must be between 1 and 100."),
        UsageErrorCase(arguments: ["senha", "--offset", "1001"], message: "--offset must be between 0 and 1000."),
        UsageErrorCase(arguments: ["--queries", "q.tsv", "--format", "csv"], message: "The value 'csv' is invalid"),
    ])
    func invalidArgumentsAreUsageErrors(_ invalid: UsageErrorCase) throws {
        let output = try kb(["search", "--index", ArticlesIndex.path()] + invalid.arguments)
        #expect(output.status == KBProcess.usageError, "\(output)")
        #expect(output.stdout == "")
        #expect(output.stderr.contains("Error: \(invalid.message)"), "\(output.stderr)")
        #expect(output.stderr.contains("Usage: kb search"), "\(output.stderr)")
    }
}

/// The tags of every sample article, read straight from the HTML (`<meta name="kb:tags">`), as an
/// oracle independent of kb's parser.
enum SampleArticleTags {
    static func load() throws -> [String: Set<String>] {
        var tags: [String: Set<String>] = [:]
        let root = Fixtures.articles
        let files = try #require(FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil))
        for case let file as URL in files where file.pathExtension == "html" {
            let html = try String(contentsOf: file, encoding: .utf8)
            guard let match = html.firstMatch(of: /<meta name="kb:tags" content="([^"]*)">/) else { continue }
            let id = String(file.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
            tags[id] = Set(match.1.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        }
        return tags
    }
}
