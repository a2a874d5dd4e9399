import Testing

@testable import KBSearch

@Suite struct DamerauDistanceTests {
    @Test(arguments: [
        // Empty strings.
        ("", "", 0),
        ("", "abc", 3),
        ("abc", "", 3),
        ("ç", "", 1),
        // Identity.
        ("imprimir", "imprimir", 0),
        // Insertion, deletion, substitution.
        ("imprmir", "imprimir", 1),
        ("imprimir", "imprmir", 1),
        ("imprimir", "imprimyr", 1),
        ("relatorio", "relatórios", 2),
        ("kitten", "sitting", 3),
        // Transposition of adjacent characters.
        ("ferramnetas", "ferramentas", 1),
        ("ab", "ba", 1),
        ("abc", "bac", 1),
        ("çã", "ãç", 1),
        // Optimal string alignment: no substring is edited twice.
        ("ca", "abc", 3),
        // Accents are single characters (precomposed scalars), not two bytes.
        ("configuraçao", "configuração", 1),
        ("configuracao", "configuração", 2),
        ("é", "e", 1),
        ("ação", "acao", 2),
        ("ç", "ã", 1),
        // A decomposed accent is a second scalar.
        ("e\u{0301}", "é", 2),
        ("e\u{0301}", "e", 1),
        // Four-byte scalars count once.
        ("a😀b", "ab", 1),
        ("😀", "😁", 1),
    ])
    func distance(_ a: String, _ b: String, _ expected: Int) {
        #expect(DamerauDistance.distance(a, b) == expected, "\(a) → \(b)")
        #expect(DamerauDistance.distance(b, a) == expected, "\(b) → \(a)")
    }
}
