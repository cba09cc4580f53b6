import AllocationCounting
import MusicCore
import Testing

@testable import SidemanDaemon

/// The audio thread's whole path — input popped from the reader's ring, control mapping,
/// keyboard processing and chord recognition, the engine, the synthesizer's note calls and
/// its rendering, the `out` ring and MIDI clock — allocates nothing in the steady state.
/// FluidSynth is C and allocates through the same malloc, so it is counted too.
@Suite struct LivePathAllocationTests {
    /// A performance, block by block: chords in the left hand, a melody in the right, the
    /// sustain pedal, pitch bend, channel pressure and an outside MIDI clock (followed).
    private static func input(forBlock b: Int) -> [MIDIEvent] {
        let chords: [[UInt8]] = [[36, 40, 43], [45, 48, 52], [41, 45, 48, 52], [43, 47, 50, 53]]
        var events: [MIDIEvent] = []
        if b % 375 == 0 {  // every half second, a new chord
            let previous = chords[(b / 375 + 3) % 4], next = chords[(b / 375) % 4]
            events += previous.map { .noteOff(channel: 0, note: UInt7(rawValue: $0)!, velocity: 0) }
            events += next.map { .noteOn(channel: 0, note: UInt7(rawValue: $0)!, velocity: 80) }
        }
        if b % 94 == 0 { events.append(.noteOn(channel: 0, note: UInt7(60 + (b / 94) % 24)!, velocity: 100)) }
        if b % 94 == 50 { events.append(.noteOff(channel: 0, note: UInt7(60 + (b / 94) % 24)!, velocity: 0)) }
        if b % 500 == 0 { events.append(.controlChange(channel: 0, controller: 64, value: b % 1000 == 0 ? 127 : 0)) }
        if b % 40 == 0 { events.append(.pitchBend(channel: 0, value: UInt14(rawValue: UInt16(8192 + (b % 400) * 10))!)) }
        if b % 60 == 0 { events.append(.channelPressure(channel: 0, pressure: UInt7(b % 128)!)) }
        if b % 16 == 0 { events.append(.clock) }  // 64 × 16 samples = 21.3 ms: 117 BPM
        return events
    }

    @Test(.enabled(if: LiveFixture.soundFont != nil, Comment(rawValue: LiveFixture.noSoundFont)))
    func theSteadyStateAllocatesNothing() throws {
        let state = try LiveFixture.state(loadSoundFont: true) { $0.clock.follow = true }
        var buffer = [Float](repeating: 0, count: 128)
        var ns: UInt64 = 1_000_000_000
        func run(_ blocks: Range<Int>, counting: Bool) -> [Int] {
            var counts: [Int] = []
            counts.reserveCapacity(blocks.count)
            for b in blocks {
                LiveFixture.push(Self.input(forBlock: b), to: state, atNanoseconds: ns)
                ns += 1_333_333
                let n = AllocationCounter.count {
                    state.block(64)
                    buffer.withUnsafeMutableBufferPointer { _ = state.synth.render(into: $0) }
                }
                if counting { counts.append(n) }
                _ = state.output?.ring.count  // the output thread's side is not the audio thread's
                while state.output?.ring.pop() != nil {}
                while state.notices.pop() != nil {}
            }
            return counts
        }
        _ = run(0..<3000, counting: false)  // four seconds: every chord, key and voice met once
        let counts = run(3000..<(3000 + 48_000 * 10 / 64), counting: true)  // ten seconds
        #expect(state.band.engine.status.isRunning)
        let total = counts.reduce(0, +)
        #expect(AllocationCounter.count { _ = [Int](repeating: 0, count: 4) } != 0, "the counter counts")
        #expect(total == 0, "\(total) allocations in \(counts.count) blocks; first at block \(counts.firstIndex { $0 > 0 } ?? -1)")
    }
}
