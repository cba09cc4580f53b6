import MusicCore

/// iReal Pro's style names mapped to the nearest style of our library. The first rule
/// whose words all appear in the song's style (or its playback style) wins.
enum IRealStyleMap {
    static let rules: [(words: [String], style: String)] = [
        (["second", "line"], "second-line"),
        (["new", "orleans"], "second-line"),
        (["two", "feel"], "jazz-two-feel"),
        (["2", "feel"], "jazz-two-feel"),
        (["neo", "soul"], "neo-soul"),
        (["shuffle", "funk"], "shuffle-funk"),
        (["samba"], "samba"),
        (["tango"], "tango"),
        (["ska"], "ska"),
        (["disco"], "disco"),
        (["folk"], "singer-songwriter"),
        (["acoustic"], "singer-songwriter"),
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

    /// Our style for an iReal style ("Medium Up Swing", "Jazz-Bossa Nova"). A song in 3/4,
    /// 5/4, 6/8 or 12/8 gets a style in its meter whatever its name; medium swing when
    /// nothing matches.
    static func style(for iRealStyle: String, compStyle: String = "", meter: Meter) -> String {
        let ballad = (iRealStyle + " " + compStyle).lowercased().contains("ballad")
        switch (meter.beatsPerBar, meter.beatUnit) {
        case (3, 4): return "jazz-waltz"
        case (5, 4): return "five-four"
        case (6, 8): return ballad ? "pop-ballad-6-8" : "afro-cuban-6-8"
        case (12, 8): return "gospel-12-8"
        default: break
        }
        for text in [iRealStyle, compStyle] where !text.isEmpty {
            let words = text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "&" }).map(String.init)
            for rule in rules where rule.words.allSatisfy({ w in words.contains { $0.hasPrefix(w) } }) {
                return rule.style
            }
        }
        return "medium-swing"
    }
}
