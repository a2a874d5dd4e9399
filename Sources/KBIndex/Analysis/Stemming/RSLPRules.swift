/// The steps and rules of an RSLP stemmer, parsed from a rules file.
///
/// RSLP ("Removedor de Sufixos da Língua Portuguesa") is the suffix-stripping stemmer of
/// V. M. Orengo and C. Huyck, "A Stemming Algorithm for the Portuguese Language",
/// Proceedings of SPIRE 2001. Its rules are data: each step is an ordered list of rules, and
/// each rule removes a suffix when the stem left is long enough and the word is not one of
/// the rule's exceptions. The file format is the one Apache Lucene's
/// `RSLPStemmerBase` reads (`portuguese.rslp`), line oriented:
///
///     # comment
///     { "Plural", 3, 1, {"s"},
///       {"ns", 1, "m"},
///       {"ões", 3, "ão"},
///       {"s", 2, "", {"lápis", "mais"}}};
///
/// A step header gives the step's name, the minimum word length to enter the step (0: the
/// least length any of its rules can match), whether exceptions are whole words (1) or word
/// endings (0), and conditions (if any, the word must end with one of them to enter the
/// step). Each following line is one rule, `{"suffix", minStemLength, "replacement",
/// {"exception", ...}}` (replacement and exceptions optional), ended by `,`, or by `};` for
/// the step's last rule. Within a step the first rule that matches fires, and at most one.
///
/// ``standard`` holds the rules shipped with the index (Lucene's `portuguese.rslp`);
/// ``RSLPStemmer`` applies all seven of its steps, ``RSLPSStemmer`` only its "Plural" step.
/// Lengths are counted in Unicode scalars; the file and the words are expected in NFC.
public struct RSLPRules: Sendable, Hashable {
    /// The steps, in file order.
    public let steps: [Step]

    /// Parses the text of a rules file.
    ///
    /// - Throws: ``RSLPRulesError`` for the first problem found, with its line number:
    ///   unbalanced braces, missing or malformed fields, an exception that does not end with
    ///   its rule's suffix, text after a rule, a duplicate step name, an unclosed step.
    public init(parsing text: String) throws(RSLPRulesError) {
        var parser = RSLPRulesParser()
        self.steps = try parser.parse(text)
    }

    init(steps: [Step]) {
        self.steps = steps
    }

    /// The rules shipped with the index: Apache Lucene's `portuguese.rslp`, the rule set of
    /// Orengo and Huyck's RSLP (7 steps, 242 rules), embedded in the module.
    public static let standard: RSLPRules = {
        let text = String(decoding: PackageResources.portuguese_rslp, as: UTF8.self)
        do {
            return try RSLPRules(parsing: text)
        } catch {
            fatalError("The embedded RSLP rules file is invalid: \(error)")
        }
    }()

    /// The step called `name` ("Plural", "Adverb", "Feminine", "Augmentative", "Noun",
    /// "Verb", "Vowel" in the standard rules), or nil if there is none.
    public func step(named name: String) -> Step? {
        steps.first { $0.name == name }
    }

    /// The number of rules over all steps.
    public var ruleCount: Int {
        steps.reduce(0) { $0 + $1.rules.count }
    }

    /// The same rules for words whose accents have been removed (``AccentFolding``), as RSLP
    /// (Orengo and Huyck, SPIRE 2001) would apply them to accent-free input.
    ///
    /// Every suffix, replacement, exception and condition is folded, so that stemming a
    /// folded word gives, as often as the lost accents allow, the folded stem of the accented
    /// word. Where folding makes rules that the accents kept apart meet:
    ///
    /// - A rule whose folded suffix becomes a proper ending of a *later* rule's folded
    ///   suffix in its step, which the accented suffix was not, is dropped: the accent was
    ///   all that kept it from catching the later rules' words. In the standard rules this
    ///   is Feminine's `{"ã", 2, "ão"}` (vilã → vilão), which folded would read "a → ao"
    ///   and turn every feminine word into an augmentative ("casa" → "casao") before
    ///   "ora", "na", "inha", ... could see it. Folded "vila" still reaches "vil" through
    ///   the Vowel step, as "vilã" does through "vilão".
    /// - Rules whose folded suffixes become equal ("ida" and "ída", "éis" and "eis",
    ///   "ara" and "ará", "á" and "a", ...) are all kept, in file order: the first fires,
    ///   later ones only see the words the first one excepts. In the standard rules each
    ///   such pair has the same minimum stem length and replacement, so keeping the first
    ///   loses nothing but the exception lists, handled next.
    /// - Exceptions travel with their words: a word (or word ending) listed as an exception
    ///   in any step matching exceptions the same way (whole words, or endings) that an
    ///   accented rule could not match, but whose folded form the folded rule now can,
    ///   becomes an exception of the folded rule. So "saída", an exception of
    ///   "ída" that "ida" never saw, stays out of folded "ida"; "depois", which "óis" never
    ///   matched, stays out of folded "ois"; and "cândido", a Noun exception of "ido",
    ///   stays out of the Verb step's "ído", now "ido".
    ///
    /// What remains are true ambiguities of unaccented spelling, for which no choice of
    /// rules helps: "café" (kept by the accented rules) and "cafe" (its folded form, which
    /// loses its final vowel), or "experiência" and "convencia" (both "-encia" once folded).
    public func foldingAccents() -> RSLPRules {
        // Whole-word exceptions only guard steps that match whole words, and word endings
        // only steps that match endings: "fã", a whole word of Feminine, must not become an
        // ending that keeps "garrafa" from losing its "a" in the Vowel step.
        var knownWords: [ExceptionMatching: [String]] = [:]
        for step in steps {
            knownWords[step.exceptionMatching, default: []] += step.rules.flatMap(\.exceptions)
        }
        return RSLPRules(
            steps: steps.map { step in
                step.foldingAccents(knownWords: RSLPRulesText.uniqued(knownWords[step.exceptionMatching] ?? []))
            }
        )
    }
}

// MARK: - Steps

extension RSLPRules {
    /// How a step matches its rules' exceptions against a word.
    public enum ExceptionMatching: Sendable, Hashable {
        /// Flag 1: an exception is a whole word; the rule does not fire on exactly that word.
        case wholeWord
        /// Flag 0: an exception is a word ending; the rule does not fire on words ending so.
        case suffix
    }

    /// One step of RSLP (Orengo and Huyck, SPIRE 2001): an ordered list of rules of which
    /// at most one, the first that matches, fires.
    public struct Step: Sendable, Hashable {
        /// The step's name, as in the file ("Plural", "Noun", ...).
        public let name: String
        /// The minimum word length as written in the file; 0 means "computed from the rules".
        public let declaredMinimumWordLength: Int
        /// The minimum length (in Unicode scalars) a word needs to enter the step: the
        /// declared one or, if that is 0, the least of the rules' suffix length plus minimum
        /// stem length (Lucene's reading of 0).
        public let minimumWordLength: Int
        /// Whether exceptions are whole words or word endings.
        public let exceptionMatching: ExceptionMatching
        /// If not empty, a word must end with one of these to enter the step.
        public let conditions: [String]
        /// The rules, in the order they are tried.
        public let rules: [Rule]
        /// The 1-based line of the step header in the rules file.
        public let line: Int

        init(
            name: String,
            declaredMinimumWordLength: Int,
            exceptionMatching: ExceptionMatching,
            conditions: [String],
            rules: [Rule],
            line: Int
        ) {
            self.name = name
            self.declaredMinimumWordLength = declaredMinimumWordLength
            let shortestMatch = rules.map { $0.suffix.unicodeScalars.count + $0.minimumStemLength }.min()
            self.minimumWordLength = declaredMinimumWordLength == 0 ? shortestMatch ?? 0 : declaredMinimumWordLength
            self.exceptionMatching = exceptionMatching
            self.conditions = conditions
            self.rules = rules
            self.line = line
        }

        /// This step for accent-free input: suffixes, replacements, exceptions and
        /// conditions folded, colliding rules resolved as ``RSLPRules/foldingAccents()``
        /// describes. `knownWords` are the (accented) exceptions, of the steps matching
        /// exceptions as this one does, which become exceptions of any folded rule they could
        /// not match before folding.
        func foldingAccents(knownWords: [String]) -> Step {
            let foldedSuffixes = rules.map { AccentFolding.fold($0.suffix) }
            var foldedRules: [Rule] = []
            for (index, rule) in rules.enumerated() {
                let foldedSuffix = foldedSuffixes[index]
                let becomesCatchAll = rules.indices.dropFirst(index + 1).contains { later in
                    let laterFolded = foldedSuffixes[later]
                    return laterFolded.unicodeScalars.count > foldedSuffix.unicodeScalars.count
                        && RSLPRulesText.string(laterFolded, endsWith: foldedSuffix)
                        && !RSLPRulesText.string(rules[later].suffix, endsWith: rule.suffix)
                }
                if becomesCatchAll { continue }
                var exceptions = rule.exceptions.map(AccentFolding.fold)
                for word in knownWords where !RSLPRulesText.string(word, endsWith: rule.suffix) {
                    let foldedWord = AccentFolding.fold(word)
                    if RSLPRulesText.string(foldedWord, endsWith: foldedSuffix) {
                        exceptions.append(foldedWord)
                    }
                }
                foldedRules.append(
                    Rule(
                        suffix: foldedSuffix,
                        minimumStemLength: rule.minimumStemLength,
                        replacement: AccentFolding.fold(rule.replacement),
                        exceptions: RSLPRulesText.uniqued(exceptions),
                        line: rule.line
                    )
                )
            }
            return Step(
                name: name,
                declaredMinimumWordLength: declaredMinimumWordLength,
                exceptionMatching: exceptionMatching,
                conditions: RSLPRulesText.uniqued(conditions.map(AccentFolding.fold)),
                rules: foldedRules,
                line: line
            )
        }
    }
}

// MARK: - Rules

extension RSLPRules {
    /// One RSLP rule (Orengo and Huyck, SPIRE 2001): remove ``suffix`` if at least
    /// ``minimumStemLength`` scalars remain and the word is not an exception, then append
    /// ``replacement``.
    public struct Rule: Sendable, Hashable {
        /// The ending the rule removes.
        public let suffix: String
        /// The least number of Unicode scalars that must remain once the suffix is removed
        /// (counted before the replacement is appended).
        public let minimumStemLength: Int
        /// What is appended after removing the suffix; often empty.
        public let replacement: String
        /// Words (or word endings, per the step's ``ExceptionMatching``) the rule leaves
        /// alone. Each ends with ``suffix``.
        public let exceptions: [String]
        /// The 1-based line of the rule in the rules file.
        public let line: Int

        init(
            suffix: String,
            minimumStemLength: Int,
            replacement: String,
            exceptions: [String],
            line: Int
        ) {
            self.suffix = suffix
            self.minimumStemLength = minimumStemLength
            self.replacement = replacement
            self.exceptions = exceptions
            self.line = line
        }
    }
}

// MARK: - Helpers

/// String helpers of the rules model and parser (names scoped to keep them out of the
/// module's way).
private enum RSLPRulesText {
    /// Whether `string` ends with `suffix`, compared scalar by scalar (no canonical
    /// equivalence, as in the per-word path).
    static func string(_ string: String, endsWith suffix: String) -> Bool {
        let scalars = Array(string.unicodeScalars)
        let suffixScalars = Array(suffix.unicodeScalars)
        return scalars.count >= suffixScalars.count
            && scalars[(scalars.count - suffixScalars.count)...].elementsEqual(suffixScalars)
    }

    /// `strings` without repetitions, first occurrences kept in order.
    static func uniqued(_ strings: [String]) -> [String] {
        var seen: Set<String> = []
        return strings.filter { seen.insert($0).inserted }
    }

    /// `line` without leading and trailing white space (including "\r").
    static func trimmed(_ line: String) -> String {
        let scalars = line.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}

// MARK: - Parser

/// Reads the line-oriented RSLP rules format (as Lucene's `RSLPStemmerBase` does) and
/// reports the first problem with its line number.
private struct RSLPRulesParser {
    private var steps: [RSLPRules.Step] = []
    private var stepLines: [String: Int] = [:]

    /// The step being read: its header, and its rules so far.
    private struct OpenStep {
        var name: String
        var minimumWordLength: Int
        var exceptionMatching: RSLPRules.ExceptionMatching
        var conditions: [String]
        var line: Int
        var rules: [RSLPRules.Rule] = []
        var lastLine: Int
    }

    mutating func parse(_ text: String) throws(RSLPRulesError) -> [RSLPRules.Step] {
        var openStep: OpenStep?
        let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        for (offset, rawLine) in lines.enumerated() {
            let lineNumber = offset + 1
            var line = String(String.UnicodeScalarView(rawLine))
            if lineNumber == 1, line.unicodeScalars.first == "\u{FEFF}" {
                line.unicodeScalars.removeFirst()
            }
            let content = RSLPRulesText.trimmed(line)
            if content.isEmpty || content.hasPrefix("#") { continue }
            var tokens = try RSLPTokenStream(line: content, number: lineNumber)
            let opened = tokens.count(of: .openBrace)
            let closed = tokens.count(of: .closeBrace)

            if var step = openStep {
                if opened == closed + 1, tokens.looksLikeStepHeader {
                    // A new header while a step is still open: the previous rule should
                    // have been its last, ended with "};".
                    throw RSLPRulesError(line: step.lastLine, kind: .unclosedStep(name: step.name))
                }
                let isLastRule = tokens.containsSemicolon
                let role: RSLPRulesError.LineRole = isLastRule ? .lastRule : .rule
                if closed - opened != (isLastRule ? 1 : 0) {
                    throw RSLPRulesError(
                        line: lineNumber,
                        kind: .unbalancedBraces(role: role, opened: opened, closed: closed)
                    )
                }
                let rule = try tokens.readRule()
                step.rules.append(rule)
                step.lastLine = lineNumber
                if isLastRule {
                    try tokens.expect(.closeBrace, else: "'}' closing the step")
                    try tokens.expect(.semicolon, else: "';' after the step's closing '}'")
                    try tokens.expectEnd()
                    steps.append(
                        RSLPRules.Step(
                            name: step.name,
                            declaredMinimumWordLength: step.minimumWordLength,
                            exceptionMatching: step.exceptionMatching,
                            conditions: step.conditions,
                            rules: step.rules,
                            line: step.line
                        )
                    )
                    openStep = nil
                } else {
                    try tokens.expect(
                        .comma,
                        else: "',' after the rule (or '};' if it is the step's last rule)"
                    )
                    try tokens.expectEnd()
                    openStep = step
                }
            } else {
                if opened != closed + 1 {
                    if tokens.looksLikeRule {
                        throw RSLPRulesError(line: lineNumber, kind: .ruleOutsideStep)
                    }
                    throw RSLPRulesError(
                        line: lineNumber,
                        kind: .unbalancedBraces(role: .stepHeader, opened: opened, closed: closed)
                    )
                }
                let header = try tokens.readStepHeader()
                if let firstLine = stepLines[header.name] {
                    throw RSLPRulesError(
                        line: lineNumber,
                        kind: .duplicateStep(name: header.name, firstLine: firstLine)
                    )
                }
                stepLines[header.name] = lineNumber
                openStep = OpenStep(
                    name: header.name,
                    minimumWordLength: header.minimumWordLength,
                    exceptionMatching: header.exceptionMatching,
                    conditions: header.conditions,
                    line: lineNumber,
                    lastLine: lineNumber
                )
            }
        }
        if let step = openStep {
            throw RSLPRulesError(line: step.lastLine, kind: .unclosedStep(name: step.name))
        }
        return steps
    }
}

/// A lexical token of the rules format.
private enum RSLPToken: Equatable {
    case openBrace
    case closeBrace
    case comma
    case semicolon
    case string(String)
    /// A run of other characters: a number, or a mistake.
    case bare(String)

    /// The token as quoted in messages.
    var quoted: String {
        switch self {
        case .openBrace: "'{'"
        case .closeBrace: "'}'"
        case .comma: "','"
        case .semicolon: "';'"
        case .string(let text): "\"\(text)\""
        case .bare(let text): "'\(text)'"
        }
    }
}

/// The tokens of one line, read front to back.
private struct RSLPTokenStream {
    private let line: String
    private let number: Int
    private var tokens: [RSLPToken] = []
    /// Where each token starts in `line`, for quoting trailing text.
    private var starts: [String.UnicodeScalarView.Index] = []
    private var position = 0

    init(line: String, number: Int) throws(RSLPRulesError) {
        self.line = line
        self.number = number
        let scalars = line.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if scalar.properties.isWhitespace {
                index = scalars.index(after: index)
                continue
            }
            starts.append(index)
            switch scalar {
            case "{": tokens.append(.openBrace)
            case "}": tokens.append(.closeBrace)
            case ",": tokens.append(.comma)
            case ";": tokens.append(.semicolon)
            case "\"":
                let contentStart = scalars.index(after: index)
                guard let closing = scalars[contentStart...].firstIndex(of: "\"") else {
                    throw RSLPRulesError(line: number, kind: .unterminatedString)
                }
                tokens.append(.string(String(scalars[contentStart..<closing])))
                index = scalars.index(after: closing)
                continue
            default:
                var end = index
                while end < scalars.endIndex, !Self.endsBareText(scalars[end]) {
                    end = scalars.index(after: end)
                }
                tokens.append(.bare(String(scalars[index..<end])))
                index = end
                continue
            }
            index = scalars.index(after: index)
        }
    }

    private static func endsBareText(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || "{},;\"".unicodeScalars.contains(scalar)
    }

    func count(of token: RSLPToken) -> Int {
        tokens.count { $0 == token }
    }

    var containsSemicolon: Bool {
        tokens.contains(.semicolon)
    }

    /// Whether the line starts like a step header: `{ "name", number, number,`.
    var looksLikeStepHeader: Bool {
        guard tokens.count >= 7, tokens[0] == .openBrace, case .string = tokens[1],
            tokens[2] == .comma, case .bare = tokens[3], tokens[4] == .comma,
            case .bare = tokens[5], tokens[6] == .comma
        else { return false }
        return true
    }

    /// Whether the line starts like a rule, `{ "suffix", number }` or
    /// `{ "suffix", number, "replacement"`, rather than like a step header.
    var looksLikeRule: Bool {
        guard tokens.count >= 5, tokens[0] == .openBrace, case .string = tokens[1],
            tokens[2] == .comma, case .bare = tokens[3]
        else { return false }
        if tokens[4] == .closeBrace { return true }
        guard tokens.count >= 6, tokens[4] == .comma, case .string = tokens[5] else { return false }
        return true
    }

    private var next: RSLPToken? {
        position < tokens.count ? tokens[position] : nil
    }

    private var nextQuoted: String {
        next?.quoted ?? "the end of the line"
    }

    private func error(_ kind: RSLPRulesError.Kind) -> RSLPRulesError {
        RSLPRulesError(line: number, kind: kind)
    }

    /// Whether the next token ends or separates fields, so that a field expected here is
    /// absent rather than malformed.
    private var fieldIsAbsent: Bool {
        switch next {
        case nil, .comma?, .closeBrace?, .semicolon?: true
        default: false
        }
    }

    mutating func expect(_ token: RSLPToken, else expected: String) throws(RSLPRulesError) {
        guard next == token else {
            throw error(.unexpectedText(found: nextQuoted, expected: expected))
        }
        position += 1
    }

    mutating func expectEnd() throws(RSLPRulesError) {
        guard position < tokens.count else { return }
        let trailing = String(line.unicodeScalars[starts[position]...])
        throw error(.trailingText("'\(trailing)'"))
    }

    /// Reads the `,` that separates fields; if a required `field` follows but is absent
    /// (the line or the braces end first), reports it missing.
    private mutating func readSeparator(before field: RSLPRulesError.Field, after previous: String)
        throws(RSLPRulesError)
    {
        if next == .comma {
            position += 1
            return
        }
        if next == nil || next == .closeBrace || next == .semicolon {
            throw error(.missingField(field))
        }
        throw error(.unexpectedText(found: nextQuoted, expected: "',' after \(previous)"))
    }

    private mutating func readString(_ field: RSLPRulesError.Field) throws(RSLPRulesError) -> String {
        if case .string(let text)? = next {
            position += 1
            return text
        }
        if fieldIsAbsent { throw error(.missingField(field)) }
        throw error(.unexpectedText(found: nextQuoted, expected: "\(field.phrase) as a quoted string"))
    }

    private mutating func readNumber(_ field: RSLPRulesError.Field) throws(RSLPRulesError) -> Int {
        switch next {
        case .bare(let text)?:
            guard text.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }), let value = Int(text)
            else { throw error(.notANumber(field, found: "'\(text)'")) }
            position += 1
            return value
        case .string(let text)?:
            throw error(.notANumber(field, found: "\"\(text)\" (numbers are written without quotes)"))
        default:
            // An opening brace here starts the list that follows the number.
            if fieldIsAbsent || next == .openBrace { throw error(.missingField(field)) }
            throw error(.unexpectedText(found: nextQuoted, expected: "\(field.phrase) (a whole number)"))
        }
    }

    private mutating func readList(_ field: RSLPRulesError.Field) throws(RSLPRulesError) -> [String] {
        guard next == .openBrace else {
            if fieldIsAbsent { throw error(.missingField(field)) }
            throw error(
                .unexpectedText(
                    found: nextQuoted,
                    expected: "\(field.phrase) in braces, as {\"word\", \"other\"}"
                )
            )
        }
        position += 1
        var items: [String] = []
        if next == .closeBrace {
            position += 1
            return items
        }
        while true {
            guard case .string(let text)? = next else {
                throw error(.unexpectedText(found: nextQuoted, expected: "a quoted string in \(field.phrase)"))
            }
            items.append(text)
            position += 1
            switch next {
            case .comma?:
                position += 1
            case .closeBrace?:
                position += 1
                return items
            default:
                throw error(.unexpectedText(found: nextQuoted, expected: "',' or '}' in \(field.phrase)"))
            }
        }
    }

    /// Reads `{ "name", min, flag, {conditions},` up to the end of the line.
    mutating func readStepHeader() throws(RSLPRulesError)
        -> (name: String, minimumWordLength: Int, exceptionMatching: RSLPRules.ExceptionMatching, conditions: [String])
    {
        try expect(.openBrace, else: "a step header, as { \"Plural\", 3, 1, {\"s\"},")
        let name = try readString(.stepName)
        if name.isEmpty { throw error(.emptyStepName) }
        try readSeparator(before: .minimumWordLength, after: "the step name")
        let minimumWordLength = try readNumber(.minimumWordLength)
        try readSeparator(before: .exceptionMatching, after: "the step's minimum word length")
        let exceptionMatching: RSLPRules.ExceptionMatching
        switch next {
        case .bare("1")?: exceptionMatching = .wholeWord
        case .bare("0")?: exceptionMatching = .suffix
        case .bare(let text)?: throw error(.invalidExceptionMatching(found: "'\(text)'"))
        case .string(let text)?: throw error(.invalidExceptionMatching(found: "\"\(text)\""))
        default:
            // An opening brace here starts the list of conditions that follows the flag.
            if fieldIsAbsent || next == .openBrace { throw error(.missingField(.exceptionMatching)) }
            throw error(.invalidExceptionMatching(found: nextQuoted))
        }
        position += 1
        try readSeparator(before: .conditions, after: "the step's exception-matching flag")
        let conditions = try readList(.conditions)
        try expect(.comma, else: "',' after the step's list of conditions, ending the header line")
        try expectEnd()
        return (name, minimumWordLength, exceptionMatching, conditions)
    }

    /// Reads `{"suffix", min, "replacement", {exceptions}}`, leaving what follows it.
    mutating func readRule() throws(RSLPRulesError) -> RSLPRules.Rule {
        try expect(.openBrace, else: "a rule, as {\"ns\", 1, \"m\"},")
        let suffix = try readString(.suffix)
        if suffix.isEmpty { throw error(.emptySuffix) }
        try readSeparator(before: .minimumStemLength, after: "the rule's suffix")
        let minimumStemLength = try readNumber(.minimumStemLength)
        var replacement = ""
        var exceptions: [String] = []
        if next != .closeBrace {
            try readSeparator(before: .replacement, after: "the rule's minimum stem length")
            replacement = try readString(.replacement)
            if next != .closeBrace {
                try readSeparator(before: .exceptions, after: "the rule's replacement")
                exceptions = try readList(.exceptions)
            }
        }
        try expect(.closeBrace, else: "'}' closing the rule")
        for exception in exceptions where !RSLPRulesText.string(exception, endsWith: suffix) {
            throw error(.exceptionDoesNotEndWithSuffix(exception: exception, suffix: suffix))
        }
        return RSLPRules.Rule(
            suffix: suffix,
            minimumStemLength: minimumStemLength,
            replacement: replacement,
            exceptions: exceptions,
            line: number
        )
    }
}
