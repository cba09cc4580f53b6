import Testing

@testable import ProcessMemory

/// The figures `sideman status` shows follow what the process really holds: a held block
/// raises the heap in use by its size, and freeing it brings it back down. The figures are the
/// whole process's, and other suites run meanwhile: the bounds leave them 1 MB.
@Suite(.serialized) struct ProcessMemoryTests {
    @Test func heapInUseFollowsAHeldBlock() {
        let size = 16 << 20
        let before = ProcessMemory.now()
        let block = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        block.initializeMemory(as: UInt8.self, repeating: 1, count: size)  // touched: resident too
        let holding = ProcessMemory.now()
        block.deallocate()
        let after = ProcessMemory.now()
        #expect(holding.heapInUseKilobytes - before.heapInUseKilobytes >= size / 1024 - 1024)
        #expect(holding.heapInUseKilobytes - after.heapInUseKilobytes >= size / 1024 - 1024)
        #expect(holding.residentKilobytes - before.residentKilobytes >= size / 1024 / 2)
        #expect(before.residentKilobytes > 1024)
    }

    @Test func residentSetIsReadFromProc() throws {
        let resident = try #require(ProcessMemory.residentKilobytes())
        #expect(resident > 1024 && resident < 64 << 20)
    }
}

extension ProcessMemoryTests {
    /// Freed memory in the middle of the heap stays resident until it is given back: what the
    /// daemon does after a reload and once a minute.
    @Test func freedPagesGoBackToTheKernel() {
        let blockSize = 64 << 10  // under glibc's mmap threshold: these come from an arena
        var blocks = (0..<385).map { _ in
            let block = UnsafeMutableRawPointer.allocate(byteCount: blockSize, alignment: 16)
            block.initializeMemory(as: UInt8.self, repeating: 1, count: blockSize)
            return block
        }
        let pin = blocks.removeLast()  // the last one keeps the arena's top: free() cannot shrink it
        defer { pin.deallocate() }
        for block in blocks { block.deallocate() }
        let kept = ProcessMemory.now()
        #expect(ProcessMemory.returnFreeHeap())
        let returned = ProcessMemory.now()
        // 24 MB were freed; most of it was still resident, and is not after the trim.
        #expect(kept.residentKilobytes - returned.residentKilobytes >= 8 << 10)
        #expect(abs(kept.heapInUseKilobytes - returned.heapInUseKilobytes) < 1024)
    }
}
