/// The spill runs of one build, in run (doc id) order, and the merges that bring their
/// number down to what one k-way merge reads at once.
struct SpillRunSet {
    /// The run files, in run order.
    private(set) var paths: [String] = []
    private let workspace: TemporaryWorkspace
    private let name: String
    private var nextNumber = 1

    /// An empty set whose files live in `workspace`, named `<name>-<number>.kbrun`.
    init(workspace: TemporaryWorkspace, name: String = "run") {
        self.workspace = workspace
        self.name = name
    }

    /// The number of runs.
    var count: Int { paths.count }

    /// Writes `accumulator` as the next run.
    mutating func spill(_ accumulator: PostingsAccumulator) throws(IndexWriterError) {
        let path = makePath()
        try SpillRunWriter.write(accumulator, to: path)
        paths.append(path)
    }

    /// Merges consecutive runs, `fanIn` at a time, until at most `fanIn` remain.
    mutating func reduce(toAtMost fanIn: Int) throws(IndexWriterError) {
        precondition(fanIn >= 2, "a merge reads at least two runs")
        while paths.count > fanIn {
            var merged: [String] = []
            var start = 0
            while start < paths.count {
                let group = Array(paths[start..<min(start + fanIn, paths.count)])
                if group.count == 1 {
                    merged.append(group[0])
                } else {
                    merged.append(try merge(group))
                }
                start += fanIn
            }
            paths = merged
        }
    }

    /// Removes every run file (after the final merge, to free the disk early).
    mutating func removeAll() {
        for path in paths {
            SystemCall.removeFile(path)
        }
        paths.removeAll()
    }

    /// Readers over every run, in run order.
    func openReaders() throws(IndexWriterError) -> [SpillRunReader] {
        var readers: [SpillRunReader] = []
        readers.reserveCapacity(paths.count)
        for path in paths {
            readers.append(try SpillRunReader(path: path))
        }
        return readers
    }

    /// Merges `group` (consecutive runs) into one new run and removes the inputs.
    private mutating func merge(_ group: [String]) throws(IndexWriterError) -> String {
        var readers: [SpillRunReader] = []
        for path in group {
            readers.append(try SpillRunReader(path: path))
        }
        let path = makePath()
        let writer = try SpillRunWriter(path: path)
        var merge = RunMerge(cursors: readers)
        while try merge.next() {
            let members = merge.members.map { merge.cursors[$0] }
            try writer.append(
                term: merge.term, documentCount: members.reduce(0) { $0 + $1.documentCount },
                lastDocument: members[members.count - 1].lastDocument, payloads: members.map(\.payload),
                previousLastDocuments: members.dropLast().map(\.lastDocument))
        }
        try writer.finish()
        for input in group {
            SystemCall.removeFile(input)
        }
        return path
    }

    private mutating func makePath() -> String {
        defer { nextNumber += 1 }
        return workspace.path(for: "\(name)-\(nextNumber).kbrun")
    }
}
