import KBTestSupport
import Testing

@testable import KBIndex

/// The stored-text codec: LZ77 with a preset dictionary and static prefix codes. Round trips
/// on seeded documents of every shape, the corner cases of back-references (into the
/// dictionary, across its end, overlapping themselves), and damaged input that must throw,
/// never trap or read out of bounds.
@Suite struct StoredTextCodecTests {
    /// Help-article-like lines, so that documents share lines as real collections do.
    static let lines = [
        "Para acessar este comando, abra o menu Ferramentas e escolha Opções.",
        "Clique em Salvar para gravar as alterações.",
        "Se a senha expirou, peça um novo convite ao administrador do portal.",
        "Veja também: como anexar arquivos ao chamado.",
        "O relatório mostra os chamados abertos por categoria e por produto.",
        "Não consigo imprimir frente e verso na impressora da recepção.",
    ]

    static func document(_ generator: inout SeededGenerator) -> [UInt8] {
        var text = ""
        for _ in 0..<Int.random(in: 0...12, using: &generator) {
            if Bool.random(using: &generator) {
                text += lines.randomElement(using: &generator)! + "\n"
            } else {
                text += RandomText.make(using: &generator, maximumLength: 80) + "\n"
            }
        }
        return Array(text.utf8)
    }

    static func trained(_ samples: [[UInt8]]) throws -> StoredTextCodec {
        try #require(StoredTextCodecTrainer.train(samples: samples))
    }

    /// Compresses `bytes` and decompresses them through a decompressor read back from the
    /// codec's encoded form, as an index reader would.
    static func roundTrip(_ bytes: [UInt8], codec: StoredTextCodec) throws -> (output: [UInt8], compressed: Int) {
        var compressor = StoredTextCompressor(codec: codec)
        var compressed: [UInt8] = []
        bytes.withUnsafeBytes { compressor.compress($0, into: &compressed) }
        let decompressor = try decompressor(for: codec)
        let output = try compressed.withUnsafeBytes { input in
            try decompressor.decompress(input, count: bytes.count, offset: 0)
        }
        return (output, compressed.count)
    }

    static func decompressor(for codec: StoredTextCodec) throws -> StoredTextDecompressor {
        var writer = BinaryWriter()
        codec.encode(into: &writer)
        let encoded = writer.bytes
        // The decompressor keeps a pointer to the dictionary: the bytes must outlive it.
        let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: encoded.count, alignment: 1)
        storage.copyMemory(from: UnsafeRawBufferPointer(start: encoded, count: encoded.count))
        var reader = BinaryReader(UnsafeRawBufferPointer(storage), section: "stored fields")
        return try StoredTextDecompressor(reading: &reader)
    }

    @Test func seededDocumentsRoundTrip() throws {
        for seed: UInt64 in 1...8 {
            var generator = SeededGenerator(seed: seed)
            let documents = (0..<300).map { _ in Self.document(&generator) }
            let codec = try Self.trained(Array(documents.prefix(150)))
            var compressed = 0
            for document in documents {
                let result = try Self.roundTrip(document, codec: codec)
                #expect(result.output == document, "seed \(seed)")
                compressed += result.compressed
            }
            // Shared lines compress: the whole sample shrinks, whatever the random lines do.
            #expect(compressed < documents.reduce(0) { $0 + $1.count }, "seed \(seed)")
        }
    }

    @Test func cornerCasesRoundTrip() throws {
        var generator = SeededGenerator(seed: 99)
        let codec = try Self.trained((0..<200).map { _ in Self.document(&generator) })
        let dictionary = codec.dictionary
        #expect(!dictionary.isEmpty)
        let cases: [[UInt8]] = [
            [],
            [0x41],
            [0x41, 0x42],
            [UInt8](repeating: 0x61, count: 10_000),  // a match overlapping itself
            Array((0..<1000).map { UInt8($0 % 7) }),
            Array(0...255),
            Array(dictionary.suffix(300)),  // a match ending at the dictionary's end
            Array(dictionary.suffix(5)) + Array("tail".utf8),  // a match running out of the dictionary
            Array(dictionary.prefix(400)),  // the farthest distances
            Array(repeating: Array(Self.lines[0].utf8), count: 600).flatMap { $0 },  // 40 kB > the window
        ]
        for bytes in cases {
            #expect(try Self.roundTrip(bytes, codec: codec).output == bytes, "\(bytes.count) bytes")
        }
    }

    @Test func aLineOfTheDictionaryCostsAFewBytes() throws {
        var generator = SeededGenerator(seed: 3)
        let codec = try Self.trained((0..<200).map { _ in Self.document(&generator) })
        let line = Array(Self.lines[2].utf8)
        let result = try Self.roundTrip(line, codec: codec)
        #expect(result.output == line)
        #expect(result.compressed <= 6, "\(result.compressed) bytes for a dictionary line of \(line.count)")
    }

    @Test func tooSmallSamplesTrainNoCodec() {
        #expect(StoredTextCodecTrainer.train(samples: [Array("pouco texto".utf8)]) == nil)
    }

    @Test func trainingIsDeterministic() throws {
        var first = SeededGenerator(seed: 5)
        var second = SeededGenerator(seed: 5)
        let samples = (0..<200).map { _ in Self.document(&first) }
        let again = (0..<200).map { _ in Self.document(&second) }
        #expect(try Self.trained(samples) == Self.trained(again))
    }

    @Test func damagedInputThrowsAndNeverTraps() throws {
        var generator = SeededGenerator(seed: 11)
        let documents = (0..<200).map { _ in Self.document(&generator) }
        let codec = try Self.trained(documents)
        let decompressor = try Self.decompressor(for: codec)
        var thrown = 0
        for trial in 0..<2000 {
            let document = documents[trial % documents.count]
            var compressed: [UInt8] = []
            var compressor = StoredTextCompressor(codec: codec)
            document.withUnsafeBytes { compressor.compress($0, into: &compressed) }
            switch trial % 3 {
            case 0 where !compressed.isEmpty:  // truncated
                compressed.removeLast(Int.random(in: 1...compressed.count, using: &generator))
            case 1 where !compressed.isEmpty:  // a flipped bit
                compressed[Int.random(in: 0..<compressed.count, using: &generator)] ^=
                    1
                    << UInt8.random(
                        in: 0...7, using: &generator)
            default:  // noise
                compressed = (0..<Int.random(in: 0...64, using: &generator)).map { _ in
                    UInt8.random(in: 0...255, using: &generator)
                }
            }
            // Claim a longer document than was compressed, so that running out must be detected.
            let claimed = document.count + Int.random(in: 0...3, using: &generator)
            do {
                let output = try compressed.withUnsafeBytes { input in
                    try decompressor.decompress(input, count: claimed, offset: 0)
                }
                #expect(output.count == claimed)
            } catch {
                thrown += 1
            }
        }
        #expect(thrown > 500)
    }

    @Test func invalidCodeLengthsAreRefused() throws {
        var writer = BinaryWriter()
        writer.writeVarUInt(0)
        writer.writeBytes([UInt8](repeating: 1, count: LengthAndDistanceCodes.literalLengthSymbolCount))
        writer.writeBytes([UInt8](repeating: 5, count: LengthAndDistanceCodes.distanceSymbolCount))
        let bytes = writer.bytes
        try bytes.withUnsafeBytes { raw in
            var reader = BinaryReader(raw, section: "stored fields")
            let error = #expect(throws: IndexFormatError.self) { try StoredTextDecompressor(reading: &reader) }
            if case .corrupt(let message)? = error?.kind {
                #expect(message.contains("prefix codes"))
            } else {
                Issue.record("expected .corrupt, got \(String(describing: error))")
            }
        }
    }
}

/// The prefix codes and the length/distance alphabets under the codec.
@Suite struct HuffmanCodeTests {
    @Test func lengthsAreOptimalForASmallExample() {
        // Frequencies 1, 1, 2, 4: lengths 3, 3, 2, 1.
        #expect(HuffmanCode.lengths(frequencies: [1, 1, 2, 4]) == [3, 3, 2, 1])
        #expect(HuffmanCode.lengths(frequencies: [0, 7, 0]) == [0, 1, 0])
        #expect(HuffmanCode.lengths(frequencies: [0, 0]) == [0, 0])
    }

    @Test func skewedFrequenciesAreLimitedAndStillAPrefixCode() {
        // Fibonacci frequencies make Huffman codes as deep as the alphabet is long.
        var frequencies: [UInt64] = [1, 1]
        while frequencies.count < 40 {
            frequencies.append(frequencies[frequencies.count - 1] + frequencies[frequencies.count - 2])
        }
        let lengths = HuffmanCode.lengths(frequencies: frequencies)
        #expect(lengths.allSatisfy { $0 >= 1 && Int($0) <= HuffmanCode.maximumLength })
        #expect(HuffmanCode.isValid(lengths: lengths))
        // The most frequent symbol keeps the shortest code.
        #expect(lengths.last == lengths.min())
    }

    @Test func canonicalCodesArePrefixFree() {
        let code = HuffmanCode(lengths: [2, 1, 3, 3])
        // Canonical: symbol 1 → 0, symbol 0 → 10, symbol 2 → 110, symbol 3 → 111 (bit-reversed).
        #expect(code.reversedCodes == [0b01, 0b0, 0b011, 0b111])
        let table = HuffmanDecodingTable(code)
        #expect(table.entries[0b000] == 1 << 4 | 1)
        #expect(table.entries[0b001] == 0 << 4 | 2)
        #expect(table.entries[0b011] == 2 << 4 | 3)
        #expect(table.entries[0b111] == 3 << 4 | 3)
    }

    @Test func distanceCodesMatchTheirBases() {
        for distance in 1...LengthAndDistanceCodes.maximumDistance {
            let code = LengthAndDistanceCodes.distanceCode(of: distance)
            let base = Int(LengthAndDistanceCodes.distanceBases[code])
            let extra = Int(LengthAndDistanceCodes.distanceExtraBits[code])
            #expect(distance >= base && distance < base + (1 << extra), "distance \(distance)")
        }
        for length in LengthAndDistanceCodes.minimumMatchLength...LengthAndDistanceCodes.maximumMatchLength {
            let code = Int(LengthAndDistanceCodes.lengthCodeOfLength[length])
            let base = Int(LengthAndDistanceCodes.lengthBases[code])
            let extra = Int(LengthAndDistanceCodes.lengthExtraBits[code])
            #expect(length >= base && length < base + (1 << extra) || length == 258 && code == 28, "length \(length)")
        }
    }
}
