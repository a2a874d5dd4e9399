import ArgumentParser

/// `kb`: build, inspect and search a Portuguese knowledge-base index.
@main
struct KBCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kb",
        abstract: "Build, inspect and search a Portuguese knowledge-base index.",
        subcommands: [
            IndexCommand.self,
            CheckCommand.self,
            StatsCommand.self,
            SearchCommand.self,
            SuggestCommand.self,
            RelatedCommand.self,
            ExplainCommand.self,
            EvalCommand.self,
            DumpCommand.self,
            AnalyzeCommand.self,
            ParseCommand.self,
        ]
    )
}
