import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import kb_server

@Suite("The search page")
struct StaticRoutesTests {
    @Test(arguments: [
        ("/", "text/html; charset=utf-8", "<html"),
        ("/static/app.js", "text/javascript; charset=utf-8", ""),
        ("/static/style.css", "text/css; charset=utf-8", ""),
    ])
    func servesEmbeddedFilesWithAStrictPolicy(uri: String, contentType: String, marker: String) async throws {
        let server = try TestServer()
        defer { server.remove() }
        try await server.test { client in
            let entityTag = try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == contentType)
                #expect(response.headers[.contentSecurityPolicy] == "default-src 'self'")
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                #expect(response.headers[.cacheControl] != nil)
                #expect(response.body.readableBytes > 0)
                #expect(marker.isEmpty || response.text.contains(marker))
                return try #require(response.headers[.eTag])
            }
            try await client.execute(uri: uri, method: .get, headers: [.ifNoneMatch: entityTag]) { response in
                #expect(response.status == .notModified)
                #expect(response.body.readableBytes == 0)
            }
            try await client.execute(uri: uri, method: .get, headers: [.ifNoneMatch: "\"other\""]) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test func answersTheBrowsersIconRequestWithNoContent() async throws {
        let server = try TestServer()
        defer { server.remove() }
        try await server.test { client in
            try await client.execute(uri: "/favicon.ico", method: .get) { response in
                #expect(response.status == .noContent)
                #expect(response.body.readableBytes == 0)
            }
        }
    }

    @Test func embedsThePublicFolder() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/kb-server/Public").standardized
        let page = try Data(contentsOf: folder.appendingPathComponent("index.html"))
        #expect(Array(page) == PackageResources.index_html)
    }
}
