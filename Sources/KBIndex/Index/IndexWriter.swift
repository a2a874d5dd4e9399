public import Foundation

/// Builds one index file (`FORMAT.md`) from analyzed articles.
///
/// ```swift
/// let writer = try IndexWriter(options: IndexWriterOptions(temporaryDirectory: folder))
/// for article in articles {
///     do {
///         try writer.add(AnalyzedArticle(article, analyzer: analyzer))
///     } catch IndexWriterError.duplicateArticleID(let id) {
///         print("skipped duplicate \(id)")
///     }
/// }
/// let summary = try AtomicFilePublisher().publish(to: indexURL) { try writer.write(to: $0) }
/// ```
///
/// While articles are added, the writer keeps in memory each term's postings (compact
/// records in one byte buffer per term), every document's three field lengths, the article
/// ids and the filter values; stored fields go to a temporary file as they arrive. When the
/// postings outgrow ``IndexWriterOptions/memoryBudget`` they are written to a sorted run on
/// disk and memory starts afresh; ``write(to:)`` merges the runs while it streams the
/// sections into the index file. The file's bytes depend only on the articles (in order) and
/// the settings: not on the memory budget, the clock or hash-table order.
///
/// Temporary files live in a private folder of ``IndexWriterOptions/temporaryDirectory``,
/// removed when ``write(to:)`` returns or throws (or when the writer is released); folders
/// left by crashed builds are removed when a writer is created.
///
/// The writer is single-threaded: analyze articles in parallel, add them from one thread.
public final class IndexWriter {
    /// The settings the writer was created with.
    public let options: IndexWriterOptions
    /// The number of documents added: the doc id of the next one.
    public private(set) var documentCount = 0
    /// How many runs one merge reads at once (more are merged in rounds first). Tests lower it.
    var mergeFanIn = 64

    private enum State {
        case open
        case failed
        case finished
    }

    private var state = State.open
    private let workspace: TemporaryWorkspace
    private var accumulator = PostingsAccumulator()
    private var runs: SpillRunSet
    /// The postings of the `anchors` field, made from every document's links once the last
    /// document is in; they go to their own runs and join the others in the final merge.
    private var anchorRuns: SpillRunSet
    private var anchorText = AnchorTextCollector()
    private var spillCount = 0
    private let stored: StoredFieldsSpool
    private var filters = FilterColumnsAccumulator()
    private var articleIDs = ByteStringTable()
    private var norms: [UInt16] = []
    private var totalLengths = [Int](repeating: 0, count: IndexField.count)
    private var droppedOccurrences = 0
    private var postingTotal = 0

    /// Creates a writer: checks `options` and creates the temporary folder.
    public init(options: IndexWriterOptions) throws(IndexWriterError) {
        try Self.validate(options)
        self.options = options
        let directory = (options.temporaryDirectory ?? FileManager.default.temporaryDirectory)
            .path(percentEncoded: false)
        TemporaryWorkspace.removeStale(in: directory)
        workspace = try TemporaryWorkspace(in: directory)
        runs = SpillRunSet(workspace: workspace)
        anchorRuns = SpillRunSet(workspace: workspace, name: "anchors")
        stored = try StoredFieldsSpool(path: workspace.path(for: "stored.kbstor"))
    }

    /// Adds the next document; its doc id is the number of documents added before it.
    ///
    /// Throws ``IndexWriterError/duplicateArticleID(_:)`` when an earlier document has the
    /// same id (compared byte for byte): that document is not added and the writer stays
    /// usable. Any other error leaves the writer unusable.
    public func add(_ article: AnalyzedArticle) throws(IndexWriterError) {
        precondition(state != .finished, "add(_:) after write(to:)")
        guard state == .open else { throw .writerFailed }
        guard documentCount < Int(UInt32.max) else {
            throw .indexTooLarge("more than \(UInt32.max) documents")
        }
        var id = article.document.id
        let inserted = id.withUTF8 { articleIDs.intern(UnsafeRawBufferPointer($0)).inserted }
        guard inserted else { throw .duplicateArticleID(article.document.id) }
        do throws(IndexWriterError) {
            try addAccepted(article, document: UInt32(documentCount))
        } catch {
            fail()
            throw error
        }
        documentCount += 1
    }

    /// Writes the complete index file to `url` (a path the caller chose; overwritten). Call
    /// once, after the last ``add(_:)``; the temporary files are removed when it returns or
    /// throws. On error the partial file at `url` is removed. The file is not synchronized to
    /// the disk: write it through ``AtomicFilePublisher``, which does that before renaming it.
    public func write(to url: URL) throws(IndexWriterError) -> IndexWriteSummary {
        precondition(state != .finished, "write(to:) is called once")
        guard state == .open else { throw .writerFailed }
        state = .finished
        defer { workspace.remove() }
        let path = url.path(percentEncoded: false)
        do throws(IndexWriterError) {
            return try writeIndex(to: path)
        } catch {
            SystemCall.removeFile(path)
            throw error
        }
    }

    // MARK: - Adding

    private func addAccepted(_ article: AnalyzedArticle, document: UInt32) throws(IndexWriterError) {
        try stored.append(article.document)
        let lengths = try accumulate(article.fields, document: document, into: &accumulator, runs: &runs)
        for field in 0..<IndexField.count {
            let length = UInt16(clamping: lengths[field])
            norms.append(length)
            totalLengths[field] += Int(length)
        }
        filters.add(article.document, document: document)
        anchorText.add(article.links, url: article.document.url, document: document)
    }

    /// Turns the links of every document into `anchors` postings and lengths: returns the
    /// postings still in memory, after spilling to ``anchorRuns`` whatever passes the budget.
    private func collectAnchorsFields() throws(IndexWriterError) -> PostingsAccumulator {
        var anchors = PostingsAccumulator()
        guard !anchorText.isEmpty else { return anchors }
        let empty = AnalyzedArticle.Field(terms: [], positions: [])
        let field = IndexField.anchors.rawValue
        try anchorText.forEachAnchorsField(ids: articleIDs) { (document, text) throws(IndexWriterError) in
            var fields = [AnalyzedArticle.Field](repeating: empty, count: IndexField.count)
            fields[field] = text
            let lengths = try accumulate(fields, document: document, into: &anchors, runs: &anchorRuns)
            let length = UInt16(clamping: lengths[field])
            norms[Int(document) * IndexField.count + field] = length
            totalLengths[field] += Int(length)
        }
        anchorText = AnchorTextCollector()
        return anchors
    }

    /// Adds one document's `fields` to `postings`, spilling `postings` to `runs` first when
    /// they cannot take the document, and after when they pass the memory budget; counts the
    /// postings and dropped occurrences, and returns the fields' lengths.
    private func accumulate(
        _ fields: [AnalyzedArticle.Field], document: UInt32, into postings: inout PostingsAccumulator,
        runs: inout SpillRunSet
    ) throws(IndexWriterError) -> [Int] {
        let occurrenceCount = fields.reduce(0) { $0 + $1.terms.count }
        if !postings.canAccept(occurrenceCount: occurrenceCount) { try spill(&postings, to: &runs) }
        let postingsBefore = postings.postingCount
        let (lengths, dropped) = postings.add(document: document, fields: fields)
        postingTotal += postings.postingCount - postingsBefore
        droppedOccurrences += dropped
        if postings.estimatedMemory > options.memoryBudget { try spill(&postings, to: &runs) }
        return lengths
    }

    private func spill(_ postings: inout PostingsAccumulator, to runs: inout SpillRunSet) throws(IndexWriterError) {
        guard !postings.isEmpty else { return }
        try runs.spill(postings)
        spillCount += 1
        postings.reset()
    }

    private func fail() {
        state = .failed
        accumulator.reset()
        workspace.remove()
    }

    // MARK: - Writing

    /// Streams the sections into the file. Sections that are empty (the term sections of an
    /// index without terms, `NORM` and `STOR` of one without documents) go last, at the
    /// section table's offset, so that no empty section shares its offset with a non-empty one.
    private func writeIndex(to path: String) throws(IndexWriterError) -> IndexWriteSummary {
        var anchorAccumulator = try collectAnchorsFields()
        let pseudoFrequency = BM25FPseudoFrequency(
            fields: options.fields, totalLengths: totalLengths, documentCount: documentCount, norms: norms)
        let file = try IndexFileWriter(path: path)
        var storedOffsets: [UInt64] = [0]
        let hasTerms = postingTotal > 0
        var terms = (termCount: 0, postingCount: 0)
        if hasTerms {
            let postingsPath = workspace.path(for: "postings.kbpost")
            let termsPath = workspace.path(for: "terms.kbterm")
            let termIndex: [UInt8]
            if runs.count == 0 && anchorRuns.count == 0 {
                (terms, termIndex) = try mergeTerms(
                    [MemoryRunCursor(accumulator), MemoryRunCursor(anchorAccumulator)], anchorRunStart: 1, file: file,
                    pseudoFrequency: pseudoFrequency, postingsPath: postingsPath, termsPath: termsPath)
            } else {
                try spill(&accumulator, to: &runs)
                try spill(&anchorAccumulator, to: &anchorRuns)
                try runs.reduce(toAtMost: max(2, mergeFanIn / 2))
                try anchorRuns.reduce(toAtMost: max(2, mergeFanIn / 2))
                (terms, termIndex) = try mergeTerms(
                    try runs.openReaders() + anchorRuns.openReaders(), anchorRunStart: runs.count, file: file,
                    pseudoFrequency: pseudoFrequency, postingsPath: postingsPath, termsPath: termsPath)
            }
            accumulator.reset()
            runs.removeAll()
            anchorRuns.removeAll()
            try file.writeSection(.postings, contentsOf: postingsPath)
            SystemCall.removeFile(postingsPath)
            try file.writeSection(.terms, contentsOf: termsPath)
            SystemCall.removeFile(termsPath)
            try file.writeSection(.termIndex, termIndex)
        }
        accumulator.reset()
        if documentCount > 0 {
            try NormsEncoder.write(norms, to: file)
            storedOffsets = try stored.write(to: file, threads: options.threads)
            SystemCall.removeFile(stored.path)
        }
        let idOrder = articleIDs.idsInByteOrder().map { UInt32($0) }
        try DocumentTableEncoder.write(storedOffsets: storedOffsets, idOrder: idOrder, to: file)
        try FilterColumnsEncoder.write(filters, to: file)
        try file.writeSection(.meta, metadata(termCount: terms.termCount))
        if !hasTerms {
            try file.writeSection(.termIndex, TermDictionaryWriter.emptyTermIndex)
            for tag in [SectionTag.positions, .postings, .terms] {
                try file.writeSection(tag, [])
            }
        }
        if documentCount == 0 {
            try file.writeSection(.norms, [])
            try file.writeSection(.storedFields, [])
        }
        let (sections, fileSize) = try file.finish()
        return IndexWriteSummary(
            documentCount: documentCount, termCount: terms.termCount, postingCount: terms.postingCount,
            droppedTermOccurrences: droppedOccurrences, spillRunCount: spillCount,
            sections: sections.map { IndexWriteSummary.Section(tag: $0.tag, offset: $0.offset, length: $0.length) },
            fileSize: fileSize)
    }

    /// Merges the runs: streams `POSN` into the file, and writes `POST` and `TERM` to the
    /// temporary files at `postingsPath` and `termsPath` (`POSN` is being streamed meanwhile;
    /// the caller copies them in). Returns the counts and the `TIDX` section.
    ///
    /// The runs from `anchorRunStart` on hold `anchors` postings; a document may appear in one of
    /// them and in one of the others, and its two records become one (``PostingRecord/combine``).
    private func mergeTerms<Cursor: SortedRunCursor>(
        _ cursors: [Cursor], anchorRunStart: Int, file: IndexFileWriter, pseudoFrequency: BM25FPseudoFrequency,
        postingsPath: String, termsPath: String
    ) throws(IndexWriterError) -> (counts: (termCount: Int, postingCount: Int), termIndex: [UInt8]) {
        let postings = try BufferedFileOutput(creating: postingsPath)
        let terms = try BufferedFileOutput(creating: termsPath)
        try file.beginSection(.positions)
        let postingsWriter = PostingsWriter(
            postings: postings, positions: file.output, pseudoFrequency: pseudoFrequency)
        let dictionary = TermDictionaryWriter(output: terms)
        var postingCount = 0
        var merge = RunMerge(cursors: cursors)
        while try merge.next() {
            postingsWriter.beginTerm()
            var expected = 0
            let members = merge.members
            if members.first! < anchorRunStart && members.last! >= anchorRunStart {
                // Both kinds of runs hold the term: interleave their records by document.
                var ownPayloads: [[UInt8]] = []
                var anchorPayloads: [[UInt8]] = []
                for member in members {
                    let payload = try merge.cursors[member].withPayload { (bytes) throws(IndexWriterError) in
                        Array(bytes)
                    }
                    if member < anchorRunStart {
                        ownPayloads.append(payload)
                    } else {
                        anchorPayloads.append(payload)
                    }
                }
                let (combined, count) = try PostingRecord.combine(
                    ownPayloads, anchorPayloads, source: merge.cursors[members[0]].source)
                expected = count
                try combined.withUnsafeBytesThrowing { (payload) throws(IndexWriterError) in
                    try postingsWriter.add(payload: payload, source: "anchors")
                }
            } else {
                for member in members {
                    expected += merge.cursors[member].documentCount
                    let source = merge.cursors[member].source
                    try merge.cursors[member].withPayload { (payload) throws(IndexWriterError) in
                        try postingsWriter.add(payload: payload, source: source)
                    }
                }
            }
            let written = try postingsWriter.finishTerm()
            guard written.documentFrequency == expected else {
                throw .damagedTemporaryFile(
                    path: merge.cursors[merge.members[0]].source, detail: "a term's document count does not match")
            }
            postingCount += written.documentFrequency
            try dictionary.add(
                term: merge.term, documentFrequency: written.documentFrequency,
                postingsOffset: written.postingsOffset, positionsOffset: written.positionsOffset)
        }
        try postingsWriter.finish()
        try file.endSection()
        try postings.close()
        try dictionary.finish()
        try terms.close()
        return ((dictionary.termCount, postingCount), dictionary.termIndex())
    }

    /// The `META` JSON: sorted keys, no whitespace.
    private func metadata(termCount: Int) -> [UInt8] {
        let fields = options.fields.enumerated().map { field, settings in
            IndexMetadata.Field(
                name: settings.name, weight: settings.weight, lengthNormalization: settings.lengthNormalization,
                totalLength: totalLengths[field])
        }
        let metadata = IndexMetadata(
            documentCount: documentCount, termCount: termCount,
            analyzer: IndexMetadata.AnalyzerSettings(options.analyzer), fields: fields)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do {
            return Array(try encoder.encode(metadata))
        } catch {
            preconditionFailure("IndexMetadata always encodes: \(error)")
        }
    }

    private static func validate(_ options: IndexWriterOptions) throws(IndexWriterError) {
        guard options.memoryBudget > 0 else {
            throw .invalidOptions("the memory budget must be positive (got \(options.memoryBudget) bytes)")
        }
        guard options.fields.count == IndexField.count else {
            throw .invalidOptions("give settings for exactly \(IndexField.count) fields (got \(options.fields.count))")
        }
        for field in IndexField.allCases {
            let settings = options.fields[field.rawValue]
            guard settings.name == field.name else {
                throw .invalidOptions(
                    "field \(field.rawValue) must be named \"\(field.name)\" (got \"\(settings.name)\")")
            }
            guard settings.weight.isFinite, settings.weight >= 0 else {
                throw .invalidOptions(
                    "the weight of \(field.name) must be a finite number ≥ 0 (got \(settings.weight))")
            }
            guard settings.lengthNormalization >= 0, settings.lengthNormalization <= 1 else {
                throw .invalidOptions(
                    "the length normalization of \(field.name) must be in 0...1 (got \(settings.lengthNormalization))")
            }
        }
    }
}
