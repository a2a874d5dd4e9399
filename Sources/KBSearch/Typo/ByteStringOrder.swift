/// Byte order on terms (UTF-8 bytes; the same as the order of their Unicode scalars), as the
/// typo walk compares and seeks in it.
enum ByteStringOrder {
    /// Whether `left` sorts strictly before `right`: the first differing byte decides, and a
    /// proper prefix comes first.
    @inline(__always)
    static func precedes(_ left: [UInt8], _ right: [UInt8]) -> Bool {
        left.withUnsafeBufferPointer { left in
            right.withUnsafeBufferPointer { right in
                let common = min(left.count, right.count)
                var index = 0
                while index < common {
                    let a = left[index]
                    let b = right[index]
                    if a != b { return a < b }
                    index += 1
                }
                return left.count < right.count
            }
        }
    }

    /// The smallest byte string greater than every byte string that starts with `prefix`,
    /// or nil when there is none (`prefix` is empty or all `0xFF`).
    ///
    /// Trailing `0xFF` bytes are dropped and the last remaining byte is incremented: the
    /// "carry". The result need not be valid UTF-8 (past `é`, `C3 A9`, comes `C3 AA`, the
    /// next scalar `ê`; but past `ÿ`, `C3 BF`, comes `C3 C0`, which is not UTF-8): it is only
    /// a seek target in byte order.
    static func successor(ofPrefix prefix: some Collection<UInt8>) -> [UInt8]? {
        var bytes = Array(prefix)
        while let last = bytes.last {
            if last == 0xFF {
                bytes.removeLast()
            } else {
                bytes[bytes.count - 1] = last + 1
                return bytes
            }
        }
        return nil
    }
}
