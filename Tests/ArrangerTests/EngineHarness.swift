import MusicCore
import StyleEngine
import Testing

@testable import Arranger

/// One event or notice at an absolute sample.
struct Stamped<T: Hashable>: Hashable {
    var sample: Int
    var value: T
}

struct Render {
    var events: [Stamped<BandEvent>] = []
    var notices: [Stamped<ArrangerNotice>] = []

    var noteOns: [Stamped<BandEvent>] { events.filter { $0.value.event.isNoteOn } }

    func noteOns(part: PartID) -> [Stamped<BandEvent>] { noteOns.filter { $0.value.part == part } }

    func keys(part: PartID, at sample: Int) -> [Int] {
        noteOns(part: part).filter { $0.sample == sample }.compactMap { $0.value.event.key }.sorted()
    }
}

extension MIDIEvent {
    var key: Int? {
        switch self {
        case .noteOn(_, let n, _), .noteOff(_, let n, _): return n.intValue
        default: return nil
        }
    }
}

/// Drives an engine with commands at exact samples: a block is cut where a command falls,
/// so the same schedule gives the same result whatever the block sizes.
struct Harness {
    var engine: ArrangerEngine
    var sample = 0
    var render = Render()

    init(style: Style, sampleRate: Int = 48_000, seed: UInt64 = 1) {
        engine = ArrangerEngine(style: style, sampleRate: sampleRate, seed: seed)
    }

    /// Advance by `frames` in blocks from `blockSizes` (cycled).
    mutating func run(_ frames: Int, blocks blockSizes: [Int] = [64]) {
        var left = frames
        var b = 0
        while left > 0 {
            let n = min(left, blockSizes[b % blockSizes.count])
            b += 1
            let base = sample
            var events: [Stamped<BandEvent>] = []
            var notices: [Stamped<ArrangerNotice>] = []
            engine.advance(
                frames: n,
                emit: { e in
                    #expect(e.frame >= 0 && e.frame < n)
                    events.append(Stamped(sample: base + e.frame, value: e))
                },
                notify: { note in
                    #expect(note.frame >= 0 && note.frame < n)
                    notices.append(Stamped(sample: base + note.frame, value: note))
                })
            for i in events.indices.dropFirst() { #expect(events[i - 1].value.frame <= events[i].value.frame) }
            for i in notices.indices.dropFirst() { #expect(notices[i - 1].value.frame <= notices[i].value.frame) }
            render.events += events
            render.notices += notices
            sample += n
            left -= n
        }
    }

    /// Run until `target` sample, then send the command (it acts at `target`).
    mutating func at(_ target: Int, blocks: [Int] = [64], _ command: ArrangerCommand) {
        if target > sample { run(target - sample, blocks: blocks) }
        engine.send(command)
    }

    mutating func send(_ command: ArrangerCommand) { engine.send(command) }
}

/// Checks that notes are paired: no note-off without its note-on, no second note-on for a
/// sounding (channel, key). Returns the pairs still sounding.
@discardableResult
func checkPairing(_ events: [Stamped<BandEvent>], sourceLocation: SourceLocation = #_sourceLocation) -> Set<[Int]> {
    var sounding = Set<[Int]>()
    for e in events {
        guard let ch = e.value.event.channel?.intValue, let key = e.value.event.key else { continue }
        if e.value.event.isNoteOn {
            if sounding.contains([ch, key]) {
                Issue.record("second note-on \(ch) \(key) at \(e.sample)", sourceLocation: sourceLocation)
            }
            sounding.insert([ch, key])
        } else if e.value.event.isNoteOff {
            if sounding.remove([ch, key]) == nil {
                Issue.record("note-off without note-on \(ch) \(key) at \(e.sample)", sourceLocation: sourceLocation)
            }
        }
    }
    return sounding
}
