/// Small complete styles in 3/4 and 12/8 that pass every check: the checks must judge a
/// style in its own meter, not as if it were 4/4.
enum MeterStyles {
    static let parts = """
        part rhythm1
          kit Standard
          velocity 90
        part bass
          instrument Acoustic Bass
          limits E1 G3
        part chord1
          instrument Acoustic Grand Piano
          root fixed
          limits C3 C5
          velocity 70
        part pad
          instrument String Ensemble 1
          root fixed
          limits G3 G4
          velocity 50

        """

    /// A complete style: `mains` are the bodies of Main A–D; intro, fills, break and
    /// ending are built from `drums` and `bass`.
    /// Each main is two bars, a clap `pickup` marking the second, so no main is a one-bar loop.
    static func style(header: String, mains: [String], fill: String, hit: String, bass: String, chord: String,
                      pickup: String) -> String {
        var text = header + "humanize timing 6 velocity 4\n\n" + parts
        text += "section Intro 1\n  bars 1\n  rhythm1:\n    \(fill)\n  bass: \(bass)\n  chord1: \(chord)\n"
        for (letter, body) in zip(["A", "B", "C", "D"], mains) {
            text += "section Main \(letter)\n  bars 2\n"
                + body.replacingOccurrences(of: "  rhythm1:\n", with: "  rhythm1:\n    clap   \(pickup)\n")
            text += "section Fill \(letter)\n  bars 1\n  rhythm1:\n    \(fill)\n  bass: \(bass)\n"
        }
        text += "section Break\n  bars 1\n  rhythm1:\n    \(hit)\n  bass: \(bass)\n"
        text += "section Ending 1\n  bars 1\n  rhythm1:\n    \(hit)\n  bass: \(bass)\n  chord1: \(chord)\n"
        return text
    }

    static let waltz = style(
        header: "name check-waltz\ntitle Check Waltz\ngenre Waltz\nmeter 3/4\ntempo 132\n",
        mains: [
            "  rhythm1:\n    kick   x . . . . .\n    snare  . . x . x .\n    hihat  x g X g x g\n  bass: C2/h.\n"
                + "  chord1: r/q [E3 G3 C4]/q [E3 G3 C4]/q\n  pad: [G3 C4 E4]/h.\n",
            "  rhythm1:\n    kick   x . . . . .\n    snare  . . x . x .\n    hihat  x g X g x g\n  bass: C2/h G1/q\n"
                + "  chord1: r/q [E3 G3 C4]/q [E3 G3 C4]/q\n  pad: [G3 C4 E4]/h.\n",
            "  rhythm1:\n    kick   x . . . . .\n    snare  . . x . x .\n    hihat  x g X g x g\n    ride   x x x x x x\n"
                + "  bass: C2/q G1 E2\n  chord1: [E3 G3 C4]/q [E3 G3 C4]/q [E3 G3 C4]/q\n  pad: [G3 C4 E4]/h.\n",
            "  rhythm1:\n    kick   x . . . x .\n    snare  . . X . X .\n    hihat  X g X g X g\n    ride   x x x x x x\n"
                + "  bass: C2/q G1 E2\n  chord1: [E3 G3 C4]/e [E3 G3 C4] [E3 G3 C4] [E3 G3 C4] [E3 G3 C4] [E3 G3 C4]\n"
                + "  pad: [G3 C4 E4]/h.\n",
        ],
        fill: "snare  . . x x X X", hit: "kick   X . . . . .", bass: "C2/h.", chord: "[E3 G3 C4]/h.",
        pickup: ". . . . . . | . . . . . x")

    static let slowBlues = style(
        header: "name check-slow-blues\ntitle Check Slow Blues\ngenre Blues\nmeter 12/8\ntempo 90\n",
        mains: [
            "  rhythm1:\n    kick   x . . . . . x . . . . .\n    snare  . . . x . . . . . x . .\n    hihat  x g g X g g x g g X g g\n"
                + "  bass: C2/q. C2 G1 C2\n  chord1: r/q. [E3 G3 C4]/q. r/q. [E3 G3 C4]/q.\n  pad: [G3 C4 E4]/w.\n",
            "  rhythm1:\n    kick   x . . . . . x . . . . .\n    snare  . . . x . . . . . x . .\n    hihat  x g g X g g x g g X g g\n"
                + "  bass: C2/q. E2 G2 E2\n  chord1: r/q. [E3 G3 C4]/q. r/q. [E3 G3 C4]/q.\n  pad: [G3 C4 E4]/w.\n",
            "  rhythm1:\n    kick   x . . . . . x . . . . .\n    snare  . . . x . . . . . x . .\n    hihat  x g g X g g x g g X g g\n"
                + "    ride   x x x x x x x x x x x x\n  bass: C2/q. E2 G2 E2\n"
                + "  chord1: [E3 G3 C4]/q. [E3 G3 C4] [E3 G3 C4] [E3 G3 C4]\n  pad: [G3 C4 E4]/w.\n",
            "  rhythm1:\n    kick   x . . . . x x . . . . x\n    snare  . . . X . . . . . X . .\n    hihat  X g g X g g X g g X g g\n"
                + "    ride   x x x x x x x x x x x x\n  bass: C2/e C2 C2 E2 E2 E2 G2 G2 G2 E2 E2 E2\n"
                + "  chord1: [E3 G3 C4]/e [E3 G3 C4] [E3 G3 C4] [E3 G3 C4] [E3 G3 C4] [E3 G3 C4] [E3 G3 C4] [E3 G3 C4] [E3 G3 C4] [E3 G3 C4] [E3 G3 C4] [E3 G3 C4]\n"
                + "  pad: [G3 C4 E4]/w.\n",
        ],
        fill: "snare  . . . x . x x x x X X X", hit: "kick   X . . . . . . . . . . .", bass: "C2/w.", chord: "[E3 G3 C4]/w.",
        pickup: ". . . . . . . . . . . . | . . . . . . . . . . . x")
}
