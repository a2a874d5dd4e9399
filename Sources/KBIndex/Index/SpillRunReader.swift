/// A ``SortedRunCursor`` over a ``SpillRun`` file, reading one term entry at a time.
///
/// It checks what it reads: the magic, terms strictly increasing in byte order, lengths
/// within bounds, and the end mark. A file that fails a check throws
/// ``IndexWriterError/damagedTemporaryFile(path:detail:)``.
struct SpillRunReader: SortedRunCursor {
    private let input: BufferedFileInput
    private(set) var isExhausted = false
    private(set) var term: [UInt8] = []
    private(set) var documentCount = 0
    private(set) var lastDocument: UInt32 = 0
    /// The current term's payload.
    private(set) var payload: [UInt8] = []
    private var previousTerm: [UInt8] = []

    /// Opens the run at `path` and reads its first term.
    init(path: String) throws(IndexWriterError) {
        input = try BufferedFileInput(path: path)
        var magic: [UInt8] = []
        try input.read(count: SpillRun.magic.count, into: &magic)
        guard magic == SpillRun.magic else { throw input.damaged("it is not a spill run") }
        try advance()
    }

    var source: String { input.path }

    func withPayload<Result>(
        _ body: (UnsafeRawBufferPointer) throws(IndexWriterError) -> Result
    ) throws(IndexWriterError) -> Result {
        try payload.withUnsafeBytesThrowing(body)
    }

    mutating func advance() throws(IndexWriterError) {
        guard !isExhausted else { return }
        let termLength = try input.readVarUInt()
        guard termLength > 0 else {
            isExhausted = true
            input.close()
            return
        }
        guard termLength <= UInt64(PostingsAccumulator.maximumTermLength) else {
            throw input.damaged("a term is \(termLength) bytes long")
        }
        swap(&previousTerm, &term)
        try input.read(count: Int(termLength), into: &term)
        guard previousTerm.isEmpty || ByteOrder.precedes(previousTerm, term) else {
            throw input.damaged("its terms are out of order")
        }
        let count = try input.readVarUInt()
        let last = try input.readVarUInt()
        let length = try input.readVarUInt()
        guard count > 0, last <= UInt64(UInt32.max), length >= count, length < 1 << 40 else {
            throw input.damaged("a term entry's counts are inconsistent")
        }
        documentCount = Int(count)
        lastDocument = UInt32(last)
        try input.read(count: Int(length), into: &payload)
    }
}
