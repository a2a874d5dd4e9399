/// The `META` section: how the index was built and the collection statistics BM25 needs.
/// Encoded as JSON with sorted keys (see `FORMAT.md`, "META").
public struct IndexMetadata: Sendable, Hashable, Codable {
    /// One field's settings and statistics.
    public struct Field: Sendable, Hashable, Codable {
        /// `title`, `headings` or `body`.
        public var name: String
        /// BM25F weight used for the block-max impacts.
        public var weight: Double
        /// BM25F length normalization `b`.
        public var lengthNormalization: Double
        /// Sum of this field's lengths over all documents.
        public var totalLength: Int

        /// Creates a field entry.
        public init(name: String, weight: Double, lengthNormalization: Double, totalLength: Int) {
            self.name = name
            self.weight = weight
            self.lengthNormalization = lengthNormalization
            self.totalLength = totalLength
        }
    }

    /// The analysis the index was built with; queries must be analyzed the same way.
    public struct AnalyzerSettings: Sendable, Hashable, Codable {
        /// Stemmer name (`light`, `snowball`, ...).
        public var stemmer: String
        /// Whether stop words were removed.
        public var removesStopWords: Bool
        /// Whether accents were folded.
        public var foldsAccents: Bool
        /// Whether informal spellings were normalized.
        public var normalizesInformalSpellings: Bool
        /// Name of the stop-word list (`snowball`).
        public var stopWords: String

        /// The settings of `options`.
        public init(_ options: AnalyzerOptions) {
            stemmer = options.stemmer.rawValue
            removesStopWords = options.removesStopWords
            foldsAccents = options.foldsAccents
            normalizesInformalSpellings = options.normalizesInformalSpellings
            stopWords = "snowball"
        }

        /// The analyzer options these settings name, or nil when this build lacks the stemmer.
        public var options: AnalyzerOptions? {
            guard let name = StemmerName(rawValue: stemmer), stopWords == "snowball" else { return nil }
            return AnalyzerOptions(
                stemmer: name, removesStopWords: removesStopWords, foldsAccents: foldsAccents,
                normalizesInformalSpellings: normalizesInformalSpellings)
        }
    }

    /// Always ``FormatVersion/current`` when written.
    public var formatVersion: Int
    /// Number of documents.
    public var documentCount: Int
    /// Number of distinct terms.
    public var termCount: Int
    /// How text was analyzed.
    public var analyzer: AnalyzerSettings
    /// The three fields, in ``IndexField`` order.
    public var fields: [Field]
    /// Reserved (0).
    public var impactK1: Double
    /// `kb <version>`.
    public var producer: String

    /// Creates metadata.
    public init(
        formatVersion: Int = Int(FormatVersion.current), documentCount: Int, termCount: Int,
        analyzer: AnalyzerSettings, fields: [Field], impactK1: Double = 0, producer: String = KBVersion.producer
    ) {
        self.formatVersion = formatVersion
        self.documentCount = documentCount
        self.termCount = termCount
        self.analyzer = analyzer
        self.fields = fields
        self.impactK1 = impactK1
        self.producer = producer
    }

    /// Average length of `field` over all documents (0 for an empty index).
    public func averageLength(of field: IndexField) -> Double {
        documentCount == 0 ? 0 : Double(fields[field.rawValue].totalLength) / Double(documentCount)
    }
}

/// kb's version, written into every index.
public enum KBVersion {
    /// The release version.
    public static let version = "0.1.0"
    /// `kb 0.1.0`.
    public static let producer = "kb \(version)"
}
