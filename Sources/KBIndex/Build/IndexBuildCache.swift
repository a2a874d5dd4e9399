import Foundation

/// The reindex cache of a previous build, read from `<index>.cache`: for each source file,
/// its fingerprint and its parsed and analyzed results, so that unchanged files are not
/// parsed again.
///
/// Memory: the file's bytes are held whole (they are about as large as the stored fields plus
/// the analyzed terms of every article, a few times the index's size) with a table of where
/// each entry starts; an entry's results are decoded only when its file is unchanged. That is
/// fine for tens of thousands of articles; a million-article corpus wants the entries read
/// as the sources go by (a later task).
///
/// A cache that is missing, unreadable, written under another ``IndexBuildCacheKey``, of
/// another layout version, truncated or failing its checksum is ignored: ``read(from:key:)``
/// returns `nil` and the build parses everything.
struct IndexBuildCache: Sendable {
    /// Where one entry's results are.
    private struct Slot: Sendable {
        var fingerprint: ContentFingerprint
        /// The offset of the results, just after the fingerprint.
        var start: Int
        /// The offset just after the entry.
        var end: Int
    }

    private let bytes: [UInt8]
    private let slots: [String: Slot]

    /// The number of entries.
    var count: Int { slots.count }

    private init(bytes: [UInt8], slots: [String: Slot]) {
        self.bytes = bytes
        self.slots = slots
    }

    /// The cache at `url` if it is valid and was written under `key`, or `nil`.
    static func read(from url: URL, key: String) -> IndexBuildCache? {
        guard let data = try? Data(contentsOf: url, options: .mappedIfSafe) else { return nil }
        return decode([UInt8](data), key: key)
    }

    /// The cache held in `bytes` if it is valid and was written under `key`, or `nil`.
    static func decode(_ bytes: [UInt8], key: String) -> IndexBuildCache? {
        let format = IndexBuildCacheFormat.self
        let minimum = format.magic.count + 4 + 1 + 1 + format.endSize
        guard bytes.count >= minimum, bytes.starts(with: format.magic) else { return nil }
        let checked = bytes.count - 4
        let stored = bytes[checked...].reversed().reduce(UInt32(0)) { ($0 << 8) | UInt32($1) }
        let actual = bytes.withUnsafeBytes { CRC32C.checksum(UnsafeRawBufferPointer(rebasing: $0[..<checked])) }
        guard stored == actual else { return nil }
        let slots = bytes.withUnsafeBytes { buffer -> [String: Slot]? in
            var reader = BinaryReader(
                UnsafeRawBufferPointer(rebasing: buffer[..<checked]), section: "reindex cache")
            return try? scan(&reader, key: key)
        }
        guard let slots else { return nil }
        return IndexBuildCache(bytes: bytes, slots: slots)
    }

    /// Reads the header and the table of entries.
    private static func scan(_ reader: inout BinaryReader, key: String) throws(IndexFormatError) -> [String: Slot]? {
        let format = IndexBuildCacheFormat.self
        try reader.skip(format.magic.count)
        guard try reader.readUInt32() == format.version, try reader.readString() == key else { return nil }
        var slots: [String: Slot] = [:]
        var entryCount: UInt64 = 0
        while true {
            let marker = try reader.readUInt8()
            if marker == format.endMarker { break }
            guard marker == format.entryMarker else { return nil }
            let length = try reader.readVarUInt()
            guard length <= UInt64(reader.remaining) else { return nil }
            let end = reader.position + Int(length)
            let path = try reader.readString()
            let fingerprint = ContentFingerprint(
                size: try reader.readVarUInt(), fnv1a: try reader.readUInt64(), crc32c: try reader.readUInt32())
            guard reader.position <= end else { return nil }
            slots[path] = Slot(fingerprint: fingerprint, start: reader.position, end: end)
            try reader.seek(to: end)
            entryCount += 1
        }
        guard try reader.readUInt64() == entryCount, reader.isAtEnd else { return nil }
        return slots
    }

    /// The cached results of the file at `path` if its bytes still have `fingerprint`, or
    /// `nil` (a changed or new file, or an entry that does not decode).
    func results(for path: String, fingerprint: ContentFingerprint) -> [Result<AnalyzedArticle, ArticleParseError>]? {
        guard let slot = slots[path], slot.fingerprint == fingerprint else { return nil }
        return bytes.withUnsafeBytes { buffer in
            var reader = BinaryReader(
                UnsafeRawBufferPointer(rebasing: buffer[slot.start..<slot.end]), baseOffset: slot.start,
                section: "reindex cache")
            guard let results = try? IndexBuildCacheFormat.readResults(&reader), reader.isAtEnd else { return nil }
            return results
        }
    }
}
