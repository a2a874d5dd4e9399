import Foundation
import KBTestSupport
import Testing

@testable import KBIndex

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite struct SystemCallTests {
    /// Found by AddressSanitizer under the fuzzer (`Tests/Fuzz`): folder listings copied each
    /// entry's whole 256-byte `d_name`, reading past the directory buffer. Here an entry ends
    /// 32 bytes before an unreadable page, as the last entry of `readdir`'s buffer may: reading
    /// past its name would crash the test.
    @Test func readsAnEntryNameWithoutReadingPastTheEntry() throws {
        let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
        let memory = try #require(mmap(nil, 2 * pageSize, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0))
        try #require(memory != MAP_FAILED)
        defer { munmap(memory, 2 * pageSize) }
        try #require(mprotect(memory + pageSize, pageSize, PROT_NONE) == 0)
        let entryStart = memory + pageSize - 32
        let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
        for (index, byte) in Array("kb.idx".utf8 + [0]).enumerated() {
            entryStart.storeBytes(of: byte, toByteOffset: nameOffset + index, as: UInt8.self)
        }
        let entry = entryStart.bindMemory(to: dirent.self, capacity: 1)
        #expect(SystemCall.entryName(entry) == "kb.idx")
    }

    /// Every name of a folder with long and non-ASCII names comes back whole.
    @Test func listsEveryNameOfAFolder() throws {
        let folderURL = try Fixtures.makeTemporaryDirectory("kb-system-call")
        defer { try? FileManager.default.removeItem(at: folderURL) }
        let folder = folderURL.path
        var expected: Set<String> = []
        for index in 0..<300 {
            let name = "configuração-\(index)-" + String(repeating: "x", count: index % 200)
            let descriptor = open(folder + "/" + name, O_WRONLY | O_CREAT, 0o600)
            try #require(descriptor >= 0)
            close(descriptor)
            expected.insert(name)
        }
        let directory = try #require(opendir(folder))
        defer { closedir(directory) }
        var names: Set<String> = []
        while let entry = readdir(directory) {
            let name = SystemCall.entryName(entry)
            if name != "." && name != ".." { names.insert(name) }
        }
        #expect(names == expected)
    }
}
