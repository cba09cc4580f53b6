import Testing

@testable import ProcessMemory

/// The figures `sideman status` shows follow what the process really holds: a held block
/// raises the heap in use by its size, and freeing it brings it back down. The figures are the
/// whole process's, and other suites allocate and free meanwhile: the block is large (128 MB)
/// and the bounds leave the others 16 MB.
@Suite(.serialized) struct ProcessMemoryTests {
    @Test func heapInUseFollowsAHeldBlock() {
        let size = 128 << 20
        let before = ProcessMemory.now()
        let block = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        block.initializeMemory(as: UInt8.self, repeating: 1, count: size)  // touched: resident too
        let holding = ProcessMemory.now()
        block.deallocate()
        let after = ProcessMemory.now()
        #expect(holding.heapInUseKilobytes - before.heapInUseKilobytes >= size / 1024 - (16 << 10))
        #expect(holding.heapInUseKilobytes - after.heapInUseKilobytes >= size / 1024 - (16 << 10))
        #expect(holding.residentKilobytes - before.residentKilobytes >= size / 1024 - (16 << 10))
        #expect(before.residentKilobytes > 1024)
    }

    @Test func residentSetIsReadFromProc() throws {
        let resident = try #require(ProcessMemory.residentKilobytes())
        #expect(resident > 1024 && resident < 64 << 20)
    }
}
