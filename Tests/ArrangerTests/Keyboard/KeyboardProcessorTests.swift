import ChordRecognition
import MusicCore
import Testing

@testable import Arranger

@Suite struct KeyboardProcessorTests {
    @Test func splitSendsTheHandsTheirWays() {
        var rig = KeyboardRig()
        rig.down("C4", at: 0)
        #expect(rig.voices == [.noteOn(channel: 0, note: 60, velocity: 100)])
        #expect(rig.commands.isEmpty)
        _ = rig.take()
        // F#3 (54) is the first lead key; F3 (53) is in the chord zone.
        rig.down("F#3", at: 10)
        #expect(rig.voices == [.noteOn(channel: 0, note: 54, velocity: 100)])
        _ = rig.take()
        rig.down("F3", at: 20)
        #expect(rig.voices.isEmpty)
        rig.down("A2 C3", at: 30)
        #expect(rig.commands == [c(.f, .major)])
    }

    @Test func theLeftVoiceIsOptional() {
        var rig = KeyboardRig { $0.leftVoice = true }
        rig.down("C2", at: 0)
        rig.up("C2", at: 100)
        #expect(rig.voices == [.noteOn(channel: 1, note: 36, velocity: 100), .noteOff(channel: 1, note: 36, velocity: 64)])
    }

    @Test func aCompleteChordIsNotDelayed() {
        var rig = KeyboardRig()
        rig.down("C2", at: 1000)
        rig.down("E2", at: 1050)
        rig.down("G2", at: 1100)
        #expect(rig.out == [.command(c(.c, .major), time: 1100)])
    }

    @Test func aLoneKeyWaitsForTheSettleWindow() {
        var rig = KeyboardRig()
        rig.down("C2", at: 1000)
        // 10 ms at 48 kHz.
        #expect(rig.processor.deadline == 1480)
        rig.advance(to: 1479)
        #expect(rig.out.isEmpty)
        rig.advance(to: 1600)
        #expect(rig.out == [.command(c(.c, .onePlusEight), time: 1480)])
    }

    @Test func aLaterEventFlushesADueChordFirst() {
        var rig = KeyboardRig()
        rig.down("C2", at: 0)
        rig.down("C5", at: 2000)
        #expect(rig.out == [.command(c(.c, .onePlusEight), time: 480), .voice(.noteOn(channel: 0, note: 72, velocity: 100), time: 2000)])
    }

    @Test func memoryKeepsTheChordOnRelease() {
        var rig = KeyboardRig()
        rig.down("C2 E2 G2", at: 0)
        _ = rig.take()
        rig.up("C2 E2 G2", at: 100)
        rig.advance(to: 10_000)
        #expect(rig.out.isEmpty)
        // The same chord again changes nothing; a new one is sent.
        rig.down("C2 E2 G2", at: 20_000)
        #expect(rig.out.isEmpty)
        rig.up("C2 E2 G2", at: 20_100)
        rig.down("F2 A2 C2", at: 30_000)
        #expect(rig.commands == [c(.f, .major)])
    }

    @Test func memoryOffStopsTheChordOnRelease() {
        var rig = KeyboardRig { $0.chordMemory = false }
        rig.down("C2 E2 G2", at: 0)
        rig.up("C2 E2", at: 100)
        #expect(rig.commands == [c(.c, .major)])
        rig.up("G2", at: 200)
        #expect(rig.commands == [c(.c, .major), .chord(nil)])
        // The same chord again is sent again.
        rig.down("C2 E2 G2", at: 300)
        #expect(rig.commands == [c(.c, .major), .chord(nil), c(.c, .major)])
    }

    @Test func cancelStopsTheChord() {
        var rig = KeyboardRig()
        rig.down("C2 E2 G2", at: 0)
        rig.up("C2 E2 G2", at: 100)
        rig.down("C2 C#2 D2", at: 200)
        #expect(rig.commands == [c(.c, .major), .chord(nil)])
    }

    @Test func syncStartFiresOnTheFirstChordOnly() {
        var rig = KeyboardRig()
        rig.processor.armSyncStart(true)
        rig.down("C5", at: 0)
        rig.down("C2", at: 10)
        rig.down("E2", at: 20)
        #expect(rig.commands.isEmpty)
        rig.down("G2", at: 30)
        #expect(rig.out.filter { if case .command = $0 { true } else { false } }
            == [.command(c(.c, .major), time: 30), .command(.start, time: 30)])
        #expect(!rig.processor.syncStartArmed)
        rig.up("C2 E2 G2", at: 40)
        rig.down("F2 A2 C2", at: 50)
        #expect(rig.commands == [c(.c, .major), .start, c(.f, .major)])
    }

    @Test func syncStartTakesTheChordAlreadyInMemory() {
        var rig = KeyboardRig()
        rig.down("C2 E2 G2", at: 0)
        rig.up("C2 E2 G2", at: 10)
        rig.processor.armSyncStart(true)
        rig.down("C2 E2 G2", at: 20)
        // The chord is sent again so that an engine armed on its own side starts too.
        #expect(rig.commands == [c(.c, .major), c(.c, .major), .start])
    }

    @Test func syncStopIsOffByDefault() {
        var rig = KeyboardRig()
        rig.down("C2 E2 G2", at: 0)
        rig.up("C2 E2 G2", at: 10)
        #expect(!rig.commands.contains(.stop))
    }

    @Test func syncStopStopsOnReleaseAndRearms() {
        var rig = KeyboardRig { $0.syncStop = true }
        rig.down("C2 E2 G2", at: 0)
        rig.up("C2 E2", at: 10)
        #expect(!rig.commands.contains(.stop))
        rig.up("G2", at: 20)
        #expect(rig.commands == [c(.c, .major), .stop, .syncStart(true)])
        #expect(rig.processor.syncStartArmed)
        rig.down("C2 E2 G2", at: 30)
        #expect(rig.commands == [c(.c, .major), .stop, .syncStart(true), c(.c, .major), .start])
        // Right-hand keys never stop the band.
        _ = rig.take()
        rig.down("C5", at: 40)
        rig.up("C5", at: 50)
        #expect(rig.commands.isEmpty)
    }

    @Test(arguments: [FingeringMode.fullKeyboard, .aiFullKeyboard])
    func fullKeyboardHasNoSyncStopAndReadsBothHands(mode: FingeringMode) {
        var rig = KeyboardRig {
            $0.fingering = mode
            $0.syncStop = true
        }
        // Keys in this order: the triad is complete at E4 and sent at once, then B4 adds the 7th.
        rig.down("C2 G2 E4 B4", at: 0)
        #expect(rig.commands == [c(.c, .major), c(.c, .major7)])
        // Every key sounds the lead voice.
        #expect(rig.voices.count == 4)
        #expect(rig.voices.allSatisfy { $0.channel == 0 })
        // A melody over the chord does not change it.
        rig.up("E4 B4", at: 10)
        rig.down("E4", at: 20)
        rig.down("A5", at: 30)
        rig.up("A5", at: 40)
        rig.down("D6", at: 50)
        #expect(rig.commands == [c(.c, .major), c(.c, .major7), c(.c, .major)])
        rig.up("C2 G2 E4 D6", at: 60)
        #expect(!rig.commands.contains(.stop))
    }

    @Test func transposeMovesBothHandsAndTheChord() {
        var rig = KeyboardRig { $0.transpose = 2; $0.leftVoice = true }
        rig.down("C4", at: 0)
        rig.down("C2 E2 G2", at: 10)
        #expect(rig.voices.first == .noteOn(channel: 0, note: 62, velocity: 100))
        #expect(rig.voices.contains(.noteOn(channel: 1, note: 38, velocity: 100)))
        #expect(rig.commands == [c(.d, .major)])
        _ = rig.take()
        // Changing transpose while keys are held: the chord follows at once, and the held
        // keys still end the notes they started.
        var got: [KeyboardOutput] = []
        rig.processor.setTranspose(-1, at: 20) { got.append($0) }
        #expect(got == [.command(c(.b, .major), time: 20)])
        rig.up("C4 C2", at: 30)
        #expect(rig.voices == [.noteOff(channel: 0, note: 62, velocity: 64), .noteOff(channel: 1, note: 38, velocity: 64)])
        _ = rig.take()
        rig.down("C4", at: 40)
        #expect(rig.voices == [.noteOn(channel: 0, note: 59, velocity: 100)])
    }

    @Test func aSplitChangeKeepsHeldKeysInTheirZones() {
        var rig = KeyboardRig { $0.leftVoice = true }
        rig.down("C4", at: 0)  // lead
        rig.down("C2 E2 G2", at: 0)  // chord
        var s = rig.processor.settings
        s.splitPoint = 72
        rig.processor.update(s, at: 10) { _ in }
        _ = rig.take()
        rig.up("C4", at: 20)
        #expect(rig.voices == [.noteOff(channel: 0, note: 60, velocity: 64)])
        // C4 is now in the chord zone: a chord key with its own voice on the left channel.
        rig.down("C4", at: 30)
        #expect(rig.voices.last == .noteOn(channel: 1, note: 60, velocity: 100))
        _ = rig.take()
        // Keys pressed before the change still leave recognition when released.
        rig.up("C2 E2 G2", at: 40)
        #expect(rig.processor.recognisedChord == Chord(root: .c, type: .major))
        #expect(rig.voices == [36, 40, 43].map { .noteOff(channel: 1, note: UInt7($0)!, velocity: 64) })
    }

    @Test func velocityZeroIsANoteOff() {
        var rig = KeyboardRig()
        rig.down("C5", at: 0)
        rig.send(.noteOn(channel: 0, note: 72, velocity: 0), at: 10)
        #expect(rig.voices == [.noteOn(channel: 0, note: 72, velocity: 100), .noteOff(channel: 0, note: 72, velocity: 0)])
    }

    @Test func aRepeatedNoteOnEndsTheFirstNote() {
        var rig = KeyboardRig()
        rig.down("C5", at: 0)
        rig.down("C5", at: 10, velocity: 90)
        rig.up("C5", at: 20)
        #expect(rig.voices == [
            .noteOn(channel: 0, note: 72, velocity: 100), .noteOff(channel: 0, note: 72, velocity: 0),
            .noteOn(channel: 0, note: 72, velocity: 90), .noteOff(channel: 0, note: 72, velocity: 64),
        ])
    }

    @Test func notesTransposedOffTheKeyboardAreNotSounded() {
        var rig = KeyboardRig { $0.transpose = 12 }
        rig.down("C9", at: 0)  // 120 + 12 > 127
        rig.up("C9", at: 10)
        #expect(rig.voices.isEmpty)
    }

    @Test func controllersGoToTheLeadVoice() {
        var rig = KeyboardRig { $0.leadChannel = 3 }
        rig.send(.controlChange(channel: 0, controller: MIDIController.sustain, value: 127), at: 0)
        rig.send(.pitchBend(channel: 5, value: .center), at: 1)
        #expect(rig.voices == [.controlChange(channel: 3, controller: MIDIController.sustain, value: 127), .pitchBend(channel: 3, value: .center)])
    }

    @Test func releaseAllEndsEverySoundingNote() {
        var rig = KeyboardRig { $0.leftVoice = true }
        rig.down("C2 E2 G2 C5 E5", at: 0)
        var got: [KeyboardOutput] = []
        rig.processor.releaseAll(at: 5) { got.append($0) }
        let offs = got.compactMap { if case .voice(let e, _) = $0, e.isNoteOff { return e } else { return nil } }
        #expect(offs.count == 5)
        // The hands' pedals up and their pitch bend back at centre, before the note-offs.
        let rests = got.prefix { if case .voice(let e, _) = $0 { return !e.isNoteOff } else { return true } }
        #expect(rests.count == 6 && rests.allSatisfy { if case .voice(let e, _) = $0 { return e.isRelease } else { return false } })
        // Releasing the keys afterwards sends nothing more.
        _ = rig.take()
        rig.up("C2 E2 G2 C5 E5", at: 10)
        #expect(rig.voices.isEmpty)
        #expect(rig.processor.recognisedChord == Chord(root: .c, type: .major))
    }

    /// Random playing with random split, transpose, mode and voice changes: after every key
    /// is released, every voice note-on has had exactly one note-off, on its channel and note.
    @Test func randomSessionsLeaveNoNoteSounding() {
        var state: UInt64 = 99
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33) % n
        }
        for _ in 0..<200 {
            var rig = KeyboardRig()
            var held = Set<Int>()
            var time: Int64 = 0
            for _ in 0..<200 {
                time += Int64(next(400))
                switch next(10) {
                case 0:
                    var s = rig.processor.settings
                    s.splitPoint = UInt7(clamping: 36 + next(48))
                    s.leftVoice = next(2) == 0
                    s.fingering = FingeringMode.allCases[next(7)]
                    s.chordMemory = next(2) == 0
                    s.syncStop = next(2) == 0
                    s.leadChannel = MIDIChannel(next(2) == 0 ? 0 : 2)!
                    var got: [KeyboardOutput] = []
                    rig.processor.update(s, at: time) { got.append($0) }
                    rig.out += got
                case 1:
                    var got: [KeyboardOutput] = []
                    rig.processor.setTranspose(next(25) - 12, at: time) { got.append($0) }
                    rig.out += got
                case 2, 3, 4, 5:
                    let key = 24 + next(80)
                    rig.send(.noteOn(channel: 0, note: UInt7(key)!, velocity: UInt7(1 + next(127))!), at: time)
                    held.insert(key)
                default:
                    if !held.isEmpty {
                        let key = held.sorted()[next(held.count)]
                        held.remove(key)
                        rig.send(.noteOff(channel: 0, note: UInt7(key)!, velocity: 0), at: time)
                    }
                }
                rig.advance(to: time)
            }
            for key in held { rig.send(.noteOff(channel: 0, note: UInt7(key)!, velocity: 0), at: time + 1) }
            #expect(rig.voices.filter(\.isNoteOn).count > 20)
            var sounding: [Int: Int] = [:]
            for e in rig.voices {
                switch e {
                case .noteOn(let ch, let n, let v) where v.rawValue > 0:
                    sounding[ch.intValue * 128 + n.intValue, default: 0] += 1
                case .noteOff(let ch, let n, _):
                    sounding[ch.intValue * 128 + n.intValue, default: 0] -= 1
                    #expect(sounding[ch.intValue * 128 + n.intValue]! >= 0, "note-off without note-on")
                default: break
                }
            }
            #expect(sounding.values.allSatisfy { $0 == 0 }, "stuck notes: \(sounding.filter { $0.value != 0 })")
        }
    }
}
