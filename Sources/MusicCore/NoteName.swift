/// Scientific pitch names for MIDI notes: C4 = 60, so C-1 = 0 and G9 = 127.
public enum NoteName {
    /// Parses "C4", "Eb3", "F#2", "Bb-1", "G9", "c#5" or a plain MIDI number "60".
    /// Returns nil for anything else, including notes outside 0...127.
    public static func parse(_ text: some StringProtocol) -> UInt7? {
        let trimmed = text.trimmingSpaces
        if let number = Int(trimmed) { return UInt7(number) }
        guard let (pc, rest) = PitchClass.parsePrefix(trimmed), !rest.isEmpty,
            let octave = Int(rest)
        else { return nil }
        // Accidentals may cross an octave boundary (Cb4 = B3, B#3 = C4): compute from the
        // letter's own octave, not from the wrapped pitch class.
        let letterOffset = letterSemitone(trimmed.first!)
        let accidentals = pc.rawValue - letterOffset
        let wrappedAccidental = accidentals > 6 ? accidentals - 12 : (accidentals < -6 ? accidentals + 12 : accidentals)
        return UInt7((octave + 1) * 12 + letterOffset + wrappedAccidental)
    }

    /// The name of a note with the default arranger spelling: 60 -> "C4", 63 -> "Eb4".
    public static func name(of note: UInt7, preferringFlats: Bool? = nil) -> String {
        let pc = PitchClass(note: note)
        let octave = Int(note.rawValue) / 12 - 1
        let letter = preferringFlats.map { pc.name(preferringFlats: $0) } ?? pc.description
        return "\(letter)\(octave)"
    }

    private static func letterSemitone(_ c: Character) -> Int {
        switch c {
        case "C", "c": 0
        case "D", "d": 2
        case "E", "e": 4
        case "F", "f": 5
        case "G", "g": 7
        case "A", "a": 9
        default: 11
        }
    }
}

extension StringProtocol {
    var trimmingSpaces: SubSequence {
        var s = self[...]
        while let f = s.first, f == " " || f == "\t" || f == "\r" || f == "\n" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" || l == "\n" { s = s.dropLast() }
        return s
    }
}
