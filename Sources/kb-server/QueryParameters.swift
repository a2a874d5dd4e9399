/// The parameters of a request's query string, decoded strictly.
///
/// Hummingbird's own decoder keeps a value that is not valid percent-encoded UTF-8 as its
/// raw text; kb answers 400 instead, so `q=%C3%28` never reaches the search as mojibake.
/// `+` means a space (HTML forms and `URLSearchParams` encode spaces so). Parameters may
/// repeat (`tag=a&tag=b`); unknown ones are ignored.
struct QueryParameters: Sendable {
    /// The decoded (name, value) pairs in request order.
    let pairs: [(name: String, value: String)]

    /// Decodes `query` (the part after `?`, without it).
    ///
    /// - Throws: ``APIError`` 400 `invalid_encoding` for a bad `%` escape or bytes that are
    ///   not UTF-8.
    init(_ query: String?) throws(APIError) {
        var pairs: [(name: String, value: String)] = []
        for field in (query ?? "").utf8.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let equals = field.firstIndex(of: UInt8(ascii: "="))
            let rawName = field[..<(equals ?? field.endIndex)]
            let rawValue = equals.map { field[field.index(after: $0)...] } ?? field[field.endIndex...]
            guard let name = PercentDecoding.decode(rawName, plusIsSpace: true),
                let value = PercentDecoding.decode(rawValue, plusIsSpace: true)
            else {
                throw APIError.invalidEncoding
            }
            pairs.append((name, value))
        }
        self.pairs = pairs
    }

    /// The first value of `name`, or nil.
    func first(_ name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }

    /// Every value of `name`, in request order.
    func all(_ name: String) -> [String] {
        pairs.filter { $0.name == name }.map(\.value)
    }

    /// The required text parameter `name`, at most `maximumCharacters` long.
    ///
    /// Characters are Unicode scalars, as JSON Schema's `maxLength` in `openapi.yaml` counts.
    func requiredText(_ name: String, maximumCharacters: Int) throws(APIError) -> String {
        guard let value = first(name) else { throw APIError.missingParameter(name) }
        try Self.check(name, value, maximumCharacters: maximumCharacters)
        return value
    }

    /// The optional text parameter `name`, at most `maximumCharacters` long.
    func optionalText(_ name: String, maximumCharacters: Int) throws(APIError) -> String? {
        guard let value = first(name) else { return nil }
        try Self.check(name, value, maximumCharacters: maximumCharacters)
        return value
    }

    /// Throws 400 `parameter_too_long` when `value` has more than `maximumCharacters` Unicode
    /// scalars.
    static func check(_ name: String, _ value: String, maximumCharacters: Int) throws(APIError) {
        guard value.unicodeScalars.count <= maximumCharacters else {
            throw APIError.parameterTooLong(name, maximumCharacters: maximumCharacters)
        }
    }

    /// The integer parameter `name` within `range`, or `defaultValue` when absent.
    func integer(_ name: String, in range: ClosedRange<Int>, default defaultValue: Int) throws(APIError) -> Int {
        guard let text = first(name) else { return defaultValue }
        // Int("+5") and Int("-0") parse; only plain digits are accepted.
        guard !text.isEmpty, text.utf8.count <= 9, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
            let value = Int(text), range.contains(value)
        else {
            throw APIError.invalidParameter(
                name, expected: "an integer from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    /// The boolean parameter `name` (`true`/`false`/`1`/`0`), or `defaultValue` when absent.
    func boolean(_ name: String, default defaultValue: Bool) throws(APIError) -> Bool {
        switch first(name) {
        case nil: return defaultValue
        case "true", "1": return true
        case "false", "0": return false
        default: throw APIError.invalidParameter(name, expected: "true or false")
        }
    }
}
