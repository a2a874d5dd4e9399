import Foundation
import KBTestSupport
import Testing

@testable import KBIndex

@Suite struct TermDictionaryWriterTests {
    @Test func blocksOf32WithPrefixCompression() throws {
        let directory = try Fixtures.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("terms").path
        let output = try BufferedFileOutput(creating: path)
        let dictionary = TermDictionaryWriter(output: output)
        let terms = (0..<33).map { String(format: "conta%02d", $0) }
        for (index, term) in terms.enumerated() {
            try dictionary.add(
                term: Array(term.utf8), documentFrequency: index + 1, postingsOffset: 1_000 * index,
                positionsOffset: 7 * index)
        }
        try dictionary.finish()
        try output.close()
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(dictionary.termCount == 33)
        #expect(dictionary.blockOffsets.count == 2)
        #expect(dictionary.blockOffsets[0] == 0)
        // Block 0: count 32; entry 0 whole ("conta00", df 1, offsets 0, 0); entry 1 shares 6 bytes.
        #expect(Array(bytes[0..<13]) == [32, 0, 7] + Array("conta00".utf8) + [1, 0, 0])
        #expect(Array(bytes[13..<20]) == [6, 1, UInt8(ascii: "1"), 2, 0xE8, 0x07, 7])
        // Block 1 restarts with a whole term.
        let second = Int(dictionary.blockOffsets[1])
        #expect(Array(bytes[second..<(second + 10)]) == [1, 0, 7] + Array("conta32".utf8))
        #expect(
            dictionary.termIndex()
                == [2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] + withUnsafeBytes(of: UInt32(second).littleEndian) { Array($0) }
        )
    }
}
