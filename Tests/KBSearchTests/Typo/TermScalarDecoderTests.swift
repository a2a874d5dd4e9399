import Testing

@testable import KBSearch

@Suite struct TermScalarDecoderTests {
    /// Every unit of `bytes`.
    private func units(_ bytes: [UInt8]) -> [TermScalarDecoder.Unit] {
        bytes.withUnsafeBufferPointer { buffer in
            var result: [TermScalarDecoder.Unit] = []
            var position = 0
            while position < buffer.count {
                let unit = TermScalarDecoder.unit(in: buffer, at: position)
                result.append(unit)
                position = unit.end
            }
            return result
        }
    }

    @Test(arguments: ["", "imprimir", "configuração", "ação", "a😀€b", "\u{10FFFF}\u{80}\u{7FF}\u{800}"])
    func decodesValidUTF8IntoScalars(_ word: String) {
        let decoded = units(Array(word.utf8))
        #expect(decoded.map(\.value) == word.unicodeScalars.map(\.value))
        #expect(decoded.allSatisfy { $0.dependencyEnd == $0.end })
    }

    @Test func decodesMalformedBytesOneAtATime() {
        let malformed = TermScalarDecoder.malformed
        // A lone continuation byte, a lead byte cut short by ASCII, and one cut by the end.
        let decoded = units([0x61, 0xA9, 0xC3, 0x62, 0xE2, 0x82])
        #expect(decoded.map(\.value) == [0x61, malformed, malformed, 0x62, malformed, malformed])
        #expect(decoded.map(\.end) == [1, 2, 3, 4, 5, 6])
        // The lead byte C3 looked at the `b`; E2 ran into the end of the term.
        #expect(decoded.map(\.dependencyEnd) == [1, 2, 4, 4, 7, 6])
    }
}
