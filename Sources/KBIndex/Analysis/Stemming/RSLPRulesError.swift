/// A problem found while parsing an RSLP rules file (see ``RSLPRules``), with the line
/// it was found on and what went wrong.
///
/// The file format is the one of the RSLP stemmer (V. M. Orengo and C. Huyck, "A Stemming
/// Algorithm for the Portuguese Language", SPIRE 2001) as read by Apache Lucene's
/// `RSLPStemmerBase`. ``description`` is a sentence meant for the person editing the file:
/// it names the line, the problem and, where it helps, how the construct is written.
public struct RSLPRulesError: Error, CustomStringConvertible, Equatable {
    /// The 1-based line of the rules file where the problem was found.
    public let line: Int
    /// What is wrong.
    public let kind: Kind

    /// Creates an error for `line` (1-based).
    public init(line: Int, kind: Kind) {
        self.line = line
        self.kind = kind
    }

    /// A field of a step header or of a rule, named in error messages.
    public enum Field: Sendable, Hashable {
        /// The step's name, the first field of a step header.
        case stepName
        /// The step's minimum word length, the second field of a step header.
        case minimumWordLength
        /// The exception-matching flag (0 or 1), the third field of a step header.
        case exceptionMatching
        /// The list of conditions, the fourth field of a step header.
        case conditions
        /// The suffix, the first field of a rule.
        case suffix
        /// The minimum stem length, the second field of a rule.
        case minimumStemLength
        /// The replacement, the optional third field of a rule.
        case replacement
        /// The list of exceptions, the optional fourth field of a rule.
        case exceptions

        /// The field as it is named in messages.
        var phrase: String {
            switch self {
            case .stepName: "the step name"
            case .minimumWordLength: "the step's minimum word length"
            case .exceptionMatching: "the step's exception-matching flag"
            case .conditions: "the step's list of conditions"
            case .suffix: "the rule's suffix"
            case .minimumStemLength: "the rule's minimum stem length"
            case .replacement: "the rule's replacement"
            case .exceptions: "the rule's list of exceptions"
            }
        }
    }

    /// The kind of line on which braces were counted.
    public enum LineRole: Sendable, Hashable {
        /// A step header, `{ "name", min, flag, {conditions},`: opens one brace more than it closes.
        case stepHeader
        /// A rule followed by another rule, `{...},`: closes every brace it opens.
        case rule
        /// The last rule of a step, `{...}};`: closes one brace more than it opens.
        case lastRule
    }

    /// What is wrong.
    public enum Kind: Sendable, Hashable {
        /// The line opens and closes a number of braces that does not fit its role.
        case unbalancedBraces(role: LineRole, opened: Int, closed: Int)
        /// A `"` has no closing `"` on the same line.
        case unterminatedString
        /// A field is absent: the line ends, or a `,` or `}` comes where the field should be.
        case missingField(Field)
        /// A numeric field holds something that is not a whole number.
        case notANumber(Field, found: String)
        /// The exception-matching flag is neither 0 nor 1.
        case invalidExceptionMatching(found: String)
        /// The step name is the empty string.
        case emptyStepName
        /// A rule's suffix is the empty string.
        case emptySuffix
        /// An exception does not end with its rule's suffix, so it could never apply.
        case exceptionDoesNotEndWithSuffix(exception: String, suffix: String)
        /// Something other than what the grammar allows at this point.
        case unexpectedText(found: String, expected: String)
        /// Text follows a complete step header or rule on the same line.
        case trailingText(String)
        /// A second step has the name of an earlier one.
        case duplicateStep(name: String, firstLine: Int)
        /// The file ends, or a new step header comes, while a step is still open: its last
        /// rule does not close it with `};`. The line is that of the step's last rule.
        case unclosedStep(name: String)
        /// A rule appears where a step header is expected (before the first step, or after a
        /// step was closed).
        case ruleOutsideStep
    }

    /// A sentence saying where the problem is, what it is and how to write it right.
    public var description: String {
        "Line \(line): \(explanation)"
    }

    private var explanation: String {
        switch kind {
        case .unbalancedBraces(let role, let opened, let closed):
            let counts = "\(opened) '{' and \(closed) '}'"
            switch role {
            case .stepHeader:
                return "unbalanced braces: this step header has \(counts), but a header opens "
                    + "exactly one more than it closes, as in { \"Plural\", 3, 1, {\"s\"},"
            case .rule:
                return "unbalanced braces: this rule has \(counts), but a rule closes every "
                    + "brace it opens, as in {\"ão\", 3, \"\", {\"coração\"}},"
            case .lastRule:
                return "unbalanced braces: this last rule of its step has \(counts), but it must "
                    + "close one more brace than it opens, to end the step, as in {\"s\", 2}};"
            }
        case .unterminatedString:
            return "a quoted string is not closed: add the missing '\"' on the same line"
        case .missingField(let field):
            return "\(field.phrase) is missing; a step header reads { \"name\", minWordLength, "
                + "0 or 1, {\"condition\", ...}, and a rule reads {\"suffix\", minStemLength, "
                + "\"replacement\", {\"exception\", ...}} (replacement and exceptions optional)"
        case .notANumber(let field, let found):
            return "\(field.phrase) must be a whole number of letters (0 or more), not \(found)"
        case .invalidExceptionMatching(let found):
            return "the step's exception-matching flag must be 1 (exceptions are whole words) "
                + "or 0 (exceptions are word endings), not \(found)"
        case .emptyStepName:
            return "the step name is empty; steps are found by name (\"Plural\", \"Noun\", ...)"
        case .emptySuffix:
            return "the rule's suffix is empty; a rule must name the ending it removes"
        case .exceptionDoesNotEndWithSuffix(let exception, let suffix):
            return "the exception \"\(exception)\" does not end with the rule's suffix "
                + "\"\(suffix)\", so it can never apply; fix its spelling or move it to the right rule"
        case .unexpectedText(let found, let expected):
            return "expected \(expected), but found \(found)"
        case .trailingText(let text):
            return "unexpected text \(text) after the end of the line's header or rule; "
                + "put each step header and each rule on a line of its own, and comments on "
                + "lines starting with '#'"
        case .duplicateStep(let name, let firstLine):
            return "a step named \"\(name)\" is already defined at line \(firstLine); "
                + "step names must be unique"
        case .unclosedStep(let name):
            return "the step \"\(name)\" is still open at this line, its last: "
                + "the last rule of a step ends with '};', not ','"
        case .ruleOutsideStep:
            return "this rule is outside any step: put a step header, such as "
                + "{ \"Plural\", 3, 1, {\"s\"}, before it, or if it belongs to the step above, "
                + "end that step with this rule ('};') rather than with the one before"
        }
    }
}
