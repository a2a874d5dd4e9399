/// Stops the fuzzer with `message` when `condition` is false.
///
/// Unlike `precondition`, whose message optimized builds drop, `fatalError` prints the
/// message in every build, so a finding says which property failed.
@inline(__always)
public func require(
    _ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String = "",
    file: StaticString = #fileID, line: UInt = #line
) {
    if !condition() { fatalError(message(), file: file, line: line) }
}
