/// Escapes text for HTML element content and quoted attribute values.
///
/// The five characters that can start or end markup are replaced by entities: `&` → `&amp;`,
/// `<` → `&lt;`, `>` → `&gt;`, `"` → `&quot;`, `'` → `&#39;`. Everything else, including
/// non-ASCII characters, is kept as is (pages are served as UTF-8).
///
/// ```swift
/// HTMLEscaping.escape("<script>alert('x')</script>")
/// // "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"
/// ```
public enum HTMLEscaping {
    /// Returns `text` with `&`, `<`, `>`, `"` and `'` replaced by entities.
    public static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: needsEscaping) else { return text }
        var html: [UInt8] = []
        html.reserveCapacity(text.utf8.count + 32)
        for byte in text.utf8 {
            append(byte, to: &html)
        }
        return String(decoding: html, as: UTF8.self)
    }

    /// Whether `byte` is one of the characters ``escape(_:)`` replaces.
    static func needsEscaping(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"):
            return true
        default:
            return false
        }
    }

    /// Appends `byte` to UTF-8 `html`, as an entity when it is a special character. Bytes of
    /// multi-byte characters are copied unchanged (they are never special).
    static func append(_ byte: UInt8, to html: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "&"): html.append(contentsOf: "&amp;".utf8)
        case UInt8(ascii: "<"): html.append(contentsOf: "&lt;".utf8)
        case UInt8(ascii: ">"): html.append(contentsOf: "&gt;".utf8)
        case UInt8(ascii: "\""): html.append(contentsOf: "&quot;".utf8)
        case UInt8(ascii: "'"): html.append(contentsOf: "&#39;".utf8)
        default: html.append(byte)
        }
    }
}
