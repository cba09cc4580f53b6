import MusicCore

/// The key of each pass (chorus, or loop pass): as written, round the cycle of fourths or
/// fifths, up a semitone, random, or a list of keys.
///
/// Random goes on for ever in rounds of twelve passes: each round plays all twelve keys in
/// its own shuffled order, never the same key twice in a row (across rounds too), the first
/// pass as written. The order comes from a seed, so a practice track can be made again.
public enum KeyCycle: Hashable, Sendable {
    case none
    case fourths
    case fifths
    case chromatic
    case random(seed: UInt64)
    case list([PitchClass])

    /// Reads "fourths", "fifths", "chromatic", "random", "random:7" or a list "C,F,Bb,Eb".
    public init?(_ text: String) {
        switch text.lowercased() {
        case "none", "": self = .none
        case "fourths", "4ths": self = .fourths
        case "fifths", "5ths": self = .fifths
        case "chromatic": self = .chromatic
        case "random": self = .random(seed: 1)
        default:
            let lower = text.lowercased()
            if lower.hasPrefix("random:"), let seed = UInt64(lower.dropFirst("random:".count)) {
                self = .random(seed: seed)
                return
            }
            var keys: [PitchClass] = []
            for part in text.split(whereSeparator: { $0 == "," || $0 == " " }) {
                guard let key = ChartKey(part) else { return nil }
                keys.append(key.tonic)
            }
            guard !keys.isEmpty else { return nil }
            self = .list(keys)
        }
    }

    /// Semitones (0...11) the song moves up on pass `pass` (0-based), from a song in `home`.
    public func transposition(pass: Int, home: PitchClass) -> Int {
        switch self {
        case .none: return 0
        case .fourths: return (5 * pass) % 12
        case .fifths: return (7 * pass) % 12
        case .chromatic: return pass % 12
        case .list(let keys): return keys[pass % keys.count].interval(from: home)
        case .random(let seed): return Self.randomRound(pass / 12, seed: seed)[pass % 12]
        }
    }
}
