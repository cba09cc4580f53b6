import MusicCore

/// iReal Pro's style names mapped to the nearest style of our library. The first rule
/// whose words all appear in the song's style (or its playback style) wins.
enum IRealStyleMap {
    static let rules: [(words: [String], style: String)] = [
        (["slow", "blues"], "slow-blues"),
        (["blues"], "blues-shuffle"),
        (["shuffle"], "blues-shuffle"),
        (["up", "tempo"], "up-tempo-swing"),
        (["bebop"], "up-tempo-swing"),
        (["fast", "swing"], "up-tempo-swing"),
        (["medium", "up"], "up-tempo-swing"),
        (["waltz"], "jazz-waltz"),
        (["rock", "ballad"], "pop-ballad"),
        (["pop", "ballad"], "pop-ballad"),
        (["ballad"], "jazz-ballad"),
        (["slow", "swing"], "jazz-ballad"),
        (["bossa"], "bossa-nova"),
        (["samba"], "bossa-nova"),
        (["cha"], "cha-cha"),
        (["latin"], "bossa-nova"),
        (["funk"], "funk-16beat"),
        (["hard", "rock"], "hard-rock"),
        (["rock"], "rock-8beat"),
        (["reggae"], "reggae"),
        (["country"], "country"),
        (["bluegrass"], "country"),
        (["soul"], "soul-rnb"),
        (["r&b"], "soul-rnb"),
        (["rnb"], "soul-rnb"),
        (["gospel"], "soul-rnb"),
        (["pop"], "pop-8beat"),
        (["even", "8"], "pop-8beat"),
        (["swing"], "medium-swing"),
    ]

    /// Our style for an iReal style ("Medium Up Swing", "Jazz-Bossa Nova"); a waltz in 3/4
    /// whatever its name; medium swing when nothing matches.
    static func style(for iRealStyle: String, compStyle: String = "", meter: Meter) -> String {
        if meter.beatsPerBar == 3 { return "jazz-waltz" }
        for text in [iRealStyle, compStyle] where !text.isEmpty {
            let words = text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "&" }).map(String.init)
            for rule in rules where rule.words.allSatisfy({ w in words.contains { $0.hasPrefix(w) } }) {
                return rule.style
            }
        }
        return "medium-swing"
    }
}
