import Foundation
import KBTestSupport
import Testing

@testable import KBIndex

@Suite struct PostingsWriterTests {
    /// One term in `count` documents, doc ids 0, 3, 6, ...; tf in the body = doc % 5 + 1.
    private func writeTerm(documents count: Int, in directory: URL) throws -> (post: [UInt8], posn: [UInt8]) {
        let postPath = directory.appendingPathComponent("post-\(count)").path
        let posnPath = directory.appendingPathComponent("posn-\(count)").path
        let post = try BufferedFileOutput(creating: postPath)
        let posn = try BufferedFileOutput(creating: posnPath)
        let documentCount = 3 * count
        let norms = (0..<documentCount).flatMap { _ -> [UInt16] in [1, 0, 10, 0] }
        let model = BM25FPseudoFrequency(
            fields: FieldSettings.defaults, totalLengths: [documentCount, 0, 10 * documentCount, 0],
            documentCount: documentCount, norms: norms)
        let writer = PostingsWriter(postings: post, positions: posn, pseudoFrequency: model)
        writer.beginTerm()
        // Split the payload in two, as two spill runs would.
        let half = count / 2
        var first = BinaryWriter()
        var second = BinaryWriter()
        var previousDocument: UInt32 = 0
        for index in 0..<count {
            let document = UInt32(3 * index)
            let tf = UInt32(index % 5 + 1)
            let base: UInt32 = index == half ? 0 : previousDocument
            var target = index < half ? first : second
            target.writeVarUInt(UInt64(document - base))
            target.writeVarUInt(0)
            target.writeVarUInt(0)
            target.writeVarUInt(UInt64(tf))
            target.writeVarUInt(0)
            for occurrence in 0..<tf { target.writeVarUInt(occurrence == 0 ? 2 : 1) }
            if index < half { first = target } else { second = target }
            previousDocument = document
        }
        try first.bytes.withUnsafeBytes { try writer.add(payload: $0, source: "first") }
        try second.bytes.withUnsafeBytes { try writer.add(payload: $0, source: "second") }
        let result = try writer.finishTerm()
        #expect(result.documentFrequency == count)
        #expect(result.postingsOffset == 0)
        #expect(result.positionsOffset == 0)
        try writer.finish()
        try post.close()
        try posn.close()
        return (
            Array(try Data(contentsOf: URL(fileURLWithPath: postPath))),
            Array(try Data(contentsOf: URL(fileURLWithPath: posnPath)))
        )
    }

    @Test(arguments: [1, 127, 128, 129, 256, 300])
    func blocksOf128WithSkipEntries(count: Int) throws {
        let directory = try Fixtures.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (post, posn) = try writeTerm(documents: count, in: directory)
        let blockCount = (count + 127) / 128
        try post.withUnsafeBytes { bytes in
            var reader = BinaryReader(bytes, section: "POST")
            #expect(try reader.readVarUInt() == UInt64(blockCount))
            var skips: [(UInt32, UInt32, Float, UInt32)] = []
            for _ in 0..<blockCount {
                skips.append(
                    (
                        try reader.readUInt32(), try reader.readUInt32(), try reader.readFloat32(),
                        try reader.readUInt32()
                    ))
            }
            let blocksStart = reader.position
            var positionsOffset = 0
            for block in 0..<blockCount {
                let first = block * 128
                let documents = first..<min(count, first + 128)
                #expect(skips[block].0 == UInt32(3 * (documents.upperBound - 1)))
                #expect(Int(skips[block].1) == reader.position - blocksStart)
                #expect(Int(skips[block].3) == positionsOffset)
                positionsOffset += documents.reduce(0) { $0 + $1 % 5 + 1 }
                var values = [UInt32](repeating: 0, count: 128)
                let width = Int(try reader.readUInt8())
                try values.withUnsafeMutableBufferPointer {
                    try BitPacking.unpack(from: &reader, count: documents.count, bitWidth: width, into: $0)
                }
                // First delta relative to the previous block's last doc id (0 at first), then 3.
                #expect(values[0] == (block == 0 ? 0 : 3))
                #expect(values[1..<documents.count].allSatisfy { $0 == 3 })
                for field in 0..<4 {
                    let width = Int(try reader.readUInt8())
                    if field != 2 { #expect(width == 0) }
                    try values.withUnsafeMutableBufferPointer {
                        try BitPacking.unpack(from: &reader, count: documents.count, bitWidth: width, into: $0)
                    }
                    if field == 2 {
                        #expect(Array(values[0..<documents.count]) == documents.map { UInt32($0 % 5 + 1) })
                    }
                }
                // All documents have length 10 = the average: the pseudo-frequency is the tf.
                let maximum = documents.map { Double($0 % 5 + 1) }.max()!
                #expect(skips[block].2 == Float(maximum))
            }
            #expect(reader.isAtEnd)
            #expect(posn.count == positionsOffset)
        }
        // Positions: per document, 2 then 1s.
        #expect(posn == (0..<count).flatMap { [2] + [UInt8](repeating: 1, count: $0 % 5) })
    }
}
