import Foundation
import KBTestSupport
import Testing

@testable import KBIndex

@Suite struct SpillRunTests {
    private func accumulator(documents: Range<UInt32>, terms: [String]) -> PostingsAccumulator {
        var accumulator = PostingsAccumulator()
        for document in documents {
            let chosen = terms.enumerated().filter { (Int(document) + $0.offset) % 2 == 0 }.map(\.element)
            _ = accumulator.add(
                document: document,
                fields: [
                    AnalyzedArticle.Field(terms: chosen, positions: chosen.indices.map(UInt32.init)),
                    AnalyzedArticle.Field(terms: [], positions: []),
                    AnalyzedArticle.Field(terms: ["todos"], positions: [UInt32(document)]),
                    AnalyzedArticle.Field(terms: [], positions: []),
                ])
        }
        return accumulator
    }

    private func documents(in payload: [UInt8]) throws -> [UInt32] {
        try payload.withUnsafeBytes { bytes in
            var decoder = PostingRecordDecoder(bytes, source: "test")
            var documents: [UInt32] = []
            while !decoder.isAtEnd {
                try decoder.next()
                documents.append(decoder.document)
            }
            return documents
        }
    }

    @Test func runRoundTripsInByteOrder() throws {
        let directory = try Fixtures.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("run").path
        let source = accumulator(documents: 0..<5, terms: ["zeta", "alfa", "ção", "beta"])
        try SpillRunWriter.write(source, to: path)
        var reader = try SpillRunReader(path: path)
        var terms: [String] = []
        while !reader.isExhausted {
            terms.append(String(decoding: reader.term, as: UTF8.self))
            let id = try #require(reader.term.withUnsafeBytes { source.terms.find($0) })
            #expect(reader.payload == source.records(of: id))
            #expect(reader.documentCount == source.documentFrequency(of: id))
            #expect(reader.lastDocument == source.lastDocument(of: id))
            try reader.advance()
        }
        #expect(terms == ["alfa", "beta", "todos", "zeta", "ção"])
    }

    @Test func mergingConsecutiveRunsRewritesTheFirstDeltas() throws {
        let directory = try Fixtures.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let workspace = try TemporaryWorkspace(in: directory.path)
        var runs = SpillRunSet(workspace: workspace)
        let terms = ["a", "b", "c"]
        var whole = PostingsAccumulator()
        for range in [0..<3, 3..<4, 4..<9, 9..<10, 10..<20] as [Range<UInt32>] {
            try runs.spill(accumulator(documents: range, terms: terms))
        }
        whole = accumulator(documents: 0..<20, terms: terms)
        try runs.reduce(toAtMost: 2)
        #expect(runs.count == 2)
        var merge = RunMerge(cursors: try runs.openReaders())
        var seen: [String] = []
        while try merge.next() {
            seen.append(String(decoding: merge.term, as: UTF8.self))
            var documents: [UInt32] = []
            for member in merge.members {
                documents += try self.documents(in: merge.cursors[member].payload)
            }
            let id = try #require(merge.term.withUnsafeBytes { whole.terms.find($0) })
            #expect(documents == (try self.documents(in: whole.records(of: id))))
        }
        #expect(seen == ["a", "b", "c", "todos"])
        // The merged inputs are gone: only the two remaining runs are in the workspace.
        #expect(try FileManager.default.contentsOfDirectory(atPath: workspace.path).count == 2)
        workspace.remove()
    }

    @Test func damagedRunsAreReported() throws {
        let directory = try Fixtures.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("run").path
        try SpillRunWriter.write(accumulator(documents: 0..<4, terms: ["a", "b"]), to: path)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        // Cut short.
        try bytes.prefix(bytes.count - 3).write(to: URL(fileURLWithPath: path))
        #expect(throws: IndexWriterError.self) {
            var reader = try SpillRunReader(path: path)
            while !reader.isExhausted { try reader.advance() }
        }
        // Not a run.
        try Data("not a run file".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: IndexWriterError.self) { try SpillRunReader(path: path) }
    }
}
