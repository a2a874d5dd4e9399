// Martin Porter's Snowball stemming algorithm for Portuguese, written in Swift from its
// published description: https://snowballstem.org/algorithms/portuguese/stemmer.html
//
// The word is stemmed in place as UTF-8 bytes in a temporary (stack) scratch buffer. Every
// edit the algorithm makes happens at the end of the word and never lengthens it, and the
// ã → "a~" / õ → "o~" rewrite keeps the byte length (both sides are two bytes), so the
// buffer never needs to grow. Region boundaries (RV, R1, R2) are byte offsets: a suffix
// lies in a region when the offset where it starts is at or after the region's start.

/// Martin Porter's Snowball stemmer for Portuguese
/// (<https://snowballstem.org/algorithms/portuguese/stemmer.html>).
///
/// The algorithm removes, in order:
/// 1. a standard (derivational) suffix such as *-ismo*, *-ação*, *-mente* or *-idade*;
/// 2. failing that, a verb ending such as *-aríamos* or *-asse*;
/// 3. a final *i* after *c*, when step 1 or 2 changed the word;
/// 4. otherwise, a residual *-os*, *-a*, *-i*, *-o*, *-á*, *-í* or *-ó*;
/// 5. a final *e*, *é* or *ê* (with a *u* after *g*, or an *i* after *c*), or the cedilla
///    of a final *ç*.
///
/// With `accentFolded: false` the output is exactly the published algorithm's (checked
/// against the official 32,016-word vocabulary). With `accentFolded: true` the same
/// algorithm runs with its vowel set and every suffix table passed through
/// `AccentFolding.fold`, for input that has already been folded: "configuracoes" and
/// "configuracao" both stem to "configur", as "configurações" and "configuração" do in
/// the accented mode.
///
/// The stemmer is an immutable value: share it freely between threads.
public struct SnowballPortugueseStemmer: Stemmer {
    /// Letters that count as vowels, as a lookup indexed by Unicode scalar value.
    private let vowels: VowelSet
    /// Step 1 suffixes, each with its rule.
    private let standardSuffixes: SuffixTable<StandardSuffixRule>
    /// Step 2 suffixes (all deleted when they lie in RV).
    private let verbSuffixes: SuffixTable<Deletion>
    /// Step 4 suffixes (deleted when in RV).
    private let residualSuffixes: SuffixTable<Deletion>
    /// Step 5 suffixes: final *e*/*é*/*ê*, and *ç* (absent once folded, where it would be
    /// a no-op "c → c").
    private let residualForms: SuffixTable<ResidualFormRule>
    /// Endings removed together with *-mente* when in R2: *ante*, *avel*, *ível*.
    private let menteAttachments: [[UInt8]]

    /// Creates a Portuguese Snowball stemmer.
    ///
    /// - Parameter accentFolded: `false` (the default) runs the published algorithm,
    ///   exact on accented, lowercased input. `true` runs the same algorithm with every
    ///   suffix table and the vowel set passed through `AccentFolding.fold`, for input
    ///   that has already been folded (the *ã*/*õ* rewrite of the algorithm then has
    ///   nothing to do); the output is then accent-free.
    public init(accentFolded: Bool = false) {
        // The tables below are written in ordinary Portuguese spelling; `spell` turns
        // them into the byte form the words are matched in.
        let spell: (String) -> [UInt8] =
            accentFolded
            ? { Array(AccentFolding.fold($0).utf8) }
            : { spelling in
                var bytes = Array(spelling.utf8)
                bytes.withUnsafeMutableBufferPointer { rewriteNasalVowels(in: $0) }
                return bytes
            }

        vowels = VowelSet(spell(Self.vowelLetters))
        standardSuffixes = SuffixTable(Self.standardSuffixRules(spell), spell: spell)
        verbSuffixes = SuffixTable([(Self.verbSuffixList, .delete)], spell: spell)
        residualSuffixes = SuffixTable([(Self.residualSuffixList, .delete)], spell: spell)
        residualForms = SuffixTable(
            [
                (["e", "é", "ê"], .deleteWithGuOrCi),
                // Removing the cedilla is a no-op once the table is folded: drop it then.
                (accentFolded ? [] : ["ç"], .replace(with: spell("c"))),
            ],
            spell: spell
        )
        menteAttachments = ["ante", "avel", "ível"].map(spell)
    }

    /// Returns the Snowball Portuguese stem of `word`, which must already be lowercased
    /// (and, for a stemmer made with `accentFolded: true`, accent-folded).
    ///
    /// Follows <https://snowballstem.org/algorithms/portuguese/stemmer.html>: mark the
    /// regions RV, R1 and R2, then apply steps 1 to 5.
    public func stem(_ word: String) -> String {
        let capacity = word.utf8.count
        guard capacity > 0 else { return word }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            let copied = buffer.initialize(fromContentsOf: word.utf8)
            rewriteNasalVowels(in: UnsafeMutableBufferPointer(rebasing: buffer[..<copied]))
            var scratch = WorkingWord(bytes: buffer, count: copied, vowels: vowels)
            stemInPlace(&scratch)
            let result = UnsafeMutableBufferPointer(rebasing: buffer[..<scratch.count])
            restoreNasalVowels(in: result)
            // The bytes are plain `UInt8`s: nothing to deinitialize before returning.
            return String(decoding: UnsafeBufferPointer(result), as: UTF8.self)
        }
    }

    // MARK: - The algorithm

    /// Steps 1 to 5 on a word whose regions are marked.
    private func stemInPlace(_ word: inout WorkingWord) {
        if removeStandardSuffix(&word) || removeVerbSuffix(&word) {
            removeIAfterC(&word)
        } else {
            removeResidualSuffix(&word)
        }
        removeResidualForm(&word)
    }

    /// Step 1: standard suffix removal. Returns whether the word changed.
    ///
    /// The longest listed suffix is chosen first; if its condition fails the step fails
    /// (a shorter suffix is not tried).
    private func removeStandardSuffix(_ word: inout WorkingWord) -> Bool {
        guard let (rule, start) = standardSuffixes.longestMatch(in: word) else { return false }
        switch rule {
        case .deleteInR2:
            guard word.isInR2(start) else { return false }
            word.truncate(to: start)
        case .replaceInR2(let replacement):
            guard word.isInR2(start) else { return false }
            word.replaceSuffix(from: start, with: replacement)
        case .amente:
            guard word.isInR1(start) else { return false }
            word.truncate(to: start)
            if word.deleteSuffixInR2(Self.iv) {
                word.deleteSuffixInR2(Self.at)  // -ativamente
            } else {
                word.deleteFirstSuffixInR2(of: Self.amenteAttachments)
            }
        case .mente:
            guard word.isInR2(start) else { return false }
            word.truncate(to: start)
            word.deleteFirstSuffixInR2(of: menteAttachments)
        case .idade:
            guard word.isInR2(start) else { return false }
            word.truncate(to: start)
            word.deleteFirstSuffixInR2(of: Self.idadeAttachments)
        case .iva:
            guard word.isInR2(start) else { return false }
            word.truncate(to: start)
            word.deleteSuffixInR2(Self.at)  // -ativo (no further -ic, unlike -idade)
        case .ira:
            // -eira, -eiras are usually not verb forms: keep the "ir".
            guard word.isInRV(start), word.hasSuffix(Self.e, endingAt: start) else { return false }
            word.replaceSuffix(from: start, with: Self.ir)
        }
        return true
    }

    /// Step 2: delete the longest verb suffix lying wholly in RV. Returns whether the word
    /// changed.
    private func removeVerbSuffix(_ word: inout WorkingWord) -> Bool {
        guard let (_, start) = verbSuffixes.longestMatch(in: word, notBefore: word.rv) else {
            return false
        }
        word.truncate(to: start)
        return true
    }

    /// Step 3 (after step 1 or 2 changed the word): delete a final *i* in RV preceded by *c*.
    private func removeIAfterC(_ word: inout WorkingWord) {
        word.deleteLetter(Self.i, after: Self.c)
    }

    /// Step 4 (when steps 1 and 2 left the word unchanged): delete a residual suffix in RV.
    private func removeResidualSuffix(_ word: inout WorkingWord) {
        guard let (_, start) = residualSuffixes.longestMatch(in: word), word.isInRV(start) else {
            return
        }
        word.truncate(to: start)
    }

    /// Step 5: delete a final *e*/*é*/*ê* in RV, and then a *u* after *g* or an *i* after
    /// *c* if that letter is in RV too; or turn a final *ç* into *c*.
    private func removeResidualForm(_ word: inout WorkingWord) {
        guard let (rule, start) = residualForms.longestMatch(in: word) else { return }
        switch rule {
        case .deleteWithGuOrCi:
            guard word.isInRV(start) else { return }
            word.truncate(to: start)
            if !word.deleteLetter(Self.u, after: Self.g) {
                word.deleteLetter(Self.i, after: Self.c)
            }
        case .replace(let replacement):
            word.replaceSuffix(from: start, with: replacement)
        }
    }

    // MARK: - Tables (ordinary spelling; see `init`)

    /// The vowels; *ã* and *õ* are not among them (they become "a~" and "o~" first).
    private static let vowelLetters = "aeiouáéíóúâêô"

    /// Step 1: each suffix with what to do when it is the longest one ending the word.
    private static func standardSuffixRules(
        _ spell: (String) -> [UInt8]
    ) -> [(suffixes: [String], rule: StandardSuffixRule)] {
        [
            (
                [
                    "eza", "ezas", "ico", "ica", "icos", "icas", "ismo", "ismos", "ável", "ível",
                    "ista", "istas", "oso", "osa", "osos", "osas", "amento", "amentos", "imento",
                    "imentos", "adora", "ador", "ação", "adoras", "adores", "ações", "ante",
                    "antes", "ância",
                ],
                .deleteInR2
            ),
            (["logia", "logias"], .replaceInR2(with: spell("log"))),
            (["ução", "uções"], .replaceInR2(with: spell("u"))),
            (["ência", "ências"], .replaceInR2(with: spell("ente"))),
            (["amente"], .amente),
            (["mente"], .mente),
            (["idade", "idades"], .idade),
            (["iva", "ivo", "ivas", "ivos"], .iva),
            (["ira", "iras"], .ira),
        ]
    }

    /// Step 2: verb endings ("arão" is matched as "ara~o", like the words).
    private static let verbSuffixList = [
        "ada", "ida", "ia", "aria", "eria", "iria", "ará", "ara", "erá", "era", "irá", "ava",
        "asse", "esse", "isse", "aste", "este", "iste", "ei", "arei", "erei", "irei", "am",
        "iam", "ariam", "eriam", "iriam", "aram", "eram", "iram", "avam", "em", "arem", "erem",
        "irem", "assem", "essem", "issem", "ado", "ido", "ando", "endo", "indo", "arão", "erão",
        "irão", "ar", "er", "ir", "as", "adas", "idas", "ias", "arias", "erias", "irias", "arás",
        "aras", "erás", "eras", "irás", "avas", "es", "ardes", "erdes", "irdes", "ares", "eres",
        "ires", "asses", "esses", "isses", "astes", "estes", "istes", "is", "ais", "eis",
        "íeis", "aríeis", "eríeis", "iríeis", "áreis", "areis", "éreis", "ereis", "íreis",
        "ireis", "ásseis", "ésseis", "ísseis", "áveis", "ados", "idos", "ámos", "amos",
        "íamos", "aríamos", "eríamos", "iríamos", "áramos", "éramos", "íramos", "ávamos",
        "emos", "aremos", "eremos", "iremos", "ássemos", "êssemos", "íssemos", "imos", "armos",
        "ermos", "irmos", "eu", "iu", "ou", "ira", "iras",
    ]

    /// Step 4: residual suffixes.
    private static let residualSuffixList = ["os", "a", "i", "o", "á", "í", "ó"]

    // ASCII fragments: the same in both spellings.

    /// Endings removed after *-amente* when in R2 (besides *iv*, see step 1).
    private static let amenteAttachments = ["os", "ic", "ad"].map { Array($0.utf8) }
    /// Endings removed after *-idade* when in R2.
    private static let idadeAttachments = ["abil", "ic", "iv"].map { Array($0.utf8) }
    private static let iv = Array("iv".utf8)
    private static let at = Array("at".utf8)
    private static let ir = Array("ir".utf8)
    private static let e = UInt8(ascii: "e")
    private static let i = UInt8(ascii: "i")
    private static let c = UInt8(ascii: "c")
    private static let u = UInt8(ascii: "u")
    private static let g = UInt8(ascii: "g")
}

// MARK: - Rules

/// What step 1 does with the longest standard suffix ending the word.
private enum StandardSuffixRule: Sendable {
    /// Delete if in R2.
    case deleteInR2
    /// Replace with the given bytes if in R2 (*-logia* → *log*, *-ução* → *u*,
    /// *-ência* → *ente*).
    case replaceInR2(with: [UInt8])
    /// Delete if in R1; then delete a preceding *iv* (and an *at* before it), *os*, *ic*
    /// or *ad* if in R2.
    case amente
    /// Delete if in R2; then delete a preceding *ante*, *avel* or *ível* if in R2.
    case mente
    /// Delete if in R2; then delete a preceding *abil*, *ic* or *iv* if in R2.
    case idade
    /// Delete if in R2; then delete a preceding *at* if in R2.
    case iva
    /// Replace with *ir* if in RV and preceded by *e*.
    case ira
}

/// What step 5 does with a final *e*/*é*/*ê* or *ç*.
private enum ResidualFormRule: Sendable {
    /// Delete if in RV, then delete a *u* after *g* or an *i* after *c* if in RV.
    case deleteWithGuOrCi
    /// Replace unconditionally (*ç* → *c*).
    case replace(with: [UInt8])
}

/// The only rule of the tables whose suffixes are simply deleted.
private enum Deletion: Sendable {
    case delete
}

// MARK: - The word being stemmed

/// A word being stemmed: its UTF-8 bytes in a scratch buffer and its regions.
private struct WorkingWord {
    /// The scratch buffer; the word is `bytes[..<count]`.
    let bytes: UnsafeMutableBufferPointer<UInt8>
    /// Length of the word in bytes.
    private(set) var count: Int
    /// Start of RV, R1 and R2 (byte offsets; `count` when a region is empty). They are
    /// marked once, before any suffix is removed, as in the algorithm.
    let rv: Int
    let r1: Int
    let r2: Int

    init(bytes: UnsafeMutableBufferPointer<UInt8>, count: Int, vowels: VowelSet) {
        self.bytes = bytes
        self.count = count
        let scanner = LetterScanner(bytes: bytes, count: count, vowels: vowels)
        rv = scanner.startOfRV()
        (r1, r2) = scanner.startsOfR1AndR2()
    }

    func isInRV(_ offset: Int) -> Bool { offset >= rv }
    func isInR1(_ offset: Int) -> Bool { offset >= r1 }
    func isInR2(_ offset: Int) -> Bool { offset >= r2 }

    /// Whether the bytes just before `end` are `suffix`.
    func hasSuffix(_ suffix: [UInt8], endingAt end: Int) -> Bool {
        guard suffix.count <= end else { return false }
        var offset = end - suffix.count
        for byte in suffix {
            if bytes[offset] != byte { return false }
            offset += 1
        }
        return true
    }

    /// Whether the byte just before `end` is `byte`.
    func hasSuffix(_ byte: UInt8, endingAt end: Int) -> Bool {
        end > 0 && bytes[end - 1] == byte
    }

    mutating func truncate(to newCount: Int) {
        count = newCount
    }

    /// Replaces `bytes[start..<count]` by `replacement`, which is never longer.
    mutating func replaceSuffix(from start: Int, with replacement: [UInt8]) {
        var offset = start
        for byte in replacement {
            bytes[offset] = byte
            offset += 1
        }
        count = offset
    }

    /// Deletes `suffix` if the word ends with it and it is in R2; returns whether it did.
    @discardableResult
    mutating func deleteSuffixInR2(_ suffix: [UInt8]) -> Bool {
        guard hasSuffix(suffix, endingAt: count), isInR2(count - suffix.count) else { return false }
        count -= suffix.count
        return true
    }

    /// Deletes the one of `suffixes` the word ends with, if it is in R2. The suffixes of
    /// each such list end differently, so at most one can match.
    mutating func deleteFirstSuffixInR2(of suffixes: [[UInt8]]) {
        for suffix in suffixes where hasSuffix(suffix, endingAt: count) {
            deleteSuffixInR2(suffix)
            return
        }
    }

    /// Deletes a final ASCII `letter` that is in RV and preceded by `previous` (steps 3
    /// and 5); returns whether it did.
    @discardableResult
    mutating func deleteLetter(_ letter: UInt8, after previous: UInt8) -> Bool {
        guard hasSuffix(letter, endingAt: count), hasSuffix(previous, endingAt: count - 1),
            isInRV(count - 1)
        else { return false }
        count -= 1
        return true
    }
}

// MARK: - Regions

/// Walks a word letter by letter (one Unicode scalar at a time) to find its regions
/// (https://snowballstem.org/texts/r1r2.html and the RV of the Spanish and Portuguese
/// stemmers).
private struct LetterScanner {
    let bytes: UnsafeMutableBufferPointer<UInt8>
    let count: Int
    let vowels: VowelSet

    /// RV: if the second letter is a consonant, the region after the next vowel; if the
    /// first two letters are vowels, the region after the next consonant; otherwise
    /// (consonant then vowel), the region after the third letter. Empty when no such
    /// position exists.
    func startOfRV() -> Int {
        guard count > 0 else { return count }
        let first = letter(at: 0)
        guard first.end < count else { return count }
        let second = letter(at: first.end)
        switch (first.isVowel, second.isVowel) {
        case (_, false):
            return offsetAfterNextVowel(from: second.end) ?? count
        case (true, true):
            return offsetAfterNextConsonant(from: second.end) ?? count
        case (false, true):
            return second.end < count ? letter(at: second.end).end : count
        }
    }

    /// R1: the region after the first consonant that follows a vowel; R2: the same, taken
    /// inside R1. Empty when no such position exists.
    func startsOfR1AndR2() -> (r1: Int, r2: Int) {
        guard let r1 = offsetAfterVowelThenConsonant(from: 0) else { return (count, count) }
        return (r1, offsetAfterVowelThenConsonant(from: r1) ?? count)
    }

    private func offsetAfterVowelThenConsonant(from start: Int) -> Int? {
        guard let afterVowel = offsetAfterNextVowel(from: start) else { return nil }
        return offsetAfterNextConsonant(from: afterVowel)
    }

    /// The offset just past the first vowel at or after `start`, if any.
    private func offsetAfterNextVowel(from start: Int) -> Int? {
        offsetAfterNextLetter(from: start, isVowel: true)
    }

    /// The offset just past the first non-vowel at or after `start`, if any.
    private func offsetAfterNextConsonant(from start: Int) -> Int? {
        offsetAfterNextLetter(from: start, isVowel: false)
    }

    private func offsetAfterNextLetter(from start: Int, isVowel wanted: Bool) -> Int? {
        var offset = start
        while offset < count {
            let next = letter(at: offset)
            if next.isVowel == wanted { return next.end }
            offset = next.end
        }
        return nil
    }

    /// The letter (Unicode scalar) starting at `offset`: whether it is a vowel, and the
    /// offset where it ends. The bytes come from a `String`, so they are valid UTF-8.
    private func letter(at offset: Int) -> (isVowel: Bool, end: Int) {
        let lead = bytes[offset]
        switch lead {
        case ..<0x80:
            return (vowels.contains(UInt32(lead)), offset + 1)
        case ..<0xE0:
            let scalar = UInt32(lead & 0x1F) << 6 | UInt32(bytes[offset + 1] & 0x3F)
            return (vowels.contains(scalar), offset + 2)
        case ..<0xF0:
            return (false, offset + 3)  // Beyond U+07FF: never a vowel.
        default:
            return (false, offset + 4)
        }
    }
}

/// A set of vowels, all in U+0000...U+00FF, as a 256-entry lookup.
private struct VowelSet: Sendable {
    private let isVowel: [Bool]

    /// - Parameter utf8: the vowels, in UTF-8.
    init(_ utf8: [UInt8]) {
        var isVowel = [Bool](repeating: false, count: 256)
        for scalar in String(decoding: utf8, as: UTF8.self).unicodeScalars {
            precondition(scalar.value < 256, "vowels must be Latin-1 letters")
            isVowel[Int(scalar.value)] = true
        }
        self.isVowel = isVowel
    }

    func contains(_ scalar: UInt32) -> Bool {
        scalar < 256 && isVowel[Int(scalar)]
    }
}

// MARK: - Suffix tables

/// Suffixes (UTF-8 bytes), each with a rule, in a trie read from the end of the word: one
/// backward walk finds the longest listed suffix ending the word, as Snowball's `among`.
private struct SuffixTable<Rule: Sendable>: Sendable {
    /// The edges leaving node `n` are `edgeBytes[i]` → `edgeTargets[i]` for `i` in
    /// `edgeStart[n] ..< edgeStart[n + 1]`. Node 0, the root, is the end of the word; each
    /// edge reads one more byte backwards.
    private let edgeStart: [Int]
    private let edgeBytes: [UInt8]
    private let edgeTargets: [Int]
    /// For each node, the index in `rules` of the suffix spelled by the path to it, or -1
    /// if no listed suffix ends there.
    private let ruleIndexAtNode: [Int]
    private let rules: [Rule]

    /// - Parameters:
    ///   - groups: suffixes in ordinary spelling, each group with its rule. A suffix
    ///     spelled like an earlier one (possible once folded) keeps the earlier rule.
    ///   - spell: turns ordinary spelling into the bytes words are matched in.
    init(_ groups: [(suffixes: [String], rule: Rule)], spell: (String) -> [UInt8]) {
        var children: [[UInt8: Int]] = [[:]]
        var ruleIndexAtNode = [-1]
        for (ruleIndex, (suffixes, _)) in groups.enumerated() {
            for suffix in suffixes.map(spell) {
                var node = 0
                for byte in suffix.reversed() {
                    if let child = children[node][byte] {
                        node = child
                    } else {
                        children.append([:])
                        ruleIndexAtNode.append(-1)
                        children[node][byte] = children.count - 1
                        node = children.count - 1
                    }
                }
                if ruleIndexAtNode[node] < 0 { ruleIndexAtNode[node] = ruleIndex }
            }
        }
        // Lay the edges out flat, node by node.
        var edgeStart = [0]
        var edgeBytes: [UInt8] = []
        var edgeTargets: [Int] = []
        for edges in children {
            for (byte, target) in edges.sorted(by: { $0.key < $1.key }) {
                edgeBytes.append(byte)
                edgeTargets.append(target)
            }
            edgeStart.append(edgeBytes.count)
        }
        self.edgeStart = edgeStart
        self.edgeBytes = edgeBytes
        self.edgeTargets = edgeTargets
        self.ruleIndexAtNode = ruleIndexAtNode
        rules = groups.map(\.rule)
    }

    /// The longest listed suffix ending `word` that starts at or after `lowerBound`: its
    /// rule and the offset where it starts.
    func longestMatch(in word: WorkingWord, notBefore lowerBound: Int = 0) -> (Rule, Int)? {
        var node = 0
        var offset = word.count
        var match: (ruleIndex: Int, start: Int)?
        while offset > lowerBound, let child = child(of: node, reading: word.bytes[offset - 1]) {
            node = child
            offset -= 1
            if ruleIndexAtNode[node] >= 0 { match = (ruleIndexAtNode[node], offset) }
        }
        return match.map { (rules[$0.ruleIndex], $0.start) }
    }

    private func child(of node: Int, reading byte: UInt8) -> Int? {
        for edge in edgeStart[node]..<edgeStart[node + 1] where edgeBytes[edge] == byte {
            return edgeTargets[edge]
        }
        return nil
    }
}

// MARK: - Nasal vowels

/// "ã" (U+00E3) and "õ" (U+00F5) in UTF-8.
private let aTilde: (UInt8, UInt8) = (0xC3, 0xA3)
private let oTilde: (UInt8, UInt8) = (0xC3, 0xB5)
private let tilde = UInt8(ascii: "~")

/// The algorithm's first step: ã → "a~", õ → "o~", so that the nasal vowels read as a
/// vowel followed by a consonant. Both sides are two bytes long, so this works in place.
private func rewriteNasalVowels(in bytes: UnsafeMutableBufferPointer<UInt8>) {
    var offset = 0
    while offset + 1 < bytes.count {
        if bytes[offset] == aTilde.0 {
            switch bytes[offset + 1] {
            case aTilde.1: (bytes[offset], bytes[offset + 1]) = (UInt8(ascii: "a"), tilde)
            case oTilde.1: (bytes[offset], bytes[offset + 1]) = (UInt8(ascii: "o"), tilde)
            default: break
            }
        }
        offset += 1
    }
}

/// The algorithm's last step: "a~" → ã, "o~" → õ (in place, as above).
private func restoreNasalVowels(in bytes: UnsafeMutableBufferPointer<UInt8>) {
    var offset = 0
    while offset + 1 < bytes.count {
        if bytes[offset + 1] == tilde {
            switch bytes[offset] {
            case UInt8(ascii: "a"): (bytes[offset], bytes[offset + 1]) = aTilde
            case UInt8(ascii: "o"): (bytes[offset], bytes[offset + 1]) = oTilde
            default: break
            }
        }
        offset += 1
    }
}
