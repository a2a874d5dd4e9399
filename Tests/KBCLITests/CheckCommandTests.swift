import Foundation
import KBTestSupport
import Testing

/// `kb check`: the full integrity check of an index file.
@Suite struct CheckCommandTests {
    @Test func aSoundIndexIsOKWithTheCountsTheIndexerReported() throws {
        let (url, indexOutput) = try ArticlesIndex.build.get()
        // "1421 terms, 6917 postings"
        let counts = try #require(indexOutput.lines.dropFirst().first)

        let output = try kb("check", "--index", url.path)
        #expect(output.status == 0, "\(output)")
        #expect(output.stdout == "OK: \(url.path): 46 documents, \(counts)\n")
        #expect(output.stderr == "")
    }

    @Test func aFlippedByteInTheMiddleIsReported() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var bytes = try Data(contentsOf: ArticlesIndex.build.get().url)
        bytes[bytes.count / 2] ^= 0xFF
        let corrupt = folder.path("corrupt.idx")
        try bytes.write(to: URL(fileURLWithPath: corrupt))

        let output = try kb("check", "--index", corrupt)
        #expect(output.status == 1, "\(output)")
        #expect(!output.stdout.hasPrefix("OK"))
        #expect(output.lines.count >= 1)
        #expect(output.lines.allSatisfy { $0.hasPrefix(corrupt) }, "\(output)")
        #expect(output.lines.contains { $0.contains("checksum mismatch") }, "\(output)")
    }

    @Test func aTruncatedIndexIsReported() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let bytes = try Data(contentsOf: ArticlesIndex.build.get().url)
        let truncated = folder.path("truncated.idx")
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: truncated))

        let output = try kb("check", "--index", truncated)
        #expect(output.status == 1, "\(output)")
        #expect(output.lines.count == 1, "\(output)")
        #expect(output.lines.first?.hasPrefix(truncated) == true)
        #expect(output.stdout.contains("truncated"))
    }

    @Test func aFileThatIsNotAnIndexIsReported() throws {
        let article = Fixtures.articles.appendingPathComponent("conta/redefinir-senha.html").path
        let output = try kb("check", "--index", article)
        #expect(output.status == 1, "\(output)")
        #expect(output.lines.count == 1, "\(output)")
        #expect(output.lines.first?.hasPrefix("\(article), byte 0: not a kb index file (wrong magic bytes).") == true)
    }

    @Test func anEmptyFileIsReported() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let empty = try folder.write("", to: "empty.idx")
        let output = try kb("check", "--index", empty)
        #expect(output.status == 1, "\(output)")
        #expect(output.lines.count == 1, "\(output)")
        #expect(output.lines.first?.hasPrefix(empty) == true)
    }

    @Test func aMissingIndexIsReported() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let missing = folder.path("missing.idx")
        let output = try kb("check", "--index", missing)
        #expect(output.status == 1, "\(output)")
        #expect(output.lines.count == 1, "\(output)")
        #expect(output.lines.first?.hasPrefix("\(missing): cannot read the index file") == true, "\(output)")
    }
}
