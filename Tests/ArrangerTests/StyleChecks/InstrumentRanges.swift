/// The range a real player gets out of each General MIDI instrument (sounding pitch, MIDI
/// keys; middle C = 60). Synth sounds get a wide range; sound effects anything.
enum InstrumentRanges {
    /// (first program, last program, lowest key, highest key), zero-based programs.
    static let table: [(first: Int, last: Int, low: Int, high: Int)] = [
        (0, 3, 21, 108),  // pianos: A0–C8
        (4, 5, 28, 100),  // electric pianos: 73 keys, E1–E7
        (6, 7, 29, 89),  // harpsichord, clavinet: F1–F6
        (8, 8, 60, 108),  // celesta
        (9, 9, 79, 108),  // glockenspiel: G5–C8
        (10, 10, 60, 108),  // music box
        (11, 11, 53, 89),  // vibraphone: F3–F6
        (12, 12, 36, 96),  // marimba: C2–C7
        (13, 13, 65, 108),  // xylophone: F4–C8
        (14, 14, 60, 77),  // tubular bells: C4–F5
        (15, 15, 50, 88),  // dulcimer
        (16, 19, 24, 108),  // drawbar, percussive, rock and church organ (pedals and footages)
        (20, 20, 36, 96),  // reed organ
        (21, 21, 28, 93),  // accordion: bass side up to A6
        (22, 22, 60, 96),  // harmonica: C4–C7
        (23, 23, 28, 93),  // tango accordion
        (24, 25, 40, 86),  // acoustic guitars: E2 up the neck
        (26, 28, 40, 88),  // electric guitars: E2–E6
        (29, 30, 38, 88),  // overdriven, distortion (drop D)
        (31, 31, 52, 96),  // guitar harmonics
        (32, 32, 28, 67),  // upright bass: E1–G4 (thumb position)
        (33, 37, 23, 67),  // electric basses: B0 (five strings)–G4
        (38, 39, 21, 72),  // synth basses
        (40, 40, 55, 103),  // violin: G3–G7
        (41, 41, 48, 88),  // viola: C3–E6
        (42, 42, 36, 84),  // cello: C2–C6
        (43, 43, 24, 67),  // contrabass: C1 (extension)–G4
        (44, 45, 28, 103),  // tremolo, pizzicato strings (section)
        (46, 46, 24, 103),  // harp: C1–G7
        (47, 47, 36, 60),  // timpani: C2–C4
        (48, 49, 28, 103),  // string ensembles: contrabass to violins
        (50, 51, 24, 108),  // synth strings
        (52, 53, 40, 84),  // choir: E2 (basses)–C6 (sopranos)
        (54, 55, 36, 96),  // synth voice, orchestra hit
        (56, 56, 54, 84),  // trumpet: F#3–C6
        (57, 57, 40, 77),  // trombone: E2–F5
        (58, 58, 26, 65),  // tuba: D1–F4
        (59, 59, 54, 82),  // muted trumpet
        (60, 60, 35, 77),  // French horn: B1–F5
        (61, 61, 40, 84),  // brass section: trombones to trumpets
        (62, 63, 24, 96),  // synth brass
        (64, 64, 56, 88),  // soprano sax: Ab3–E6
        (65, 65, 49, 80),  // alto sax: Db3–Ab5
        (66, 66, 44, 76),  // tenor sax: Ab2–E5
        (67, 67, 36, 69),  // baritone sax: C2–A4
        (68, 68, 58, 91),  // oboe: Bb3–G6
        (69, 69, 52, 81),  // English horn
        (70, 70, 34, 75),  // bassoon: Bb1–Eb5
        (71, 71, 50, 91),  // clarinet: D3 sounding–G6
        (72, 72, 74, 108),  // piccolo: D5–C8
        (73, 73, 60, 96),  // flute: C4–C7
        (74, 74, 65, 98),  // recorder
        (75, 75, 60, 96),  // pan flute
        (76, 76, 60, 84),  // blown bottle
        (77, 77, 62, 88),  // shakuhachi
        (78, 78, 72, 98),  // whistle
        (79, 79, 69, 89),  // ocarina
        (80, 103, 24, 108),  // synth leads, pads, effects
        (104, 104, 48, 84),  // sitar
        (105, 105, 48, 86),  // banjo
        (106, 107, 48, 88),  // shamisen, koto
        (108, 108, 60, 88),  // kalimba
        (109, 109, 66, 82),  // bagpipe chanter
        (110, 110, 55, 100),  // fiddle
        (111, 111, 60, 84),  // shanai
        (112, 112, 72, 108),  // tinkle bell
        (113, 115, 48, 96),  // agogo, steel drums, woodblock
        (116, 118, 24, 84),  // taiko, melodic tom, synth drum
        (119, 127, 0, 127),  // reverse cymbal and sound effects
    ]

    /// The playable keys of a zero-based GM program.
    static func range(program: Int) -> ClosedRange<Int> {
        let row = table.first { $0.first <= program && program <= $0.last }
        return row.map { $0.low...$0.high } ?? 0...127
    }
}
