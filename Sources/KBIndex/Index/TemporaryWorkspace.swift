#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The private folder of one index build's temporary files (stored fields, spill runs, the
/// postings and terms before they are copied into the index).
///
/// It is named `kb-index-build-<pid>-<random>.tmp`: a later build recognises the folder of a
/// build that crashed by the prefix and by its process id no longer running, and removes it
/// (``removeStale(in:)``).
final class TemporaryWorkspace {
    /// The prefix of every workspace folder's name.
    static let namePrefix = "kb-index-build-"
    /// The suffix of every workspace folder's name.
    static let nameSuffix = ".tmp"

    /// The folder.
    let path: String
    private var removed = false

    /// Creates a new workspace folder inside `directory`.
    init(in directory: String) throws(IndexWriterError) {
        let random = String(UInt64.random(in: 0...UInt64.max), radix: 16)
        path = Self.join(directory, "\(Self.namePrefix)\(getpid())-\(random)\(Self.nameSuffix)")
        guard mkdir(path, 0o700) == 0 else {
            throw SystemCall.error("create the temporary folder", path)
        }
    }

    deinit {
        remove()
    }

    /// The path of a file named `name` in the workspace.
    func path(for name: String) -> String {
        Self.join(path, name)
    }

    /// Removes the folder and everything in it. Idempotent.
    func remove() {
        guard !removed else { return }
        removed = true
        Self.removeTree(path)
    }

    /// Removes the workspaces in `directory` left by builds whose process is gone. Returns
    /// how many were removed. A workspace whose process id is running again (reused) is kept.
    @discardableResult
    static func removeStale(in directory: String) -> Int {
        guard let folder = opendir(directory) else { return 0 }
        var stale: [String] = []
        while let entry = readdir(folder) {
            let name = SystemCall.entryName(entry)
            guard name.hasPrefix(namePrefix), name.hasSuffix(nameSuffix) else { continue }
            let middle = name.dropFirst(namePrefix.count).dropLast(nameSuffix.count)
            guard let dash = middle.firstIndex(of: "-"), let pid = pid_t(middle[..<dash]) else { continue }
            if pid != getpid(), kill(pid, 0) != 0, errno == ESRCH {
                stale.append(join(directory, name))
            }
        }
        closedir(folder)
        for path in stale { removeTree(path) }
        return stale.count
    }

    /// Removes the files of the flat folder `path`, then the folder.
    private static func removeTree(_ path: String) {
        if let folder = opendir(path) {
            var names: [String] = []
            while let entry = readdir(folder) {
                let name = SystemCall.entryName(entry)
                if name != "." && name != ".." { names.append(name) }
            }
            closedir(folder)
            for name in names { _ = unlink(join(path, name)) }
        }
        _ = rmdir(path)
    }

    private static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}
