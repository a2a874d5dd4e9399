import KBTestSupport
import Testing

@testable import KBIndex

@Suite struct BM25FPseudoFrequencyTests {
    @Test func followsTheFormula() {
        // Two documents; lengths (title, headings, body, anchors): (2, 0, 10, 6) and (4, 0, 30, 0).
        let model = BM25FPseudoFrequency(
            fields: IndexTestSupport.handComputedFields, totalLengths: [6, 0, 40, 6], documentCount: 2,
            norms: [2, 0, 10, 6, 4, 0, 30, 0])
        let expected =
            3.0 * 1 / (0.25 + 0.75 * 2 / 3) + 1.0 * 3 / (0.25 + 0.75 * 10 / 20) + 4.0 * 2 / (0.25 + 0.75 * 6 / 3)
        #expect(abs(model(document: 0, frequencies: [1, 0, 3, 2]) - expected) < 1e-12)
        // A field nobody has (total length 0) contributes nothing and never divides by 0.
        #expect(model(document: 1, frequencies: [0, 0, 0, 0]) == 0)
    }

    @Test func upperBoundNeverRoundsDown() {
        var generator = SeededGenerator(seed: 5)
        for _ in 0..<10_000 {
            let value = Double.random(in: 0...1_000, using: &generator)
            let bound = BM25FPseudoFrequency.upperBound(value)
            #expect(Double(bound) >= value)
            #expect(Double(bound.nextDown) < value)
        }
        #expect(BM25FPseudoFrequency.upperBound(0) == 0)
        #expect(BM25FPseudoFrequency.upperBound(1.5) == 1.5)
    }
}
