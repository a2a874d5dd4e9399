/// The edit distance between two words counted in characters (Unicode scalars): the
/// fewest insertions, deletions, substitutions and transpositions of two adjacent
/// characters that turn one into the other (Levenshtein 1966; Damerau 1964).
///
/// This is the *optimal string alignment* (restricted Damerau–Levenshtein) distance: no
/// substring is edited twice, so `ca` → `abc` is 3, not 2 as in the unrestricted distance.
/// ``TypoMatcher`` computes the same distance, row by row, over the term dictionary.
public enum DamerauDistance {
    /// The optimal-string-alignment distance between `a` and `b`, in Unicode scalars (`ç` and
    /// `ã` are one character each when precomposed, as the analyzer leaves them).
    public static func distance(_ a: String, _ b: String) -> Int {
        distance(a.unicodeScalars.map(\.value), b.unicodeScalars.map(\.value))
    }

    /// The optimal-string-alignment distance between two scalar sequences (Wagner–Fischer
    /// dynamic programming with Damerau's transposition case, three rows).
    static func distance(_ a: [UInt32], _ b: [UInt32]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        let width = b.count + 1
        var beforePrevious = [Int](repeating: 0, count: width)
        var previous = Array(0..<width)
        var current = [Int](repeating: 0, count: width)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                var value = min(
                    previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, beforePrevious[j - 2] + 1)
                }
                current[j] = value
            }
            swap(&beforePrevious, &previous)
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
