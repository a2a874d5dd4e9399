import Foundation
import KBIndex
import Testing

@testable import KBSearch

@Suite struct BM25Tests {
    let bm25 = BM25(
        k1: 1.2, weights: [3, 2, 1], lengthNormalizations: [0.75, 0.75, 0.5], averageLengths: [4, 10, 100],
        documentCount: 1_000)

    @Test func idfMatchesHandComputedValues() {
        // ln(1 + (1000 − 10 + 0.5) / (10 + 0.5)) = ln(95.333…)
        #expect(abs(bm25.idf(documentFrequency: 10) - 4.557380) < 1e-6)
        // A term in every document still scores ≥ 0: ln(1 + 0.5 / 1000.5)
        #expect(abs(bm25.idf(documentFrequency: 1_000) - 0.000499625) < 1e-9)
    }

    @Test func lengthFactorMatchesHandComputedValues() {
        // title: 1 / (1 − 0.75 + 0.75 · 8/4) = 1 / 1.75
        #expect(abs(bm25.lengthFactor(0, length: 8) - 0.571428571) < 1e-9)
        // body: 1 / (1 − 0.5 + 0.5 · 50/100) = 1 / 0.75
        #expect(abs(bm25.lengthFactor(2, length: 50) - 1.333333333) < 1e-9)
    }

    @Test func saturationMatchesHandComputedValues() {
        // tf~ = 2: 2 · 2.2 / 3.2 = 1.375
        #expect(abs(bm25.saturation(2) - 1.375) < 1e-12)
        #expect(bm25.saturation(0) == 0)
        #expect(bm25.saturation(1e9) < bm25.k1 + 1)
    }

    @Test func documentScoreCombinesFieldsBeforeSaturation() {
        // A document with the term once in the title (length 4) and twice in the body
        // (length 100): tf~ = 3 · 1 / 1 + 1 · 2 / 1 = 5; score = idf · 5 · 2.2 / 6.2.
        let pseudoFrequency = 3 * 1 * bm25.lengthFactor(0, length: 4) + 1 * 2 * bm25.lengthFactor(2, length: 100)
        #expect(abs(pseudoFrequency - 5) < 1e-12)
        let score = bm25.idf(documentFrequency: 10) * bm25.saturation(pseudoFrequency)
        #expect(abs(score - 4.557380 * 5 * 2.2 / 6.2) < 1e-5)
    }
}
