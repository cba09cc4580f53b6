import Foundation
import Glibc
import Testing

@testable import SidemanDaemon

/// A configuration read again and again (every SIGHUP reload) leaves as little behind as the
/// TOML library allows: TOMLKit 0.6 keeps each parsed document (24 KB for the shipped file)
/// until told to release it, which the parser now does. What remains (about 8 KB a parse) are
/// the copies TOMLKit makes of every string value and key it hands out, which its API gives no
/// way to free. Found by the `config` fuzz target (LeakSanitizer).
@Suite struct ConfigMemoryTests {
    static let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("config/sideman.toml")

    /// Bytes a parse may leave: TOMLKit's string and key copies, not the document.
    static let bound = 12 * 1024

    /// Heap bytes in use, all arenas: what glibc's `malloc_info` report totals (the system's
    /// memory for the heap, less its free chunks, plus large blocks mapped on their own).
    static func heapInUse() -> Int {
        typealias MallocInfo = @convention(c) (Int32, UnsafeMutablePointer<FILE>?) -> Int32
        guard let symbol = dlsym(nil, "malloc_info") else { return 0 }  // nil: RTLD_DEFAULT
        let mallocInfo = unsafeBitCast(symbol, to: MallocInfo.self)
        var buffer: UnsafeMutablePointer<CChar>?
        var size = 0
        guard let stream = open_memstream(&buffer, &size) else { return 0 }
        _ = mallocInfo(0, stream)
        fclose(stream)
        defer { free(buffer) }
        guard let buffer else { return 0 }
        let xml = String(cString: buffer)
        // The totals come last, after each arena's own lines.
        func last(_ prefix: String) -> Int {
            guard let range = xml.range(of: prefix, options: .backwards) else { return 0 }
            let rest = xml[range.upperBound...]
            guard let sizeRange = rest.range(of: "size=\"") else { return 0 }
            return Int(rest[sizeRange.upperBound...].prefix { $0.isNumber }) ?? 0
        }
        return last("<system type=\"current\"") - last("<total type=\"fast\"") - last("<total type=\"rest\"") + last("<total type=\"mmap\"")
    }

    @Test func rereadingTheShippedFileDoesNotGrowTheHeap() throws {
        let text = try String(contentsOf: Self.shipped, encoding: .utf8)
        for _ in 0..<10 { _ = try SidemanConfig.parse(text) }
        // Other tests allocate at the same time: a leak shows in every try, noise in few.
        var growths: [Int] = []
        for _ in 0..<3 {
            let before = Self.heapInUse()
            for _ in 0..<150 { _ = try SidemanConfig.parse(text) }
            growths.append((Self.heapInUse() - before) / 150)
            if growths.last! < Self.bound { break }
        }
        print("config parse: heap growth per parse \(growths) bytes")
        #expect(growths.min()! < Self.bound, "each parse of the shipped file leaves \(growths.min()!) bytes on the heap")
    }
}
