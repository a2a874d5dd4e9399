/// The full integrity check behind `kb check`: every checksum and every structural
/// invariant of an index file (SQLite FTS5's `integrity-check` plays the same role).
///
/// It reads the whole file. Problems are collected rather than thrown, so one run lists
/// everything that is wrong.
public struct IndexVerifier {
    /// What the verifier found.
    public struct Report: Sendable {
        /// Each problem, as a sentence.
        public var problems: [String] = []
        /// Terms checked.
        public var termCount = 0
        /// Postings checked.
        public var postingCount = 0
        /// Documents checked.
        public var documentCount = 0

        /// Whether no problem was found.
        public var isOK: Bool { problems.isEmpty }
    }

    /// The index file to check.
    public let path: String

    /// Creates a verifier for the index at `path`.
    public init(path: String) {
        self.path = path
    }

    /// Runs every check.
    public func run() -> Report {
        var report = Report()
        let reader: IndexReader
        do {
            reader = try IndexReader.open(path: path)
        } catch {
            report.problems.append(error.description)
            return report
        }
        for section in reader.sections {
            do {
                try IndexFileLayout.verifyChecksum(of: section, in: reader.file.bytes)
            } catch {
                report.problems.append(error.at(path: path).description)
            }
        }
        guard report.isOK else { return report }
        record(&report) { (report) throws(IndexFormatError) in try checkTermsAndPostings(reader, &report) }
        record(&report) { (report) throws(IndexFormatError) in try checkDocuments(reader, &report) }
        record(&report) { (_) throws(IndexFormatError) in try checkFilters(reader) }
        return report
    }

    private func record(_ report: inout Report, _ check: (inout Report) throws(IndexFormatError) -> Void) {
        do {
            try check(&report)
        } catch {
            report.problems.append(error.at(path: path).description)
        }
    }

    private func checkTermsAndPostings(_ reader: IndexReader, _ report: inout Report) throws(IndexFormatError) {
        let metadata = reader.metadata
        let averages = IndexField.allCases.map { metadata.averageLength(of: $0) }
        var entries: [TermInfo] = []
        try reader.terms.forEachTerm { (entry) throws(IndexFormatError) -> Bool in
            // The reader repairs a term's bytes into a String, so a term that is not UTF-8
            // could never be looked up.
            if String(validating: entry.bytes, as: UTF8.self) == nil {
                let hex = entry.bytes.map { String($0, radix: 16) }.joined(separator: " ")
                report.problems.append("\(path): a term of the dictionary is not valid UTF-8 (bytes \(hex)).")
            }
            entries.append(entry.info)
            return true
        }
        report.termCount = entries.count
        if entries.count != metadata.termCount {
            report.problems.append(
                "\(path): the dictionary holds \(entries.count) terms, the metadata says \(metadata.termCount).")
        }
        for entry in entries {
            var postings = try reader.postings(for: entry)
            var count = 0
            var blockImpact: Float = 0
            var block = 0
            while try postings.next() != PostingsCursor.exhausted {
                count += 1
                var total = 0
                var pseudoFrequency = 0.0
                for field in IndexField.allCases {
                    let frequency = postings.frequency(in: field)
                    total += frequency
                    guard frequency > 0 else { continue }
                    let settings = metadata.fields[field.rawValue]
                    let length = Double(reader.fieldLength(field, of: postings.document))
                    let norm = averages[field.rawValue] > 0 ? length / averages[field.rawValue] : 1
                    pseudoFrequency +=
                        settings.weight * Double(frequency)
                        / (1 - settings.lengthNormalization + settings.lengthNormalization * norm)
                }
                if total == 0 {
                    report.problems.append(
                        "\(path): \"\(entry.term)\" lists doc \(postings.document) with no occurrence.")
                }
                blockImpact = max(blockImpact, Float(pseudoFrequency))
                var previous: (IndexField, Int)?
                var positionCount = 0
                try postings.forEachPosition { field, position in
                    positionCount += 1
                    if let (lastField, lastPosition) = previous, lastField == field, position <= lastPosition {
                        report.problems.append(
                            "\(path): positions of \"\(entry.term)\" in doc \(postings.document) do not increase.")
                    }
                    previous = (field, position)
                }
                if count % PostingsCursor.blockSize == 0 || count == entry.documentFrequency {
                    // Allow for rounding to Float32 in the writer.
                    if postings.maxImpact(ofBlock: block) < blockImpact * (1 - 1e-5) {
                        report.problems.append(
                            "\(path): block \(block) of \"\(entry.term)\" stores impact "
                                + "\(postings.maxImpact(ofBlock: block)) below its documents' \(blockImpact).")
                    }
                    block += 1
                    blockImpact = 0
                }
            }
            if count != entry.documentFrequency {
                report.problems.append(
                    "\(path): \"\(entry.term)\" has \(count) postings, its document frequency says \(entry.documentFrequency)."
                )
            }
            report.postingCount += count
        }
    }

    private func checkDocuments(_ reader: IndexReader, _ report: inout Report) throws(IndexFormatError) {
        var totals = [Int](repeating: 0, count: IndexField.count)
        var seen = [Bool](repeating: false, count: reader.documentCount)
        var previousID: [UInt8]?
        for rank in 0..<reader.documentCount {
            let document = try reader.documentInIDOrder(rank)
            if seen[document] {
                report.problems.append("\(path): the id order lists doc \(document) twice.")
            }
            seen[document] = true
            let id = Array(try reader.articleID(of: document).utf8)
            if let previousID, compareBytes(previousID, id) >= 0 {
                report.problems.append("\(path): article ids are not in order at doc \(document).")
            }
            previousID = id
        }
        for document in 0..<reader.documentCount {
            _ = try reader.storedDocument(document)
            for field in IndexField.allCases {
                totals[field.rawValue] += reader.fieldLength(field, of: document)
            }
        }
        report.documentCount = reader.documentCount
        for field in IndexField.allCases
        where totals[field.rawValue] != reader.metadata.fields[field.rawValue].totalLength {
            report.problems.append(
                "\(path): the \(field.name) lengths add up to \(totals[field.rawValue]), "
                    + "the metadata says \(reader.metadata.fields[field.rawValue].totalLength).")
        }
    }

    private func checkFilters(_ reader: IndexReader) throws(IndexFormatError) {
        for column in FilterColumns.Column.allCases {
            for value in reader.filters.values[column.rawValue] {
                _ = try reader.filters.documents(column, value)
            }
        }
    }
}
