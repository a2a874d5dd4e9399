import Foundation
import KBTestSupport
import Testing

@testable import KBIndex

@Suite struct IndexFileWriterTests {
    @Test func sectionsInAnyOrderAreAlignedAndListedInTagOrder() throws {
        let directory = try Fixtures.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("file").path
        let file = try IndexFileWriter(path: path)
        let contents = Dictionary(
            uniqueKeysWithValues: SectionTag.allCases.enumerated().map { index, tag in
                (tag, (0..<(index * 3 + 1)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ index) })
            })
        for tag in SectionTag.allCases.reversed() {
            try file.writeSection(tag, contents[tag]!)
        }
        let (sections, fileSize) = try file.finish()
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(bytes.count == fileSize)
        #expect(sections.map(\.tag) == SectionTag.allCases)
        for section in sections {
            #expect(section.offset % 8 == 0)
            #expect(Array(bytes[section.offset..<(section.offset + section.length)]) == contents[section.tag]!)
            #expect(section.checksum == CRC32C.checksum(contents[section.tag]!))
        }
        // The last section written (META) ends right before the padded table.
        let footer = bytes.count - 32
        let tableOffset = bytes[footer..<(footer + 8)].enumerated().reduce(0) {
            $0 | Int($1.element) << (8 * $1.offset)
        }
        #expect(tableOffset % 8 == 0)
        #expect(sections[0].offset + sections[0].length <= tableOffset)
        #expect(tableOffset - (sections[0].offset + sections[0].length) < 8)
    }

    @Test func replacingAFileKeepsTheOldInodeForItsReaders() throws {
        let directory = try Fixtures.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("file")
        try Data("old content".utf8).write(to: url)
        let reader = try FileHandle(forReadingFrom: url)
        defer { try? reader.close() }
        let file = try IndexFileWriter(path: url.path)
        for tag in SectionTag.allCases { try file.writeSection(tag, [1]) }
        _ = try file.finish()
        #expect(try reader.readToEnd() == Data("old content".utf8))
    }
}
