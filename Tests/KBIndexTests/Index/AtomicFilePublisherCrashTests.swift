import Foundation
import KBTestSupport
import Testing

@testable import KBIndex

/// The publish protocol against simulated power failures (``CrashSimulatingFileSystem``): a
/// crash at any step, whatever the disk kept of what was not synchronized, leaves the old
/// complete index or the new complete one, never a torn or missing file; once `publish`
/// returned, the new one. And the double has teeth: a publisher that skips an `fsync` is
/// caught.
@Suite struct AtomicFilePublisherCrashTests {
    static let seed: UInt64 = 0xC0FF_EE15_D00D

    /// What a reboot left at the destination.
    enum Outcome: Equatable, CustomStringConvertible {
        case missing, old, new
        /// Neither index: a file of this many bytes.
        case torn(Int)

        var description: String {
            switch self {
            case .missing: "missing"
            case .old: "the old index"
            case .new: "the new index"
            case .torn(let count): "a torn file of \(count) bytes"
            }
        }
    }

    /// One crash schedule: where the power fails and what the disk keeps.
    struct Schedule: CustomStringConvertible {
        /// The step that does not happen (``steps`` for a crash after `publish` returned).
        var crashPoint: Int
        var entries: CrashSimulatingFileSystem.EntrySurvival
        var data: CrashSimulatingFileSystem.DataSurvival

        var description: String { "crash at step \(crashPoint), folder operations kept: \(entries), data: \(data)" }
    }

    /// A folder holding an old index (or none) and a temporary file left by a crashed run, the
    /// new index's articles, and the bytes both indexes must have.
    final class Scene {
        let root: URL
        let folder: URL
        let scratch: URL
        let destination: URL
        let oldArticles = IndexTestSupport.analyzed(
            IndexTestSupport.articles(count: 25, seed: AtomicFilePublisherCrashTests.seed))
        let newArticles = IndexTestSupport.analyzed(
            IndexTestSupport.articles(count: 40, seed: AtomicFilePublisherCrashTests.seed &+ 1))
        let oldBytes: [UInt8]
        let newBytes: [UInt8]
        let hasOldIndex: Bool

        init(hasOldIndex: Bool) throws {
            self.hasOldIndex = hasOldIndex
            root = try Fixtures.makeTemporaryDirectory("kb-publish-crash")
            folder = root.appendingPathComponent("index")
            scratch = root.appendingPathComponent("scratch")
            destination = folder.appendingPathComponent("kb.idx")
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            let reference = scratch.appendingPathComponent("reference.idx")
            _ = try Self.write(oldArticles, to: reference, scratch: scratch)
            oldBytes = Array(try Data(contentsOf: reference))
            _ = try Self.write(newArticles, to: reference, scratch: scratch)
            newBytes = Array(try Data(contentsOf: reference))
        }

        deinit {
            try? FileManager.default.removeItem(at: root)
        }

        /// Writes the index of `articles` at `url` with the real writer (not synchronized).
        static func write(_ articles: [AnalyzedArticle], to url: URL, scratch: URL) throws -> IndexWriteSummary {
            let writer = try IndexWriter(options: IndexWriterOptions(temporaryDirectory: scratch))
            for article in articles { try writer.add(article) }
            return try writer.write(to: url)
        }

        /// Puts the folder back in its starting state, all of it on the disk.
        func reset() throws {
            try? FileManager.default.removeItem(at: folder)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            if hasOldIndex { try Data(oldBytes).write(to: destination) }
            let stale = folder.appendingPathComponent("kb.idx\(PublishedFileName.temporaryInfix)1-dead")
            try Data(newBytes.prefix(100)).write(to: stale)
        }

        /// Publishes the new index through `fileSystem`; whether `publish` returned.
        func publish(through fileSystem: some PublishingFileSystem) -> Bool {
            let publisher = AtomicFilePublisher(fileSystem: fileSystem)
            do {
                _ = try publisher.publish(to: destination) { temporary in
                    try Self.write(newArticles, to: temporary, scratch: scratch)
                }
                return true
            } catch {
                return false
            }
        }

        /// What is at the destination.
        func outcome() -> Outcome {
            guard let data = FileManager.default.contents(atPath: destination.path) else { return .missing }
            let bytes = Array(data)
            return bytes == oldBytes ? .old : bytes == newBytes ? .new : .torn(bytes.count)
        }

        /// Runs `schedule` with a publisher over `wrap(double)`, reboots and returns the
        /// outcome with a description of the run for failure messages.
        func run<Wrapped: PublishingFileSystem>(
            _ schedule: Schedule, generator: inout SeededGenerator, wrap: (CrashSimulatingFileSystem) -> Wrapped
        ) throws -> (outcome: Outcome, returned: Bool, context: String) {
            try reset()
            let double = CrashSimulatingFileSystem(directory: folder)
            double.crashPoint = schedule.crashPoint
            let returned = publish(through: wrap(double))
            let steps = double.steps
            let report = try double.reboot(keeping: schedule.entries, data: schedule.data, using: &generator)
            let context = "seed \(AtomicFilePublisherCrashTests.seed), \(schedule); steps run: \(steps); \(report)"
            return (outcome(), returned, context)
        }

        /// Runs `schedule` with a publisher over the double itself.
        func run(_ schedule: Schedule, generator: inout SeededGenerator) throws -> (
            outcome: Outcome, returned: Bool, context: String
        ) {
            try run(schedule, generator: &generator) { $0 }
        }

        /// What is wrong with `outcome`: a torn index, a missing one where there was one, or
        /// the old one after `publish` returned. Also opens and verifies the index found.
        func problems(_ outcome: Outcome, returned: Bool) -> [String] {
            var problems: [String] = []
            switch outcome {
            case .torn: problems.append("the destination is \(outcome)")
            case .missing where hasOldIndex: problems.append("the old index is gone")
            case .old where returned: problems.append("publish returned, but the old index came back")
            default: break
            }
            if outcome == .old || outcome == .new {
                do {
                    let reader = try IndexReader.open(path: destination.path, verifyChecksums: true)
                    let expected = outcome == .old ? oldArticles.count : newArticles.count
                    if reader.documentCount != expected {
                        problems.append("\(reader.documentCount) documents, expected \(expected)")
                    }
                } catch {
                    problems.append("the index does not open: \(error)")
                }
                problems += IndexVerifier(path: destination.path).run().problems
            }
            return problems
        }

        /// The number of steps of an uninterrupted publish.
        func stepCount() throws -> Int {
            try reset()
            let double = CrashSimulatingFileSystem(directory: folder)
            #expect(publish(through: double))
            return double.steps.count
        }
    }

    /// Every step, with the disk keeping none, all or the first few of the folder operations
    /// not synchronized, and the unsynchronized bytes lost, kept or garbled.
    @Test(arguments: [true, false])
    func crashAtEveryStepLeavesTheOldOrTheNewIndex(hasOldIndex: Bool) throws {
        let scene = try Scene(hasOldIndex: hasOldIndex)
        let steps = try scene.stepCount()
        // lock, list, remove the stale file, fsync, rename, fsync the folder.
        #expect(steps == 6)
        var generator = SeededGenerator(seed: Self.seed)
        var seen: Set<String> = []
        for crashPoint in 0...steps {
            for entries: CrashSimulatingFileSystem.EntrySurvival in [.none, .prefix(1), .prefix(2), .prefix(3), .all] {
                for data: CrashSimulatingFileSystem.DataSurvival in [.lost, .kept, .garbled] {
                    let schedule = Schedule(crashPoint: crashPoint, entries: entries, data: data)
                    let run = try scene.run(schedule, generator: &generator)
                    #expect(run.returned == (crashPoint == steps), "\(run.context)")
                    let problems = scene.problems(run.outcome, returned: run.returned)
                    #expect(problems.isEmpty, "\(run.context): \(problems)")
                    seen.insert("\(run.outcome)")
                }
            }
        }
        // The schedules reach both sides of the rename.
        #expect(seen.contains("the new index"))
        #expect(seen.contains(hasOldIndex ? "the old index" : "missing"))
    }

    /// Random subsets of the unsynchronized folder operations survive, with garbled data.
    @Test func randomSurvivorsNeverTearTheIndex() throws {
        let scene = try Scene(hasOldIndex: true)
        let steps = try scene.stepCount()
        var generator = SeededGenerator(seed: Self.seed &+ 2)
        var outcomes: [String: Int] = [:]
        for _ in 0..<150 {
            let schedule = Schedule(
                crashPoint: Int.random(in: 0...steps, using: &generator), entries: .random, data: .garbled)
            let run = try scene.run(schedule, generator: &generator)
            let problems = scene.problems(run.outcome, returned: run.returned)
            #expect(problems.isEmpty, "\(run.context): \(problems)")
            outcomes["\(run.outcome)", default: 0] += 1
        }
        #expect(outcomes.keys.sorted() == ["the new index", "the old index"], "\(outcomes)")
    }

    /// After any crash, the next publish on the real file system removes what the crashed one
    /// left and publishes.
    @Test func publishAfterACrashCleansUp() throws {
        let scene = try Scene(hasOldIndex: true)
        let steps = try scene.stepCount()
        var generator = SeededGenerator(seed: Self.seed &+ 3)
        for crashPoint in 0...steps {
            let schedule = Schedule(crashPoint: crashPoint, entries: .random, data: .garbled)
            let run = try scene.run(schedule, generator: &generator)
            #expect(scene.publish(through: POSIXFileSystem()), "\(run.context)")
            #expect(scene.outcome() == .new, "\(run.context)")
            #expect(try IndexTestSupport.contents(of: scene.folder) == ["kb.idx", "kb.idx.lock"], "\(run.context)")
        }
    }

    /// The double has teeth: without the `fsync` before the rename, the rename can reach the
    /// disk without the data, and the index is torn (empty here).
    @Test func publisherWithoutTheFileSyncIsCaught() throws {
        let scene = try Scene(hasOldIndex: true)
        let steps = try scene.stepCount()
        let withoutFileSync = { (double: CrashSimulatingFileSystem) in
            SkippingFileSystem(base: double, skipsFileSynchronization: true)
        }
        var generator = SeededGenerator(seed: Self.seed &+ 4)
        // Power fails after publish returned; the folder operations reached the disk, the data did not.
        let run = try scene.run(
            Schedule(crashPoint: steps, entries: .all, data: .lost), generator: &generator, wrap: withoutFileSync)
        #expect(run.outcome == .torn(0), "\(run.context)")
        #expect(!scene.problems(run.outcome, returned: run.returned).isEmpty, "\(run.context)")
        #expect(throws: IndexFormatError.self) { try IndexReader.open(path: scene.destination.path) }

        // Random schedules find it too, while the full protocol passes the same schedules.
        var torn = 0
        for _ in 0..<40 {
            let schedule = Schedule(
                crashPoint: Int.random(in: 0...steps, using: &generator), entries: .random, data: .garbled)
            let run = try scene.run(schedule, generator: &generator, wrap: withoutFileSync)
            if case .torn = run.outcome { torn += 1 }
        }
        #expect(torn > 0, "seed \(Self.seed &+ 4): no schedule tore the index of a publisher without fsync")
    }

    /// The double has teeth: without the `fsync` of the folder, the rename can be lost after
    /// `publish` returned, and the old index comes back.
    @Test func publisherWithoutTheFolderSyncIsCaught() throws {
        let scene = try Scene(hasOldIndex: true)
        let steps = try scene.stepCount()
        var generator = SeededGenerator(seed: Self.seed &+ 5)
        let run = try scene.run(
            Schedule(crashPoint: steps, entries: .none, data: .kept), generator: &generator,
            wrap: { SkippingFileSystem(base: $0, skipsDirectorySynchronization: true) })
        #expect(run.returned)
        #expect(run.outcome == .old, "\(run.context)")
        #expect(
            scene.problems(run.outcome, returned: run.returned) == ["publish returned, but the old index came back"])
    }
}

/// A file system that forwards to `base` but skips the synchronizations a broken publisher
/// would forget, to show that ``CrashSimulatingFileSystem`` catches such a publisher.
struct SkippingFileSystem<Base: PublishingFileSystem>: PublishingFileSystem {
    let base: Base
    var skipsFileSynchronization = false
    var skipsDirectorySynchronization = false

    func withExclusiveLock<Value>(onFileAt path: String, _ body: () throws -> Value) throws -> Value {
        try base.withExclusiveLock(onFileAt: path, body)
    }

    func contentsOfDirectory(atPath directory: String) throws(IndexWriterError) -> [String] {
        try base.contentsOfDirectory(atPath: directory)
    }

    func removeFile(atPath path: String) {
        base.removeFile(atPath: path)
    }

    func synchronizeFile(atPath path: String) throws(IndexWriterError) {
        if !skipsFileSynchronization { try base.synchronizeFile(atPath: path) }
    }

    func renameFile(atPath source: String, toPath destination: String) throws(IndexWriterError) {
        try base.renameFile(atPath: source, toPath: destination)
    }

    func synchronizeDirectory(atPath directory: String) throws(IndexWriterError) {
        if !skipsDirectorySynchronization { try base.synchronizeDirectory(atPath: directory) }
    }
}
