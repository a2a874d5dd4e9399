/// A scored document.
public struct ScoredDocument: Sendable, Hashable {
    /// The doc id.
    public var document: Int
    /// Its score.
    public var score: Double

    /// Creates a scored document.
    public init(document: Int, score: Double) {
        self.document = document
        self.score = score
    }

    /// Whether `self` ranks before `other`: higher score first, then lower doc id (the rule
    /// `evaluate.py` and every kb result list use).
    @inline(__always)
    public func ranksBefore(_ other: ScoredDocument) -> Bool {
        score != other.score ? score > other.score : document < other.document
    }
}

/// The best `capacity` scored documents seen so far: a bounded min-heap whose root is the
/// worst kept document (J. W. J. Williams, "Algorithm 232: Heapsort", 1964).
public struct TopK: Sendable {
    /// How many documents are kept.
    public let capacity: Int
    private var heap: [ScoredDocument] = []

    /// Creates an empty collector for the best `capacity` documents.
    public init(capacity: Int) {
        self.capacity = max(0, capacity)
        heap.reserveCapacity(self.capacity)
    }

    /// Whether `capacity` documents are kept.
    public var isFull: Bool { heap.count >= capacity }

    /// The score a new document must beat once full (`-infinity` before).
    public var threshold: Double { isFull && capacity > 0 ? heap[0].score : -.infinity }

    /// Offers a document; keeps it if it ranks before the worst kept one.
    @inline(__always)
    public mutating func insert(_ candidate: ScoredDocument) {
        guard capacity > 0 else { return }
        if heap.count < capacity {
            heap.append(candidate)
            siftUp(heap.count - 1)
        } else if candidate.ranksBefore(heap[0]) {
            heap[0] = candidate
            siftDown(0)
        }
    }

    /// The kept documents, best first.
    public func sorted() -> [ScoredDocument] {
        heap.sorted { $0.ranksBefore($1) }
    }

    // The root is the document that ranks last.
    private mutating func siftUp(_ index: Int) {
        var child = index
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[parent].ranksBefore(heap[child]) else { return }
            heap.swapAt(parent, child)
            child = parent
        }
    }

    private mutating func siftDown(_ index: Int) {
        var parent = index
        while true {
            let left = 2 * parent + 1
            guard left < heap.count else { return }
            var worst = left
            let right = left + 1
            if right < heap.count, heap[left].ranksBefore(heap[right]) { worst = right }
            guard heap[parent].ranksBefore(heap[worst]) else { return }
            heap.swapAt(parent, worst)
            parent = worst
        }
    }
}
