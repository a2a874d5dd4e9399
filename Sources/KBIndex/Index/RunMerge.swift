/// A k-way merge of sorted runs by term: yields each distinct term once, in byte order,
/// with the runs that hold it, in run order (which is doc id order).
///
/// ```swift
/// var merge = RunMerge(cursors: readers)
/// while try merge.next() {
///     for run in merge.members { ... merge.cursors[run].withPayload { ... } ... }
/// }
/// ```
struct RunMerge<Cursor: SortedRunCursor> {
    /// The runs, in run order.
    private(set) var cursors: [Cursor]
    /// The runs holding ``term``, in increasing run order.
    private(set) var members: [Int] = []
    /// The current term.
    private(set) var term: [UInt8] = []
    /// A binary min-heap of run indices, ordered by (current term, run index).
    private var heap: [Int] = []

    /// A merge of `cursors`, given in run order.
    init(cursors: [Cursor]) {
        self.cursors = cursors
        for index in cursors.indices where !cursors[index].isExhausted {
            push(index)
        }
    }

    /// Moves to the next term; false when every run is exhausted.
    mutating func next() throws(IndexWriterError) -> Bool {
        for index in members {
            try cursors[index].advance()
            if !cursors[index].isExhausted { push(index) }
        }
        members.removeAll(keepingCapacity: true)
        guard let first = pop() else { return false }
        members.append(first)
        term = cursors[first].term
        while let top = heap.first, cursors[top].term == term {
            members.append(pop()!)
        }
        return true
    }

    private func precedes(_ left: Int, _ right: Int) -> Bool {
        let order = cursors[left].term.withUnsafeBytes { left in
            cursors[right].term.withUnsafeBytes { right in ByteOrder.compare(left, right) }
        }
        return order < 0 || (order == 0 && left < right)
    }

    private mutating func push(_ index: Int) {
        heap.append(index)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard precedes(heap[child], heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func pop() -> Int? {
        guard let top = heap.first else { return nil }
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1
                let right = left + 1
                var smallest = parent
                if left < heap.count, precedes(heap[left], heap[smallest]) { smallest = left }
                if right < heap.count, precedes(heap[right], heap[smallest]) { smallest = right }
                if smallest == parent { break }
                heap.swapAt(parent, smallest)
                parent = smallest
            }
        }
        return top
    }
}
