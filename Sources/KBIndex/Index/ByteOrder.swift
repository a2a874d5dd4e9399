#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The byte (`memcmp`) order of strings that `FORMAT.md` sorts terms, article ids and filter
/// values in. `String`'s own `<` compares Unicode scalars after normalization, not bytes.
enum ByteOrder {
    /// Whether `left` sorts strictly before `right`: the first differing byte decides, and a
    /// proper prefix comes first.
    static func precedes(_ left: UnsafeRawBufferPointer, _ right: UnsafeRawBufferPointer) -> Bool {
        compare(left, right) < 0
    }

    /// Negative, zero or positive as `left` sorts before, equal to or after `right`.
    static func compare(_ left: UnsafeRawBufferPointer, _ right: UnsafeRawBufferPointer) -> Int {
        let common = min(left.count, right.count)
        if common > 0 {
            let order = memcmp(left.baseAddress!, right.baseAddress!, common)
            if order != 0 { return Int(order) }
        }
        return left.count - right.count
    }

    /// Whether `left`'s UTF-8 bytes sort strictly before `right`'s.
    static func precedes(_ left: [UInt8], _ right: [UInt8]) -> Bool {
        left.withUnsafeBytes { left in right.withUnsafeBytes { right in precedes(left, right) } }
    }
}
