/// A canonical, length-limited prefix code over a small alphabet, as the stored-text codec
/// uses for literals/lengths and for distances.
///
/// A code is fully described by each symbol's code length (0 = the symbol has no code);
/// codes are assigned canonically (shorter codes first, then by symbol), as in DEFLATE. Bits
/// are written least significant first, so each code is kept bit-reversed, and a decoder looks
/// up the next ``maximumLength`` bits of its bit buffer in one table.
struct HuffmanCode {
    /// The longest code. Short enough that the decoding table (2^12 entries) stays in L1.
    static let maximumLength = 12

    /// Each symbol's code length, 0 for symbols without a code.
    let lengths: [UInt8]
    /// Each symbol's code, bit-reversed (ready to be written least significant bit first).
    let reversedCodes: [UInt16]

    /// The code with the given `lengths`, which must satisfy Kraft's inequality
    /// (``isValid(lengths:)``).
    init(lengths: [UInt8]) {
        precondition(Self.isValid(lengths: lengths), "code lengths over-subscribe the code space")
        self.lengths = lengths
        var nextCode = Self.firstCodes(lengths: lengths)
        var reversed = [UInt16](repeating: 0, count: lengths.count)
        for (symbol, length) in lengths.enumerated() where length > 0 {
            let code = nextCode[Int(length)]
            nextCode[Int(length)] += 1
            reversed[symbol] = Self.reverse(code, bits: Int(length))
        }
        reversedCodes = reversed
    }

    /// The optimal code lengths for `frequencies`, limited to ``maximumLength`` bits. Every
    /// symbol with a non-zero frequency gets a code; a lone symbol gets a 1-bit code.
    static func lengths(frequencies: [UInt64]) -> [UInt8] {
        var lengths = [UInt8](repeating: 0, count: frequencies.count)
        let used = frequencies.indices.filter { frequencies[$0] > 0 }
            .sorted { (frequencies[$0], $0) < (frequencies[$1], $1) }
        if used.isEmpty { return lengths }
        if used.count == 1 {
            lengths[used[0]] = 1
            return lengths
        }
        // Huffman's algorithm with two queues over the symbols sorted by frequency: leaves
        // and merged nodes each come out in non-decreasing weight.
        var weights = used.map { frequencies[$0] }
        var parents = [Int](repeating: -1, count: 2 * used.count - 1)
        var nextLeaf = 0
        var nextMerged = used.count
        func takeSmallest() -> Int {
            if nextLeaf < used.count && (nextMerged >= weights.count || weights[nextLeaf] <= weights[nextMerged]) {
                nextLeaf += 1
                return nextLeaf - 1
            }
            nextMerged += 1
            return nextMerged - 1
        }
        for _ in 0..<(used.count - 1) {
            let first = takeSmallest()
            let second = takeSmallest()
            parents[first] = weights.count
            parents[second] = weights.count
            weights.append(weights[first] + weights[second])
        }
        // Depths, from the root (the last node) down: a node's depth is its parent's plus one.
        var depths = [Int](repeating: 0, count: weights.count)
        for node in stride(from: weights.count - 2, through: 0, by: -1) {
            depths[node] = depths[parents[node]] + 1
        }
        // Limit the lengths: clamp, then lengthen the least frequent codes until Kraft's
        // inequality holds again (each step from length l to l + 1 frees 2^(L-l-1) units).
        let limit = maximumLength
        var kraft = 0
        for leaf in 0..<used.count {
            let depth = min(depths[leaf], limit)
            lengths[used[leaf]] = UInt8(depth)
            kraft += 1 << (limit - depth)
        }
        var leaf = 0
        while kraft > 1 << limit {
            let symbol = used[leaf]
            if Int(lengths[symbol]) < limit {
                lengths[symbol] += 1
                kraft -= 1 << (limit - Int(lengths[symbol]))
            } else {
                leaf = (leaf + 1) % used.count
            }
        }
        return lengths
    }

    /// Whether `lengths` describe a prefix code: none exceeds ``maximumLength`` and the code
    /// space is not over-subscribed (Kraft's inequality). An incomplete code is allowed.
    static func isValid(lengths: [UInt8]) -> Bool {
        var kraft = 0
        for length in lengths {
            guard Int(length) <= maximumLength else { return false }
            if length > 0 { kraft += 1 << (maximumLength - Int(length)) }
        }
        return kraft <= 1 << maximumLength
    }

    /// The first canonical code of each length.
    private static func firstCodes(lengths: [UInt8]) -> [UInt16] {
        var counts = [Int](repeating: 0, count: maximumLength + 1)
        for length in lengths where length > 0 { counts[Int(length)] += 1 }
        var firsts = [UInt16](repeating: 0, count: maximumLength + 2)
        var code = 0
        for length in 1...maximumLength {
            code = (code + counts[length - 1]) << 1
            firsts[length] = UInt16(code)
        }
        return firsts
    }

    private static func reverse(_ code: UInt16, bits: Int) -> UInt16 {
        var value = code
        var reversed: UInt16 = 0
        for _ in 0..<bits {
            reversed = (reversed << 1) | (value & 1)
            value >>= 1
        }
        return reversed
    }
}

/// The decoding table of a ``HuffmanCode``: for every value of the next
/// ``HuffmanCode/maximumLength`` bits, the symbol they start with and its code length.
struct HuffmanDecodingTable {
    /// Entry = symbol << 4 | code length; 0 where no code matches (an incomplete code).
    let entries: [UInt16]

    /// The table of the code with `lengths` (valid per ``HuffmanCode/isValid(lengths:)``).
    init(_ code: HuffmanCode) {
        let size = 1 << HuffmanCode.maximumLength
        var entries = [UInt16](repeating: 0, count: size)
        for (symbol, length) in code.lengths.enumerated() where length > 0 {
            let entry = UInt16(symbol) << 4 | UInt16(length)
            // Every table index whose low `length` bits are the reversed code.
            var index = Int(code.reversedCodes[symbol])
            while index < size {
                entries[index] = entry
                index += 1 << Int(length)
            }
        }
        self.entries = entries
    }
}
