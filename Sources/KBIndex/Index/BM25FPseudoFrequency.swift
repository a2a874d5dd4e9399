/// The BM25F pseudo-frequency of a term in a document, whose per-block maximum is the
/// `MaxImpact` of `POST`'s skip entries (`FORMAT.md`, POST):
///
/// `Σ_f weight_f · tf(d,f) / (1 − b_f + b_f · length(d,f) / avgLength_f)`
///
/// with the fields' `weight` and `lengthNormalization` (`b`) of `META`, the lengths of `NORM`
/// and `avgLength_f = totalLength_f / N`. Fields where the term is absent add nothing (so a
/// field of total length 0, where no term can occur, never divides by zero).
struct BM25FPseudoFrequency {
    private let weights: (Double, Double, Double)
    private let constants: (Double, Double, Double)
    private let slopes: (Double, Double, Double)
    private let norms: [UInt16]

    /// The model for `fields` (in field order), the fields' total lengths, the number of
    /// documents and the document-major field lengths.
    init(fields: [FieldSettings], totalLengths: [Int], documentCount: Int, norms: [UInt16]) {
        precondition(fields.count == IndexField.count && totalLengths.count == IndexField.count)
        func slope(_ field: Int) -> Double {
            let b = fields[field].lengthNormalization
            guard documentCount > 0, totalLengths[field] > 0 else { return 0 }
            return b / (Double(totalLengths[field]) / Double(documentCount))
        }
        weights = (fields[0].weight, fields[1].weight, fields[2].weight)
        constants = (
            1 - fields[0].lengthNormalization, 1 - fields[1].lengthNormalization, 1 - fields[2].lengthNormalization
        )
        slopes = (slope(0), slope(1), slope(2))
        self.norms = norms
    }

    /// The pseudo-frequency of a term with `frequencies` (per field) in `document`.
    @inline(__always)
    func callAsFunction(document: UInt32, frequencies: (UInt32, UInt32, UInt32)) -> Double {
        let base = Int(document) * IndexField.count
        var sum = 0.0
        if frequencies.0 > 0 {
            sum += weights.0 * Double(frequencies.0) / (constants.0 + slopes.0 * Double(norms[base]))
        }
        if frequencies.1 > 0 {
            sum += weights.1 * Double(frequencies.1) / (constants.1 + slopes.1 * Double(norms[base + 1]))
        }
        if frequencies.2 > 0 {
            sum += weights.2 * Double(frequencies.2) / (constants.2 + slopes.2 * Double(norms[base + 2]))
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
