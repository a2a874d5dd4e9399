import ArgumentParser

/// `kb`: build, inspect and search a Portuguese knowledge-base index.
@main
struct KBCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kb",
        abstract: "Build, inspect and search a Portuguese knowledge-base index.",
        subcommands: [

            AnalyzeCommand.self,
            ParseCommand.self,
        ]
    )
}
