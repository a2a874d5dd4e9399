import KBTestSupport
import Testing

@testable import KBIndex

@Suite struct CRC32CTests {
    @Test func checkValue() {
        #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283)
    }

    @Test func emptyInputIsZero() {
        #expect(CRC32C.checksum([]) == 0)
        #expect(CRC32C().value == 0)
    }

    /// RFC 3720 (iSCSI), appendix B.4.
    private static let rfc3720Cases: [([UInt8], UInt32)] = [
        ([UInt8](repeating: 0x00, count: 32), 0x8A91_36AA),
        ([UInt8](repeating: 0xFF, count: 32), 0x62A8_AB43),
        (Array(0..<32), 0x46DD_794E),
        (Array((0..<32).reversed()), 0x113F_DB5C),
    ]

    @Test(arguments: rfc3720Cases)
    func rfc3720Vectors(bytes: [UInt8], expected: UInt32) {
        #expect(CRC32C.checksum(bytes) == expected)
    }

    @Test func slicingMatchesBitwiseReferenceForEveryLength() {
        let seed: UInt64 = 0xC4C3_2C01
        var generator = SeededGenerator(seed: seed)
        let bytes = (0..<300).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        for length in 0...bytes.count {
            let prefix = Array(bytes[..<length])
            #expect(CRC32C.checksum(prefix) == bitwiseCRC32C(prefix), "seed \(seed), length \(length)")
        }
    }

    @Test func incrementalEqualsOneShotOnRandomSplits() {
        let seed: UInt64 = 0xC4C3_2C02
        var generator = SeededGenerator(seed: seed)
        for round in 0..<200 {
            let length = Int.random(in: 0...2_000, using: &generator)
            let bytes = (0..<length).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
            let oneShot = CRC32C.checksum(bytes)
            var cuts = (0..<Int.random(in: 0...6, using: &generator)).map { _ in
                Int.random(in: 0...length, using: &generator)
            }
            cuts.sort()
            var crc = CRC32C()
            var start = 0
            bytes.withUnsafeBytes { raw in
                for cut in cuts + [length] {
                    crc.update(UnsafeRawBufferPointer(rebasing: raw[start..<cut]))
                    start = cut
                }
            }
            #expect(crc.value == oneShot, "seed \(seed), round \(round), length \(length), cuts \(cuts)")
        }
    }

    @Test func arrayUpdateEqualsRawUpdate() {
        var crc = CRC32C()
        crc.update(Array("12345".utf8))
        crc.update(Array("6789".utf8))
        #expect(crc.value == 0xE306_9283)
    }

    @Test(arguments: 0..<8)
    func unalignedStarts(shift: Int) {
        let seed: UInt64 = 0xC4C3_2C03
        var generator = SeededGenerator(seed: seed)
        let payload = (0..<1_027).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let expected = CRC32C.checksum(payload)
        let shifted = [UInt8](repeating: 0xA5, count: shift) + payload + [0x5A]
        shifted.withUnsafeBytes { raw in
            let slice = UnsafeRawBufferPointer(rebasing: raw[shift..<(shift + payload.count)])
            #expect(CRC32C.checksum(slice) == expected, "seed \(seed), shift \(shift)")
        }
    }

    /// One bit at a time, straight from the definition.
    private func bitwiseCRC32C(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1
            }
        }
        return ~crc
    }
}
