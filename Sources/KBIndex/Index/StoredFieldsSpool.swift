import Foundation

/// The stored fields (`STOR`) of the documents added so far, appended to a temporary file as
/// they arrive (never all in memory), and compressed into the index at the end.
///
/// While documents arrive, an evenly spaced sample of them is kept (every `stride`-th
/// document, the stride doubling whenever the sample outgrows ``sampleBudget``), so that at
/// the end a ``StoredTextCodec`` is trained on the whole collection's shape, not its first
/// pages, with bounded memory and a result that depends only on the documents and their order.
final class StoredFieldsSpool {
    /// The most bytes of documents kept for training the codec.
    static let sampleBudget = 2 << 20

    /// The temporary file.
    let path: String
    /// The number of documents appended.
    private(set) var documentCount = 0
    private let output: BufferedFileOutput
    /// Each spooled record's length (`ID` and fields, uncompressed).
    private var recordLengths: [UInt32] = []
    /// The sampled documents' fields (without the id), by document number.
    private var sample: [(document: Int, fields: [UInt8])] = []
    private var sampleBytes = 0
    private var sampleStride = 1

    /// Creates the spool file at `path`.
    init(path: String) throws(IndexWriterError) {
        self.path = path
        output = try BufferedFileOutput(creating: path)
    }

    /// Appends the next document.
    func append(_ document: StoredDocument) throws(IndexWriterError) {
        var writer = BinaryWriter(capacity: 256 + document.body.utf8.count)
        writer.writeString(document.id)
        let fieldsStart = writer.bytes.count
        StoredDocumentEncoder.encodeFields(document, into: &writer)
        try output.write(writer.bytes)
        guard writer.bytes.count <= Int(UInt32.max) else {
            throw .indexTooLarge("article \(document.id) stores more than 4 GiB")
        }
        recordLengths.append(UInt32(writer.bytes.count))
        if documentCount % sampleStride == 0 {
            sample.append((documentCount, Array(writer.bytes[fieldsStart...])))
            sampleBytes += writer.bytes.count - fieldsStart
            while sampleBytes > Self.sampleBudget && sample.count > 1 {
                sampleStride *= 2
                sample.removeAll { $0.document % sampleStride != 0 }
                sampleBytes = sample.reduce(0) { $0 + $1.fields.count }
            }
        }
        documentCount += 1
    }

    /// Closes the spool and writes `STOR` into `file` (FORMAT.md): the codec trained on the
    /// sample, then each document compressed on its own (or raw, where compressing does not
    /// pay or the collection is too small to train a codec), by up to `threads` threads in
    /// batches that are written in document order. Returns `DOCS`'s stored offsets: where
    /// each document starts in `STOR`, and `STOR`'s length.
    func write(to file: IndexFileWriter, threads: Int) throws(IndexWriterError) -> [UInt64] {
        try output.close()
        let codec = StoredTextCodecTrainer.train(samples: sample.map(\.fields))
        sample = []
        try file.beginSection(.storedFields)
        let sectionStart = file.output.offset
        var header = BinaryWriter()
        if let codec {
            header.writeUInt8(StoredFieldsCodecKind.lzHuffman.rawValue)
            codec.encode(into: &header)
        } else {
            header.writeUInt8(StoredFieldsCodecKind.none.rawValue)
        }
        try file.output.write(header.bytes)
        var offsets: [UInt64] = []
        offsets.reserveCapacity(documentCount + 1)
        let input = try BufferedFileInput(path: path)
        defer { input.close() }
        let workers = codec == nil ? 1 : max(1, threads)
        let encoders = (0..<workers).map { _ in RecordEncoder(codec: codec) }
        var next = 0
        while next < recordLengths.count {
            // One batch: each worker takes a run of consecutive records.
            let end = min(recordLengths.count, next + workers * Self.recordsPerWorker)
            var records: [[UInt8]] = []
            records.reserveCapacity(end - next)
            for length in recordLengths[next..<end] {
                var record: [UInt8] = []
                try input.read(count: Int(length), into: &record)
                records.append(record)
            }
            let batch = records
            let share = (batch.count + workers - 1) / workers
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                let range = min(batch.count, worker * share)..<min(batch.count, (worker + 1) * share)
                encoders[worker].encode(batch[range])
            }
            for encoder in encoders {
                if let failure = encoder.failure { throw .damagedTemporaryFile(path: path, detail: failure) }
                let base = file.output.offset - sectionStart
                for range in encoder.ranges { offsets.append(UInt64(base + range.lowerBound)) }
                try file.output.write(encoder.output)
            }
            next = end
        }
        offsets.append(UInt64(file.output.offset - sectionStart))
        try file.endSection()
        return offsets
    }

    /// Records one worker compresses per batch.
    private static let recordsPerWorker = 512
}

/// Re-encodes spooled records (`ID`, then the fields) as `STOR` keeps them, for one thread:
/// its results stay in ``output`` until the batch is written.
private final class RecordEncoder: @unchecked Sendable {
    private var compressor: StoredTextCompressor?
    /// The encoded records of the last batch, back to back.
    private(set) var output: [UInt8] = []
    /// Where each encoded record of the last batch lies in ``output``.
    private(set) var ranges: [Range<Int>] = []
    /// Why the last batch could not be encoded, if it could not.
    private(set) var failure: String?

    init(codec: StoredTextCodec?) {
        compressor = codec.map { StoredTextCompressor(codec: $0) }
    }

    /// Encodes `records`, replacing the previous batch.
    func encode(_ records: ArraySlice<[UInt8]>) {
        output.removeAll(keepingCapacity: true)
        ranges.removeAll(keepingCapacity: true)
        failure = nil
        for record in records {
            let start = output.count
            guard encode(record) else {
                failure = "a stored record is shorter than its id"
                return
            }
            ranges.append(start..<output.count)
        }
    }

    private func encode(_ record: [UInt8]) -> Bool {
        // The id (a VarUInt length, then its bytes) is copied as it is.
        let idEnd: Int? = record.withUnsafeBytes { bytes in
            var reader = BinaryReader(bytes, section: "stored-fields spool")
            guard let length = try? reader.readVarUInt(), length <= UInt64(reader.remaining) else { return nil }
            return reader.position + Int(length)
        }
        guard let fieldsStart = idEnd else { return false }
        output.append(contentsOf: record[..<fieldsStart])
        let fieldsLength = record.count - fieldsStart
        if compressor != nil {
            let recordStart = output.count
            var header = BinaryWriter()
            header.writeUInt8(StoredDocumentMethod.compressed.rawValue)
            header.writeVarUInt(UInt64(fieldsLength))
            output.append(contentsOf: header.bytes)
            record.withUnsafeBytes { bytes in
                compressor!.compress(UnsafeRawBufferPointer(rebasing: bytes[fieldsStart...]), into: &output)
            }
            if output.count - recordStart < 1 + fieldsLength { return true }
            output.removeSubrange(recordStart...)
        }
        output.append(StoredDocumentMethod.raw.rawValue)
        output.append(contentsOf: record[fieldsStart...])
        return true
    }
}

/// How `STOR` compresses documents: the first byte of the section (FORMAT.md).
enum StoredFieldsCodecKind: UInt8 {
    /// No codec: every document is stored raw.
    case none = 0
    /// A ``StoredTextCodec`` follows.
    case lzHuffman = 1
}

/// How one document is stored in `STOR`: the byte after its id (FORMAT.md).
enum StoredDocumentMethod: UInt8 {
    /// The fields follow as they are.
    case raw = 0
    /// The fields' uncompressed length, then their bits compressed by the section's codec.
    case compressed = 1
}
