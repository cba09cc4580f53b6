import Testing

@testable import MusicCore

/// Random songs and random iReal Pro music never crash a reader, and what reads plays.
@Suite struct SongFuzzTests {
    @Test func songChartsNeverCrash() {
        let pieces = ["C7", "F", "^F7", "^G7/B", "^", "^/", "^NC", "|", "|:", ":|", ":|x3", "||", "1.", "2.", "1.2.", "x2", "[A]", "[B]", "\n", " ", "%", "/", "NC",
                      "Form = A B A", "Form = A", "Key = F", "Tempo = 90", "Tempo = 9"]
        var rng = SplitMix64(seed: 5)
        var read = 0
        for _ in 0..<4000 {
            let text = (0..<Int(rng.next() % 16)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }
                .joined(separator: rng.next() % 3 == 0 ? "" : " ")
            do {
                let chart = try ChordChart.parse(text)
                read += 1
                let played = chart.playedBars()
                #expect(!played.isEmpty || !chart.form.isEmpty || chart.bars.isEmpty == false)
                #expect(played.allSatisfy { chart.bars.indices.contains($0.written) })
                // Written out and read again, it plays the same bars.
                #expect(try ChordChart.parse(chart.text).playedBars() == played, "\(text)")
            } catch {
                #expect(error.line >= 1)
            }
        }
        #expect(read > 100)
    }

    @Test func iRealMusicNeverCrashes() {
        let pieces = ["*A", "*B", "*i", "{", "}", "[", "]", "|", "Z", "T44", "T34", "T12", "N1", "N2", "Q", "S", "x", "r", "n", "p",
                      "W7", "C^7", "D-7", "G7b9", "Bbh7", "Eo7", "F#-7/E", "(Db7)", "<D.S. al Coda>", "<Fine>", "<3x>", "<", "Y", "s", "l",
                      " ", ",", "f", "U", "XyQ", "Kcl", "LZ", "/", "A", "b"]
        var rng = SplitMix64(seed: 6)
        for _ in 0..<3000 {
            let music = (0..<Int(rng.next() % 30)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
            let song = IRealSong(title: "T", composer: "", style: "Swing", key: "C", transpose: 0, music: IRealSong.unscramble(music),
                                 compStyle: "", bpm: 0, repeats: 0)
            let result = IRealImport(song)
            let chart = result.chart
            #expect(chart.sections.allSatisfy { $0.start < $0.end && $0.end <= chart.bars.count }, "\(music)")
            #expect(chart.form.allSatisfy { name in chart.sections.contains { $0.name == name } }, "\(music)")
            #expect(chart.bars.allSatisfy { !$0.isEmpty })
            if !chart.bars.isEmpty {
                // What the import writes reads back as a chart that plays the same bars.
                let back = try? ChordChart.parse(chart.text).playedBars()
                #expect(back == chart.playedBars(), "\(music)\n\(chart.text)")
            }
        }
    }
}
