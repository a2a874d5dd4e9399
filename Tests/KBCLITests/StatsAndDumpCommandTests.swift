import Foundation
import KBTestSupport
import Testing

/// `kb stats` and `kb dump`: what an index holds.
@Suite struct StatsAndDumpCommandTests {
    // MARK: - kb stats

    @Test func statsDescribesTheSampleIndex() throws {
        let (url, indexOutput) = try ArticlesIndex.build.get()
        let termCount = try #require(indexOutput.lines.dropFirst().first?.split(separator: " ").first)
        let fileSize = try #require(FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int)

        let output = try kb("stats", "--index", url.path)
        #expect(output.status == 0, "\(output)")
        let lines = output.lines
        #expect(lines.first?.hasPrefix("index: \(url.path) (\(fileSize) bytes, format ") == true, "\(output)")
        #expect(lines.dropFirst().first?.hasPrefix("built: ") == true)
        #expect(lines.contains("documents: 46"))
        #expect(lines.contains("terms: \(termCount)"))
        #expect(
            lines.contains("analyzer: stemmer snowball, stop words snowball, folding on, informal spellings on"),
            "\(output)")
        #expect(
            lines.filter { $0.hasPrefix("field ") }.map { $0.prefix { $0 != ":" } } == [
                "field title", "field headings", "field body", "field anchors",
            ])
        #expect(lines.contains { $0.hasPrefix("section POST (postings): ") })
        // Six folders, six categories; the Integra and Portal do Cliente products.
        #expect(lines.contains("category values: 6"))
        #expect(lines.contains("product values: 2"))
        #expect(output.stderr == "")
    }

    @Test func statsOfAMissingIndexExitsWith1() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let missing = folder.path("missing.idx")
        let output = try kb("stats", "--index", missing)
        #expect(output.status == 1, "\(output)")
        #expect(output.stdout == "")
        #expect(output.stderr.hasPrefix("kb: \(missing): cannot read the index file"), "\(output)")
    }

    // MARK: - kb dump

    @Test func dumpPrintsThePostingsOfTheAnalyzedTerm() throws {
        let output = try kb("dump", "senha", "--index", ArticlesIndex.path())
        #expect(output.status == 0, "\(output)")
        let header = try #require(
            output.lines.first?.wholeMatch(of: /senh: ([0-9]+) documents, ([0-9]+) blocks, max impact [0-9.]+/),
            "\(output)")
        let documentCount = Int(header.1)!
        #expect(documentCount > 1)
        #expect(Int(header.2)! >= 1)

        let postings = output.lines.dropFirst()
        #expect(postings.count == documentCount)
        var previousDocument = -1
        var ids: [String] = []
        for line in postings {
            let match = try #require(
                line.wholeMatch(
                    of:
                        #/  ([0-9]+) (\S+) title=([0-9]+) headings=([0-9]+) body=([0-9]+) anchors=([0-9]+) \[([^\]]*)\]/#
                ),
                "\(line)")
            let document = Int(match.1)!
            #expect(document > previousDocument, "documents in increasing order")
            previousDocument = document
            ids.append(String(match.2))
            // One position per occurrence, field by field.
            let positions = match.7.split(separator: " ")
            let frequencies = [
                ("title", Int(match.3)!), ("headings", Int(match.4)!), ("body", Int(match.5)!),
                ("anchors", Int(match.6)!),
            ]
            #expect(positions.count == frequencies.reduce(0) { $0 + $1.1 }, "\(line)")
            for (field, frequency) in frequencies {
                #expect(positions.filter { $0.hasPrefix("\(field):") }.count == frequency, "\(line)")
            }
        }
        let answer = try #require(postings.first { $0.contains(" conta/redefinir-senha.html ") })
        #expect(answer.contains(" title=1 "), "the title is \"Como redefinir a senha esquecida\"")
        #expect(Set(ids).count == ids.count)
    }

    @Test func dumpRawLooksTheTermUpAsGiven() throws {
        let path = try ArticlesIndex.path()
        let raw = try kb("dump", "--raw", "senha", "--index", path)
        #expect(raw.status == 0, "\(raw)")
        #expect(raw.stdout == "senha: not in the index\n")

        let stem = try kb("dump", "--raw", "senh", "--index", path)
        let analyzed = try kb("dump", "senhas", "--index", path)
        #expect(stem.status == 0, "\(stem)")
        #expect(stem.stdout == analyzed.stdout)
    }

    @Test func dumpOfAnUnknownTermSaysItIsNotInTheIndex() throws {
        let output = try kb("dump", "xyzzyq", "--index", ArticlesIndex.path())
        #expect(output.status == 0, "\(output)")
        #expect(output.stdout == "xyzzyq: not in the index\n")
    }

    @Test func dumpOfAStopWordSaysItAnalyzesToNoTerm() throws {
        let output = try kb("dump", "de", "--index", ArticlesIndex.path())
        #expect(output.status == 0, "\(output)")
        #expect(output.stdout == "\"de\" analyzes to no term (a stop word?)\n")
    }

    @Test func dumpOfSeveralWordsPrintsEachTermInOrder() throws {
        let output = try kb("dump", "xyzzyq redefinir", "--index", ArticlesIndex.path())
        #expect(output.status == 0, "\(output)")
        #expect(output.lines.first == "xyzzyq: not in the index")
        #expect(output.lines.dropFirst().first?.hasPrefix("redefin: ") == true, "\(output)")
    }

    @Test func dumpOfAMissingIndexExitsWith1() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let output = try kb("dump", "senha", "--index", folder.path("missing.idx"))
        #expect(output.status == 1, "\(output)")
        #expect(output.stderr.hasPrefix("kb: "), "\(output)")
    }
}
