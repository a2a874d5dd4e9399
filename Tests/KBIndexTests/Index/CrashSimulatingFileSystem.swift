import Foundation

@testable import KBIndex

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A ``PublishingFileSystem`` over one real folder that remembers what a disk would have kept
/// at each moment, and can simulate a power failure followed by a reboot (in the spirit of
/// Lucene's crash-simulating `MockDirectoryWrapper`).
///
/// The model is what POSIX and journaling file systems promise, and no more:
/// - a file is an inode holding bytes, and a name is a folder entry pointing at an inode;
/// - bytes written to a file are durable once ``synchronizeFile(atPath:)`` ran on it. Until
///   then a crash may keep all of them, none, or some: the file comes back at its last
///   synchronized length, its new length or one in between, each 4 KiB page holding the new
///   bytes or the old ones (zeros where there were none);
/// - a name created, renamed or removed is durable once ``synchronizeDirectory(atPath:)`` ran.
///   Until then a crash may keep any subset of those operations, each one whole (a rename
///   points the new name at the inode or does nothing).
///
/// The folder's files are real, so the code under test writes them with ordinary I/O (the
/// index writer streams its own buffers). The double notices files created, replaced or
/// removed behind its back, and their bytes, by listing the folder before each step and at
/// the crash; such changes count as not synchronized.
///
/// A run: set ``crashPoint``, publish (the publisher fails at that step with a "simulated
/// crash" error, and every later call fails or does nothing, as a machine that lost power),
/// or call ``crash()`` after it returned; then ``reboot(keeping:data:using:)`` rewrites the
/// folder as the disk would hold it, and the double starts over from that durable state.
final class CrashSimulatingFileSystem: PublishingFileSystem {
    /// Which unsynchronized folder operations a reboot keeps.
    enum EntrySurvival: Sendable, CustomStringConvertible {
        /// None: the folder as of the last synchronization.
        case none
        /// All of them.
        case all
        /// The first `count` (a journal written in order, cut short).
        case prefix(Int)
        /// Each one with probability 1/2, independently.
        case random

        var description: String {
            switch self {
            case .none: "none"
            case .all: "all"
            case .prefix(let count): "first \(count)"
            case .random: "random"
            }
        }
    }

    /// What a reboot keeps of the bytes written to a file since its last synchronization.
    enum DataSurvival: Sendable, CustomStringConvertible {
        /// None: the bytes as of the last synchronization (nothing, for a new file).
        case lost
        /// All of them.
        case kept
        /// A random length between the old and the new one, each page old or new at random.
        case garbled

        var description: String {
            switch self {
            case .lost: "lost"
            case .kept: "kept"
            case .garbled: "garbled"
            }
        }
    }

    /// A change to the folder's entries that may not be durable yet.
    enum EntryOperation: CustomStringConvertible {
        /// `name` now points at `file`.
        case link(String, file: Int)
        /// `name`, which pointed at `file`, is gone.
        case unlink(String, file: Int)
        /// `file`, named `source`, is renamed `destination` (replacing what that pointed at).
        case rename(String, to: String, file: Int)

        var description: String {
            switch self {
            case .link(let name, let file): "create \(name) (#\(file))"
            case .unlink(let name, let file): "remove \(name) (#\(file))"
            case .rename(let source, let destination, let file): "rename \(source) to \(destination) (#\(file))"
            }
        }
    }

    /// The simulated folder; paths given to the operations must be inside it.
    let directory: String
    /// The step at which the next crash happens (0 is the first call), or `nil` for none.
    var crashPoint: Int?
    /// The steps run since the last reboot, in order (for failure messages).
    private(set) var steps: [String] = []
    /// Whether the simulated machine is down.
    private(set) var isCrashed = false
    /// The folder operations not synchronized yet, in order.
    private(set) var pendingOperations: [EntryOperation] = []

    /// Durable state: names and the bytes of each file as of its last synchronization.
    private var durableNames: [String: Int] = [:]
    private var durableBytes: [Int: [UInt8]] = [:]
    /// The folder as last observed: names, and the newest bytes of every file seen.
    private var observedNames: [String: Int] = [:]
    private var latestBytes: [Int: [UInt8]] = [:]
    /// Files are numbered by the double; the real inode numbers of the files that have a name
    /// map to them (the system reuses an inode number once its file is gone).
    private var fileOfInode: [UInt64: Int] = [:]
    private var inodeOfFile: [Int: UInt64] = [:]
    private var nextFile = 0

    /// The size of the pages a garbled file is made of.
    static let pageSize = 4096

    /// Starts simulating `directory`: everything in it now is durable.
    init(directory: URL) {
        self.directory = directory.path(percentEncoded: false)
        observe()
        durableNames = observedNames
        durableBytes = latestBytes
        pendingOperations = []
    }

    // MARK: - The publisher's operations

    func withExclusiveLock<Value>(onFileAt path: String, _ body: () throws -> Value) throws -> Value {
        try step("lock \(name(of: path))")
        // A real lock, so the double keeps the real exclusion; its file shows up as created.
        return try POSIXFileSystem().withExclusiveLock(onFileAt: path, body)
    }

    func contentsOfDirectory(atPath directory: String) throws(IndexWriterError) -> [String] {
        try step("list")
        return try POSIXFileSystem().contentsOfDirectory(atPath: directory)
    }

    func removeFile(atPath path: String) {
        guard (try? step("remove \(name(of: path))")) != nil else { return }
        let name = name(of: path)
        guard let file = observedNames[name] else { return }
        SystemCall.removeFile(path)
        pendingOperations.append(.unlink(name, file: file))
        forget(name)
    }

    func synchronizeFile(atPath path: String) throws(IndexWriterError) {
        try step("fsync \(name(of: path))")
        guard let file = observedNames[name(of: path)] else {
            throw .fileSystem(operation: "open the new file", path: path, reason: "No such file or directory")
        }
        durableBytes[file] = latestBytes[file]
    }

    func renameFile(atPath source: String, toPath destination: String) throws(IndexWriterError) {
        let (sourceName, destinationName) = (name(of: source), name(of: destination))
        try step("rename \(sourceName) to \(destinationName)")
        guard let file = observedNames[sourceName] else {
            throw .fileSystem(operation: "replace", path: destination, reason: "No such file or directory")
        }
        try POSIXFileSystem().renameFile(atPath: source, toPath: destination)
        pendingOperations.append(.rename(sourceName, to: destinationName, file: file))
        forget(destinationName)
        observedNames[sourceName] = nil
        observedNames[destinationName] = file
    }

    func synchronizeDirectory(atPath directory: String) throws(IndexWriterError) {
        try step("fsync the folder")
        durableNames = Self.apply(pendingOperations, to: durableNames)
        pendingOperations = []
    }

    // MARK: - Crash and reboot

    /// Cuts the power now (after the publisher returned, for example).
    func crash() {
        observe()
        isCrashed = true
    }

    /// What a reboot kept: the folder operations and the fate of each file's unsynchronized bytes.
    struct RebootReport: CustomStringConvertible {
        /// The operations that survived, in order.
        var keptOperations: [EntryOperation] = []
        /// The operations that were lost.
        var lostOperations: [EntryOperation] = []
        /// Per file name after the reboot, what happened to its unsynchronized bytes.
        var data: [String: String] = [:]

        var description: String {
            "kept \(keptOperations), lost \(lostOperations), unsynchronized data: \(data.sorted { $0.key < $1.key })"
        }
    }

    /// Rewrites the folder as the disk holds it after the crash, keeping the unsynchronized
    /// folder operations that `entries` says and the unsynchronized bytes that `data` says, and
    /// starts over from there (no crash point, everything durable).
    @discardableResult
    func reboot(
        keeping entries: EntrySurvival, data: DataSurvival, using generator: inout some RandomNumberGenerator
    ) throws -> RebootReport {
        if !isCrashed { crash() }
        var report = RebootReport()
        for (index, operation) in pendingOperations.enumerated() {
            let kept: Bool
            switch entries {
            case .none: kept = false
            case .all: kept = true
            case .prefix(let count): kept = index < count
            case .random: kept = Bool.random(using: &generator)
            }
            if kept { report.keptOperations.append(operation) } else { report.lostOperations.append(operation) }
        }
        let names = Self.apply(report.keptOperations, to: durableNames)

        var contents: [String: [UInt8]] = [:]
        for (name, file) in names.sorted(by: { $0.key < $1.key }) {
            let old = durableBytes[file] ?? []
            let new = latestBytes[file] ?? old
            guard old != new else {
                contents[name] = old
                continue
            }
            switch data {
            case .lost: contents[name] = old
            case .kept: contents[name] = new
            case .garbled: contents[name] = Self.garble(old: old, new: new, using: &generator)
            }
            let kept = contents[name]!
            report.data[name] =
                kept == old ? "lost" : kept == new ? "kept" : "garbled (\(kept.count) of \(new.count) bytes)"
        }

        for name in SystemCall.directoryEntries(directory) ?? [] where isRegularFile(name) {
            SystemCall.removeFile(path(of: name))
        }
        for (name, bytes) in contents {
            try Data(bytes).write(to: URL(fileURLWithPath: path(of: name)))
        }
        reset()
        return report
    }

    // MARK: - Model

    /// Records a step: notices what changed behind the double's back, then fails if the
    /// machine is down or the crash point is reached.
    private func step(_ description: String) throws(IndexWriterError) {
        guard !isCrashed else { throw Self.crashError(description) }
        observe()
        if steps.count == crashPoint {
            isCrashed = true
            throw Self.crashError(description)
        }
        steps.append(description)
    }

    private static func crashError(_ operation: String) -> IndexWriterError {
        .fileSystem(operation: operation, path: "(simulated)", reason: "simulated crash")
    }

    /// Lists the folder and turns every difference from the last observation into pending
    /// operations (removals first, as a writer that unlinks then creates does), and reads the
    /// newest bytes of every file.
    private func observe() {
        var now: [String: UInt64] = [:]
        for name in SystemCall.directoryEntries(directory) ?? [] {
            var info = stat()
            guard lstat(path(of: name), &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            now[name] = UInt64(info.st_ino)
        }
        for (name, file) in observedNames.sorted(by: { $0.key < $1.key }) where now[name] != inodeOfFile[file] {
            pendingOperations.append(.unlink(name, file: file))
            forget(name)
        }
        for (name, inode) in now.sorted(by: { $0.key < $1.key }) where observedNames[name] == nil {
            let file = fileOfInode[inode] ?? newFile(inode: inode)
            pendingOperations.append(.link(name, file: file))
            observedNames[name] = file
        }
        for (name, file) in observedNames {
            if let data = FileManager.default.contents(atPath: path(of: name)) { latestBytes[file] = Array(data) }
        }
    }

    /// Drops `name` from the observed folder; its file loses its inode number when no other
    /// name points at it (its bytes are kept: a lost operation may bring it back).
    private func forget(_ name: String) {
        guard let file = observedNames.removeValue(forKey: name) else { return }
        if !observedNames.values.contains(file), let inode = inodeOfFile.removeValue(forKey: file) {
            fileOfInode[inode] = nil
        }
    }

    private func newFile(inode: UInt64) -> Int {
        defer { nextFile += 1 }
        fileOfInode[inode] = nextFile
        inodeOfFile[nextFile] = inode
        return nextFile
    }

    /// Starts over with the folder as it is, all of it durable.
    private func reset() {
        observedNames = [:]
        fileOfInode = [:]
        inodeOfFile = [:]
        latestBytes = [:]
        observe()
        durableNames = observedNames
        durableBytes = latestBytes
        pendingOperations = []
        steps = []
        isCrashed = false
        crashPoint = nil
    }

    /// `names` after `operations`. A removal applies only if the name still points at the
    /// removed file; a rename applies whole even if the creation of its source was lost (the
    /// inode exists either way).
    private static func apply(_ operations: [EntryOperation], to names: [String: Int]) -> [String: Int] {
        var names = names
        for operation in operations {
            switch operation {
            case .link(let name, let file):
                names[name] = file
            case .unlink(let name, let file):
                if names[name] == file { names[name] = nil }
            case .rename(let source, let destination, let file):
                if names[source] == file { names[source] = nil }
                names[destination] = file
            }
        }
        return names
    }

    /// A file whose unsynchronized bytes partly reached the disk.
    private static func garble(old: [UInt8], new: [UInt8], using generator: inout some RandomNumberGenerator)
        -> [UInt8]
    {
        let length: Int
        switch Int.random(in: 0..<3, using: &generator) {
        case 0: length = old.count
        case 1: length = new.count
        default: length = Int.random(in: min(old.count, new.count)...max(old.count, new.count), using: &generator)
        }
        var bytes = [UInt8](repeating: 0, count: length)
        for pageStart in stride(from: 0, to: length, by: pageSize) {
            let source = Bool.random(using: &generator) ? new : old
            for offset in pageStart..<min(pageStart + pageSize, length) where offset < source.count {
                bytes[offset] = source[offset]
            }
        }
        return bytes
    }

    private func name(of path: String) -> String {
        precondition(
            URL(fileURLWithPath: path).deletingLastPathComponent().standardizedFileURL.path
                == URL(fileURLWithPath: directory).standardizedFileURL.path,
            "\(path) is outside the simulated folder \(directory)")
        return URL(fileURLWithPath: path).lastPathComponent
    }

    private func path(of name: String) -> String {
        SystemCall.join(directory, name)
    }

    private func isRegularFile(_ name: String) -> Bool {
        var info = stat()
        return lstat(path(of: name), &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }
}
