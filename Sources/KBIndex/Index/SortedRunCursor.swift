/// Walks one sorted run's terms in byte order, each with its postings payload: the common
/// shape of an in-memory run (``MemoryRunCursor``) and a spill file (``SpillRunReader``),
/// so that the same merge writes the index whether or not the build spilled.
protocol SortedRunCursor {
    /// Whether the cursor has passed its last term.
    var isExhausted: Bool { get }
    /// The current term's bytes.
    var term: [UInt8] { get }
    /// The number of documents in the current term's payload.
    var documentCount: Int { get }
    /// The last document of the current term's payload.
    var lastDocument: UInt32 { get }
    /// A name for error messages (the file's path).
    var source: String { get }
    /// Calls `body` with the current term's payload: its ``PostingRecord``s.
    func withPayload<Result>(
        _ body: (UnsafeRawBufferPointer) throws(IndexWriterError) -> Result
    ) throws(IndexWriterError) -> Result
    /// Moves to the next term.
    mutating func advance() throws(IndexWriterError)
}

/// A ``SortedRunCursor`` over the terms still in memory, when the build never spilled.
struct MemoryRunCursor: SortedRunCursor {
    private let accumulator: PostingsAccumulator
    private let order: [Int]
    private var index = 0
    private(set) var term: [UInt8] = []

    /// A cursor over `accumulator`'s terms in byte order.
    init(_ accumulator: PostingsAccumulator) {
        self.accumulator = accumulator
        order = accumulator.terms.idsInByteOrder()
        loadTerm()
    }

    var isExhausted: Bool { index >= order.count }
    var documentCount: Int { accumulator.documentFrequency(of: order[index]) }
    var lastDocument: UInt32 { accumulator.lastDocument(of: order[index]) }
    var source: String { "memory" }

    func withPayload<Result>(
        _ body: (UnsafeRawBufferPointer) throws(IndexWriterError) -> Result
    ) throws(IndexWriterError) -> Result {
        try accumulator.withRecords(of: order[index], body)
    }

    mutating func advance() throws(IndexWriterError) {
        index += 1
        loadTerm()
    }

    private mutating func loadTerm() {
        term.removeAll(keepingCapacity: true)
        guard index < order.count else { return }
        accumulator.terms.withKey(order[index]) { term.append(contentsOf: $0) }
    }
}
