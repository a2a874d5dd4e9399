import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import kb_server

@Suite("GET /healthz and /metrics")
struct HealthRoutesTests {
    @Test func reportsTheLoadedIndex() async throws {
        let server = try TestServer()
        defer { server.remove() }
        try await server.test { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
                let health = try JSONDecoder().decode(HealthResponse.self, from: Data(response.body.readableBytesView))
                #expect(health.status == "ok")
                #expect(health.index.documents == 46)
                #expect(health.index.sizeBytes == server.holder.current.reader.fileSize)
                #expect(ISO8601DateFormatter().date(from: health.index.builtAt) != nil)
            }
            try await client.execute(uri: "/healthz", method: .head) { response in
                #expect(response.status == .ok)
                #expect(response.body.readableBytes == 0)
            }
        }
    }

    @Test func exposesRequestCountsLatencyAndIndexGauges() async throws {
        let server = try TestServer()
        defer { server.remove() }
        try await server.test { client in
            try await client.execute(uri: "/search?q=senha", method: .get) { _ in }
            try await client.execute(uri: "/search", method: .get) { _ in }
            try await client.execute(uri: "/articles/conta/redefinir-senha.html", method: .get) { _ in }
            try await client.execute(uri: "/articles/conta/redefinir-senha.html/related", method: .get) { _ in }
            try await client.execute(uri: "/no/such/page", method: .get) { _ in }
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/plain; version=0.0.4; charset=utf-8")
                let text = response.text
                #expect(text.contains("# TYPE kb_http_requests_total counter"))
                #expect(text.contains("kb_http_requests_total{route=\"/search\",method=\"GET\",status=\"200\"} 1"))
                #expect(text.contains("kb_http_requests_total{route=\"/search\",method=\"GET\",status=\"400\"} 1"))
                #expect(
                    text.contains("kb_http_requests_total{route=\"/articles/{id}\",method=\"GET\",status=\"200\"} 1"))
                #expect(text.contains("kb_http_requests_total{route=\"/articles/{id}/related\",method=\"GET\","))
                #expect(text.contains("kb_http_requests_total{route=\"unmatched\",method=\"GET\",status=\"404\"} 1"))
                #expect(!text.contains("redefinir-senha"), "raw paths must not become labels")
                #expect(text.contains("# TYPE kb_http_request_duration_seconds histogram"))
                #expect(text.contains("kb_http_request_duration_seconds_bucket{route=\"/search\",le=\"+Inf\"} 2"))
                #expect(text.contains("kb_http_request_duration_seconds_count{route=\"/search\"} 2"))
                #expect(text.contains("kb_index_documents 46"))
                #expect(text.contains("kb_index_size_bytes \(server.holder.current.reader.fileSize)"))
                #expect(text.contains("# TYPE kb_index_age_seconds gauge"))
                #expect(text.contains("# TYPE kb_index_reloads_total counter"))
                #expect(text.contains("# TYPE kb_index_reload_failures_total counter"))
                try ExpositionFormat.check(text)
            }
        }
    }
}

/// A check of the text exposition format 0.0.4: every sample line is `name{labels} value`
/// with a declared family, and histogram buckets are cumulative and end at `+Inf` = count.
enum ExpositionFormat {
    struct Problem: Error, CustomStringConvertible {
        let description: String
    }

    static func check(_ text: String) throws {
        #expect(text.hasSuffix("\n"))
        var types: [String: String] = [:]
        var previousBucket: (series: String, value: Double)?
        for line in text.split(separator: "\n") {
            if line.hasPrefix("# HELP ") { continue }
            if line.hasPrefix("# TYPE ") {
                let parts = line.split(separator: " ")
                guard parts.count == 4, ["counter", "gauge", "histogram"].contains(parts[3]) else {
                    throw Problem(description: "bad TYPE line: \(line)")
                }
                types[String(parts[2])] = String(parts[3])
                continue
            }
            guard let space = line.lastIndex(of: " "),
                Double(line[line.index(after: space)...]) != nil
                    || line.hasSuffix("+Inf")
            else {
                throw Problem(description: "bad sample line: \(line)")
            }
            let series = line[..<space]
            let name = String(series.prefix { $0 != "{" })
            let family = ["_bucket", "_sum", "_count"].reduce(name) { name, suffix in
                types[name] == nil && name.hasSuffix(suffix) ? String(name.dropLast(suffix.count)) : name
            }
            guard types[family] != nil else { throw Problem(description: "sample without TYPE: \(line)") }
            if name.hasSuffix("_bucket") {
                let value = Double(line[line.index(after: space)...])!
                let key = String(series.replacing(/,?le="[^"]*"/, with: ""))
                if let previous = previousBucket, previous.series == key, value < previous.value {
                    throw Problem(description: "buckets not cumulative: \(line)")
                }
                previousBucket = (key, value)
            }
        }
    }
}
