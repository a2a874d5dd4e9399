import Testing

@testable import KBSearch

@Suite struct QueryTests {
    @Test(arguments: [
        (
            [
                Query.Clause(text: "a", occurrence: .must),
                Query.Clause(text: "b", occurrence: .mustNot),
                Query.Clause(text: "c d", isPhrase: true),
                Query.Clause(text: "e", isPrefix: true),
            ],
            "+a -b \"c d\" e*"
        ),
        ([], ""),
        ([Query.Clause(text: "nota fiscal", isPhrase: true, occurrence: .mustNot)], "-\"nota fiscal\""),
        ([Query.Clause(text: "nota fiscal", isPhrase: true, occurrence: .must)], "+\"nota fiscal\""),
        ([Query.Clause(text: "impr", occurrence: .must, isPrefix: true)], "+impr*"),
        ([Query.Clause(text: "configuração"), Query.Clause(text: "e-mail")], "configuração e-mail"),
    ])
    func describesInQuerySyntax(clauses: [Query.Clause], expected: String) {
        #expect(Query(clauses: clauses).description == expected)
        #expect("\(Query(clauses: clauses, wasTruncated: true))" == expected)
    }

    @Test func isEmptyWithoutClauses() {
        #expect(Query().isEmpty)
        #expect(Query(clauses: [], wasTruncated: true).isEmpty)
        #expect(!Query(clauses: [Query.Clause(text: "x", occurrence: .mustNot)]).isEmpty)
    }

    @Test func clauseDefaultsToAPlainShouldWord() {
        let clause = Query.Clause(text: "impressora")
        #expect(!clause.isPhrase && !clause.isPrefix && clause.occurrence == .should)
    }

    @Test(arguments: [
        "nao consigo imprimir frente e verso",
        "\"nota fiscal\" -cancelada",
        "+senha \"lembrar de mim\"",
        "erro -2147024891 --verbose e-mail +-5 (code)",
    ])
    func descriptionParsesBack(input: String) {
        let parser = QueryParser(options: .init(prefixLastWord: false))
        let query = parser.parse(input)
        #expect(parser.parse(query.description) == query)
    }

    /// The examples in `QueryParser`'s documentation.
    @Test(arguments: [
        ("nao consigo imprimir frente e verso", "nao consigo imprimir frente e verso*"),
        ("impr ", "impr"),
        ("\"nota fiscal\" -cancelada", "\"nota fiscal\" -cancelada"),
        ("+senha \"lembrar de mim\"", "+senha \"lembrar de mim\""),
        ("-impr", "-impr"),
        ("erro no e-mail -", "erro no e-mail"),
        ("“nota fiscal” -\"nota de débito", "\"nota fiscal\" -\"nota de débito\""),
    ])
    func documentedExamples(input: String, expected: String) {
        #expect(QueryParser().parse(input).description == expected)
    }

    @Test func descriptionOfParsedQuery() {
        #expect(
            QueryParser().parse("  “nota   fiscal”-cancelada +impr").description == "\"nota fiscal\" -cancelada +impr*")
    }
}
