/// Lowercasing and accent folding, one Unicode scalar at a time.
///
/// Customers type without accents ("configuracao", "nao"), so the default analyzer folds
/// every letter to its base form: `ç` → `c`, `ã` → `a`, `ü` → `u`, `ñ` → `n`, `å` → `a`,
/// and expands ligatures (`æ` → `ae`, `œ` → `oe`, `ß` → `ss`, `ﬁ` → `fi`). Combining marks
/// (U+0300–U+036F) are dropped, so text in NFD folds exactly like text in NFC.
///
/// The table covers Latin-1 Supplement, Latin Extended-A and the common Latin ligatures,
/// which is every accented letter of Portuguese, Spanish, French, German and the Nordic
/// languages. Other scripts pass through lowercased. Folding is idempotent:
/// `fold(fold(s)) == fold(s)`.
public enum AccentFolding {
    /// Lowercases and folds `text`: `"CONFIGURAÇÕES"` → `"configuracoes"`.
    public static func fold(_ text: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            appendFolded(scalar, to: &output)
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Lowercases `text` without removing accents: `"CONFIGURAÇÕES"` → `"configurações"`.
    public static func lowercase(_ text: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            appendLowercased(scalar, to: &output)
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends the lowercased, folded UTF-8 form of `scalar` (possibly nothing, for a
    /// combining mark; possibly two letters, for a ligature).
    @inlinable
    static func appendFolded(_ scalar: Unicode.Scalar, to output: inout [UInt8]) {
        let value = scalar.value
        if value < 0x80 {
            output.append(asciiLowercase(UInt8(truncatingIfNeeded: value)))
            return
        }
        if isCombiningMark(value) { return }
        if let folded = foldedLatin(value) {
            output.append(contentsOf: folded.utf8)
            return
        }
        guard scalar.properties.changesWhenLowercased else {
            appendUTF8(scalar, to: &output)
            return
        }
        // What lowercasing gives may be a letter of the tables: the Ångström sign U+212B
        // lowercases to "å". Lowercase letters do not change when lowercased again, so this
        // recursion is one level deep.
        for lowercased in scalar.properties.lowercaseMapping.unicodeScalars {
            appendFolded(lowercased, to: &output)
        }
    }

    /// Appends the lowercased UTF-8 form of `scalar`, accents kept.
    @inlinable
    static func appendLowercased(_ scalar: Unicode.Scalar, to output: inout [UInt8]) {
        let value = scalar.value
        if value < 0x80 {
            output.append(asciiLowercase(UInt8(truncatingIfNeeded: value)))
            return
        }
        // Latin-1 upper case letters À–Þ (except ×) map to à–þ by adding 0x20.
        if (0xC0...0xDE).contains(value) && value != 0xD7 {
            appendUTF8(Unicode.Scalar(value + 0x20)!, to: &output)
            return
        }
        if !scalar.properties.changesWhenLowercased {
            appendUTF8(scalar, to: &output)
            return
        }
        output.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
    }

    /// Whether `value` is a combining diacritical mark (U+0300–U+036F).
    @inlinable
    static func isCombiningMark(_ value: UInt32) -> Bool {
        value >= 0x300 && value <= 0x36F
    }

    @inlinable
    static func asciiLowercase(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }

    @inlinable
    static func appendUTF8(_ scalar: Unicode.Scalar, to output: inout [UInt8]) {
        UTF8.encode(scalar) { output.append($0) }
    }

    /// The folded lowercase form of a Latin letter with a diacritic or a ligature, or nil.
    @usableFromInline
    static func foldedLatin(_ value: UInt32) -> String? {
        if value >= 0xC0 && value <= 0xFF {
            return latin1Table[Int(value - 0xC0)]
        }
        if value >= 0x100 && value <= 0x17F {
            return latinExtendedATable[Int(value - 0x100)]
        }
        switch value {
        case 0xFB00: return "ff"
        case 0xFB01: return "fi"
        case 0xFB02: return "fl"
        case 0xFB03: return "ffi"
        case 0xFB04: return "ffl"
        case 0xFB05, 0xFB06: return "st"
        case 0x1E9E: return "ss"  // capital sharp s
        default: return nil
        }
    }

    /// U+00C0–U+00FF. `nil` entries (×, ÷) are not letters and pass through unchanged.
    @usableFromInline
    static let latin1Table: [String?] = [
        // À Á Â Ã Ä Å Æ Ç
        "a", "a", "a", "a", "a", "a", "ae", "c",
        // È É Ê Ë Ì Í Î Ï
        "e", "e", "e", "e", "i", "i", "i", "i",
        // Ð Ñ Ò Ó Ô Õ Ö ×
        "d", "n", "o", "o", "o", "o", "o", nil,
        // Ø Ù Ú Û Ü Ý Þ ß
        "o", "u", "u", "u", "u", "y", "th", "ss",
        // à á â ã ä å æ ç
        "a", "a", "a", "a", "a", "a", "ae", "c",
        // è é ê ë ì í î ï
        "e", "e", "e", "e", "i", "i", "i", "i",
        // ð ñ ò ó ô õ ö ÷
        "d", "n", "o", "o", "o", "o", "o", nil,
        // ø ù ú û ü ý þ ÿ
        "o", "u", "u", "u", "u", "y", "th", "y",
    ]

    /// U+0100–U+017F, in upper/lower pairs (with the few irregular spots noted).
    @usableFromInline
    static let latinExtendedATable: [String?] = [
        // Ā ā Ă ă Ą ą Ć ć Ĉ ĉ Ċ ċ Č č Ď ď
        "a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d",
        // Đ đ Ē ē Ĕ ĕ Ė ė Ę ę Ě ě Ĝ ĝ Ğ ğ
        "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g",
        // Ġ ġ Ģ ģ Ĥ ĥ Ħ ħ Ĩ ĩ Ī ī Ĭ ĭ Į į
        "g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i",
        // İ ı Ĳ ĳ Ĵ ĵ Ķ ķ ĸ Ĺ ĺ Ļ ļ Ľ ľ Ŀ
        "i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l",
        // ŀ Ł ł Ń ń Ņ ņ Ň ň ŉ Ŋ ŋ Ō ō Ŏ ŏ
        "l", "l", "l", "n", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o",
        // Ő ő Œ œ Ŕ ŕ Ŗ ŗ Ř ř Ś ś Ŝ ŝ Ş ş
        "o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s",
        // Š š Ţ ţ Ť ť Ŧ ŧ Ũ ũ Ū ū Ŭ ŭ Ů ů
        "s", "s", "t", "t", "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u",
        // Ű ű Ų ų Ŵ ŵ Ŷ ŷ Ÿ Ź ź Ż ż Ž ž ſ
        "u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s",
    ]
}
