import Foundation
import KBTestSupport
import Testing

@testable import KBIndex

@Suite struct AtomicFilePublisherTests {
    struct WriteFailed: Error {}

    private func temporaryFiles(in directory: URL) throws -> [String] {
        try IndexTestSupport.contents(of: directory).filter { $0.contains(".tmp-") }
    }

    @Test func successReplacesTheFile() throws {
        let directory = try Fixtures.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let destination = directory.appendingPathComponent("kb.idx")
        try Data("old".utf8).write(to: destination)
        var written: URL?
        let result = try AtomicFilePublisher().publish(to: destination) { temporary in
            written = temporary
            try Data("new".utf8).write(to: temporary)
            return 42
        }
        #expect(result == 42)
        #expect(try Data(contentsOf: destination) == Data("new".utf8))
        let temporary = try #require(written)
        #expect(temporary.deletingLastPathComponent().standardizedFileURL == directory.standardizedFileURL)
        #expect(temporary.lastPathComponent.hasPrefix("kb.idx.tmp-\(ProcessInfo.processInfo.processIdentifier)-"))
        #expect(try IndexTestSupport.contents(of: directory) == ["kb.idx", "kb.idx.lock"])
    }

    @Test func successCreatesAMissingFile() throws {
        let directory = try Fixtures.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let destination = directory.appendingPathComponent("kb.idx")
        try AtomicFilePublisher().publish(to: destination) { try Data("new".utf8).write(to: $0) }
        #expect(try Data(contentsOf: destination) == Data("new".utf8))
    }

    @Test func throwingWriterLeavesTheOldFileAndNoTemporaryFile() throws {
        let directory = try Fixtures.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let destination = directory.appendingPathComponent("kb.idx")
        try Data("old".utf8).write(to: destination)
        #expect(throws: WriteFailed.self) {
            try AtomicFilePublisher().publish(to: destination) { temporary in
                try Data("partial".utf8).write(to: temporary)
                throw WriteFailed()
            }
        }
        #expect(try Data(contentsOf: destination) == Data("old".utf8))
        #expect(try temporaryFiles(in: directory).isEmpty)
    }

    @Test func writerThatWritesNothingFailsAndLeavesTheOldFile() throws {
        let directory = try Fixtures.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let destination = directory.appendingPathComponent("kb.idx")
        try Data("old".utf8).write(to: destination)
        #expect(throws: IndexWriterError.self) {
            try AtomicFilePublisher().publish(to: destination) { _ in }
        }
        #expect(try Data(contentsOf: destination) == Data("old".utf8))
    }

    @Test func staleTemporaryFilesAreRemoved() throws {
        let directory = try Fixtures.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let destination = directory.appendingPathComponent("kb.idx")
        try Data("old".utf8).write(to: destination)
        for name in ["kb.idx.tmp-123-abc", "kb.idx.tmp-999-def"] {
            try Data("partial".utf8).write(to: directory.appendingPathComponent(name))
        }
        let unrelated = ["other.idx.tmp-1-x", "kb.idx.backup"]
        for name in unrelated {
            try Data().write(to: directory.appendingPathComponent(name))
        }
        try AtomicFilePublisher().publish(to: destination) { try Data("new".utf8).write(to: $0) }
        #expect(try Data(contentsOf: destination) == Data("new".utf8))
        #expect(try IndexTestSupport.contents(of: directory) == (["kb.idx", "kb.idx.lock"] + unrelated).sorted())
    }

    /// A child process starts publishing, writes part of its temporary file and is killed (a
    /// crash): the destination keeps its old content, and the next publish cleans up.
    @Test func crashedPublisherLeavesTheOldFileAndIsCleanedUp() throws {
        let directory = try Fixtures.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let destination = directory.appendingPathComponent("kb.idx")
        try Data("old".utf8).write(to: destination)
        // The child follows the protocol's first steps (lock, temporary file named with its
        // pid) with shell tools, then dies by SIGKILL half-way through writing.
        let script = """
            exec 9>"$1.lock"
            flock 9 2>/dev/null || true
            printf partial > "$1.tmp-$$-deadbeef"
            kill -9 $$
            """
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/bin/sh")
        child.arguments = ["-c", script, "sh", destination.path]
        try child.run()
        child.waitUntilExit()
        #expect(child.terminationReason == .uncaughtSignal)
        #expect(try temporaryFiles(in: directory).count == 1)
        #expect(try Data(contentsOf: destination) == Data("old".utf8))
        // The lock died with the child: the next publish gets it, cleans up and replaces.
        try AtomicFilePublisher().publish(to: destination) { try Data("new".utf8).write(to: $0) }
        #expect(try temporaryFiles(in: directory).isEmpty)
        #expect(try Data(contentsOf: destination) == Data("new".utf8))
    }

    /// Two publishers of the same file run one after the other, never interleaved.
    @Test func concurrentPublishersDoNotInterleave() throws {
        let directory = try Fixtures.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let destination = directory.appendingPathComponent("kb.idx")
        final class Log: @unchecked Sendable {
            private let lock = NSLock()
            private(set) var events: [String] = []
            func record(_ event: String) {
                lock.lock()
                events.append(event)
                lock.unlock()
            }
        }
        let log = Log()
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            try? AtomicFilePublisher().publish(to: destination) { temporary in
                log.record("start")
                try Data("writer \(worker)".utf8).write(to: temporary)
                Thread.sleep(forTimeInterval: 0.05)
                // Every other publisher's temporary file is gone or not yet made.
                let others = try FileManager.default.contentsOfDirectory(atPath: directory.path)
                    .filter { $0.contains(".tmp-") && $0 != temporary.lastPathComponent }
                log.record(others.isEmpty ? "end" : "interleaved")
            }
        }
        #expect(log.events == Array(repeating: ["start", "end"], count: 4).flatMap { $0 })
        let content = String(decoding: try Data(contentsOf: destination), as: UTF8.self)
        #expect(content.hasPrefix("writer "))
    }

    @Test func indexPublishedThroughThePublisherIsValid() throws {
        let directory = try Fixtures.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let destination = directory.appendingPathComponent("kb.idx")
        let writer = try IndexWriter(options: IndexWriterOptions(temporaryDirectory: directory))
        for article in IndexTestSupport.analyzed(IndexTestSupport.articles(count: 10, seed: 5)) {
            try writer.add(article)
        }
        let summary = try AtomicFilePublisher().publish(to: destination) { try writer.write(to: $0) }
        let index = try DecodedIndex(contentsOf: destination)
        #expect(index.metadata.documentCount == 10)
        #expect(summary.fileSize == index.bytes.count)
        #expect(try IndexTestSupport.contents(of: directory) == ["kb.idx", "kb.idx.lock"])
    }
}
