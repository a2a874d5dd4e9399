/// The postings of the documents added since the last spill run, in memory: per term, its
/// records (see ``PostingRecord``) in one growing byte buffer.
///
/// A document is added in one pass: its `(term, field, position)` occurrences are packed
/// into 64-bit keys, sorted, and each term's group is appended to that term's buffer as one
/// record. There is no object per posting, and the per-term buffers are the only growth.
struct PostingsAccumulator {
    /// Terms are numbered per run in 30 bits (the occurrence keys keep 34 bits for field and position).
    static let termLimit = 1 << 30
    /// Terms longer than this many UTF-8 bytes are not indexed (`FORMAT.md`, TERM).
    static let maximumTermLength = 255
    /// Estimated bookkeeping bytes per term besides its record bytes: the buffer's header
    /// and allocation, and the per-term arrays.
    private static let bytesPerTerm = 80

    /// The terms of this run, numbered in order of first occurrence.
    private(set) var terms = ByteStringTable()
    /// Documents added to this run.
    private(set) var documentCount = 0
    /// `(term, document)` pairs in this run.
    private(set) var postingCount = 0

    private var records: [BinaryWriter] = []
    private var lastDocument: [UInt32] = []
    private var documentFrequency: [UInt32] = []
    private var recordCapacity = 0
    private var occurrences: [UInt64] = []

    /// Whether nothing has been added since the last reset.
    var isEmpty: Bool { documentCount == 0 }

    /// Bytes held by the accumulator, approximately.
    var estimatedMemory: Int {
        terms.estimatedMemory + recordCapacity + terms.count * Self.bytesPerTerm
            + occurrences.capacity * MemoryLayout<UInt64>.stride
    }

    /// Whether a document of `occurrenceCount` term occurrences fits without renumbering terms.
    func canAccept(occurrenceCount: Int) -> Bool {
        terms.count + occurrenceCount < Self.termLimit
    }

    /// Adds the occurrences of `fields` as the postings of `document`, which must be greater
    /// than every document added before. Returns each field's indexed length and how many
    /// occurrences were dropped for being longer than ``maximumTermLength`` (or empty).
    mutating func add(
        document: UInt32, fields: [AnalyzedArticle.Field]
    ) -> (lengths: [Int], droppedOccurrences: Int) {
        precondition(fields.count == IndexField.count, "an analyzed article has \(IndexField.count) fields")
        let occurrenceCount = fields.reduce(0) { $0 + $1.terms.count }
        precondition(canAccept(occurrenceCount: occurrenceCount), "spill before the term numbers run out")
        occurrences.removeAll(keepingCapacity: true)
        var lengths = [Int](repeating: 0, count: IndexField.count)
        var dropped = 0
        for (field, content) in fields.enumerated() {
            precondition(content.terms.count == content.positions.count, "terms and positions must pair up")
            for index in content.terms.indices {
                let termID = intern(content.terms[index])
                guard let termID else {
                    dropped += 1
                    continue
                }
                lengths[field] += 1
                occurrences.append(
                    UInt64(termID) << 34 | UInt64(field) << 32 | UInt64(content.positions[index]))
            }
        }
        occurrences.sort()
        appendRecords(document: document)
        documentCount += 1
        return (lengths, dropped)
    }

    /// The number of documents containing term `id` in this run.
    func documentFrequency(of id: Int) -> Int { Int(documentFrequency[id]) }

    /// The last document containing term `id` in this run.
    func lastDocument(of id: Int) -> UInt32 { lastDocument[id] }

    /// The records of term `id`.
    func records(of id: Int) -> [UInt8] { records[id].bytes }

    /// Calls `body` with the records of term `id`.
    func withRecords<Result, Failure: Error>(
        of id: Int, _ body: (UnsafeRawBufferPointer) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try records[id].bytes.withUnsafeBytesThrowing(body)
    }

    /// Forgets everything: the start of a new run.
    mutating func reset() {
        self = PostingsAccumulator()
    }

    /// The id of `term` in this run, or nil when it is not indexed (empty or too long).
    private mutating func intern(_ term: String) -> Int? {
        let utf8 = term.utf8
        guard !utf8.isEmpty, utf8.count <= Self.maximumTermLength else { return nil }
        let id =
            utf8.withContiguousStorageIfAvailable { terms.intern(UnsafeRawBufferPointer($0)).id }
            ?? Array(utf8).withUnsafeBytes { terms.intern($0).id }
        if id == records.count {
            records.append(BinaryWriter())
            lastDocument.append(0)
            documentFrequency.append(0)
        }
        return id
    }

    /// Appends one record per term group of the sorted `occurrences`.
    private mutating func appendRecords(document: UInt32) {
        let occurrences = self.occurrences
        var start = 0
        let count = occurrences.count
        while start < count {
            let termID = Int(occurrences[start] >> 34)
            var end = start
            var frequencies = PostingRecord.Frequencies()
            var previous = UInt64.max
            while end < count, Int(occurrences[end] >> 34) == termID {
                let key = occurrences[end]
                if key != previous {  // a repeated (field, position) counts once
                    frequencies[Int((key >> 32) & 3)] += 1
                    previous = key
                }
                end += 1
            }
            let before = records[termID].bytes.capacity
            PostingRecord.append(
                to: &records[termID], delta: document - lastDocument[termID], frequencies: frequencies,
                occurrences: occurrences[start..<end])
            recordCapacity += records[termID].bytes.capacity - before
            lastDocument[termID] = document
            documentFrequency[termID] += 1
            postingCount += 1
            start = end
        }
    }
}
