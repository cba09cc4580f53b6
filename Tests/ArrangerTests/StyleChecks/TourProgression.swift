import MusicCore

/// A chord progression a style is toured over: bars of chords (chords in a bar share it
/// equally, whatever the style's meter), looped for as long as the tour lasts.
struct TourProgression: Hashable, Sendable, CustomStringConvertible {
    var name: String
    var bars: [[Chord?]]

    init(name: String, chart: String) {
        self.name = name
        // The charts below are fixed and valid; a typo is a bug in this file.
        bars = try! ChordChart.parse(chart, source: name).bars.map { $0.map(\.chord) }
    }

    var description: String { name }

    /// Every root and the common chord types (maj, m, 7, m7, M7, m7b5, dim, aug, sus4) and
    /// slash chords, round the cycle of fourths.
    static let allRoots = TourProgression(
        name: "all-roots",
        chart: "Cmaj7 | Fm7 | Bb7 | Eb | Abaug | Dbmaj7 | F#m7b5 | B7 | Em | Asus4 | Ddim | G7 | C/E | Am/G |")
    /// ii–V–I in several keys, two chords a bar.
    static let twoFiveOne = TourProgression(
        name: "ii-V-I",
        chart: "Dm7 G7 | Cmaj7 | Cm7 F7 | Bbmaj7 | Em7b5 A7 | Dm | Ebm7 Ab7 | Dbmaj7 G7 |")
    /// I–V–vi–IV with slash chords and a sus.
    static let pop = TourProgression(name: "pop", chart: "C | G/B | Am | F | C/E | Dm7 | Fsus4 F | G7 |")
    /// A twelve-bar blues in F with the quick change and turnaround.
    static let blues = TourProgression(name: "blues", chart: "F7 | Bb7 | F7 | F7 | Bb7 | Bb7 | F7 | D7 | Gm7 | C7 | F7 D7 | Gm7 C7 |")

    static let all: [TourProgression] = [allRoots, twoFiveOne, pop, blues]
}
