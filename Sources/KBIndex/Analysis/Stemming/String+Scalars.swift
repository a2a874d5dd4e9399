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
