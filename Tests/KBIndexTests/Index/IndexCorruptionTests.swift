import Foundation
import KBTestSupport
import Testing

@testable import KBIndex

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Damaged index files, in the style of SQLite's and FTS5's corruption tests: files cut
/// short at many offsets, single bytes and bits flipped in every part of the file, and
/// damage hidden behind recomputed checksums. Opening must refuse a damaged file with the
/// specific error `FORMAT.md` ("Opening") prescribes; `kb check` must notice; and reading
/// a damaged file that opens must throw `IndexFormatError` or succeed, never trap.
@Suite struct IndexCorruptionTests {
    static let seed: UInt64 = 0x5EED_C0DE

    /// The intact index every test damages: its bytes and the layout of its parts.
    struct Original: Sendable {
        let bytes: [UInt8]
        let sections: [IndexSection]
        let tableOffset: Int
        let tableLength: Int
        var footerStart: Int { bytes.count - FormatVersion.footerSize }

        func section(_ tag: SectionTag) -> IndexSection { sections.first { $0.tag == tag }! }
    }

    /// 220 short random articles, built once: a small file (so that a thousand damaged
    /// copies are read in seconds) whose common terms still span two posting blocks.
    static let original: Original = {
        let folder = try! Fixtures.makeTemporaryDirectory("kb-corruption")
        defer { try? FileManager.default.removeItem(at: folder) }
        let articles = IndexReaderTests.articles(count: 220, seed: seed, bodyWords: 0...4)
        let analyzer = Analyzer()
        let writer = try! IndexWriter(options: IndexWriterOptions(temporaryDirectory: folder))
        for article in articles { try! writer.add(AnalyzedArticle(article, analyzer: analyzer)) }
        let url = folder.appendingPathComponent("kb.idx")
        _ = try! writer.write(to: url)
        let bytes = Array(try! Data(contentsOf: url))
        let sections = bytes.withUnsafeBytes { try! IndexFileLayout.readSections($0) }
        let footerStart = bytes.count - FormatVersion.footerSize
        return Original(
            bytes: bytes, sections: sections, tableOffset: Int(uint64(bytes, footerStart)),
            tableLength: Int(uint64(bytes, footerStart + 8)))
    }()

    static func uint64(_ bytes: [UInt8], _ offset: Int) -> UInt64 {
        (0..<8).reduce(0) { $0 | UInt64(bytes[offset + $1]) << (8 * $1) }
    }

    static func uint32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        (0..<4).reduce(0) { $0 | UInt32(bytes[offset + $1]) << (8 * $1) }
    }

    /// The LEB128 VarUInt at `offset`, moving `offset` past it.
    static func varUInt(_ bytes: [UInt8], _ offset: inout Int) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    static func setUInt32(_ bytes: inout [UInt8], _ offset: Int, _ value: UInt32) {
        for index in 0..<4 { bytes[offset + index] = UInt8(truncatingIfNeeded: value >> (8 * index)) }
    }

    /// Writes `bytes` as a new file at `path` (a new inode: readers of the previous file keep
    /// their mapping intact).
    /// Makes damage behind a checksum pass it: recomputes the checksum of section `entry`
    /// (its bytes are `range`) in the section table, then the table's own in the footer.
    static func recomputeChecksum(ofSection entry: Int, range: Range<Int>, in bytes: inout [UInt8]) {
        let footerStart = bytes.count - FormatVersion.footerSize
        let tableOffset = Int(uint64(bytes, footerStart))
        let table = tableOffset..<(tableOffset + Int(uint64(bytes, footerStart + 8)))
        setUInt32(&bytes, tableOffset + 8 + entry * 32 + 24, CRC32C.checksum(Array(bytes[range])))
        setUInt32(&bytes, footerStart + 16, CRC32C.checksum(Array(bytes[table])))
    }

    static func write(_ bytes: [UInt8], to path: String) throws {
        unlink(path)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown) }
        defer { close(descriptor) }
        let written = bytes.withUnsafeBytes { systemWrite(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw CocoaError(.fileWriteUnknown) }
    }

    // MARK: - Truncation

    @Test func truncatedFileIsRefusedAsTruncated() throws {
        let original = Self.original
        let size = original.bytes.count
        let folder = try Fixtures.makeTemporaryDirectory("kb-truncated")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("kb.idx").path
        // Every cut of an index file starts like an index and has lost its footer: every one is
        // `.truncated` (a cut inside the magic too: the bytes present are not wrong, only
        // missing). The expectation is exact only if no cut ends on a copy of the magic.
        for length in FormatVersion.headerSize + FormatVersion.footerSize..<size {
            try #require(
                !original.bytes[(length - 8)..<length].elementsEqual(FormatVersion.magic),
                "seed \(Self.seed): the magic appears inside the file at \(length - 8)")
        }
        var lengths = Set(0..<256).union((size - 256)..<size)
        var generator = SeededGenerator(seed: Self.seed)
        while lengths.count < 512 + 300 {
            lengths.insert(Int.random(in: 256..<(size - 256), using: &generator))
        }
        for length in lengths.sorted() {
            try Self.write(Array(original.bytes.prefix(length)), to: path)
            for verifyChecksums in [false, true] {
                let error = #expect(throws: IndexFormatError.self, "seed \(Self.seed), cut at \(length) of \(size)") {
                    try IndexReader.open(path: path, verifyChecksums: verifyChecksums)
                }
                #expect(
                    error?.kind == .truncated,
                    "seed \(Self.seed), cut at \(length) of \(size): \(String(describing: error))")
                #expect(error?.offset == length, "seed \(Self.seed), cut at \(length)")
                #expect(error?.path == path, "seed \(Self.seed), cut at \(length)")
            }
            let report = IndexVerifier(path: path).run()
            #expect(!report.isOK, "seed \(Self.seed), cut at \(length)")
            #expect(report.problems.allSatisfy { $0.contains(path) }, "seed \(Self.seed), cut at \(length)")
        }
    }

    @Test func fileWithBytesAfterTheFooterIsRefusedAsTruncated() throws {
        let folder = try Fixtures.makeTemporaryDirectory("kb-appended")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("kb.idx").path
        for extra in [[UInt8](repeating: 0, count: 1), [UInt8](repeating: 0, count: 4096), Array("\n".utf8)] {
            try Self.write(Self.original.bytes + extra, to: path)
            let error = #expect(throws: IndexFormatError.self) { try IndexReader.open(path: path) }
            #expect(error?.kind == .truncated, "\(extra.count) bytes appended")
        }
    }

    @Test func fileWithoutTheMagicIsRefusedAsNotAnIndex() throws {
        let folder = try Fixtures.makeTemporaryDirectory("kb-not-an-index")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("kb.idx").path
        let bytes = Self.original.bytes
        var candidates: [(String, [UInt8])] = [
            ("a text file", Array("hello\n".utf8)),
            ("an HTML page", Array("<!doctype html><title>Senha</title>".utf8)),
            ("one byte", [0x00]),
            ("the magic without its first byte", Array(FormatVersion.magic.dropFirst())),
            ("7-bit transfer", [bytes[0] & 0x7F] + bytes.dropFirst()),
            // CR LF → LF, as a text-mode transfer does: the header's 0x0D 0x0A loses its 0x0D.
            ("newline conversion", Array(bytes[0..<6]) + Array(bytes[7...])),
            ("an index with its halves swapped", Array(bytes[(bytes.count / 2)...] + bytes[..<(bytes.count / 2)])),
        ]
        var generator = SeededGenerator(seed: Self.seed)
        for length in [1, 7, 8, 47, 48, 49, 200, 5000] {
            var random = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            if random[0] == FormatVersion.magic[0] { random[0] ^= 0xFF }
            candidates.append(("\(length) random bytes", random))
        }
        for (name, candidate) in candidates {
            try Self.write(candidate, to: path)
            for verifyChecksums in [false, true] {
                let error = #expect(throws: IndexFormatError.self, "\(name)") {
                    try IndexReader.open(path: path, verifyChecksums: verifyChecksums)
                }
                #expect(error?.kind == .notAnIndex, "seed \(Self.seed), \(name): \(String(describing: error))")
                #expect(error?.path == path, "\(name)")
            }
            #expect(!IndexVerifier(path: path).run().isOK, "\(name)")
        }
    }

    // MARK: - Flipped bytes

    /// One damaged byte: where, and what it is xor'ed with.
    struct Flip: CustomStringConvertible {
        var offset: Int
        var mask: UInt8
        var part: String
        var description: String { "\(part) byte \(offset) xor 0x\(String(mask, radix: 16))" }
    }

    /// Every byte of the header and footer, seeded random bytes of the section table and of
    /// every section (up to 24 per part), each xor'ed with 0xFF and with one single bit.
    static func flips() -> [Flip] {
        let original = Self.original
        var generator = SeededGenerator(seed: seed ^ 0xF11F)
        var flips: [Flip] = []
        func add(_ offsets: [Int], _ part: String, everyBit: Bool = false) {
            for offset in offsets {
                flips.append(Flip(offset: offset, mask: 0xFF, part: part))
                let bits = everyBit ? Array(0..<8) : [Int.random(in: 0..<8, using: &generator)]
                for bit in bits { flips.append(Flip(offset: offset, mask: 1 << bit, part: part)) }
            }
        }
        func sample(_ range: Range<Int>, _ count: Int) -> [Int] {
            guard range.count > count else { return Array(range) }
            var chosen: Set<Int> = [range.lowerBound, range.upperBound - 1]
            while chosen.count < count { chosen.insert(Int.random(in: range, using: &generator)) }
            return chosen.sorted()
        }
        add(Array(0..<FormatVersion.headerSize), "header", everyBit: true)
        for section in original.sections {
            add(sample(section.offset..<(section.offset + section.length), 24), section.tag.rawValue)
        }
        add(sample(original.tableOffset..<(original.tableOffset + original.tableLength), 24), "section table")
        add(Array(original.footerStart..<original.bytes.count), "footer")
        return flips
    }

    /// The error `IndexReader.open(path:verifyChecksums: true)` must throw for `damaged`
    /// (`flip` applied to the original), following `FORMAT.md`'s "Opening"; nil when the
    /// byte is one a reader ignores (the header's flags).
    static func expectedError(_ damaged: [UInt8], _ flip: Flip) -> IndexFormatError? {
        let original = Self.original
        let offset = flip.offset
        let footerStart = original.footerStart
        let table = original.tableOffset..<(original.tableOffset + original.tableLength)
        func checksumOfTable() -> IndexFormatError {
            let stored = uint32(damaged, footerStart + 16)
            let actual = CRC32C.checksum(Array(damaged[table]))
            return IndexFormatError(.checksumMismatch(expected: stored, actual: actual), section: "section table")
        }
        switch offset {
        case 0..<8:
            return IndexFormatError(.notAnIndex)
        case 8..<12:
            let version = uint32(damaged, 8)
            return version < FormatVersion.oldestReadable
                ? IndexFormatError(.tooOld(version: version, oldestReadable: FormatVersion.oldestReadable))
                : IndexFormatError(.tooNew(version: version, newestReadable: FormatVersion.current))
        case 12..<16:
            return nil  // Flags: 0 in version 1, ignored by readers.
        case footerStart..<(footerStart + 16):
            let tableOffset = uint64(damaged, footerStart)
            let tableLength = uint64(damaged, footerStart + 8)
            let inside =
                tableOffset >= 16 && tableLength >= 8 && tableOffset <= UInt64(footerStart)
                && tableLength <= UInt64(footerStart) - tableOffset
            guard inside else { return IndexFormatError(.corrupt(""), section: "footer") }
            let actual = CRC32C.checksum(Array(damaged[Int(tableOffset)..<Int(tableOffset + tableLength)]))
            let stored = uint32(damaged, footerStart + 16)
            return IndexFormatError(.checksumMismatch(expected: stored, actual: actual), section: "section table")
        case (footerStart + 16)..<(footerStart + 20):
            return checksumOfTable()
        case (footerStart + 20)..<(footerStart + 24):
            return IndexFormatError(.corrupt(""), section: "footer")
        case (footerStart + 24)...:
            return IndexFormatError(.truncated)
        case table:
            return checksumOfTable()
        default:
            let section = original.sections.first { ($0.offset..<($0.offset + $0.length)).contains(offset) }!
            let actual = CRC32C.checksum(Array(damaged[section.offset..<(section.offset + section.length)]))
            return IndexFormatError(
                .checksumMismatch(expected: section.checksum, actual: actual), section: section.tag.displayName)
        }
    }

    /// Whether `error` is `expected`, comparing `.corrupt`'s kind but not its detail.
    static func matches(_ error: IndexFormatError?, _ expected: IndexFormatError) -> Bool {
        guard let error, error.section == expected.section else { return false }
        if case .corrupt = expected.kind, case .corrupt = error.kind { return true }
        return error.kind == expected.kind
    }

    @Test func flippedByteIsCaughtByChecksumsAndNeverTrapsTheReader() throws {
        let original = Self.original
        let folder = try Fixtures.makeTemporaryDirectory("kb-flipped")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("kb.idx").path
        let flips = Self.flips()
        let intact = folder.appendingPathComponent("intact.idx").path
        try Self.write(original.bytes, to: intact)
        let longest = try IndexReader.open(path: intact).terms.terms(withPrefix: "").map(\.documentFrequency).max()
        #expect(longest ?? 0 > PostingsCursor.blockSize, "seed \(Self.seed): no posting list spans two blocks")
        var parts: Set<String> = []
        var openedWithoutVerification = 0
        for flip in flips {
            parts.insert(flip.part)
            let context = "seed \(Self.seed), \(flip)"
            var damaged = original.bytes
            damaged[flip.offset] ^= flip.mask
            try Self.write(damaged, to: path)

            // Verified open: the exact error of FORMAT.md's "Opening".
            let expected = Self.expectedError(damaged, flip)
            if let expected {
                let error = #expect(throws: IndexFormatError.self, "\(context)") {
                    try IndexReader.open(path: path, verifyChecksums: true)
                }
                #expect(
                    Self.matches(error, expected), "\(context): got \(String(describing: error)), expected \(expected)")
                #expect(error?.path == path, "\(context)")
                let report = IndexVerifier(path: path).run()
                #expect(!report.isOK, "\(context): kb check says OK")
                #expect(report.problems.allSatisfy { $0.contains(path) }, "\(context): \(report.problems)")
            } else {
                #expect(throws: Never.self, "\(context)") { try IndexReader.open(path: path, verifyChecksums: true) }
                #expect(IndexVerifier(path: path).run().isOK, "\(context)")
            }

            // Plain open: the frame and META are checked as above; the other sections are read
            // on demand, and every read either succeeds or throws.
            let isLazySection = SectionTag(rawValue: flip.part).map { $0 != .meta } ?? false
            let reader: IndexReader
            do {
                reader = try IndexReader.open(path: path)
            } catch {
                if !isLazySection {
                    #expect(
                        expected.map { Self.matches(error, $0) } == true,
                        "\(context): plain open threw \(error), expected \(String(describing: expected))")
                }
                continue
            }
            #expect(isLazySection || expected == nil, "\(context): opened despite \(String(describing: expected))")
            openedWithoutVerification += 1
            _ = Self.readEverything(reader)
        }
        let expectedParts = Set(SectionTag.allCases.map(\.rawValue) + ["header", "section table", "footer"])
        #expect(parts == expectedParts, "seed \(Self.seed)")
        #expect(flips.count > 600, "seed \(Self.seed): \(flips.count) flips")
        #expect(openedWithoutVerification > 200, "seed \(Self.seed): \(openedWithoutVerification) opened")
    }

    /// Damage a checksum cannot catch: bytes changed inside one section, then the section's
    /// checksum and the section table's checksum recomputed (as a buggy writer would leave
    /// them). Open, every read and `kb check` must throw or succeed, never trap; and when a
    /// read fails, `kb check` must not say OK.
    @Test func damageBehindValidChecksumsNeverTrapsTheReaderOrTheVerifier() throws {
        let original = Self.original
        let folder = try Fixtures.makeTemporaryDirectory("kb-damaged")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("kb.idx").path
        var generator = SeededGenerator(seed: Self.seed ^ 0xDA4A)
        var trials = 0
        var readFailures = 0
        for (index, section) in original.sections.enumerated() where section.length > 0 {
            for trial in 0..<24 {
                var damaged = original.bytes
                let start = section.offset + Int.random(in: 0..<section.length, using: &generator)
                let description: String
                switch trial % 4 {
                case 0:
                    damaged[start] ^= 0xFF
                    description = "byte \(start) xor 0xFF"
                case 1:
                    let bit = Int.random(in: 0..<8, using: &generator)
                    damaged[start] ^= 1 << bit
                    description = "byte \(start) bit \(bit)"
                case 2:
                    let end = min(section.offset + section.length, start + Int.random(in: 1...16, using: &generator))
                    for offset in start..<end { damaged[offset] = UInt8.random(in: 0...255, using: &generator) }
                    description = "bytes \(start)..<\(end) random"
                default:
                    let end = min(section.offset + section.length, start + Int.random(in: 1...16, using: &generator))
                    let value: UInt8 = Bool.random(using: &generator) ? 0 : 0xFF
                    for offset in start..<end { damaged[offset] = value }
                    description = "bytes \(start)..<\(end) set to \(value)"
                }
                let checksum = CRC32C.checksum(Array(damaged[section.offset..<(section.offset + section.length)]))
                Self.setUInt32(&damaged, original.tableOffset + 8 + index * 32 + 24, checksum)
                let table = original.tableOffset..<(original.tableOffset + original.tableLength)
                Self.setUInt32(&damaged, original.footerStart + 16, CRC32C.checksum(Array(damaged[table])))
                try Self.write(damaged, to: path)
                trials += 1
                let context = "seed \(Self.seed), \(section.tag.rawValue) trial \(trial): \(description)"

                var errors: [IndexFormatError] = []
                do {
                    let reader = try IndexReader.open(path: path, verifyChecksums: true)
                    errors = Self.readEverything(reader)
                } catch {
                    if case .checksumMismatch = error.kind {
                        Issue.record("\(context): checksums were recomputed, yet \(error)")
                    }
                    errors = [error]
                }
                let report = IndexVerifier(path: path).run()
                if !errors.isEmpty {
                    readFailures += 1
                    #expect(!report.isOK, "\(context): reads fail (\(errors[0])) but kb check says OK")
                }
            }
        }
        #expect(trials == 9 * 24, "seed \(Self.seed)")
        #expect(readFailures > 0, "seed \(Self.seed)")
    }

    /// A posting block that fails to decode after its doc ids were unpacked (its bit width
    /// damaged, checksums recomputed) must not leave those ids behind: a cursor used again
    /// after the error ends or throws, and never hands out a doc id past the document count.
    @Test func cursorThatFailedToLoadABlockNeverHandsOutItsDocIDs() throws {
        let original = Self.original
        let folder = try Fixtures.makeTemporaryDirectory("kb-failed-block")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("kb.idx").path
        try Self.write(original.bytes, to: path)
        let intact = try IndexReader.open(path: path)
        let postings = original.section(.postings)
        // A list of two blocks or more whose second block is followed by enough bytes for
        // its doc deltas at 32 bits each: unpacking succeeds, the doc id checks fail.
        let candidates = try intact.terms.terms(withPrefix: "").filter { $0.documentFrequency > 128 }
        var damaged = original.bytes
        var chosen: TermInfo?
        for term in candidates {
            var position = postings.offset + term.postingsOffset
            let blockCount = Int(Self.varUInt(damaged, &position))
            let blockStart = position + blockCount * 16 + Int(Self.uint32(damaged, position + 16 + 4))
            let count = min(128, term.documentFrequency - 128)
            if blockStart + 1 + 4 * count <= postings.offset + postings.length {
                damaged[blockStart] = 32
                chosen = term
                break
            }
        }
        let term = try #require(chosen, "seed \(Self.seed): no list of two blocks with room after its second")
        let entry = try #require(original.sections.firstIndex { $0.tag == .postings })
        let checksum = CRC32C.checksum(Array(damaged[postings.offset..<(postings.offset + postings.length)]))
        Self.setUInt32(&damaged, original.tableOffset + 8 + entry * 32 + 24, checksum)
        let table = original.tableOffset..<(original.tableOffset + original.tableLength)
        Self.setUInt32(&damaged, original.footerStart + 16, CRC32C.checksum(Array(damaged[table])))
        try Self.write(damaged, to: path)

        let reader = try IndexReader.open(path: path, verifyChecksums: true)
        let context = "seed \(Self.seed), term \(term.term.debugDescription)"
        for retry in ["next", "advance"] {
            var cursor = try reader.postings(for: term)
            let first = try cursor.next()
            #expect(first < reader.documentCount, "\(context)")
            #expect(throws: IndexFormatError.self, "\(context)") {
                try cursor.advance(to: cursor.lastDocument(ofBlock: 0) + 1)
            }
            for _ in 0..<200 {
                let document: Int
                do {
                    document = retry == "next" ? try cursor.next() : try cursor.advance(to: cursor.document + 1)
                } catch {
                    continue
                }
                if document == PostingsCursor.exhausted { break }
                #expect(document < reader.documentCount, "\(context), \(retry) after the error gave doc \(document)")
                guard document < reader.documentCount else { break }
                _ = reader.fieldLength(.body, of: document)
            }
        }
        #expect(!IndexVerifier(path: path).run().isOK, "\(context)")
    }

    /// The dictionary accepts any `PositionsOffset` up to `Int.max`; reading positions from
    /// a damaged one (past the section, or near `Int.max` so that adding the block's offset
    /// overflows) throws instead of trapping.
    @Test func positionsOffsetPastTheSectionThrows() throws {
        let folder = try Fixtures.makeTemporaryDirectory("kb-positions-offset")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("kb.idx").path
        try Self.write(Self.original.bytes, to: path)
        let reader = try IndexReader.open(path: path)
        let positionsLength = Self.original.section(.positions).length
        let term = try #require(try reader.terms.terms(withPrefix: "").first)
        for offset in [positionsLength + 1, Int(UInt32.max) * 4, Int.max - 1, Int.max] {
            // As the dictionary decodes an entry whose PositionsOffset VarUInt is `offset`.
            let damaged = TermInfo(
                term: term.term, documentFrequency: term.documentFrequency, postingsOffset: term.postingsOffset,
                positionsOffset: offset)
            var cursor = try reader.postings(for: damaged)
            #expect(try cursor.next() < reader.documentCount, "positions offset \(offset)")
            let error = #expect(throws: IndexFormatError.self, "positions offset \(offset)") {
                try cursor.forEachPosition { _, _ in }
            }
            #expect(error?.section == "positions", "positions offset \(offset)")
        }
    }

    /// Found by the index-reader fuzz target: `kb check` passed a dictionary term whose bytes
    /// are not UTF-8 (checksums recomputed), though the reader can never look such a term up.
    @Test func termThatIsNotUTF8IsReportedByTheVerifier() throws {
        let (reader, folder) = try TestIndex.make([Article(id: "a", title: "Senha", body: "senha zzzz\n")])
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = reader.path
        #expect(IndexVerifier(path: path).run().isOK)
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let sections = bytes.withUnsafeBytes { try! IndexFileLayout.readSections($0) }
        let entry = try #require(sections.firstIndex { $0.tag == .terms })
        let terms = sections[entry].offset..<(sections[entry].offset + sections[entry].length)
        // "zzzz" is the last term: "zzz" followed by 0xFF still sorts last, but is not UTF-8.
        let last = try #require(bytes[terms].firstRange(of: Array("zzzz".utf8)))
        bytes[last.upperBound - 1] = 0xFF
        Self.recomputeChecksum(ofSection: entry, range: terms, in: &bytes)
        try Self.write(bytes, to: path)

        let problems = IndexVerifier(path: path).run().problems
        #expect(problems.count == 1 && problems[0].contains("not valid UTF-8 (bytes 7a 7a 7a ff)"), "\(problems)")
    }

    /// The dictionary checks that every term sorts after the one before it, inside a block
    /// and from one block to the next (checksums recomputed, so only that check can catch it).
    @Test(arguments: [false, true])
    func termsOutOfOrderAreCorrupt(acrossBlocks: Bool) throws {
        // 40 terms fill more than one block of 32; all share the prefix "kq".
        let words = (0..<40).map { (number: Int) -> String in
            let letter = number < 20 ? "a" : "b"
            return "kq\(letter)x\(number % 20 + 10)"
        }
        let (reader, folder) = try TestIndex.make([
            Article(id: "a", title: "Termos", body: words.joined(separator: " "))
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = reader.path
        var all: [String] = []
        try reader.terms.forEachTerm { (entry) throws(IndexFormatError) -> Bool in
            all.append(entry.info.term)
            return true
        }
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let sections = bytes.withUnsafeBytes { try! IndexFileLayout.readSections($0) }
        let entry = try #require(sections.firstIndex { $0.tag == SectionTag.terms })
        let terms = sections[entry].offset..<(sections[entry].offset + sections[entry].length)
        if acrossBlocks {
            // The 33rd term starts the second block, stored whole: "kq…" becomes "aq…", which
            // sorts before the last term of the first block.
            let first = Array(all[32].utf8)
            let found = try #require(bytes[terms].firstRange(of: first))
            bytes[found.lowerBound] = UInt8(ascii: "a")
        } else {
            // Inside the first block, "kqbx10" is stored as "kq" and the suffix "bx10"; the
            // suffix becomes "0x10", which sorts before the "kqax29" in front of it.
            let whole = Array(all[20].utf8)
            let suffix = Array(whole.dropFirst(2))
            let found = try #require(bytes[terms].firstRange(of: suffix))
            bytes[found.lowerBound] = UInt8(ascii: "0")
        }
        Self.recomputeChecksum(ofSection: entry, range: terms, in: &bytes)
        try Self.write(bytes, to: path)

        let damaged = try IndexReader.open(path: path, verifyChecksums: true)
        let error = #expect(throws: IndexFormatError.self) {
            try damaged.terms.forEachTerm { (_) throws(IndexFormatError) -> Bool in true }
        }
        #expect(error.map { "\($0)" }?.contains("out of order") == true, "\(String(describing: error))")
    }

    // MARK: - Reading everything

    /// Performs every read an `IndexReader` offers, carrying on after errors (and using a
    /// cursor again after it threw), and returns the errors met. Must never trap.
    static func readEverything(_ reader: IndexReader) -> [IndexFormatError] {
        var errors: [IndexFormatError] = []
        func attempt(_ body: () throws -> Void) {
            do {
                try body()
            } catch let error as IndexFormatError {
                errors.append(error)
            } catch {
                Issue.record("a read threw \(error), not an IndexFormatError")
            }
        }
        var entries: [TermInfo] = []
        attempt {
            try reader.terms.forEachTerm { (entry) throws(IndexFormatError) -> Bool in
                entries.append(entry.info)
                return true
            }
        }
        for start in ["", "a", "con", "senh", "z", "\u{10FFFF}"] {
            attempt { _ = try reader.terms.lookup(start) }
            attempt { _ = try reader.terms.terms(withPrefix: start, limit: 20) }
            attempt {
                var count = 0
                try reader.terms.forEachTerm(from: start) { (_) throws(IndexFormatError) -> Bool in
                    count += 1
                    return count < 20
                }
            }
        }
        for (index, entry) in entries.enumerated() {
            if index % 3 == 0 { attempt { _ = try reader.terms.lookup(entry.term) } }
            attempt { walk(reader, entry, stepping: nil) }
            attempt { walk(reader, entry, stepping: 7) }
        }
        for document in 0..<reader.documentCount {
            for field in IndexField.allCases { _ = reader.fieldLength(field, of: document) }
            attempt { _ = try reader.storedDocument(document) }
            attempt {
                let id = try reader.articleID(of: document)
                // A binary search over the id order: every tenth document is enough.
                if document % 10 == 0 { _ = try reader.document(withArticleID: id) }
            }
        }
        attempt { _ = try reader.document(withArticleID: "") }
        attempt { _ = try reader.document(withArticleID: "\u{10FFFF}") }
        for column in FilterColumns.Column.allCases {
            for value in reader.filters.values[column.rawValue] {
                _ = reader.filters.documentCount(column, value)
                attempt { _ = try reader.filters.documents(column, value) }
            }
        }
        return errors

        /// Walks the postings of `entry` with next() (or advance(to:) by `stepping`), reading
        /// frequencies, field lengths and positions; after an error, moves the cursor again.
        func walk(_ reader: IndexReader, _ entry: TermInfo, stepping: Int?) {
            var cursor: PostingsCursor
            do throws(IndexFormatError) {
                cursor = try reader.postings(for: entry)
            } catch {
                errors.append(error)
                return
            }
            for block in 0..<cursor.blockCount {
                _ = cursor.lastDocument(ofBlock: block)
                _ = cursor.maxImpact(ofBlock: block)
            }
            var failures = 0
            while failures < 3 {
                do throws(IndexFormatError) {
                    // Right after an error, next(): a failed block load must not leave
                    // half-decoded doc ids behind for it to hand out.
                    let document =
                        if let stepping, failures != 1 {
                            try cursor.advance(to: max(0, cursor.document) + stepping)
                        } else {
                            try cursor.next()
                        }
                    if document == PostingsCursor.exhausted { return }
                    for field in IndexField.allCases {
                        _ = cursor.frequency(in: field)
                        _ = reader.fieldLength(field, of: document)
                    }
                    try cursor.forEachPosition { _, _ in }
                } catch {
                    errors.append(error)
                    failures += 1
                }
            }
        }
    }

    // MARK: - Messages

    /// Every error says which file, what is wrong and what to do.
    @Test func everyErrorNamesTheFileAndSaysWhatToDo() throws {
        let path = "/srv/kb/índice.idx"
        let kinds: [(IndexFormatError.Kind, rebuild: Bool)] = [
            (.notAnIndex, false),
            (.truncated, true),
            (.checksumMismatch(expected: 0xDEAD_BEEF, actual: 0x1234), true),
            (.corrupt("terms are out of order"), true),
            (.tooNew(version: 9, newestReadable: 1), true),
            (.tooOld(version: 0, oldestReadable: 1), true),
            (.unsupportedAnalyzer("stemmer \"porter2\""), true),
            (.unreadable("No such file or directory"), false),
        ]
        for (kind, rebuild) in kinds {
            let message = IndexFormatError(kind, section: "postings", offset: 4_096).at(path: path).description
            #expect(message.hasPrefix(path), "\(kind): \(message)")
            #expect(message.contains("section postings, byte 4096"), "\(kind): \(message)")
            // Something to do: rebuild, upgrade, or check the path.
            #expect(message.contains("`kb index`"), "\(kind): \(message)")
            if rebuild {
                #expect(message.contains("ebuild"), "\(kind): \(message)")
            } else {
                #expect(message.contains("Check the path"), "\(kind): \(message)")
            }
        }
        #expect(
            IndexFormatError(.checksumMismatch(expected: 0xDEAD_BEEF, actual: 0x1234)).description.contains(
                "0xDEADBEEF"))
        #expect(IndexFormatError(.tooNew(version: 9, newestReadable: 1)).description.contains("Upgrade kb"))

        // Errors from open carry the path.
        let folder = try Fixtures.makeTemporaryDirectory("kb-messages")
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = folder.appendingPathComponent("missing.idx").path
        let error = #expect(throws: IndexFormatError.self) { try IndexReader.open(path: missing) }
        #expect(error?.path == missing)
        #expect(error?.description.contains(missing) == true)
        if case .unreadable? = error?.kind {
        } else {
            Issue.record("a missing file is unreadable: \(String(describing: error))")
        }
        let directory = #expect(throws: IndexFormatError.self) { try IndexReader.open(path: folder.path) }
        if case .unreadable? = directory?.kind {
        } else {
            Issue.record("a folder is unreadable: \(String(describing: directory))")
        }
    }
}

#if canImport(Glibc)
    private let systemWrite = Glibc.write
#elseif canImport(Darwin)
    private let systemWrite = Darwin.write
#endif
