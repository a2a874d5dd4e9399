#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Interns byte strings (terms, article ids) as dense integer ids `0, 1, 2...` in order of
/// first insertion, comparing keys by their bytes (never by `String` equality, which would
/// merge canonically equivalent but byte-different keys).
///
/// The keys live back to back in one arena, with an open-addressing hash table over them:
/// no object per key, no `String` hashing on the hot path.
struct ByteStringTable {
    /// All keys, back to back.
    private var arena: [UInt8] = []
    /// `starts[id] ..< starts[id + 1]` is key `id` in `arena`.
    private var starts: [Int] = [0]
    /// Slots: `0` is empty; otherwise `hash's top 32 bits << 32 | (id + 1)`.
    private var slots: [UInt64]
    private var mask: Int

    /// Creates an empty table.
    init(initialCapacity: Int = 1024) {
        var capacity = 16
        while capacity < initialCapacity * 2 { capacity <<= 1 }
        slots = Array(repeating: 0, count: capacity)
        mask = capacity - 1
    }

    /// Number of keys.
    var count: Int { starts.count - 1 }

    /// Bytes held, counting the arrays' capacities.
    var estimatedMemory: Int {
        arena.capacity + starts.capacity * MemoryLayout<Int>.stride + slots.capacity * MemoryLayout<UInt64>.stride
    }

    /// The id of `key`, inserting it when absent; `inserted` says whether it was new.
    mutating func intern(_ key: UnsafeRawBufferPointer) -> (id: Int, inserted: Bool) {
        let hash = Self.hash(key)
        let tag = hash & 0xFFFF_FFFF_0000_0000
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { break }
            if entry & 0xFFFF_FFFF_0000_0000 == tag {
                let id = Int(entry & 0xFFFF_FFFF) - 1
                if keyEquals(id, key) { return (id, false) }
            }
            slot = (slot + 1) & mask
        }
        let id = count
        precondition(id < Int(UInt32.max), "too many keys for a ByteStringTable")
        slots[slot] = tag | UInt64(id + 1)
        arena.append(contentsOf: key)
        starts.append(arena.count)
        if count * 2 > slots.count { grow() }
        return (id, true)
    }

    /// The id of `key`, or nil when absent.
    func find(_ key: UnsafeRawBufferPointer) -> Int? {
        let hash = Self.hash(key)
        let tag = hash & 0xFFFF_FFFF_0000_0000
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { return nil }
            if entry & 0xFFFF_FFFF_0000_0000 == tag {
                let id = Int(entry & 0xFFFF_FFFF) - 1
                if keyEquals(id, key) { return id }
            }
            slot = (slot + 1) & mask
        }
    }

    /// Calls `body` with the bytes of key `id`.
    func withKey<Result>(_ id: Int, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        arena.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[starts[id]..<starts[id + 1]])) }
    }

    /// The bytes of key `id`.
    func key(_ id: Int) -> [UInt8] {
        Array(arena[starts[id]..<starts[id + 1]])
    }

    /// The ids sorted by their keys in byte (`memcmp`) order.
    func idsInByteOrder() -> [Int] {
        var ids = Array(0..<count)
        arena.withUnsafeBytes { arena in
            starts.withUnsafeBufferPointer { starts in
                ids.sort { left, right in
                    ByteOrder.precedes(
                        UnsafeRawBufferPointer(rebasing: arena[starts[left]..<starts[left + 1]]),
                        UnsafeRawBufferPointer(rebasing: arena[starts[right]..<starts[right + 1]]))
                }
            }
        }
        return ids
    }

    private func keyEquals(_ id: Int, _ key: UnsafeRawBufferPointer) -> Bool {
        let start = starts[id]
        guard starts[id + 1] - start == key.count else { return false }
        return arena.withUnsafeBytes { arena in
            key.count == 0 || memcmp(arena.baseAddress! + start, key.baseAddress!, key.count) == 0
        }
    }

    private mutating func grow() {
        let capacity = slots.count * 2
        var newSlots = [UInt64](repeating: 0, count: capacity)
        let newMask = capacity - 1
        for entry in slots where entry != 0 {
            let id = Int(entry & 0xFFFF_FFFF) - 1
            let hash = withKey(id) { Self.hash($0) }
            var slot = Int(truncatingIfNeeded: hash) & newMask
            while newSlots[slot] != 0 { slot = (slot + 1) & newMask }
            newSlots[slot] = entry
        }
        slots = newSlots
        mask = newMask
    }

    /// FNV-1a over the bytes, then a final mix so that both halves are well spread.
    private static func hash(_ key: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in key {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        hash ^= hash >> 33
        hash &*= 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 33
        return hash
    }
}
