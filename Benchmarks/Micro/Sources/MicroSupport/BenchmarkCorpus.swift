public import Foundation
public import KBIndex

/// Which corpus a benchmark runs on.
public enum CorpusKind: String, Sendable, CaseIterable {
    /// `Articles/`: the 46 committed sample articles.
    case sample
    /// Articles generated in-process from the sample's sentences (``SyntheticCorpus``): the
    /// larger corpus when no development corpus is given.
    case synthetic
    /// The development corpus, 2,560 LibreOffice pt-BR help pages
    /// (`Benchmarks/compare/prepare-corpus.sh`), when ``BenchmarkCorpus/developmentCorpusVariable``
    /// names its `articles` folder.
    case dev

    /// The larger corpus of this run: ``dev`` when its folder is given, else ``synthetic``.
    public static var large: CorpusKind {
        BenchmarkCorpus.developmentFolder == nil ? .synthetic : .dev
    }
}

/// One HTML file of a corpus, held in memory.
public struct CorpusFile: Sendable {
    /// The path relative to the corpus folder (the article's default id).
    public var path: String
    /// The file's bytes.
    public var bytes: [UInt8]

    /// Creates a file.
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}

/// A corpus of HTML articles held in memory, with the parser settings it is read with and
/// the query list that fits its subject.
public struct BenchmarkCorpus: Sendable {
    /// The environment variable that names the development corpus's `articles` folder
    /// (`/tmp/kbcorpus/articles` after `Benchmarks/compare/prepare-corpus.sh`).
    public static let developmentCorpusVariable = "KB_DEV_CORPUS"

    /// Which corpus this is.
    public let kind: CorpusKind
    /// The HTML files, sorted by path as `ArticleFolder` lists them.
    public let files: [CorpusFile]
    /// How the files are parsed (the development corpus's content is `#DisplayArea`, as in
    /// `Benchmarks/compare`).
    public let parserOptions: ArticleParserOptions
    /// The folder the files were read from; `nil` for the synthetic corpus, which lives in
    /// memory until ``folder(writingInto:)`` writes it out.
    public let sourceFolder: URL?

    /// The total size of the HTML files in bytes.
    public var byteCount: Int { files.reduce(0) { $0 + $1.bytes.count } }

    /// The name of the committed query list that fits the corpus (`Queries/<name>.tsv`).
    public var queryListName: String { kind == .dev ? "libreoffice" : "portal" }

    /// The size of the corpus, recorded with the expectations so that a run on another
    /// corpus is recognised.
    public var fingerprint: CorpusFingerprint { CorpusFingerprint(files: files.count, bytes: byteCount) }

    /// The development corpus folder named by ``developmentCorpusVariable``, if any.
    public static var developmentFolder: URL? {
        guard let path = ProcessInfo.processInfo.environment[developmentCorpusVariable], !path.isEmpty else {
            return nil
        }
        return URL(fileURLWithPath: path, isDirectory: true)
    }

    /// Loads the corpus of `kind`.
    public static func load(_ kind: CorpusKind) throws -> BenchmarkCorpus {
        switch kind {
        case .sample:
            return try BenchmarkCorpus(
                kind: .sample, folder: MicroPaths.articles, parserOptions: ArticleParserOptions())
        case .synthetic:
            let sample = try load(.sample)
            return BenchmarkCorpus(
                kind: .synthetic, files: SyntheticCorpus.files(from: sample.parse().articles),
                parserOptions: ArticleParserOptions(), sourceFolder: nil)
        case .dev:
            guard let folder = developmentFolder else {
                throw MicroBenchmarkError(
                    "the development corpus needs \(developmentCorpusVariable)=<folder>"
                        + " (Benchmarks/compare/prepare-corpus.sh makes /tmp/kbcorpus/articles).")
            }
            return try BenchmarkCorpus(
                kind: .dev, folder: folder, parserOptions: ArticleParserOptions(contentSelector: .id("DisplayArea")))
        }
    }

    private init(kind: CorpusKind, files: [CorpusFile], parserOptions: ArticleParserOptions, sourceFolder: URL?) {
        self.kind = kind
        self.files = files
        self.parserOptions = parserOptions
        self.sourceFolder = sourceFolder
    }

    /// Reads every HTML file under `folder`, in `ArticleFolder`'s order.
    private init(kind: CorpusKind, folder: URL, parserOptions: ArticleParserOptions) throws {
        var files: [CorpusFile] = []
        for source in ArticleFolder(root: folder).sources() {
            let source = try source.get()
            guard source.format == .html else { continue }
            guard let data = FileManager.default.contents(atPath: source.url.path) else {
                throw MicroBenchmarkError("cannot read \(source.url.path).")
            }
            files.append(CorpusFile(path: source.path, bytes: [UInt8](data)))
        }
        guard !files.isEmpty else { throw MicroBenchmarkError("no HTML articles under \(folder.path).") }
        self.init(kind: kind, files: files, parserOptions: parserOptions, sourceFolder: folder)
    }

    /// Parses every file as the index builder does; files that fail are counted, not thrown.
    public func parse() -> (articles: [Article], skipped: Int) {
        let parser = ArticleParser(options: parserOptions)
        var articles: [Article] = []
        articles.reserveCapacity(files.count)
        var skipped = 0
        for file in files {
            do {
                articles.append(try parser.parse(file.bytes, path: file.path))
            } catch {
                skipped += 1
            }
        }
        return (articles, skipped)
    }

    /// A folder holding the corpus as files, for builds that read a folder as `kb index`
    /// does: the folder it was read from, or else the files written under `temporary`.
    public func folder(writingInto temporary: URL) throws -> URL {
        if let sourceFolder { return sourceFolder }
        let root = temporary.appendingPathComponent(kind.rawValue, isDirectory: true)
        for file in files {
            let url = root.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.bytes).write(to: url)
        }
        return root
    }
}

/// The number and total size of a corpus's files.
public struct CorpusFingerprint: RecordedOutcome {
    /// HTML files.
    public var files: Int
    /// Their total size in bytes.
    public var bytes: Int

    /// Creates a fingerprint.
    public init(files: Int, bytes: Int) {
        self.files = files
        self.bytes = bytes
    }

    public var fields: [(String, String)] { [("files", "\(files)"), ("bytes", "\(bytes)")] }

    public init(fields: RecordedFields) throws {
        self.init(files: try fields.integer("files"), bytes: try fields.integer("bytes"))
    }
}

/// A benchmark that cannot run: missing data, or a result that differs from the recorded one.
public struct MicroBenchmarkError: Error, CustomStringConvertible {
    /// What went wrong and what to do about it.
    public var description: String

    /// Creates an error with its message.
    public init(_ description: String) {
        self.description = description
    }
}
