/// The numbers the reference script, `evaluate.py`, accepts: a qrels grade goes through
/// Python's `int()` and a run score through Python's `float()`, and these parse the same
/// spellings to the same values.
///
/// - Digits are any Unicode decimal digits (general category Nd), as in Python; a single `_`
///   may separate two digits (`1_000`).
/// - `int()`: an optional `+` or `-`, then digits. Leading zeros are allowed.
/// - `float()`: an optional sign, then `inf`, `infinity` or `nan` in any letter case, or a
///   decimal number (`12`, `12.`, `.5`, `1.5e-3`, `1E+05`) whose value is the correctly rounded
///   double, as in Python. Hexadecimal spellings, which Swift's `Double(_:)` alone would accept,
///   are refused, as Python refuses them.
enum ReferenceNumberSyntax {
    /// The value of `text` as Python's `int()` reads it, or `nil` if Python would refuse it. A
    /// value beyond `Int`'s range, which Python would keep, is clamped to `Int.min` or
    /// `Int.max`: that keeps its sign, all that relevance depends on.
    static func integer(_ text: Substring) -> Int? {
        var cursor = Cursor(text)
        let sign = cursor.takeSign()
        guard let digits = cursor.takeDigits(), cursor.isAtEnd else { return nil }
        return Int(sign + digits) ?? (sign == "-" ? Int.min : Int.max)
    }

    /// The value of `text` as Python's `float()` reads it, or `nil` if Python would refuse it.
    /// NaN spellings give `Double.nan`.
    static func floatingPoint(_ text: Substring) -> Double? {
        var cursor = Cursor(text)
        let sign = cursor.takeSign()
        if let first = cursor.current, "iInN".unicodeScalars.contains(first) {
            switch cursor.rest.lowercased() {
            case "inf", "infinity": return sign == "-" ? -.infinity : .infinity
            case "nan": return .nan
            default: return nil
            }
        }
        let integerPart = cursor.takeDigits()
        var fractionPart: String?
        if cursor.take(".") {
            fractionPart = cursor.takeDigits()
        }
        guard integerPart != nil || fractionPart != nil else { return nil }
        var exponent = "0"
        if cursor.take("e") || cursor.take("E") {
            let exponentSign = cursor.takeSign()
            guard let digits = cursor.takeDigits() else { return nil }
            exponent = exponentSign + digits
        }
        guard cursor.isAtEnd else { return nil }
        return Double("\(sign)\(integerPart ?? "0").\(fractionPart ?? "0")e\(exponent)")
    }

    /// Reads a field scalar by scalar.
    private struct Cursor {
        private let scalars: [Unicode.Scalar]
        private var position = 0

        init(_ text: Substring) {
            scalars = Array(text.unicodeScalars)
        }

        /// The next scalar, or `nil` at the end.
        var current: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

        /// Whether every scalar has been read.
        var isAtEnd: Bool { position == scalars.count }

        /// The scalars not read yet.
        var rest: String {
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars[position...])
            return text
        }

        /// Reads `scalar` if it comes next.
        mutating func take(_ scalar: Unicode.Scalar) -> Bool {
            guard current == scalar else { return false }
            position += 1
            return true
        }

        /// Reads an optional `+` or `-`; returns `"-"` for a minus, `""` otherwise.
        mutating func takeSign() -> String {
            if take("-") { return "-" }
            _ = take("+")
            return ""
        }

        /// Reads a run of digits, with single `_` between digits, and returns it as ASCII
        /// digits; `nil` if no digit comes next.
        mutating func takeDigits() -> String? {
            var digits = ""
            while let scalar = current {
                if let value = ReferenceNumberSyntax.decimalValue(scalar) {
                    digits.unicodeScalars.append(Unicode.Scalar(0x30 + value))
                    position += 1
                } else if scalar == "_", !digits.isEmpty, position + 1 < scalars.count,
                    ReferenceNumberSyntax.decimalValue(scalars[position + 1]) != nil
                {
                    position += 1
                } else {
                    break
                }
            }
            return digits.isEmpty ? nil : digits
        }
    }

    /// The value 0–9 of a Unicode decimal digit, or `nil` for any other scalar.
    private static func decimalValue(_ scalar: Unicode.Scalar) -> UInt8? {
        if scalar.isASCII {
            return scalar.value >= 0x30 && scalar.value <= 0x39 ? UInt8(scalar.value - 0x30) : nil
        }
        guard scalar.properties.generalCategory == .decimalNumber,
            let value = scalar.properties.numericValue, value >= 0, value <= 9
        else { return nil }
        return UInt8(value)
    }
}
