import Testing

@testable import KBIndex

@Suite struct PostingsAccumulatorTests {
    private func field(_ terms: [String], _ positions: [UInt32]) -> AnalyzedArticle.Field {
        AnalyzedArticle.Field(terms: terms, positions: positions)
    }

    private func records(of term: String, in accumulator: PostingsAccumulator) throws -> [(UInt32, [UInt32], [UInt8])] {
        let id = try #require(Array(term.utf8).withUnsafeBytes { accumulator.terms.find($0) })
        return try accumulator.withRecords(of: id) { payload in
            var decoder = PostingRecordDecoder(payload, source: "test")
            var result: [(UInt32, [UInt32], [UInt8])] = []
            while !decoder.isAtEnd {
                try decoder.next()
                let tf = decoder.frequencies
                #expect(tf[IndexField.anchors.rawValue] == 0)
                result.append((decoder.document, [tf[0], tf[1], tf[2]], Array(payload[decoder.positions])))
            }
            return result
        }
    }

    @Test func recordsHoldDeltasFrequenciesAndPositionDeltas() throws {
        var accumulator = PostingsAccumulator()
        let first = accumulator.add(
            document: 3,
            fields: [
                field(["senha", "conta"], [0, 1]), field([], []),
                field(["conta", "senha", "x", "senha"], [0, 2, 3, 200]), field([], []),
            ])
        #expect(first.lengths == [2, 0, 4, 0])
        _ = accumulator.add(
            document: 10, fields: [field(["senha"], [5]), field(["senha"], [1]), field([], []), field([], [])])
        let senha = try records(of: "senha", in: accumulator)
        #expect(senha.map(\.0) == [3, 10])
        #expect(senha.map(\.1) == [[1, 0, 2], [1, 1, 0]])
        // Doc 3: title [0], body [2, 200] → deltas 0 | 2, 198 (198 is two VarUInt bytes).
        #expect(senha[0].2 == [0, 2, 0xC6, 0x01])
        #expect(senha[1].2 == [5, 1])
        #expect(accumulator.documentFrequency(of: accumulator.terms.count - 1) == 1)
        #expect(accumulator.postingCount == 4)
        #expect(accumulator.documentCount == 2)
        // The raw record of the second document: delta 7, then tf and positions.
        let id = try #require(Array("senha".utf8).withUnsafeBytes { accumulator.terms.find($0) })
        #expect(accumulator.records(of: id) == [3, 1, 0, 2, 0, 0, 2, 0xC6, 0x01] + [7, 1, 1, 0, 0, 5, 1])
        #expect(accumulator.lastDocument(of: id) == 10)
    }

    @Test func repeatedPositionsCountOnceAndOverlongTermsAreDropped() throws {
        var accumulator = PostingsAccumulator()
        let long = String(repeating: "é", count: 128)  // 256 bytes
        let result = accumulator.add(
            document: 0,
            fields: [field(["a", "a", long, ""], [4, 4, 5, 6]), field([], []), field(["a"], [1]), field([], [])])
        #expect(result.droppedOccurrences == 2)
        #expect(result.lengths == [2, 0, 1, 0])
        let a = try records(of: "a", in: accumulator)
        #expect(a.map(\.1) == [[1, 0, 1]])
        #expect(accumulator.terms.count == 1)
        #expect(accumulator.estimatedMemory > 0)
        accumulator.reset()
        #expect(accumulator.isEmpty && accumulator.terms.count == 0)
    }
}
