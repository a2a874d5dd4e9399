import Foundation
import KBIndex
import KBTestSupport
import Testing

@testable import KBSearch

/// End to end on the sample knowledge base: `Articles/` indexed with the default options, then
/// the ticket subjects of `Fixtures/articles-tickets.tsv` — written as customers type them, without
/// accents, with typos and filler — run through `Searcher.suggest` as the ticket form does.
@Suite("Ticket-subject suggestions on Articles/")
struct ArticlesTicketSubjectsTests {
    /// How many subjects must find an expected article among the top 3 suggestions: the figure
    /// measured when the set was written, 23 of 30, with no slack (`kb eval --mode suggest` on the
    /// same set is recorded in Benchmarks/RELEVANCE.md). Of the 7 misses, 4 get no suggestion
    /// although the expected article ranks first or second (confidence below the threshold) and
    /// 3 rank it below third. Raise the figure when the engine gets better; never lower it
    /// silently.
    private static let minimumFoundInTopThree = 23

    /// Subjects the knowledge base does not answer: the form must stay quiet.
    private static let outOfScopeSubjects = [
        "asdf qwerty zxcv",
        "quero comprar um carro usado",
        "qual a previsão do tempo amanhã",
    ]

    /// Out-of-scope subjects that the current engine still answers, with the reason measured when
    /// the test was written. They are recorded as known issues, so the test fails as soon as one
    /// of them gets no suggestion: then remove it from here.
    private static let knownOutOfScopeSuggestions = [
        "qual a previsão do tempo amanhã":
            "previsão (prevista), tempo and amanhã all occur in atendimento/pedir-urgencia.html"
    ]

    /// One line of `articles-tickets.tsv`.
    private struct TicketSubject: Sendable {
        var subject: String
        var expectedIDs: [String]
    }

    private static func ticketSubjects() throws -> [TicketSubject] {
        let text = try Fixtures.text("articles-tickets.tsv", in: "KBSearchTests")
        return try text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            try #require(fields.count == 2, "malformed line: \(line)")
            return TicketSubject(subject: fields[0], expectedIDs: fields[1].split(separator: ",").map(String.init))
        }
    }

    /// Indexes `Articles/` into a new temporary folder, which the caller removes.
    private static func makeSearcher() throws -> (searcher: Searcher, folder: URL) {
        let folder = try Fixtures.makeTemporaryDirectory("kb-articles")
        let path = folder.appendingPathComponent("articles.idx")
        let report = try IndexBuilder(options: IndexBuildOptions()).build(from: Fixtures.articles, to: path)
        #expect(report.skipped.isEmpty, "skipped: \(report.skipped)")
        return (Searcher(reader: try IndexReader.open(path: path.path, verifyChecksums: true)), folder)
    }

    private static func topThree(_ subject: String, _ searcher: Searcher) throws -> [String] {
        try searcher.suggest(SuggestionRequest(subject: subject, limit: 3)).hits.map(\.article.id)
    }

    @Test("The fixture has 30 subjects and every expected id is an article of Articles/")
    func fixtureIsWellFormed() throws {
        let subjects = try Self.ticketSubjects()
        #expect(subjects.count == 30)
        for ticket in subjects {
            #expect(!ticket.subject.isEmpty && !ticket.expectedIDs.isEmpty)
            for id in ticket.expectedIDs {
                let file = Fixtures.articles.appendingPathComponent(id)
                #expect(FileManager.default.fileExists(atPath: file.path), "\(ticket.subject): no article \(id)")
            }
        }
    }

    @Test("The queries and qrels for kb eval agree with the subjects")
    func evaluationFilesAgree() throws {
        let subjects = try Self.ticketSubjects()
        let identifiers = subjects.indices.map { String(format: "at%02d", $0 + 1) }
        let expectedQueries = zip(identifiers, subjects).map { "\($0)\t\($1.subject)\n" }.joined()
        let expectedQrels = zip(identifiers, subjects).flatMap { identifier, ticket in
            ticket.expectedIDs.map { "\(identifier) 0 \($0) 1\n" }
        }.joined()
        #expect(try Fixtures.text("articles-tickets.queries.tsv", in: "KBSearchTests") == expectedQueries)
        #expect(try Fixtures.text("articles-tickets.qrels", in: "KBSearchTests") == expectedQrels)
    }

    @Test("Enough subjects find an expected article in the top 3 suggestions")
    func subjectsFindTheirArticles() throws {
        let subjects = try Self.ticketSubjects()
        let (searcher, folder) = try Self.makeSearcher()
        defer { try? FileManager.default.removeItem(at: folder) }
        var misses: [String] = []
        for ticket in subjects {
            let got = try Self.topThree(ticket.subject, searcher)
            if Set(got).isDisjoint(with: ticket.expectedIDs) {
                misses.append(
                    "\"\(ticket.subject)\": expected \(ticket.expectedIDs.joined(separator: " or ")), got "
                        + (got.isEmpty ? "no suggestion" : got.joined(separator: ", ")))
            }
        }
        let found = subjects.count - misses.count
        #expect(
            found >= Self.minimumFoundInTopThree,
            """
            \(found) of \(subjects.count) subjects find an expected article in the top 3 \
            (minimum \(Self.minimumFoundInTopThree)); misses:
            \(misses.joined(separator: "\n"))
            """)
    }

    @Test("Out-of-scope subjects get no suggestion", arguments: outOfScopeSubjects)
    func outOfScopeSubjectsGetNothing(_ subject: String) throws {
        let (searcher, folder) = try Self.makeSearcher()
        defer { try? FileManager.default.removeItem(at: folder) }
        let got = try Self.topThree(subject, searcher)
        let expectNothing = { #expect(got.isEmpty, "\"\(subject)\" got \(got.joined(separator: ", "))") }
        if let reason = Self.knownOutOfScopeSuggestions[subject] {
            withKnownIssue(Comment(rawValue: reason), expectNothing)
        } else {
            expectNothing()
        }
    }
}
