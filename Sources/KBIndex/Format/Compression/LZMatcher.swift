/// Finds LZ77 back-references for the stored-text codec: for each position of a document, the
/// longest earlier match within ``LengthAndDistanceCodes/maximumDistance`` bytes, looking
/// both in the document and in the codec's preset dictionary that precedes it.
///
/// The window is one buffer: the dictionary, then the current document. Hash chains over
/// 3-byte prefixes link each position to the previous one with the same hash; the
/// dictionary's chains are built once, and each document's positions are chained in front of
/// them (a per-document stamp tells stale heads from current ones, so nothing is cleared
/// between documents). Matching is lazy by one byte, as zlib's default level does.
struct LZMatcher {
    /// A literal byte or a back-reference, in document order.
    enum Token: Equatable {
        case literal(UInt8)
        case match(length: Int, distance: Int)
    }

    private static let hashBits = 15
    /// How many chain links a search follows at most.
    private static let maximumChainLength = 48
    /// A match this long ends the search at once.
    private static let goodEnoughLength = 64

    /// The dictionary followed by the current document.
    private var window: [UInt8]
    private let dictionaryLength: Int
    /// The last dictionary position of each hash, or -1.
    private var dictionaryHeads: [Int32]
    /// The last position of each hash in the current document, valid where the stamp matches.
    private var documentHeads: [Int32]
    private var headStamps: [UInt32]
    private var stamp: UInt32 = 0
    /// For each window position, the previous position with the same hash, or -1.
    private var previous: [Int32]

    /// A matcher whose documents may refer back into `dictionary`.
    init(dictionary: [UInt8]) {
        window = dictionary
        dictionaryLength = dictionary.count
        dictionaryHeads = [Int32](repeating: -1, count: 1 << Self.hashBits)
        documentHeads = [Int32](repeating: -1, count: 1 << Self.hashBits)
        headStamps = [UInt32](repeating: 0, count: 1 << Self.hashBits)
        previous = [Int32](repeating: -1, count: dictionary.count)
        if dictionary.count >= LengthAndDistanceCodes.minimumMatchLength {
            for position in 0...(dictionary.count - LengthAndDistanceCodes.minimumMatchLength) {
                let hash = Self.hash(window, position)
                previous[position] = dictionaryHeads[hash]
                dictionaryHeads[hash] = Int32(position)
            }
        }
    }

    /// Calls `emit` with the tokens that encode `document`, in order.
    mutating func parse(_ document: UnsafeRawBufferPointer, _ emit: (Token) -> Void) {
        window.removeSubrange(dictionaryLength...)
        window.append(contentsOf: document)
        if previous.count < window.count {
            previous.append(contentsOf: repeatElement(-1, count: window.count - previous.count))
        }
        stamp &+= 1
        if stamp == 0 {  // wrapped: every old stamp could look current again
            for index in headStamps.indices { headStamps[index] = 0 }
            stamp = 1
        }
        let end = window.count
        var position = dictionaryLength
        var pending: (length: Int, distance: Int)? = nil
        while position < end {
            let found = longestMatch(at: position, end: end)
            insert(position, end: end)
            if let held = pending {
                if found.length > held.length {
                    // The match one byte later is better: the held byte goes out as a literal.
                    emit(.literal(window[position - 1]))
                    pending = found
                } else {
                    emit(.match(length: held.length, distance: held.distance))
                    // Positions inside the match (the first two are already chained).
                    for covered in (position + 1)..<(position - 1 + held.length) { insert(covered, end: end) }
                    position = position - 1 + held.length
                    pending = nil
                    continue
                }
            } else if found.length >= LengthAndDistanceCodes.minimumMatchLength {
                if found.length >= Self.goodEnoughLength {
                    emit(.match(length: found.length, distance: found.distance))
                    for covered in (position + 1)..<(position + found.length) { insert(covered, end: end) }
                    position += found.length
                    continue
                }
                pending = found
            } else {
                emit(.literal(window[position]))
            }
            position += 1
        }
        if let held = pending { emit(.match(length: held.length, distance: held.distance)) }
    }

    @inline(__always)
    private static func hash(_ bytes: [UInt8], _ position: Int) -> Int {
        let value = UInt32(bytes[position]) | UInt32(bytes[position + 1]) << 8 | UInt32(bytes[position + 2]) << 16
        return Int((value &* 2_654_435_761) >> UInt32(32 - hashBits))
    }

    private mutating func insert(_ position: Int, end: Int) {
        guard position + LengthAndDistanceCodes.minimumMatchLength <= end else { return }
        let hash = Self.hash(window, position)
        previous[position] = headStamps[hash] == stamp ? documentHeads[hash] : dictionaryHeads[hash]
        documentHeads[hash] = Int32(position)
        headStamps[hash] = stamp
    }

    private func longestMatch(at position: Int, end: Int) -> (length: Int, distance: Int) {
        guard position + LengthAndDistanceCodes.minimumMatchLength <= end else { return (0, 0) }
        let hash = Self.hash(window, position)
        var candidate = Int(headStamps[hash] == stamp ? documentHeads[hash] : dictionaryHeads[hash])
        let limit = min(end - position, LengthAndDistanceCodes.maximumMatchLength)
        var best = (length: 0, distance: 0)
        var links = 0
        return window.withUnsafeBufferPointer { bytes in
            while candidate >= 0, position - candidate <= LengthAndDistanceCodes.maximumDistance,
                links < Self.maximumChainLength
            {
                // Cheap rejection: a longer match must agree at the current best length.
                if bytes[candidate + best.length] == bytes[position + best.length] || best.length == 0 {
                    var length = 0
                    while length < limit && bytes[candidate + length] == bytes[position + length] { length += 1 }
                    if length > best.length {
                        best = (length, position - candidate)
                        if length >= limit || length >= Self.goodEnoughLength { break }
                    }
                }
                candidate = Int(previous[candidate])
                links += 1
            }
            return best
        }
    }
}
