import MusicCore

/// A 128-entry lookup from written key to played key for one set of rules under one chord,
/// refilled in place when the chord changes so that the audio thread plays a note with one
/// array read. Refilling reuses the storage (no allocation once built).
public struct NoteMap: Sendable {
    /// Played key per written key; -1 = silent.
    private var keys: [Int8]

    /// The identity map (every key as written).
    public init() {
        keys = (0..<128).map { Int8($0) }
    }

    public init(rules: TranspositionRules, chord: Chord) {
        self.init()
        update(rules: rules, chord: chord)
    }

    public mutating func update(rules: TranspositionRules, chord: Chord) {
        update(plan: TranspositionPlan(rules: rules, chord: chord))
    }

    public mutating func update(plan: TranspositionPlan) {
        keys.withUnsafeMutableBufferPointer { buffer in
            for n in 0..<128 {
                buffer[n] = plan.apply(n).map { Int8($0) } ?? -1
            }
        }
    }

    /// Every key as written.
    public mutating func setIdentity() {
        keys.withUnsafeMutableBufferPointer { buffer in
            for n in 0..<128 { buffer[n] = Int8(n) }
        }
    }

    /// Every key silent.
    public mutating func setSilent() {
        keys.withUnsafeMutableBufferPointer { buffer in
            for n in 0..<128 { buffer[n] = -1 }
        }
    }

    @inline(__always)
    public subscript(note: UInt7) -> UInt7? {
        let k = keys[note.intValue]
        return k < 0 ? nil : UInt7(rawValue: UInt8(k))
    }

    /// Raw lookup: played key or -1.
    @inline(__always)
    public func key(for written: Int) -> Int { Int(keys[written]) }
}
