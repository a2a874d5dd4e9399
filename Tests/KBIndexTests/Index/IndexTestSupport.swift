import Foundation
import KBTestSupport

@testable import KBIndex

/// Collections and helpers shared by the index writer's tests.
enum IndexTestSupport {
    static let vocabulary = [
        "senha", "conta", "configuração", "impressora", "nota", "fiscal", "não", "consigo", "emitir", "relatório",
        "cadastro", "usuário", "e-mail", "acesso", "erro", "servidor", "integração", "portal", "chamado", "boleto",
        "pagamento", "cliente", "produto", "versão", "atualização", "sistema", "backup", "arquivo", "de", "o", "para",
        "com", "sem", "h2so4", "v8", "integra.config", "ação", "pingüim", "Configurações", "CONFIGURAÇÃO",
    ]

    /// `count` random articles: words from a small vocabulary (so that terms recur across
    /// blocks of 128), some tricky text, repeated and empty tags, NFD forms, over-long words.
    static func articles(count: Int, seed: UInt64) -> [Article] {
        var generator = SeededGenerator(seed: seed)
        func words(_ count: Int) -> String {
            var text: [String] = []
            for _ in 0..<count {
                switch Int.random(in: 0..<40, using: &generator) {
                case 0: text.append(RandomText.make(using: &generator, maximumLength: 12))
                case 1: text.append("configuração".decomposedStringWithCanonicalMapping)
                case 2: text.append(String(repeating: "\u{10428}", count: 64))  // a 256-byte term
                case 3: text.append("\n")
                default: text.append(vocabulary.randomElement(using: &generator)!)
                }
            }
            return text.joined(separator: " ")
        }
        let categories = [
            "Conta", "conta", "Fiscal", "", "Integração", "Integração".decomposedStringWithCanonicalMapping,
        ]
        let tags = ["senha", "nfe", "Senha", "", "ção", "z", "a"]
        return (0..<count).map { index in
            Article(
                id: index % 7 == 3 ? "é/\(index)".decomposedStringWithCanonicalMapping : "artigo-\(index).html",
                title: words(Int.random(in: 0...6, using: &generator)),
                headings: (0..<Int.random(in: 0...3, using: &generator)).map { _ in
                    words(Int.random(in: 1...4, using: &generator))
                },
                body: words(Int.random(in: 0...60, using: &generator)),
                summary: words(3),
                url: Bool.random(using: &generator) ? "https://kb.example/\(index)" : nil,
                category: categories.randomElement(using: &generator)!,
                product: Bool.random(using: &generator) ? "Produto \(index % 3)" : nil,
                tags: (0..<Int.random(in: 0...3, using: &generator)).map { _ in tags.randomElement(using: &generator)!
                },
                updated: index % 2 == 0 ? "2026-10-0\(index % 9 + 1)" : nil)
        }
    }

    /// `articles` analyzed with the default analyzer.
    /// Field settings the hand-computed expectations use (title 3, headings 2, body 1,
    /// b 0.75), fixed here so that tuning kb's defaults does not change these tests.
    static let handComputedFields = [
        FieldSettings(name: "title", weight: 3, lengthNormalization: 0.75),
        FieldSettings(name: "headings", weight: 2, lengthNormalization: 0.75),
        FieldSettings(name: "body", weight: 1, lengthNormalization: 0.75),
        FieldSettings(name: "anchors", weight: 4, lengthNormalization: 0.75),
    ]

    static func analyzed(_ articles: [Article]) -> [AnalyzedArticle] {
        let analyzer = Analyzer()
        return articles.map { AnalyzedArticle($0, analyzer: analyzer) }
    }

    /// Builds an index of `articles` in `directory` and returns its bytes and summary.
    static func build(
        _ articles: [AnalyzedArticle], in directory: URL, name: String = "kb.idx",
        memoryBudget: Int = IndexWriterOptions.defaultMemoryBudget, mergeFanIn: Int = 64, threads: Int = 1
    ) throws -> (bytes: [UInt8], summary: IndexWriteSummary) {
        let writer = try IndexWriter(
            options: IndexWriterOptions(
                fields: IndexTestSupport.handComputedFields, memoryBudget: memoryBudget, temporaryDirectory: directory,
                threads: threads))
        writer.mergeFanIn = mergeFanIn
        for article in articles {
            try writer.add(article)
        }
        let url = directory.appendingPathComponent(name)
        let summary = try writer.write(to: url)
        return (Array(try Data(contentsOf: url)), summary)
    }

    /// The files in `directory`, sorted.
    static func contents(of directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }
}

/// What the index of some articles must contain, computed the slow obvious way.
struct ExpectedIndex {
    var postings: [[UInt8]: [DecodedIndex.Posting]] = [:]
    var norms: [UInt16] = []
    var totalLengths = [0, 0, 0, 0]
    var dropped = 0

    init(_ articles: [AnalyzedArticle]) {
        var table: [[UInt8]: [UInt32: [Set<UInt32>]]] = [:]
        for (document, article) in articles.enumerated() {
            for (field, content) in article.fields.enumerated() {
                var length = 0
                for (term, position) in zip(content.terms, content.positions) {
                    let bytes = Array(term.utf8)
                    guard !bytes.isEmpty, bytes.count <= 255 else {
                        dropped += 1
                        continue
                    }
                    length += 1
                    table[bytes, default: [:]][UInt32(document), default: [[], [], [], []]][field].insert(position)
                }
                let saturated = UInt16(min(length, 65_535))
                norms.append(saturated)
                totalLengths[field] += Int(saturated)
            }
        }
        for (term, documents) in table {
            postings[term] = documents.keys.sorted().map { document in
                let positions = documents[document]!.map { $0.sorted() }
                return DecodedIndex.Posting(
                    document: document, frequencies: positions.map { UInt32($0.count) }, positions: positions)
            }
        }
    }

    /// The BM25F pseudo-frequency of `posting`, straight from `FORMAT.md`.
    func pseudoFrequency(_ posting: DecodedIndex.Posting, fields: [FieldSettings], documentCount: Int) -> Double {
        var sum = 0.0
        for field in 0..<IndexField.count where posting.frequencies[field] > 0 {
            let average = Double(totalLengths[field]) / Double(documentCount)
            let length = Double(norms[Int(posting.document) * IndexField.count + field])
            let b = fields[field].lengthNormalization
            sum += fields[field].weight * Double(posting.frequencies[field]) / (1 - b + b * length / average)
        }
        return sum
    }
}
