/// Reads what a customer typed into the search box ("Como podemos ajudar?") as a ``Query``.
///
/// Every input parses: there is no syntax error, only text. The parser splits the input into
/// clauses and reads operators and quotes; it does not analyze, lowercase, fold or stem (the
/// search engine analyzes each clause's text with the index's analyzer later).
///
/// ## Grammar
///
/// Over Unicode scalars, read left to right; each rule takes the longest match:
///
/// ```
/// query       = { separator | lone-sign | clause } ;
/// clause      = [ operator ] ( phrase | word ) ;
/// operator    = "+" | "-" ;                        (* rule 2 *)
/// lone-sign   = ( "+" | "-" ) ( separator | end ) ; (* dropped *)
/// phrase      = quote { scalar - quote } ( quote | end ) ;
/// word        = word-scalar { word-scalar } ;
/// word-scalar = scalar - ( separator | quote ) ;
/// quote       = '"' | "“" | "”" ;
/// separator   = ? a White_Space or control (Cc) scalar: space, tab, newline, NBSP, NUL… ? ;
/// ```
///
/// 1. A word runs to the next separator, quote or the end of the input. Everything that is
///    not a separator or a quote is word text: punctuation, `:`, `(`, `)`, emoji, U+FFFD.
///    A quote always opens or closes a phrase, even inside a word (`abc"de f"` is the word
///    `abc` and the phrase `de f`; in `monitor 24"` the quote opens an empty phrase).
/// 2. `+` (must) and `-` (must not) are operators only at the start of a chunk (at the start
///    of the input, after a separator or after a phrase's closing quote) and only when the
///    next scalar is a word scalar or a quote other than `+`, `-` or a decimal digit. So
///    `e-mail`, `NF-e` and `guarda-chuva` are single words, and `--verbose`, `+-5` and
///    negative error codes such as `-2147024891` are plain words, not exclusions.
/// 3. A lone `+` or `-` is dropped, and so is an empty phrase (`""`, `" "`), with its
///    operator.
/// 4. An unbalanced quote opens a phrase that runs to the end of the input: `"nota fisc` is
///    the phrase `nota fisc`.
/// 5. A phrase's text is its words separated by single spaces (`"  nota \n fiscal "` is
///    `nota fiscal`).
/// 6. Prefix: while the user is still typing, the last word is a prefix. When
///    ``QueryParserOptions/prefixLastWord`` is on, the last clause gets
///    ``Query/Clause/isPrefix`` if it is a word that is not excluded, runs to the very end of
///    the input (no whitespace or quote after it, nothing truncated) and ends in a letter,
///    digit or combining mark (`impressora?` or a trailing emoji is not a prefix).
/// 7. Limits: the input is cut after ``QueryParserOptions/maximumCharacters`` characters
///    (grapheme clusters), at the last separator among the last
///    ``wordBoundarySearchCharacters`` characters before the limit if there is one, so that
///    no half word is searched; clauses after ``QueryParserOptions/maximumClauses`` are
///    dropped. Either sets ``Query/wasTruncated``.
///
/// Parsing is deterministic and linear in the length of the input.
///
/// ## Examples
///
/// | Input                                   | Query (``Query/description``)          |
/// |-----------------------------------------|----------------------------------------|
/// | `nao consigo imprimir frente e verso`   | `nao consigo imprimir frente e verso*` |
/// | `impr ` (trailing space)                | `impr`                                 |
/// | `"nota fiscal" -cancelada`              | `"nota fiscal" -cancelada`             |
/// | `+senha "lembrar de mim"`               | `+senha "lembrar de mim"`              |
/// | `-impr`                                 | `-impr`                                |
/// | `erro no e-mail -`                      | `erro no e-mail`                       |
/// | `“nota fiscal” -"nota de débito`        | `"nota fiscal" -"nota de débito"`      |
public struct QueryParser: Sendable {
    /// How many characters (grapheme clusters) of the input are read by default.
    public static let defaultMaximumCharacters = 512
    /// How many clauses are kept by default.
    public static let defaultMaximumClauses = 32
    /// How far back, in characters, from the character limit a separator is looked for, so
    /// that a cut input ends at a word boundary rather than in the middle of a word.
    public static let wordBoundarySearchCharacters = 32

    /// The options this parser reads with.
    public let options: QueryParserOptions

    /// Creates a parser with the given options.
    public init(options: QueryParserOptions = .init()) {
        self.options = options
    }

    /// Parses what the user typed. Never fails: any text gives a query, possibly empty.
    public func parse(_ text: String) -> Query {
        let (input, wasCut) = Self.cut(text, maximumCharacters: max(0, options.maximumCharacters))
        let maximumClauses = max(0, options.maximumClauses)
        let scalars = input.unicodeScalars
        let end = scalars.endIndex
        var clauses: [Query.Clause] = []
        var droppedClauses = false
        // Whether the last clause is a word running to the end of the input and ending in a
        // letter, digit or mark.
        var lastClauseIsOpenWord = false
        var index = scalars.startIndex

        while index < end {
            let scalar = scalars[index]
            if Self.isSeparator(scalar) {
                index = scalars.index(after: index)
                continue
            }
            // A chunk starts here: read its operator.
            var occurrence = Query.Occurrence.should
            if Self.isSign(scalar) {
                let next = scalars.index(after: index)
                if next == end || Self.isSeparator(scalars[next]) {
                    index = next  // A lone sign: dropped.
                    continue
                }
                let following = scalars[next]
                if !Self.isSign(following) && !Self.isDecimalDigit(following) {
                    occurrence = scalar == "-" ? .mustNot : .must
                    index = next
                }
            }

            let clause: Query.Clause
            if Self.isQuote(scalars[index]) {
                var text = ""
                index = scalars.index(after: index)
                while index < end {
                    let inner = scalars[index]
                    if Self.isQuote(inner) {
                        index = scalars.index(after: index)
                        break
                    }
                    if Self.isSeparator(inner) {
                        index = scalars.index(after: index)
                        continue
                    }
                    let wordStart = index
                    repeat {
                        index = scalars.index(after: index)
                    } while index < end && !Self.isSeparator(scalars[index]) && !Self.isQuote(scalars[index])
                    if !text.isEmpty { text.unicodeScalars.append(" ") }
                    text.unicodeScalars.append(contentsOf: scalars[wordStart..<index])
                }
                if text.isEmpty { continue }  // An empty phrase: dropped with its operator.
                clause = Query.Clause(text: text, isPhrase: true, occurrence: occurrence)
                lastClauseIsOpenWord = false
            } else {
                let wordStart = index
                var last = scalars[index]
                repeat {
                    last = scalars[index]
                    index = scalars.index(after: index)
                } while index < end && !Self.isSeparator(scalars[index]) && !Self.isQuote(scalars[index])
                clause = Query.Clause(text: String(scalars[wordStart..<index]), occurrence: occurrence)
                lastClauseIsOpenWord = index == end && Self.isWordCharacter(last)
            }

            guard clauses.count < maximumClauses else {
                droppedClauses = true
                break
            }
            clauses.append(clause)
        }

        let wasTruncated = wasCut || droppedClauses
        if options.prefixLastWord, !wasTruncated, lastClauseIsOpenWord, let last = clauses.indices.last,
            clauses[last].occurrence != .mustNot
        {
            clauses[last].isPrefix = true
        }
        return Query(clauses: clauses, wasTruncated: wasTruncated)
    }

    /// The part of `text` that is read, and whether anything was cut.
    ///
    /// Counts at most `maximumCharacters + 1` characters once; when the text is longer, cuts
    /// before the last separator among the ``wordBoundarySearchCharacters`` characters before
    /// the limit, or else at the limit.
    static func cut(_ text: String, maximumCharacters: Int) -> (text: Substring, wasCut: Bool) {
        guard
            let limit = text.index(text.startIndex, offsetBy: maximumCharacters, limitedBy: text.endIndex),
            limit < text.endIndex
        else {
            return (text[...], false)
        }
        if isSeparator(text[limit]) {
            return (text[..<limit], true)  // The cut already falls on a word boundary.
        }
        var index = limit
        for _ in 0..<wordBoundarySearchCharacters {
            guard index > text.startIndex else { break }
            index = text.index(before: index)
            if isSeparator(text[index]) {
                return (text[..<index], true)
            }
        }
        return (text[..<limit], true)
    }

    /// Whether a character separates words: its first scalar does.
    static func isSeparator(_ character: Character) -> Bool {
        isSeparator(character.unicodeScalars.first!)
    }

    /// Whether a scalar separates chunks: Unicode White_Space (space, tab, newlines, NBSP,
    /// ideographic space…) or a control character (NUL, ESC, DEL…).
    @inline(__always)
    static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar.value <= 0x20 || scalar.value == 0x7F }
        let properties = scalar.properties
        return properties.isWhitespace || properties.generalCategory == .control
    }

    /// Whether a scalar opens or closes a phrase: `"`, or the typographic `“` and `”` that
    /// phone keyboards and word processors put in its place.
    @inline(__always)
    static func isQuote(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x22, 0x201C, 0x201D: true
        default: false
        }
    }

    /// Whether a scalar is an operator sign, `+` or `-`.
    @inline(__always)
    static func isSign(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "+" || scalar == "-"
    }

    /// Whether a scalar is a decimal digit of any script.
    @inline(__always)
    static func isDecimalDigit(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return ("0"..."9").contains(scalar) }
        return scalar.properties.generalCategory == .decimalNumber
    }

    /// Whether a scalar can end a word being typed: a letter, a digit or a combining mark.
    @inline(__always)
    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
        }
        let properties = scalar.properties
        if properties.isAlphabetic { return true }
        switch properties.generalCategory {
        case .decimalNumber, .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
