/// How the reference script, `evaluate.py`, cuts a file into lines and a line into fields, so
/// that every reader here sees exactly the lines and fields it sees.
///
/// - Lines: Python reads the file in text mode with universal newlines, so a line ends at
///   `\n`, `\r\n` or a lone `\r`. Line numbers are 1-based and count every line, blank or not.
/// - Fields: `str.split()` with no argument, which splits on runs of any character for which
///   Python's `str.isspace()` is true (ASCII white space, `\u{1C}`–`\u{1F}`, `\u{85}`,
///   `\u{A0}` and the Unicode space separators) and drops empty fields. A UTF-8 byte-order mark
///   is not white space: Python keeps it as part of the first field, and so does this.
enum ReferenceTextLayout {
    /// One line of a file, without its line break.
    struct Line {
        /// The 1-based line number.
        let number: Int
        /// The line's text, without its line break.
        let content: Substring
    }

    /// The scalars Python's `str.isspace()` accepts (Python 3.11, Unicode 14).
    static let whitespace: Set<Unicode.Scalar> = [
        "\u{09}", "\u{0A}", "\u{0B}", "\u{0C}", "\u{0D}", "\u{1C}", "\u{1D}", "\u{1E}", "\u{1F}",
        "\u{20}", "\u{85}", "\u{A0}", "\u{1680}", "\u{2000}", "\u{2001}", "\u{2002}", "\u{2003}",
        "\u{2004}", "\u{2005}", "\u{2006}", "\u{2007}", "\u{2008}", "\u{2009}", "\u{200A}",
        "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "\u{3000}",
    ]

    /// Whether Python's `str.isspace()` accepts `scalar`, with a fast path for ASCII.
    @inline(__always)
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x21..<0x80: false
        case 0x09...0x0D, 0x1C...0x20: true
        case 0..<0x80: false
        default: whitespace.contains(scalar)
        }
    }

    /// The lines of `text`, split at `\n`, `\r\n` and `\r`. A final line break does not start
    /// another line.
    static func lines(of text: String) -> [Line] {
        let scalars = text.unicodeScalars
        var lines: [Line] = []
        var start = scalars.startIndex
        var index = start
        while index < scalars.endIndex {
            let scalar = scalars[index]
            guard scalar == "\n" || scalar == "\r" else {
                index = scalars.index(after: index)
                continue
            }
            lines.append(Line(number: lines.count + 1, content: Substring(scalars[start..<index])))
            index = scalars.index(after: index)
            if scalar == "\r", index < scalars.endIndex, scalars[index] == "\n" {
                index = scalars.index(after: index)
            }
            start = index
        }
        if start < scalars.endIndex {
            lines.append(Line(number: lines.count + 1, content: Substring(scalars[start...])))
        }
        return lines
    }

    /// The fields of `line` as Python's `line.split()` returns them.
    static func fields(of line: Substring) -> [Substring] {
        let scalars = line.unicodeScalars
        var fields: [Substring] = []
        var fieldStart: Substring.UnicodeScalarView.Index?
        var index = scalars.startIndex
        while index < scalars.endIndex {
            if isWhitespace(scalars[index]) {
                if let start = fieldStart {
                    fields.append(Substring(scalars[start..<index]))
                    fieldStart = nil
                }
            } else if fieldStart == nil {
                fieldStart = index
            }
            index = scalars.index(after: index)
        }
        if let start = fieldStart {
            fields.append(Substring(scalars[start...]))
        }
        return fields
    }

    /// Whether `text` holds a character that ``fields(of:)`` would split at.
    static func containsWhitespace(_ text: some StringProtocol) -> Bool {
        text.unicodeScalars.contains(where: isWhitespace)
    }
}
