import MusicCore
import StyleEngine

extension StyleCheck {
    /// Default tempo ranges (quarter notes a minute; for 6/8 and 12/8 dotted quarters) per
    /// genre, matched as a word in the style's genre; the first match wins. A genre not listed
    /// gets `otherTempos`.
    static let genreTempos: [(genre: String, bpm: ClosedRange<Double>)] = [
        ("ballad", 50...96), ("bossa", 110...160), ("samba", 90...200), ("salsa", 150...220), ("latin", 80...220),
        ("jazz", 60...280), ("swing", 80...260), ("blues", 50...160), ("funk", 80...125), ("disco", 110...132),
        ("reggae", 60...100), ("country", 70...200), ("gospel", 60...140), ("soul", 60...120), ("r&b", 60...120),
        ("rock", 70...180), ("pop", 60...140), ("waltz", 80...200), ("march", 100...130), ("folk", 60...160),
    ]
    static let otherTempos: ClosedRange<Double> = 40...240

    static func tempoRange(genre: String) -> (name: String, bpm: ClosedRange<Double>) {
        let words = genre.lowercased()
        let row = genreTempos.first { words.contains($0.genre) }
        return row.map { ($0.genre, $0.bpm) } ?? ("other", otherTempos)
    }

    /// The default tempo suits the genre (table above).
    static let genreTempo = StyleCheck(name: "tempo", oncePerStyle: true) { tour in
        let style = tour.style
        let (genre, range) = tempoRange(genre: style.genre + " " + style.name)
        let bpm = style.meter.isCompound ? style.tempo.bpm * Double(style.meter.beatUnit) / 4 / 3 : style.tempo.bpm
        guard !range.contains(bpm.rounded()) else { return [] }
        return [CheckFailure(
            "tempo", tour, String(format: "default tempo %.0f is outside %.0f–%.0f for genre \"%@\" (matched \"%@\")",
                                  bpm, range.lowerBound, range.upperBound, style.genre, genre))]
    }
}
