public import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The articles under a folder: every `.html`, `.htm` and `.jsonl` file, found recursively.
///
/// The walk is deterministic: sources come sorted by their path relative to ``root``
/// (byte order, "/" separators). Hidden files and folders (names starting with ".") are
/// skipped; symbolic links are followed, but a folder already visited (a link loop, or a
/// second link to the same folder) is not entered again. Problems never stop the walk: an
/// unreadable folder or a broken link to an article file becomes an ``ArticleParseError``.
///
/// ```swift
/// let folder = ArticleFolder(root: URL(fileURLWithPath: "Articles"))
/// for result in folder.articles() {
///     switch result {
///     case .success(let article): index(article)
///     case .failure(let error): print(error)   // "conta/x.html: skipped: the file is empty."
///     }
/// }
/// ```
///
/// To parse in parallel, take ``sources()`` and call ``articles(in:)`` for each source from
/// any thread; ``ArticleParser`` is safe to share.
public struct ArticleFolder: Sendable {
    /// One article file found under the folder.
    public struct Source: Sendable, Hashable {
        /// How the file holds its articles.
        public enum Format: Sendable, Hashable {
            /// One HTML page (`.html`, `.htm`): one article.
            case html
            /// A JSON Lines export (`.jsonl`): one article per line.
            case jsonLines
        }

        /// The path relative to the folder, with "/" separators (`conta/senha.html`); the
        /// default article id for HTML files.
        public var path: String
        /// Where the file is.
        public var url: URL
        /// How the file holds its articles.
        public var format: Format
    }

    /// The folder that is walked.
    public var root: URL
    /// The parser for every file found.
    public var parser: ArticleParser

    /// Creates a walker for the folder at `root`.
    public init(root: URL, parser: ArticleParser = ArticleParser()) {
        self.root = root
        self.parser = parser
    }

    /// Every article file under ``root``, and every problem met while listing, sorted by path.
    ///
    /// When ``root`` itself cannot be listed, the only element is that error (with the root's path).
    public func sources() -> [Result<Source, ArticleParseError>] {
        let rootPath = root.path
        var results: [Result<Source, ArticleParseError>] = []
        var information = stat()
        guard stat(rootPath, &information) == 0 else {
            let reason = ArticleParseError.Reason.unreadable(ArticleFileReader.systemMessage(for: errno))
            return [.failure(ArticleParseError(path: rootPath, reason: reason))]
        }
        guard (information.st_mode & S_IFMT) == S_IFDIR else {
            return [
                .failure(
                    ArticleParseError(
                        path: rootPath, reason: .unreadable(ArticleFileReader.systemMessage(for: ENOTDIR))))
            ]
        }
        var visitedFolders: Set<FolderIdentity> = [FolderIdentity(information)]
        // Real folders are walked first; folders reached through a symbolic link wait until
        // then and are taken in path order, so that which path wins for a folder reachable
        // twice does not depend on the order in which the system lists entries.
        var foldersToList = [""]
        var linkedFolders: [String] = []
        while true {
            guard let folder = foldersToList.popLast() else {
                linkedFolders.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
                guard !linkedFolders.isEmpty else { break }
                let linked = linkedFolders.removeFirst()
                var linkedInformation = stat()
                if stat(rootPath + "/" + linked, &linkedInformation) == 0,
                    visitedFolders.insert(FolderIdentity(linkedInformation)).inserted
                {
                    foldersToList.append(linked)
                }
                continue
            }
            let folderPath = folder.isEmpty ? rootPath : rootPath + "/" + folder
            guard let directory = opendir(folderPath) else {
                let reason = ArticleParseError.Reason.unreadable(ArticleFileReader.systemMessage(for: errno))
                results.append(.failure(ArticleParseError(path: folder.isEmpty ? rootPath : folder, reason: reason)))
                continue
            }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = SystemCall.entryName(entry)
                if name.hasPrefix(".") { continue }
                let relativePath = folder.isEmpty ? name : folder + "/" + name
                let entryPath = rootPath + "/" + relativePath
                let format = Self.format(ofFileNamed: name)
                var entryInformation = stat()
                guard stat(entryPath, &entryInformation) == 0 else {
                    // A broken link (or a link loop to a file) where an article should be.
                    if format != nil {
                        let reason = ArticleParseError.Reason.unreadable(ArticleFileReader.systemMessage(for: errno))
                        results.append(.failure(ArticleParseError(path: relativePath, reason: reason)))
                    }
                    continue
                }
                if (entryInformation.st_mode & S_IFMT) == S_IFDIR {
                    var linkInformation = stat()
                    let isLink =
                        lstat(entryPath, &linkInformation) == 0 && (linkInformation.st_mode & S_IFMT) == S_IFLNK
                    if isLink {
                        linkedFolders.append(relativePath)
                    } else if visitedFolders.insert(FolderIdentity(entryInformation)).inserted {
                        foldersToList.append(relativePath)
                    }
                } else if let format {
                    let url = root.appendingPathComponent(relativePath, isDirectory: false)
                    results.append(.success(Source(path: relativePath, url: url, format: format)))
                }
            }
        }
        return results.sorted { Self.path(of: $0).utf8.lexicographicallyPrecedes(Self.path(of: $1).utf8) }
    }

    /// Parses one source: one result for an HTML file, one per non-blank line of a JSON Lines file.
    public func articles(in source: Source) -> [Result<Article, ArticleParseError>] {
        switch source.format {
        case .html:
            return [
                Result { () throws(ArticleParseError) in try parser.parse(contentsOf: source.url, path: source.path) }
            ]
        case .jsonLines:
            return JSONLinesArticleReader(parser: parser).articles(contentsOf: source.url, path: source.path)
        }
    }

    /// Every article and every problem under ``root``, one file after the other, in path order.
    public func articles() -> some Sequence<Result<Article, ArticleParseError>> {
        sources().lazy.flatMap { source -> [Result<Article, ArticleParseError>] in
            switch source {
            case .success(let source): articles(in: source)
            case .failure(let error): [.failure(error)]
            }
        }
    }

    /// The format for an article file name, by extension (case-insensitive), or `nil`.
    static func format(ofFileNamed name: String) -> Source.Format? {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        switch name[name.index(after: dot)...].lowercased() {
        case "html", "htm": return .html
        case "jsonl": return .jsonLines
        default: return nil
        }
    }

    private static func path(of result: Result<Source, ArticleParseError>) -> String {
        switch result {
        case .success(let source): source.path
        case .failure(let error): error.path
        }
    }
}

/// A folder's identity on disk (device and inode), to enter each folder once.
private struct FolderIdentity: Hashable {
    var device: UInt64
    var inode: UInt64

    init(_ information: stat) {
        device = UInt64(truncatingIfNeeded: information.st_dev)
        inode = UInt64(truncatingIfNeeded: information.st_ino)
    }
}
