public import KBIndex

/// BM25F scoring (Robertson, Zaragoza and Taylor, "Simple BM25 extension to multiple
/// weighted fields", CIKM 2004), with Lucene's non-negative idf.
///
/// For a term t and a document d with fields f (title, headings, body):
///
///     tf~(t,d) = Σ_f  w_f · tf(t,d,f) / (1 − b_f + b_f · len(d,f) / avglen_f)
///     score(t,d) = idf(t) · tf~ · (k1 + 1) / (k1 + tf~)
///     idf(t) = ln(1 + (N − df(t) + 0.5) / (df(t) + 0.5))
///
/// The fields' weights `w_f` and length normalizations `b_f` are fixed when the index is
/// built (the per-block impacts depend on them) and read from its metadata; `k1` is free at
/// query time. `idf` never goes below 0 (unlike Robertson's original, which is negative for
/// terms in more than half the documents), so a common term can only add to a score.
public struct BM25: Sendable {
    /// Term-frequency saturation: how fast repeated occurrences stop adding score.
    public var k1: Double
    /// Per-field weights, in ``IndexField`` order.
    public let weights: [Double]
    /// Per-field length normalization `b`, in ``IndexField`` order.
    public let lengthNormalizations: [Double]
    /// Per-field average length over the collection.
    public let averageLengths: [Double]
    /// Number of documents.
    public let documentCount: Int

    /// The default `k1`, 1.6, tuned on the development sets (Lucene's is 1.2; see
    /// `Benchmarks/RELEVANCE.md`).
    public static let defaultK1 = 1.6

    /// Scoring for the index described by `metadata`.
    public init(metadata: IndexMetadata, k1: Double = BM25.defaultK1) {
        self.k1 = k1
        weights = metadata.fields.map(\.weight)
        lengthNormalizations = metadata.fields.map(\.lengthNormalization)
        averageLengths = IndexField.allCases.map { metadata.averageLength(of: $0) }
        documentCount = metadata.documentCount
    }

    /// Scoring from explicit statistics (for tests and tools).
    public init(
        k1: Double, weights: [Double], lengthNormalizations: [Double], averageLengths: [Double], documentCount: Int
    ) {
        self.k1 = k1
        self.weights = weights
        self.lengthNormalizations = lengthNormalizations
        self.averageLengths = averageLengths
        self.documentCount = documentCount
    }

    /// `idf(t) = ln(1 + (N − df + 0.5) / (df + 0.5))`.
    public func idf(documentFrequency: Int) -> Double {
        let n = Double(documentCount)
        let df = Double(documentFrequency)
        return log(1 + (n - df + 0.5) / (df + 0.5))
    }

    /// The factor `1 / (1 − b_f + b_f · len / avglen_f)` that scales a frequency in `field`
    /// of a document whose field has `length` terms.
    @inline(__always)
    public func lengthFactor(_ field: Int, length: Int) -> Double {
        let average = averageLengths[field]
        let b = lengthNormalizations[field]
        let relative = average > 0 ? Double(length) / average : 1
        return 1 / (1 - b + b * relative)
    }

    /// The saturated part of the score, `tf~ · (k1 + 1) / (k1 + tf~)`, for a pseudo-frequency.
    @inline(__always)
    public func saturation(_ pseudoFrequency: Double) -> Double {
        pseudoFrequency * (k1 + 1) / (k1 + pseudoFrequency)
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
