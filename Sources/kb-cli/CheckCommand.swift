import ArgumentParser
import KBIndex

/// `kb check`: verifies every checksum and structural invariant of an index file.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Verify every checksum and structural invariant of the index file.",
        discussion: "Prints OK, or each problem found; exits with 1 on any problem."
    )

    @OptionGroup var index: IndexPathOption

    func run() throws {
        let report = IndexVerifier(path: index.path).run()
        guard report.isOK else {
            for problem in report.problems { print(problem) }
            throw ExitCode(1)
        }
        print(
            "OK: \(index.path): \(report.documentCount) documents, \(report.termCount) terms, "
                + "\(report.postingCount) postings")
    }
}
