/// A reader for the small subset of YAML that `openapi.yaml` is written in (the project has
/// no YAML library, and the test target adds none).
///
/// The subset, as the header of `openapi.yaml` states it:
/// - block mappings (`key: value`, `key:` followed by a deeper block) and block sequences
///   (`- value`, `- key: value` opening a mapping whose other keys align with the first);
/// - indentation by spaces only; a nested block is indented deeper than its key;
/// - full-line comments (`# ...`) and blank lines, which are skipped;
/// - scalars: plain, `'single quoted'` (`''` for a quote), `"double quoted"` (`\"` and `\\`),
///   and flow lists of such scalars (`[a, "b"]`);
/// - keys are plain or quoted scalars (`'200':`).
///
/// No anchors, aliases, tags, flow mappings, multi-line or block scalars, or comments after a
/// value. Anything else is reported as an error with its line number.
enum YAMLSubset {
    /// A parsed node.
    indirect enum Node: Equatable, CustomStringConvertible {
        case scalar(String)
        case list([Node])
        case mapping([(key: String, value: Node)])

        static func == (left: Node, right: Node) -> Bool { left.description == right.description }

        /// The value of `key` in a mapping.
        subscript(key: String) -> Node? {
            guard case .mapping(let pairs) = self else { return nil }
            return pairs.first { $0.key == key }?.value
        }

        /// The scalar's text.
        var string: String? {
            if case .scalar(let text) = self { return text }
            return nil
        }

        /// The items of a list, or a scalar as a one-item list.
        var strings: [String]? {
            switch self {
            case .scalar(let text): [text]
            case .list(let items): items.compactMap(\.string)
            case .mapping: nil
            }
        }

        /// The keys of a mapping, in order.
        var keys: [String] {
            guard case .mapping(let pairs) = self else { return [] }
            return pairs.map(\.key)
        }

        var description: String {
            switch self {
            case .scalar(let text): text.debugDescription
            case .list(let items): "[" + items.map(\.description).joined(separator: ", ") + "]"
            case .mapping(let pairs): "{" + pairs.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
            }
        }
    }

    /// What the reader does not accept, with the 1-based line number.
    struct Error: Swift.Error, CustomStringConvertible {
        let line: Int
        let reason: String
        var description: String { "openapi.yaml line \(line): \(reason)" }
    }

    private struct Line {
        let number: Int
        let indent: Int
        let text: Substring
    }

    /// Parses `text`.
    static func parse(_ text: String) throws -> Node {
        var lines: [Line] = []
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let indent = raw.prefix { $0 == " " }.count
            let content = raw.dropFirst(indent)
            if content.isEmpty || content.hasPrefix("#") { continue }
            if content.hasPrefix("\t") { throw Error(line: offset + 1, reason: "tabs are not allowed") }
            lines.append(Line(number: offset + 1, indent: indent, text: content))
        }
        var position = 0
        let node = try block(lines, &position, indent: 0)
        if position < lines.count { throw Error(line: lines[position].number, reason: "unexpected indentation") }
        return node
    }

    /// The block starting at `lines[position]` whose lines have exactly `indent` spaces.
    private static func block(_ lines: [Line], _ position: inout Int, indent: Int) throws -> Node {
        guard position < lines.count else { return .scalar("") }
        if lines[position].text.hasPrefix("- ") || lines[position].text == "-" {
            var items: [Node] = []
            while position < lines.count, lines[position].indent == indent, lines[position].text.hasPrefix("-") {
                let line = lines[position]
                let rest = line.text.dropFirst(1).drop { $0 == " " }
                let itemIndent = indent + (line.text.count - rest.count)
                if rest.isEmpty {
                    position += 1
                    items.append(try nested(lines, &position, parentIndent: indent, line: line.number))
                } else if splitKey(rest) != nil {
                    // "- key: value" opens a mapping whose keys align at itemIndent.
                    var inner = lines
                    inner[position] = Line(number: line.number, indent: itemIndent, text: rest)
                    items.append(try mapping(inner, &position, indent: itemIndent))
                } else {
                    items.append(try scalar(rest, line: line.number))
                    position += 1
                }
            }
            return .list(items)
        }
        return try mapping(lines, &position, indent: indent)
    }

    private static func mapping(_ lines: [Line], _ position: inout Int, indent: Int) throws -> Node {
        var pairs: [(key: String, value: Node)] = []
        while position < lines.count, lines[position].indent == indent {
            let line = lines[position]
            guard let (rawKey, rawValue) = splitKey(line.text) else {
                throw Error(line: line.number, reason: "expected \"key: value\"")
            }
            let key = try scalar(rawKey, line: line.number).string ?? ""
            if pairs.contains(where: { $0.key == key }) {
                throw Error(line: line.number, reason: "duplicate key \(key)")
            }
            position += 1
            if rawValue.isEmpty {
                pairs.append((key, try nested(lines, &position, parentIndent: indent, line: line.number)))
            } else {
                pairs.append((key, try scalar(rawValue, line: line.number)))
            }
        }
        return .mapping(pairs)
    }

    /// The deeper block after `key:` or `-`; sequences may sit at the key's own indentation.
    private static func nested(_ lines: [Line], _ position: inout Int, parentIndent: Int, line: Int) throws -> Node {
        guard position < lines.count else { throw Error(line: line, reason: "missing value") }
        let next = lines[position]
        if next.indent > parentIndent || (next.indent == parentIndent && next.text.hasPrefix("- ")) {
            return try block(lines, &position, indent: next.indent)
        }
        throw Error(line: line, reason: "missing value")
    }

    /// `key` and the text after `: ` (or after a final `:`), outside quotes.
    private static func splitKey(_ text: Substring) -> (Substring, Substring)? {
        var quote: Character?
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "'" || character == "\"" {
                if index == text.startIndex { quote = character }
            } else if character == ":" {
                let after = text.index(after: index)
                if after == text.endIndex { return (text[..<index], "") }
                if text[after] == " " { return (text[..<index], text[after...].drop { $0 == " " }) }
            } else if character == "[" && index == text.startIndex {
                return nil
            }
            index = text.index(after: index)
        }
        return nil
    }

    /// A scalar or a flow list of scalars.
    private static func scalar(_ text: Substring, line: Int) throws -> Node {
        if text.hasPrefix("[") {
            guard text.hasSuffix("]") else { throw Error(line: line, reason: "unterminated list") }
            let inner = text.dropFirst().dropLast()
            if inner.trimmingSpaces.isEmpty { return .list([]) }
            return .list(try inner.split(separator: ",").map { try scalar($0.trimmingSpaces, line: line) })
        }
        if text.hasPrefix("{") || text.hasPrefix("&") || text.hasPrefix("*") || text.hasPrefix("!")
            || text.hasPrefix("|") || text.hasPrefix(">")
        {
            throw Error(line: line, reason: "outside the subset: \(text.prefix(20))")
        }
        if text.hasPrefix("'") {
            guard text.count >= 2, text.hasSuffix("'") else { throw Error(line: line, reason: "unterminated quote") }
            return .scalar(String(text.dropFirst().dropLast()).replacing("''", with: "'"))
        }
        if text.hasPrefix("\"") {
            guard text.count >= 2, text.hasSuffix("\"") else { throw Error(line: line, reason: "unterminated quote") }
            return .scalar(
                String(text.dropFirst().dropLast()).replacing("\\\"", with: "\"").replacing("\\\\", with: "\\"))
        }
        return .scalar(String(text))
    }
}

extension Substring {
    fileprivate var trimmingSpaces: Substring {
        var text = self
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        return text
    }
}
