import Foundation
import Testing

@testable import KBIndex

@Suite struct ArticleParserTests {
    let parser = ArticleParser()

    private func parseFixture(_ name: String, options: ArticleParserOptions = ArticleParserOptions()) throws -> Article
    {
        try ArticleParser(options: options).parse(contentsOf: ArticleFixtures.url(name), path: name)
    }

    private func parseError(_ body: () throws(ArticleParseError) -> Article) -> ArticleParseError? {
        do {
            _ = try body()
            return nil
        } catch {
            return error
        }
    }

    // MARK: - Title

    @Test func titleFallsBackToFirstHeading1() throws {
        let article = try parseFixture("title-from-h1.html")
        #expect(article.title == "Como redefinir a senha")
        #expect(article.headings == ["Como redefinir a senha"])
    }

    @Test func titleComesFromTitleElementFirst() throws {
        let article = try parseFixture("content-selector.html")
        #expect(article.title == "Contagem de palavras")
    }

    @Test func titleFallsBackToFirstLineWithoutTitleOrHeading() throws {
        let article = try parser.parse(html: "<p>Só um parágrafo.</p><p>Outro.</p>", path: "x.html")
        #expect(article.title == "Só um parágrafo.")
    }

    // MARK: - Removed elements

    @Test func dropsScriptsStylesChromeFormsAndHiddenElements() throws {
        let article = try parseFixture("page-chrome.html")
        #expect(
            article.body == """
                Cancelar assinatura
                Para cancelar, acesse Minha conta.
                Parágrafo visível por aria.
                Parágrafo visível por estilo.
                O reembolso leva até 7 dias.

                """
        )
        for marker in [
            "ESTILO", "SCRIPT", "CABECALHO", "NAVEGACAO", "LATERAL", "NOSCRIPT", "TEMPLATE", "ROTULO", "CAMPO",
            "BOTAO", "OPCAO", "TEXTAREA", "OCULTO", "SVG", "RODAPE",
        ] {
            #expect(!article.body.contains(marker), "\(marker) leaked into the body")
        }
    }

    @Test func keepsHeaderAndFooterInsideArticle() throws {
        let article = try parseFixture("article-header.html")
        #expect(
            article.body == """
                Alterar o e-mail da conta
                Atualizado há 2 dias
                Você pode trocar o e-mail em Configurações.
                Este artigo foi útil?

                """
        )
        #expect(article.headings == ["Alterar o e-mail da conta"])
    }

    @Test func keepsHiddenElementsWhenAsked() throws {
        let options = ArticleParserOptions(includesHiddenElements: true)
        let article = try parseFixture("page-chrome.html", options: options)
        #expect(article.body.contains("Parágrafo OCULTO1"))
        #expect(article.body.contains("Parágrafo OCULTO3"))
        #expect(!article.body.contains("SCRIPT"))
    }

    @Test func dropsClosedDialogButKeepsOpenOne() throws {
        let html = "<p>Texto.</p><dialog>Fechado</dialog><dialog open>Aberto</dialog>"
        let article = try parser.parse(html: html, path: "d.html")
        #expect(article.body == "Texto.\nAberto\n")
    }

    // MARK: - Main content

    @Test(arguments: [
        ("main-element.html", "Segunda via do boleto\nAcesse Financeiro e clique em Boletos.\n"),
        ("article-element.html", "Rastrear pedido\nUse o código enviado por e-mail.\n"),
        ("role-main.html", "Trocar plano\nEscolha o novo plano em Assinatura.\n"),
    ])
    func mainContentElementIsPreferred(fixture: String, expectedBody: String) throws {
        let article = try parseFixture(fixture)
        #expect(article.body == expectedBody)
    }

    @Test func bodyIsUsedWithoutMainContentElement() throws {
        let article = try parseFixture("content-selector.html")
        #expect(article.body.contains("Índice FORA"))
        #expect(article.body.contains("Contar palavras"))
    }

    @Test(arguments: ["#DisplayArea", ".help-content", "div"])
    func contentSelectorPicksTheElement(selector: String) throws {
        let options = ArticleParserOptions(contentSelector: try ContentSelector(parsing: selector))
        let article = try parseFixture("content-selector.html", options: options)
        if selector == "div" {
            // The first <div> in document order is the index.
            #expect(article.body == "Índice FORA\n")
        } else {
            #expect(
                article.body == """
                    Contar palavras
                    O número de palavras aparece na barra de status.
                    Como contar?
                    Cada texto entre dois espaços é uma palavra.

                    """
            )
            #expect(article.headings == ["Contar palavras", "Como contar?"])
        }
    }

    @Test func contentSelectorWithoutMatchFallsBackToDefaultRule() throws {
        let options = ArticleParserOptions(contentSelector: .id("NoSuchElement"))
        let article = try parseFixture("main-element.html", options: options)
        #expect(article.body == "Segunda via do boleto\nAcesse Financeiro e clique em Boletos.\n")
    }

    @Test func contentSelectorMatchingAnEmptyElementFallsBack() throws {
        let html = "<div id='vazio'> </div><main><p>Conteúdo.</p></main>"
        let options = ArticleParserOptions(contentSelector: .id("vazio"))
        let article = try ArticleParser(options: options).parse(html: html, path: "v.html")
        #expect(article.body == "Conteúdo.\n")
    }

    // MARK: - Text

    @Test func decodesEntities() throws {
        let article = try parseFixture("entities.html")
        #expect(article.title == "Perguntas & respostas – FAQ")
        #expect(
            article.body == """
                Preço: R$ 10 < R$ 20 > 5 & mais
                Cação, maçã e época
                “Aspas” – travessão — fim…

                """
        )
    }

    @Test func collapsesWhitespaceAndKeepsBlocksAsLines() throws {
        let article = try parseFixture("blocks-and-whitespace.html")
        #expect(
            article.body == """
                Primeira linha com quebras
                Texto emlinha junto .
                Depois da quebra
                Item um
                Item dois
                Plano
                Preço
                Básico
                R$ 10
                Citação
                Termo
                Definição
                linha 1
                linha 2
                linha 3
                Título pequeno
                Seção final

                """
        )
        #expect(article.headings == ["Título pequeno"])
    }

    @Test func bodyLinesAreNeverEmptyNorPadded() throws {
        let article = try parseFixture("page-chrome.html")
        for line in article.body.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            #expect(!line.isEmpty)
            #expect(line.first != " " && line.last != " ")
        }
        #expect(article.body.hasSuffix("\n"))
    }

    @Test func headingsAreH1ToH3InDocumentOrder() throws {
        let html = "<h2>B</h2><h1>A</h1><h4>D</h4><h3>C</h3><h2> </h2><p>x</p>"
        let article = try parser.parse(html: html, path: "h.html")
        #expect(article.headings == ["B", "A", "C"])
        #expect(article.body == "B\nA\nD\nC\nx\n")
    }

    @Test func unicodeSpacesCollapseAndZeroWidthSpacesVanish() throws {
        let article = try parser.parse(html: "<p>a\u{00A0}\u{00A0}b\u{2003}c\u{200B}d\u{3000}e</p>", path: "s.html")
        #expect(article.body == "a b cd e\n")
    }

    // MARK: - Metadata

    @Test func readsKnowledgeBaseMetadata() throws {
        let article = try parseFixture("metadata.html")
        #expect(article.id == "conta/redefinir-senha")
        #expect(article.category == "Conta")
        #expect(article.product == "App Móvel")
        #expect(article.tags == ["senha", "login", "acesso"])
        #expect(article.url == "https://ajuda.exemplo.com.br/conta/redefinir-senha")
        #expect(article.updated == "2026-10-02")
        #expect(article.summary == "Como criar uma nova senha quando esquecer a atual.")
    }

    @Test func idDefaultsToPathAndMetadataToNil() throws {
        let article = try parseFixture("main-element.html")
        #expect(article.id == "main-element.html")
        #expect(article.category == nil && article.product == nil && article.url == nil && article.updated == nil)
        #expect(article.tags.isEmpty)
    }

    @Test func summaryIsFirstParagraphCutAtWordBoundary() throws {
        let article = try parseFixture("summary-from-first-paragraph.html")
        #expect(article.summary.hasPrefix("Este é o primeiro parágrafo do artigo"))
        #expect(article.summary.hasSuffix("…"))
        #expect(article.summary.unicodeScalars.count <= ArticleParserOptions.defaultMaximumSummaryLength + 1)
        #expect(article.summary.unicodeScalars.count > 250)
        // The cut falls between words.
        let withoutEllipsis = article.summary.dropLast()
        let paragraph = article.body.split(separator: "\n")[1]
        #expect(paragraph.hasPrefix(withoutEllipsis))
        let next = paragraph.dropFirst(withoutEllipsis.count).first
        #expect(next == " ")
    }

    @Test func summaryFallsBackToFirstLineOutsideHeadings() throws {
        let article = try parser.parse(html: "<h1>Título</h1><ul><li>Primeiro item</li></ul>", path: "l.html")
        #expect(article.summary == "Primeiro item")
    }

    @Test(arguments: [
        ("curto", 10, "curto"),
        ("uma frase com várias palavras", 10, "uma frase…"),
        ("abc, def ghi", 5, "abc…"),
        ("palavralongademaissemespaco", 8, "palavral…"),
        ("ação ação ação", 9, "ação ação…"),
    ])
    func truncatesAtWordBoundary(text: String, limit: Int, expected: String) {
        #expect(ArticleParser.truncated(text, maximumCharacters: limit) == expected)
    }

    // MARK: - Charsets

    @Test func decodesWindows1252Page() throws {
        let article = try parseFixture("windows-1252.html")
        #expect(article.title == "Promoção de verão")
        #expect(article.body == "“Oferta” – só até sexta: €10 de desconto… Ação válida para cartões.\n")
    }

    @Test func decodesISO88591Page() throws {
        let article = try parseFixture("iso-8859-1.html")
        #expect(article.title == "Atenção: manutenção")
        #expect(article.body == "O serviço estará indisponível às 22h. Não é necessário reiniciar o modem.\n")
    }

    @Test func replacesInvalidUTF8WithReplacementCharacter() throws {
        let article = try parseFixture("invalid-utf8.html")
        #expect(article.title == "Configuração")
        #expect(article.body == "Byte inválido: \u{FFFD} e sequência cortada: \u{FFFD} fim. Ação ok.\n")
    }

    @Test func stringInputIsNotReinterpretedByItsCharsetDeclaration() throws {
        let html = "<meta charset='iso-8859-1'><p>Ação</p>"
        #expect(try parser.parse(html: html, path: "s.html").body == "Ação\n")
    }

    // MARK: - Rejected input

    @Test func rejectsEmptyFile() {
        #expect(
            parseError { () throws(ArticleParseError) in try parser.parse([], path: "vazio.html") }
                == ArticleParseError(path: "vazio.html", reason: .empty))
        #expect(
            parseError { () throws(ArticleParseError) in try parser.parse(Array(" \n\t\n".utf8), path: "branco.html") }
                == ArticleParseError(path: "branco.html", reason: .empty))
    }

    @Test func rejectsBinaryFile() {
        let png: [UInt8] = [
            0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
        ]
        #expect(
            parseError { () throws(ArticleParseError) in try parser.parse(png, path: "imagem.html") }
                == ArticleParseError(path: "imagem.html", reason: .binary))
    }

    @Test func rejectsFileOverSizeLimit() throws {
        let options = ArticleParserOptions(maximumFileSize: 100)
        let html = Array(("<p>" + String(repeating: "texto ", count: 50) + "</p>").utf8)
        let error = parseError { () throws(ArticleParseError) in
            try ArticleParser(options: options).parse(html, path: "grande.html")
        }
        #expect(error == ArticleParseError(path: "grande.html", reason: .tooLarge(size: html.count, limit: 100)))
    }

    @Test func rejectsFileOverSizeLimitBeforeReadingIt() throws {
        try ArticleFixtures.withTemporaryFolder { folder in
            let url = try ArticleFixtures.write(
                Array(repeating: UInt8(ascii: "a"), count: 5_000), to: "grande.html", in: folder)
            let parser = ArticleParser(options: ArticleParserOptions(maximumFileSize: 4_096))
            let error = parseError { () throws(ArticleParseError) in
                try parser.parse(contentsOf: url, path: "grande.html")
            }
            #expect(error == ArticleParseError(path: "grande.html", reason: .tooLarge(size: 5_000, limit: 4_096)))
        }
    }

    @Test(arguments: [300, 5_000, 100_000])
    func rejectsMarkupNestedTooDeeply(levels: Int) {
        let html = String(repeating: "<div>", count: levels) + "fundo" + String(repeating: "</div>", count: levels)
        let error = parseError { () throws(ArticleParseError) in try parser.parse(html: html, path: "fundo.html") }
        #expect(error == ArticleParseError(path: "fundo.html", reason: .tooDeep(limit: 256)))
    }

    @Test func acceptsMarkupJustWithinTheDepthLimit() throws {
        let html = String(repeating: "<div>", count: 200) + "fundo" + String(repeating: "</div>", count: 200)
        #expect(try parser.parse(html: html, path: "raso.html").body == "fundo\n")
    }

    @Test func rejectsPageWithoutText() {
        let error = parseError { () throws(ArticleParseError) in
            try parser.parse(contentsOf: ArticleFixtures.url("no-text.html"), path: "no-text.html")
        }
        #expect(error == ArticleParseError(path: "no-text.html", reason: .noText))
    }

    @Test func reportsMissingFileWithSystemMessage() {
        let url = ArticleFixtures.url("does-not-exist.html")
        let error = parseError { () throws(ArticleParseError) in
            try parser.parse(contentsOf: url, path: "does-not-exist.html")
        }
        #expect(
            error == ArticleParseError(path: "does-not-exist.html", reason: .unreadable("No such file or directory")))
    }

    @Test func reportsFolderPassedAsFile() throws {
        try ArticleFixtures.withTemporaryFolder { folder in
            let error = parseError { () throws(ArticleParseError) in
                try parser.parse(contentsOf: folder, path: "pasta.html")
            }
            #expect(error == ArticleParseError(path: "pasta.html", reason: .unreadable("Is a directory")))
        }
    }

    @Test(.enabled(if: getuid() != 0, "root reads files whatever their permissions"))
    func reportsUnreadableFileWithSystemMessage() throws {
        try ArticleFixtures.withTemporaryFolder { folder in
            let url = try ArticleFixtures.write(Array("<p>x</p>".utf8), to: "fechado.html", in: folder)
            chmod(url.path, 0)
            let error = parseError { () throws(ArticleParseError) in
                try parser.parse(contentsOf: url, path: "fechado.html")
            }
            #expect(error == ArticleParseError(path: "fechado.html", reason: .unreadable("Permission denied")))
        }
    }

    @Test func brokenMarkupIsRecovered() throws {
        let html = "<html><body><p>Um <b>negrito <i>e itálico</p><div>Dois</span></div><p>Três"
        let article = try parser.parse(html: html, path: "quebrado.html")
        #expect(article.body == "Um negrito e itálico\nDois\nTrês\n")
    }

    // MARK: - Concurrency

    @Test func parsesFromManyTasksAtOnce() async throws {
        let names = [
            "page-chrome.html", "metadata.html", "windows-1252.html", "entities.html", "content-selector.html",
        ]
        let expected = try names.map { try parseFixture($0) }
        let parser = self.parser
        let results = try await withThrowingTaskGroup(of: (Int, Article).self) { group in
            for round in 0..<40 {
                let index = round % names.count
                group.addTask {
                    let url = ArticleFixtures.url(names[index])
                    return (index, try parser.parse(contentsOf: url, path: names[index]))
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 40)
        for (index, article) in results {
            #expect(article == expected[index])
        }
    }
}
