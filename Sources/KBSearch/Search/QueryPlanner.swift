import Foundation
import KBIndex

/// Turns a parsed ``Query`` into a ``SearchPlan`` over one index: analyzes each clause with
/// the index's analyzer, looks its terms up, completes the last word as a prefix, and sorts
/// clauses into optional, required and excluded.
///
/// Semantics (documented for users in the README):
/// - a plain word is optional; `+word` is required; `-word` excludes;
/// - a quoted phrase is required (`-"…"` excludes it);
/// - a word that analyzes to nothing (a stop word, punctuation) is dropped;
/// - a word that analyzes to several terms (`Err:502`) is that many words, except when
///   excluded;
/// - a required word or phrase that is not in the index makes the query match nothing;
/// - a query of exclusions only matches nothing (there is nothing to rank).
struct QueryPlanner {
    let reader: IndexReader
    let bm25: BM25
    let settings: SearchSettings
    let synonyms: AnalyzedSynonyms

    /// Plans `query`; `boosts`, when given, scales each clause's terms (one per clause).
    func plan(_ query: Query, request: SearchRequest, boosts: [Double]? = nil) throws(IndexFormatError)
        -> SearchPlan
    {
        var plan = SearchPlan(
            optional: [], required: [], excluded: [], canMatch: true, terms: [], unmatchedWords: [],
            unmatchedClauses: [], corrections: [:])
        for (clauseIndex, clause, tokens) in units(of: query) {
            let clauseBoost = boosts?[clauseIndex] ?? 1
            if tokens.isEmpty { continue }
            if clause.isPhrase && tokens.count > 1 {
                guard let scorer = try phrase(tokens, occurrence: clause.occurrence, queryClause: clauseIndex) else {
                    if clause.occurrence != .mustNot { plan.canMatch = false }
                    continue
                }
                if clause.occurrence == .mustNot {
                    plan.excluded.append(scorer)
                } else {
                    plan.required.append(scorer)
                    plan.terms.formUnion(tokens.map(\.term))
                }
                continue
            }
            let completes = clause.isPrefix && request.prefixLastWord && clause.occurrence != .mustNot
            let typos = request.typoTolerance && clause.occurrence != .mustNot
            var candidates = try wordTerms(
                clause.text, tokens: tokens, completes: completes, typos: typos, plan: &plan)
            if clause.occurrence != .mustNot, let term = AnalyzedSynonyms.termSequence(tokens).first {
                try addSynonyms(of: term, to: &candidates, plan: &plan, boost: clauseBoost, queryClause: clauseIndex)
            }
            guard !candidates.isEmpty else {
                switch clause.occurrence {
                case .mustNot: break
                case .must: plan.canMatch = false
                case .should:
                    if clause.isPhrase {
                        plan.canMatch = false
                    } else {
                        plan.unmatchedWords.append(clause.text)
                        plan.unmatchedClauses.append(clauseIndex)
                    }
                }
                continue
            }
            var scorers: [TermScorer] = []
            for (info, boost) in candidates {
                scorers.append(
                    TermScorer(cursor: try reader.postings(for: info), boost: boost * clauseBoost, bm25: bm25))
            }
            let isCorrection = plan.corrections[clause.text] != nil
            let scorer = ClauseScorer(
                terms: scorers, kind: .word, occurrence: clause.occurrence, isCorrection: isCorrection,
                boost: clauseBoost, queryClauses: clauseIndex..<clauseIndex + 1)
            switch clause.occurrence {
            case .mustNot:
                plan.excluded.append(scorer)
            case .must:
                plan.required.append(scorer)
            case .should:
                if clause.isPhrase { plan.required.append(scorer) } else { plan.optional.append(scorer) }
            }
            if clause.occurrence != .mustNot { plan.terms.formUnion(candidates.map(\.0.term)) }
        }
        try addSynonymsOfPhrases(query, boosts: boosts, plan: &plan)
        // Cheapest required clause first: it drives the leapfrog. Optional clauses in
        // ascending bound order (MaxScore's order); ties by position in the query.
        plan.required.sort { $0.cost < $1.cost }
        plan.optional = plan.optional.enumerated()
            .sorted { ($0.element.upperBound, $0.offset) < ($1.element.upperBound, $1.offset) }
            .map(\.element)
        return plan
    }

    /// The query's clauses as the planner ranks them, each with the index of the clause it
    /// comes from and its tokens. A word that analyzes to several terms ("Err:502",
    /// "A1:A10", "v2.0") counts as that many words, as if typed with spaces between them:
    /// each part adds to the score instead of the best part standing for all of them, and
    /// re-ranking rewards the parts for being adjacent. An excluded word keeps its parts
    /// together (its alternatives all exclude), and so does a phrase.
    private func units(of query: Query) -> [(clauseIndex: Int, clause: Query.Clause, tokens: [Token])] {
        var result: [(clauseIndex: Int, clause: Query.Clause, tokens: [Token])] = []
        for (clauseIndex, clause) in query.clauses.enumerated() {
            let tokens = reader.analyzer.analyze(clause.text)
            guard !clause.isPhrase, clause.occurrence != .mustNot, tokens.count > 1,
                tokens.contains(where: { $0.term != tokens[0].term })
            else {
                result.append((clauseIndex, clause, tokens))
                continue
            }
            let bytes = Array(clause.text.utf8)
            for (index, token) in tokens.enumerated() {
                var part = clause
                part.text = String(decoding: bytes[token.startOffset..<token.endOffset], as: UTF8.self)
                part.isPrefix = clause.isPrefix && index == tokens.count - 1
                result.append((clauseIndex, part, [token]))
            }
        }
        return result
    }

    /// The index terms a word clause searches, with their boosts: the word's own terms,
    /// completions when the word is being typed, and typo corrections when none of the
    /// word's own terms is in the index.
    private func wordTerms(_ text: String, tokens: [Token], completes: Bool, typos: Bool, plan: inout SearchPlan)
        throws(IndexFormatError) -> [(TermInfo, Double)]
    {
        var result: [(TermInfo, Double)] = []
        var seen: Set<String> = []
        for token in tokens where !seen.contains(token.term) {
            seen.insert(token.term)
            if let info = try reader.terms.lookup(token.term) { result.append((info, 1)) }
        }
        if result.isEmpty && typos, let word = tokens.first?.term {
            let corrections = try typoCorrections(of: word, typed: text)
            if let best = corrections.first { plan.corrections[text] = best.0.term }
            result.append(contentsOf: corrections)
            for (info, _) in corrections { seen.insert(info.term) }
        }
        guard completes, let partial = reader.analyzer.normalize(text).last?.term,
            partial.count >= settings.minimumPrefixCharacters
        else { return result }
        // Read up to prefixScanLimit completions as bytes; only the most frequent become entries.
        let prefixBytes = Array(partial.utf8)
        var completions: [TermEntry] = []
        var scanned = 0
        try reader.terms.forEachTerm(fromBytes: prefixBytes) { (entry) throws(IndexFormatError) -> Bool in
            guard entry.bytes.starts(with: prefixBytes), scanned < settings.prefixScanLimit else { return false }
            scanned += 1
            completions.append(entry)
            return true
        }
        completions.sort {
            $0.documentFrequency != $1.documentFrequency
                ? $0.documentFrequency > $1.documentFrequency : $0.bytes.lexicographicallyPrecedes($1.bytes)
        }
        var added = 0
        for entry in completions where added < settings.maximumPrefixExpansions {
            let info = entry.info
            guard !seen.contains(info.term) else { continue }
            result.append((info, settings.prefixBoost))
            added += 1
        }
        return result
    }

    /// Index terms within the allowed edits of the word the customer typed as `typed`, best
    /// first, with their boosts. Index terms are stems, and a misspelled word often does not
    /// stem like the word it misspells ("imprmir" keeps its ending, "imprimir" stems to
    /// "imprim"), so when the word's analyzed `term` has no match the matcher is run on the
    /// normalized word without its last one, two, then three characters (the part a stemmer
    /// may remove), never shorter than four characters, stopping at the first probe that
    /// matches.
    private func typoCorrections(of term: String, typed: String) throws(IndexFormatError) -> [(TermInfo, Double)] {
        let allowed = TypoMatcher.maximumDistance(forWordOfLength: typed.unicodeScalars.count)
        guard allowed > 0 else { return [] }
        let matcher = TypoMatcher(maximumExpansions: settings.maximumTypoExpansions)
        var best: [String: Int] = [:]
        var statistics = TypoMatcher.Statistics()
        func collect(_ matches: [TypoMatcher.Match]) {
            for match in matches where match.distance > 0 && match.term != term {
                best[match.term] = min(best[match.term] ?? .max, match.distance)
            }
        }
        do {
            collect(try matcher.matches(for: term, maximumDistance: allowed, in: reader.terms, statistics: &statistics))
            // The word without its last one, two, then three characters, in one walk; the
            // longest that matches anything wins.
            if best.isEmpty, let word = reader.analyzer.normalize(typed).first?.term {
                let scalars = word.unicodeScalars.map(\.value)
                let lengths = (1...3).map { scalars.count - $0 }.filter { $0 >= 4 }
                if !lengths.isEmpty {
                    let found = try matcher.matches(
                        forPrefixes: lengths, of: scalars, maximumDistance: allowed, in: reader.terms,
                        statistics: &statistics)
                    for matches in found where best.isEmpty { collect(matches) }
                }
            }
        } catch let error as IndexFormatError {
            throw error
        } catch {
            return []
        }
        var result: [(TermInfo, Double)] = []
        for (candidate, distance) in best {
            guard let info = try reader.terms.lookup(candidate) else { continue }
            result.append((info, pow(settings.typoBoost, Double(distance))))
        }
        // Closest first, then the most frequent: the first is the "did you mean" correction.
        result.sort { ($0.1, $0.0.documentFrequency, $1.0.term) > ($1.1, $1.0.documentFrequency, $0.0.term) }
        return Array(result.prefix(settings.maximumTypoExpansions))
    }

    /// Adds the synonyms of a word's `term`: one-word synonyms as alternatives of the word,
    /// several-word synonyms ("nota fiscal" for "nf") as optional phrase clauses.
    private func addSynonyms(
        of term: String, to candidates: inout [(TermInfo, Double)], plan: inout SearchPlan, boost: Double,
        queryClause: Int
    ) throws(IndexFormatError) {
        for group in synonyms.groupsOfTerm[term] ?? [] {
            for entry in synonyms.groups[group] where entry != [term] {
                if entry.count == 1 {
                    guard !candidates.contains(where: { $0.0.term == entry[0] }),
                        let info = try reader.terms.lookup(entry[0])
                    else { continue }
                    candidates.append((info, settings.synonymBoost))
                    plan.terms.insert(info.term)
                } else if let phrase = try phrase(
                    terms: entry, boost: boost * settings.synonymBoost, queryClauses: queryClause..<queryClause + 1)
                {
                    plan.optional.append(phrase)
                    plan.terms.formUnion(entry)
                }
            }
        }
    }

    /// For runs of query words that form a several-word synonym ("nota fiscal"), adds an
    /// optional clause searching the group's one-word synonyms ("nf", "nfe").
    private func addSynonymsOfPhrases(_ query: Query, boosts: [Double]?, plan: inout SearchPlan)
        throws(IndexFormatError)
    {
        let analyzer = reader.analyzer
        let words = query.clauses.map { clause in
            clause.occurrence == .mustNot ? [] : AnalyzedSynonyms.termSequence(analyzer.analyze(clause.text))
        }
        let sequence = words.flatMap { $0 }
        guard sequence.count >= 2 else { return }
        // The query clause each term of the sequence comes from.
        let owners = words.enumerated().flatMap { index, terms in [Int](repeating: index, count: terms.count) }
        for group in synonyms.groups {
            for entry in group where entry.count >= 2 {
                guard let start = firstOccurrence(of: entry, in: sequence) else { continue }
                var scorers: [TermScorer] = []
                for single in group where single.count == 1 {
                    guard let info = try reader.terms.lookup(single[0]) else { continue }
                    scorers.append(
                        TermScorer(cursor: try reader.postings(for: info), boost: settings.synonymBoost, bm25: bm25))
                    plan.terms.insert(info.term)
                }
                if !scorers.isEmpty {
                    let covered = owners[start]..<owners[start + entry.count - 1] + 1
                    plan.optional.append(
                        ClauseScorer(terms: scorers, kind: .word, occurrence: .should, queryClauses: covered))
                }
                break
            }
        }
    }

    /// Where `entry` first occurs as consecutive terms of `sequence`, if it does.
    private func firstOccurrence(of entry: [String], in sequence: [String]) -> Int? {
        guard entry.count <= sequence.count else { return nil }
        return (0...(sequence.count - entry.count)).first { start in
            sequence[start..<start + entry.count].elementsEqual(entry)
        }
    }

    /// An optional phrase clause of `terms` (consecutive positions), or nil when a term is
    /// not in the index.
    private func phrase(terms: [String], boost: Double, queryClauses: Range<Int>) throws(IndexFormatError)
        -> ClauseScorer?
    {
        var scorers: [TermScorer] = []
        for term in terms {
            guard let info = try reader.terms.lookup(term) else { return nil }
            scorers.append(TermScorer(cursor: try reader.postings(for: info), boost: boost, bm25: bm25))
        }
        return ClauseScorer(
            terms: scorers, kind: .phrase(offsets: Array(0..<terms.count)), occurrence: .should,
            queryClauses: queryClauses)
    }

    /// A phrase scorer, or nil when one of its terms is not in the index.
    private func phrase(_ tokens: [Token], occurrence: Query.Occurrence, queryClause: Int) throws(IndexFormatError)
        -> ClauseScorer?
    {
        var terms: [TermScorer] = []
        var offsets: [Int] = []
        var lastPosition = -1
        for token in tokens where token.position != lastPosition {
            lastPosition = token.position
            guard let info = try reader.terms.lookup(token.term) else { return nil }
            terms.append(TermScorer(cursor: try reader.postings(for: info), boost: 1, bm25: bm25))
            offsets.append(token.position - tokens[0].position)
        }
        return ClauseScorer(
            terms: terms, kind: .phrase(offsets: offsets), occurrence: occurrence,
            queryClauses: queryClause..<queryClause + 1)
    }
}
