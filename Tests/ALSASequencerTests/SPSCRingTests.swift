import Foundation
import Testing

@testable import ALSASequencer

@Suite struct SPSCRingTests {
    @Test func keepsOrderAndRefusesWhenFull() {
        let ring = SPSCRing<Int>(capacity: 5)
        #expect(ring.capacity == 8)
        for i in 0..<8 { #expect(ring.push(i)) }
        #expect(!ring.push(99))
        #expect(ring.refusedCount == 1)
        #expect(ring.count == 8)
        for i in 0..<8 { #expect(ring.pop() == i) }
        #expect(ring.pop() == nil)
    }

    @Test func wrapsAroundManyTimes() {
        let ring = SPSCRing<Int>(capacity: 4)
        var next = 0
        var expected = 0
        for round in 0..<1000 {
            for _ in 0..<(round % 4 + 1) where ring.push(next) { next += 1 }
            while let v = ring.pop() {
                #expect(v == expected)
                expected += 1
            }
        }
        #expect(expected == next)
        #expect(ring.refusedCount == 0)
    }

    @Test func releasesWhatIsLeftInside() {
        final class Token: Sendable {
            let released: @Sendable () -> Void
            init(_ released: @escaping @Sendable () -> Void) { self.released = released }
            deinit { released() }
        }
        let count = Counter()
        do {
            let ring = SPSCRing<Token>(capacity: 4)
            for _ in 0..<3 { ring.push(Token { count.add() }) }
            _ = ring.pop()
            #expect(count.value == 1)
        }
        #expect(count.value == 3)
    }

    /// A producer thread and a consumer thread: every element arrives once, in order.
    @Test func twoThreadsTransferEverythingInOrder() async {
        let ring = SPSCRing<Int>(capacity: 64)
        let total = 200_000
        let producerDone = DispatchSemaphore(value: 0)
        let producer = Thread {
            var i = 0
            while i < total {
                if ring.push(i) { i += 1 } else { sched_yield() }
            }
            producerDone.signal()
        }
        producer.start()
        var expected = 0
        var outOfOrder = 0
        while expected < total {
            if let v = ring.pop() {
                if v != expected { outOfOrder += 1 }
                expected += 1
            } else {
                sched_yield()
            }
        }
        producerDone.wait()
        #expect(outOfOrder == 0)
        #expect(ring.pop() == nil)
        // Refusals are the producer retrying; none was lost.
        #expect(expected == total)
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    func add() { lock.withLock { n += 1 } }
    var value: Int { lock.withLock { n } }
}
