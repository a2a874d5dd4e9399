import Foundation
public import KBIndex

/// A small index of eight help articles, written once per process, for the targets that
/// search: enough vocabulary for prefix completions, typo corrections, synonyms, phrases and
/// filters to find something.
public enum SampleIndex {
    /// The sample articles: Portuguese help pages with categories, products and tags.
    public static let articles: [Article] = [
        Article(
            id: "conta/redefinir-senha", title: "Como redefinir a senha do Portal do Cliente",
            headings: ["Esqueci minha senha", "Senha bloqueada"],
            body: "Esqueci minha senha\nClique em Esqueci a senha na tela de login.\nSenha bloqueada\n"
                + "Após cinco tentativas a conta é bloqueada por 30 minutos.\n",
            summary: "Clique em Esqueci a senha na tela de login.", category: "Conta", product: "Portal",
            tags: ["senha", "login"]),
        Article(
            id: "fiscal/emitir-nota", title: "Emitir nota fiscal eletrônica (NF-e)",
            headings: ["Antes de emitir"],
            body: "Antes de emitir\nConfira o CNPJ e a inscrição estadual.\nA NF-e é enviada à SEFAZ e o XML "
                + "fica disponível para download.\n",
            category: "Fiscal", product: "Integra", tags: ["nota fiscal", "nfe"]),
        Article(
            id: "fiscal/cancelar-nota", title: "Cancelar uma nota fiscal",
            body:
                "O cancelamento da nota fiscal é possível em até 24 horas.\nDepois disso emita uma carta de correção.\n",
            category: "Fiscal", product: "Integra", tags: ["nota fiscal"]),
        Article(
            id: "suporte/impressora", title: "A impressora não imprime frente e verso",
            headings: ["Configurações da impressora"],
            body: "Configurações da impressora\nAbra as Configurações, escolha Impressão duplex e salve.\n"
                + "Se o erro 0x80070005 aparecer, reinstale o driver 7.4.\n",
            category: "Suporte", product: "Desktop", tags: ["impressão"]),
        Article(
            id: "conta/email", title: "Trocar o e-mail de acesso",
            body: "Em Perfil, altere o e-mail e confirme pelo link enviado para suporte@example.com.br.\n",
            category: "Conta", product: "Portal", tags: ["e-mail"]),
        Article(
            id: "chamados/abrir", title: "Abrir um chamado",
            headings: ["Anexar arquivos", "Prioridade"],
            body: "Anexar arquivos\nAnexe prints de até 10 MB (PNG, JPG ou PDF).\nPrioridade\n"
                + "Chamados urgentes são respondidos em até 4 horas úteis.\n",
            category: "Chamados", product: "Portal", tags: ["chamado", "anexo"]),
        Article(
            id: "integra/configuracao", title: "Arquivo integra.config",
            body: "O arquivo integra.config guarda a URL https://api.example.com.br/v2 e o token.\n"
                + "Depois de alterar, reinicie o serviço IntegraSync.\n",
            category: "Integra", product: "Integra", tags: ["configuração"]),
        Article(
            id: "atendimento/horarios", title: "Canais e horários de atendimento",
            body: "Atendimento por chat das 8h às 18h, de segunda a sexta-feira.\nTelefone 0800 123 4567.\n",
            category: "Atendimento", tags: []),
    ]

    /// The categories of ``articles``, plus one that no article has.
    public static let categories = ["Conta", "Fiscal", "Suporte", "Chamados", "Integra", "Atendimento", "Vendas"]

    /// Writes ``articles`` with `analyzer` into a scratch file, opens it, and deletes the file
    /// (the open reader keeps its mapping).
    public static func open(analyzer: AnalyzerOptions = .default) -> IndexReader {
        let file = ScratchFile("sample-\(analyzer.stemmer.rawValue).idx")
        defer { file.remove() }
        do {
            let writer = try IndexWriter(options: IndexWriterOptions(analyzer: analyzer))
            let analyzerValue = Analyzer(options: analyzer)
            for article in articles {
                try writer.add(AnalyzedArticle(article, analyzer: analyzerValue))
            }
            _ = try writer.write(to: URL(fileURLWithPath: file.path))
            return try IndexReader.open(path: file.path, verifyChecksums: true)
        } catch {
            fatalError("cannot build the sample index: \(error)")
        }
    }
}
