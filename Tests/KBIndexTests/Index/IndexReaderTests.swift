import Foundation
import KBTestSupport
import Testing

@testable import KBIndex

/// Round trips through `IndexWriter` and `IndexReader`: every term, posting, position,
/// stored document, field length and filter value read back equals what an independent
/// in-memory inverted index of the same analyzed articles says.
@Suite struct IndexReaderTests {
    // MARK: - Collections

    /// Words that recur (so common terms span several posting blocks), with accents, other
    /// scripts, stop words, a hyphenated and a dotted word.
    static let vocabulary = [
        "senha", "conta", "configuração", "impressora", "nota", "fiscal", "não", "emitir", "relatório", "usuário",
        "e-mail", "acesso", "erro", "servidor", "integração", "boleto", "pagamento", "versão", "atualização", "de",
        "o", "para", "com", "h2so4", "pingüim", "Configurações", "ÁGUA", "coração", "maçã", "über", "naïve",
        "日本語", "Ζεύς", "integra.config", "CONFIGURAÇÃO", "relatórios", "emitindo", "senhas",
    ]
    static let categories = [
        "Conta", "conta", "Fiscal", "", "Integração", "Integração".decomposedStringWithCanonicalMapping,
    ]
    static let products = ["Produto A", "Produto B", "ÿ", "", "Ω"]
    static let tags = ["senha", "nfe", "Senha", "", "ção", "ção".decomposedStringWithCanonicalMapping, "z", "a", "日本"]

    /// `count` articles with unique ids in random order and bodies of `bodyWords` words:
    /// skewed word frequencies, empty fields, unicode titles, canonically equivalent but
    /// byte-different ids and filter values, over-long terms (dropped by the writer).
    static func articles(count: Int, seed: UInt64, bodyWords: ClosedRange<Int> = 0...80) -> [Article] {
        var generator = SeededGenerator(seed: seed)
        func word() -> String {
            switch Int.random(in: 0..<100, using: &generator) {
            case 0..<3: return RandomText.make(using: &generator, maximumLength: 10)
            case 3: return "configuração".decomposedStringWithCanonicalMapping
            case 4: return String(repeating: "ã", count: 130)  // a 260-byte term: not indexed
            case 5: return "\n"
            default:
                // Squaring a uniform draw favours the first words.
                let uniform = Double.random(in: 0..<1, using: &generator)
                return vocabulary[Int(uniform * uniform * Double(vocabulary.count))]
            }
        }
        func words(_ range: ClosedRange<Int>) -> String {
            (0..<Int.random(in: range, using: &generator)).map { _ in word() }.joined(separator: " ")
        }
        var ids: [String] = []
        var seenIDs: Set<[UInt8]> = []
        while ids.count < count {
            let base: String
            switch Int.random(in: 0..<4, using: &generator) {
            case 0: base = "é/\(Int.random(in: 0..<count * 4, using: &generator))"
            case 1: base = "conta/\(String(UInt32.random(in: 0...UInt32.max, using: &generator), radix: 36)).html"
            case 2: base = "artigo-\(Int.random(in: 0..<count * 4, using: &generator))"
            default: base = RandomText.make(using: &generator, maximumLength: 8) + "#\(ids.count)"
            }
            for id in [base, base.decomposedStringWithCanonicalMapping] where seenIDs.insert(Array(id.utf8)).inserted {
                ids.append(id)
            }
        }
        ids = Array(ids.prefix(count))
        ids.shuffle(using: &generator)
        return ids.map { id in
            let title: String
            switch Int.random(in: 0..<8, using: &generator) {
            case 0: title = ""
            case 1: title = RandomText.make(using: &generator, maximumLength: 20)
            default: title = words(1...6)
            }
            let body = Int.random(in: 0..<10, using: &generator) == 0 ? "" : words(bodyWords)
            return Article(
                id: id, title: title,
                headings: (0..<Int.random(in: 0...3, using: &generator)).map { _ in words(0...4) },
                body: body, summary: words(0...3),
                url: Bool.random(using: &generator) ? "https://kb.example/\(id)" : nil,
                category: categories.randomElement(using: &generator)!,
                product: Bool.random(using: &generator) ? products.randomElement(using: &generator)! : nil,
                tags: (0..<Int.random(in: 0...3, using: &generator)).map { _ in tags.randomElement(using: &generator)!
                },
                updated: Bool.random(using: &generator) ? "2026-10-0\(Int.random(in: 1...9, using: &generator))" : nil)
        }
    }

    /// Writes `articles` into a new index in a temporary folder and opens it.
    static func makeIndex(_ articles: [Article]) throws -> (reader: IndexReader, folder: URL) {
        try TestIndex.make(articles)
    }

    // MARK: - Round trip

    @Test(arguments: [(UInt64(1), 45), (2, 160), (3, 420), (4, 700)])
    func everythingWrittenReadsBackExactly(seed: UInt64, count: Int) throws {
        let articles = Self.articles(count: count, seed: seed)
        let (reader, folder) = try Self.makeIndex(articles)
        defer { try? FileManager.default.removeItem(at: folder) }
        let expected = ReferenceIndex(articles)
        let context = "seed \(seed), \(count) articles"

        // Metadata.
        #expect(reader.documentCount == count, "\(context)")
        #expect(reader.metadata.documentCount == count, "\(context)")
        #expect(reader.metadata.termCount == expected.sortedTerms.count, "\(context)")
        #expect(reader.metadata.fields.map(\.totalLength) == expected.totalLengths, "\(context)")
        #expect(reader.metadata.analyzer == IndexMetadata.AnalyzerSettings(.default), "\(context)")
        if count >= 420 {
            #expect(expected.postings.values.contains { $0.count > 2 * PostingsCursor.blockSize }, "\(context)")
        }

        // Field lengths.
        for document in 0..<count {
            for field in IndexField.allCases {
                let length = reader.fieldLength(field, of: document)
                let wanted = min(expected.fieldLengths[document][field.rawValue], 65_535)
                #expect(length == wanted, "\(context): doc \(document), \(field.name)")
            }
        }

        // The dictionary in order, every term found by lookup.
        var enumerated: [TermEntry] = []
        try reader.terms.forEachTerm { (entry) throws(IndexFormatError) -> Bool in
            enumerated.append(entry)
            return true
        }
        #expect(enumerated.map(\.bytes) == expected.sortedTerms, "\(context)")
        for term in expected.sortedTerms {
            let string = String(decoding: term, as: UTF8.self)
            let info = try reader.terms.lookup(string)
            #expect(info?.term.utf8.elementsEqual(term) == true, "\(context): lookup of \(string.debugDescription)")
            #expect(
                info?.documentFrequency == expected.postings[term]!.count,
                "\(context): document frequency of \(string.debugDescription)")
        }

        // Every posting list, walked with next(), with frequencies and positions.
        var generator = SeededGenerator(seed: seed &+ 1_000)
        for entry in enumerated {
            let info = entry.info
            let postings = expected.postings[entry.bytes] ?? []
            let label = "\(context): \(info.term.debugDescription)"
            var cursor = try reader.postings(for: info)
            #expect(cursor.document == -1, "\(label)")
            #expect(cursor.blockCount == (postings.count + 127) / 128, "\(label)")
            for block in 0..<cursor.blockCount {
                let last = postings[min(postings.count, (block + 1) * 128) - 1].document
                #expect(cursor.lastDocument(ofBlock: block) == last, "\(label): block \(block)")
            }
            for posting in postings {
                let document = try cursor.next()
                #expect(document == posting.document, "\(label)")
                guard document == posting.document else { break }
                try expectCurrent(cursor, matches: posting, label)
            }
            #expect(try cursor.next() == PostingsCursor.exhausted, "\(label)")
            #expect(try cursor.next() == PostingsCursor.exhausted, "\(label): stays exhausted")

            // advance(to:) to random increasing targets, mixed with next().
            var jumping = try reader.postings(for: info)
            var target = 0
            while true {
                let before = jumping.document
                let landed: Int
                let wanted: Int
                if Int.random(in: 0..<4, using: &generator) == 0 {
                    landed = try jumping.next()
                    wanted = postings.first { $0.document > before }?.document ?? PostingsCursor.exhausted
                } else {
                    target += Int.random(in: 0...max(1, count / 6), using: &generator)
                    landed = try jumping.advance(to: target)
                    wanted =
                        before >= target
                        ? before : postings.first { $0.document >= target }?.document ?? PostingsCursor.exhausted
                }
                #expect(landed == wanted, "\(label): from \(before), target \(target)")
                #expect(jumping.document == landed, "\(label)")
                guard landed == wanted, landed != PostingsCursor.exhausted else { break }
                guard landed >= 0 else { continue }  // advance(to: 0) before the first next()
                try expectCurrent(jumping, matches: postings.first { $0.document == landed }!, label)
            }
        }

        // Absent terms.
        var absent = [
            "", "zzzzzz", "\u{10FFFF}", "senha\u{0}", "a", "configuração".decomposedStringWithCanonicalMapping,
        ]
        for _ in 0..<200 {
            absent.append(RandomText.make(using: &generator, maximumLength: 6))
            if let term = expected.sortedTerms.randomElement(using: &generator) {
                absent.append(String(decoding: term, as: UTF8.self) + "\u{1}")
                absent.append(String(decoding: term.dropLast(), as: UTF8.self))
            }
        }
        for term in absent where expected.postings[Array(term.utf8)] == nil {
            #expect(try reader.terms.lookup(term) == nil, "\(context): \(term.debugDescription) is absent")
        }

        try expectPrefixesAndStarts(reader, expected, &generator, context)
        try expectStoredDocuments(reader, articles, &generator, context)
        try expectFilters(reader, expected, context)
    }

    /// The cursor's current document has `posting`'s frequencies and positions.
    private func expectCurrent(
        _ cursor: PostingsCursor, matches posting: ReferenceIndex.Posting, _ label: String
    ) throws {
        for field in IndexField.allCases {
            #expect(
                cursor.frequency(in: field) == posting.positions[field.rawValue].count,
                "\(label): doc \(posting.document), \(field.name)")
        }
        var positions: [[Int]] = [[], [], [], []]
        try cursor.forEachPosition { field, position in positions[field.rawValue].append(position) }
        #expect(positions == posting.positions, "\(label): positions in doc \(posting.document)")
    }

    private func expectPrefixesAndStarts(
        _ reader: IndexReader, _ expected: ReferenceIndex, _ generator: inout SeededGenerator, _ context: String
    ) throws {
        let sorted = expected.sortedTerms
        // Prefixes: whole-scalar prefixes of real terms, the empty prefix, and misses.
        var prefixes = ["", "zz", "\u{10FFFF}", "s", "co", "conf", "ç"]
        for _ in 0..<60 {
            guard let term = sorted.randomElement(using: &generator) else { break }
            let scalars = Array(String(decoding: term, as: UTF8.self).unicodeScalars)
            let length = Int.random(in: 0...scalars.count, using: &generator)
            var prefix = String.UnicodeScalarView()
            prefix.append(contentsOf: scalars.prefix(length))
            prefixes.append(String(prefix))
        }
        for prefix in prefixes {
            let matching = sorted.filter { $0.starts(with: prefix.utf8) }
            for limit in [Int.max, 1, 3] {
                let found = try reader.terms.terms(withPrefix: prefix, limit: limit).map { Array($0.term.utf8) }
                #expect(
                    found == Array(matching.prefix(limit)),
                    "\(context): prefix \(prefix.debugDescription), limit \(limit)")
            }
        }
        // Starts: every term, strings between terms, before the first and past the last.
        var starts = ["", "\u{10FFFF}", "zzzzzzzz", "\u{0}"]
        for _ in 0..<80 {
            guard let term = sorted.randomElement(using: &generator) else { break }
            let string = String(decoding: term, as: UTF8.self)
            starts.append(string)
            starts.append(string + "\u{0}")
            starts.append(String(decoding: term.dropLast(), as: UTF8.self))
            starts.append(RandomText.make(using: &generator, maximumLength: 4))
        }
        for start in starts {
            let first = sorted.firstIndex { compareBytes($0, start.utf8) >= 0 } ?? sorted.count
            let wanted = Array(sorted[first..<min(sorted.count, first + 5)])
            var found: [[UInt8]] = []
            try reader.terms.forEachTerm(from: start) { (entry) throws(IndexFormatError) -> Bool in
                found.append(entry.bytes)
                return found.count < 5
            }
            #expect(found == wanted, "\(context): forEachTerm(from: \(start.debugDescription))")
        }
    }

    private func expectStoredDocuments(
        _ reader: IndexReader, _ articles: [Article], _ generator: inout SeededGenerator, _ context: String
    ) throws {
        var ids: Set<[UInt8]> = []
        for (document, article) in articles.enumerated() {
            ids.insert(Array(article.id.utf8))
            #expect(try reader.storedDocument(document) == StoredDocument(article), "\(context): doc \(document)")
            let id = try reader.articleID(of: document)
            #expect(id.utf8.elementsEqual(article.id.utf8), "\(context): id of doc \(document)")
            #expect(
                try reader.document(withArticleID: article.id) == document,
                "\(context): doc of id \(article.id.debugDescription)")
        }
        var absent = ["", "\u{10FFFF}", "artigo-", "é"]
        for _ in 0..<100 {
            absent.append(articles.randomElement(using: &generator).map { $0.id + "x" } ?? "x")
            absent.append(articles.randomElement(using: &generator).map { String($0.id.dropLast()) } ?? "y")
            absent.append(RandomText.make(using: &generator, maximumLength: 6))
        }
        for id in absent where !ids.contains(Array(id.utf8)) {
            #expect(try reader.document(withArticleID: id) == nil, "\(context): id \(id.debugDescription) is absent")
        }
    }

    private func expectFilters(_ reader: IndexReader, _ expected: ReferenceIndex, _ context: String) throws {
        for column in FilterColumns.Column.allCases {
            let wanted = expected.filters[column.rawValue]
            let values = reader.filters.values[column.rawValue]
            #expect(
                values.map { Array($0.utf8) } == wanted.keys.sorted { compareBytes($0, $1) < 0 },
                "\(context): values of \(column)")
            for value in values {
                let documents = wanted[Array(value.utf8)] ?? []
                #expect(
                    try reader.filters.documents(column, value) == documents,
                    "\(context): documents of \(column) \(value.debugDescription) (\(Array(value.utf8)))")
                #expect(
                    reader.filters.documentCount(column, value) == documents.count,
                    "\(context): count of \(column) \(value.debugDescription) (\(Array(value.utf8)))")
            }
            for missing in ["", "nenhum", "CONTA", "Ω\u{0}"] where wanted[Array(missing.utf8)] == nil {
                #expect(try reader.filters.documents(column, missing).isEmpty, "\(context): \(column) \(missing)")
                #expect(reader.filters.documentCount(column, missing) == 0, "\(context): \(column) \(missing)")
            }
        }
    }

    // MARK: - Empty indexes

    @Test func indexWithoutArticlesOpensAndAnswersEmpty() throws {
        let (reader, folder) = try Self.makeIndex([])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(reader.documentCount == 0)
        #expect(reader.metadata.termCount == 0)
        #expect(reader.metadata.fields.map(\.totalLength) == [0, 0, 0, 0])
        #expect(reader.terms.blockCount == 0)
        #expect(try reader.terms.lookup("senha") == nil)
        #expect(try reader.terms.lookup("") == nil)
        #expect(try reader.terms.terms(withPrefix: "").isEmpty)
        var visited = 0
        try reader.terms.forEachTerm { (_) throws(IndexFormatError) -> Bool in
            visited += 1
            return true
        }
        #expect(visited == 0)
        #expect(try reader.document(withArticleID: "a") == nil)
        #expect(try reader.document(withArticleID: "") == nil)
        for column in FilterColumns.Column.allCases {
            #expect(reader.filters.values[column.rawValue].isEmpty)
            #expect(try reader.filters.documents(column, "Conta").isEmpty)
            #expect(reader.filters.documentCount(column, "Conta") == 0)
        }
        #expect(IndexVerifier(path: reader.path).run().isOK)
    }

    @Test func indexOfArticlesWithoutTermsStoresThemAndHasNoTerms() throws {
        let articles = [
            Article(id: "vazio", title: "", body: ""),
            Article(id: "só-palavras-vazias", title: "de o para", body: "com a e o", category: "Conta"),
            Article(id: "pontuação", title: "!!! ...", headings: ["—"], body: "?", tags: ["x"]),
        ]
        let (reader, folder) = try Self.makeIndex(articles)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(reader.documentCount == 3)
        #expect(reader.metadata.termCount == 0)
        #expect(reader.terms.blockCount == 0)
        #expect(try reader.terms.terms(withPrefix: "").isEmpty)
        for (document, article) in articles.enumerated() {
            #expect(try reader.storedDocument(document) == StoredDocument(article))
            #expect(try reader.document(withArticleID: article.id) == document)
            for field in IndexField.allCases { #expect(reader.fieldLength(field, of: document) == 0) }
        }
        #expect(try reader.filters.documents(.category, "Conta") == [1])
        #expect(try reader.filters.documents(.tag, "x") == [2])
        #expect(IndexVerifier(path: reader.path).run().isOK)
    }

    // MARK: - Opening is lazy

    /// Opening reads the frame, `META`, the `TIDX` header and the filter names only: an
    /// index whose other sections are garbage still opens, and the damage shows when those
    /// sections are read or checksums are verified.
    @Test func openingDoesNotReadTheLazySections() throws {
        let seed: UInt64 = 77
        let (reader, folder) = try Self.makeIndex(Self.articles(count: 120, seed: seed))
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = reader.path
        let original = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let stored = reader.section(.storedFields)
        var generator = SeededGenerator(seed: seed)

        // Only STOR garbled: open succeeds, the search-side data works, verification names STOR.
        var bytes = original
        for offset in stored.offset..<(stored.offset + stored.length) {
            bytes[offset] = UInt8.random(in: 0...255, using: &generator)
        }
        let garbledPath = folder.appendingPathComponent("garbled-stored.idx").path
        try Data(bytes).write(to: URL(fileURLWithPath: garbledPath))
        let garbled = try IndexReader.open(path: garbledPath)
        #expect(garbled.documentCount == 120)
        let firstTerm = try #require(try reader.terms.terms(withPrefix: "", limit: 1).first)
        #expect(try garbled.terms.lookup(firstTerm.term) == firstTerm, "seed \(seed)")
        let error = #expect(throws: IndexFormatError.self, "seed \(seed)") {
            try IndexReader.open(path: garbledPath, verifyChecksums: true)
        }
        #expect(error?.section == "stored fields", "seed \(seed)")
        #expect(error?.path == garbledPath, "seed \(seed)")
        if case .checksumMismatch(let stored, let actual)? = error?.kind {
            #expect(stored != actual)
        } else {
            Issue.record("expected a checksum mismatch, got \(String(describing: error)); seed \(seed)")
        }
        #expect(!IndexVerifier(path: garbledPath).run().isOK, "seed \(seed)")

        // Every section but META, TIDX and FILT garbled: the open still succeeds.
        bytes = original
        for tag in [SectionTag.terms, .postings, .positions, .norms, .storedFields, .documents] {
            let section = reader.section(tag)
            for offset in section.offset..<(section.offset + section.length) {
                bytes[offset] = UInt8.random(in: 0...255, using: &generator)
            }
        }
        let allGarbledPath = folder.appendingPathComponent("garbled-all.idx").path
        try Data(bytes).write(to: URL(fileURLWithPath: allGarbledPath))
        let allGarbled = try IndexReader.open(path: allGarbledPath)
        #expect(allGarbled.metadata == reader.metadata, "seed \(seed)")
        #expect(allGarbled.filters.values == reader.filters.values, "seed \(seed)")
    }
}

/// The index of some articles computed the slow, obvious way: term → documents → positions
/// per field, field lengths, filter values → documents.
struct ReferenceIndex {
    struct Posting: Equatable {
        var document: Int
        /// Distinct positions per field, ascending (a repeated position counts once).
        var positions: [[Int]]
    }

    var postings: [[UInt8]: [Posting]] = [:]
    var sortedTerms: [[UInt8]] = []
    /// Per document, per field: the number of terms indexed (before saturation).
    var fieldLengths: [[Int]] = []
    var totalLengths = [0, 0, 0, 0]
    /// Per column (category, product, tag): value bytes → documents, ascending.
    var filters: [[[UInt8]: [Int]]] = [[:], [:], [:]]

    init(_ articles: [Article], analyzer: Analyzer = Analyzer()) {
        var table: [[UInt8]: [Int: [Set<Int>]]] = [:]
        for (document, article) in articles.enumerated() {
            let texts = [article.title, article.headings.joined(separator: "\n"), article.body]
            // The articles have no links, so their anchors field stays empty.
            var lengths = [0, 0, 0, 0]
            for (field, text) in texts.enumerated() {
                analyzer.forEachToken(in: text) { token in
                    let bytes = Array(token.term.utf8)
                    guard !bytes.isEmpty, bytes.count <= 255 else { return }
                    lengths[field] += 1
                    table[bytes, default: [:]][document, default: [[], [], [], []]][field].insert(token.position)
                }
            }
            fieldLengths.append(lengths)
            for field in 0..<3 { totalLengths[field] += min(lengths[field], 65_535) }
            let values = [[article.category ?? ""], [article.product ?? ""], article.tags]
            for (column, columnValues) in values.enumerated() {
                for value in Set(columnValues.map { Array($0.utf8) }) where !value.isEmpty {
                    filters[column][value, default: []].append(document)
                }
            }
        }
        for (term, documents) in table {
            postings[term] = documents.keys.sorted().map { document in
                Posting(document: document, positions: documents[document]!.map { $0.sorted() })
            }
        }
        sortedTerms = postings.keys.sorted { compareBytes($0, $1) < 0 }
    }
}
