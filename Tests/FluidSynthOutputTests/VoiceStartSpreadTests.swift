import MusicCore
import Testing

@testable import FluidSynthOutput

/// The spread on its own: which events a block plays, given what was sent.
@Suite("Note-ons spread over blocks") struct VoiceStartSpreadTests {
    /// Plays blocks: `sent[b]` is sent in block b; returns what each block played.
    func run(_ spread: inout VoiceStartSpread, _ sent: [[MIDIEvent]], blocks: Int) -> [[MIDIEvent]] {
        var played: [[MIDIEvent]] = []
        for b in 0..<blocks {
            var now: [MIDIEvent] = []
            spread.beginBlock { now.append($0) }
            for e in b < sent.count ? sent[b] : [] where spread.admit(e, play: { now.append($0) }) { now.append(e) }
            spread.beginBlock { now.append($0) }  // the render's call: nothing more is due
            spread.endBlock()
            played.append(now)
        }
        return played
    }

    func on(_ channel: UInt8, _ key: UInt8) -> MIDIEvent { .noteOn(channel: MIDIChannel(rawValue: channel)!, note: UInt7(rawValue: key)!, velocity: 100) }
    func off(_ channel: UInt8, _ key: UInt8) -> MIDIEvent { .noteOff(channel: MIDIChannel(rawValue: channel)!, note: UInt7(rawValue: key)!, velocity: 0) }

    @Test func aBarLineBurstSoundsOverThreeBlocksInOrder() {
        var spread = VoiceStartSpread(perBlock: 3, maxWait: 2)
        let burst = (0..<9).map { on(UInt8($0), 60) }
        let played = run(&spread, [burst], blocks: 4)
        #expect(played.map(\.count) == [3, 3, 3, 0])
        #expect(played.flatMap { $0 } == burst)
        #expect(spread.waiting == 0)
    }

    @Test func noNoteWaitsLongerThanMaxWait() {
        // Nine note-ons in each of three blocks: whatever has waited two blocks plays anyway.
        var spread = VoiceStartSpread(perBlock: 3, maxWait: 2)
        let sent = (0..<3).map { b in (0..<9).map { on(UInt8($0), UInt8(40 + b)) } }
        let played = run(&spread, sent, blocks: 6)
        var blockOf: [MIDIEvent: Int] = [:]
        for (b, events) in played.enumerated() { for e in events { blockOf[e] = b } }
        for (b, events) in sent.enumerated() {
            for e in events {
                let at = try! #require(blockOf[e])
                #expect(at >= b && at - b <= 2)
            }
        }
        #expect(played.flatMap { $0 }.count == 27)
    }

    @Test func aChannelKeepsItsOrderBehindAWaitingNote() {
        var spread = VoiceStartSpread(perBlock: 1, maxWait: 2)
        // Channel 1's note waits; its note-off and program change queue behind it, while
        // channel 2's note-off (nothing of channel 2 waits) goes straight through.
        let sent: [MIDIEvent] = [on(0, 60), on(1, 62), off(1, 62), .programChange(channel: 1, program: 5), off(2, 64)]
        let played = run(&spread, [sent], blocks: 3)
        #expect(played[0] == [on(0, 60), off(2, 64)])
        #expect(played[1] == [on(1, 62), off(1, 62), .programChange(channel: 1, program: 5)])
        #expect(played[2].isEmpty)
    }

    @Test func silenceDropsWaitingNotesButNotTheirControllers() {
        var spread = VoiceStartSpread(perBlock: 1, maxWait: 2)
        var now: [MIDIEvent] = []
        for e in [on(0, 60), on(1, 62), .controlChange(channel: 1, controller: 7, value: 90)] where spread.admit(e, play: { now.append($0) }) {
            now.append(e)
        }
        #expect(spread.waiting == 2)
        var rest: [MIDIEvent] = []
        spread.dropNotes { rest.append($0) }
        #expect(rest == [.controlChange(channel: 1, controller: 7, value: 90)])
        #expect(spread.waiting == 0)
    }

    @Test func aResetPlaysAfterEverythingWaiting() {
        var spread = VoiceStartSpread(perBlock: 1, maxWait: 2)
        let played = run(&spread, [[on(0, 60), on(1, 62), .reset, on(2, 64)]], blocks: 2)
        #expect(played == [[on(0, 60), on(1, 62), .reset], [on(2, 64)]])
    }

    @Test func offLetsEverythingThrough() {
        var spread = VoiceStartSpread(perBlock: 0)
        let burst = (0..<9).map { on(UInt8($0), 60) }
        #expect(run(&spread, [burst], blocks: 1) == [burst])
    }

    @Test func aFullQueuePlaysAtOnceRatherThanLosingAnything() {
        var spread = VoiceStartSpread(perBlock: 1, maxWait: 2)
        let burst = (0..<(VoiceStartSpread.capacity + 10)).map { on(UInt8($0 % 16), UInt8($0 % 128)) }
        let played = run(&spread, [burst], blocks: 4)
        #expect(played.flatMap { $0 } == burst)
    }
}
