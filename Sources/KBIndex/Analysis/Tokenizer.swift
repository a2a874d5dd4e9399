/// Splits UTF-8 text into word spans, keeping byte offsets for snippets.
///
/// Rules, in the order they apply:
/// - A word is a run of letters and digits of any script, with combining marks attached.
/// - `http://`, `https://` and `ftp://` URLs with a letter or digit after the `://`, and
///   `name@host.domain` e-mail addresses, are one ``WordSpan/Kind/address`` span each.
/// - Words joined by a hyphen, apostrophe, dot, underscore or (between digits) a comma form a
///   compound. Digits joined by dots and commas are one ``WordSpan/Kind/number`` (`7.4`,
///   `1.234,56`). Any other compound yields its whole (``WordSpan/Kind/compound``, at the first
///   part's position) and then each part: `guarda-chuva` → `guarda-chuva`, `guarda`, `chuva`.
/// - Elision: a single letter before an apostrophe is dropped (`d'água` → `água`).
/// - A word longer than ``maximumWordScalars`` scalars (combining marks not counted, so an
///   NFD word is as long as its NFC form), or an address longer than
///   ``maximumAddressBytes`` bytes, is skipped but still takes its position.
///
/// Example: `"Troque o e-mail (v8.4)"` gives `Troque`@0, `o`@1, `e-mail`@2 (compound),
/// `e`@2, `mail`@3, `v8.4`@4 (compound), `v8`@4, `4`@5.
public struct Tokenizer: Sendable {
    /// Words longer than this many scalars, combining marks not counted, are skipped (they are
    /// never useful search terms).
    public static let maximumWordScalars = 64
    /// URLs and e-mail addresses longer than this many bytes are skipped.
    public static let maximumAddressBytes = 256
    /// A compound with more parts than this is cut into several compounds.
    static let maximumCompoundParts = 16

    /// Creates a tokenizer.
    public init() {}

    /// Returns the spans of `text`.
    public func spans(in text: String) -> [WordSpan] {
        var result: [WordSpan] = []
        var copy = text
        copy.withUTF8 { bytes in
            forEachSpan(in: bytes) { result.append($0) }
        }
        return result
    }

    /// Calls `body` with each span of `bytes`, in order of position.
    public func forEachSpan(in bytes: UnsafeBufferPointer<UInt8>, _ body: (WordSpan) -> Void) {
        var scanner = Scanner(bytes: bytes)
        var position = 0
        var parts: [Part] = []
        parts.reserveCapacity(Self.maximumCompoundParts)
        while let start = scanner.nextWordStart() {
            if let address = scanner.scanURL(at: start) {
                emitAddress(address, position: position, body)
                position += 1
                continue
            }
            parts.removeAll(keepingCapacity: true)
            let joiners = scanner.scanCompound(from: start, into: &parts)
            if let email = scanner.scanEmailDomain(localPart: start) {
                emitAddress(email, position: position, body)
                position += 1
                continue
            }
            emitCompound(parts, joiners: joiners, position: &position, body)
        }
    }

    private func emitAddress(_ range: Range<Int>, position: Int, _ body: (WordSpan) -> Void) {
        guard range.count <= Self.maximumAddressBytes else { return }
        body(WordSpan(start: range.lowerBound, end: range.upperBound, position: position, kind: .address))
    }

    private func emitCompound(
        _ parts: [Part], joiners: JoinerSet, position: inout Int, _ body: (WordSpan) -> Void
    ) {
        var first = 0
        // Elision: "d'água", "l'eau".
        if parts.count > 1, joiners.elidesFirst, parts[0].scalarCount == 1, !parts[0].hasDigit {
            first = 1
        }
        let remaining = parts.count - first
        if remaining == 1 {
            emitWord(parts[first], position: position, body)
            position += 1
            return
        }
        let whole = parts[first].start..<parts[parts.count - 1].end
        let wholeScalars = parts[first...].reduce(0) { $0 + $1.scalarCount }
        if joiners.isNumeric && parts[first...].allSatisfy({ !$0.hasLetter }) {
            if wholeScalars <= Self.maximumWordScalars {
                body(WordSpan(start: whole.lowerBound, end: whole.upperBound, position: position, kind: .number))
            }
            position += 1
            return
        }
        if wholeScalars <= Self.maximumWordScalars {
            body(WordSpan(start: whole.lowerBound, end: whole.upperBound, position: position, kind: .compound))
        }
        for part in parts[first...] {
            emitWord(part, position: position, body)
            position += 1
        }
    }

    private func emitWord(_ part: Part, position: Int, _ body: (WordSpan) -> Void) {
        guard part.scalarCount <= Self.maximumWordScalars else { return }
        body(WordSpan(start: part.start, end: part.end, position: position, kind: .word))
    }
}

/// One run of word scalars inside a compound.
struct Part {
    var start: Int
    var end: Int
    var scalarCount: Int
    var hasLetter: Bool
    var hasDigit: Bool
}

/// Which joiners a compound used.
struct JoinerSet {
    /// Only dots and commas joined the parts (so digits-only parts form a number).
    var isNumeric = true
    /// The first joiner was an apostrophe.
    var elidesFirst = false
}

/// A cursor over UTF-8 bytes that recognises word runs, joiners, URLs and e-mail domains.
struct Scanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Advances to the next letter or digit and returns its offset, or nil at the end.
    mutating func nextWordStart() -> Int? {
        while index < bytes.count {
            let (value, length) = decodeScalar(bytes, at: index)
            let scalarClass = ScalarClass.of(value)
            if scalarClass == .letter || scalarClass == .digit { return index }
            index += length
        }
        return nil
    }

    /// Class of the scalar at `offset`, and its length; `.other` past the end.
    func classify(at offset: Int) -> (ScalarClass, Int) {
        guard offset < bytes.count else { return (.other, 0) }
        let (value, length) = decodeScalar(bytes, at: offset)
        return (ScalarClass.of(value), length)
    }

    /// Scans one run of letters, digits and marks starting at `start`.
    func scanRun(from start: Int) -> Part {
        var part = Part(start: start, end: start, scalarCount: 0, hasLetter: false, hasDigit: false)
        var offset = start
        while offset < bytes.count {
            let (scalarClass, length) = classify(at: offset)
            guard scalarClass.isWordPart else { break }
            if scalarClass == .letter { part.hasLetter = true }
            if scalarClass == .digit { part.hasDigit = true }
            if scalarClass != .mark { part.scalarCount += 1 }
            offset += length
        }
        part.end = offset
        return part
    }

    /// Scans a compound (runs joined by joiners) from `start`, appending its parts, and
    /// leaves the cursor after it.
    mutating func scanCompound(from start: Int, into parts: inout [Part]) -> JoinerSet {
        var joiners = JoinerSet()
        var part = scanRun(from: start)
        parts.append(part)
        while parts.count < Tokenizer.maximumCompoundParts {
            let (joiner, joinerLength) = classify(at: part.end)
            let next = part.end + joinerLength
            let (following, _) = classify(at: next)
            guard following == .letter || following == .digit else { break }
            switch joiner {
            case .hyphen, .underscore:
                joiners.isNumeric = false
            case .apostrophe:
                if parts.count == 1 { joiners.elidesFirst = true }
                joiners.isNumeric = false
            case .dot:
                break
            case .comma:
                // A comma joins only digits: "1.234,56", not "sim,nao".
                guard !part.hasLetter, following == .digit else {
                    index = part.end
                    return joiners
                }
            default:
                index = part.end
                return joiners
            }
            part = scanRun(from: next)
            parts.append(part)
        }
        index = part.end
        return joiners
    }

    /// If the word at `start` is a URL scheme followed by `://`, consumes the URL and returns
    /// the range after the scheme, trailing punctuation excluded.
    mutating func scanURL(at start: Int) -> Range<Int>? {
        guard bytes[start] | 0x20 == UInt8(ascii: "h") || bytes[start] | 0x20 == UInt8(ascii: "f") else { return nil }
        var end = start
        while end < bytes.count, end - start < 6, ScalarClass.of(UInt32(bytes[end])) == .letter { end += 1 }
        guard end + 3 <= bytes.count, bytes[end] == UInt8(ascii: ":"),
            bytes[end + 1] == UInt8(ascii: "/"), bytes[end + 2] == UInt8(ascii: "/"),
            Self.isScheme(bytes, start..<end)
        else { return nil }
        let bodyStart = end + 3
        var offset = bodyStart
        while offset < bytes.count, !Self.endsURL(bytes[offset]) { offset += 1 }
        var bodyEnd = offset
        while bodyEnd > bodyStart, Self.isTrailingPunctuation(bytes[bodyEnd - 1]) { bodyEnd -= 1 }
        index = offset
        return containsLetterOrDigit(bodyStart..<bodyEnd) ? bodyStart..<bodyEnd : nil
    }

    /// Whether `range` holds a letter or a digit. A URL body of punctuation and combining marks
    /// alone names nothing, and folding would leave an empty term of it.
    func containsLetterOrDigit(_ range: Range<Int>) -> Bool {
        var offset = range.lowerBound
        while offset < range.upperBound {
            let (scalarClass, length) = classify(at: offset)
            if scalarClass == .letter || scalarClass == .digit { return true }
            offset += length
        }
        return false
    }

    /// If an `@` and a dotted domain follow the compound just scanned, consumes the domain and
    /// returns the whole address range starting at `localPart`.
    mutating func scanEmailDomain(localPart: Int) -> Range<Int>? {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "@") else { return nil }
        var offset = index + 1
        var labels = 0
        var lastLabelEnd = offset
        while true {
            let (scalarClass, _) = classify(at: offset)
            guard scalarClass == .letter || scalarClass == .digit else { break }
            var label = scanRun(from: offset)
            // Hyphens inside a label: "minha-empresa.com.br".
            while label.end < bytes.count, bytes[label.end] == UInt8(ascii: "-"),
                case let (nextClass, _) = classify(at: label.end + 1), nextClass == .letter || nextClass == .digit
            {
                label.end = scanRun(from: label.end + 1).end
            }
            labels += 1
            lastLabelEnd = label.end
            guard label.end < bytes.count, bytes[label.end] == UInt8(ascii: ".") else { break }
            offset = label.end + 1
        }
        guard labels >= 2 else { return nil }
        index = lastLabelEnd
        return localPart..<lastLabelEnd
    }

    static func isScheme(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        let lowered = range.map { bytes[$0] | 0x20 }
        return lowered == Array("http".utf8) || lowered == Array("https".utf8) || lowered == Array("ftp".utf8)
    }

    static func endsURL(_ byte: UInt8) -> Bool {
        switch byte {
        case 0...0x20, 0x7F, UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "`"),
            UInt8(ascii: "'"):
            return true
        default:
            return false
        }
    }

    static func isTrailingPunctuation(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "!"),
            UInt8(ascii: "?"), UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: "/"):
            return true
        default:
            return false
        }
    }
}
