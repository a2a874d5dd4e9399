import Foundation
import Hummingbird
import HummingbirdTesting
import KBIndex
import KBSearch
import Testing

@testable import kb_server

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite("Reloading the index without downtime")
struct SearcherHolderTests {
    /// 200 concurrent searches while the index file is replaced and reloaded 5 times: every
    /// search answers 200 with a well-formed body.
    @Test func reloadsUnderConcurrentSearchesWithoutFailedRequests() async throws {
        // All 200 at once are over the default cap of 64 waiting searches, which would answer
        // 503 (RequestLimitsMiddlewareTests): here the reload is under test, not the cap.
        let server = try TestServer { $0.maximumConcurrentRequests = 256 }
        defer { server.remove() }
        let full = try Data(contentsOf: TestServer.sampleIndex)
        try await server.test { client in
            let failures = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<200 {
                    group.addTask {
                        let query = ["senha", "chamado", "integra lento", "anexo", "redefin"][index % 5]
                        let response = try await client.execute(
                            uri: "/search?q=\(query.replacing(" ", with: "+"))&limit=5", method: .get)
                        guard response.status == .ok,
                            (try? JSONDecoder().decode(SearchResponse.self, from: Data(response.body.readableBytesView)))
                                != nil
                        else { return 1 }
                        return 0
                    }
                }
                group.addTask {
                    for round in 0..<5 {
                        if round % 2 == 0 {
                            try server.replaceIndex(withArticlesIn: ["conta", "chamados"])
                        } else {
                            try server.replaceIndex(with: full)
                        }
                        try await server.holder.reload(trigger: .manual)
                    }
                    return 0
                }
                return try await group.reduce(0, +)
            }
            #expect(failures == 0)
        }
        #expect(server.holder.metrics.reloads.value(["manual"]) == 5)
        #expect(server.holder.metrics.reloadFailures.value(["manual"]) == 0)
    }

    @Test(arguments: ["garbage", "truncated", "flipped"])
    func refusesABrokenIndexAndKeepsServingTheOldOne(damage: String) async throws {
        let server = try TestServer()
        defer { server.remove() }
        let good = try Data(contentsOf: TestServer.sampleIndex)
        let broken: Data
        switch damage {
        case "garbage": broken = Data("this is not an index".utf8) + Data(repeating: 0x5A, count: 4096)
        case "truncated": broken = good.prefix(good.count / 2)
        default:
            var bytes = good
            bytes[bytes.count / 2] ^= 0xFF
            broken = bytes
        }
        try await server.test { client in
            let before = try await client.execute(uri: "/search?q=senha", method: .get) {
                try JSONDecoder().decode(SearchResponse.self, from: Data($0.body.readableBytesView))
            }
            try server.replaceIndex(with: broken)
            await #expect(throws: IndexFormatError.self) { try await server.holder.reload(trigger: .manual) }
            try await client.execute(uri: "/search?q=senha", method: .get) { response in
                #expect(response.status == .ok)
                let after = try JSONDecoder().decode(SearchResponse.self, from: Data(response.body.readableBytesView))
                #expect(after.hits.map(\.id) == before.hits.map(\.id))
                #expect(after.total == before.total)
            }
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.text.contains("kb_index_reload_failures_total{trigger=\"manual\"} 1"))
                #expect(response.text.contains("kb_index_documents 46"))
            }
        }
        #expect(server.log.text.contains("Refused the new index"))
    }

    @Test func watcherReloadsAReplacedFile() async throws {
        let server = try TestServer { $0.watchInterval = .milliseconds(50) }
        defer { server.remove() }
        try await server.test { client in
            try server.replaceIndex(withArticlesIn: ["conta"])
            try await Self.waitUntil { server.holder.current.reader.documentCount == 11 }
            try await client.execute(uri: "/healthz", method: .get) { response in
                let health = try JSONDecoder().decode(HealthResponse.self, from: Data(response.body.readableBytesView))
                #expect(health.index.documents == 11)
            }
            // Several ticks later: no second reload of the same file.
            try await Task.sleep(for: .milliseconds(300))
        }
        #expect(server.holder.metrics.reloads.value(["file_change"]) == 1)
    }

    @Test func watcherRefusesABrokenFileOnceAndRecovers() async throws {
        let server = try TestServer { $0.watchInterval = .milliseconds(50) }
        defer { server.remove() }
        try await server.test { client in
            try server.replaceIndex(with: Data(repeating: 0, count: 1000))
            try await Self.waitUntil { server.holder.metrics.reloadFailures.value(["file_change"]) == 1 }
            try await Task.sleep(for: .milliseconds(300))
            #expect(server.holder.metrics.reloadFailures.value(["file_change"]) == 1)
            try await client.execute(uri: "/search?q=senha", method: .get) { #expect($0.status == .ok) }
            try server.replaceIndex(withArticlesIn: ["integra"])
            try await Self.waitUntil { server.holder.current.reader.documentCount == 9 }
        }
    }

    @Test func reloadsOnSIGHUP() async throws {
        // Ignored first, so a signal raised before the handler is installed cannot end the run.
        signal(SIGHUP, SIG_IGN)
        let server = try TestServer { $0.reloadsOnHangup = true }
        defer { server.remove() }
        try await server.test { _ in
            try await Self.waitUntil {
                kill(getpid(), SIGHUP)
                return server.holder.metrics.reloads.value(["signal"]) >= 1
            }
        }
    }

    /// Polls `condition` every 20 ms for up to 10 s.
    static func waitUntil(_ condition: @Sendable () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        Issue.record("timed out")
    }
}
