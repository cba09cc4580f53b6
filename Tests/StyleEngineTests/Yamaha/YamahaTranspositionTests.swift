import MusicCore
import Testing

@testable import StyleEngine

/// Imported rules played through the note transposer: the Yamaha manual's examples written
/// as Ctab bytes, and the real styles' tracks under a set of chords.
@Suite struct YamahaTranspositionTests {
    typealias B = YamahaStyleBytes

    /// Yamaha's manuals name middle C "C3": C3 = 60.
    static func yamaha(_ name: String) -> Int {
        let octave = Int(String(name.last!))!
        return 60 + (octave - 3) * 12 + PitchClass(name: name.dropLast())!.rawValue
    }

    static func rules(_ ctab: [UInt8]) throws -> TranspositionRules {
        try YamahaChannelTable(ctab: ctab[8...]).rules().rules
    }

    static func play(_ names: [String], _ rules: TranspositionRules, _ chord: Chord) -> [Int?] {
        names.map { NoteTransposer.transpose(UInt7(yamaha($0))!, rules: rules, chord: chord)?.intValue }
    }

    static let f = Chord(root: .f, type: .major)
    static let fSharp = Chord(root: .fSharp, type: .major)

    /// Manual: root trans, high key F — C3 E3 G3 under F → F3 A3 C4, under F# → F#2 A#2 C#3.
    @Test func rootTransWithHighKeyF() throws {
        let rules = try Self.rules(B.ctab(source: 11, destination: 11, sourceType: 0, ntr: 0, ntt: 2, highKey: 5))
        #expect(Self.play(["C3", "E3", "G3"], rules, Self.f) == ["F3", "A3", "C4"].map(Self.yamaha))
        #expect(Self.play(["C3", "E3", "G3"], rules, Self.fSharp) == ["F#2", "A#2", "C#3"].map(Self.yamaha))
    }

    /// Manual: root fixed — C3 E3 G3 under F → C3 F3 A3.
    @Test func rootFixedKeepsTheRegister() throws {
        let rules = try Self.rules(B.ctab(source: 11, destination: 11, sourceType: 0, ntr: 1, ntt: 2))
        #expect(Self.play(["C3", "E3", "G3"], rules, Self.f) == ["C3", "F3", "A3"].map(Self.yamaha))
    }

    /// Manual: note limits C3–D4 with high key F — C3 E3 G3 under F → F3 A3 C4, and the same
    /// notes written an octave higher fold back to the same keys.
    @Test func noteLimitsFold() throws {
        let rules = try Self.rules(
            B.ctab(
                source: 11, destination: 11, sourceType: 0, ntr: 0, ntt: 2, highKey: 5,
                low: UInt8(Self.yamaha("C3")), high: UInt8(Self.yamaha("D4"))))
        #expect(Self.play(["C3", "E3", "G3"], rules, Self.f) == ["F3", "A3", "C4"].map(Self.yamaha))
        #expect(Self.play(["C4", "E4", "G4"], rules, Self.f) == ["F3", "A3", "C4"].map(Self.yamaha))
    }

    /// A minor-only channel (Cm source, minor type mask) is silent under a major chord and
    /// plays under a minor one.
    @Test func masksSilenceTheOtherChannel() throws {
        let minor = try Self.rules(B.ctab(source: 2, destination: 10, types: 0x00_0007_FF00, sourceType: 8, ntt: 2))
        #expect(NoteTransposer.transpose(60, rules: minor, chord: Self.f) == nil)
        #expect(NoteTransposer.transpose(60, rules: minor, chord: Chord(root: .f, type: .minor)) != nil)
    }
}

/// Every real style's Main A and Fill A, played under a set of chords.
@Suite(.enabled(if: YamahaTestFiles.available, "skipped: no Yamaha styles at ../shared/testdata/yamaha-styles"))
struct YamahaRealTranspositionTests {
    static let chords: [Chord] = [
        Chord(root: .c, type: .major7), Chord(root: .f, type: .major), Chord(root: .a, type: .minor7),
        Chord(root: .g, type: .dominant7), Chord(root: .bFlat, type: .sixth), Chord(root: .eFlat, type: .minor7Flat5),
        Chord(root: .fSharp, type: .diminished7), Chord(root: .d, type: .sus4), Chord(root: .e, type: .minor, bass: .g),
    ]

    @Test(arguments: YamahaTestFiles.names)
    func tracksPlayInsideTheirLimits(name: String) throws {
        let style = try YamahaStyleReader.read(try YamahaTestFiles.bytes(name), fileName: name)
        for id in [SectionID.main(.a), .fill(.a)] {
            guard let section = style.sections[id] else { continue }
            for (part, tracks) in section.parts {
                for chord in Self.chords {
                    // Some track of each pitched part plays on every chord (the masks cover them).
                    let playing = tracks.filter { $0.rules.plays(on: chord) }
                    if !part.isRhythm { #expect(!playing.isEmpty, "\(id) \(part) silent on \(chord)") }
                    for track in playing {
                        let r = track.rules
                        let isDrums = r.table == .bypass && r.rootRule == .fixed && r.lowLimit == 0 && r.highLimit == 127
                        for note in track.notes {
                            let played = NoteTransposer.transpose(note.note, rules: r, chord: chord)
                            if isDrums {
                                #expect(played == note.note)
                            } else if let played, r.highLimit.intValue - r.lowLimit.intValue >= 11 {
                                #expect((r.lowLimit...r.highLimit).contains(played), "\(id) \(part) \(note.note) → \(played)")
                            }
                        }
                    }
                }
            }
        }
    }

    /// Under the chord it was written on, a bypass track, or a chord-table track's chord
    /// tones, sound as written (when inside the limits). Written tensions are left out here:
    /// the chord table moves them to a chord tone even under the source chord (a 9th over
    /// CM7 becomes the root), a choice of the transposer, not of the import.
    @Test(arguments: YamahaTestFiles.names)
    func sourceChordPlaysAsWritten(name: String) throws {
        let style = try YamahaStyleReader.read(try YamahaTestFiles.bytes(name), fileName: name)
        var checked = 0
        for section in style.sections.values {
            for track in section.parts.values.joined() where [.bypass, .chord].contains(track.rules.table) {
                let r = track.rules
                guard r.plays(on: r.sourceChord) else { continue }
                let tones = Set(r.sourceChord.type.tones.map { r.sourceChord.root.transposed(by: $0) })
                for note in track.notes where (r.lowLimit...r.highLimit).contains(note.note) {
                    guard r.table == .bypass || tones.contains(PitchClass(note: note.note)) else { continue }
                    #expect(NoteTransposer.transpose(note.note, rules: r, chord: r.sourceChord) == note.note)
                    checked += 1
                }
            }
        }
        #expect(checked > 0)
    }
}
