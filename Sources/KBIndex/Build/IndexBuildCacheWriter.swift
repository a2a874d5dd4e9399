import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes the next reindex cache while a build runs, entry by entry, to a spool file in a
/// ``TemporaryWorkspace`` beside the index, then renames it over `<index>.cache`: readers see
/// the old cache or the whole new one. No lock is needed: two builds that finish together
/// each rename a complete, valid cache, and the last one wins.
///
/// The cache is an accelerator, so nothing here throws: the first failure disables the
/// writer and leaves the old cache in place, and ``publish()`` returns `false`. The workspace
/// of a crashed build is removed by a later build, like the index writer's.
final class IndexBuildCacheWriter {
    private let destination: String
    private let workspace: TemporaryWorkspace
    private let spoolPath: String
    private var descriptor: Int32
    private var checksum = CRC32C()
    private var entryCount: UInt64 = 0
    private var pending = BinaryWriter(capacity: 1 << 16)

    /// Starts a cache for `destination` written under `key`; `nil` if the spool cannot be created.
    init?(destination: URL, key: String) {
        self.destination = destination.path(percentEncoded: false)
        let directory = destination.deletingLastPathComponent().path(percentEncoded: false)
        guard let workspace = try? TemporaryWorkspace(in: directory) else { return nil }
        self.workspace = workspace
        spoolPath = workspace.path(for: "cache")
        descriptor = open(spoolPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return nil }
        pending.writeBytes(IndexBuildCacheFormat.magic)
        pending.writeUInt32(IndexBuildCacheFormat.version)
        pending.writeString(key)
    }

    deinit {
        abandon()
        workspace.remove()
    }

    /// Adds the results of the source at `path`, whose bytes have `fingerprint`.
    func add(path: String, fingerprint: ContentFingerprint, results: [Result<AnalyzedArticle, ArticleParseError>]) {
        guard descriptor >= 0 else { return }
        var entry = BinaryWriter()
        IndexBuildCacheFormat.writeEntry(path: path, fingerprint: fingerprint, results: results, to: &entry)
        pending.writeUInt8(IndexBuildCacheFormat.entryMarker)
        pending.writeVarUInt(UInt64(entry.count))
        pending.writeBytes(entry.bytes)
        entryCount += 1
        if pending.count >= 1 << 20 { flush() }
    }

    /// Ends the cache and renames it over `<index>.cache`; `false` if it could not.
    @discardableResult
    func publish() -> Bool {
        guard descriptor >= 0 else { return false }
        pending.writeUInt8(IndexBuildCacheFormat.endMarker)
        pending.writeUInt64(entryCount)
        flush()
        // The checksum covers every byte before it.
        var trailer = BinaryWriter()
        trailer.writeUInt32(checksum.value)
        guard descriptor >= 0, write(trailer.bytes) else { return false }
        do {
            try SystemCall.synchronize(descriptor, path: spoolPath)
        } catch {
            abandon()
            return false
        }
        close(descriptor)
        descriptor = -1
        guard rename(spoolPath, destination) == 0 else {
            SystemCall.removeFile(spoolPath)
            return false
        }
        return true
    }

    /// Writes the pending bytes to the spool, updating the checksum.
    private func flush() {
        guard descriptor >= 0, pending.count > 0 else { return }
        let bytes = pending.bytes
        pending = BinaryWriter(capacity: 1 << 16)
        checksum.update(bytes)
        _ = write(bytes)
    }

    private func write(_ bytes: [UInt8]) -> Bool {
        let written = bytes.withUnsafeBytes { buffer in
            (try? SystemCall.writeFully(descriptor, buffer, path: spoolPath)) != nil
        }
        if !written { abandon() }
        return written
    }

    /// Closes and removes the spool, if still open.
    private func abandon() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
        SystemCall.removeFile(spoolPath)
    }
}
