import MusicCore
import Testing
@testable import StyleEngine

@Suite struct DrumGridTests {
    @Test func eighthGridPlacesHitsOnEighths() throws {
        let notes = try StyleFixtures.notes(
            """
            section Main A
              bars 1
              rhythm1:
                kick  x . . . X . . .
                snare . . g . . . 9 .
            """, part: .rhythm1)
        let kicks = notes.filter { $0.note == 36 }
        let snares = notes.filter { $0.note == 38 }
        #expect(kicks.map(\.tick) == [0, 3840])
        #expect(kicks.map(\.velocity) == [100, 124])
        #expect(kicks.allSatisfy { $0.duration == 960 })
        #expect(snares.map(\.tick) == [1920, 5760])
        #expect(snares.map(\.velocity) == [45, 127])
    }

    @Test func stepCountSetsTheResolutionPerBar() throws {
        // Bar 1 in sixteenths, bar 2 in eighth-note triplets, written compactly.
        let notes = try StyleFixtures.notes(
            """
            section Main A
              bars 2
              rhythm1:
                hihat x...x...x...x... | x..x..x..x.x
            """, part: .rhythm1)
        let bar = 7680
        #expect(notes.map(\.tick) == [0, 1920, 3840, 5760] + [0, 1920, 3840, 5760, 7040].map { $0 + bar })
        #expect(notes.prefix(4).allSatisfy { $0.duration == 480 })
        #expect(notes.suffix(5).allSatisfy { $0.duration == 640 })
    }

    @Test func shortLaneRepeatsAndLinesContinue() throws {
        let notes = try StyleFixtures.notes(
            """
            section Main A
              bars 4
              rhythm1:
                ride  x . x x
                snare . x . x | %
                snare . . . . | . . . X
            """, part: .rhythm1)
        let ride = notes.filter { $0.note == 51 }.map(\.tick)
        #expect(ride == (0..<4).flatMap { bar in [0, 3840, 5760].map { $0 + bar * 7680 } })
        let snare = notes.filter { $0.note == 38 }
        #expect(snare.map(\.tick) == [1920, 5760, 7680 + 1920, 7680 + 5760, 3 * 7680 + 5760])
        #expect(snare.last?.velocity == 124)
    }

    @Test func drumNamesAndNumbersMapToGeneralMIDIKeys() throws {
        for (name, key) in [("kick", 36), ("rim", 37), ("openhat", 46), ("crash", 49), ("ride", 51), ("42", 42)] {
            let notes = try StyleFixtures.notes("section Main A\nbars 1\nrhythm2:\n\(name) x", part: .rhythm2)
            #expect(notes.map(\.note.intValue) == [key], "\(name)")
        }
    }

    @Test func digitVelocitiesSpanTheRange() throws {
        let notes = try StyleFixtures.notes("section Main A\nbars 1\nrhythm1:\nkick 1 2 3 4 5 6 7 8 9", part: .rhythm1, meter: "9/8")
        #expect(notes.first?.velocity == 14)
        #expect(notes.last?.velocity == 127)
        #expect(zip(notes, notes.dropFirst()).allSatisfy { $0.velocity < $1.velocity })
    }
}
