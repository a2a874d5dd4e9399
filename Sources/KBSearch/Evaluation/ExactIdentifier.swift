/// A query or document id compared the way Python compares `str` values: scalar by scalar.
///
/// Swift's `String` equality treats canonically equivalent spellings as equal (a precomposed
/// `é` equals `e` followed by a combining acute accent); Python's does not, and neither does
/// the reference script, `evaluate.py`. Evaluation keys its dictionaries and sets with this
/// type so that two ids match exactly when they would match in Python, and orders ids by code
/// point (which is the order of their UTF-8 bytes), as Python's `sorted` does.
struct ExactIdentifier: Hashable, Comparable, Sendable {
    /// The id.
    let text: String

    /// Wraps `text`.
    init(_ text: String) {
        self.text = text
    }

    /// Wraps `text`.
    init(_ text: Substring) {
        self.text = String(text)
    }

    static func == (left: ExactIdentifier, right: ExactIdentifier) -> Bool {
        left.text.utf8.elementsEqual(right.text.utf8)
    }

    static func < (left: ExactIdentifier, right: ExactIdentifier) -> Bool {
        left.text.utf8.lexicographicallyPrecedes(right.text.utf8)
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(text.utf8.count)
        for byte in text.utf8 {
            hasher.combine(byte)
        }
    }
}
