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
        // The flood reached the reader (else a prompt stop would prove nothing).
        #expect(reader.passes.load(ordering: .relaxed) > 0, "the reader never read the flood")
        let start = Date()
        reader.stop()
        let took = Date().timeIntervalSince(start)
        print("SequencerReaderStopTests: stop took \(Int(took * 1000)) ms during the flood (refused \(received))")
        #expect(took < 0.2, "stopping took \(took) s during a flood")
    }

    /// 900 events waiting at once (a burst into a larger kernel buffer): read in passes of a
    /// bounded size, every one of them delivered, including those a pass left in alsa-lib's
    /// own buffer, which the reader's wait does not see.
    @Test func aBurstIsReadInBoundedPassesAndDeliveredWhole() throws {
        let sender = try SequencerClient(name: "SidemanTestBurstOut")
        let receiver = try SequencerClient(name: "SidemanTestBurstIn")
        try receiver.setInputBuffer(events: 1_000)
        try receiver.connectInput(from: sender.outputAddress)
        let reader = SequencerReader(client: receiver, ringCapacity: 4_096, policy: InputPolicy(selection: .none))
        for i in 0..<900 { try sender.send(.controlChange(channel: 0, controller: 1, value: UInt7(clamping: i % 128))) }
        try reader.start()
        defer { reader.stop() }
        let deadline = Date().addingTimeInterval(3)
        while reader.ring.count < 900 && Date() < deadline { usleep(5_000) }
        #expect(reader.ring.count == 900, "delivered \(reader.ring.count) of 900")
        let passes = reader.passes.load(ordering: .relaxed)
        #expect(passes >= 4, "read in \(passes) pass(es), not in passes of at most 256")
    }
}
