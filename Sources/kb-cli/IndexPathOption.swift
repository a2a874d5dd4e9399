import ArgumentParser

/// The `--index PATH` option shared by every command that reads or writes an index.
struct IndexPathOption: ParsableArguments {
    @Option(name: .customLong("index"), help: "The index file.")
    var path: String = "kb.idx"
}
