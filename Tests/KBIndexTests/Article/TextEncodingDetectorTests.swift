import Testing

@testable import KBIndex

@Suite struct TextEncodingDetectorTests {
    private func detect(_ bytes: [UInt8]) -> TextEncodingDetector.Detection {
        bytes.withUnsafeBufferPointer { TextEncodingDetector.detect($0) }
    }

    private func decode(_ bytes: [UInt8]) -> String {
        String(decoding: bytes.withUnsafeBufferPointer { TextEncodingDetector.decodeToUTF8($0) }, as: UTF8.self)
    }

    @Test(arguments: [
        (#"<meta charset="windows-1252">"#, TextEncoding.windows1252),
        (#"<META CHARSET=ISO-8859-1>"#, .windows1252),
        (#"<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">"#, .windows1252),
        (#"<meta content='text/html;charset = latin1' http-equiv='content-type'>"#, .windows1252),
        (#"<meta charset="utf-8">"#, .utf8),
        (#"<meta charset="ISO-8859-15">"#, .iso8859_15),
        (#"<meta charset="us-ascii">"#, .windows1252),
        (#"<meta charset="utf-16">"#, .utf8),
        (#"<meta charset="x-unknown">"#, .utf8),
        (#"<meta name="description" content="sem charset"><meta charset="cp1252">"#, .windows1252),
    ])
    func readsMetaDeclaration(declaration: String, expected: TextEncoding) {
        let page = Array("<!DOCTYPE html><html><head>\(declaration)<title>x</title></head></html>".utf8)
        #expect(detect(page) == TextEncodingDetector.Detection(encoding: expected, byteOrderMarkLength: 0))
    }

    @Test func ignoresDeclarationsAfterThePrescanWindow() {
        let padding = "<!-- " + String(repeating: "x", count: TextEncodingDetector.prescanLength) + " -->"
        let page = Array("\(padding)<meta charset=\"windows-1252\">".utf8)
        #expect(detect(page).encoding == .utf8)
    }

    @Test func byteOrderMarkWinsOverDeclaration() {
        let page: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("<meta charset=\"windows-1252\"><p>Ação</p>".utf8)
        #expect(detect(page) == TextEncodingDetector.Detection(encoding: .utf8, byteOrderMarkLength: 3))
        #expect(decode(page) == "<meta charset=\"windows-1252\"><p>Ação</p>")
    }

    @Test func decodesUTF16WithByteOrderMark() {
        let text = "<p>Ação €</p>"
        let littleEndian: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let bigEndian: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(decode(littleEndian) == text)
        #expect(decode(bigEndian) == text)
    }

    @Test func decodesWindows1252HighRangeAndLatin1() {
        // “ ” – — € … Š and then ç ã é (Latin-1 range).
        let bytes: [UInt8] = [0x93, 0x94, 0x96, 0x97, 0x80, 0x85, 0x8A, 0xE7, 0xE3, 0xE9]
        let decoded = bytes.withUnsafeBufferPointer { TextEncodingDetector.decode($0, as: .windows1252) }
        #expect(String(decoding: decoded, as: UTF8.self) == "“”–—€…Šçãé")
    }

    @Test func decodesISO885915Differences() {
        let bytes: [UInt8] = [0xA4, 0xA6, 0xBD, 0xE7]
        let decoded = bytes.withUnsafeBufferPointer { TextEncodingDetector.decode($0, as: .iso8859_15) }
        #expect(String(decoding: decoded, as: UTF8.self) == "€Šœç")
    }

    @Test func replacesInvalidUTF8AndDropsNULs() {
        let bytes: [UInt8] = Array("a".utf8) + [0xFF] + Array("b".utf8) + [0xC3] + Array("ção".utf8) + [0x00, 0x41]
        #expect(decode(bytes) == "a\u{FFFD}b\u{FFFD}çãoA")
    }

    @Test func undeclaredLatin1WithoutAnyUTF8SequenceIsReadAsWindows1252() {
        let bytes: [UInt8] = Array("<p>Atualiza".utf8) + [0xE7, 0xE3] + Array("o</p>".utf8)
        #expect(detect(bytes).encoding == .windows1252)
        #expect(decode(bytes) == "<p>Atualização</p>")
    }

    @Test func undeclaredMixOfValidAndInvalidUTF8StaysUTF8() {
        let bytes: [UInt8] = Array("<p>Ação ".utf8) + [0xE7] + Array("</p>".utf8)
        #expect(detect(bytes).encoding == .utf8)
        #expect(decode(bytes) == "<p>Ação \u{FFFD}</p>")
    }

    @Test(arguments: [
        ([UInt8](), false),
        (Array("<p>texto comum\r\n\tcom tabulação</p>".utf8), false),
        (Array("<p>a</p>".utf8) + [0x00], true),
        ([0x01, 0x02, 0x03, 0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47], true),
        ([0x01] + Array(repeating: UInt8(ascii: "a"), count: 20), false),
        ([0xFF, 0xFE, 0x3C, 0x00, 0x70, 0x00], false),
    ])
    func sniffsBinaryContent(bytes: [UInt8], expected: Bool) {
        #expect(bytes.withUnsafeBufferPointer { TextEncodingDetector.looksBinary($0) } == expected)
    }

    @Test func nulBeyondTheSniffWindowIsNotBinary() {
        let bytes = Array(repeating: UInt8(ascii: "a"), count: TextEncodingDetector.binarySniffLength) + [0x00]
        #expect(bytes.withUnsafeBufferPointer { TextEncodingDetector.looksBinary($0) } == false)
    }
}
