import KBTestSupport
import Testing

@testable import KBIndex

@Suite struct ByteStringTableTests {
    private func intern(_ key: String, in table: inout ByteStringTable) -> (id: Int, inserted: Bool) {
        Array(key.utf8).withUnsafeBytes { table.intern($0) }
    }

    @Test func internsDenseIDsInInsertionOrderAcrossGrowth() {
        var table = ByteStringTable(initialCapacity: 1)
        for index in 0..<5_000 {
            #expect(intern("term\(index)", in: &table) == (index, true))
        }
        for index in stride(from: 0, to: 5_000, by: 7) {
            #expect(intern("term\(index)", in: &table) == (index, false))
            #expect(Array("term\(index)".utf8).withUnsafeBytes { table.find($0) } == index)
        }
        #expect(Array("absent".utf8).withUnsafeBytes { table.find($0) } == nil)
        #expect(table.count == 5_000)
        #expect(table.key(1_234) == Array("term1234".utf8))
    }

    @Test func comparesBytesNotCanonicalEquivalence() {
        var table = ByteStringTable()
        #expect(intern("\u{E9}", in: &table).inserted)
        #expect(intern("e\u{301}", in: &table).inserted)
        #expect(intern("", in: &table).inserted)
        #expect(!intern("", in: &table).inserted)
        #expect(table.count == 3)
    }

    @Test func sortsIDsInByteOrder() {
        var generator = SeededGenerator(seed: 99)
        var table = ByteStringTable()
        var keys: [[UInt8]] = []
        for _ in 0..<500 {
            let key = Array(RandomText.make(using: &generator, maximumLength: 6).utf8)
            if key.withUnsafeBytes({ table.intern($0).inserted }) { keys.append(key) }
        }
        let sorted = table.idsInByteOrder().map { table.key($0) }
        #expect(sorted == keys.sorted { $0.lexicographicallyPrecedes($1) })
    }
}
