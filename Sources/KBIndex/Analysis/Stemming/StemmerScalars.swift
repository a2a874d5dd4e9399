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
