import Testing

@testable import KBSearch

@Suite struct ByteStringOrderTests {
    @Test(arguments: [
        ([0x61], [0x62] as [UInt8]?),
        ([0x61, 0x62, 0x63], [0x61, 0x62, 0x64]),
        // Carry: trailing 0xFF bytes are dropped.
        ([0x61, 0xFF], [0x62]),
        ([0x61, 0xFF, 0xFF], [0x62]),
        ([0x61, 0xFE, 0xFF], [0x61, 0xFF]),
        ([0xFF], nil),
        ([0xFF, 0xFF], nil),
        ([], nil),
        ([0x7F], [0x80]),
        // Multi-byte UTF-8: `é` (C3 A9) → C3 AA (`ê`); `ÿ` (C3 BF) → C3 C0, not UTF-8.
        ([0x63, 0xC3, 0xA9], [0x63, 0xC3, 0xAA]),
        ([0x63, 0xC3, 0xBF], [0x63, 0xC3, 0xC0]),
        // `😀` (F0 9F 98 80).
        ([0xF0, 0x9F, 0x98, 0x80], [0xF0, 0x9F, 0x98, 0x81]),
        // U+10FFFF (F4 8F BF BF).
        ([0xF4, 0x8F, 0xBF, 0xBF], [0xF4, 0x8F, 0xBF, 0xC0]),
    ])
    func successor(_ prefix: [UInt8], _ expected: [UInt8]?) {
        #expect(ByteStringOrder.successor(ofPrefix: prefix) == expected)
        #expect(ByteStringOrder.successor(ofPrefix: prefix[...]) == expected)
    }

    /// The successor sorts after every extension of the prefix and no string sorts between.
    @Test(arguments: ["ação", "açã", "a", "ferramentas", "😀", "é"])
    func successorBoundsEveryExtension(_ word: String) throws {
        let prefix = Array(word.utf8)
        let successor = try #require(ByteStringOrder.successor(ofPrefix: prefix))
        for extension_ in ["", "a", "ç", "\u{10FFFF}", "zzz", "\u{FFFF}"] {
            let extended = prefix + Array(extension_.utf8) + [0xFF, 0xFF]
            #expect(extended.lexicographicallyPrecedes(successor), "\(word)+\(extension_)")
        }
        #expect(prefix.lexicographicallyPrecedes(successor))
        #expect(!successor.starts(with: prefix))
    }

    @Test(arguments: [
        ("", "", false), ("", "a", true), ("a", "", false), ("a", "a", false), ("a", "ab", true), ("ab", "a", false),
        ("ab", "b", true), ("z", "é", true), ("é", "ê", true), ("ê", "é", false), ("ação", "acao", false),
        ("\u{FFFF}", "😀", true),
    ])
    func precedes(_ left: String, _ right: String, _ expected: Bool) {
        #expect(ByteStringOrder.precedes(Array(left.utf8), Array(right.utf8)) == expected)
        #expect(Array(left.utf8).lexicographicallyPrecedes(Array(right.utf8)) == expected)
        // Byte order is scalar order.
        #expect(
            left.unicodeScalars.map(\.value).lexicographicallyPrecedes(right.unicodeScalars.map(\.value)) == expected)
    }

    @Test func precedesOnNonUTF8Bytes() {
        #expect(ByteStringOrder.precedes([0x63, 0xC3, 0xBF, 0x61], [0x63, 0xC3, 0xC0]))
        #expect(!ByteStringOrder.precedes([0xFF], [0xFE, 0xFF]))
    }
}
