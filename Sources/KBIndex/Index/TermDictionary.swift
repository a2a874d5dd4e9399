/// The sorted term dictionary of an index (`TIDX` + `TERM`, see `FORMAT.md`).
///
/// Terms are kept in blocks of up to 32, prefix-compressed; the block index gives each
/// block's offset and each block starts with a whole term, so a lookup binary-searches the
/// blocks' first terms straight from the mapped file and then scans one block.
///
/// The dictionary keeps the mapping alive and only reads it: `@unchecked Sendable`.
public struct TermDictionary: @unchecked Sendable {
    /// Number of term blocks.
    public let blockCount: Int
    private let file: MappedFile
    private let blockOffsets: UnsafeRawBufferPointer
    private let blocks: UnsafeRawBufferPointer
    private let indexOffset: Int
    private let blocksOffset: Int

    init(
        file: MappedFile, index: UnsafeRawBufferPointer, indexOffset: Int, blocks: UnsafeRawBufferPointer,
        blocksOffset: Int
    ) throws(IndexFormatError) {
        self.file = file
        var reader = BinaryReader(index, baseOffset: indexOffset, section: SectionTag.termIndex.displayName)
        let count = Int(try reader.readUInt32())
        _ = try reader.readUInt32()
        guard index.count == 8 + 4 * count else {
            throw IndexFormatError(
                .corrupt("\(count) blocks do not fit \(index.count) bytes"), section: SectionTag.termIndex.displayName,
                offset: indexOffset)
        }
        self.blockCount = count
        self.blockOffsets = UnsafeRawBufferPointer(rebasing: index[8...])
        self.blocks = blocks
        self.indexOffset = indexOffset
        self.blocksOffset = blocksOffset
    }

    /// The entry for `term`, or nil when the index does not contain it.
    public func lookup(_ term: String) throws(IndexFormatError) -> TermInfo? {
        let target = Array(term.utf8)
        guard let block = try lastBlock(startingAtOrBefore: target) else { return nil }
        var found: TermInfo?
        try scan(fromBlock: block) { (entry) throws(IndexFormatError) -> Bool in
            let order = compareBytes(entry.bytes, target)
            if order == 0 { found = entry.info }
            return order < 0
        }
        return found
    }

    /// The terms that start with `prefix`, in order, at most `limit` of them.
    public func terms(withPrefix prefix: String, limit: Int = .max) throws(IndexFormatError) -> [TermInfo] {
        var result: [TermInfo] = []
        try forEachTerm(from: prefix) { (entry) throws(IndexFormatError) -> Bool in
            guard startsWith(entry.bytes, prefix.utf8) else { return false }
            result.append(entry.info)
            return result.count < limit
        }
        return result
    }

    /// Calls `body` with each term not less than `start`, in order, until it returns false.
    /// Enumerating reads only the terms' bytes; ``TermEntry/info`` builds the full entry
    /// (typo matching walks the dictionary this way).
    public func forEachTerm(
        from start: String = "",
        _ body: (TermEntry) throws(IndexFormatError) -> Bool
    ) throws(IndexFormatError) {
        try forEachTerm(fromBytes: Array(start.utf8), body)
    }

    /// Calls `body` with each term whose bytes are not less than `start`, in order, until it
    /// returns false. `start` may be any byte string, not only UTF-8: typo matching seeks
    /// past a prefix by incrementing its last byte.
    public func forEachTerm(
        fromBytes start: [UInt8],
        _ body: (TermEntry) throws(IndexFormatError) -> Bool
    ) throws(IndexFormatError) {
        let first = try lastBlock(startingAtOrBefore: start) ?? 0
        try scan(fromBlock: first) { (entry) throws(IndexFormatError) -> Bool in
            if compareBytes(entry.bytes, start) < 0 { return true }
            return try body(entry)
        }
    }

    // MARK: - Blocks

    private func blockOffset(_ block: Int) throws(IndexFormatError) -> Int {
        let offset = Int(UInt32(littleEndian: blockOffsets.loadUnaligned(fromByteOffset: block * 4, as: UInt32.self)))
        guard offset < blocks.count else {
            throw IndexFormatError(
                .corrupt("term block \(block) starts at \(offset), past the end of the dictionary"),
                section: SectionTag.termIndex.displayName, offset: indexOffset + 8 + block * 4)
        }
        return offset
    }

    /// The first term of `block`, as bytes in the mapped file.
    private func firstTerm(ofBlock block: Int) throws(IndexFormatError) -> UnsafeRawBufferPointer {
        let start = try blockOffset(block)
        var reader = BinaryReader(
            UnsafeRawBufferPointer(rebasing: blocks[start...]), baseOffset: blocksOffset + start,
            section: SectionTag.terms.displayName)
        _ = try reader.readUInt8()
        let prefixLength = try reader.readVarUInt()
        guard prefixLength == 0 else {
            throw IndexFormatError(
                .corrupt("term block \(block) does not start with a whole term"), section: SectionTag.terms.displayName,
                offset: blocksOffset + start)
        }
        let length = Int(try reader.readVarUInt32())
        return try reader.readBytes(count: length)
    }

    /// The last block whose first term is ≤ `target`, or nil when `target` sorts before
    /// every term.
    private func lastBlock(startingAtOrBefore target: [UInt8]) throws(IndexFormatError) -> Int? {
        var low = 0
        var high = blockCount
        while low < high {
            let middle = (low + high) / 2
            if compareBytes(try firstTerm(ofBlock: middle), target) <= 0 {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low == 0 ? nil : low - 1
    }

    /// Decodes terms from the start of `block` onwards, across blocks, calling `visit` with
    /// each term's bytes and a maker for its entry until `visit` returns false.
    private func scan(
        fromBlock block: Int,
        _ visit: (TermEntry) throws(IndexFormatError) -> Bool
    ) throws(IndexFormatError) {
        // The current term, rewritten in place entry after entry: each entry keeps a prefix
        // of the one before it and appends its own suffix.
        var term: [UInt8] = []
        term.reserveCapacity(256)
        for block in block..<blockCount {
            let start = try blockOffset(block)
            var reader = BinaryReader(
                UnsafeRawBufferPointer(rebasing: blocks[start...]), baseOffset: blocksOffset + start,
                section: SectionTag.terms.displayName)
            let count = Int(try reader.readUInt8())
            guard count > 0 else {
                throw IndexFormatError(
                    .corrupt("term block \(block) is empty"), section: SectionTag.terms.displayName,
                    offset: blocksOffset + start)
            }
            for index in 0..<count {
                let entryOffset = blocksOffset + start + reader.position
                let prefixLength = Int(try reader.readVarUInt32())
                let suffixLength = Int(try reader.readVarUInt32())
                // A block starts with a whole term, so a scan can start at any block.
                guard prefixLength <= term.count, index > 0 || prefixLength == 0,
                    prefixLength + suffixLength > 0, prefixLength + suffixLength <= 255
                else {
                    throw IndexFormatError(
                        .corrupt("a term entry has prefix \(prefixLength) and suffix \(suffixLength)"),
                        section: SectionTag.terms.displayName, offset: entryOffset)
                }
                let suffix = try reader.readBytes(count: suffixLength)
                // Strictly after the previous term (the one still in `term`, across blocks too):
                // both share the prefix, so the new suffix must sort after the old tail.
                let isInOrder = term.isEmpty || compareBytes(suffix, term[prefixLength...]) > 0
                while term.count > prefixLength { term.removeLast() }
                for byte in suffix { term.append(byte) }
                let documentFrequency = Int(try reader.readVarUInt32())
                guard let postingsOffset = Int(exactly: try reader.readVarUInt()),
                    let positionsOffset = Int(exactly: try reader.readVarUInt()),
                    documentFrequency > 0, isInOrder
                else {
                    throw IndexFormatError(
                        .corrupt("terms are out of order, have no documents or point out of range"),
                        section: SectionTag.terms.displayName,
                        offset: entryOffset)
                }
                let keepGoing = try visit(
                    TermEntry(
                        bytes: term, documentFrequency: documentFrequency, postingsOffset: postingsOffset,
                        positionsOffset: positionsOffset))
                if !keepGoing { return }
            }
        }
    }
}

/// A term as the dictionary enumerates it: its UTF-8 bytes and where its data is.
public struct TermEntry: Sendable {
    /// The term's UTF-8 bytes.
    public let bytes: [UInt8]
    /// Number of documents containing the term.
    public let documentFrequency: Int
    let postingsOffset: Int
    let positionsOffset: Int

    /// The full dictionary entry (decodes the term into a String).
    public var info: TermInfo {
        TermInfo(
            term: String(decoding: bytes, as: UTF8.self), documentFrequency: documentFrequency,
            postingsOffset: postingsOffset, positionsOffset: positionsOffset)
    }
}

/// Byte-order comparison of two byte strings (`memcmp` order, shorter first on a tie).
@inline(__always)
func compareBytes<A: Collection<UInt8>, B: Collection<UInt8>>(_ a: A, _ b: B) -> Int {
    var left = a.makeIterator()
    var right = b.makeIterator()
    while true {
        switch (left.next(), right.next()) {
        case (nil, nil): return 0
        case (nil, _): return -1
        case (_, nil): return 1
        case (let x?, let y?):
            if x != y { return x < y ? -1 : 1 }
        }
    }
}

/// Whether `bytes` starts with `prefix`.
@inline(__always)
func startsWith<B: Collection<UInt8>, P: Collection<UInt8>>(_ bytes: B, _ prefix: P) -> Bool {
    guard bytes.count >= prefix.count else { return false }
    return zip(bytes, prefix).allSatisfy { $0 == $1 }
}
