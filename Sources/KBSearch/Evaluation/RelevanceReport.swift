/// The result of evaluating a run against qrels (``RelevanceMetrics``): the figures of every
/// evaluated query and their means.
///
/// The means follow the reference script, `evaluate.py`: each measure is summed over the
/// evaluated queries in their qrels order and the sum divided by their number. Every query with
/// a relevant document counts, including those the run has no line for (they score 0); queries
/// without a relevant document do not count, even if the run has results for them (they are
/// listed in ``unscoredRunQueryIDs``).
public struct RelevanceReport: Sendable, Equatable {
    /// The figures of one evaluated query.
    public struct Query: Sendable, Equatable {
        /// The query id.
        public var queryID: String
        /// The number of distinct relevant documents, at least 1.
        public var relevantCount: Int
        /// The number of lines the run has for the query (duplicates included); 0 when it has
        /// none.
        public var retrievedCount: Int
        /// The query's figures.
        public var figures: RelevanceFigures

        /// Creates the figures of one query.
        public init(queryID: String, relevantCount: Int, retrievedCount: Int, figures: RelevanceFigures) {
            self.queryID = queryID
            self.relevantCount = relevantCount
            self.retrievedCount = retrievedCount
            self.figures = figures
        }
    }

    /// The evaluated queries, in qrels order (the order of each query's first relevant line).
    public let queries: [Query]

    /// The means over ``queries``, or `nil` when no query was evaluated (`evaluate.py` then
    /// prints no measure at all).
    public let mean: RelevanceFigures?

    /// The queries the run has lines for but the qrels give no relevant document, in run
    /// order; they are not part of the means. With the ticket set, these are the no-answer
    /// queries for which the engine suggested something.
    public let unscoredRunQueryIDs: [String]

    /// The number of evaluated queries, `evaluate.py`'s `queries=`.
    public var queryCount: Int { queries.count }

    /// Creates a report and computes the means of `queries`, summed in the order given.
    public init(queries: [Query], unscoredRunQueryIDs: [String] = []) {
        self.queries = queries
        self.unscoredRunQueryIDs = unscoredRunQueryIDs
        guard !queries.isEmpty else {
            mean = nil
            return
        }
        var sums = [Double](repeating: 0, count: RelevanceFigures.labels.count)
        for query in queries {
            for (index, value) in query.figures.values.enumerated() {
                sums[index] += value
            }
        }
        let count = Double(queries.count)
        mean = RelevanceFigures(
            ndcgAt10: sums[0] / count, reciprocalRankAt10: sums[1] / count, precisionAt1: sums[2] / count,
            recallAt10: sums[3] / count, recallAt100: sums[4] / count)
    }

    /// The line `evaluate.py` prints for a run, character for character:
    /// `RUN queries=110 ndcg@10=0.5123 mrr@10=0.6000 p@1=0.4545 recall@10=0.7000 recall@100=0.9000`,
    /// where `RUN` is `runName` (`evaluate.py` prints the run file's path as it was given).
    /// With no evaluated query, it ends after `queries=0 `, trailing space included.
    public func summaryLine(runName: String) -> String {
        "\(runName) queries=\(queryCount) \(mean?.formatted ?? "")"
    }

    /// A text report: with `includingQueries`, first a table of every evaluated query's
    /// figures (4 decimals, `evaluate.py`'s rounding) and a line listing the unscored run
    /// queries if any; then ``summaryLine(runName:)``. Lines end with `\n`.
    public func formatted(runName: String = "run", includingQueries: Bool = false) -> String {
        var text = ""
        if includingQueries {
            let header = ["query", "relevant", "retrieved"] + RelevanceFigures.labels
            let rows =
                [header]
                + queries.map { query in
                    [query.queryID, String(query.relevantCount), String(query.retrievedCount)]
                        + query.figures.values.map(RelevanceFigures.decimal)
                }
            var widths = header.map(\.count)
            for row in rows {
                for (column, cell) in row.enumerated() {
                    widths[column] = max(widths[column], cell.count)
                }
            }
            for row in rows {
                let cells = row.enumerated().map { column, cell in
                    let padding = String(repeating: " ", count: widths[column] - cell.count)
                    return column == 0 ? cell + padding : padding + cell
                }
                text += cells.joined(separator: "  ") + "\n"
            }
            if !unscoredRunQueryIDs.isEmpty {
                text += "not scored (no relevant judgment), \(unscoredRunQueryIDs.count) run queries: "
                text += unscoredRunQueryIDs.joined(separator: " ") + "\n"
            }
        }
        text += summaryLine(runName: runName) + "\n"
        return text
    }
}
