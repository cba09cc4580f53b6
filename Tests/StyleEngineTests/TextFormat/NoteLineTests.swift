import MusicCore
import Testing
@testable import StyleEngine

@Suite struct NoteLineTests {
    @Test func walkingLineInQuarters() throws {
        let notes = try StyleFixtures.notes("section Main A\nbars 1\nbass:\n  C2/q E2 G2 A2", part: .bass)
        #expect(notes.map(\.tick) == [0, 1920, 3840, 5760])
        #expect(notes.map(\.note.intValue) == [36, 40, 43, 45])
        #expect(notes.allSatisfy { $0.duration == 1920 && $0.velocity == 100 })
    }

    @Test func durationsDotsTripletsAndTies() {
        #expect(NoteLineReader.duration("w") == 7680)
        #expect(NoteLineReader.duration("h.") == 5760)
        #expect(NoteLineReader.duration("e3") == 640)
        #expect(NoteLineReader.duration("q3") == 1280)
        #expect(NoteLineReader.duration("s") == 480)
        #expect(NoteLineReader.duration("t") == 240)
        #expect(NoteLineReader.duration("h+e") == 4800)
        #expect(NoteLineReader.duration("x") == nil)
        #expect(NoteLineReader.duration("q..") == nil)
        #expect(NoteLineReader.duration("") == nil)
    }

    @Test func chordsRestsVelocityAccentAndStaccato() throws {
        let notes = try StyleFixtures.notes(
            """
            part chord1
              velocity 80
            section Main A
              bars 1
              chord1:
                r/q [E3 G3 B3 D4]/q'@70 r/e [E3 A3 B3 D4]/q.!
            """, part: .chord1)
        #expect(notes.count == 8)
        let first = notes.filter { $0.tick == 1920 }
        #expect(first.map(\.note.intValue) == [52, 55, 59, 62])
        #expect(first.allSatisfy { $0.duration == 960 && $0.velocity == 70 })
        let second = notes.filter { $0.tick == 4800 }
        #expect(second.map(\.note.intValue) == [52, 57, 59, 62])
        #expect(second.allSatisfy { $0.duration == 2880 && $0.velocity == 104 })
    }

    @Test func barRepeatAndShortPatternRepeat() throws {
        let notes = try StyleFixtures.notes(
            "section Main A\nbars 4\nbass:\n  C2/h G1 | %", part: .bass)
        #expect(notes.map(\.tick) == [0, 3840, 7680, 11520, 15360, 19200, 23040, 26880])
        #expect(notes.map(\.note.intValue) == [36, 31, 36, 31, 36, 31, 36, 31])
    }

    @Test func durationCarriesToTheNextNote() throws {
        let notes = try StyleFixtures.notes("section Main A\nbars 1\nbass:\n  C2/e D2 E2 F2 G2/h", part: .bass)
        #expect(notes.map(\.tick) == [0, 960, 1920, 2880, 3840])
        #expect(notes.map(\.duration) == [960, 960, 960, 960, 3840])
    }

    @Test func sharpsAreNotComments() throws {
        let notes = try StyleFixtures.notes("section Main A\nbars 1\nbass: F#2/h Bb1/h # a comment", part: .bass)
        #expect(notes.map(\.note.intValue) == [42, 34])
    }

    @Test func compoundMeterBars() throws {
        let notes = try StyleFixtures.notes("section Main A\nbars 2\nbass: C2/q. G1/q. | C2/q. E2/q.", part: .bass, meter: "6/8")
        #expect(notes.map(\.tick) == [0, 2880, 5760, 8640])
        let style = try StyleTextFormat.parse(StyleFixtures.wrap("section Main A\nbars 2\nbass: C2/q. G1", meter: "6/8"), fileName: "t")
        #expect(style.sections[.main(.a)]?.length == 11520)
    }

    @Test func minorTrackGetsItsOwnTypeMask() throws {
        let style = try StyleTextFormat.parse(
            StyleFixtures.wrap(
                """
                section Main A
                  bars 1
                  phrase1 when major: E4/w
                  phrase1 when minor: Eb4/w
                """), fileName: "t")
        let tracks = try #require(style.sections[.main(.a)]?.parts[.phrase1])
        #expect(tracks.count == 2)
        let cm7 = Chord(root: .c, type: .minor7)
        let c7 = Chord(root: .c, type: .dominant7)
        #expect(tracks[0].rules.plays(on: c7) && !tracks[0].rules.plays(on: cm7))
        #expect(tracks[1].rules.plays(on: cm7) && !tracks[1].rules.plays(on: c7))
        #expect(tracks[0].rules.table == .melody)
    }
}
