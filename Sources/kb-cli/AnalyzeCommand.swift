import ArgumentParser
import KBIndex

/// `kb analyze`: prints the terms the analyzer makes of each input line.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Print the terms the analyzer makes, one input line to one output line.",
        discussion: """
            Reads TEXT, or standard input when no TEXT is given. Terms are separated by single \
            spaces. With --stemmer snowball --no-stopwords --no-folding, one word per line gives \
            exactly the Snowball stem of each word.
            """
    )

    @Argument(help: "The text to analyze. Reads standard input when omitted.")
    var text: [String] = []

    @OptionGroup var analysis: AnalyzerFlags

    func run() throws {
        let analyzer = Analyzer(options: analysis.options)
        var output = ""
        func emit(_ line: String) {
            output.append(analyzer.terms(in: line).joined(separator: " "))
            output.append("\n")
            if output.utf8.count >= 1 << 16 {
                print(output, terminator: "")
                output.removeAll(keepingCapacity: true)
            }
        }
        if text.isEmpty {
            while let line = readLine(strippingNewline: true) {
                emit(line)
            }
        } else {
            emit(text.joined(separator: " "))
        }
        print(output, terminator: "")
    }
}
