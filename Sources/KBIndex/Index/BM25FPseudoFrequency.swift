/// The BM25F pseudo-frequency of a term in a document, whose per-block maximum is the
/// `MaxImpact` of `POST`'s skip entries (`FORMAT.md`, POST):
///
/// `Σ_f weight_f · tf(d,f) / (1 − b_f + b_f · length(d,f) / avgLength_f)`
///
/// with the fields' `weight` and `lengthNormalization` (`b`) of `META`, the lengths of `NORM`
/// and `avgLength_f = totalLength_f / N`. Fields where the term is absent add nothing (so a
/// field of total length 0, where no term can occur, never divides by zero).
struct BM25FPseudoFrequency {
    private let weights: SIMD4<Double>
    private let constants: SIMD4<Double>
    private let slopes: SIMD4<Double>
    private let norms: [UInt16]

    /// The model for `fields` (in field order), the fields' total lengths, the number of
    /// documents and the document-major field lengths.
    init(fields: [FieldSettings], totalLengths: [Int], documentCount: Int, norms: [UInt16]) {
        precondition(fields.count == IndexField.count && totalLengths.count == IndexField.count)
        var weights = SIMD4<Double>()
        var constants = SIMD4<Double>()
        var slopes = SIMD4<Double>()
        for field in 0..<IndexField.count {
            let b = fields[field].lengthNormalization
            weights[field] = fields[field].weight
            constants[field] = 1 - b
            if documentCount > 0, totalLengths[field] > 0 {
                slopes[field] = b / (Double(totalLengths[field]) / Double(documentCount))
            }
        }
        self.weights = weights
        self.constants = constants
        self.slopes = slopes
        self.norms = norms
    }

    /// The pseudo-frequency of a term with `frequencies` (per field) in `document`.
    @inline(__always)
    func callAsFunction(document: UInt32, frequencies: PostingRecord.Frequencies) -> Double {
        let base = Int(document) * IndexField.count
        var sum = 0.0
        for field in 0..<IndexField.count where frequencies[field] > 0 {
            sum +=
                weights[field] * Double(frequencies[field])
                / (constants[field] + slopes[field] * Double(norms[base + field]))
        }
        return sum
    }

    /// `value` as a `Float` no smaller than it, so that the stored bound is never below the
    /// pseudo-frequency a reader computes in double precision.
    static func upperBound(_ value: Double) -> Float {
        var bound = Float(value)
        if Double(bound) < value { bound = bound.nextUp }
        return bound
    }
}
