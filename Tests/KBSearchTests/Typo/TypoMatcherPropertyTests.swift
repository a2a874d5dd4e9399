import KBTestSupport
import Testing

@testable import KBSearch

/// The matcher against the obvious brute-force scan, on random dictionaries.
@Suite struct TypoMatcherPropertyTests {
    /// A small alphabet, so that random words are often close: 1-, 2-, 3- and 4-byte scalars,
    /// and `ç ã é ê` share their UTF-8 lead byte.
    static let alphabet: [Unicode.Scalar] = ["a", "b", "c", "e", "ç", "ã", "é", "ê", "€", "😀"]

    /// A random word of `lengths` scalars.
    static func randomWord(_ generator: inout SeededGenerator, lengths: ClosedRange<Int>) -> String {
        var scalars = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: lengths, using: &generator) {
            scalars.append(alphabet.randomElement(using: &generator)!)
        }
        return String(scalars)
    }

    /// `word` after `count` random insertions, deletions, substitutions or transpositions.
    static func mutate(_ word: String, edits count: Int, _ generator: inout SeededGenerator) -> String {
        var scalars = Array(word.unicodeScalars)
        for _ in 0..<count {
            let letter = alphabet.randomElement(using: &generator)!
            switch Int.random(in: 0..<4, using: &generator) {
            case 0: scalars.insert(letter, at: Int.random(in: 0...scalars.count, using: &generator))
            case 1 where !scalars.isEmpty: scalars.remove(at: Int.random(in: 0..<scalars.count, using: &generator))
            case 2 where !scalars.isEmpty: scalars[Int.random(in: 0..<scalars.count, using: &generator)] = letter
            case 3 where scalars.count >= 2:
                let index = Int.random(in: 0..<scalars.count - 1, using: &generator)
                scalars.swapAt(index, index + 1)
            default: scalars.append(letter)
            }
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// The scalars of every term of `source`, for ``bruteForce(_:maximumDistance:expansions:in:scalars:)``.
    static func scalars(of source: SortedTermArray) -> [[UInt32]] {
        source.strings.map { $0.unicodeScalars.map(\.value) }
    }

    /// Every term within `maximumDistance` of `word`, ranked as the matcher ranks, the best
    /// `expansions`: a scan of the whole dictionary with the distance function.
    static func bruteForce(
        _ word: String, maximumDistance: Int, expansions: Int, in source: SortedTermArray, scalars: [[UInt32]]
    ) -> [TypoMatcher.Match] {
        let query = word.unicodeScalars.map(\.value)
        var found: [(term: [UInt8], distance: Int, documentFrequency: Int)] = []
        for index in source.terms.indices where abs(scalars[index].count - query.count) <= maximumDistance {
            let distance = DamerauDistance.distance(scalars[index], query)
            if distance <= maximumDistance {
                found.append((source.terms[index], distance, source.documentFrequencies[index]))
            }
        }
        found.sort {
            if $0.distance != $1.distance { return $0.distance < $1.distance }
            if $0.documentFrequency != $1.documentFrequency { return $0.documentFrequency > $1.documentFrequency }
            return $0.term.lexicographicallyPrecedes($1.term)
        }
        return found.prefix(expansions).map {
            TypoMatcher.Match(
                term: String(decoding: $0.term, as: UTF8.self), distance: $0.distance,
                documentFrequency: $0.documentFrequency)
        }
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 0x5EED_CAFE_F00D_BEEF] as [UInt64])
    func matchesEqualABruteForceScan(seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        let words = (0..<3_000).map { _ in Self.randomWord(&generator, lengths: 1...8) }
        var frequencies: [String: Int] = [:]
        for word in words { frequencies[word] = Int.random(in: 1...4, using: &generator) }
        let source = SortedTermArray(words) { frequencies[$0]! }
        let scalars = Self.scalars(of: source)
        for query in 0..<120 {
            let word =
                query.isMultiple(of: 2)
                ? Self.mutate(
                    words.randomElement(using: &generator)!, edits: Int.random(in: 0...3, using: &generator), &generator
                )
                : Self.randomWord(&generator, lengths: 0...10)
            let maximumDistance = Int.random(in: 0...3, using: &generator)
            let expansions = [1, 3, 50, .max].randomElement(using: &generator)!
            let inlineSkipLimit = [0, 2, 16].randomElement(using: &generator)!
            let matcher = TypoMatcher(maximumExpansions: expansions, inlineSkipLimit: inlineSkipLimit)
            var statistics = TypoMatcher.Statistics()
            let found = try matcher.matches(
                for: word, maximumDistance: maximumDistance, in: source, statistics: &statistics)
            let expected = Self.bruteForce(
                word, maximumDistance: maximumDistance, expansions: expansions, in: source, scalars: scalars)
            #expect(
                found == expected,
                "seed \(seed), query \(query): \(word) within \(maximumDistance), \(expansions) expansions, inline skip \(inlineSkipLimit)"
            )
            // Seeks only go forward: no term is enumerated twice.
            #expect(statistics.termsVisited + statistics.termsSkipped <= source.terms.count, "seed \(seed)")
        }
    }

    /// One walk over several prefixes of a word finds, for each prefix, what a walk for that
    /// prefix alone finds.
    @Test(arguments: [7, 8, 9] as [UInt64])
    func prefixWalksEqualOneWalkPerPrefix(seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        let words = (0..<3_000).map { _ in Self.randomWord(&generator, lengths: 1...9) }
        var frequencies: [String: Int] = [:]
        for word in words { frequencies[word] = Int.random(in: 1...4, using: &generator) }
        let source = SortedTermArray(words) { frequencies[$0]! }
        for query in 0..<80 {
            let word = Self.mutate(
                words.randomElement(using: &generator)! + Self.randomWord(&generator, lengths: 0...3),
                edits: Int.random(in: 0...2, using: &generator), &generator)
            let scalars = word.unicodeScalars.map(\.value)
            let lengths = (0...3).map { scalars.count - $0 }.filter { $0 >= 0 }
                .filter { _ in Bool.random(using: &generator) }
            guard !lengths.isEmpty else { continue }
            let maximumDistance = Int.random(in: 0...2, using: &generator)
            let expansions = [1, 3, 50].randomElement(using: &generator)!
            let matcher = TypoMatcher(maximumExpansions: expansions)
            var statistics = TypoMatcher.Statistics()
            let together = try matcher.matches(
                forPrefixes: lengths, of: scalars, maximumDistance: maximumDistance, in: source,
                statistics: &statistics)
            for (index, length) in lengths.enumerated() {
                var prefix = String.UnicodeScalarView()
                prefix.append(contentsOf: word.unicodeScalars.prefix(length))
                let alone = try matcher.matches(for: String(prefix), maximumDistance: maximumDistance, in: source)
                #expect(together[index] == alone, "seed \(seed), query \(query): \(word) prefix \(length)")
            }
        }
    }
}
