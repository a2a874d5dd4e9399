/// The index file's magic bytes and format versions. The byte layout is specified in
/// `FORMAT.md` at the repository root (section "File"); change both together, and record
/// every version bump in FORMAT.md's History and in CHANGELOG.md.
public enum FormatVersion {
    /// The version this build writes.
    public static let current: UInt32 = 3
    /// The oldest version this build reads.
    public static let oldestReadable: UInt32 = 3
    /// `0x89 'K' 'B' 'I' 'D' 'X' CR LF`, at the start and at the end of every index file.
    public static let magic: [UInt8] = [0x89, 0x4B, 0x42, 0x49, 0x44, 0x58, 0x0D, 0x0A]
    /// Size of the header: magic, version, flags.
    public static let headerSize = 16
    /// Size of the footer: section table offset, length, checksum, version, magic.
    public static let footerSize = 32
    /// Size of one section table entry.
    public static let sectionEntrySize = 32
    /// Alignment of every section's start offset.
    public static let sectionAlignment = 8
}
