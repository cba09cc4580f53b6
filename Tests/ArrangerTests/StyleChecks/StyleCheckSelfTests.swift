import MusicCore
import StyleEngine
import Testing

@testable import Arranger

/// Each check must be able to fail: a faulty style (the good one with one fault put in)
/// fails the check meant to catch it, with a message that names where.
private func failures(_ text: String, check: StyleCheck, over progression: TourProgression = .allRoots) throws -> [CheckFailure] {
    let style = try StyleTextFormat.parse(text, fileName: "faulty.style")
    return judge(style, file: "faulty.style", checks: [check], progressions: [progression])
}

private func expectFails(_ text: String, _ check: StyleCheck, mentioning words: [String] = [],
                         sourceLocation: SourceLocation = #_sourceLocation) throws {
    let found = try failures(text, check: check)
    #expect(!found.isEmpty, "\(check.name) passed a faulty style", sourceLocation: sourceLocation)
    for word in words {
        #expect(found.contains { $0.description.contains(word) }, "no \(check.name) message mentions \"\(word)\": \(found)",
                sourceLocation: sourceLocation)
    }
}

@Suite struct StyleCheckSelfTests {
    @Test func goodStylePassesEveryCheck() throws {
        let style = try StyleTextFormat.parse(FaultyStyles.good, fileName: "good.style")
        let found = judge(style, file: "good.style")
        #expect(found.isEmpty, "\(found.map(\.description).joined(separator: "\n"))")
    }

    @Test func pairingCatchesStuckAndDoubledNotes() {
        let style = try! StyleTextFormat.parse(FaultyStyles.good, fileName: "good.style")
        let on = MIDIEvent.noteOn(channel: PartID.bass.channel, note: 36, velocity: 90)
        let off = MIDIEvent.noteOff(channel: PartID.bass.channel, note: 36, velocity: 0)
        let events: [(sample: Int, event: BandEvent)] = [
            (0, BandEvent(frame: 0, part: .bass, event: on)), (10, BandEvent(frame: 10, part: .bass, event: on)),
            (20, BandEvent(frame: 20, part: .bass, event: off)), (30, BandEvent(frame: 30, part: .bass, event: off)),
            (40, BandEvent(frame: 40, part: .bass, event: on)),
        ]
        let tour = StyleTour.record(style: style, file: "faulty.style", progression: .pop, events: events, notices: [],
                                    stopped: false, tick: { $0 })
        let found = StyleCheck.pairedNotes.run(tour)
        #expect(found.contains { $0.problem.contains("second note-on") })
        #expect(found.contains { $0.problem.contains("no note-on") })
        #expect(found.contains { $0.problem.contains("never ends") })
        #expect(found.contains { $0.problem.contains("did not stop") })
    }

    @Test func missingSectionFails() throws {
        try expectFails(FaultyStyles.with("section Break\n  bars 1\n  rhythm1:\n    kick   X . . . . . . .\n  bass: C2/q r/q r/h\n", ""),
                        .sectionsPresent, mentioning: ["Break", "missing"])
    }

    @Test func waltzInFourFourFails() throws {
        try expectFails(FaultyStyles.with("title Check Base", "title Check Waltz"), .writtenMeter, mentioning: ["waltz"])
    }

    @Test func twelveEightInFourFourFails() throws {
        try expectFails(FaultyStyles.with("title Check Base", "title Check 12/8 Blues"), .writtenMeter, mentioning: ["12/8", "meter 12/8"])
    }

    @Test func silentDownbeatsFail() throws {
        // Every main starts an eighth late, as a pattern written for another meter would drift.
        let c = "[E3 G3 C4]"
        var text = FaultyStyles.good
        for (old, new) in [
            ("kick   x . . . x . . .", "kick   . . . . x . . ."), ("hihat  x g x g X g x g", "hihat  . g x g X g x g"),
            ("hihat  X g X g X g X g", "hihat  . g X g X g X g"), ("ride   x x x x x x x x", "ride   . x x x x x x x"),
            ("bass: C2/q C2 C2 C2", "bass: r/e C2/q C2 C2 C2/e"), ("bass: C2/e C2 C2 C2 C2 C2 C2 C2", "bass: r/e C2/e C2 C2 C2 C2 C2 C2"),
            ("chord1: \(c)/h \(c)/h", "chord1: r/e \(c)/h \(c)/q."), ("chord1: \(c)/q \(c) \(c) \(c)", "chord1: r/e \(c)/q \(c) \(c) \(c)/e"),
            ("chord1: \(c)/e \(c) \(c) \(c) \(c) \(c) \(c) \(c)", "chord1: r/e \(c)/e \(c) \(c) \(c) \(c) \(c) \(c)"),
            ("pad: [G3 C4 E4]/w", "pad: r/e [G3 C4 E4]/h+q."),
        ] {
            text = text.replacingOccurrences(of: old, with: new)
        }
        try expectFails(text, .writtenMeter, mentioning: ["beat 1", "Main A"])
    }

    @Test func outOfScaleNotesFail() throws {
        let text = FaultyStyles.with("  pad: [G3 C4 E4]/w\n", "  pad: [G3 C4 E4]/w\n  phrase1: C#4/e F#4 G#4 D#4 C#4 F#4 G#4 D#4\n")
            .replacingOccurrences(of: "part pad\n", with: "part phrase1\n  instrument Flute\n  table bypass\n  root fixed\npart pad\n")
        try expectFails(text, .inScale, mentioning: ["phrase1", "Main A", "bar 1", "F#4"])
    }

    @Test func chordPartOffTheChordFails() throws {
        try expectFails(FaultyStyles.with("  root fixed\n  limits C3 C5", "  root fixed\n  table bypass\n  limits C3 C5"),
                        .chordTonesOnBeats, mentioning: ["chord1", "over"])
    }

    @Test func bassOffTheRootFails() throws {
        try expectFails(FaultyStyles.with("  limits E1 G3", "  limits E1 G3\n  table bypass\n  root fixed"), .bassOnRoot,
                        mentioning: ["bass", "Main"])
    }

    @Test func jumpingVoicingsFail() throws {
        let text = FaultyStyles.with("chord1: [E3 G3 C4]/h [E3 G3 C4]/h\n  pad", "chord1: [E3 G3 C4]/h [E4 G4 C5]/h\n  pad")
            .replacingOccurrences(of: "  root fixed\n  limits C3 C5", with: "  limits C3 C6")
        try expectFails(text, .voiceLeading, mentioning: ["chord1", "→"])
    }

    @Test func noteOutsideTheInstrumentFails() throws {
        try expectFails(FaultyStyles.with("instrument String Ensemble 1", "instrument Flute"), .instrumentRange,
                        mentioning: ["pad", "Flute", "C4–C7"])
    }

    @Test func padCrowdingTheMelodyFails() throws {
        try expectFails(FaultyStyles.with("limits G3 G4", "limits G5 G6"), .melodyRoom, mentioning: ["pad", "above G5"])
    }

    @Test func flatEnergyFails() throws {
        // Main D thinned out (its real content moved to an Intro 2 the tour never plays).
        let text = FaultyStyles.with("section Main D\n  bars 2\n",
                                     "section Main D\n  bars 2\n  rhythm1:\n    kick   x . . . . . . .\n  bass: C2/w\nsection Intro 2\n  bars 2\n")
        try expectFails(text, .energyRises, mentioning: ["Main D"])
    }

    @Test func tempoOutsideTheGenreFails() throws {
        try expectFails(FaultyStyles.with("tempo 120", "tempo 260"), .genreTempo, mentioning: ["260", "Rock"])
    }

    @Test func straightSwingStyleFails() throws {
        let straight = FaultyStyles.with("title Check Base", "title Check Swing")
        try expectFails(straight, .swingIsSwung, mentioning: ["off-beat"])
        let swung = straight.replacingOccurrences(of: "tempo 120", with: "tempo 120\nfeel swing 0.64")
        #expect(try failures(swung, check: .swingIsSwung).isEmpty)
    }

    @Test func flatDrumsFail() throws {
        // Every ghost and accent played as a plain hit.
        let text = FaultyStyles.good.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let isGrid = ["kick", "snare", "hihat", "ride"].contains { line.hasPrefix("    \($0) ") }
            return isGrid ? String(line).replacingOccurrences(of: "g", with: "x").replacingOccurrences(of: "X", with: "x") : String(line)
        }.joined(separator: "\n")
        try expectFails(text, .drumDynamics, mentioning: ["rhythm1", "ghost"])
    }

    @Test func bassAwayFromTheKickFails() throws {
        let text = FaultyStyles.good.replacingOccurrences(of: "bass: C2/q C2 C2 C2", with: "bass: r/q C2/q r/q C2/q")
            .replacingOccurrences(of: "bass: C2/e C2 C2 C2 C2 C2 C2 C2", with: "bass: r/e C2/e r/e C2/e r/e C2/e r/e C2/e")
        try expectFails(text, .kickBassLock, mentioning: ["kicks alone"])
    }

    @Test func oneBarLoopFails() throws {
        // Main A without the clap that marks its second bar: every part repeats one bar.
        let text = FaultyStyles.good.replacingOccurrences(
            of: "section Main A\n  bars 2\n  rhythm1:\n    clap   . . . . . . . . | . . . . . . . x\n",
            with: "section Main A\n  bars 2\n  rhythm1:\n")
        try expectFails(text, .variation, mentioning: ["Main A", "repeats one bar"])
    }

    @Test func quantizedDrumsFail() throws {
        try expectFails(FaultyStyles.with("humanize timing 6 velocity 4\n", ""), .variation, mentioning: ["quantized"])
    }

    @Test func variationCountsDistinctBars() throws {
        let style = try StyleTextFormat.parse(FaultyStyles.good, fileName: "good.style")
        let mains = MainVariation.measure(style, file: "good.style")
        #expect(mains.map(\.section) == [.a, .b, .c, .d])
        #expect(mains[0].distinctBars == [.rhythm1: 2, .bass: 1, .chord1: 1, .pad: 1])
        #expect(mains[0].drumTimingSpreadMS > 0 && mains[0].drumVelocitySpread > 3)
    }

    @Test(arguments: [("waltz", MeterStyles.waltz), ("12/8", MeterStyles.slowBlues)])
    func goodStyleInItsOwnMeterPassesEveryCheck(meter: String, text: String) throws {
        let style = try StyleTextFormat.parse(text, fileName: "good.style")
        let found = judge(style, file: "good.style")
        #expect(found.isEmpty, "\(meter): \(found.map(\.description).joined(separator: "\n"))")
    }
}
