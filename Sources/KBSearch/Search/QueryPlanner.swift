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
/// - a required word or phrase that is not in the index makes the query match nothing;
/// - a query of exclusions only matches nothing (there is nothing to rank).
struct QueryPlanner {
    let reader: IndexReader
    let bm25: BM25
    let settings: SearchSettings

    /// Plans `query`; `boosts`, when given, scales each clause's terms (one per clause).
    func plan(_ query: Query, request: SearchRequest, boosts: [Double]? = nil) throws(IndexFormatError)
        -> SearchPlan
    {
        var plan = SearchPlan(
            optional: [], required: [], excluded: [], canMatch: true, terms: [], unmatchedWords: [],
            unmatchedClauses: [], corrections: [:])
        let analyzer = reader.analyzer
        for (clauseIndex, clause) in query.clauses.enumerated() {
            let clauseBoost = boosts?[clauseIndex] ?? 1
            let tokens = analyzer.analyze(clause.text)
            if tokens.isEmpty { continue }
            if clause.isPhrase && tokens.count > 1 {
                guard let scorer = try phrase(tokens, occurrence: clause.occurrence) else {
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
            let candidates = try wordTerms(
                clause.text, tokens: tokens, completes: completes, typos: typos, plan: &plan)
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
                boost: clauseBoost)
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
        // Cheapest required clause first: it drives the leapfrog. Optional clauses in
        // ascending bound order (MaxScore's order); ties by position in the query.
        plan.required.sort { $0.cost < $1.cost }
        plan.optional = plan.optional.enumerated()
            .sorted { ($0.element.upperBound, $0.offset) < ($1.element.upperBound, $1.offset) }
            .map(\.element)
        return plan
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
        var completions = try reader.terms.terms(withPrefix: partial, limit: settings.prefixScanLimit)
        completions.removeAll { seen.contains($0.term) }
        completions.sort {
            ($0.documentFrequency, $1.term) > ($1.documentFrequency, $0.term)
        }
        for info in completions.prefix(settings.maximumPrefixExpansions) {
            result.append((info, settings.prefixBoost))
        }
        return result
    }

    /// Index terms within the allowed edits of `term` (the analyzed form of the word the
    /// customer typed as `typed`), best first, with their boosts.
    private func typoCorrections(of term: String, typed: String) throws(IndexFormatError) -> [(TermInfo, Double)] {
        let allowed = TypoMatcher.maximumDistance(forWordOfLength: typed.unicodeScalars.count)
        guard allowed > 0 else { return [] }
        let matches: [TypoMatcher.Match]
        do {
            matches = try TypoMatcher(maximumExpansions: settings.maximumTypoExpansions)
                .matches(for: term, maximumDistance: allowed, in: reader.terms)
        } catch let error as IndexFormatError {
            throw error
        } catch {
            return []
        }
        var result: [(TermInfo, Double)] = []
        for match in matches where match.distance > 0 {
            guard let info = try reader.terms.lookup(match.term) else { continue }
            result.append((info, pow(settings.typoBoost, Double(match.distance))))
        }
        return result
    }

    /// A phrase scorer, or nil when one of its terms is not in the index.
    private func phrase(_ tokens: [Token], occurrence: Query.Occurrence) throws(IndexFormatError) -> ClauseScorer? {
        var terms: [TermScorer] = []
        var offsets: [Int] = []
        var lastPosition = -1
        for token in tokens where token.position != lastPosition {
            lastPosition = token.position
            guard let info = try reader.terms.lookup(token.term) else { return nil }
            terms.append(TermScorer(cursor: try reader.postings(for: info), boost: 1, bm25: bm25))
            offsets.append(token.position - tokens[0].position)
        }
        return ClauseScorer(terms: terms, kind: .phrase(offsets: offsets), occurrence: occurrence)
    }
}
