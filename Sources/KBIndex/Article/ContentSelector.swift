/// Names the element that holds a page's main content, for sites where it is not in
/// `<main>`, `<article>` or `role="main"`.
///
/// Three simple CSS selector forms are understood: `#id`, `.class` and a tag name.
/// The first matching element in document order is used.
///
/// ```swift
/// let selector = try ContentSelector(parsing: "#DisplayArea")   // .id("DisplayArea")
/// ```
public enum ContentSelector: Sendable, Hashable, CustomStringConvertible {
    /// Matches the element whose `id` attribute equals the name (case-sensitive).
    case id(String)
    /// Matches an element whose `class` attribute lists the name (case-sensitive).
    case className(String)
    /// Matches an element by tag name (case-insensitive; stored lowercased).
    case tag(String)

    /// Parses `#id`, `.class` or `tag`; surrounding white space is ignored.
    ///
    /// Compound selectors (`div.note`, `main p`, `a > b`, `[role=main]`, `*`, lists with `,`)
    /// are rejected with a ``ContentSelectorError`` that says why.
    public init(parsing text: String) throws(ContentSelectorError) {
        let trimmed = Self.trimmingASCIIWhitespace(text)
        guard let first = trimmed.utf8.first else {
            throw ContentSelectorError(selector: text, problem: .empty)
        }
        switch first {
        case UInt8(ascii: "#"), UInt8(ascii: "."):
            let name = String(trimmed.dropFirst())
            guard !name.isEmpty else {
                throw ContentSelectorError(selector: text, problem: .missingName)
            }
            if let bad = name.utf8.first(where: { !Self.isNameByte($0) }) {
                throw ContentSelectorError(
                    selector: text, problem: .unsupportedCharacter(Character(Unicode.Scalar(bad))))
            }
            self = first == UInt8(ascii: "#") ? .id(name) : .className(name)
        default:
            guard Self.isASCIILetter(first) else {
                throw ContentSelectorError(selector: text, problem: .unsupportedCharacter(trimmed.first!))
            }
            if let bad = trimmed.utf8.first(where: {
                !(Self.isASCIILetter($0) || Self.isASCIIDigit($0) || $0 == UInt8(ascii: "-"))
            }) {
                throw ContentSelectorError(
                    selector: text, problem: .unsupportedCharacter(Character(Unicode.Scalar(bad))))
            }
            self = .tag(trimmed.lowercased())
        }
    }

    /// The selector in CSS syntax: `#id`, `.class` or `tag`.
    public var description: String {
        switch self {
        case .id(let name): "#" + name
        case .className(let name): "." + name
        case .tag(let name): name
        }
    }

    /// Letters, digits, `-`, `_` and any non-ASCII byte (identifiers may use accented letters).
    private static func isNameByte(_ byte: UInt8) -> Bool {
        isASCIILetter(byte) || isASCIIDigit(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
            || byte >= 0x80
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    private static func isASCIIDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private static func trimmingASCIIWhitespace(_ text: String) -> String {
        let isWhitespace: (UInt8) -> Bool = { $0 == 0x20 || (0x09...0x0D).contains($0) }
        guard let start = text.utf8.firstIndex(where: { !isWhitespace($0) }) else { return "" }
        let end = text.utf8.lastIndex(where: { !isWhitespace($0) })!
        return String(text[start...end])
    }
}

/// A content selector string that ``ContentSelector/init(parsing:)`` cannot use.
public struct ContentSelectorError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What is wrong with the selector.
    public enum Problem: Equatable, Sendable {
        /// The selector is empty or only white space.
        case empty
        /// `#` or `.` is not followed by a name.
        case missingName
        /// A character outside the supported forms (combinators, attribute selectors, lists…).
        case unsupportedCharacter(Character)
    }

    /// The selector as given.
    public var selector: String
    /// What is wrong with it.
    public var problem: Problem

    /// Creates an error for `selector`.
    public init(selector: String, problem: Problem) {
        self.selector = selector
        self.problem = problem
    }

    /// A sentence that names the selector, the problem and the accepted forms.
    public var description: String {
        let what: String
        switch problem {
        case .empty:
            what = "it is empty"
        case .missingName:
            what = "a name must follow \"#\" or \".\""
        case .unsupportedCharacter(let character):
            what = "\"\(character)\" is not supported"
        }
        return "invalid content selector \"\(selector)\": \(what); use #id, .class or a tag name."
    }
}
