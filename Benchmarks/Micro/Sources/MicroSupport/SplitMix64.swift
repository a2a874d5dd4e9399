/// SplitMix64 (Steele, Lea and Flood, 2014): a small deterministic random-number generator,
/// so that the synthetic corpus is the same on every machine and every run.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator that yields the same sequence for the same seed.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    // The draws below are written out rather than taken from `Int.random(in:using:)`, whose
    // algorithm the standard library does not promise to keep: the corpus must not change
    // with the toolchain.

    /// An index in `0..<count` (the modulo bias is far below anything a benchmark notices).
    mutating func index(below count: Int) -> Int {
        precondition(count > 0, "an index needs a non-empty range")
        return Int(next() % UInt64(count))
    }

    /// An integer in `range`.
    mutating func integer(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + index(below: range.count)
    }

    /// A coin toss that comes up true once in `odds` draws.
    mutating func oneIn(_ odds: Int) -> Bool {
        index(below: odds) == 0
    }
}
