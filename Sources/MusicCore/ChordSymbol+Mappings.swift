extension ChordSymbol {
    /// THE table from written chord qualities to Yamaha's 34 playable types. Every symbol
    /// is first normalized (Cmin7 = C-7 = Cmi7 → "m7"; CΔ = CM7 = Cmaj7 → "maj7"; Cø = Cø7 =
    /// Cm7(b5) → "m7b5"; C7+5 = C+7 = C7aug → "7#5"; C7(9) → "9"; C(9) → "add9"; alterations
    /// sorted b5 #5 b9 #9 #11 b13), then looked up here. A quality not listed is an error, so
    /// nothing is ever played silently wrong.
    ///
    /// How the nearest type is chosen when Yamaha has no exact one:
    /// - An altered fifth (b5, #5, and "alt", whose #5/b13 is its fifth) wins over everything
    ///   else: the fifth sounds in every voicing, bass lines and pads play it, and a type with
    ///   a natural fifth would clash with the written one.
    /// - Then an altered ninth (b9, #9): it is the tension the writer went out of their way to
    ///   ask for, and it defines the dominant's pull; natural 13ths and b13s are dropped.
    /// - Then #11 (the lydian-dominant or lydian colour); a natural 13th beside it is dropped.
    /// - Natural extensions reduce to the richest type that holds them (C13 → 7(13), Cm13 →
    ///   m7(11), Cmaj13 → M7(9)); 11th chords on a dominant are played suspended, as jazz
    ///   players voice them (C11 = C9sus4 → 7sus4).
    /// - Added tones without a seventh keep the triad's quality (Cadd11 → major).
    /// docs/chord-symbols.md lists this table; a test keeps the two in step.
    public static let mappings: [ChordSymbolMapping] = [
        // Yamaha's own types, written as musicians write them.
        .init("", .major),
        .init("6", .sixth),
        .init("maj7", .major7),
        .init("maj7#11", .major7Sharp11),
        .init("add9", .add9),
        .init("maj9", .major9),
        .init("6/9", .sixNine),
        .init("aug", .augmented),
        .init("m", .minor),
        .init("m6", .minor6),
        .init("m7", .minor7),
        .init("m7b5", .minor7Flat5),
        .init("madd9", .minorAdd9),
        .init("m9", .minor9),
        .init("m11", .minor11),
        .init("mM7", .minorMajor7),
        .init("mM9", .minorMajor9),
        .init("dim", .diminished),
        .init("dim7", .diminished7),
        .init("7", .dominant7),
        .init("7sus4", .sevenSus4),
        .init("7b5", .sevenFlat5),
        .init("9", .nine),
        .init("7#11", .sevenSharp11),
        .init("13", .thirteen),
        .init("7b9", .sevenFlat9),
        .init("7b13", .sevenFlat13),
        .init("7#9", .sevenSharp9),
        .init("maj7#5", .major7Sharp5),
        .init("7#5", .sevenSharp5),
        .init("1+8", .onePlusEight),
        .init("5", .onePlusFive),
        .init("sus4", .sus4),
        .init("sus2", .sus2),

        // Triads and added tones.
        .init("mb5", .diminished, "a minor triad with a flat fifth is the diminished triad"),
        .init("add11", .major, "no major add11 type; the 11th is dropped and the major third kept"),
        .init("madd11", .minor11, "m7(11) sounds the 11th over the minor triad (its 7th and 9th are optional when played)"),
        .init("m6/9", .minor6, "no minor 6/9 type; the major sixth is the colour that matters, the 9th is dropped"),

        // Natural extensions.
        .init("11", .sevenSus4, "a dominant 11th is voiced without its third (C11 = C9sus4): the suspended dominant"),
        .init("9sus4", .sevenSus4, "the 9th is dropped; 7sus4 keeps the suspension and the 7th"),
        .init("11sus4", .sevenSus4, "the 11th is the suspended fourth itself; the 9th is dropped"),
        .init("13sus4", .sevenSus4, "the 9th and 13th are dropped; 7sus4 keeps the suspension and the 7th"),
        .init("m13", .minor11, "no minor 13th type; m7(11) keeps the 7th, 9th and 11th"),
        .init("maj13", .major9, "no major 13th type; M7(9) keeps the 7th and 9th"),
        .init("mM11", .minorMajor9, "no minor-major 11th type; mM7(9) keeps the major 7th and 9th"),
        .init("m9b5", .minor7Flat5, "half-diminished with a 9th; the 9th is dropped"),

        // #11 family.
        .init("maj9#11", .major7Sharp11, "M7#11 includes the 9th"),
        .init("maj13#11", .major7Sharp11, "M7#11 includes the 9th; the 13th is dropped"),
        .init("maj7b5", .major7Sharp11, "the flat fifth is the #11; M7#11 sounds it (beside a natural fifth)"),
        .init("9#11", .sevenSharp11, "7#11 includes the 9th"),
        .init("13#11", .sevenSharp11, "the #11 defines the lydian-dominant sound; the 13th is dropped"),

        // Altered fifths win.
        .init("9b5", .sevenFlat5, "the altered fifth is kept, the 9th dropped"),
        .init("9#5", .sevenSharp5, "the altered fifth is kept, the 9th dropped"),
        .init("7b5b9", .sevenFlat5, "the altered fifth sounds in every voicing; the b9 is dropped"),
        .init("7b5#9", .sevenFlat5, "the altered fifth sounds in every voicing; the #9 is dropped"),
        .init("7#5b9", .sevenSharp5, "the altered fifth sounds in every voicing; the b9 is dropped"),
        .init("7#5#9", .sevenSharp5, "the altered fifth sounds in every voicing; the #9 is dropped"),
        .init("7alt", .sevenSharp5, "an altered dominant has no natural fifth; 7aug plays its raised fifth (the b13) and 7th without a clash"),

        // Then altered ninths.
        .init("13b9", .sevenFlat9, "the b9 is the tension asked for; the 13th is dropped"),
        .init("13#9", .sevenSharp9, "the #9 is the tension asked for; the 13th is dropped"),
        .init("7b9#9", .sevenFlat9, "both ninths: the b9, which resolves down to the target's fifth, is kept"),
        .init("7b9#11", .sevenFlat9, "the b9 is kept over the #11"),
        .init("7#9#11", .sevenSharp9, "the #9 is kept over the #11"),
        .init("7b9b13", .sevenFlat9, "the b9 is kept; 7(b13) would add a natural fifth beside the b13"),
        .init("7#9b13", .sevenSharp9, "the #9 is kept; 7(b13) would add a natural fifth beside the b13"),

        // b13 with a natural ninth.
        .init("9b13", .sevenFlat13, "the b13 is kept, the 9th dropped"),
    ]

    private static let mappingsByQuality: [String: ChordSymbolMapping] = Dictionary(
        mappings.map { ($0.quality, $0) }, uniquingKeysWith: { first, _ in first })

    /// The table row for a normalized quality, if there is one.
    public static func mapping(for quality: String) -> ChordSymbolMapping? { mappingsByQuality[quality] }
}
