import Practice

extension PracticeRequest {
    /// The options a setlist line and `sideman play` share, as words: `blues --tempo 120
    /// --loop 1-4x2 --keys fourths --count-in 1 --metronome --mute bass`. One clear line for
    /// a word it does not know.
    public init(words: [String]) throws(PracticeError) {
        guard let first = words.first, !first.hasPrefix("--") else { throw PracticeError("give the song first, then its options") }
        self.init(song: first)
        var i = 1
        func value(_ name: String) throws(PracticeError) -> String {
            guard i + 1 < words.count, !words[i + 1].hasPrefix("--") else { throw PracticeError("\(name) needs a value") }
            i += 1
            return words[i]
        }
        func number(_ name: String) throws(PracticeError) -> Double {
            let text = try value(name)
            guard let n = Double(text) else { throw PracticeError("\(name) \(text): not a number") }
            return n
        }
        while i < words.count {
            let word = words[i]
            switch word {
            case "--tempo": tempo = try number(word)
            case "--key": key = try value(word)
            case "--loop": loop = try value(word)
            case "--ramp": ramp = try value(word)
            case "--keys": keys = try value(word)
            case "--count-in": countIn = Int(try number(word))
            case "--count-in-drums": countInDrums = true
            case "--metronome": metronome = true
            case "--breaks": breaks = try value(word)
            case "--display": display = try value(word)
            case "--intro": intro = true
            case "--ending": ending = true
            case "--choruses": choruses = Int(try number(word))
            case "--mute": mute = (mute ?? []) + (try value(word)).split(separator: ",").map(String.init)
            case "--volume": volume = (volume ?? []) + [try value(word)]
            default: throw PracticeError("unknown option \(word) (known: --tempo --key --loop --ramp --keys --count-in --count-in-drums --metronome --breaks --display --intro --ending --choruses --mute --volume)")
            }
            i += 1
        }
    }

    /// The request as the words that make it again (a saved setlist line).
    public var words: [String] {
        var w = [song]
        func add(_ name: String, _ value: String?) { if let value { w += [name, value] } }
        func number(_ n: Double) -> String { n == n.rounded() ? "\(Int(n))" : "\(n)" }
        add("--tempo", tempo.map(number))
        add("--key", key)
        add("--loop", loop)
        add("--ramp", ramp)
        add("--keys", keys)
        add("--count-in", countIn.map { "\($0)" })
        if countInDrums == true { w.append("--count-in-drums") }
        if metronome == true { w.append("--metronome") }
        add("--breaks", breaks)
        add("--display", display)
        if intro == true { w.append("--intro") }
        if ending == true { w.append("--ending") }
        add("--choruses", choruses.map { "\($0)" })
        for m in mute ?? [] { add("--mute", m) }
        for v in volume ?? [] { add("--volume", v) }
        return w
    }
}
