/// Trains a ``StoredTextCodec`` on a sample of an index's documents (their encoded stored
/// fields, as `STOR` keeps them before compression).
///
/// The dictionary gathers the strings that recur across documents: help articles repeat
/// whole lines (menu paths, "see also" notes, boilerplate), so the sample is cut into lines
/// (at control bytes, which end lines and frame the length-prefixed fields), and the lines
/// seen in more than one document are kept, those saving the most bytes (length ×
/// (documents − 1)) placed last, nearest the document, where distances are shortest. The codes
/// are then the Huffman codes of the symbols that compressing the sample with that dictionary
/// emits, every symbol counted at least once so that any document can be encoded.
enum StoredTextCodecTrainer {
    /// Samples at least this large train a codec; smaller collections are stored raw.
    static let minimumSampleLength = 16 * 1024
    /// Lines shorter than this are not worth a dictionary entry.
    static let minimumLineLength = 8

    /// A codec for documents like `samples`, or nil when the sample is too small to pay.
    static func train(samples: [[UInt8]]) -> StoredTextCodec? {
        guard samples.reduce(0, { $0 + $1.count }) >= minimumSampleLength else { return nil }
        let dictionary = buildDictionary(samples)
        let literalLengthLengths = [UInt8](repeating: 0, count: LengthAndDistanceCodes.literalLengthSymbolCount)
        let distanceLengths = [UInt8](repeating: 0, count: LengthAndDistanceCodes.distanceSymbolCount)
        var literalLength = [UInt64](repeating: 1, count: literalLengthLengths.count)
        var distance = [UInt64](repeating: 1, count: distanceLengths.count)
        var compressor = StoredTextCompressor(
            codec: StoredTextCodec(
                dictionary: dictionary,
                literalLengthLengths: literalLengthLengths, distanceLengths: distanceLengths))
        for sample in samples {
            sample.withUnsafeBytes { bytes in
                compressor.countSymbols(bytes, literalLength: &literalLength, distance: &distance)
            }
        }
        return StoredTextCodec(
            dictionary: dictionary,
            literalLengthLengths: HuffmanCode.lengths(frequencies: literalLength),
            distanceLengths: HuffmanCode.lengths(frequencies: distance))
    }

    /// The lines that recur across `samples`, most valuable last, at most 32 KiB in all.
    static func buildDictionary(_ samples: [[UInt8]]) -> [UInt8] {
        // Documents per line (a line counted once per document).
        var documentCounts: [ArraySlice<UInt8>: Int] = [:]
        for sample in samples {
            var seen: Set<ArraySlice<UInt8>> = []
            var start = 0
            for index in 0...sample.count where index == sample.count || sample[index] < 0x20 {
                if index - start >= minimumLineLength {
                    let line = sample[start..<index]
                    if seen.insert(line).inserted { documentCounts[line, default: 0] += 1 }
                }
                start = index + 1
            }
        }
        // By saving, then by bytes, so that the choice does not depend on hashing order.
        let ranked = documentCounts.filter { $0.value > 1 }
            .map { (saving: $0.key.count * ($0.value - 1), line: $0.key) }
            .sorted { first, second in
                if first.saving != second.saving { return first.saving > second.saving }
                return first.line.lexicographicallyPrecedes(second.line)
            }
        var chosen: [ArraySlice<UInt8>] = []
        var total = 0
        for entry in ranked where total + entry.line.count + 1 <= StoredTextCodec.maximumDictionaryLength {
            chosen.append(entry.line)
            total += entry.line.count + 1
        }
        var dictionary: [UInt8] = []
        dictionary.reserveCapacity(total)
        for line in chosen.reversed() {
            dictionary.append(contentsOf: line)
            dictionary.append(0x0A)
        }
        return dictionary
    }
}
