import Foundation

/// A small complete style that passes every check, and the faults the self-tests put in it
/// (one text substitution each) to prove each check can fail.
enum FaultyStyles {
    static let good = """
        name check-base
        title Check Base
        genre Rock
        meter 4/4
        tempo 120
        humanize timing 6 velocity 4

        part rhythm1
          kit Standard
          velocity 90
        part bass
          instrument Electric Bass (finger)
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

        section Intro 1
          bars 1
          rhythm1:
            kick   x . . . x . . .
            hihat  x g x g X g x g
          bass: C2/q C2 C2 C2
          chord1: [E3 G3 C4]/h [E3 G3 C4]/h
        section Main A
          bars 2
          rhythm1:
            clap   . . . . . . . . | . . . . . . . x
            kick   x . . . x . . .
            snare  . . x . . . x .
            hihat  x g x g X g x g
          bass: C2/q C2 C2 C2
          chord1: [E3 G3 C4]/h [E3 G3 C4]/h
          pad: [G3 C4 E4]/w
        section Main B
          bars 2
          rhythm1:
            clap   . . . . . . . . | . . . . . . . x
            kick   x . . . x . . .
            snare  . . x . . . x .
            hihat  x g x g X g x g
          bass: C2/q C2 C2 C2
          chord1: [E3 G3 C4]/q [E3 G3 C4] [E3 G3 C4] [E3 G3 C4]
          pad: [G3 C4 E4]/w
        section Main C
          bars 2
          rhythm1:
            clap   . . . . . . . . | . . . . . . . x
            kick   x . . . x . . .
            snare  . . x . . . x .
            hihat  x g x g X g x g
            ride   x x x x x x x x
          bass: C2/e C2 C2 C2 C2 C2 C2 C2
          chord1: [E3 G3 C4]/q [E3 G3 C4] [E3 G3 C4] [E3 G3 C4]
          pad: [G3 C4 E4]/w
        section Main D
          bars 2
          rhythm1:
            clap   . . . . . . . . | . . . . . . . x
            kick   x . . . x . . .
            snare  . . X . . . X .
            hihat  X g X g X g X g
            ride   x x x x x x x x
          bass: C2/e C2 C2 C2 C2 C2 C2 C2
          chord1: [E3 G3 C4]/e [E3 G3 C4] [E3 G3 C4] [E3 G3 C4] [E3 G3 C4] [E3 G3 C4] [E3 G3 C4] [E3 G3 C4]
          pad: [G3 C4 E4]/w
        section Fill A
          bars 1
          rhythm1:
            kick   x . . . x . . .
            snare  . . x . x x X X
          bass: C2/q C2 C2 C2
        section Fill B
          bars 1
          rhythm1:
            kick   x . . . x . . .
            snare  . . x . x x X X
          bass: C2/q C2 C2 C2
        section Fill C
          bars 1
          rhythm1:
            kick   x . . . x . . .
            snare  . . x . x x X X
          bass: C2/q C2 C2 C2
        section Fill D
          bars 1
          rhythm1:
            kick   x . . . x . . .
            snare  . . x . x x X X
          bass: C2/q C2 C2 C2
        section Break
          bars 1
          rhythm1:
            kick   X . . . . . . .
          bass: C2/q r/q r/h
        section Ending 1
          bars 1
          rhythm1:
            kick   X . . . . . . .
          bass: C2/w
          chord1: [E3 G3 C4]/w

        """

    /// The good style with `old` replaced by `new` (which must occur).
    static func with(_ old: String, _ new: String) -> String {
        precondition(good.contains(old), "the base style has no \"\(old)\"")
        return good.replacingOccurrences(of: old, with: new)
    }
}
