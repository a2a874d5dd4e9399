/// The lines of kb's line-based data files (stop words, informal spellings, synonyms,
/// filler words): one entry per line, `#` starts a comment line, blank lines are skipped.
public enum DataFileLines {
    /// The non-blank, non-comment lines of `text`, trimmed of spaces, tabs and carriage
    /// returns, with their 1-based line numbers for error messages.
    public static func contentLines(of text: String) -> [(number: Int, content: Substring)] {
        var lines: [(number: Int, content: Substring)] = []
        for (index, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let content = trimmed(line)
            if content.isEmpty || content.hasPrefix("#") { continue }
            lines.append((index + 1, content))
        }
        return lines
    }

    private static func trimmed(_ line: Substring) -> Substring {
        var result = line
        while let first = result.first, first == " " || first == "\t" || first == "\r" { result.removeFirst() }
        while let last = result.last, last == " " || last == "\t" || last == "\r" { result.removeLast() }
        return result
    }
}
