import Foundation
public import KBIndex

/// Groups of words that mean the same (`senha, password`; `nf, nfe, nota fiscal`), applied
/// at query time: a query with one entry of a group also searches the others.
///
/// The shipped list is `Synonyms/Data/synonyms-pt.txt` (embedded); a deployment can pass its
/// own file in the same format: one group per line, entries separated by commas, `#` starts
/// a comment line.
public struct SynonymList: Sendable, Hashable {
    /// The groups, each a list of entries as written.
    public let groups: [[String]]

    /// Creates a list from groups directly.
    public init(groups: [[String]]) {
        self.groups = groups
    }

    /// Parses the file format; throws with the line number on a group of fewer than two entries.
    public init(parsing text: String, fileName: String = "synonyms.txt") throws(AnalysisDataError) {
        var groups: [[String]] = []
        for (number, content) in DataFileLines.contentLines(of: text) {
            let entries = content.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
            guard entries.count >= 2 else {
                throw AnalysisDataError(
                    file: fileName, line: number,
                    message: "a synonym group needs at least two entries separated by commas")
            }
            groups.append(entries)
        }
        self.groups = groups
    }

    /// The list shipped with kb.
    public static let standard: SynonymList = {
        do {
            return try SynonymList(parsing: String(decoding: PackageResources.synonyms_pt_txt, as: UTF8.self))
        } catch {
            preconditionFailure("the embedded synonyms-pt.txt is invalid: \(error)")
        }
    }()
}

/// A ``SynonymList`` analyzed with one index's analyzer: entries as term sequences.
struct AnalyzedSynonyms: Sendable {
    /// Each group's entries as term sequences (entries that analyze to nothing are dropped).
    let groups: [[[String]]]
    /// For each single term, the groups having it as a one-term entry.
    let groupsOfTerm: [String: [Int]]

    init(_ list: SynonymList, analyzer: Analyzer) {
        var groups: [[[String]]] = []
        var groupsOfTerm: [String: [Int]] = [:]
        for group in list.groups {
            let entries = group.map { analyzer.analyze($0) }.map(Self.termSequence).filter { !$0.isEmpty }
            guard entries.count >= 2 else { continue }
            for entry in entries where entry.count == 1 {
                groupsOfTerm[entry[0], default: []].append(groups.count)
            }
            groups.append(entries)
        }
        self.groups = groups
        self.groupsOfTerm = groupsOfTerm
    }

    /// The terms of `tokens` in order, a compound's whole standing for its parts (the parts
    /// lie inside the whole's bytes).
    static func termSequence(_ tokens: [Token]) -> [String] {
        var terms: [String] = []
        var end = 0
        for token in tokens where token.startOffset >= end {
            end = token.endOffset
            terms.append(token.term)
        }
        return terms
    }
}
