public import ArgumentParser
public import KBIndex

extension StemmerName: ExpressibleByArgument {}

/// The analysis options shared by every command that analyzes text.
struct AnalyzerFlags: ParsableArguments {
    @Option(help: "The stemmer that reduces words to stems.")
    var stemmer: StemmerName = .default

    @Flag(name: .customLong("no-stopwords"), help: "Keep stop words.")
    var keepsStopWords = false

    @Flag(name: .customLong("no-folding"), help: "Keep accents (no accent folding).")
    var keepsAccents = false

    @Flag(
        name: .customLong("no-informal"),
        help: "Do not map informal spellings (vc, pra). Also off with --no-stopwords or --no-folding.")
    var keepsInformalSpellings = false

    /// The analyzer options these flags select.
    var options: AnalyzerOptions {
        AnalyzerOptions(
            stemmer: stemmer,
            removesStopWords: !keepsStopWords,
            foldsAccents: !keepsAccents,
            normalizesInformalSpellings: !(keepsInformalSpellings || keepsStopWords || keepsAccents)
        )
    }
}
