import Foundation
import KBIndex
import KBTestSupport
import Testing

@testable import KBSearch

@Suite struct TopDocumentsCollectorTests {
    /// Block-max MaxScore must find exactly the top k of exhaustive scoring.
    @Test func prunedSearchEqualsExhaustiveSearchOnRandomCollections() throws {
        for seed: UInt64 in [1, 2] {
            var generator = SeededGenerator(seed: seed)
            let articles = TestIndex.randomArticles(count: 800, using: &generator)
            let (reader, folder) = try TestIndex.make(articles)
            defer { try? FileManager.default.removeItem(at: folder) }
            let searcher = Searcher(reader: reader)
            for _ in 0..<25 {
                let words = (0..<Int.random(in: 1...6, using: &generator)).map { _ in
                    articles.randomElement(using: &generator)!.body.split(separator: " ").randomElement(
                        using: &generator)!
                }
                let request = SearchRequest(words.joined(separator: " ") + " ", prefixLastWord: false)
                for capacity in [1, 10, 50] {
                    let pruned = try searcher.topDocuments(request, capacity: capacity, pruned: true)
                    let exhaustive = try searcher.topDocuments(request, capacity: capacity, pruned: false)
                    #expect(pruned == exhaustive, "seed \(seed), query \(request.text), k \(capacity)")
                }
            }
        }
    }

    @Test func filtersAndExclusionsApplyToPrunedSearch() throws {
        var generator = SeededGenerator(seed: 7)
        let articles = TestIndex.randomArticles(count: 600, using: &generator)
        let (reader, folder) = try TestIndex.make(articles)
        defer { try? FileManager.default.removeItem(at: folder) }
        let searcher = Searcher(reader: reader)
        let common = articles[0].body.split(separator: " ").prefix(3).joined(separator: " ")
        let filtered = SearchRequest(common + " ", category: "Conta", prefixLastWord: false)
        let pruned = try searcher.topDocuments(filtered, capacity: 20, pruned: true)
        let exhaustive = try searcher.topDocuments(filtered, capacity: 20, pruned: false)
        #expect(pruned == exhaustive)
        for hit in pruned {
            #expect(try reader.storedDocument(hit.document).category == "Conta")
        }
    }
}
