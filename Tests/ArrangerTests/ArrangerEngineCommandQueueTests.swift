import AllocationCounting
import MusicCore
import StyleEngine
import Testing

@testable import Arranger

/// The commands waiting for the next block: bounded, and one per kind where only the latest
/// counts, so that a burst of controls allocates nothing and two chords named on one frame
/// reach the band once.
@Suite struct ArrangerEngineCommandQueueTests {
    @Test func aBurstOfCommandsInOneBlockAllocatesNothing() {
        var engine = ArrangerEngine(style: TestStyles.pop(), sampleRate: 48_000)
        engine.send(.chord(Chord(root: .c, type: .major)))
        engine.send(.start)
        for _ in 0..<100 { engine.advance(frames: 64, emit: { _ in }, notify: { _ in }) }
        let allocations = AllocationCounter.count {
            for i in 0..<300 {
                engine.send(.section(.main(i % 2 == 0 ? .a : .b)))
                engine.send(.mute(.bass, i % 2 == 0))
                engine.send(.tempo(Tempo(bpm: Double(100 + i % 50))!))
            }
            engine.advance(frames: 64, emit: { _ in }, notify: { _ in })
        }
        #expect(allocations == 0)
        #expect(engine.status.isRunning)
    }

    @Test func twoChordsInOneBlockReachTheBandOnce() {
        var engine = ArrangerEngine(style: TestStyles.pop(), sampleRate: 48_000)
        engine.send(.chord(Chord(root: .c, type: .major)))
        engine.send(.start)
        for _ in 0..<100 { engine.advance(frames: 64, emit: { _ in }, notify: { _ in }) }
        engine.send(.chord(Chord(root: .f, type: .major)))
        engine.send(.chord(Chord(root: .f, type: .dominant7)))
        var changes: [Chord?] = []
        engine.advance(frames: 64, emit: { _ in }, notify: { if case .chordChanged(let c, _) = $0 { changes.append(c) } })
        #expect(changes == [Chord(root: .f, type: .dominant7)])
    }
}
