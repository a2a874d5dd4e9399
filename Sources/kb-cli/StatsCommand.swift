import ArgumentParser
import KBIndex

/// `kb stats`: what an index holds and how it was built.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Print the index's documents, terms, section sizes and analyzer settings."
    )

    @OptionGroup var index: IndexPathOption

    func run() throws {
        let reader = try openIndex(index.path)
        let metadata = reader.metadata
        let analyzer = metadata.analyzer
        var lines = [
            "index: \(reader.path) (\(reader.fileSize) bytes, format \(metadata.formatVersion), \(metadata.producer))",
            "built: \(reader.buildDate)",
            "documents: \(metadata.documentCount)",
            "terms: \(metadata.termCount)",
            "analyzer: stemmer \(analyzer.stemmer), stop words \(analyzer.removesStopWords ? analyzer.stopWords : "off"), "
                + "folding \(analyzer.foldsAccents ? "on" : "off"), "
                + "informal spellings \(analyzer.normalizesInformalSpellings ? "on" : "off")",
        ]
        for field in IndexField.allCases {
            let settings = metadata.fields[field.rawValue]
            lines.append(
                "field \(settings.name): weight \(settings.weight), b \(settings.lengthNormalization), "
                    + "average length \(String(format: "%.1f", metadata.averageLength(of: field)))")
        }
        for section in reader.sectionSizes {
            lines.append("section \(section.tag.rawValue) (\(section.tag.displayName)): \(section.length) bytes")
        }
        for column in FilterColumns.Column.allCases {
            lines.append("\(column) values: \(reader.filters.values[column.rawValue].count)")
        }
        print(lines.joined(separator: "\n"))
    }
}

/// Opens the index at `path`, turning a format error into a clean exit.
func openIndex(_ path: String, verifyChecksums: Bool = false) throws -> IndexReader {
    do {
        return try IndexReader.open(path: path, verifyChecksums: verifyChecksums)
    } catch {
        printError("kb: \(error)")
        throw ExitCode(1)
    }
}
