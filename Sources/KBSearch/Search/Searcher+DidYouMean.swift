import KBIndex

extension Searcher {
    /// The query text with every typo-corrected word replaced by a word of the knowledge base
    /// ("Você quis dizer …"), or nil when no word needed correcting.
    func didYouMean(_ text: String, corrections: [String: String]) throws(IndexFormatError) -> String? {
        guard !corrections.isEmpty else { return nil }
        var words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        var changed = false
        for index in words.indices {
            guard let term = corrections[words[index]], let surface = try surfaceForm(of: term) else { continue }
            words[index] = surface
            changed = true
        }
        return changed ? words.joined(separator: " ") : nil
    }

    /// A word of the indexed text whose term is `term` — index terms are stems ("imprim"),
    /// so a correction is shown as a word an article really contains ("imprimir"). Reads the
    /// title and body of the first document holding the term.
    func surfaceForm(of term: String) throws(IndexFormatError) -> String? {
        guard let info = try reader.terms.lookup(term) else { return nil }
        var postings = try reader.postings(for: info)
        let document = try postings.next()
        guard document != PostingsCursor.exhausted else { return nil }
        let stored = try reader.storedDocument(document)
        for text in [stored.title, stored.headings.joined(separator: "\n"), stored.body] {
            let bytes = Array(text.utf8)
            var found: String?
            reader.analyzer.forEachToken(in: text) { token in
                if found == nil && token.term == term {
                    found = String(decoding: bytes[token.startOffset..<token.endOffset], as: UTF8.self).lowercased()
                }
            }
            if let found { return found }
        }
        return nil
    }
}
