import Foundation
import KBIndex
import KBTestSupport
import Testing

@testable import KBSearch

/// The index's `TermDictionary` as a ``SortedTermSource``: the same terms, frequencies and
/// typo matches as an in-memory sorted array.
@Suite struct TermDictionarySortedTermSourceTests {
    /// An index whose body fields hold `documents`' words, and the same terms in memory.
    static func build(_ documents: [[String]], in directory: URL) throws -> (IndexReader, SortedTermArray) {
        let writer = try IndexWriter(options: IndexWriterOptions(temporaryDirectory: directory))
        var frequencies: [String: Int] = [:]
        for (index, words) in documents.enumerated() {
            for word in Set(words) { frequencies[word, default: 0] += 1 }
            let document = StoredDocument(
                id: "d\(index)", title: "", url: "", category: "", product: "", tags: [], summary: "", updated: "",
                headings: [], body: "")
            let empty = AnalyzedArticle.Field(terms: [], positions: [])
            let body = AnalyzedArticle.Field(terms: words, positions: (0..<words.count).map { UInt32($0) })
            try writer.add(AnalyzedArticle(document: document, fields: [empty, empty, body, empty]))
        }
        let url = directory.appendingPathComponent("kb.idx")
        _ = try writer.write(to: url)
        return (try IndexReader.open(path: url.path), SortedTermArray(frequencies.keys) { frequencies[$0]! })
    }

    @Test(arguments: [11, 12] as [UInt64])
    func matchesEqualThoseOfASortedArray(seed: UInt64) throws {
        let directory = try Fixtures.makeTemporaryDirectory("kb-typo")
        defer { try? FileManager.default.removeItem(at: directory) }
        var generator = SeededGenerator(seed: seed)
        // Enough terms for many blocks of 32.
        let documents = (0..<8).map { _ in
            (0..<400).map { _ in TypoMatcherPropertyTests.randomWord(&generator, lengths: 1...7) }
        }
        let (reader, array) = try Self.build(documents, in: directory)

        var enumerated: [[UInt8]] = []
        var frequencies: [Int] = []
        try reader.terms.forEachTerm(fromBytes: []) { (term: [UInt8], documentFrequency: Int) throws -> Bool in
            enumerated.append(term)
            frequencies.append(documentFrequency)
            return true
        }
        #expect(enumerated == array.terms, "seed \(seed)")
        #expect(frequencies == array.documentFrequencies, "seed \(seed)")

        let matcher = TypoMatcher(maximumExpansions: 20)
        for query in 0..<60 {
            let word = TypoMatcherPropertyTests.mutate(
                documents[query % documents.count][query], edits: query % 3, &generator)
            let maximumDistance = query % 4
            let found = try matcher.matches(for: word, maximumDistance: maximumDistance, in: reader.terms)
            let expected = try matcher.matches(for: word, maximumDistance: maximumDistance, in: array)
            #expect(found == expected, "seed \(seed): \(word) within \(maximumDistance)")
        }
    }

    @Test func seeksFromAnyBytes() throws {
        let directory = try Fixtures.makeTemporaryDirectory("kb-typo")
        defer { try? FileManager.default.removeItem(at: directory) }
        let (reader, _) = try Self.build([["ação", "acao", "açúcar", "b", "ç", "ÿ", "ā", "😀"]], in: directory)
        func first(from start: [UInt8]) throws -> String? {
            var found: String?
            try reader.terms.forEachTerm(fromBytes: start) { (term: [UInt8], _: Int) throws -> Bool in
                found = String(decoding: term, as: UTF8.self)
                return false
            }
            return found
        }
        #expect(try first(from: []) == "acao")
        #expect(try first(from: Array("ac".utf8)) == "acao")
        // Past the prefix `a`: the next term starting with `b`.
        #expect(try first(from: ByteStringOrder.successor(ofPrefix: Array("a".utf8))!) == "b")
        // `ç` is C3 A7: past the prefix `aç` (61 C3 A7) comes 61 C3 A8, before `b`.
        #expect(try first(from: [0x61, 0xC3, 0xA8]) == "b")
        #expect(try first(from: Array("aç".utf8)) == "ação")
        // Past `ÿ` (C3 BF) comes C3 C0, not UTF-8: the next term is `ā` (C4 81).
        #expect(try first(from: [0xC3, 0xC0]) == "ā")
        #expect(try first(from: [0xF0, 0x9F, 0x98, 0x81]) == nil)
        #expect(try first(from: [0xFF]) == nil)
    }

    @Test func errorsFromTheBodyPropagate() throws {
        struct Stop: Error {}
        let directory = try Fixtures.makeTemporaryDirectory("kb-typo")
        defer { try? FileManager.default.removeItem(at: directory) }
        let (reader, _) = try Self.build([["senha", "conta"]], in: directory)
        var seen = 0
        #expect(throws: Stop.self) {
            try reader.terms.forEachTerm(fromBytes: []) { (_: [UInt8], _: Int) throws -> Bool in
                seen += 1
                throw Stop()
            }
        }
        #expect(seen == 1)
    }
}
