import Testing

@testable import MusicCore

/// Real links exported by iReal Pro, as shared in public projects' tests and docs.
enum RealIRealLinks {
    /// An HTML playlist entry; the expected bars below are those the iReal Pro text export
    /// of this link lists.
    static let stillTheOne = """
        <a href="irealb://You're%20Still%20The%20One%3DTwain%20Shania%3D%3DRock%20Ballad%3DC%3D%3D1r34LbKcu7L%23F/D4DLZD%7D%20AZLGZL%23F/DZLAD*%7B%0A%7D%20AZLGZL%23F/%0A%7CDLZ4Ti*%7BDZLAZLZSDLGZLDB*%7B%0A%5D%20AZLALZGZLDZLAZLAZLGZLZE-LAZLGZ%23F/DZALZN1%5D%20%3EadoC%20la%20.S.%3CD%20A2N%7CQyXQyX%7D%20G%0A%5BQDLZLGZLLZGLZfA%20Z%20%3D%3D155%3D0">You're Still The One</a>
        """
    static let autumnLeaves =
        "irealb://Autumn%20Leaves=Kosma%20Joseph==Medium%20Swing=G%2D==1r34LbKcu7QyX314C%2D7XyX7hA%7CQyX7%5EbE%7CyQX7%5EbB%7CQyX7F%7CQyQ%7CD7b4T%7BA%2AQyX7%2DyQKclcKQyX6%2DG%7CQyX317bD%7CQyX7hA%5BB%2A%7D%20%20l%20LZCX6%2DG%7CL7bG%20Q%7CBb%5EyX31b7D%7CQyX7hAC%5B%2A%5DQyX7%5EbE%7CQyX7Q%7CG%2D7yX7F%7CZF%2D7%20E7LZAh7XyQ%7CD7b13XyQ%7CG%2D6XyQKcl%20%20Z=Jazz%2DMedium%20Swing=85=0"
    static let whatIfIDont =
        "irealb://And%20What%20If%20I%20Don%27t=Hancock%20Herbie==Medium%20Swing=Eb==1r34LbKcu71N%7CQy4Eb7%20QyX7bEZL%20lcKQy7X%2DC%7CQyX7bEZL7bB%7CAb7X4TA%2A%7BX7GB%2AQ%7CF%2D77bEZL7bB%207%2DF2NLZ%20QyXQyX%7DQyXbB%2FXyQ%5D%5ByX7%2DFB%207bE%20LZC7%20lcKQyX7bBZL%20lKcQyX7FZL%20lcKQyX%20%5D%5B%2AAlcKQybB%2F7%2Db7XyQ7%2DF%7CQyX7bA%7CQyXb7EZL%20lcKQyX7%2DC%7CXyQ%7CFEZL7bXyQZ%20==0=0==="
}

@Suite struct IRealLinkTests {
    func bars(_ chart: ChordChart) -> [String] { chart.bars.map { $0.map(\.symbol.text).joined(separator: " ") } }

    @Test func unscrambleIsItsOwnInverseOnFullBlocks() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("ABCDEFG7b#^-h |[]{}*Tn")
        for length in [0, 10, 50, 51, 52, 99, 100, 101, 102, 150, 777] {
            let text = String((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
            // Without the three shorthands, unscrambling twice gives the text back.
            let once = IRealSong.unscramble(text)
            #expect(IRealSong.unscramble(once) == text, "length \(length)")
            // Blocks before a tail of fewer than two characters stay as they are.
            if length <= 51 { #expect(once == text) }
        }
    }

    @Test func linksAreFoundInHTMLAndText() {
        let html = "<p><a href=\"irealb://A%3DB\">a</a> and <a href='irealbook://C=D=E=F=n=[C |]'>b</a> irealb://x=y&amp;z\n"
        #expect(IRealLink.links(in: html) == ["irealb://A%3DB", "irealbook://C=D=E=F=n=[C |]", "irealb://x=y&z"])
        #expect(IRealLink.links(in: RealIRealLinks.stillTheOne).count == 1)
        #expect(IRealLink.links(in: RealIRealLinks.stillTheOne)[0].contains("You're"))
    }

    @Test func youreStillTheOneHasItsSectionsRepeatsEndingsAndCoda() throws {
        let link = IRealLink.links(in: RealIRealLinks.stillTheOne)[0]
        let (playlist, songs) = try IRealLink.songs(of: link)
        #expect(playlist == nil && songs.count == 1)
        let song = songs[0]
        #expect(song.title == "You're Still The One" && song.composer == "Twain Shania")
        #expect(song.style == "Rock Ballad" && song.key == "C" && song.bpm == 155)
        let result = IRealImport(song)
        let chart = result.chart
        #expect(chart.meter == .fourFour)
        #expect(chart.composer == "Shania Twain" && chart.tempo == Tempo(bpm: 155))
        // Bar for bar as the link holds it (intro, A, the segno part, B with two endings, coda).
        #expect(bars(chart) == [
            "D", "D/F#", "G", "A", "D", "D/F#", "G", "A", "D", "D/F#", "G", "A",
            "D", "G", "A", "A", "D", "G", "A", "A",
            "D", "G", "Em", "A", "D", "G", "A", "G", "A",
            "D", "D/F#", "G", "A",
        ])
        #expect(chart.sections.map(\.name) == ["Intro", "A", "A2", "B", "Coda"])
        #expect(chart.marks(ofBar: 0).repeatStart && chart.marks(ofBar: 3).repeatTimes == 2)
        #expect(chart.marks(ofBar: 27).endings == [1] && chart.marks(ofBar: 27).repeatTimes == 2)
        #expect(chart.marks(ofBar: 28).endings == [2])
        // D.S. al Coda: back to the segno (the A2 part), then the coda.
        #expect(chart.form == ["Intro", "A", "A2", "B", "A2", "Coda"])
        #expect(chart.playedBars().count == 8 + 12 + 8 + 16 + 8 + 4)
        #expect(result.unplayable.isEmpty)
        #expect(result.notes == ["bar 33: a fermata is not carried over"])
        // The chart written out reads back the same.
        let again = try ChordChart.parse(chart.text)
        #expect(again.bars == chart.bars && again.marks == chart.marks && again.sections.map(\.range) == chart.sections.map(\.range))
        #expect(again.form == chart.form && again.playedBars() == chart.playedBars() && again.title == chart.title)
    }

    @Test func autumnLeavesUnrollsToThirtyTwoBars() throws {
        let song = try IRealLink.songs(of: RealIRealLinks.autumnLeaves).songs[0]
        #expect(song.title == "Autumn Leaves" && song.key == "G-" && song.compStyle == "Jazz-Medium Swing" && song.bpm == 85)
        let chart = IRealImport(song).chart
        #expect(chart.key == ChartKey(tonic: .g, minor: true))
        let played = chart.playedBars().map { $0.chords.map(\.symbol.text).joined(separator: " ") }
        #expect(played.count == 32)
        #expect(Array(played.prefix(9)) == ["Cm7", "F7", "Bbmaj7", "Ebmaj7", "Am7b5", "D7b13", "Gm6", "Gm6", "Cm7"])
        #expect(Array(played.suffix(8)) == ["Am7b5", "D7b13", "Gm7 Gb7", "Fm7 E7", "Am7b5", "D7b13", "Gm6", "Gm6"])
        #expect(chart.sections.map(\.name) == ["A", "B", "C"])
        // Every chord plays as the symbol says.
        let chords = chart.bars.flatMap { $0 }.map(\.symbol)
        #expect(chords.allSatisfy { $0.chord != nil })
        #expect(chords.first { $0.text == "Bbmaj7" }?.chord == Chord(root: .bFlat, type: .major7))
        #expect(chords.first { $0.text == "Am7b5" }?.chord == Chord(root: .a, type: .minor7Flat5))
    }

    @Test func firstAndSecondEndingsAndBarRepeats() throws {
        let chart = IRealImport(try IRealLink.songs(of: RealIRealLinks.whatIfIDont).songs[0]).chart
        #expect(bars(chart) == [
            "Eb7 Bb7", "Eb7", "Cm7", "Cm7", "Eb7", "Ab7", "Fm7", "Fm7/Bb", "Fm7 Bb7", "Eb7",
            "G7", "G7", "C7", "C7", "F7", "F7", "Bb7", "Bb7",
            "Eb7 Bb7", "Eb7", "Cm7", "Cm7", "Eb7", "Ab7", "Fm7", "Fm7/Bb",
        ])
        #expect(chart.playedBars().count == 8 + 8 + 8 + 8)
        #expect(chart.composer == "Herbie Hancock" && chart.key == ChartKey(tonic: .eFlat))
    }

    @Test func playlistsAndTheOlderForm() throws {
        // Two songs in one link, its name last; and an irealbook:// link in plain text.
        let body = "Uno=Someone==Bossa Nova=C==1r34LbKcu7[T44C^7 |A-7 |D-7 |G7 Z==0=0===Due=Other==Waltz=F==1r34LbKcu7[T34F^7 |Bb7 Z==120=3===My List"
        let (name, songs) = try IRealLink.songs(of: "irealb://" + body)
        #expect(name == "My List")
        #expect(songs.map(\.title) == ["Uno", "Due"])
        #expect(bars(IRealImport(songs[0]).chart) == ["Cmaj7", "Am7", "Dm7", "G7"])
        #expect(IRealImport(songs[1]).chart.meter == .threeFour)
        let old = try IRealLink.songs(of: "irealbook://Old=Writer=Swing=Bb=n=*A[T44Bb^7 |n |C-7 F7 |Bb6 Z").songs
        #expect(bars(IRealImport(old[0]).chart) == ["Bbmaj7", "NC", "Cm7 F7", "Bb6"])
    }

    @Test func unplayableSymbolsAreListedWithWhatPlays() throws {
        let song = try IRealLink.songs(of: "irealbook://T=C=Swing=C=n=[T44C7susadd3 |Db7b9b13#11 |C p |W7 Z").songs[0]
        let result = IRealImport(song)
        #expect(result.unplayable.map(\.description) == [
            "bar 1: \"C7susadd3\" cannot be played; played as C7sus",
            "bar 2: \"Db7b9b13#11\" cannot be played; played as Db7b9b13",
        ])
        // Every symbol the table refuses is named; none disappears.
        let chart = result.chart
        #expect(chart.bars.count == 4)
        #expect(chart.bars.allSatisfy { !$0.isEmpty })
        #expect(bars(chart)[2] == "C C")  // "p" repeats the chord before
        #expect(bars(chart)[3] == "C7")  // "W": the chord before's root, a new quality
    }

    @Test func brokenLinksSayWhy() {
        #expect(throws: IRealError("a broken %-escape in the link")) { try IRealLink.songs(of: "irealb://A%2") }
        #expect(throws: IRealError("no chord chart in the link (no music field)")) { try IRealLink.songs(of: "irealb://A=B=C") }
        #expect(throws: IRealError("no song in the link")) { try IRealLink.songs(of: "irealbook://A=B") }
    }

    /// Found by the fuzzer: a time signature written with digits that are numbers to Unicode
    /// but not ASCII (¾, Arabic-Indic) trapped on a forced unwrap; they are now no meter.
    @Test func aTimeSignatureInNonASCIIDigitsIsIgnored() {
        for music in ["T\u{0663}4C7 |F7 Z", "T3\u{00BE}C7 |F7 Z", "T\u{0664}\u{0664}C7 |F7 Z"] {
            let song = IRealSong(title: "T", composer: "", style: "", key: "C", transpose: 0, music: music, compStyle: "", bpm: 0, repeats: 0)
            let chart = IRealImport(song).chart
            #expect(chart.meter == .fourFour, "\(music)")
            #expect(chart.bars.flatMap { $0 }.map(\.symbol.text).contains("F7"), "\(music)")
        }
    }
}
