/// What role one Unicode scalar plays in finding word boundaries.
///
/// Words are letters and digits of any script, with combining marks attached (so NFD text
/// splits like NFC text). A few punctuation marks join two words into a compound when they
/// stand between letters or digits: hyphens (`e-mail`), apostrophes (`d'água`), dots
/// (`integra.config`, `7.4`), underscores, and commas between digits (`1.234,56`).
enum ScalarClass: UInt8, Sendable {
    case letter
    case digit
    case mark
    case hyphen
    case apostrophe
    case dot
    case comma
    case underscore
    case at
    case other

    /// Whether a scalar of this class belongs inside a word.
    @inline(__always)
    var isWordPart: Bool { rawValue <= ScalarClass.mark.rawValue }

    /// Classifies the scalar with code point `value`.
    @inline(__always)
    static func of(_ value: UInt32) -> ScalarClass {
        if value < 0x80 { return asciiTable[Int(value)] }
        return ofNonASCII(value)
    }

    static func ofNonASCII(_ value: UInt32) -> ScalarClass {
        switch value {
        case 0x2010, 0x2011: return .hyphen
        case 0x2019: return .apostrophe
        case 0x300...0x36F: return .mark
        default: break
        }
        guard let scalar = Unicode.Scalar(value) else { return .other }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark:
            return .mark
        case .decimalNumber:
            return .digit
        default:
            return properties.isAlphabetic ? .letter : .other
        }
    }

    static let asciiTable: [ScalarClass] = (0..<128).map { byte -> ScalarClass in
        switch UInt8(byte) {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): return .letter
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return .digit
        case UInt8(ascii: "-"): return .hyphen
        case UInt8(ascii: "'"): return .apostrophe
        case UInt8(ascii: "."): return .dot
        case UInt8(ascii: ","): return .comma
        case UInt8(ascii: "_"): return .underscore
        case UInt8(ascii: "@"): return .at
        default: return .other
        }
    }
}

/// Decodes the UTF-8 scalar at `index` of `bytes`: its code point and byte length.
///
/// Ill-formed sequences decode as U+FFFD with length 1, so a scan always advances.
@inline(__always)
func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, length: Int) {
    let lead = bytes[index]
    if lead < 0x80 { return (UInt32(lead), 1) }
    let count = bytes.count
    @inline(__always) func continuation(_ offset: Int) -> UInt32? {
        guard index + offset < count else { return nil }
        let byte = bytes[index + offset]
        return byte & 0xC0 == 0x80 ? UInt32(byte & 0x3F) : nil
    }
    if lead & 0xE0 == 0xC0, lead >= 0xC2, let b1 = continuation(1) {
        return ((UInt32(lead & 0x1F) << 6) | b1, 2)
    }
    if lead & 0xF0 == 0xE0, let b1 = continuation(1), let b2 = continuation(2) {
        let value = (UInt32(lead & 0x0F) << 12) | (b1 << 6) | b2
        if value >= 0x800 && !(0xD800...0xDFFF).contains(value) { return (value, 3) }
    }
    if lead & 0xF8 == 0xF0, let b1 = continuation(1), let b2 = continuation(2), let b3 = continuation(3) {
        let value = (UInt32(lead & 0x07) << 18) | (b1 << 12) | (b2 << 6) | b3
        if value >= 0x10000 && value <= 0x10FFFF { return (value, 4) }
    }
    return (0xFFFD, 1)
}
