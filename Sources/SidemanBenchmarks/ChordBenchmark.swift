import Arranger
import ChordRecognition
import MusicCore

#if canImport(Glibc)
    import Glibc
#endif

/// Prints the cost of one chord recognition per fingering mode (ns per call) and the time
/// the lookup table takes to build.
enum ChordBenchmark {
    static func nanoseconds() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }

    static func run() {
        let buildStart = nanoseconds()
        _ = ChordRecognizer(mode: .fingered).recognize(notes: [60, 64, 67])
        let buildMs = Double(nanoseconds() - buildStart) / 1e6
        print("chord table build: \(format2(buildMs)) ms")

        // A fixed pool of voicings: every type on every root in close position, plus
        // random key sets, played one after the other as a player would.
        var pool: [KeySet] = []
        for type in ChordType.allCases {
            for root in 0..<12 {
                pool.append(KeySet(type.tones.map { UInt7(clamping: 48 + root + $0) }))
            }
        }
        var state: UInt64 = 0x1234_5678
        for _ in 0..<4096 {
            var keys = KeySet()
            for _ in 0..<(3 + Int(state % 4)) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                keys.insert(UInt7(clamping: 36 + Int(state >> 33) % 48))
            }
            pool.append(keys)
        }

        let rounds = 200
        for mode in FingeringMode.allCases {
            let recognizer = ChordRecognizer(mode: mode)
            var previous: Chord? = nil
            var checksum = 0
            let start = nanoseconds()
            for _ in 0..<rounds {
                for keys in pool {
                    switch recognizer.recognize(keys, previous: previous) {
                    case .chord(let c):
                        previous = c
                        checksum &+= c.root.rawValue &+ c.type.rawValue
                    case .cancel: checksum &+= 34
                    case .unrecognised: break
                    }
                }
            }
            let elapsed = nanoseconds() - start
            let count = rounds * pool.count
            let perCall = Double(elapsed) / Double(count)
            print("chord recognition \(mode.rawValue): \(format2(perCall)) ns per recognition (\(count) calls, checksum \(checksum))")
        }
    }

    /// The keyboard processor on a stream of both-hands playing: ns per incoming event.
    static func runKeyboard() {
        var processor = KeyboardProcessor(sampleRate: 48_000)
        var events: [MIDIEvent] = []
        let chords: [[Int]] = [[36, 40, 43], [41, 45, 48], [43, 47, 50, 53], [45, 48, 52]]
        for (i, chord) in chords.enumerated() {
            for n in chord { events.append(.noteOn(channel: 0, note: UInt7(clamping: n), velocity: 90)) }
            for m in 0..<8 {
                let melody = UInt7(clamping: 64 + (i * 3 + m * 5) % 24)
                events.append(.noteOn(channel: 0, note: melody, velocity: 80))
                events.append(.noteOff(channel: 0, note: melody, velocity: 0))
            }
            for n in chord { events.append(.noteOff(channel: 0, note: UInt7(clamping: n), velocity: 0)) }
        }
        var outputs = 0
        let rounds = 20_000
        var time: Int64 = 0
        let start = nanoseconds()
        for _ in 0..<rounds {
            for event in events {
                time += 97
                processor.receive(event, at: time) { _ in outputs &+= 1 }
            }
        }
        let elapsed = nanoseconds() - start
        let count = rounds * events.count
        print("keyboard processor: \(format2(Double(elapsed) / Double(count))) ns per event (\(count) events, \(outputs) outputs)")
    }

    static func format2(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let frac = hundredths % 100
        return "\(hundredths / 100).\(frac < 10 ? "0" : "")\(frac)"
    }
}
