import Testing

@testable import KBIndex

@Suite("RSLPRules: the RSLP rules file and its parser")
struct RSLPRulesTests {
    // MARK: The shipped rules

    @Test("The shipped file parses into the seven RSLP steps, 242 rules")
    func standardRules() {
        let rules = RSLPRules.standard
        let names = rules.steps.map(\.name)
        #expect(names == ["Plural", "Adverb", "Feminine", "Augmentative", "Noun", "Verb", "Vowel"])
        #expect(rules.steps.map(\.rules.count) == [11, 1, 15, 23, 84, 101, 7])
        #expect(rules.ruleCount == 242)
    }

    @Test("Step headers: declared and computed minimum word lengths, matching, conditions")
    func standardStepHeaders() throws {
        let plural = try #require(RSLPRules.standard.step(named: "Plural"))
        #expect(plural.declaredMinimumWordLength == 3)
        #expect(plural.minimumWordLength == 3)
        #expect(plural.exceptionMatching == .wholeWord)
        #expect(plural.conditions == ["s"])
        #expect(plural.line == 4)

        let adverb = try #require(RSLPRules.standard.step(named: "Adverb"))
        #expect(adverb.declaredMinimumWordLength == 0)
        #expect(adverb.minimumWordLength == 9)  // "mente" plus a stem of 4
        #expect(adverb.exceptionMatching == .suffix)
        #expect(adverb.conditions.isEmpty)

        let feminine = try #require(RSLPRules.standard.step(named: "Feminine"))
        #expect(feminine.conditions == ["a", "ã"])

        let vowel = try #require(RSLPRules.standard.step(named: "Vowel"))
        #expect(vowel.minimumWordLength == 4)  // "á", "ê", "a", "e", "o" with stems of 3
        #expect(RSLPRules.standard.step(named: "Suffix") == nil)
    }

    @Test("Rules keep suffix, minimum, replacement, exceptions and line")
    func standardRuleFields() throws {
        let plural = try #require(RSLPRules.standard.step(named: "Plural"))
        let ns = plural.rules[0]
        #expect(ns.suffix == "ns")
        #expect(ns.minimumStemLength == 1)
        #expect(ns.replacement == "m")
        #expect(ns.exceptions.isEmpty)
        #expect(ns.line == 6)
        let ais = plural.rules[3]
        #expect(ais.suffix == "ais")
        #expect(ais.replacement == "al")
        #expect(ais.exceptions == ["cais", "mais"])

        let augmentative = try #require(RSLPRules.standard.step(named: "Augmentative"))
        let dissimo = augmentative.rules[0]
        #expect(dissimo.suffix == "díssimo")
        #expect(dissimo.minimumStemLength == 5)
        #expect(dissimo.replacement == "")
    }

    // MARK: Format details

    @Test("Comments, blank lines, CRLF line ends and a byte order mark are accepted")
    func layoutTolerance() throws {
        let text =
            "\u{FEFF}# rules\r\n\r\n{ \"Plural\", 3, 1, {\"s\"},\r\n"
            + "  # a comment between rules\r\n"
            + "  {\"ns\",1,\"m\"},\r\n"
            + "  {  \"s\" , 2 , \"\" , { \"lápis\" , \"pires\" } } } ;\r\n"
        let rules = try RSLPRules(parsing: text)
        let step = try #require(rules.step(named: "Plural"))
        #expect(step.rules.map(\.suffix) == ["ns", "s"])
        #expect(step.rules[1].exceptions == ["lápis", "pires"])
        #expect(step.rules[1].line == 6)
    }

    @Test("An empty file has no steps")
    func emptyFile() throws {
        #expect(try RSLPRules(parsing: "# nothing here\n\n").steps.isEmpty)
    }

    // MARK: Errors

    /// A small valid file; the cases below break one of its lines.
    ///
    ///     1  # Test rules
    ///     2  { "Plural", 3, 1, {"s"},
    ///     3    {"ns", 1, "m"},
    ///     4    {"s", 2, "", {"lápis"}}};
    ///     5  { "Vowel", 0, 0, {},
    ///     6    {"o", 3}};
    static let validLines = [
        "# Test rules",
        "{ \"Plural\", 3, 1, {\"s\"},",
        "  {\"ns\", 1, \"m\"},",
        "  {\"s\", 2, \"\", {\"lápis\"}}};",
        "{ \"Vowel\", 0, 0, {},",
        "  {\"o\", 3}};",
    ]

    static func text(replacingLine number: Int, with line: String?) -> String {
        var lines = validLines
        if let line {
            lines[number - 1] = line
        } else {
            lines.removeSubrange((number - 1)...)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test("The test file itself is valid")
    func validTestFile() throws {
        let rules = try RSLPRules(parsing: Self.validLines.joined(separator: "\n"))
        #expect(rules.steps.map(\.name) == ["Plural", "Vowel"])
    }

    struct ErrorCase: Sendable, CustomTestStringConvertible {
        let label: String
        let line: Int
        let replacement: String
        let expected: RSLPRulesError
        let message: String

        var testDescription: String { label }
    }

    static let errorCases: [ErrorCase] = [
        ErrorCase(
            label: "rule missing its closing brace",
            line: 3, replacement: "  {\"ns\", 1, \"m\",",
            expected: RSLPRulesError(line: 3, kind: .unbalancedBraces(role: .rule, opened: 1, closed: 0)),
            message: "Line 3: unbalanced braces: this rule has 1 '{' and 0 '}', but a rule closes "
                + "every brace it opens, as in {\"ão\", 3, \"\", {\"coração\"}},"
        ),
        ErrorCase(
            label: "last rule not closing its step",
            line: 4, replacement: "  {\"s\", 2, \"\", {\"lápis\"}};",
            expected: RSLPRulesError(line: 4, kind: .unbalancedBraces(role: .lastRule, opened: 2, closed: 2)),
            message: "Line 4: unbalanced braces: this last rule of its step has 2 '{' and 2 '}', "
                + "but it must close one more brace than it opens, to end the step, as in {\"s\", 2}};"
        ),
        ErrorCase(
            label: "header without braces around its conditions",
            line: 2, replacement: "{ \"Plural\", 3, 1, \"s\"},",
            expected: RSLPRulesError(line: 2, kind: .unbalancedBraces(role: .stepHeader, opened: 1, closed: 1)),
            message: "Line 2: unbalanced braces: this step header has 1 '{' and 1 '}', but a header "
                + "opens exactly one more than it closes, as in { \"Plural\", 3, 1, {\"s\"},"
        ),
        ErrorCase(
            label: "rule without minimum stem length",
            line: 3, replacement: "  {\"ns\"},",
            expected: RSLPRulesError(line: 3, kind: .missingField(.minimumStemLength)),
            message: "Line 3: the rule's minimum stem length is missing; a step header reads "
                + "{ \"name\", minWordLength, 0 or 1, {\"condition\", ...}, and a rule reads "
                + "{\"suffix\", minStemLength, \"replacement\", {\"exception\", ...}} "
                + "(replacement and exceptions optional)"
        ),
        ErrorCase(
            label: "rule without suffix",
            line: 3, replacement: "  {},",
            expected: RSLPRulesError(line: 3, kind: .missingField(.suffix)),
            message: "Line 3: the rule's suffix is missing; a step header reads { \"name\", "
                + "minWordLength, 0 or 1, {\"condition\", ...}, and a rule reads {\"suffix\", "
                + "minStemLength, \"replacement\", {\"exception\", ...}} (replacement and "
                + "exceptions optional)"
        ),
        ErrorCase(
            label: "rule with a trailing comma and no replacement",
            line: 3, replacement: "  {\"ns\", 1, },",
            expected: RSLPRulesError(line: 3, kind: .missingField(.replacement)),
            message: "Line 3: the rule's replacement is missing; a step header reads { \"name\", "
                + "minWordLength, 0 or 1, {\"condition\", ...}, and a rule reads {\"suffix\", "
                + "minStemLength, \"replacement\", {\"exception\", ...}} (replacement and "
                + "exceptions optional)"
        ),
        ErrorCase(
            label: "header without exception-matching flag",
            line: 2, replacement: "{ \"Plural\", 3, {\"s\"},",
            expected: RSLPRulesError(line: 2, kind: .missingField(.exceptionMatching)),
            message: "Line 2: the step's exception-matching flag is missing; a step header reads "
                + "{ \"name\", minWordLength, 0 or 1, {\"condition\", ...}, and a rule reads "
                + "{\"suffix\", minStemLength, \"replacement\", {\"exception\", ...}} "
                + "(replacement and exceptions optional)"
        ),
        ErrorCase(
            label: "minimum stem length in words",
            line: 3, replacement: "  {\"ns\", one, \"m\"},",
            expected: RSLPRulesError(line: 3, kind: .notANumber(.minimumStemLength, found: "'one'")),
            message: "Line 3: the rule's minimum stem length must be a whole number of letters "
                + "(0 or more), not 'one'"
        ),
        ErrorCase(
            label: "negative minimum stem length",
            line: 3, replacement: "  {\"ns\", -1, \"m\"},",
            expected: RSLPRulesError(line: 3, kind: .notANumber(.minimumStemLength, found: "'-1'")),
            message: "Line 3: the rule's minimum stem length must be a whole number of letters "
                + "(0 or more), not '-1'"
        ),
        ErrorCase(
            label: "quoted minimum stem length",
            line: 3, replacement: "  {\"ns\", \"1\", \"m\"},",
            expected: RSLPRulesError(
                line: 3,
                kind: .notANumber(.minimumStemLength, found: "\"1\" (numbers are written without quotes)")
            ),
            message: "Line 3: the rule's minimum stem length must be a whole number of letters "
                + "(0 or more), not \"1\" (numbers are written without quotes)"
        ),
        ErrorCase(
            label: "non-numeric minimum word length",
            line: 2, replacement: "{ \"Plural\", three, 1, {\"s\"},",
            expected: RSLPRulesError(line: 2, kind: .notANumber(.minimumWordLength, found: "'three'")),
            message: "Line 2: the step's minimum word length must be a whole number of letters "
                + "(0 or more), not 'three'"
        ),
        ErrorCase(
            label: "exception-matching flag other than 0 or 1",
            line: 2, replacement: "{ \"Plural\", 3, 2, {\"s\"},",
            expected: RSLPRulesError(line: 2, kind: .invalidExceptionMatching(found: "'2'")),
            message: "Line 2: the step's exception-matching flag must be 1 (exceptions are whole "
                + "words) or 0 (exceptions are word endings), not '2'"
        ),
        ErrorCase(
            label: "exception not ending with the rule's suffix",
            line: 4, replacement: "  {\"s\", 2, \"\", {\"lápis\", \"mar\"}}};",
            expected: RSLPRulesError(
                line: 4,
                kind: .exceptionDoesNotEndWithSuffix(exception: "mar", suffix: "s")
            ),
            message: "Line 4: the exception \"mar\" does not end with the rule's suffix \"s\", so "
                + "it can never apply; fix its spelling or move it to the right rule"
        ),
        ErrorCase(
            label: "text after a rule",
            line: 3, replacement: "  {\"ns\", 1, \"m\"}, oops",
            expected: RSLPRulesError(line: 3, kind: .trailingText("'oops'")),
            message: "Line 3: unexpected text 'oops' after the end of the line's header or rule; "
                + "put each step header and each rule on a line of its own, and comments on "
                + "lines starting with '#'"
        ),
        ErrorCase(
            label: "text after the end of a step",
            line: 4, replacement: "  {\"s\", 2}}; // done",
            expected: RSLPRulesError(line: 4, kind: .trailingText("'// done'")),
            message: "Line 4: unexpected text '// done' after the end of the line's header or "
                + "rule; put each step header and each rule on a line of its own, and comments "
                + "on lines starting with '#'"
        ),
        ErrorCase(
            label: "two rules on one line",
            line: 3, replacement: "  {\"ns\", 1, \"m\"}, {\"x\", 1},",
            expected: RSLPRulesError(line: 3, kind: .trailingText("'{\"x\", 1},'")),
            message: "Line 3: unexpected text '{\"x\", 1},' after the end of the line's header or "
                + "rule; put each step header and each rule on a line of its own, and comments "
                + "on lines starting with '#'"
        ),
        ErrorCase(
            label: "missing comma between fields",
            line: 3, replacement: "  {\"ns\" 1, \"m\"},",
            expected: RSLPRulesError(
                line: 3,
                kind: .unexpectedText(found: "'1'", expected: "',' after the rule's suffix")
            ),
            message: "Line 3: expected ',' after the rule's suffix, but found '1'"
        ),
        ErrorCase(
            label: "exceptions without braces",
            line: 4, replacement: "  {\"s\", 2, \"\", \"lápis\"}};",
            expected: RSLPRulesError(
                line: 4,
                kind: .unexpectedText(
                    found: "\"lápis\"",
                    expected: "the rule's list of exceptions in braces, as {\"word\", \"other\"}"
                )
            ),
            message: "Line 4: expected the rule's list of exceptions in braces, as "
                + "{\"word\", \"other\"}, but found \"lápis\""
        ),
        ErrorCase(
            label: "header without its final comma",
            line: 2, replacement: "{ \"Plural\", 3, 1, {\"s\"}",
            expected: RSLPRulesError(
                line: 2,
                kind: .unexpectedText(
                    found: "the end of the line",
                    expected: "',' after the step's list of conditions, ending the header line"
                )
            ),
            message: "Line 2: expected ',' after the step's list of conditions, ending the header "
                + "line, but found the end of the line"
        ),
        ErrorCase(
            label: "unterminated string",
            line: 3, replacement: "  {\"ns, 1, \"m\"},",
            expected: RSLPRulesError(line: 3, kind: .unterminatedString),
            message: "Line 3: a quoted string is not closed: add the missing '\"' on the same line"
        ),
        ErrorCase(
            label: "empty suffix",
            line: 3, replacement: "  {\"\", 1},",
            expected: RSLPRulesError(line: 3, kind: .emptySuffix),
            message: "Line 3: the rule's suffix is empty; a rule must name the ending it removes"
        ),
        ErrorCase(
            label: "empty step name",
            line: 2, replacement: "{ \"\", 3, 1, {\"s\"},",
            expected: RSLPRulesError(line: 2, kind: .emptyStepName),
            message: "Line 2: the step name is empty; steps are found by name (\"Plural\", \"Noun\", ...)"
        ),
        ErrorCase(
            label: "step left open before the next header",
            line: 4, replacement: "  {\"s\", 2, \"\", {\"lápis\"}},",
            expected: RSLPRulesError(line: 4, kind: .unclosedStep(name: "Plural")),
            message: "Line 4: the step \"Plural\" is still open at this line, its last: the last "
                + "rule of a step ends with '};', not ','"
        ),
        ErrorCase(
            label: "step closed one rule too early",
            line: 3, replacement: "  {\"ns\", 1, \"m\"}};",
            expected: RSLPRulesError(line: 4, kind: .ruleOutsideStep),
            message: "Line 4: this rule is outside any step: put a step header, such as "
                + "{ \"Plural\", 3, 1, {\"s\"}, before it, or if it belongs to the step above, end "
                + "that step with this rule ('};') rather than with the one before"
        ),
        ErrorCase(
            label: "duplicate step name",
            line: 5, replacement: "{ \"Plural\", 0, 0, {},",
            expected: RSLPRulesError(line: 5, kind: .duplicateStep(name: "Plural", firstLine: 2)),
            message: "Line 5: a step named \"Plural\" is already defined at line 2; step names "
                + "must be unique"
        ),
    ]

    @Test("Malformed lines throw the specific error, line and message", arguments: errorCases)
    func malformedLine(_ errorCase: ErrorCase) {
        let text = Self.text(replacingLine: errorCase.line, with: errorCase.replacement)
        #expect(throws: errorCase.expected) {
            try RSLPRules(parsing: text)
        }
        do throws(RSLPRulesError) {
            _ = try RSLPRules(parsing: text)
        } catch {
            #expect(error.description == errorCase.message)
        }
    }

    @Test("A file ending inside a step names the step and its last line")
    func fileEndsInsideStep() {
        let text = Self.text(replacingLine: 4, with: nil)  // lines 1–3: the header and one rule
        #expect(throws: RSLPRulesError(line: 3, kind: .unclosedStep(name: "Plural"))) {
            try RSLPRules(parsing: text)
        }
    }

    // MARK: Accent folding of the rules

    @Test("Folding drops Feminine's \"ã\" rule and merges its conditions")
    func foldedFeminine() throws {
        let feminine = try #require(RSLPRules.standard.foldingAccents().step(named: "Feminine"))
        #expect(feminine.conditions == ["a"])
        #expect(feminine.rules.count == 14)
        #expect(!feminine.rules.contains { $0.suffix == "a" })
        #expect(feminine.rules.map(\.suffix).prefix(3) == ["ona", "ora", "na"])
    }

    @Test("Folding keeps colliding rules in order and carries exceptions to them")
    func foldedExceptions() throws {
        let folded = RSLPRules.standard.foldingAccents()
        let feminine = try #require(folded.step(named: "Feminine"))
        let idaRules = feminine.rules.filter { $0.suffix == "ida" }
        #expect(idaRules.count == 2)
        // "ida" (first) now also excepts "saída" and "recaída", which only "ída" listed ...
        #expect(idaRules[0].exceptions == ["vida", "duvida", "recaida", "saida"])
        // ... and "ída" (second) excepts "vida" and "dúvida", which it never matched.
        #expect(idaRules[1].exceptions == ["recaida", "saida", "vida", "duvida"])

        let plural = try #require(folded.step(named: "Plural"))
        let ois = try #require(plural.rules.first { $0.suffix == "ois" })
        #expect(ois.replacement == "ol")
        #expect(ois.exceptions.contains("depois"))
        #expect(plural.rules.filter { $0.suffix == "eis" }.count == 2)
        let oes = try #require(plural.rules.first { $0.suffix == "oes" })
        #expect(oes.replacement == "ao")

        let verb = try #require(folded.step(named: "Verb"))
        let ido = try #require(verb.rules.first { $0.suffix == "ido" })  // was "ído"
        #expect(ido.exceptions.contains("candido"))  // a Noun exception of "ido"
    }

    @Test("Folding leaves no accent in any suffix, replacement, exception or condition")
    func foldedRulesHaveNoAccents() {
        let folded = RSLPRules.standard.foldingAccents()
        for step in folded.steps {
            #expect(step.conditions.allSatisfy { $0 == AccentFolding.fold($0) })
            for rule in step.rules {
                #expect(rule.suffix == AccentFolding.fold(rule.suffix))
                #expect(rule.replacement == AccentFolding.fold(rule.replacement))
                #expect(rule.exceptions.allSatisfy { $0 == AccentFolding.fold($0) })
            }
        }
        #expect(folded.ruleCount == RSLPRules.standard.ruleCount - 1)
    }
}
