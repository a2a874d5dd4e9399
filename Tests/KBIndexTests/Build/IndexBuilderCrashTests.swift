import Foundation
import KBTestSupport
import Testing

@testable import KBIndex

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `kb index` killed with SIGKILL in the middle of a build over an existing index: the
/// previous index must survive intact (or, if the kill came after the rename, the new one
/// must be complete), and the next build must clear what the killed ones left behind.
///
/// The builder runs in a child process: the `kb` executable that `swift build` (and
/// `swift test`, which builds every product) puts next to the test bundle.
@Suite struct IndexBuilderCrashTests {
    static let seed: UInt64 = 0xDEAD_B17D
    /// Enough pages that the child parses for a noticeable time (about a second in a debug
    /// build) before it writes the index for a few tens of milliseconds.
    static let corpusSize = 800

    /// The folders searched for `kb`: the test binary's own folder and the test bundle's.
    static func executableFolders() -> [URL] {
        var folders = [
            URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0]).resolvingSymlinksInPath()
                .deletingLastPathComponent(),
            Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent(),
        ]
        // macOS: `.build/<config>/kbPackageTests.xctest` is a bundle run by xctest.
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            folders.append(bundle.bundleURL.deletingLastPathComponent())
        }
        return folders
    }

    /// The `kb` executable built next to the test bundle, if any.
    static func kbExecutable() -> URL? {
        for folder in executableFolders() {
            let candidate = folder.appendingPathComponent("kb")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory),
                !isDirectory.boolValue,
                FileManager.default.isExecutableFile(atPath: candidate.path)
            {
                return candidate
            }
        }
        return nil
    }

    /// Every term of the index at `path` with its document frequency.
    static func terms(of path: String) throws -> [String] {
        let reader = try IndexReader.open(path: path)
        var terms: [String] = []
        try reader.terms.forEachTerm { (entry) throws(IndexFormatError) -> Bool in
            terms.append("\(entry.info.term)/\(entry.documentFrequency)")
            return true
        }
        return terms
    }

    static func contents(of folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    /// Starts `kb index source --index destination`, its output discarded.
    static func startBuild(_ kb: URL, source: URL, destination: URL, memory: Int) throws -> Process {
        let process = Process()
        process.executableURL = kb
        process.arguments = [
            "index", source.path, "--index", destination.path, "--jobs", "2", "--memory", String(memory),
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test func killedBuildLeavesThePreviousIndexIntact() throws {
        guard let kb = Self.kbExecutable() else {
            Issue.record(
                """
                The kb executable was not found next to the test bundle (searched \
                \(Self.executableFolders().map(\.path))). Build every product first: \
                `swift build --build-tests` (or plain `swift test`, which builds them too).
                """)
            return
        }
        let folder = try Fixtures.makeTemporaryDirectory("kb-crash")
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = folder.appendingPathComponent("corpus")
        try GeneratedArticles.writePages(count: Self.corpusSize, seed: Self.seed, in: corpus)
        let small = folder.appendingPathComponent("small")
        try GeneratedArticles.writePages(count: 30, seed: Self.seed &+ 1, wordsPerPage: 3...12, in: small)
        let indexFolder = folder.appendingPathComponent("index")
        try FileManager.default.createDirectory(at: indexFolder, withIntermediateDirectories: true)
        let destination = indexFolder.appendingPathComponent("kb.idx")

        // The existing good index: a different, small collection.
        _ = try IndexBuilder(options: IndexBuildOptions(jobs: 2)).build(from: small, to: destination)
        let oldBytes = try Data(contentsOf: destination)
        let oldTerms = try Self.terms(of: destination.path)

        var generator = SeededGenerator(seed: Self.seed)
        var killedMidWrite = 0
        var killedBeforeWriting = 0
        var finishedFirst = 0
        for trial in 0..<6 {
            // Odd trials: wait for this child's temporary index file, then kill it within
            // 10 ms (mid-write). Even trials: kill 5-200 ms after launch (start-up, listing,
            // parsing; with a 1 MiB budget some sorted runs are spilled by then).
            let midWrite = trial % 2 == 1
            let delay =
                midWrite ? Int.random(in: 0...10, using: &generator) : Int.random(in: 5...200, using: &generator)
            let memory = trial % 3 == 0 ? 1 : 512
            let context =
                "seed \(Self.seed), trial \(trial): kill \(delay) ms after \(midWrite ? "the write began" : "launch")"
            let process = try Self.startBuild(kb, source: corpus, destination: destination, memory: memory)
            let pid = process.processIdentifier
            var sawTemporaryFile = false
            if midWrite {
                let prefix = "kb.idx\(PublishedFileName.temporaryInfix)\(pid)-"
                let deadline = Date().addingTimeInterval(120)
                while process.isRunning, Date() < deadline {
                    if (try? Self.contents(of: indexFolder))?.contains(where: { $0.hasPrefix(prefix) }) == true {
                        sawTemporaryFile = true
                        break
                    }
                    usleep(500)
                }
                #expect(sawTemporaryFile, "\(context): the child never began writing")
            }
            usleep(useconds_t(delay * 1_000))
            if process.isRunning { kill(pid, SIGKILL) }
            process.waitUntilExit()
            let wasKilled = process.terminationReason == .uncaughtSignal
            #expect(wasKilled || process.terminationStatus == 0, "\(context): kb failed")

            // The index at the destination is the old one, intact, or the complete new one.
            let bytes = try Data(contentsOf: destination)
            if bytes == oldBytes {
                let reader = try IndexReader.open(path: destination.path, verifyChecksums: true)
                #expect(reader.documentCount == 30, "\(context)")
                let report = IndexVerifier(path: destination.path).run()
                #expect(report.isOK, "\(context): \(report.problems)")
                #expect(try Self.terms(of: destination.path) == oldTerms, "\(context)")
                if sawTemporaryFile { killedMidWrite += 1 } else { killedBeforeWriting += 1 }
            } else {
                // The kill came after the rename (or the child finished first): the new index
                // must be whole. Put the old one back for the next trial.
                let reader = try IndexReader.open(path: destination.path, verifyChecksums: true)
                #expect(reader.documentCount == Self.corpusSize, "\(context)")
                #expect(IndexVerifier(path: destination.path).run().isOK, "\(context)")
                finishedFirst += 1
                let restore = indexFolder.appendingPathComponent("restore")
                try oldBytes.write(to: restore)
                #expect(rename(restore.path, destination.path) == 0, "\(context)")
            }
            // Left behind: at most the lock, temporary index files and build workspaces.
            for name in try Self.contents(of: indexFolder) {
                let expected =
                    name == "kb.idx" || name == "kb.idx.lock" || name == "kb.idx.cache"
                    || name.hasPrefix("kb.idx\(PublishedFileName.temporaryInfix)")
                    || (name.hasPrefix(TemporaryWorkspace.namePrefix) && name.hasSuffix(TemporaryWorkspace.nameSuffix))
                #expect(expected, "\(context): unexpected \(name)")
            }
        }
        #expect(killedMidWrite >= 1, "seed \(Self.seed): no kill landed mid-write (\(finishedFirst) finished first)")
        #expect(killedBeforeWriting >= 1, "seed \(Self.seed)")

        // A new build clears what the killed ones left: only the index, its cache and its lock remain.
        let process = try Self.startBuild(kb, source: small, destination: destination, memory: 512)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "seed \(Self.seed): the build after the kills failed")
        #expect(try Self.contents(of: indexFolder) == ["kb.idx", "kb.idx.cache", "kb.idx.lock"], "seed \(Self.seed)")
        #expect(
            try Data(contentsOf: destination) == oldBytes, "seed \(Self.seed): the same articles give the same bytes")
        #expect(IndexVerifier(path: destination.path).run().isOK, "seed \(Self.seed)")
    }
}
