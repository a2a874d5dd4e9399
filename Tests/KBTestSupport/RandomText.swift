/// Random strings for property tests: a mix of ASCII, Portuguese letters, combining marks,
/// punctuation that the tokenizer treats specially, other scripts, emoji and control
/// characters.
public enum RandomText {
    static let alphabet: [Unicode.Scalar] =
        Array(
            "aeiouçãõáéíóúâêôàüAEIOUÇÃÕÁÉ bcdfgxyzBXZ0123456789 -'’.,_@:/?&=#\n\t\"<>()ñßæœﬁ"
                .unicodeScalars)
        + [
            "\u{0301}", "\u{0303}", "\u{0327}", "\u{2010}", "\u{00A0}", "\u{0000}", "\u{FFFD}",
            "\u{1F600}", "\u{4E2D}", "\u{0416}", "\u{05D0}", "\u{0915}", "\u{093F}", "\u{200B}",
        ]

    /// A random string of up to `maximumLength` scalars drawn from a tricky alphabet.
    public static func make(using generator: inout SeededGenerator, maximumLength: Int = 40) -> String {
        let length = Int.random(in: 0...maximumLength, using: &generator)
        var scalars = String.UnicodeScalarView()
        for _ in 0..<length {
            scalars.append(alphabet.randomElement(using: &generator)!)
        }
        return String(scalars)
    }
}
