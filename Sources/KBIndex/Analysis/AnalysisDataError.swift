/// A problem in one of the analysis data files (stop words, informal spellings).
public struct AnalysisDataError: Error, Equatable, CustomStringConvertible {
    /// The data file's name.
    public var file: String
    /// The 1-based line of the problem.
    public var line: Int
    /// What is wrong with the line.
    public var message: String

    /// Creates an error.
    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `informal-spellings.txt:12: expected ...`
    public var description: String { "\(file):\(line): \(message)" }
}
