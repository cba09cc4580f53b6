import Foundation
import MusicCore
import Synchronization
import Testing

@testable import ALSASequencer

/// A flood never lets the sequencer run dry: the reader reads a bounded pass at a time and
/// looks at its stop pipe between passes, so that stopping (SIGTERM) stays prompt.
@Suite(.enabled(if: hasSequencer, Comment(rawValue: noSequencer)))
struct SequencerReaderStopTests {
    final class Flag: Sendable { let value = Atomic<Bool>(false) }

    @Test func stopIsPromptDuringAFlood() throws {
        let sender = try SequencerClient(name: "SidemanTestFloodOut")
        let receiver = try SequencerClient(name: "SidemanTestFloodIn")
        let reader = SequencerReader(
            client: receiver, ringCapacity: 1 << 16,
            policy: InputPolicy(selection: .matching([NamePattern("SidemanTestFloodOut:out")])))
        try reader.start()
        let done = Flag()
        let flooding = Thread {
            var i = 0
            while !done.value.load(ordering: .relaxed) {
                try? sender.send(.controlChange(channel: 0, controller: 1, value: UInt7(clamping: i % 128)))
                i += 1
            }
        }
        flooding.start()
        defer { done.value.store(true, ordering: .relaxed) }
        // A consumer that keeps the ring from filling, so that the reader always has work.
        let draining = Thread {
            while !done.value.load(ordering: .relaxed) { while reader.ring.pop() != nil {} }
        }
        draining.start()
        Thread.sleep(forTimeInterval: 0.5)
        let received = reader.ring.refusedCount
        let start = Date()
        reader.stop()
        let took = Date().timeIntervalSince(start)
        print("SequencerReaderStopTests: stop took \(Int(took * 1000)) ms during the flood (refused \(received))")
        #expect(took < 0.2, "stopping took \(took) s during a flood")
    }
}
