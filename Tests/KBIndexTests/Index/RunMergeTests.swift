import Testing

@testable import KBIndex

@Suite struct RunMergeTests {
    /// A cursor over a fixed list of terms.
    struct ListCursor: SortedRunCursor {
        var terms: [[UInt8]]
        var index = 0
        var isExhausted: Bool { index >= terms.count }
        var term: [UInt8] { terms[index] }
        var documentCount: Int { 1 }
        var lastDocument: UInt32 { 0 }
        var source: String { "list" }
        func withPayload<Result>(
            _ body: (UnsafeRawBufferPointer) throws(IndexWriterError) -> Result
        ) throws(IndexWriterError) -> Result {
            try body(UnsafeRawBufferPointer(start: nil, count: 0))
        }
        mutating func advance() throws(IndexWriterError) { index += 1 }
    }

    @Test func yieldsEachTermOnceWithItsRunsInRunOrder() throws {
        let runs = [["b", "d"], [], ["a", "b", "c"], ["b", "c", "e"]].map {
            ListCursor(terms: $0.map { Array($0.utf8) })
        }
        var merge = RunMerge(cursors: runs)
        var result: [String: [Int]] = [:]
        var order: [String] = []
        while try merge.next() {
            let term = String(decoding: merge.term, as: UTF8.self)
            order.append(term)
            result[term] = merge.members
        }
        #expect(order == ["a", "b", "c", "d", "e"])
        #expect(result == ["a": [2], "b": [0, 2, 3], "c": [2, 3], "d": [0], "e": [3]])
    }

    @Test func prefixSortsBeforeLongerTermAndBytesDecide() throws {
        let runs = [["ab", "é"], ["a", "e\u{301}"]].map { ListCursor(terms: $0.map { Array($0.utf8) }) }
        var merge = RunMerge(cursors: runs)
        var order: [[UInt8]] = []
        while try merge.next() { order.append(merge.term) }
        #expect(order == [Array("a".utf8), Array("ab".utf8), Array("e\u{301}".utf8), Array("é".utf8)])
    }
}
