import Testing

@testable import ALSASequencer

@Suite struct SysExAssemblerTests {
    @Test func aWholeMessageInOneChunkPassesThrough() {
        var a = SysExAssembler()
        #expect(a.add([0xF0, 0x01, 0xF7]) == [0xF0, 0x01, 0xF7])
    }

    @Test func chunksAreJoinedWhateverTheSplit() {
        let message: [UInt8] = [0xF0] + (0..<600).map { UInt8($0 % 128) } + [0xF7]
        for size in [1, 2, 7, 256, 601, 602] {
            var a = SysExAssembler()
            var results: [[UInt8]] = []
            var i = 0
            while i < message.count {
                let chunk = Array(message[i..<min(i + size, message.count)])
                if let m = a.add(chunk) { results.append(m) }
                i += size
            }
            #expect(results == [message], "chunk size \(size)")
            #expect(a.droppedCount == 0)
        }
    }

    @Test func anOverlongMessageIsDroppedWholeAndTheNextOneArrives() {
        var a = SysExAssembler(maximumLength: 10)
        #expect(a.add([0xF0] + Array(repeating: 1, count: 8)) == nil)
        #expect(a.add([2, 3, 4, 0xF7]) == nil)
        #expect(a.droppedCount == 1)
        #expect(a.add([0xF0, 5, 0xF7]) == [0xF0, 5, 0xF7])
    }

    @Test func aContinuationWithoutStartAndAnUnfinishedMessageAreDropped() {
        var a = SysExAssembler()
        #expect(a.add([1, 2, 0xF7]) == nil)
        #expect(a.droppedCount == 1)
        #expect(a.add([0xF0, 1]) == nil)
        #expect(a.add([0xF0, 2, 0xF7]) == [0xF0, 2, 0xF7])
        #expect(a.droppedCount == 2)
    }
}
