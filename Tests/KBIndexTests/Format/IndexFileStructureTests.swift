import Foundation
import KBTestSupport
import Testing

@testable import KBIndex

/// Reads a tiny index byte by byte against `FORMAT.md`: the frame, the section table, the
/// checksums, `META`, and one term's dictionary entry, postings and positions decoded by hand.
@Suite struct IndexFileStructureTests {
    static let analyzer = Analyzer()
    static let articles = [
        Article(
            id: "conta/redefinir-senha.html", title: "Redefinir senha",
            body: "Para redefinir a senha, abra o portal. Senha esquecida?", category: "Conta",
            tags: ["senha", "acesso"]),
        Article(id: "financeiro/boleto.html", title: "Boleto", body: "Emitir boleto", category: "Financeiro"),
        Article(
            id: "conta/senha-do-portal.html", title: "Senha do portal", headings: ["Senha"], body: "senha senha",
            category: "Conta", tags: ["senha"]),
    ]

    private func buildTinyIndex() throws -> [UInt8] {
        let directory = try Fixtures.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let analyzed = Self.articles.map { AnalyzedArticle($0, analyzer: Self.analyzer) }
        return try IndexTestSupport.build(analyzed, in: directory).bytes
    }

    private func uint32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        (0..<4).reduce(0) { $0 | UInt32(bytes[offset + $1]) << (8 * $1) }
    }

    private func uint64(_ bytes: [UInt8], _ offset: Int) -> UInt64 {
        (0..<8).reduce(0) { $0 | UInt64(bytes[offset + $1]) << (8 * $1) }
    }

    @Test func frameSectionTableAndChecksums() throws {
        let bytes = try buildTinyIndex()
        let magic: [UInt8] = [0x89, 0x4B, 0x42, 0x49, 0x44, 0x58, 0x0D, 0x0A]
        #expect(Array(bytes[0..<16]) == magic + [3, 0, 0, 0, 0, 0, 0, 0])
        #expect(Array(bytes[(bytes.count - 8)...]) == magic)
        let footer = bytes.count - 32
        let tableOffset = Int(uint64(bytes, footer))
        let tableLength = Int(uint64(bytes, footer + 8))
        #expect(tableOffset + tableLength == footer)
        #expect(tableOffset % 8 == 0)
        #expect(tableLength == 8 + 9 * 32)
        #expect(uint32(bytes, footer + 16) == CRC32C.checksum(Array(bytes[tableOffset..<footer])))
        #expect(uint32(bytes, footer + 20) == 3)
        #expect(uint32(bytes, tableOffset) == 9)
        #expect(uint32(bytes, tableOffset + 4) == 0)
        var tags: [String] = []
        var ranges: [Range<Int>] = []
        for entry in 0..<9 {
            let base = tableOffset + 8 + entry * 32
            tags.append(String(decoding: bytes[base..<(base + 4)], as: UTF8.self))
            #expect(uint32(bytes, base + 4) == 0)
            let offset = Int(uint64(bytes, base + 8))
            let length = Int(uint64(bytes, base + 16))
            #expect(offset % 8 == 0 && offset >= 16 && offset + length <= tableOffset)
            #expect(uint32(bytes, base + 24) == CRC32C.checksum(Array(bytes[offset..<(offset + length)])))
            #expect(uint32(bytes, base + 28) == 0)
            ranges.append(offset..<(offset + length))
        }
        #expect(tags == ["META", "TIDX", "TERM", "POST", "POSN", "NORM", "STOR", "DOCS", "FILT"])
        for (index, range) in ranges.enumerated() {
            for other in ranges[(index + 1)...] { #expect(!range.overlaps(other)) }
        }
        // META is the sorted, compact JSON of the collection.
        let meta = ranges[0]
        let json = String(decoding: bytes[meta], as: UTF8.self)
        let metadata = try JSONDecoder().decode(IndexMetadata.self, from: Data(bytes[meta]))
        #expect(metadata.formatVersion == 3)
        #expect(metadata.documentCount == 3)
        #expect(metadata.impactK1 == 0)
        #expect(metadata.producer == KBVersion.producer)
        #expect(metadata.analyzer.stemmer == AnalyzerOptions.default.stemmer.rawValue)
        #expect(metadata.analyzer.stopWords == "snowball")
        let lengths = Self.articles.map { article in
            // No links: the anchors field (the fourth) is empty.
            [article.title, article.headings.joined(separator: "\n"), article.body].map {
                Self.analyzer.terms(in: $0).count
            } + [0]
        }
        #expect(metadata.fields.map(\.totalLength) == (0..<4).map { field in lengths.reduce(0) { $0 + $1[field] } })
        #expect(metadata.fields.map(\.weight) == [3, 2, 1, 4])
        #expect(json.contains("\"fields\":[{\"lengthNormalization\":0.75,\"name\":\"title\""))
        // NORM: document-major little-endian UInt16.
        let norms = ranges[5]
        #expect(norms.count == 24)
        #expect(Array(bytes[norms]) == lengths.flatMap { $0 }.flatMap { [UInt8($0), 0] })
        // DOCS: ids sorted in byte order: conta/redefinir (0), conta/senha (2), financeiro (1).
        let documents = ranges[7]
        // A collection this small has no codec: STOR starts with CodecKind 0.
        #expect(bytes[ranges[6].lowerBound] == 0)
        #expect(uint64(bytes, documents.lowerBound) == 1)
        #expect(Int(uint64(bytes, documents.lowerBound + 24)) == ranges[6].count)
        #expect((0..<3).map { uint32(bytes, documents.lowerBound + 32 + 4 * $0) } == [0, 2, 1])
        // FILT: category column "Conta" → docs 0, 2 (deltas 0, 2); "Financeiro" → doc 1.
        let filters = Array(bytes[ranges[8]])
        let conta = Array("Conta".utf8)
        let financeiro = Array("Financeiro".utf8)
        #expect(Array(filters[0..<(1 + 1 + conta.count + 4)]) == [2, 5] + conta + [2, 2, 0, 2])
        #expect(Array(filters[11..<(11 + 1 + financeiro.count + 3)]) == [10] + financeiro + [1, 1, 1])
    }

    @Test func knownTermDecodedByHand() throws {
        let bytes = try buildTinyIndex()
        let index = try DecodedIndex(bytes: bytes)
        let term = Array(Self.analyzer.terms(in: "senha")[0].utf8)
        let tidx = index.section(.termIndex)
        let termSection = index.section(.terms)
        let postSection = index.section(.postings)
        let posnSection = index.section(.positions)
        // TIDX: one block (fewer than 32 terms) at offset 0.
        #expect(uint32(bytes, tidx.offset) == 1)
        #expect(uint32(bytes, tidx.offset + 4) == 0)
        #expect(uint32(bytes, tidx.offset + 8) == 0)
        #expect(tidx.length == 12)
        // TERM: walk the block by hand to the term.
        var reader = Array(bytes[termSection.offset..<(termSection.offset + termSection.length)])
        let termCount = Int(reader.removeFirst())
        #expect(termCount == index.terms.count)
        var previous: [UInt8] = []
        var found: (df: Int, postings: Int, positions: Int)?
        func varUInt() -> Int {
            var value = 0
            var shift = 0
            while true {
                let byte = reader.removeFirst()
                value |= Int(byte & 0x7F) << shift
                if byte < 0x80 { return value }
                shift += 7
            }
        }
        for entry in 0..<termCount {
            let prefix = varUInt()
            let suffix = varUInt()
            if entry == 0 { #expect(prefix == 0) }
            let current = Array(previous[0..<prefix]) + reader.prefix(suffix)
            reader.removeFirst(suffix)
            let entryValues = (varUInt(), varUInt(), varUInt())
            if current == term { found = entryValues }
            previous = current
        }
        #expect(reader.isEmpty)
        let (df, postingsOffset, positionsOffset) = try #require(found)
        #expect(df == 2)  // documents 0 and 2
        // POST at the term's offset: 1 block, one 16-byte skip entry, then the block.
        let post = postSection.offset + postingsOffset
        #expect(bytes[post] == 1)
        #expect(uint32(bytes, post + 1) == 2)  // LastDocID
        #expect(uint32(bytes, post + 5) == 0)  // BlockOffset
        let maxImpact = Float(bitPattern: uint32(bytes, post + 9))
        #expect(uint32(bytes, post + 13) == 0)  // PositionsOffset
        // Block: doc deltas [0, 2] in 2 bits; tf title [1, 1] in 1 bit; headings [0, 1] in 1
        // bit; body [2, 2] in 2 bits.
        #expect(Array(bytes[(post + 17)..<(post + 25)]) == [2, 0b1000, 1, 0b11, 1, 0b10, 2, 0b1010])
        // POSN: per document, per field with tf > 0, the position deltas.
        func positions(_ text: String) -> [UInt8] {
            let found = Self.analyzer.analyze(text).filter { Array($0.term.utf8) == term }.map(\.position)
            return zip(found, [0] + found).map { UInt8($0 - $1) }
        }
        let expectedPositions =
            positions(Self.articles[0].title) + positions(Self.articles[0].body)
            + positions(Self.articles[2].title) + positions("Senha") + positions(Self.articles[2].body)
        #expect(expectedPositions == [1, 3, 4, 0, 0, 0, 1])
        let posn = posnSection.offset + positionsOffset
        #expect(Array(bytes[posn..<(posn + expectedPositions.count)]) == expectedPositions)
        // MaxImpact: the larger BM25F pseudo-frequency of the two documents.
        let lengths = Self.articles.map { article in
            [article.title, article.headings.joined(separator: "\n"), article.body].map {
                Double(Self.analyzer.terms(in: $0).count)
            }
        }
        let averages = (0..<3).map { field in lengths.reduce(0) { $0 + $1[field] } / 3 }
        func pseudo(_ document: Int, _ tf: [Double]) -> Double {
            (0..<3).reduce(0.0) { sum, field in
                let weight = [3.0, 2.0, 1.0][field]
                guard tf[field] > 0 else { return sum }
                return sum + weight * tf[field] / (0.25 + 0.75 * lengths[document][field] / averages[field])
            }
        }
        let expected = max(pseudo(0, [1, 0, 2]), pseudo(2, [1, 1, 2]))
        #expect(Double(maxImpact) >= expected)
        #expect(Double(maxImpact) < expected * (1 + 1e-6))
        #expect(index.postings[term]!.map(\.document) == [0, 2])
    }
}
