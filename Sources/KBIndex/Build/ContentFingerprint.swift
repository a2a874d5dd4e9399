/// What identifies the bytes of one article file for the reindex cache: its size and two
/// independent checksums of its bytes.
///
/// The content hash is 64-bit FNV-1a (offset basis 0xCBF29CE484222325, prime 0x100000001B3,
/// one byte at a time), chosen because it is simple, needs nothing beyond the standard library
/// and is well known. CRC-32C of the same bytes is kept beside it: it is cheap (the index
/// format's own checksum, slicing-by-8) and, being unrelated to FNV, makes an accidental match
/// of a changed file need a 96-bit collision at the same size. Neither is cryptographic: the
/// cache guards against edits, not against someone crafting colliding articles.
struct ContentFingerprint: Sendable, Hashable {
    /// The number of bytes.
    var size: UInt64
    /// The 64-bit FNV-1a hash of the bytes.
    var fnv1a: UInt64
    /// The CRC-32C of the bytes.
    var crc32c: UInt32
}

/// Computes a ``ContentFingerprint`` over bytes fed in pieces.
struct ContentHasher {
    private var size: UInt64 = 0
    private var fnv1a: UInt64 = 0xCBF2_9CE4_8422_2325
    private var crc = CRC32C()

    /// Starts over no bytes.
    init() {}

    /// Adds `bytes`.
    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        var hash = fnv1a
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        fnv1a = hash
        crc.update(bytes)
        size &+= UInt64(bytes.count)
    }

    /// The fingerprint of every byte added so far.
    var fingerprint: ContentFingerprint {
        ContentFingerprint(size: size, fnv1a: fnv1a, crc32c: crc.value)
    }

    /// The fingerprint of `bytes`.
    static func fingerprint(of bytes: [UInt8]) -> ContentFingerprint {
        var hasher = ContentHasher()
        bytes.withUnsafeBytes { hasher.update($0) }
        return hasher.fingerprint
    }
}
