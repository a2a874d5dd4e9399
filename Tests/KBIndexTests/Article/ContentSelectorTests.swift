import Testing

@testable import KBIndex

@Suite struct ContentSelectorTests {
    @Test(arguments: [
        ("#DisplayArea", ContentSelector.id("DisplayArea")),
        (".article-body", .className("article-body")),
        ("main", .tag("main")),
        ("  ARTICLE \n", .tag("article")),
        ("h1", .tag("h1")),
        ("#conteúdo_principal", .id("conteúdo_principal")),
    ])
    func parsesSupportedForms(text: String, expected: ContentSelector) throws {
        #expect(try ContentSelector(parsing: text) == expected)
    }

    @Test(arguments: [
        ("", ContentSelectorError.Problem.empty),
        ("   ", .empty),
        ("#", .missingName),
        (".", .missingName),
        ("div.note", .unsupportedCharacter(".")),
        ("main p", .unsupportedCharacter(" ")),
        ("#a > b", .unsupportedCharacter(" ")),
        ("[role=main]", .unsupportedCharacter("[")),
        ("*", .unsupportedCharacter("*")),
        ("#a,#b", .unsupportedCharacter(",")),
        (".a.b", .unsupportedCharacter(".")),
        ("1div", .unsupportedCharacter("1")),
    ])
    func rejectsOtherSyntax(text: String, problem: ContentSelectorError.Problem) {
        #expect(throws: ContentSelectorError(selector: text, problem: problem)) {
            try ContentSelector(parsing: text)
        }
    }

    @Test func errorMessageNamesSelectorAndAcceptedForms() {
        let error = ContentSelectorError(selector: "main p", problem: .unsupportedCharacter(" "))
        #expect(
            error.description
                == "invalid content selector \"main p\": \" \" is not supported; use #id, .class or a tag name.")
        #expect(
            ContentSelectorError(selector: "", problem: .empty).description
                == "invalid content selector \"\": it is empty; use #id, .class or a tag name.")
        #expect(
            ContentSelectorError(selector: "#", problem: .missingName).description
                == "invalid content selector \"#\": a name must follow \"#\" or \".\"; use #id, .class or a tag name.")
    }

    @Test(arguments: ["#DisplayArea", ".help-content", "main"])
    func descriptionRoundTrips(text: String) throws {
        let selector = try ContentSelector(parsing: text)
        #expect(selector.description == text)
        #expect(try ContentSelector(parsing: selector.description) == selector)
    }

    @Test func classSelectorMatchesOneOfSeveralClasses() throws {
        let html = "<div class='a'>Fora</div><div class=' x  help-content y '>Dentro</div>"
        let parser = ArticleParser(options: ArticleParserOptions(contentSelector: .className("help-content")))
        #expect(try parser.parse(html: html, path: "c.html").body == "Dentro\n")
    }

    @Test func idSelectorIsCaseSensitive() throws {
        let html = "<div id='displayarea'>Minúsculas</div><div id='DisplayArea'>Certo</div>"
        let parser = ArticleParser(options: ArticleParserOptions(contentSelector: .id("DisplayArea")))
        #expect(try parser.parse(html: html, path: "i.html").body == "Certo\n")
    }

    @Test func selectorIgnoresMatchesInsideTemplates() throws {
        let html = "<template><div id='alvo'>Modelo</div></template><div id='alvo'>Real</div>"
        let parser = ArticleParser(options: ArticleParserOptions(contentSelector: .id("alvo")))
        #expect(try parser.parse(html: html, path: "t.html").body == "Real\n")
    }
}
