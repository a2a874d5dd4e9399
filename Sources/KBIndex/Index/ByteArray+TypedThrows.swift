extension Array where Element == UInt8 {
    /// `withUnsafeBytes` for a body with a typed error: the standard library's version
    /// rethrows untyped errors, which a `throws(IndexWriterError)` caller cannot propagate.
    func withUnsafeBytesThrowing<Result, Failure: Error>(
        _ body: (UnsafeRawBufferPointer) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        let outcome: Swift.Result<Result, Failure> = withUnsafeBytes { bytes in
            do throws(Failure) {
                return .success(try body(bytes))
            } catch {
                return .failure(error)
            }
        }
        return try outcome.get()
    }
}
