/// General MIDI names, so a style says "Acoustic Bass" or "kick" rather than 33 or 36.
enum GeneralMIDI {
    /// The 128 GM melodic programs, in order (index = zero-based program number).
    static let instruments: [String] = [
        "Acoustic Grand Piano", "Bright Acoustic Piano", "Electric Grand Piano", "Honky-tonk Piano",
        "Electric Piano 1", "Electric Piano 2", "Harpsichord", "Clavinet",
        "Celesta", "Glockenspiel", "Music Box", "Vibraphone", "Marimba", "Xylophone", "Tubular Bells", "Dulcimer",
        "Drawbar Organ", "Percussive Organ", "Rock Organ", "Church Organ", "Reed Organ", "Accordion", "Harmonica",
        "Tango Accordion",
        "Acoustic Guitar (nylon)", "Acoustic Guitar (steel)", "Electric Guitar (jazz)", "Electric Guitar (clean)",
        "Electric Guitar (muted)", "Overdriven Guitar", "Distortion Guitar", "Guitar Harmonics",
        "Acoustic Bass", "Electric Bass (finger)", "Electric Bass (pick)", "Fretless Bass", "Slap Bass 1",
        "Slap Bass 2", "Synth Bass 1", "Synth Bass 2",
        "Violin", "Viola", "Cello", "Contrabass", "Tremolo Strings", "Pizzicato Strings", "Orchestral Harp", "Timpani",
        "String Ensemble 1", "String Ensemble 2", "Synth Strings 1", "Synth Strings 2", "Choir Aahs", "Voice Oohs",
        "Synth Voice", "Orchestra Hit",
        "Trumpet", "Trombone", "Tuba", "Muted Trumpet", "French Horn", "Brass Section", "Synth Brass 1", "Synth Brass 2",
        "Soprano Sax", "Alto Sax", "Tenor Sax", "Baritone Sax", "Oboe", "English Horn", "Bassoon", "Clarinet",
        "Piccolo", "Flute", "Recorder", "Pan Flute", "Blown Bottle", "Shakuhachi", "Whistle", "Ocarina",
        "Lead 1 (square)", "Lead 2 (sawtooth)", "Lead 3 (calliope)", "Lead 4 (chiff)", "Lead 5 (charang)",
        "Lead 6 (voice)", "Lead 7 (fifths)", "Lead 8 (bass + lead)",
        "Pad 1 (new age)", "Pad 2 (warm)", "Pad 3 (polysynth)", "Pad 4 (choir)", "Pad 5 (bowed)", "Pad 6 (metallic)",
        "Pad 7 (halo)", "Pad 8 (sweep)",
        "FX 1 (rain)", "FX 2 (soundtrack)", "FX 3 (crystal)", "FX 4 (atmosphere)", "FX 5 (brightness)",
        "FX 6 (goblins)", "FX 7 (echoes)", "FX 8 (sci-fi)",
        "Sitar", "Banjo", "Shamisen", "Koto", "Kalimba", "Bagpipe", "Fiddle", "Shanai",
        "Tinkle Bell", "Agogo", "Steel Drums", "Woodblock", "Taiko Drum", "Melodic Tom", "Synth Drum", "Reverse Cymbal",
        "Guitar Fret Noise", "Breath Noise", "Seashore", "Bird Tweet", "Telephone Ring", "Helicopter", "Applause",
        "Gunshot",
    ]

    /// Drum kits on the percussion bank (GM2 / GS program numbers, zero-based).
    static let kits: [(name: String, program: Int)] = [
        ("Standard", 0), ("Room", 8), ("Power", 16), ("Electronic", 24), ("TR-808", 25), ("Jazz", 32),
        ("Brush", 40), ("Orchestra", 48),
    ]

    /// Short drum names for grid lines, with their GM percussion keys.
    static let drums: [(name: String, note: Int)] = [
        ("kick", 36), ("snare", 38), ("rim", 37), ("hihat", 42), ("openhat", 46), ("pedalhat", 44),
        ("ride", 51), ("bell", 53), ("crash", 49), ("hitom", 50), ("midtom", 47), ("lowtom", 45),
        ("floortom", 43), ("lowfloortom", 41), ("himidtom", 48), ("kick2", 35), ("snare2", 40), ("clap", 39),
        ("crash2", 57), ("ride2", 59), ("china", 52), ("splash", 55),
        ("tambourine", 54), ("cowbell", 56), ("vibraslap", 58),
        ("bongohi", 60), ("bongolo", 61), ("congamute", 62), ("congahi", 63), ("congalo", 64),
        ("timbalehi", 65), ("timbalelo", 66), ("agogohi", 67), ("agogolo", 68), ("cabasa", 69), ("shaker", 70),
        ("maracas", 70), ("whistle", 71), ("longwhistle", 72), ("guiro", 73), ("longguiro", 74), ("claves", 75),
        ("woodhi", 76), ("woodlo", 77), ("cuicamute", 78), ("cuica", 79), ("trianglemute", 80), ("triangle", 81),
    ]

    /// Lower-cased letters and digits only, so "Electric Guitar (jazz)", "electric guitar jazz" and
    /// "ElectricGuitarJazz" all match.
    static func key(_ text: some StringProtocol) -> String {
        String(text.lowercased().filter { $0.isLetter || $0.isNumber })
    }

    /// Zero-based program for a GM name (any spacing, case or punctuation).
    static func program(named text: some StringProtocol) -> Int? {
        let k = key(text)
        return instruments.firstIndex { key($0) == k }
    }

    static func kitProgram(named text: some StringProtocol) -> Int? {
        let k = key(text)
        return kits.first { key($0.name) == k }?.program
    }

    static func drumNote(named text: some StringProtocol) -> Int? {
        let k = key(text)
        if let n = Int(k), (0...127).contains(n) { return n }
        return drums.first { key($0.name) == k }?.note
    }
}
