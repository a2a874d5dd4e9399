import Foundation
import KBTestSupport
import Testing

@testable import KBIndex

@Suite struct IndexWriterTests {
    @Test func sameArticlesGiveIdenticalBytes() throws {
        let directory = try Fixtures.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let articles = IndexTestSupport.analyzed(IndexTestSupport.articles(count: 150, seed: 7))
        let first = try IndexTestSupport.build(articles, in: directory, name: "a.idx")
        let second = try IndexTestSupport.build(articles, in: directory, name: "b.idx")
        #expect(first.bytes == second.bytes)
        #expect(first.summary == second.summary)
    }

    /// Stored fields are compressed by several threads in batches; more documents than one
    /// batch (512 per thread) show that the batches are written in order.
    @Test(arguments: [2, 3])
    func outputDoesNotDependOnTheThreads(threads: Int) throws {
        let directory = try Fixtures.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let articles = IndexTestSupport.analyzed(IndexTestSupport.articles(count: 1_300, seed: 8))
        let single = try IndexTestSupport.build(articles, in: directory, name: "a.idx")
        let parallel = try IndexTestSupport.build(articles, in: directory, name: "b.idx", threads: threads)
        #expect(single.bytes == parallel.bytes)
        let index = try DecodedIndex(bytes: parallel.bytes)
        #expect(index.stored.map(\.id) == articles.map(\.document.id))
        #expect(index.compressedDocumentCount > 1_000)
    }

    @Test(arguments: [(1, 64), (1, 2), (1, 5), (4_000, 64), (40_000, 3)])
    func outputDoesNotDependOnTheMemoryBudget(budget: Int, fanIn: Int) throws {
        let directory = try Fixtures.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let articles = IndexTestSupport.analyzed(IndexTestSupport.articles(count: 300, seed: 11))
        let reference = try IndexTestSupport.build(articles, in: directory, name: "reference.idx")
        #expect(reference.summary.spillRunCount == 0)
        let spilled = try IndexTestSupport.build(
            articles, in: directory, name: "spilled.idx", memoryBudget: budget, mergeFanIn: fanIn)
        #expect(spilled.summary.spillRunCount > 1)
        if budget == 1 { #expect(spilled.summary.spillRunCount == 300) }
        #expect(spilled.bytes == reference.bytes)
        // Only the two index files are left: no workspace, no runs.
        #expect(try IndexTestSupport.contents(of: directory) == ["reference.idx", "spilled.idx"])
    }

    @Test func indexHoldsExactlyWhatTheArticlesSay() throws {
        let directory = try Fixtures.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let seed: UInt64 = 2_026
        let articles = IndexTestSupport.articles(count: 400, seed: seed)
        let analyzed = IndexTestSupport.analyzed(articles)
        let (bytes, summary) = try IndexTestSupport.build(analyzed, in: directory, memoryBudget: 30_000)
        let index = try DecodedIndex(bytes: bytes)
        let expected = ExpectedIndex(analyzed)

        // META.
        #expect(index.metadata.documentCount == 400, "seed \(seed)")
        #expect(index.metadata.termCount == expected.postings.count)
        #expect(index.metadata.fields.map(\.totalLength) == expected.totalLengths)
        #expect(index.metadata.fields.map(\.name) == ["title", "headings", "body", "anchors"])
        #expect(index.metadata.analyzer == IndexMetadata.AnalyzerSettings(.default))
        // Postings, positions and impacts.
        #expect(index.terms.map(\.term) == expected.postings.keys.sorted { $0.lexicographicallyPrecedes($1) })
        #expect(index.postings == expected.postings)
        #expect(index.terms.contains { $0.documentFrequency > 256 }, "some lists span several blocks")
        for term in index.terms {
            let postings = index.postings[term.term]!
            #expect(term.documentFrequency == postings.count)
            for (block, skip) in index.skips[term.term]!.enumerated() {
                let documents = postings[(block * 128)..<min(postings.count, block * 128 + 128)]
                let maximum = documents.map {
                    expected.pseudoFrequency($0, fields: IndexTestSupport.handComputedFields, documentCount: 400)
                }.max()!
                #expect(Double(skip.maxImpact) >= maximum)
                #expect(Double(skip.maxImpact) <= maximum * (1 + 1e-6))
            }
        }
        #expect(index.norms == expected.norms)
        // Stored fields (a collection this size trains a codec and compresses), id order, filters.
        #expect(index.stored == articles.map(StoredDocument.init))
        #expect(index.storedCodecKind == StoredFieldsCodecKind.lzHuffman.rawValue)
        #expect(index.compressedDocumentCount > 300)
        let idOrder = articles.indices.sorted {
            Array(articles[$0].id.utf8).lexicographicallyPrecedes(articles[$1].id.utf8)
        }
        #expect(index.idOrder == idOrder.map(UInt32.init))
        func column(_ values: (Article) -> [String]) -> [[UInt8]: [UInt32]] {
            var result: [[UInt8]: [UInt32]] = [:]
            for (document, article) in articles.enumerated() {
                for value in Set(values(article).map { Array($0.utf8) }) where !value.isEmpty {
                    result[value, default: []].append(UInt32(document))
                }
            }
            return result
        }
        let expectedFilters = [
            column { [$0.category ?? ""] }, column { [$0.product ?? ""] }, column { $0.tags },
        ]
        for (decoded, expected) in zip(index.filters, expectedFilters) {
            #expect(Dictionary(uniqueKeysWithValues: decoded.map { ($0.value, $0.documents) }) == expected)
        }
        // Canonically equivalent but byte-different values stay apart.
        #expect(index.filters[0].count == 5)
        // Summary.
        #expect(summary.documentCount == 400)
        #expect(summary.termCount == expected.postings.count)
        #expect(summary.postingCount == expected.postings.values.reduce(0) { $0 + $1.count })
        #expect(summary.droppedTermOccurrences == expected.dropped)
        #expect(summary.droppedTermOccurrences > 0)
        #expect(summary.fileSize == bytes.count)
        #expect(summary.sections.map(\.tag) == SectionTag.allCases)
        #expect(summary.sections.map(\.length) == index.sections.map(\.length))
    }

    @Test func emptyIndexIsValid() throws {
        let directory = try Fixtures.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (bytes, summary) = try IndexTestSupport.build([], in: directory)
        let index = try DecodedIndex(bytes: bytes)
        #expect(index.metadata.documentCount == 0)
        #expect(index.terms.isEmpty)
        #expect(summary.termCount == 0)
        #expect(index.section(.postings).length == 0)
        #expect(index.section(.termIndex).length == 8)
        #expect(index.section(.filters).length == 3)
        #expect(index.section(.documents).length == 8)
    }

    @Test func duplicateIDThrowsAndSkipsTheDocument() throws {
        let directory = try Fixtures.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let analyzer = Analyzer()
        let writer = try IndexWriter(options: IndexWriterOptions(temporaryDirectory: directory))
        try writer.add(AnalyzedArticle(Article(id: "a", title: "Senha", body: "redefinir senha"), analyzer: analyzer))
        #expect(throws: IndexWriterError.duplicateArticleID("a")) {
            try writer.add(AnalyzedArticle(Article(id: "a", title: "Boleto", body: "boleto"), analyzer: analyzer))
        }
        // Byte-different ids are different ids, even when canonically equivalent.
        try writer.add(AnalyzedArticle(Article(id: "\u{E9}", title: "x", body: "y"), analyzer: analyzer))
        try writer.add(AnalyzedArticle(Article(id: "e\u{301}", title: "x", body: "y"), analyzer: analyzer))
        #expect(writer.documentCount == 3)
        let url = directory.appendingPathComponent("kb.idx")
        let summary = try writer.write(to: url)
        #expect(summary.documentCount == 3)
        let index = try DecodedIndex(contentsOf: url)
        #expect(index.stored.map(\.title) == ["Senha", "x", "x"])
        #expect(index.postings[Array("bolet".utf8)] == nil && index.postings[Array("boleto".utf8)] == nil)
        #expect(index.idOrder == [0, 2, 1])  // "a" < "e\u{301}" < "\u{E9}" in bytes
        #expect(IndexWriterError.duplicateArticleID("a").description.contains("\"a\""))
    }

    @Test func temporaryFilesAreRemovedOnError() throws {
        let directory = try Fixtures.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let writer = try IndexWriter(options: IndexWriterOptions(memoryBudget: 1, temporaryDirectory: directory))
        for article in IndexTestSupport.analyzed(IndexTestSupport.articles(count: 20, seed: 3)) {
            try writer.add(article)
        }
        #expect(try IndexTestSupport.contents(of: directory).count == 1, "the workspace folder")
        let unwritable = directory.appendingPathComponent("missing-folder/kb.idx")
        #expect(throws: IndexWriterError.self) { try writer.write(to: unwritable) }
        #expect(try IndexTestSupport.contents(of: directory).isEmpty)
    }

    @Test func releasingAnUnwrittenWriterRemovesItsFiles() throws {
        let directory = try Fixtures.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        do {
            let writer = try IndexWriter(options: IndexWriterOptions(memoryBudget: 1, temporaryDirectory: directory))
            for article in IndexTestSupport.analyzed(IndexTestSupport.articles(count: 5, seed: 3)) {
                try writer.add(article)
            }
            #expect(try IndexTestSupport.contents(of: directory).count == 1)
        }
        #expect(try IndexTestSupport.contents(of: directory).isEmpty)
    }

    @Test func staleWorkspacesOfDeadProcessesAreRemoved() throws {
        let directory = try Fixtures.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // A process id that cannot be running (above the Linux maximum, 2^22).
        let stale = directory.appendingPathComponent("kb-index-build-99999999-abc.tmp")
        try FileManager.default.createDirectory(at: stale, withIntermediateDirectories: false)
        try Data([1, 2, 3]).write(to: stale.appendingPathComponent("run-1.kbrun"))
        let unrelated = directory.appendingPathComponent("kb-index-build-notes.txt")
        try Data().write(to: unrelated)
        let writer = try IndexWriter(options: IndexWriterOptions(temporaryDirectory: directory))
        let contents = try IndexTestSupport.contents(of: directory)
        #expect(!contents.contains(stale.lastPathComponent))
        #expect(contents.contains(unrelated.lastPathComponent))
        #expect(contents.count == 2)  // the unrelated file and the live workspace
        _ = writer
    }

    @Test func invalidOptionsAreRefused() {
        var fields = FieldSettings.defaults
        fields[2].lengthNormalization = 1.5
        #expect(throws: IndexWriterError.self) { try IndexWriter(options: IndexWriterOptions(fields: fields)) }
        #expect(throws: IndexWriterError.self) {
            try IndexWriter(options: IndexWriterOptions(fields: Array(FieldSettings.defaults.reversed())))
        }
        #expect(throws: IndexWriterError.self) { try IndexWriter(options: IndexWriterOptions(memoryBudget: 0)) }
        #expect(throws: IndexWriterError.self) {
            try IndexWriter(
                options: IndexWriterOptions(temporaryDirectory: URL(fileURLWithPath: "/nonexistent/kb-test")))
        }
    }

    @Test func metaIsSortedCompactJSON() throws {
        let directory = try Fixtures.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let articles = IndexTestSupport.analyzed(IndexTestSupport.articles(count: 3, seed: 1))
        let index = try DecodedIndex(bytes: try IndexTestSupport.build(articles, in: directory).bytes)
        let json = index.metadataJSON
        #expect(!json.contains(": ") && !json.contains(", ") && !json.contains("\n"))
        #expect(json.hasPrefix("{\"analyzer\":{\"foldsAccents\":true,"))
        #expect(json.contains("\"formatVersion\":3"))
        #expect(json.contains("\"impactK1\":0"))
        #expect(json.contains("\"producer\":\"kb \(KBVersion.version)\""))
        let keys = ["analyzer", "documentCount", "fields", "formatVersion", "impactK1", "producer", "termCount"]
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        #expect(object.keys.sorted() == keys)
        let positions = keys.map { json.range(of: "\"\($0)\":")!.lowerBound }
        #expect(positions == positions.sorted())
    }

    @Test func errorMessagesSayWhatFailedAndWhatToDo() {
        let errors: [IndexWriterError] = [
            .duplicateArticleID("conta/senha.html"), .invalidOptions("the memory budget must be positive"),
            .fileSystem(operation: "write", path: "/data/kb.idx", reason: "No space left on device"),
            .indexTooLarge("more than 4294967295 documents"),
            .damagedTemporaryFile(path: "/tmp/run-1.kbrun", detail: "it ends early"), .writerFailed,
        ]
        for error in errors {
            #expect(error.description.hasSuffix("."))
        }
        #expect(errors[2].description.contains("/data/kb.idx") && errors[2].description.contains("No space left"))
        #expect(errors[4].description.contains("kb index"))
    }
}
