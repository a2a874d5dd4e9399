import FuzzSupport
import KBIndex
import KBSearch

/// The index reader on arbitrary bytes, seeded with small real index files: open, the full
/// check of `kb check` (``IndexVerifier``), and reads through every path a search takes
/// (dictionary, postings and positions, stored fields, filters, searches with completions
/// and typo corrections).
///
/// Each input is read twice: as it is, and with its checksums recomputed (``ChecksumSealer``)
/// so that damage reaches the decoders behind the CRCs, as a buggy writer would leave it.
///
/// Checks: opening either throws ``IndexFormatError`` naming the file or gives a reader on which the verifier and every read either
/// succeed or throw ``IndexFormatError`` (never trap); reads keep doc ids in range and
/// increasing; and a file that `kb check` passes can be read entirely without an error, its
/// terms found by lookup as they are enumerated.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    defer { file.remove() }
    file.store(bytes)
    checkIndexFile()
    var sealed = Array(bytes)
    if ChecksumSealer.seal(&sealed) {
        sealed.withUnsafeBytes { file.store($0) }
        checkIndexFile()
    }
    return 0
}

private let file = ScratchFile("reader.idx")

/// No synonyms: analyzing the synonym list for each input would dominate the run time, and
/// the query target covers synonym expansion.
private let settings: SearchSettings = {
    var settings = SearchSettings()
    settings.synonyms = SynonymList(groups: [])
    return settings
}()

private func checkIndexFile() {
    let reader: IndexReader
    do {
        reader = try IndexReader.open(path: file.path)
    } catch {
        require(error.path == file.path, "open error names \(error.path ?? "no file"): \(error)")
        return
    }
    let report = IndexVerifier(path: file.path).run()
    let failure: IndexFormatError?
    do throws(IndexFormatError) {
        try readEverything(reader, verified: report.isOK)
        failure = nil
    } catch {
        failure = error
    }
    if report.isOK, let failure {
        fatalError("kb check passes the file, yet reading it throws \(failure)")
    }
}

/// Reads what a search can reach, checking doc ids; stops at the first error. In a file that
/// `kb check` passed (`verified`), every enumerated term is also found by lookup.
private func readEverything(_ reader: IndexReader, verified: Bool) throws(IndexFormatError) {
    let documentCount = reader.documentCount
    var terms: [TermInfo] = []
    try reader.terms.forEachTerm { (entry) throws(IndexFormatError) -> Bool in
        terms.append(entry.info)
        return terms.count < 64
    }
    for term in terms {
        let found = try reader.terms.lookup(term.term)
        if verified {
            require(found == term, "term \(term) enumerated but looked up as \(String(describing: found))")
        }
        var postings = try reader.postings(for: term)
        var previous = -1
        while true {
            let document = try postings.next()
            if document == PostingsCursor.exhausted { break }
            require(document > previous && document < documentCount, "doc id \(document) after \(previous)")
            previous = document
            for field in IndexField.allCases { _ = postings.frequency(in: field) }
            try postings.forEachPosition { _, position in require(position >= 0, "position \(position)") }
            _ = reader.fieldLength(.body, of: document)
        }
    }
    for document in 0..<min(documentCount, 16) {
        let stored = try reader.storedDocument(document)
        _ = try reader.articleID(of: document)
        _ = try reader.document(withArticleID: stored.id)
    }
    for column in FilterColumns.Column.allCases {
        for value in reader.filters.values[column.rawValue].prefix(4) {
            for document in try reader.filters.documents(column, value) {
                require(document >= 0 && document < documentCount, "filter doc id \(document)")
            }
        }
    }
    let searcher = Searcher(reader: reader, settings: settings)
    let category = reader.filters.values[FilterColumns.Column.category.rawValue].first
    for term in terms.prefix(3) {
        let typo = String(term.term.dropLast()) + "x"
        for text in [term.term, String(term.term.prefix(2)), "\(typo) -\(term.term)", "\"\(term.term) \(typo)\""] {
            for hit in try searcher.search(SearchRequest(text, limit: 5, category: category)).hits {
                require(hit.document >= 0 && hit.document < documentCount, "hit doc id \(hit.document)")
            }
        }
    }
    _ = try searcher.suggest(SuggestionRequest(subject: terms.prefix(4).map(\.term).joined(separator: " ")))
}
