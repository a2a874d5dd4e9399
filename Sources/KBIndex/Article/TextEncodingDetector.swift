/// A character encoding that ``TextEncodingDetector`` can decode.
enum TextEncoding: Sendable, Equatable {
    /// UTF-8, the default.
    case utf8
    /// UTF-16, little-endian (only recognised by its byte-order mark).
    case utf16LittleEndian
    /// UTF-16, big-endian (only recognised by its byte-order mark).
    case utf16BigEndian
    /// Windows-1252. ISO-8859-1 and US-ASCII labels also decode as Windows-1252, as browsers
    /// do (WHATWG Encoding Standard): the two differ only in 0x80–0x9F, where ISO-8859-1 has
    /// control characters that nobody writes on purpose and Windows-1252 has “ ” – — € ….
    case windows1252
    /// ISO-8859-15 (Latin-9): Latin-1 with €, Š, š, Ž, ž, Œ, œ and Ÿ in eight places.
    case iso8859_15
}

/// Finds out how an HTML file's bytes are encoded and turns them into valid UTF-8 for libxml2.
///
/// The rule is a simplified form of the HTML "prescan" (WHATWG HTML §13.2.3.2):
/// 1. a byte-order mark wins (UTF-8, UTF-16LE, UTF-16BE);
/// 2. else the first `<meta charset=…>` or `<meta http-equiv="Content-Type" content="…; charset=…">`
///    within the first ``prescanLength`` bytes;
/// 3. else UTF-8 — unless the bytes are not valid UTF-8 and contain no valid multi-byte UTF-8
///    sequence at all, the signature of an undeclared Windows-1252/Latin-1 page.
///
/// Decoding never fails: invalid UTF-8 becomes U+FFFD and NUL bytes are dropped.
enum TextEncodingDetector {
    /// How many leading bytes are searched for a `<meta>` charset declaration.
    static let prescanLength = 2048

    /// How many leading bytes ``looksBinary(_:)`` inspects.
    static let binarySniffLength = 8192

    /// The outcome of ``detect(_:)``.
    struct Detection: Equatable {
        /// The encoding to decode with.
        var encoding: TextEncoding
        /// The length of the byte-order mark to skip (0 when there is none).
        var byteOrderMarkLength: Int
    }

    /// Decodes `bytes` to UTF-8 with the encoding that ``detect(_:)`` finds.
    static func decodeToUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let detection = detect(bytes)
        let content = UnsafeBufferPointer(rebasing: bytes[detection.byteOrderMarkLength...])
        return decode(content, as: detection.encoding)
    }

    /// Finds the encoding of an HTML file from its byte-order mark, its `<meta>` charset
    /// declaration, or (failing both) the bytes themselves.
    static func detect(_ bytes: UnsafeBufferPointer<UInt8>) -> Detection {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return Detection(encoding: .utf8, byteOrderMarkLength: 3) }
        if bytes.starts(with: [0xFF, 0xFE]) { return Detection(encoding: .utf16LittleEndian, byteOrderMarkLength: 2) }
        if bytes.starts(with: [0xFE, 0xFF]) { return Detection(encoding: .utf16BigEndian, byteOrderMarkLength: 2) }
        if let label = declaredCharset(in: UnsafeBufferPointer(rebasing: bytes.prefix(prescanLength))),
            var encoding = encoding(forLabel: label)
        {
            // A page cannot declare itself UTF-16 in ASCII-compatible bytes; browsers read it as UTF-8.
            if encoding == .utf16BigEndian || encoding == .utf16LittleEndian { encoding = .utf8 }
            return Detection(encoding: encoding, byteOrderMarkLength: 0)
        }
        let evidence = utf8Evidence(bytes)
        if evidence.invalidSequences > 0 && evidence.validMultiByteSequences == 0 {
            return Detection(encoding: .windows1252, byteOrderMarkLength: 0)
        }
        return Detection(encoding: .utf8, byteOrderMarkLength: 0)
    }

    /// The encoding for a charset label such as `ISO-8859-1` or `"utf-8"`, or `nil` when unknown.
    static func encoding(forLabel label: String) -> TextEncoding? {
        switch label.lowercased() {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8":
            .utf8
        case "windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "iso_8859-1", "iso88591",
            "iso_8859-1:1987", "iso-ir-100", "latin1", "l1", "csisolatin1", "ibm819", "cp819",
            "us-ascii", "ascii", "ansi_x3.4-1968", "iso646-us", "cp367":
            .windows1252
        case "iso-8859-15", "iso8859-15", "iso_8859-15", "iso885915", "latin9", "latin-9", "l9", "csisolatin9":
            .iso8859_15
        case "utf-16", "utf-16le", "unicode", "ucs-2":
            .utf16LittleEndian
        case "utf-16be":
            .utf16BigEndian
        default:
            nil
        }
    }

    /// The label of the first `<meta …charset=…>` declaration in `bytes`, if any.
    static func declaredCharset(in bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var index = 0
        while let tagStart = find("<meta", in: bytes, from: index) {
            var tagEnd = tagStart + 5
            while tagEnd < bytes.count && bytes[tagEnd] != UInt8(ascii: ">") { tagEnd += 1 }
            let tag = UnsafeBufferPointer(rebasing: bytes[tagStart..<tagEnd])
            if let label = charsetValue(inTag: tag) { return label }
            index = tagEnd
        }
        return nil
    }

    /// Decodes `bytes` from `encoding` to valid UTF-8 without NUL bytes.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, as encoding: TextEncoding) -> [UInt8] {
        switch encoding {
        case .utf8:
            return withoutNULs(Array(String(decoding: bytes, as: UTF8.self).utf8))
        case .utf16LittleEndian, .utf16BigEndian:
            let littleEndian = encoding == .utf16LittleEndian
            let units = (0..<bytes.count / 2).map { index -> UInt16 in
                let low = UInt16(bytes[2 * index + (littleEndian ? 0 : 1)])
                let high = UInt16(bytes[2 * index + (littleEndian ? 1 : 0)])
                return high << 8 | low
            }
            return withoutNULs(Array(String(decoding: units, as: UTF16.self).utf8))
        case .windows1252, .iso8859_15:
            return decodeSingleByte(bytes, encoding: encoding)
        }
    }

    /// Whether `bytes` look like a binary file rather than text: a NUL byte within the first
    /// ``binarySniffLength`` bytes, or more than 10% control bytes there (tab, line feed,
    /// form feed, carriage return and escape do not count). UTF-16 with a byte-order mark is text.
    static func looksBinary(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let encoding = detect(bytes).encoding
        if encoding == .utf16LittleEndian || encoding == .utf16BigEndian { return false }
        let sample = bytes.prefix(binarySniffLength)
        var controlBytes = 0
        for byte in sample {
            if byte == 0 { return true }
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0C && byte != 0x0D && byte != 0x1B {
                controlBytes += 1
            }
        }
        return controlBytes * 10 > sample.count
    }

    // MARK: - Private helpers

    /// Counts valid multi-byte UTF-8 sequences and invalid bytes (RFC 3629 well-formedness).
    private static func utf8Evidence(_ bytes: UnsafeBufferPointer<UInt8>) -> (
        validMultiByteSequences: Int, invalidSequences: Int
    ) {
        var valid = 0
        var invalid = 0
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var secondRange: ClosedRange<UInt8> = 0x80...0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; secondRange = 0xA0...0xBF
            case 0xED: length = 3; secondRange = 0x80...0x9F
            case 0xE1...0xEF: length = 3
            case 0xF0: length = 4; secondRange = 0x90...0xBF
            case 0xF4: length = 4; secondRange = 0x80...0x8F
            case 0xF1...0xF3: length = 4
            default: length = 0
            }
            var matched = length > 0 && index + 1 < bytes.count && secondRange.contains(bytes[index + 1])
            if matched {
                for offset in 2..<max(length, 2)
                where !(index + offset < bytes.count && (0x80...0xBF).contains(bytes[index + offset])) {
                    matched = false
                }
            }
            if matched {
                valid += 1
                index += length
            } else {
                invalid += 1
                index += 1
            }
        }
        return (valid, invalid)
    }

    /// The `charset=` value inside one `<meta …>` tag, unquoted, or `nil`.
    private static func charsetValue(inTag tag: UnsafeBufferPointer<UInt8>) -> String? {
        var searchFrom = 0
        while let keyStart = find("charset", in: tag, from: searchFrom) {
            var index = keyStart + 7
            searchFrom = index
            while index < tag.count && isSpace(tag[index]) { index += 1 }
            guard index < tag.count, tag[index] == UInt8(ascii: "=") else { continue }
            index += 1
            while index < tag.count && isSpace(tag[index]) { index += 1 }
            while index < tag.count && (tag[index] == UInt8(ascii: "\"") || tag[index] == UInt8(ascii: "'")) {
                index += 1
            }
            let valueStart = index
            while index < tag.count && isLabelByte(tag[index]) { index += 1 }
            guard index > valueStart else { continue }
            return String(decoding: UnsafeBufferPointer(rebasing: tag[valueStart..<index]), as: UTF8.self)
        }
        return nil
    }

    /// The offset of the first ASCII case-insensitive occurrence of `needle` at or after `start`.
    private static func find(_ needle: StaticString, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        guard pattern.count > 0, bytes.count >= pattern.count else { return nil }
        var index = start
        while index + pattern.count <= bytes.count {
            if asciiLowercased(bytes[index]) == pattern[0] {
                var offset = 1
                while offset < pattern.count && asciiLowercased(bytes[index + offset]) == pattern[offset] {
                    offset += 1
                }
                if offset == pattern.count { return index }
            }
            index += 1
        }
        return nil
    }

    private static func asciiLowercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }

    private static func isLabelByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
            UInt8(ascii: ":"):
            true
        default:
            false
        }
    }

    private static func withoutNULs(_ bytes: [UInt8]) -> [UInt8] {
        bytes.contains(0) ? bytes.filter { $0 != 0 } : bytes
    }

    /// Windows-1252 code points for bytes 0x80–0x9F. The five bytes that Windows-1252 leaves
    /// undefined map to the C1 control with the same number, as the WHATWG index does.
    private static let windows1252HighControls: [UInt16] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// The code point of one Windows-1252 or ISO-8859-15 byte.
    private static func codePoint(of byte: UInt8, in encoding: TextEncoding) -> UInt16 {
        if encoding == .windows1252, (0x80...0x9F).contains(byte) {
            return windows1252HighControls[Int(byte) - 0x80]
        }
        if encoding == .iso8859_15 {
            switch byte {
            case 0xA4: return 0x20AC
            case 0xA6: return 0x0160
            case 0xA8: return 0x0161
            case 0xB4: return 0x017D
            case 0xB8: return 0x017E
            case 0xBC: return 0x0152
            case 0xBD: return 0x0153
            case 0xBE: return 0x0178
            default: break
            }
        }
        return UInt16(byte)
    }

    private static func decodeSingleByte(_ bytes: UnsafeBufferPointer<UInt8>, encoding: TextEncoding) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            if byte < 0x80 {
                if byte != 0 { output.append(byte) }
                continue
            }
            let scalar = codePoint(of: byte, in: encoding)
            if scalar < 0x800 {
                output.append(0xC0 | UInt8(scalar >> 6))
                output.append(0x80 | UInt8(scalar & 0x3F))
            } else {
                output.append(0xE0 | UInt8(scalar >> 12))
                output.append(0x80 | UInt8((scalar >> 6) & 0x3F))
                output.append(0x80 | UInt8(scalar & 0x3F))
            }
        }
        return output
    }
}
