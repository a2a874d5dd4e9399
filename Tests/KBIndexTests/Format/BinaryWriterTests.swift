import Testing

@testable import KBIndex

@Suite struct BinaryWriterTests {
    @Test func fixedWidthIntegersAreLittleEndian() {
        var writer = BinaryWriter()
        writer.writeUInt8(0xAB)
        writer.writeUInt16(0x0102)
        writer.writeUInt32(0x0304_0506)
        writer.writeUInt64(0x0708_090A_0B0C_0D0E)
        #expect(
            writer.bytes == [
                0xAB, 0x02, 0x01, 0x06, 0x05, 0x04, 0x03, 0x0E, 0x0D, 0x0C, 0x0B, 0x0A, 0x09, 0x08, 0x07,
            ])
        #expect(writer.count == 15)
    }

    @Test func float32IsItsBitPatternLittleEndian() {
        var writer = BinaryWriter()
        writer.writeFloat32(1.0)
        writer.writeFloat32(-0.0)
        #expect(writer.bytes == [0x00, 0x00, 0x80, 0x3F, 0x00, 0x00, 0x00, 0x80])
    }

    private static let varUIntEncodings: [(UInt64, [UInt8])] = [
        (0, [0x00]),
        (1, [0x01]),
        (127, [0x7F]),
        (128, [0x80, 0x01]),
        (300, [0xAC, 0x02]),
        (16_383, [0xFF, 0x7F]),
        (16_384, [0x80, 0x80, 0x01]),
        (UInt64(UInt32.max), [0xFF, 0xFF, 0xFF, 0xFF, 0x0F]),
        (UInt64.max, [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]),
    ]

    @Test(arguments: varUIntEncodings)
    func varUIntEncoding(value: UInt64, expected: [UInt8]) {
        var writer = BinaryWriter()
        writer.writeVarUInt(value)
        #expect(writer.bytes == expected)
    }

    /// 7 bits per byte: 1 byte up to 2^7 - 1, 2 up to 2^14 - 1, ..., 10 for 2^63 and above.
    @Test func varUIntByteLengths() {
        for bytes in 1...10 {
            let smallest: UInt64 = bytes == 1 ? 0 : 1 << (7 * (bytes - 1))
            let largest: UInt64 = bytes == 10 ? .max : (1 << (7 * bytes)) - 1
            for value in [smallest, largest] {
                var writer = BinaryWriter()
                writer.writeVarUInt(value)
                #expect(writer.count == bytes, "value \(value)")
            }
        }
    }

    @Test func stringIsVarUIntLengthThenUTF8() {
        var writer = BinaryWriter()
        writer.writeString("ação")
        writer.writeString("")
        #expect(writer.bytes == [6, 0x61, 0xC3, 0xA7, 0xC3, 0xA3, 0x6F, 0])
    }

    @Test func longStringHasMultiByteLength() {
        var writer = BinaryWriter()
        writer.writeString(String(repeating: "x", count: 200))
        #expect(writer.bytes.prefix(2) == [0xC8, 0x01])
        #expect(writer.count == 202)
    }

    @Test func writeBytesAppendsAsIs() {
        var writer = BinaryWriter()
        writer.writeBytes([1, 2, 3])
        [UInt8]([4, 5]).withUnsafeBytes { writer.writeBytes($0) }
        #expect(writer.bytes == [1, 2, 3, 4, 5])
    }

    @Test(arguments: [1, 2, 4, 8, 16, 3])
    func alignPadsWithZeros(alignment: Int) {
        for length in 0..<20 {
            var writer = BinaryWriter()
            writer.writeBytes([UInt8](repeating: 0xEE, count: length))
            writer.align(to: alignment)
            #expect(writer.count % alignment == 0)
            #expect(writer.count >= length && writer.count < length + alignment)
            #expect(writer.bytes[length...].allSatisfy { $0 == 0 })
        }
    }

    @Test func patchBackFillsOffsets() {
        var writer = BinaryWriter()
        writer.writeUInt8(0xAA)
        let slot32 = writer.count
        writer.writeUInt32(0)
        let slot64 = writer.count
        writer.writeUInt64(0)
        writer.writeUInt8(0xBB)
        writer.patchUInt32(0x1122_3344, at: slot32)
        writer.patchUInt64(0x0102_0304_0506_0708, at: slot64)
        #expect(
            writer.bytes == [
                0xAA, 0x44, 0x33, 0x22, 0x11, 0x08, 0x07, 0x06, 0x05, 0x04, 0x03, 0x02, 0x01, 0xBB,
            ])
    }
}
