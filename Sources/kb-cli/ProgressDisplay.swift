import Foundation
import KBIndex

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Shows index build progress on standard error: a bar redrawn in place on a terminal,
/// a plain line every ten percent otherwise.
final class ProgressDisplay {
    private let isTerminal = isatty(STDERR_FILENO) != 0
    private var lastDecile = -1
    private var drewBar = false

    func show(_ progress: IndexBuildProgress) {
        let fraction = progress.totalFiles == 0 ? 1 : Double(progress.processedFiles) / Double(progress.totalFiles)
        if isTerminal {
            let width = 30
            let filled = Int(fraction * Double(width))
            let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
            printError(
                "\r[\(bar)] \(progress.processedFiles)/\(progress.totalFiles) files, "
                    + "\(progress.indexedCount) articles", terminator: "")
            drewBar = true
        } else {
            let decile = Int(fraction * 10)
            guard decile != lastDecile else { return }
            lastDecile = decile
            printError("\(progress.processedFiles)/\(progress.totalFiles) files, \(progress.indexedCount) articles")
        }
    }

    func finish() {
        if drewBar { printError("") }
        drewBar = false
    }
}

/// Writes `text` to standard error.
func printError(_ text: String, terminator: String = "\n") {
    FileHandle.standardError.write(Data((text + terminator).utf8))
}

/// Human-readable byte counts (`1.3 MB`).
enum ByteCountFormatting {
    static func string(_ bytes: Int) -> String {
        if bytes < 1_000 { return "\(bytes) B" }
        if bytes < 1_000_000 { return String(format: "%.1f kB", Double(bytes) / 1e3) }
        if bytes < 1_000_000_000 { return String(format: "%.1f MB", Double(bytes) / 1e6) }
        return String(format: "%.2f GB", Double(bytes) / 1e9)
    }
}
