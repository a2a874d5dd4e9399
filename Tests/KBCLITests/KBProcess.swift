import Foundation
import KBTestSupport
import Testing

/// What one run of the `kb` binary produced.
struct KBOutput: Sendable, CustomStringConvertible {
    /// Everything written to standard output.
    var stdout: String
    /// Everything written to standard error.
    var stderr: String
    /// The exit status, or the signal number when `crashed`.
    var status: Int32
    /// Whether the process was ended by a signal rather than by exiting.
    var crashed: Bool

    /// Standard output split into lines, without the final empty line.
    var lines: [String] { Self.lines(of: stdout) }

    /// Standard error split into lines, without the final empty line.
    var errorLines: [String] { Self.lines(of: stderr) }

    var description: String {
        "exit \(status)\(crashed ? " (signal)" : "")\n--- stdout\n\(stdout)--- stderr\n\(stderr)"
    }

    static func lines(of text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}

/// Runs the built `kb` executable, as swift-argument-parser's own tests run theirs.
enum KBProcess {
    /// The exit status of swift-argument-parser's validation errors (`EX_USAGE`).
    static let usageError: Int32 = 64

    /// The `kb` binary in the build products folder, the folder that holds the test bundle.
    static let executable: Result<URL, KBBinaryNotFound> = {
        var candidates: [URL] = []
        #if os(macOS)
            for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
                candidates.append(bundle.bundleURL.deletingLastPathComponent())
            }
        #endif
        // On Linux the test runner is itself an executable in the products folder.
        candidates.append(Bundle.main.bundleURL)
        candidates.append(Bundle.main.executableURL?.deletingLastPathComponent() ?? Bundle.main.bundleURL)
        // Last resort: `.build/debug` next to this package.
        candidates.append(Fixtures.repositoryRoot.appendingPathComponent(".build/debug"))
        var searched: [String] = []
        for folder in candidates where !searched.contains(folder.path) {
            searched.append(folder.path)
            let binary = folder.appendingPathComponent("kb")
            if FileManager.default.isExecutableFile(atPath: binary.path) { return .success(binary) }
        }
        return .failure(KBBinaryNotFound(searched: searched))
    }()

    /// Runs `kb arguments…` with `input` on standard input (empty when `nil`) and waits for it.
    ///
    /// Standard input, output and error go through temporary files, so that large outputs
    /// cannot fill a pipe and block the child.
    static func run(_ arguments: [String], input: String? = nil, in directory: URL? = nil) throws -> KBOutput {
        let binary = try executable.get()
        let folder = try Fixtures.makeTemporaryDirectory("kb-cli-process")
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputURL = folder.appendingPathComponent("stdin")
        let outputURL = folder.appendingPathComponent("stdout")
        let errorURL = folder.appendingPathComponent("stderr")
        try Data((input ?? "").utf8).write(to: inputURL)
        try Data().write(to: outputURL)
        try Data().write(to: errorURL)
        let inputHandle = try FileHandle(forReadingFrom: inputURL)
        let outputHandle = try FileHandle(forWritingTo: outputURL)
        let errorHandle = try FileHandle(forWritingTo: errorURL)
        defer {
            try? inputHandle.close()
            try? outputHandle.close()
            try? errorHandle.close()
        }

        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.standardInput = inputHandle
        process.standardOutput = outputHandle
        process.standardError = errorHandle
        if let directory { process.currentDirectoryURL = directory }
        try process.run()
        process.waitUntilExit()

        return KBOutput(
            stdout: try String(contentsOf: outputURL, encoding: .utf8),
            stderr: try String(contentsOf: errorURL, encoding: .utf8),
            status: process.terminationStatus,
            crashed: process.terminationReason == .uncaughtSignal)
    }
}

/// Runs `kb arguments…`; see ``KBProcess/run(_:input:in:)``.
func kb(_ arguments: String..., input: String? = nil, in directory: URL? = nil) throws -> KBOutput {
    try KBProcess.run(arguments, input: input, in: directory)
}

/// Runs `kb arguments…`; see ``KBProcess/run(_:input:in:)``.
func kb(_ arguments: [String], input: String? = nil, in directory: URL? = nil) throws -> KBOutput {
    try KBProcess.run(arguments, input: input, in: directory)
}

/// A temporary folder for one test; the test removes it (`defer { folder.remove() }`).
struct TemporaryFolder {
    /// The folder.
    let url: URL

    init() throws {
        url = try Fixtures.makeTemporaryDirectory("kb-cli-test")
    }

    /// Removes the folder and everything in it.
    func remove() {
        try? FileManager.default.removeItem(at: url)
    }

    /// The path of `name` inside the folder.
    func path(_ name: String) -> String {
        url.appendingPathComponent(name).path
    }

    /// Writes `text` to `name` (creating intermediate folders) and returns its path.
    @discardableResult
    func write(_ text: String, to name: String) throws -> String {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        return file.path
    }

    /// Copies the sample article `Articles/<article>` to `name` and returns its path.
    @discardableResult
    func copyArticle(_ article: String, to name: String) throws -> String {
        try write(String(contentsOf: Fixtures.articles.appendingPathComponent(article), encoding: .utf8), to: name)
    }
}

/// The `kb` binary is not where the tests look for it.
struct KBBinaryNotFound: Error, CustomStringConvertible {
    /// The folders searched.
    var searched: [String]

    var description: String {
        "The kb executable was not found in \(searched.joined(separator: ", ")). "
            + "Build it first: `swift build` (or `swift build --build-tests`), then run the tests."
    }
}

/// The sample knowledge base (`Articles/`) indexed once per test run with `kb index`, shared by
/// every test that only reads an index. The folder is removed when the test process exits.
enum ArticlesIndex {
    /// The index file and `kb index`'s output, or why it could not be built.
    static let build: Result<(url: URL, output: KBOutput), any Error> = Result {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: ArticlesIndex.folder) }
        let url = folder.appendingPathComponent("articles.idx")
        let output = try KBProcess.run(["index", Fixtures.articles.path, "--index", url.path])
        guard output.status == 0, !output.crashed else {
            throw IndexBuildFailed(output: output)
        }
        return (url, output)
    }

    /// The index file's path.
    static func path() throws -> String {
        try build.get().url.path
    }

    private static let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("kb-cli-articles-\(UUID().uuidString)", isDirectory: true)
}

/// `kb index Articles` failed.
struct IndexBuildFailed: Error, CustomStringConvertible {
    var output: KBOutput
    var description: String { "kb index Articles failed: \(output)" }
}
