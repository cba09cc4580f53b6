import MusicCore
import Testing

@testable import StyleEngine

@Suite struct YamahaStyleReaderTests {
    typealias B = YamahaStyleBytes

    /// A small style at 96 ticks per quarter: setup bar, Main A, Main B, a user "Fill In AB".
    static func sampleFile(ppq: Int = 96, casm: [UInt8]? = nil) -> [UInt8] {
        let bar = ppq * 4
        var events: [(Int, B.Event)] = [
            (0, .meter(4, 2)), (0, .tempo(500_000)), (0, .marker("SFF1")), (0, .marker("SInt")),
            (0, .cc(channel: 8, controller: 0, value: 127)), (0, .program(channel: 8, program: 25)),
            (0, .cc(channel: 10, controller: 0, value: 0)), (0, .program(channel: 10, program: 33)),
            (0, .cc(channel: 10, controller: 7, value: 90)), (0, .cc(channel: 10, controller: 10, value: 40)),
            (0, .cc(channel: 10, controller: 91, value: 20)), (0, .cc(channel: 10, controller: 93, value: 10)),
            (0, .cc(channel: 11, controller: 0, value: 8)), (0, .program(channel: 11, program: 3)),
            (bar, .marker("Main A")),
            // Drums, bass on the downbeat, a chord note that straddles the end of Main A.
            (bar, .on(channel: 8, note: 36, velocity: 100)), (bar + ppq / 2, .off(channel: 8, note: 36)),
            (bar, .on(channel: 10, note: 36, velocity: 90)), (bar + ppq, .off(channel: 10, note: 36)),
            (bar + 3 * ppq, .on(channel: 11, note: 64, velocity: 80)), (bar + 5 * ppq, .off(channel: 11, note: 64)),
            // Mega Voice noise on the guitar channel: left out.
            (bar + ppq, .on(channel: 11, note: 100, velocity: 80)), (bar + ppq + 10, .off(channel: 11, note: 100)),
            // A destination that is not a part, a 9–16 channel without table, a 1–8 channel without table.
            (bar, .on(channel: 12, note: 60, velocity: 70)), (bar + ppq, .off(channel: 12, note: 60)),
            (bar, .on(channel: 13, note: 67, velocity: 70)), (bar + ppq, .off(channel: 13, note: 67)),
            (bar, .on(channel: 2, note: 48, velocity: 70)), (bar + ppq, .off(channel: 2, note: 48)),
            (2 * bar, .marker("Main B")),
            (2 * bar, .on(channel: 10, note: 40, velocity: 90)), (2 * bar + ppq, .off(channel: 10, note: 40)),
            (4 * bar, .marker("Fill In AB")),
            (4 * bar, .on(channel: 10, note: 41, velocity: 90)), (4 * bar + ppq, .off(channel: 10, note: 41)),
            (5 * bar, .marker("Ending A")),
            (5 * bar, .on(channel: 10, note: 36, velocity: 90)), (6 * bar, .off(channel: 10, note: 36)),
        ]
        events.append((6 * bar, .marker("End")))
        let casm = casm ?? B.casm([
            B.cseg(
                ["Main A", "Main B", "Ending A"],
                [
                    B.ctab(source: 8, destination: 8, ntr: 1, ntt: 0),
                    B.ctab(source: 10, destination: 10, ntt: 3, highKey: 7, low: 28, retrigger: 2),
                    B.ctab(source: 11, destination: 11, sourceType: 0, ntt: 2),
                    B.ctab(source: 12, destination: 3),
                ])
        ])
        return B.file(ppq: ppq, track: B.track(events), casm: casm, extra: B.chunk("OTSc", [1, 2, 3, 4]))
    }

    @Test func readsSectionsAtTheStandardResolution() throws {
        let imported = try YamahaStyleReader.importStyle(Self.sampleFile(), fileName: "dir/My Style.S123.sty")
        let style = imported.style
        #expect(imported.resolution == 96)
        #expect(imported.version == .sff1)
        #expect(style.title == "My Style")
        #expect(style.name == "my-style")
        #expect(style.tempo.bpm == 120)
        #expect(style.meter == .fourFour)
        #expect(style.sectionIDs == [.main(.a), .main(.b), .ending(1)])
        let bar = Meter.fourFour.ticksPerBar()
        #expect(style.sections[.main(.a)]?.length == bar)
        #expect(style.sections[.main(.b)]?.length == 2 * bar)
        let bass = try #require(style.sections[.main(.a)]?.parts[.bass]?.first)
        #expect(bass.notes == [PatternNote(tick: 0, duration: PPQ.standard, note: 36, velocity: 90)])
        #expect(bass.rules.table == .bass)
        #expect(bass.rules.rootRule == .transpose(highKey: .g))
        #expect(bass.rules.lowLimit == 28)
        #expect(bass.rules.retrigger == .pitchShiftToRoot)
    }

    @Test func noteStraddlingTheSectionEndIsCut() throws {
        let style = try YamahaStyleReader.read(Self.sampleFile(), fileName: "x.sty")
        let chord = try #require(style.sections[.main(.a)]?.parts[.chord1]?.first)
        #expect(chord.notes == [PatternNote(tick: 3 * PPQ.standard, duration: PPQ.standard, note: 64, velocity: 80)])
        #expect(chord.rules.sourceChord == Chord(root: .c, type: .major))
    }

    @Test func megaVoiceNoiseIsLeftOut() throws {
        let imported = try YamahaStyleReader.importStyle(Self.sampleFile(), fileName: "x.sty")
        let chord = try #require(imported.style.sections[.main(.a)]?.parts[.chord1]?.first)
        #expect(!chord.notes.contains { $0.note.rawValue >= 96 })
        #expect(imported.notes.contains { $0.contains("Mega Voice") && $0.contains("channel 12: 1") })
    }

    @Test func unusualChannelsAreMappedOrDroppedWithANote() throws {
        let imported = try YamahaStyleReader.importStyle(Self.sampleFile(), fileName: "x.sty")
        let main = try #require(imported.style.sections[.main(.a)])
        // Channel 13 → destination 4: dropped. Channel 14 without table: its own part (pad).
        // Channel 3 without table: dropped.
        #expect(main.parts[.chord2] == nil)
        #expect(main.parts[.pad]?.first?.notes.first?.note == 67)
        #expect(Set(main.parts.keys) == [.rhythm1, .bass, .chord1, .pad])
        #expect(imported.notes.contains { $0.contains("destination channel 4") })
        #expect(imported.notes.contains { $0.contains("channel 14 has no CASM table") })
        #expect(imported.notes.contains { $0.contains("channel 3 (no table)") })
        #expect(imported.trackTables[.main(.a)]?[.pad] == [nil])
    }

    @Test func userSectionsAreSkippedWithANote() throws {
        let imported = try YamahaStyleReader.importStyle(Self.sampleFile(), fileName: "x.sty")
        #expect(imported.markers.map(\.name) == ["Main A", "Main B", "Fill In AB", "Ending A", "End"])
        #expect(imported.markers.map(\.section) == [.main(.a), .main(.b), nil, .ending(1), nil])
        #expect(imported.notes.contains { $0.contains("\"Fill In AB\"") })
    }

    @Test func setupBecomesPartSounds() throws {
        let style = try YamahaStyleReader.read(Self.sampleFile(), fileName: "x.sty")
        let drums = try #require(style.parts[.rhythm1])
        #expect(drums.isDrumKit && drums.bankMSB == 127 && drums.program == 25)
        let bass = try #require(style.parts[.bass])
        #expect(!bass.isDrumKit)
        #expect(bass.program == 33 && bass.volume == 90 && bass.pan == 40 && bass.reverb == 20 && bass.chorus == 10)
    }

    /// A Mega Voice (bank 8) guitar becomes the GM clean guitar on bank 0, with a note.
    @Test func megaVoiceSoundsBecomeGeneralMIDI() throws {
        let imported = try YamahaStyleReader.importStyle(Self.sampleFile(), fileName: "x.sty")
        let guitar = try #require(imported.style.parts[.chord1])
        #expect(guitar.program == 27 && guitar.bankMSB == 0 && guitar.bankLSB == 0 && !guitar.isDrumKit)
        #expect(imported.notes.contains("chord1: Mega Voice 8/0/3 played as GM 27 (Electric Guitar (clean))"))
        #expect(YamahaChannelSetup.generalMIDIProgram(forMegaVoice: 17) == 33)
        #expect(YamahaChannelSetup.generalMIDIProgram(forMegaVoice: 49) == 49)
    }

    @Test(arguments: [96, 120, 240, 480, 1920])
    func everyResolutionGivesTheSameStyle(ppq: Int) throws {
        let reference = try YamahaStyleReader.read(Self.sampleFile(ppq: 1920), fileName: "x.sty")
        let style = try YamahaStyleReader.read(Self.sampleFile(ppq: ppq), fileName: "x.sty")
        #expect(style.sections == reference.sections)
    }

    @Test func sectionWithoutItsOwnSegmentUsesTheFirst() throws {
        let casm = B.casm([B.cseg(["Main A"], [B.ctab(source: 10, destination: 10, ntt: 1)])])
        let imported = try YamahaStyleReader.importStyle(Self.sampleFile(casm: casm), fileName: "x.sty")
        #expect(imported.style.sections[.main(.b)]?.parts[.bass]?.first?.rules.table == .melody)
        #expect(imported.notes.contains { $0.contains("no CSEG names \"Main B\"") })
    }

    @Test func sectionOfPartBarsIsRoundedWithANote() throws {
        let ppq = 96, bar = 384
        let track = B.track([
            (0, .marker("SInt")), (bar, .marker("Main A")), (bar, .on(channel: 10, note: 36, velocity: 90)),
            (bar + 5 * ppq, .off(channel: 10, note: 36)),
            (bar + 6 * ppq, .marker("Main B")), (bar + 6 * ppq, .on(channel: 10, note: 38, velocity: 90)),
            (bar + 7 * ppq, .off(channel: 10, note: 38)), (bar + 6 * ppq + bar, .marker("End")),
        ])
        let casm = B.casm([B.cseg(["Main A", "Main B"], [B.ctab(source: 10, destination: 10)])])
        let imported = try YamahaStyleReader.importStyle(B.file(ppq: ppq, track: track, casm: casm), fileName: "x.sty")
        // 1.5 bars rounds to 2 (a Yamaha section is always whole bars).
        let main = try #require(imported.style.sections[.main(.a)])
        #expect(main.length == 2 * Meter.fourFour.ticksPerBar())
        #expect(main.parts[.bass]?.first?.notes.first?.duration == 5 * PPQ.standard)
        #expect(imported.notes.contains("Main A is 11520 ticks, not a whole number of bars; made 2"))
    }

    // MARK: - Errors: one line naming the file and the problem

    func message(_ bytes: [UInt8], _ name: String = "Foo.sty") -> String {
        do {
            _ = try YamahaStyleReader.read(bytes, fileName: name)
            return "loaded"
        } catch {
            return error.description
        }
    }

    @Test func missingCASMIsNamed() {
        let file = B.file(ppq: 96, track: B.track([(0, .marker("Main A"))]), casm: nil)
        #expect(message(file) == "Foo.sty: no CASM chunk (not a Yamaha style?)")
        #expect(!YamahaStyleReader.isYamahaStyle(file))
    }

    @Test func textStyleIsNotMistakenForYamaha() {
        let text = Array("(style (name swing) (swing 0.67))".utf8)
        #expect(!YamahaStyleReader.isYamahaStyle(text))
        #expect(message(text) == "Foo.sty: not a Standard MIDI File (no MThd header; not a Yamaha style?)")
        #expect(message([]) == "Foo.sty: empty file")
    }

    @Test func truncatedCASMNamesTheByte() {
        let file = Self.sampleFile()
        let cut = Array(file.prefix(file.count - 20))  // into the CASM chunk (OTSc is 12 bytes)
        #expect(YamahaStyleReader.isYamahaStyle(file))
        let text = message(cut)
        #expect(text.hasPrefix("Foo.sty: CASM chunk truncated at byte \(cut.count)"), "\(text)")
    }

    /// A cut-off chunk after CASM (here OTSc) costs only itself.
    @Test func damageAfterCASMIsIgnoredWithANote() throws {
        let intact = Self.sampleFile()
        let damaged = Array(intact.dropLast(12)) + B.u32(0x4F54_5363) + B.u32(100) + [1, 2, 3]
        let imported = try YamahaStyleReader.importStyle(damaged, fileName: "x.sty")
        #expect(try imported.style == YamahaStyleReader.read(intact, fileName: "x.sty"))
        let at = intact.count - 12
        #expect(imported.notes.first == "ignored the damaged end of the file from byte \(at): OTSc chunk truncated at byte \(damaged.count) (declares 100 bytes from byte \(at + 8))")
        // Stray padding after the last chunk is damage of the same kind.
        #expect(throws: Never.self) { try YamahaStyleReader.read(intact + [0, 0, 0], fileName: "x.sty") }
    }

    /// A damaged event is skipped with a note (as keyboards play such files); a track with
    /// no clean reading left is one line naming the file, the track and the byte.
    @Test func damagedTrackIsNotedOrNamed() throws {
        var file = Self.sampleFile()
        // Replace the first event's status byte (after the delta 0) with a stray data byte.
        let trackStart = 14 + 8
        file[trackStart + 1] = 0x40
        let imported = try YamahaStyleReader.importStyle(file, fileName: "Foo.sty")
        #expect(imported.notes.first == "1 damaged event skipped (track 1 at byte \(trackStart + 1): running status with no previous status byte)", "\(imported.notes)")
        var ruined = Self.sampleFile()
        let length = ruined[18..<22].reduce(0) { $0 << 8 | Int($1) }
        for i in trackStart..<trackStart + length { ruined[i] = 0xF4 }
        let text = message(ruined)
        #expect(text == "Foo.sty: MIDI data track 1 at byte \(trackStart): variable-length quantity longer than 4 bytes", "\(text)")
    }

    @Test func styleWithoutMainSectionIsRefused() {
        let file = B.file(
            ppq: 96, track: B.track([(0, .marker("SInt")), (384, .marker("Intro A")), (384, .on(channel: 8, note: 36, velocity: 1))]),
            casm: B.casm([B.cseg(["Intro A"], [B.ctab(source: 8, destination: 8)])]))
        #expect(message(file) == "Foo.sty: no Main section (markers: Intro A)")
    }

    @Test func casmWithoutSegmentIsRefused() {
        let file = B.file(ppq: 96, track: B.track([(0, .marker("Main A"))]), casm: B.casm([]))
        #expect(message(file) == "Foo.sty: CASM chunk has no CSEG")
    }
}

@Suite struct YamahaSectionNameTests {
    @Test func markersMapToSections() {
        let expected: [String: SectionID] = [
            "Intro A": .intro(1), "Intro B": .intro(2), "Intro C": .intro(3),
            "Main A": .main(.a), "Main B": .main(.b), "Main C": .main(.c), "Main D": .main(.d),
            "Fill In AA": .fill(.a), "Fill In BB": .fill(.b), "Fill In CC": .fill(.c), "Fill In DD": .fill(.d),
            "Fill In BA": .breakFill, "Ending A": .ending(1), "Ending B": .ending(2), "Ending C": .ending(3),
        ]
        for (marker, id) in expected { #expect(YamahaSectionName.sectionID(forMarker: marker) == id, "\(marker)") }
        #expect(Set(expected.values) == Set(SectionID.all))
    }

    @Test func otherMarkersHaveNoSection() {
        for marker in ["Fill In AB", "Fill In CA", "Ending D", "Intro D", "SInt", "SFF1", "Main E", "Main", ""] {
            #expect(YamahaSectionName.sectionID(forMarker: marker) == nil, "\(marker)")
        }
    }

    @Test func titlesComeFromFileNames() {
        #expect(YamahaStyleReader.title(fromFileName: "16BeatBallad2.S014.prs") == "16BeatBallad2")
        #expect(YamahaStyleReader.title(fromFileName: "/x/y/Urban Funk.S066.STY") == "Urban Funk")
        #expect(YamahaStyleReader.title(fromFileName: "KoolFunk.STY") == "KoolFunk")
        #expect(YamahaStyleReader.title(fromFileName: "Jazzvocal.s264.sty") == "Jazzvocal")
        #expect(YamahaStyleReader.key(fromTitle: "MrMac'sBlues") == "mrmacsblues")
        #expect(YamahaStyleReader.key(fromTitle: "90's Guitar Pop!") == "90s-guitar-pop")
    }
}
