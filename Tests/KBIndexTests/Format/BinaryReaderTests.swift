import KBTestSupport
import Testing

@testable import KBIndex

@Suite struct BinaryReaderTests {
    /// One value of each kind the writer knows.
    private enum Value: Equatable {
        case uint8(UInt8), uint16(UInt16), uint32(UInt32), uint64(UInt64)
        case float32(UInt32)  // bit pattern, so NaNs compare
        case varUInt(UInt64), varUInt32(UInt32), bytes([UInt8]), string(String)
    }

    private static let edgeValues: [UInt64] =
        [0, 1, 127, 128, 255, 256, 16_383, 16_384, 65_535, 65_536]
        + [UInt64(UInt32.max) - 1, UInt64(UInt32.max), UInt64(UInt32.max) + 1, 1 << 63, UInt64.max - 1, UInt64.max]

    /// Reads `bytes` as section `section` at file offset `baseOffset`.
    @discardableResult
    private func reading<T>(
        _ bytes: [UInt8], baseOffset: Int = 0, section: String = "test",
        _ body: (inout BinaryReader) throws -> T
    ) throws -> T {
        try bytes.withUnsafeBytes { (raw) throws -> T in
            var reader = BinaryReader(raw, baseOffset: baseOffset, section: section)
            return try body(&reader)
        }
    }

    private func randomValue(using generator: inout SeededGenerator) -> Value {
        // Half the integers are edge values, half random of a random bit length.
        func integer() -> UInt64 {
            if Bool.random(using: &generator) { return Self.edgeValues.randomElement(using: &generator)! }
            return UInt64.random(in: .min ... .max, using: &generator) >> UInt64.random(in: 0...63, using: &generator)
        }
        switch Int.random(in: 0..<9, using: &generator) {
        case 0: return .uint8(UInt8(truncatingIfNeeded: integer()))
        case 1: return .uint16(UInt16(truncatingIfNeeded: integer()))
        case 2: return .uint32(UInt32(truncatingIfNeeded: integer()))
        case 3: return .uint64(integer())
        case 4: return .float32(UInt32(truncatingIfNeeded: integer()))
        case 5: return .varUInt(integer())
        case 6: return .varUInt32(UInt32(truncatingIfNeeded: integer()))
        case 7:
            return .bytes(
                (0..<Int.random(in: 0...20, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator)
                })
        default:
            let alphabet: [Character] = ["a", "z", "ç", "ã", "é", "€", "𝄞", " ", "\u{0}", "\n"]
            let length = Int.random(in: 0...(Bool.random(using: &generator) ? 5 : 300), using: &generator)
            return .string(String((0..<length).map { _ in alphabet.randomElement(using: &generator)! }))
        }
    }

    private func write(_ value: Value, into writer: inout BinaryWriter) {
        switch value {
        case .uint8(let v): writer.writeUInt8(v)
        case .uint16(let v): writer.writeUInt16(v)
        case .uint32(let v): writer.writeUInt32(v)
        case .uint64(let v): writer.writeUInt64(v)
        case .float32(let v): writer.writeFloat32(Float(bitPattern: v))
        case .varUInt(let v): writer.writeVarUInt(v)
        case .varUInt32(let v): writer.writeVarUInt(UInt64(v))
        case .bytes(let v):
            writer.writeVarUInt(UInt64(v.count))
            writer.writeBytes(v)
        case .string(let v): writer.writeString(v)
        }
    }

    private func read(like value: Value, from reader: inout BinaryReader) throws -> Value {
        switch value {
        case .uint8: return .uint8(try reader.readUInt8())
        case .uint16: return .uint16(try reader.readUInt16())
        case .uint32: return .uint32(try reader.readUInt32())
        case .uint64: return .uint64(try reader.readUInt64())
        case .float32: return .float32(try reader.readFloat32().bitPattern)
        case .varUInt: return .varUInt(try reader.readVarUInt())
        case .varUInt32: return .varUInt32(try reader.readVarUInt32())
        case .bytes:
            let count = Int(try reader.readVarUInt())
            return .bytes(Array(try reader.readBytes(count: count)))
        case .string: return .string(try reader.readString())
        }
    }

    @Test func randomSequencesRoundTrip() throws {
        let seed: UInt64 = 0xB1A_0001
        var generator = SeededGenerator(seed: seed)
        for round in 0..<300 {
            let values = (0..<Int.random(in: 0...40, using: &generator)).map { _ in randomValue(using: &generator) }
            var writer = BinaryWriter()
            for value in values { write(value, into: &writer) }
            let readBack = try reading(writer.bytes) { (reader) throws -> [Value] in
                let result = try values.map { (value) throws in try read(like: value, from: &reader) }
                #expect(reader.isAtEnd, "seed \(seed), round \(round)")
                return result
            }
            #expect(readBack == values, "seed \(seed), round \(round)")
        }
    }

    @Test func edgeValuesRoundTrip() throws {
        for value in Self.edgeValues {
            var writer = BinaryWriter()
            writer.writeUInt8(UInt8(truncatingIfNeeded: value))
            writer.writeUInt16(UInt16(truncatingIfNeeded: value))
            writer.writeUInt32(UInt32(truncatingIfNeeded: value))
            writer.writeUInt64(value)
            writer.writeVarUInt(value)
            try reading(writer.bytes) { (reader) throws in
                #expect(try reader.readUInt8() == UInt8(truncatingIfNeeded: value))
                #expect(try reader.readUInt16() == UInt16(truncatingIfNeeded: value))
                #expect(try reader.readUInt32() == UInt32(truncatingIfNeeded: value))
                #expect(try reader.readUInt64() == value)
                #expect(try reader.readVarUInt() == value)
                #expect(reader.isAtEnd)
            }
        }
    }

    @Test func float32SpecialValuesRoundTrip() throws {
        let values: [Float] = [
            0, -0.0, 1, -1, .infinity, -.infinity, .nan, .signalingNaN, .leastNonzeroMagnitude,
            .greatestFiniteMagnitude, 3.14159,
        ]
        var writer = BinaryWriter()
        for value in values { writer.writeFloat32(value) }
        try reading(writer.bytes) { (reader) throws in
            for value in values {
                #expect(try reader.readFloat32().bitPattern == value.bitPattern)
            }
        }
    }

    @Test func positionRemainingAndEnd() throws {
        try reading([1, 2, 3, 4, 5, 6]) { (reader) throws in
            #expect(reader.position == 0 && reader.remaining == 6 && !reader.isAtEnd)
            _ = try reader.readUInt16()
            #expect(reader.position == 2 && reader.remaining == 4)
            try reader.skip(3)
            #expect(reader.position == 5)
            try reader.seek(to: 1)
            #expect(try reader.readUInt8() == 2)
            try reader.seek(to: 6)
            #expect(reader.isAtEnd && reader.remaining == 0)
        }
    }

    @Test func readBytesIsASliceOfTheSection() throws {
        let bytes: [UInt8] = [9, 8, 7, 6, 5]
        try bytes.withUnsafeBytes { (raw) throws in
            var reader = BinaryReader(raw, section: "test")
            try reader.skip(1)
            let slice = try reader.readBytes(count: 3)
            #expect(slice.baseAddress == raw.baseAddress! + 1)
            #expect(Array(slice) == [8, 7, 6])
            #expect(try reader.readBytes(count: 0).isEmpty)
            #expect(reader.position == 4)
        }
    }

    @Test func emptySection() throws {
        try reading([]) { (reader) throws in
            #expect(reader.isAtEnd)
            #expect(try reader.readBytes(count: 0).isEmpty)
            #expect(throws: IndexFormatError(.truncated, section: "test", offset: 0)) { try reader.readVarUInt() }
        }
    }

    /// Every fixed-size read, at every start offset of a section at file offset 1000, throws
    /// `.truncated` at its own start when it passes the end, and leaves the position alone.
    @Test(arguments: [1, 2, 4, 8])
    func readingPastTheEndThrowsTruncated(size: Int) throws {
        let bytes = [UInt8](repeating: 0xFF, count: 11)
        for start in 0...bytes.count {
            try reading(bytes, baseOffset: 1_000, section: "postings") { (reader) throws in
                try reader.seek(to: start)
                let read: (inout BinaryReader) throws -> Void
                switch size {
                case 1: read = { (reader) throws in _ = try reader.readUInt8() }
                case 2: read = { (reader) throws in _ = try reader.readUInt16() }
                case 4: read = { (reader) throws in _ = try reader.readUInt32() }
                default: read = { (reader) throws in _ = try reader.readUInt64() }
                }
                let expected = IndexFormatError(.truncated, section: "postings", offset: 1_000 + start)
                var readers: [(inout BinaryReader) throws -> Void] = [read]
                if size == 4 { readers.append { (reader) throws in _ = try reader.readFloat32() } }
                readers.append { (reader) throws in _ = try reader.readBytes(count: size) }
                readers.append { (reader) throws in try reader.skip(size) }
                for read in readers {
                    if start + size <= bytes.count {
                        try read(&reader)
                        try reader.seek(to: start)
                    } else {
                        #expect(throws: expected, "start \(start)") { try read(&reader) }
                        #expect(reader.position == start)
                    }
                }
            }
        }
    }

    /// A VarUInt cut anywhere, and a string cut in its length, are `.truncated` at their start.
    @Test func truncatedVarUIntAndStringLength() throws {
        var writer = BinaryWriter()
        writer.writeUInt8(0)
        writer.writeVarUInt(UInt64.max)
        let bytes = writer.bytes
        for end in 1..<bytes.count {
            let prefix = Array(bytes[..<end])
            try reading(prefix, baseOffset: 40, section: "terms") { (reader) throws in
                try reader.skip(1)
                let expected = IndexFormatError(.truncated, section: "terms", offset: 41)
                #expect(throws: expected) { try reader.readVarUInt() }
                #expect(throws: expected) { try reader.readVarUInt32() }
                #expect(throws: expected) { try reader.readString() }
                #expect(reader.position == 1)
            }
        }
    }

    @Test func elevenByteVarUIntIsCorrupt() throws {
        let bytes = [UInt8](repeating: 0x80, count: 10) + [0x00]
        try reading(bytes, baseOffset: 7, section: "docs") { (reader) throws in
            #expect(throws: IndexFormatError(.corrupt("VarUInt longer than 10 bytes"), section: "docs", offset: 7)) {
                try reader.readVarUInt()
            }
            #expect(reader.position == 0)
        }
    }

    @Test func varUIntOverflowingSixtyFourBitsIsCorrupt() throws {
        let bytes = [UInt8](repeating: 0xFF, count: 9) + [0x02]
        try reading(bytes, baseOffset: 3, section: "docs") { (reader) throws in
            #expect(throws: IndexFormatError(.corrupt("VarUInt overflows 64 bits"), section: "docs", offset: 3)) {
                try reader.readVarUInt()
            }
        }
    }

    @Test func nonCanonicalVarUIntIsAccepted() throws {
        try reading([0x80, 0x00, 0xFF, 0x80, 0x00]) { (reader) throws in
            #expect(try reader.readVarUInt() == 0)
            #expect(try reader.readVarUInt() == 127)
            #expect(reader.isAtEnd)
        }
    }

    @Test func varUInt32AboveMaximumIsCorrupt() throws {
        var writer = BinaryWriter()
        writer.writeUInt8(0)
        writer.writeVarUInt(UInt64(UInt32.max))
        writer.writeVarUInt(UInt64(UInt32.max) + 1)
        try reading(writer.bytes, baseOffset: 100, section: "terms") { (reader) throws in
            try reader.skip(1)
            #expect(try reader.readVarUInt32() == UInt32.max)
            let expected = IndexFormatError(
                .corrupt("VarUInt 4294967296 exceeds the 32-bit maximum"), section: "terms", offset: 106)
            #expect(throws: expected) { try reader.readVarUInt32() }
            #expect(reader.position == 6)
        }
    }

    private static let invalidUTF8: [[UInt8]] = [
        [0xC3],  // cut sequence
        [0xFF],  // never valid
        [0xC0, 0x80],  // overlong NUL
        [0xED, 0xA0, 0x80],  // UTF-16 surrogate
        [0x61, 0x80, 0x62],  // stray continuation byte
        [0xF4, 0x90, 0x80, 0x80],  // above U+10FFFF
    ]

    @Test(arguments: invalidUTF8)
    func invalidUTF8StringIsCorrupt(utf8: [UInt8]) throws {
        let bytes = [0xEE, UInt8(utf8.count)] + utf8
        try reading(bytes, baseOffset: 50, section: "titles") { (reader) throws in
            try reader.skip(1)
            let expected = IndexFormatError(
                .corrupt("string of \(utf8.count) bytes is not valid UTF-8"), section: "titles", offset: 51)
            #expect(throws: expected) { try reader.readString() }
            #expect(reader.position == 1)
        }
    }

    @Test func stringLengthPastTheEndIsCorrupt() throws {
        try reading([5, 0x61, 0x62, 0x63], baseOffset: 20, section: "titles") { (reader) throws in
            let error = #expect(throws: IndexFormatError.self) { try reader.readString() }
            #expect(error?.section == "titles" && error?.offset == 20)
            guard case .corrupt = error?.kind else {
                Issue.record("expected .corrupt, got \(String(describing: error))")
                return
            }
            #expect(reader.position == 0)
        }
    }

    @Test func badSeeksAndSkips() throws {
        try reading([1, 2, 3], baseOffset: 10, section: "s") { (reader) throws in
            try reader.skip(1)
            for offset in [-1, 4, Int.max, Int.min] {
                let error = #expect(throws: IndexFormatError.self) { try reader.seek(to: offset) }
                #expect(error?.offset == 11)
                if case .corrupt = error?.kind {
                } else {
                    Issue.record("seek(to: \(offset)): \(String(describing: error))")
                }
            }
            #expect(throws: IndexFormatError(.corrupt("negative byte count -1"), section: "s", offset: 11)) {
                try reader.skip(-1)
            }
            #expect(throws: IndexFormatError(.corrupt("negative byte count -2"), section: "s", offset: 11)) {
                _ = try reader.readBytes(count: -2)
            }
            #expect(throws: IndexFormatError(.truncated, section: "s", offset: 11)) { try reader.skip(Int.max) }
            #expect(reader.position == 1)
        }
    }

    /// Random reads over random bytes either succeed or throw `IndexFormatError`, never trap;
    /// a failed read leaves the position alone. (Run under `--sanitize=address` to also catch
    /// loads outside the buffer.)
    @Test func randomBytesNeverTrap() {
        let seed: UInt64 = 0xB1A_0002
        var generator = SeededGenerator(seed: seed)
        let output = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: 256)
        defer { output.deallocate() }
        for round in 0..<3_000 {
            let bytes = (0..<Int.random(in: 0...80, using: &generator)).map { _ in
                UInt8.random(in: 0...255, using: &generator)
            }
            // An exact-size allocation, so that sanitizers see any load past the end.
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes.count, alignment: 1)
            defer { buffer.deallocate() }
            bytes.withUnsafeBytes { buffer.copyMemory(from: $0) }
            var reader = BinaryReader(UnsafeRawBufferPointer(buffer), baseOffset: 64, section: "fuzz")
            for _ in 0..<12 {
                let before = reader.position
                do throws(IndexFormatError) {
                    switch Int.random(in: 0..<11, using: &generator) {
                    case 0: _ = try reader.readUInt8()
                    case 1: _ = try reader.readUInt16()
                    case 2: _ = try reader.readUInt32()
                    case 3: _ = try reader.readUInt64()
                    case 4: _ = try reader.readFloat32()
                    case 5: _ = try reader.readVarUInt()
                    case 6: _ = try reader.readVarUInt32()
                    case 7: _ = try reader.readString()
                    case 8: _ = try reader.readBytes(count: Int.random(in: -2...20, using: &generator))
                    case 9: try reader.seek(to: Int.random(in: -2...90, using: &generator))
                    default:
                        let count = Int.random(in: -1...260, using: &generator)
                        let bitWidth = Int.random(in: -1...34, using: &generator)
                        try BitPacking.unpack(from: &reader, count: count, bitWidth: bitWidth, into: output)
                    }
                } catch {
                    #expect(reader.position == before, "seed \(seed), round \(round)")
                    #expect(error.section == "fuzz", "seed \(seed), round \(round)")
                    #expect(error.offset == 64 + before, "seed \(seed), round \(round)")
                }
                #expect((0...bytes.count).contains(reader.position), "seed \(seed), round \(round)")
            }
        }
    }

    /// Skipping VarUInts 8 bytes at a time lands exactly where reading them one by one does.
    @Test func skipVarUIntsLandsOnTheNextValue() throws {
        var generator = SeededGenerator(seed: 41)
        for round in 0..<200 {
            let values = (0..<Int.random(in: 1...300, using: &generator)).map { _ in
                UInt64.random(in: 0...(1 << UInt64.random(in: 0...40, using: &generator)), using: &generator)
            }
            var writer = BinaryWriter()
            for value in values { writer.writeVarUInt(value) }
            let bytes = writer.bytes
            let skipped = Int.random(in: 0..<values.count, using: &generator)
            try bytes.withUnsafeBytes { raw in
                var reader = BinaryReader(raw, section: "test")
                try reader.skipVarUInts(skipped)
                #expect(try reader.readVarUInt() == values[skipped], "round \(round)")
                // Skipping past the end throws and leaves the position alone.
                let position = reader.position
                #expect(throws: IndexFormatError.self) { try reader.skipVarUInts(values.count) }
                #expect(reader.position == position)
            }
        }
    }
}
