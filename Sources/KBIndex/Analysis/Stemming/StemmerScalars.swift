/// Scalar helpers shared by the stemmers: back to a String in one pass, and accent removal.

extension String {
    /// The string of `scalars`, encoded to UTF-8 in one pass with a single allocation (the
    /// stemmers' way back from their scalar buffers).
    init(encoding scalars: [Unicode.Scalar]) {
        var byteCount = 0
        for scalar in scalars {
            byteCount += UTF8.width(scalar)
        }
        self.init(unsafeUninitializedCapacity: byteCount) { buffer in
            var offset = 0
            for scalar in scalars {
                UTF8.encode(scalar) { byte in
                    buffer[offset] = byte
                    offset += 1
                }
            }
            return offset
        }
    }
}

/// `scalar` without its accent — à á â ã ä å → a, ç → c, è é ê ë → e, ì í î ï → i, ñ → n,
/// ò ó ô õ ö → o, ù ú û ü → u, ý ÿ → y (the accent removal of Savoy's light stemmer and of
/// RSLP as Lucene runs it); any other scalar unchanged.
@inline(__always)
func stemmerRemovingAccent(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    guard scalar.value >= 0xC0 else { return scalar }
    switch scalar {
    case "à", "á", "â", "ã", "ä", "å": return "a"
    case "ç": return "c"
    case "è", "é", "ê", "ë": return "e"
    case "ì", "í", "î", "ï": return "i"
    case "ñ": return "n"
    case "ò", "ó", "ô", "õ", "ö": return "o"
    case "ù", "ú", "û", "ü": return "u"
    case "ý", "ÿ": return "y"
    default: return scalar
    }
}

/// How the stemmers read a word into a scalar buffer and remove accents from it (RSLP's
/// last step, Orengo and Huyck, SPIRE 2001; step 4 of Savoy's light stemmer).
enum StemmerScalars {

    /// The scalars of `word`, with accents removed as they are read if `removingAccents`,
    /// in a buffer with room for a replacement a little longer than its suffix; and whether
    /// any accent was removed.
    static func scalars(of word: String, removingAccents: Bool)
        -> (scalars: [Unicode.Scalar], removedAccents: Bool)
    {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(word.utf8.count + 2)
        var removed = false
        for scalar in word.unicodeScalars {
            if removingAccents {
                let plain = stemmerRemovingAccent(scalar)
                removed = removed || plain != scalar
                scalars.append(plain)
            } else {
                scalars.append(scalar)
            }
        }
        return (scalars, removed)
    }

    /// Removes accents from `scalars` in place; returns whether any was removed.
    static func removeAccents(from scalars: inout [Unicode.Scalar]) -> Bool {
        var removed = false
        for index in scalars.indices where scalars[index].value >= 0xC0 {
            let plain = stemmerRemovingAccent(scalars[index])
            if plain != scalars[index] {
                scalars[index] = plain
                removed = true
            }
        }
        return removed
    }
}
