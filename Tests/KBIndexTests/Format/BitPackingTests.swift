import KBTestSupport
import Testing

@testable import KBIndex

@Suite struct BitPackingTests {
    /// Packs `values` at `bitWidth` after a 3-byte prefix, checks the size, unpacks them back
    /// from a buffer that ends with the block.
    private func roundTrip(_ values: [UInt32], bitWidth: Int, context: String) throws {
        var writer = BinaryWriter()
        writer.writeBytes([0xAA, 0xBB, 0xCC])
        values.withUnsafeBufferPointer { BitPacking.pack($0, bitWidth: bitWidth, into: &writer) }
        let packedCount = BitPacking.packedByteCount(count: values.count, bitWidth: bitWidth)
        #expect(writer.count == 3 + packedCount, "\(context)")
        var output = [UInt32](repeating: 0xDEAD_BEEF, count: values.count + 2)
        // An exact-size allocation, so that sanitizers see any load past the end.
        let raw = UnsafeMutableRawBufferPointer.allocate(byteCount: writer.count, alignment: 1)
        defer { raw.deallocate() }
        writer.bytes.withUnsafeBytes { raw.copyMemory(from: $0) }
        do {
            var reader = BinaryReader(UnsafeRawBufferPointer(raw), section: "postings")
            try reader.skip(3)
            try output.withUnsafeMutableBufferPointer { (buffer) throws in
                try BitPacking.unpack(from: &reader, count: values.count, bitWidth: bitWidth, into: buffer)
            }
            #expect(reader.position == 3 + packedCount && reader.isAtEnd, "\(context)")
        }
        #expect(Array(output[..<values.count]) == values, "\(context)")
        #expect(output[values.count...].allSatisfy { $0 == 0xDEAD_BEEF }, "\(context): wrote past count")
    }

    private static func randomValues(count: Int, bitWidth: Int, using generator: inout SeededGenerator) -> [UInt32] {
        let mask = bitWidth == 0 ? 0 : UInt32.max >> (32 - bitWidth)
        return (0..<count).map { _ in UInt32.random(in: 0...UInt32.max, using: &generator) & mask }
    }

    @Test(arguments: 0...32)
    func randomValuesRoundTrip(bitWidth: Int) throws {
        let seed = 0xB17_0000 + UInt64(bitWidth)
        var generator = SeededGenerator(seed: seed)
        for count in [0, 1, 2, 7, 8, 9, 15, 16, 17, 31, 64, 127, 128, 129, 1_000] {
            for round in 0..<4 {
                let values = Self.randomValues(count: count, bitWidth: bitWidth, using: &generator)
                try roundTrip(values, bitWidth: bitWidth, context: "seed \(seed), count \(count), round \(round)")
            }
        }
    }

    @Test(arguments: 0...32)
    func maximumValuesRoundTrip(bitWidth: Int) throws {
        let maximum = bitWidth == 0 ? 0 : UInt32.max >> (32 - bitWidth)
        for count in [1, 7, 128, 129] {
            let values = [UInt32](repeating: maximum, count: count)
            #expect(values.withUnsafeBufferPointer { BitPacking.bitWidth(of: $0) } == bitWidth)
            try roundTrip(values, bitWidth: bitWidth, context: "count \(count)")
        }
    }

    @Test func bitWidthIsTheLargestValuesWidth() {
        let cases: [([UInt32], Int)] = [
            ([], 0), ([0, 0], 0), ([1], 1), ([2, 1], 2), ([3], 2), ([4], 3), ([127, 128], 8), ([255], 8), ([256], 9),
            ([0, 1 << 31], 32), ([.max], 32),
        ]
        for (values, expected) in cases {
            #expect(values.withUnsafeBufferPointer { BitPacking.bitWidth(of: $0) } == expected, "\(values)")
        }
    }

    /// Packing with a wider width than needed still round-trips.
    @Test func widerThanNeededRoundTrips() throws {
        try roundTrip([1, 2, 3, 0, 5], bitWidth: 17, context: "wider")
    }

    @Test func bitOrderIsLSBFirst() {
        var writer = BinaryWriter()
        [UInt32]([1, 2, 3, 4]).withUnsafeBufferPointer { BitPacking.pack($0, bitWidth: 3, into: &writer) }
        // 001 010 011 100, LSB first: bits 1000 1011 | 0010 → 0b1101_0001, 0b0000_1000.
        #expect(writer.bytes == [0b1101_0001, 0b0000_1000])
        writer = BinaryWriter()
        [UInt32]([0x0102_0304, 0xA0B0_C0D0]).withUnsafeBufferPointer {
            BitPacking.pack($0, bitWidth: 32, into: &writer)
        }
        #expect(writer.bytes == [0x04, 0x03, 0x02, 0x01, 0xD0, 0xC0, 0xB0, 0xA0])
    }

    @Test func packedByteCount() {
        #expect(BitPacking.packedByteCount(count: 128, bitWidth: 0) == 0)
        #expect(BitPacking.packedByteCount(count: 128, bitWidth: 1) == 16)
        #expect(BitPacking.packedByteCount(count: 129, bitWidth: 1) == 17)
        #expect(BitPacking.packedByteCount(count: 7, bitWidth: 3) == 3)
        #expect(BitPacking.packedByteCount(count: 128, bitWidth: 32) == 512)
    }

    /// Every block, cut by one byte or more, throws `.truncated` at its start and leaves the
    /// reader and the output alone.
    @Test(arguments: [1, 3, 8, 13, 32])
    func truncatedBlockThrows(bitWidth: Int) throws {
        let seed = 0xB17_1000 + UInt64(bitWidth)
        var generator = SeededGenerator(seed: seed)
        for count in [1, 7, 128, 129] {
            let values = Self.randomValues(count: count, bitWidth: bitWidth, using: &generator)
            var writer = BinaryWriter()
            writer.writeUInt16(0)
            values.withUnsafeBufferPointer { BitPacking.pack($0, bitWidth: bitWidth, into: &writer) }
            for cut in 1...BitPacking.packedByteCount(count: count, bitWidth: bitWidth) {
                let bytes = Array(writer.bytes.dropLast(cut))
                var output = [UInt32](repeating: 7, count: count)
                try bytes.withUnsafeBytes { (raw) throws in
                    var reader = BinaryReader(raw, baseOffset: 500, section: "postings")
                    try reader.skip(2)
                    output.withUnsafeMutableBufferPointer { buffer in
                        _ = #expect(
                            throws: IndexFormatError(.truncated, section: "postings", offset: 502),
                            "seed \(seed), count \(count), cut \(cut)"
                        ) {
                            try BitPacking.unpack(from: &reader, count: count, bitWidth: bitWidth, into: buffer)
                        }
                    }
                    #expect(reader.position == 2)
                }
                #expect(output.allSatisfy { $0 == 7 })
            }
        }
    }

    @Test(arguments: [33, 64, -1, Int.max])
    func invalidBitWidthIsCorrupt(bitWidth: Int) throws {
        let bytes = [UInt8](repeating: 0xFF, count: 1_024)
        var output = [UInt32](repeating: 0, count: 128)
        try bytes.withUnsafeBytes { (raw) throws in
            var reader = BinaryReader(raw, baseOffset: 8, section: "postings")
            output.withUnsafeMutableBufferPointer { buffer in
                let error = #expect(throws: IndexFormatError.self) {
                    try BitPacking.unpack(from: &reader, count: 128, bitWidth: bitWidth, into: buffer)
                }
                #expect(error?.offset == 8 && error?.section == "postings")
                if case .corrupt = error?.kind {
                } else {
                    Issue.record("bit width \(bitWidth): \(String(describing: error))")
                }
            }
        }
    }

    @Test(arguments: [-1, 129, Int.max])
    func countOutsideTheBufferIsCorrupt(count: Int) throws {
        let bytes = [UInt8](repeating: 0xFF, count: 1_024)
        var output = [UInt32](repeating: 0, count: 128)
        try bytes.withUnsafeBytes { (raw) throws in
            var reader = BinaryReader(raw, section: "postings")
            output.withUnsafeMutableBufferPointer { buffer in
                let error = #expect(throws: IndexFormatError.self) {
                    try BitPacking.unpack(from: &reader, count: count, bitWidth: 5, into: buffer)
                }
                if case .corrupt = error?.kind {} else { Issue.record("count \(count): \(String(describing: error))") }
            }
        }
    }
}
