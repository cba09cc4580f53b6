import Practice
import Testing

@testable import SidemanDaemon

@Suite struct SetlistTests {
    @Test func songsWithTheirOwnSettings() throws {
        let list = try Setlist.parse(
            """
            # Tuesday lesson
            Title = Tuesday lesson
            Advance = manual

            blues-major-f --tempo 110 --count-in 1
            ii-v-i-major --keys fourths --ramp 100:140:+10 --loop 1-4x12 --mute bass,chord1
            "/home/me/My Tune.chart" --ending --display Bb
            """, source: "tuesday.txt")
        #expect(list.title == "Tuesday lesson")
        #expect(!list.advancesByItself)
        #expect(list.songs.map(\.song) == ["blues-major-f", "ii-v-i-major", "/home/me/My Tune.chart"])
        #expect(list.songs[0].tempo == 110 && list.songs[0].countIn == 1)
        #expect(list.songs[1].keys == "fourths" && list.songs[1].ramp == "100:140:+10" && list.songs[1].mute == ["bass", "chord1"])
        #expect(list.songs[2].ending == true && list.songs[2].display == "Bb")
        // Written back, it reads the same.
        #expect(try Setlist.parse(list.text, source: "again") == list)
    }

    @Test func theTitleDefaultsToTheFileNameAndAdvanceToAuto() throws {
        let list = try Setlist.parse("blues-major-f\n", source: "/var/lib/sideman/setlists/gig.txt")
        #expect(list.title == "gig" && list.advancesByItself)
    }

    @Test func problemsNameTheFileAndLine() {
        #expect(throws: PracticeError("set.txt:2: unknown option --tempi (known: --tempo --key --loop --ramp --keys --count-in --count-in-drums --metronome --breaks --display --intro --ending --choruses --mute --volume)")) {
            try Setlist.parse("blues\nblues --tempi 100\n", source: "set.txt")
        }
        #expect(throws: PracticeError("set.txt:1: Advance \"sometimes\": give auto or manual")) {
            try Setlist.parse("Advance = sometimes\nblues\n", source: "set.txt")
        }
        #expect(throws: PracticeError("set.txt: no songs (one a line: a name and its options)")) {
            try Setlist.parse("# nothing\n", source: "set.txt")
        }
        #expect(throws: PracticeError("set.txt:1: a quote is not closed")) { try Setlist.parse("\"blues --tempo 100\n", source: "set.txt") }
        #expect(throws: PracticeError("set.txt:1: --tempo needs a value")) { try Setlist.parse("blues --tempo\n", source: "set.txt") }
    }
}

@Suite struct PracticeRequestTests {
    @Test func wordsRoundTrip() throws {
        let words = ["blues", "--tempo", "96.5", "--key", "Bb", "--loop", "B x3", "--count-in", "2", "--count-in-drums", "--metronome",
                     "--breaks", "2:8", "--mute", "bass", "--volume", "pad=40"]
        let request = try PracticeRequest(words: words)
        #expect(try PracticeRequest(words: request.words) == request)
        let s = try request.settings(home: nil)
        #expect(s.countIn == CountIn(bars: 2, kind: .drums) && s.metronome && s.breaks == ChordBreaks(rest: 2, every: 8))
        #expect(s.loop == PracticeLoop("Bx3"))
        #expect(try request.partVolumes() == [.pad: 40])
    }

    @Test func eachBadOptionIsOneLine() {
        func settings(_ configure: (inout PracticeRequest) -> Void) throws(PracticeError) {
            var r = PracticeRequest(song: "x")
            configure(&r)
            _ = try r.settings(home: nil)
            _ = try r.checkedTempo()
            _ = try r.mutedParts()
            _ = try r.partVolumes()
        }
        #expect(throws: PracticeError("count-in 3: give 0, 1 or 2 bars")) { try settings { $0.countIn = 3 } }
        #expect(throws: PracticeError("tempo 900.0: give 20...400 BPM")) { try settings { $0.tempo = 900 } }
        #expect(throws: PracticeError("ramp \"fast\": give A:B:+N in BPM (20...400), e.g. 100:160:+10")) { try settings { $0.ramp = "fast" } }
        #expect(throws: PracticeError("give a key or a key cycle, not both")) { try settings { $0.key = "F"; $0.keys = "fourths" } }
        #expect(throws: PracticeError("display \"G\": give C, Bb, Eb or F")) { try settings { $0.display = "G" } }
        #expect(throws: PracticeError("volume bass: give PART=0...127, e.g. bass=60")) { try settings { $0.volume = ["bass"] } }
        #expect(throws: PracticeError.self) { try settings { $0.mute = ["kazoo"] } }
    }

    @Test func aKeyMovesTheWholeSongThere() throws {
        var r = PracticeRequest(song: "x")
        r.key = "Bb"
        let s = try r.settings(home: nil)
        #expect(s.keys.transposition(pass: 0, home: .f) == 5)
        #expect(s.keys.transposition(pass: 3, home: .f) == 5)
    }
}
